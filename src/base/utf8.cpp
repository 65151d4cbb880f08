#include "base/utf8.hpp"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <memory>
#include <optional>

#include "base/strings.hpp"

namespace reportkg::utf8 {

namespace {

// Eight bytes of `s` from `i` as one word (in memory order; the tests below look at every byte
// alike).
std::uint64_t word_at(std::string_view s, std::size_t i) {
  std::uint64_t w = 0;
  std::memcpy(&w, s.data() + i, sizeof w);
  return w;
}

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighs = kOnes * 0x80;

}  // namespace

std::size_t find_invalid(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    if (c < 0x80) {  // ASCII: eight bytes at a time while there are eight
      ++i;
      while (i + 8 <= n && !(word_at(s, i) & kHighs)) i += 8;
      continue;
    }
    std::size_t len = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((c & 0xE0) == 0xC0) {
      len = 2, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, cp = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, cp = c & 0x07, min = 0x10000;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

char32_t next_multibyte(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
  char32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < len && i + k < s.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  }
  i += len;
  return cp;
}

void append(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

namespace {

// The bytes of a word that are not continuation bytes (10xxxxxx): their top bits, moved to the
// bottom and added up by one multiplication (std::popcount is a library call without the POPCNT
// instruction).
std::size_t leading_bytes(std::uint64_t w) {
  const std::uint64_t continuation = (w & ~(w << 1) & kHighs) >> 7;
  return 8 - static_cast<std::size_t>((continuation * kOnes) >> 56);
}

bool is_leading_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

}  // namespace

// The bytes that are not continuation bytes, counted eight at a time.
std::size_t length(std::string_view s) {
  std::size_t n = 0;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) n += leading_bytes(word_at(s, i));
  for (; i < s.size(); ++i) n += is_leading_byte(s[i]);
  return n;
}

std::size_t line_end(std::string_view s, std::size_t pos) {
  // memchr (vectorized in the C library) for a line feed, then for a carriage return before it,
  // a stretch at a time: a text that breaks its lines with carriage returns alone must not be
  // searched to its end for a line feed at every line.
  constexpr std::size_t kStretch = 512;
  for (; pos < s.size(); pos += kStretch) {
    const char* const from = s.data() + pos;
    const std::size_t n = std::min(kStretch, s.size() - pos);
    const void* const lf = std::memchr(from, '\n', n);
    const std::size_t until =
        lf ? static_cast<std::size_t>(static_cast<const char*>(lf) - from) : n;
    if (const void* const cr = std::memchr(from, '\r', until))
      return pos + static_cast<std::size_t>(static_cast<const char*>(cr) - from);
    if (lf) return pos + until;
  }
  return s.size();
}

CodePointIndex::CodePointIndex(std::string_view text) : text_(text) {
  checkpoints_.resize(text.size() / 8 + 1);
  std::size_t cps = 0;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    checkpoints_[i / 8] = cps;
    cps += leading_bytes(word_at(text, i));
  }
  checkpoints_[i / 8] = cps;
  for (; i < text.size(); ++i) cps += is_leading_byte(text[i]);
  length_ = cps;
}

std::size_t CodePointIndex::at(std::size_t byte) const {
  if (byte >= text_.size()) return length_;
  std::size_t cps = checkpoints_[byte / 8];
  for (std::size_t i = byte & ~std::size_t{7}; i < byte; ++i) cps += is_leading_byte(text_[i]);
  return cps;
}

namespace {

std::string to_utf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

icu::UnicodeString from_utf8(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

bool is_ascii(std::string_view s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

void append_lower(std::string& out, std::string_view s) {
  // ASCII and Latin-1 letters (all of German but capital ẞ) lower-case without ICU: A-Z and
  // U+00C0-U+00DE but U+00D7 (×) map one to one, 0x20 apart, in ICU's German mapping too.
  const std::size_t start = out.size();
  out.append(s);
  // Through a local pointer and length: a store through `out` itself could change its size and
  // data as far as the compiler knows, which it would then load again for every byte.
  char* const p = out.data() + start;
  const std::size_t n = s.size();
  // ASCII eight bytes at a time: a byte is a capital where adding 0x3F sets its top bit ('A' and
  // above) and adding 0x25 does not ('Z' and below); no sum carries into the next byte.
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, p + i, sizeof w);
    if (w & kHighs) break;
    w |= (((w + kOnes * 0x3F) ^ (w + kOnes * 0x25)) & kHighs) >> 2;
    std::memcpy(p + i, &w, sizeof w);
  }
  for (; i < n; ++i) {
    const auto u = static_cast<unsigned char>(p[i]);
    if (u < 0x80) {
      if (u >= 'A' && u <= 'Z') p[i] = static_cast<char>(u - 'A' + 'a');
    } else if (u == 0xC3 && i + 1 < n) {
      const auto v = static_cast<unsigned char>(p[++i]);
      if (v < 0x80 || v > 0xBF) break;
      if (v <= 0x9E && v != 0x97) p[i] = static_cast<char>(v + 0x20);
    } else if (u == 0xC2 && i + 1 < n) {
      const auto v = static_cast<unsigned char>(p[++i]);
      if (v < 0x80 || v > 0xBF) break;  // U+0080-U+00BF: no letters that change
    } else {
      break;  // not Latin-1
    }
  }
  if (i >= n) return;
  out.resize(start);
  icu::UnicodeString u = from_utf8(s);
  u.toLower(icu::Locale::getGerman());
  out.append(to_utf8(u));
}

std::string to_lower(std::string_view s) {
  std::string out;
  append_lower(out, s);
  return out;
}

std::string capitalize(std::string_view s) {
  if (s.empty()) return {};
  std::size_t i = 0;
  const char32_t first = next(s, i);
  std::string out;
  append(out, static_cast<char32_t>(u_toupper(static_cast<UChar32>(first))));
  out.append(s.substr(i));
  return out;
}

bool starts_upper_multibyte(std::string_view s) {
  std::size_t i = 0;
  return u_isupper(static_cast<UChar32>(next(s, i))) != 0;
}

bool starts_letter(std::string_view s) {
  if (s.empty()) return false;
  std::size_t i = 0;
  return u_isalpha(static_cast<UChar32>(next(s, i))) != 0;
}

std::string nfc(std::string_view s) {
  if (is_ascii(s)) return std::string(s);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(s);
  icu::UnicodeString out = n->normalize(from_utf8(s), status);
  return U_FAILURE(status) ? std::string(s) : to_utf8(out);
}

namespace {

// Characters whose transliteration to ASCII depends only on whether a lower-case letter follows
// them (cmake/ascii_table.cpp checks that with ICU's transliterator when it makes the table), by
// code point: Latin letters and punctuation.
struct AsciiEntry {
  char32_t code_point;
  bool lower;                // a lower-case letter itself
  const char* alone;         // followed by anything else, or by nothing
  const char* before_lower;  // followed by a lower-case letter
};
constexpr AsciiEntry kAsciiTable[] = {
#include "ascii_table.inc"
};

const AsciiEntry* ascii_entry(char32_t c) {
  const auto* it =
      std::lower_bound(std::begin(kAsciiTable), std::end(kAsciiTable), c,
                       [](const AsciiEntry& e, char32_t value) { return e.code_point < value; });
  return it != std::end(kAsciiTable) && it->code_point == c ? it : nullptr;
}

// Whether the table can give the transliteration of a word with the character `c`, which it
// then has (`entry`) unless `c` is printable ASCII, which stays as it is (the table's maker checks
// both).
bool in_table(char32_t c, const AsciiEntry*& entry) {
  entry = c < 0x80 ? nullptr : ascii_entry(c);
  return entry != nullptr || (c > 0x20 && c < 0x7F);
}

// The word (valid UTF-8, not empty) in ASCII through kAsciiTable, or nothing where the table
// cannot give it.
std::optional<std::string> ascii_by_table(std::string_view word) {
  std::string out;
  std::size_t i = 0;
  char32_t c = next(word, i);
  const AsciiEntry* entry = nullptr;
  if (!in_table(c, entry)) return std::nullopt;
  for (;;) {
    const bool last = i >= word.size();
    const char32_t after = last ? 0 : next(word, i);
    const AsciiEntry* after_entry = nullptr;
    if (!last && !in_table(after, after_entry)) return std::nullopt;
    if (entry == nullptr) {
      out += static_cast<char>(c);
    } else {
      const bool before_lower =
          !last && (after_entry != nullptr ? after_entry->lower : after >= 'a' && after <= 'z');
      out += before_lower ? entry->before_lower : entry->alone;
    }
    if (last) return out;
    c = after;
    entry = after_entry;
  }
}

// The transliteration of one word (a run of non-blank characters) to ASCII: ICU's, through
// kAsciiTable where the table has all its characters.
std::string transliterate_word(std::string_view word) {
  if (auto by_table = ascii_by_table(word)) return std::move(*by_table);
  // ICU transliterators are not thread-safe: one per thread.
  thread_local std::unique_ptr<icu::Transliterator> tr = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "de-ASCII; Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    return U_FAILURE(status) ? nullptr : std::move(t);
  }();
  icu::UnicodeString u = from_utf8(word);
  if (tr) tr->transliterate(u);
  std::string ascii;
  for (const char c : to_utf8(u)) {
    if (static_cast<unsigned char>(c) < 0x80) ascii += c;
  }
  return ascii;
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

std::string to_ascii(std::string_view s) {
  if (is_ascii(s)) return std::string(s);
  // Names repeat from report to report, and their words even more: each word goes through ICU
  // (tens of microseconds) once per thread. The transliteration rules look no further than the
  // word, so the result is the same as for the whole text.
  thread_local BoundedCache<std::string> cache(1 << 16);
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t end = i;
    while (end < s.size() && !is_blank(s[end])) ++end;
    const std::string_view word = s.substr(i, end - i);
    if (is_ascii(word)) {
      out += word;
    } else {
      out += cache.get(word, [&] { return transliterate_word(word); });
    }
    while (end < s.size() && is_blank(s[end])) out += s[end++];
    i = end;
  }
  return out;
}

}  // namespace reportkg::utf8
