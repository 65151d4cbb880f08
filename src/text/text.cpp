#include "text/text.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <iterator>

#include "base/utf8.hpp"

namespace reportkg::text {
namespace {

// Out of line: the ASCII tests below stay small enough to inline.
[[gnu::noinline]] bool icu_word_char(char32_t c) {
  return u_isalnum(static_cast<UChar32>(c)) ||
         u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK ||
         u_charType(static_cast<UChar32>(c)) == U_COMBINING_SPACING_MARK;
}
[[gnu::noinline]] bool icu_space(char32_t c) {
  return u_isUWhiteSpace(static_cast<UChar32>(c)) || c == 0xFEFF;
}

// ICU's answers for the ASCII characters, asked once: most characters of a report are ASCII.
struct AsciiClasses {
  std::array<bool, 128> word{}, space{};
  AsciiClasses() {
    for (char32_t c = 0; c < 128; ++c) {
      word[c] = icu_word_char(c);
      space[c] = icu_space(c);
    }
  }
};
const AsciiClasses kAscii;

bool is_word_char(char32_t c) { return c < 128 ? kAscii.word[c] : icu_word_char(c); }
bool is_space(char32_t c) { return c < 128 ? kAscii.space[c] : icu_space(c); }
bool is_hyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_open_quote(char32_t c) { return c == 0x201E || c == 0x00AB || c == 0x201A || c == 0x201C; }
bool is_close_quote(char32_t c) {
  return c == 0x201C || c == 0x201D || c == 0x00BB || c == 0x2018 || c == 0x2019;
}

char32_t peek(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  return utf8::next(s, i);
}

// Tokenizes one line [begin, end) of `s` and appends to `out`.
void tokenize_line(std::string_view s, std::size_t begin, std::size_t end,
                   std::vector<Token>& out) {
  std::size_t i = begin;
  bool space = true;
  bool in_straight_quote = false;
  while (i < end) {
    std::size_t j = i;
    const char32_t c = utf8::next(s, j);
    if (is_space(c)) {
      space = true;
      i = j;
      continue;
    }
    Token& t = out.emplace_back();  // filled in place: no copy of a half-written token
    t.begin = static_cast<std::uint32_t>(i);
    t.space_before = space;
    space = false;
    std::string_view rest = s.substr(i, end - i);
    if (rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.")) {
      std::size_t k = i;
      while (k < end && !is_space(peek(s, k))) utf8::next(s, k);
      // A URL does not end in sentence punctuation.
      while (k > i && (s[k - 1] == '.' || s[k - 1] == ',' || s[k - 1] == ')')) --k;
      t.end = static_cast<std::uint32_t>(k);
      t.kind = TokenKind::kUrl;
      i = k;
    } else if (is_digit(c)) {
      // Digits with German group and decimal separators: 2.500 / 3,5 / 1.000.000
      std::size_t k = j;
      while (k < end) {
        std::size_t k2 = k;
        const char32_t d = utf8::next(s, k2);
        if (is_digit(d)) {
          k = k2;
        } else if ((d == '.' || d == ',') && is_digit(peek(s, k2))) {
          k = k2;
        } else {
          break;
        }
      }
      // "COVID-19-Pandemie", "G20": letters or hyphen-word after digits make it a word.
      const char32_t after = peek(s, k);
      if (is_word_char(after) || (is_hyphen(after) && is_word_char(peek(s, k + 1)))) {
        while (k < end) {
          std::size_t k2 = k;
          const char32_t d = utf8::next(s, k2);
          if (is_word_char(d) || (is_hyphen(d) && k2 < end && is_word_char(peek(s, k2)))) {
            k = k2;
          } else {
            break;
          }
        }
        t.kind = TokenKind::kWord;
      } else {
        t.kind = TokenKind::kNumber;
      }
      t.end = static_cast<std::uint32_t>(k);
      i = k;
    } else if (is_word_char(c) || (is_hyphen(c) && is_word_char(peek(s, j)) && t.space_before)) {
      // A word; inner hyphens join parts; a leading hyphen ("-Übereinkommens" after a space) and
      // a trailing one ("Drogen- und ...") stay on the word.
      std::size_t k = j;
      while (k < end) {
        // ASCII letters and digits, most of a word, without decoding.
        if (const auto b = static_cast<unsigned char>(s[k]); b < 0x80 && kAscii.word[b]) {
          ++k;
          continue;
        }
        std::size_t k2 = k;
        const char32_t d = utf8::next(s, k2);
        if (is_word_char(d) || d == 0x00AD) {
          k = k2;
        } else if (is_hyphen(d)) {
          const char32_t n = peek(s, k2);
          if (is_word_char(n)) {
            k = k2;
          } else if (k2 >= end || is_space(n) || n == ',') {
            k = k2;  // trailing hyphen of an elided compound part
            break;
          } else {
            break;
          }
        } else if ((d == '\'' || d == 0x2019) && is_word_char(peek(s, k2)) && !is_open_quote(d)) {
          k = k2;  // O'Brien, Côte d'Ivoire
        } else {
          break;
        }
      }
      t.kind = TokenKind::kWord;
      t.end = static_cast<std::uint32_t>(k);
      i = k;
    } else {
      t.end = static_cast<std::uint32_t>(j);
      i = j;
      if (c == '"') {
        // A straight quote opens when it follows space or opening punctuation, else closes.
        t.kind = (!in_straight_quote) ? TokenKind::kOpenQuote : TokenKind::kCloseQuote;
        in_straight_quote = !in_straight_quote;
      } else if (c == 0x201C) {
        // “ closes a „ (German) and opens otherwise (English).
        bool open_de = false;
        for (auto it = std::next(out.rbegin()); it != out.rend() && it->begin >= begin; ++it) {
          if (it->kind == TokenKind::kOpenQuote) {
            open_de = true;
            break;
          }
          if (it->kind == TokenKind::kCloseQuote) break;
        }
        t.kind = open_de ? TokenKind::kCloseQuote : TokenKind::kOpenQuote;
      } else if (is_open_quote(c)) {
        t.kind = TokenKind::kOpenQuote;
      } else if (is_close_quote(c)) {
        t.kind = TokenKind::kCloseQuote;
      } else {
        t.kind = TokenKind::kPunct;
      }
    }
  }
}

bool is_sentence_end_punct(std::string_view p) { return p == "." || p == "!" || p == "?"; }

}  // namespace

std::string_view Text::span(std::size_t first, std::size_t last) const {
  if (first >= last) return {};
  return std::string_view(doc->text).substr(tokens[first].begin,
                                            tokens[last - 1].end - tokens[first].begin);
}

std::optional<std::string> parse_number(std::string_view tok) {
  if (tok.empty() || !(tok[0] >= '0' && tok[0] <= '9')) return std::nullopt;
  if (tok.back() == '.') tok.remove_suffix(1);
  std::string digits;
  std::string frac;
  bool in_frac = false;
  int groups = 0;
  std::size_t since_sep = 0;
  for (std::size_t i = 0; i < tok.size(); ++i) {
    const char c = tok[i];
    if (c >= '0' && c <= '9') {
      (in_frac ? frac : digits) += c;
      ++since_sep;
    } else if (c == '.' && !in_frac) {
      // German thousands separator: groups of exactly three digits follow.
      if (groups > 0 && since_sep != 3) return std::nullopt;
      ++groups;
      since_sep = 0;
    } else if (c == ',' && !in_frac) {
      if (groups > 0 && since_sep != 3) return std::nullopt;
      in_frac = true;
    } else {
      return std::nullopt;
    }
  }
  if (groups > 0 && !in_frac && since_sep != 3) {
    // "3.5" written the English way: one dot followed by other than three digits.
    if (groups == 1) {
      const auto dot = tok.find('.');
      return std::string(tok.substr(0, dot)) + "." + std::string(tok.substr(dot + 1));
    }
    return std::nullopt;
  }
  const auto nz = digits.find_first_not_of('0');
  digits = nz == std::string::npos ? "0" : digits.substr(nz);
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  return frac.empty() ? digits : digits + "." + frac;
}

Text analyze(const input::Document& doc, const Conventions& conventions) {
  const auto& abbreviations = conventions.abbreviations;
  Text out;
  out.doc = &doc;
  const std::string_view s = doc.text;
  out.lowered.reserve(s.size());
  // German text has a token for every seven bytes or so (a word and a space); room for one in
  // four covers text thick with numbers and punctuation too, so that the vector does not grow
  // (and copy its tokens) at all.
  out.tokens.reserve(s.size() / 4);
  auto in_boilerplate = [&](std::size_t pos) {
    return std::any_of(doc.boilerplate.begin(), doc.boilerplate.end(),
                       [&](const input::Range& r) { return pos >= r.begin && pos < r.end; });
  };

  std::uint32_t paragraph = 0;
  std::size_t line_begin = 0;
  while (line_begin <= s.size()) {
    const std::size_t line_end = utf8::line_end(s, line_begin);
    if (line_end > line_begin && !in_boilerplate(line_begin)) {
      const std::size_t first = out.tokens.size();
      tokenize_line(s, line_begin, line_end, out.tokens);
      std::size_t last = out.tokens.size();
      if (last > first) {
        for (std::size_t i = first; i < last; ++i) {
          Token& t = out.tokens[i];
          const std::string_view ts = s.substr(t.begin, t.end - t.begin);
          t.upper = utf8::starts_upper(ts);
          t.lower_begin = static_cast<std::uint32_t>(out.lowered.size());
          if (t.kind == TokenKind::kWord) {
            utf8::append_lower(out.lowered, ts);
          } else {
            out.lowered.append(ts);
          }
          t.lower_size = static_cast<std::uint32_t>(out.lowered.size() - t.lower_begin);
        }
        // Sentences within the line.
        std::size_t sent_first = first;
        for (std::size_t i = first; i < last; ++i) {
          Token& t = out.tokens[i];
          if (t.kind == TokenKind::kNumber && i + 1 < last && out.str(i + 1) == "." &&
              out.tokens[i + 1].begin == t.end) {
            // "der 78. Weltgesundheitsversammlung", "25. Juni": an ordinal dot; "stieg auf 78.
            // Danach ..." ends a sentence.
            const bool next_lower = i + 2 < last && !out.tokens[i + 2].upper &&
                                    out.tokens[i + 2].kind == TokenKind::kWord;
            const bool next_month =
                i + 2 < last && conventions.months.count(utf8::to_lower(out.str(i + 2))) > 0;
            const bool short_number = t.end - t.begin <= 3;
            const bool after_determiner =
                i > first && out.tokens[i - 1].kind == TokenKind::kWord &&
                conventions.determiners.count(utf8::to_lower(out.str(i - 1))) > 0;
            if (i + 2 < last && short_number && (after_determiner || next_lower || next_month)) {
              t.ordinal = true;
              t.end = out.tokens[i + 1].end;
              out.tokens.erase(out.tokens.begin() + static_cast<std::ptrdiff_t>(i) + 1);
              --last;
            }
          }
        }
        const std::size_t last2 = out.tokens.size();
        for (std::size_t i = first; i < last2; ++i) {
          const std::string_view ts = out.str(i);
          bool end_here = false;
          if (out.tokens[i].kind == TokenKind::kPunct && is_sentence_end_punct(ts)) {
            const bool abbrev = ts == "." && i > first &&
                                out.tokens[i - 1].kind == TokenKind::kWord &&
                                out.tokens[i - 1].end == out.tokens[i].begin &&
                                abbreviations.count(std::string(out.lower(i - 1))) > 0;
            if (!abbrev) {
              // Closing quotes and brackets right after the period belong to this sentence.
              std::size_t k = i + 1;
              while (k < last2 &&
                     (out.tokens[k].kind == TokenKind::kCloseQuote || out.str(k) == ")"))
                ++k;
              if (k >= last2 || out.tokens[k].upper ||
                  out.tokens[k].kind == TokenKind::kOpenQuote ||
                  out.tokens[k].kind == TokenKind::kNumber) {
                i = k - 1;
                end_here = true;
              }
            }
          }
          if (end_here || i + 1 == last2) {
            Sentence sent;
            sent.first = static_cast<std::uint32_t>(sent_first);
            sent.last = static_cast<std::uint32_t>(i + 1);
            sent.paragraph = paragraph;
            sent.begin = out.tokens[sent_first].begin;
            sent.end = out.tokens[i].end;
            const std::string_view lt = out.str(i);
            sent.heading = !(out.tokens[i].kind == TokenKind::kPunct &&
                             (is_sentence_end_punct(lt) || lt == ":")) &&
                           out.tokens[i].kind != TokenKind::kCloseQuote && sent_first == first;
            const auto index = static_cast<std::uint32_t>(out.sentences.size());
            for (std::size_t k = sent_first; k <= i; ++k) out.tokens[k].sentence = index;
            out.sentences.push_back(sent);
            sent_first = i + 1;
          }
        }
        ++paragraph;
      }
    }
    if (line_end >= s.size()) break;
    line_begin =
        line_end +
        ((s[line_end] == '\r' && line_end + 1 < s.size() && s[line_end + 1] == '\n') ? 2 : 1);
  }
  return out;
}

}  // namespace reportkg::text
