#include "base/utf8.hpp"

#include <doctest/doctest.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>

namespace {

using namespace reportkg;
constexpr auto npos = std::string_view::npos;

}  // namespace

TEST_CASE("valid UTF-8 with umlauts, ß and an emoji has no invalid sequence") {
  CHECK(utf8::find_invalid("") == npos);
  CHECK(utf8::find_invalid("Grüße aus Köln 😀, Straße") == npos);
  CHECK(utf8::find_invalid("\xF4\x8F\xBF\xBF") == npos);  // U+10FFFF, the last code point
}

TEST_CASE("an invalid sequence is found at its byte offset") {
  SUBCASE("an overlong encoding of '/'") { CHECK(utf8::find_invalid("ab\xC0\xAF") == 2); }
  SUBCASE("an overlong three-byte encoding") { CHECK(utf8::find_invalid("x\xE0\x80\xAF") == 1); }
  SUBCASE("a UTF-16 surrogate") { CHECK(utf8::find_invalid("Ärger \xED\xA0\x80!") == 7); }
  SUBCASE("a sequence cut off at the end") { CHECK(utf8::find_invalid("Euro \xE2\x82") == 5); }
  SUBCASE("a lead byte followed by ASCII") { CHECK(utf8::find_invalid("M\xC3x") == 1); }
  SUBCASE("a stray continuation byte") { CHECK(utf8::find_invalid("ok\x80") == 2); }
  SUBCASE("a code point above U+10FFFF") { CHECK(utf8::find_invalid("\xF4\x90\x80\x80") == 0); }
  SUBCASE("only the first of two errors") { CHECK(utf8::find_invalid("ü\xFFü\xFF") == 2); }
  SUBCASE("a bad byte anywhere in or after a run of ASCII, which is checked in words") {
    for (const std::string_view prefix : {"", "ä"}) {
      for (std::size_t at = 0; at < 40; ++at) {
        std::string s = std::string(prefix) + std::string(at, 'a');
        const std::size_t offset = s.size();
        s += "\xFF" + std::string(20, 'b');
        CAPTURE(prefix);
        CAPTURE(at);
        CHECK(utf8::find_invalid(s) == offset);
        CHECK(utf8::find_invalid(s.substr(0, offset) + "ö" + std::string(at, 'c')) == npos);
      }
    }
  }
}

TEST_CASE("next decodes one code point and append encodes it back") {
  const std::string s = "aß€😀";
  std::size_t i = 0;
  CHECK(utf8::next(s, i) == U'a');
  CHECK(i == 1);
  CHECK(utf8::next(s, i) == U'ß');
  CHECK(i == 3);
  CHECK(utf8::next(s, i) == U'€');
  CHECK(i == 6);
  CHECK(utf8::next(s, i) == U'\U0001F600');
  CHECK(i == 10);

  std::string out;
  for (const char32_t c : {U'a', U'ß', U'€', U'\U0001F600'}) utf8::append(out, c);
  CHECK(out == s);
}

TEST_CASE("length counts code points, not bytes") {
  CHECK(utf8::length("") == 0);
  CHECK(utf8::length("Köln") == 4);
  CHECK(utf8::length("😀 ü") == 3);
}

TEST_CASE("line_end finds the next line feed or carriage return, or the end of the text") {
  const std::string_view s = "a\r\nb\rc\nd";
  CHECK(utf8::line_end(s, 0) == 1);
  CHECK(utf8::line_end(s, 2) == 2);
  CHECK(utf8::line_end(s, 3) == 4);
  CHECK(utf8::line_end(s, 5) == 6);
  CHECK(utf8::line_end(s, 7) == s.size());
  CHECK(utf8::line_end(s, s.size()) == s.size());
  CHECK(utf8::line_end("", 0) == 0);
}

TEST_CASE("line_end finds breaks far from the start and carriage returns before a line feed") {
  // Lines longer than the stretch searched at a time, a break right at a stretch's end, and a
  // carriage return alone with a line feed much later.
  const std::string text = std::string(1500, 'a') + "\r" + std::string(511, 'b') + "\n" +
                           std::string(700, 'c') + "\r" + std::string(2000, 'd') + "\n" +
                           std::string(600, 'e');
  const std::size_t cr1 = 1500, lf1 = cr1 + 1 + 511, cr2 = lf1 + 1 + 700, lf2 = cr2 + 1 + 2000;
  CHECK(utf8::line_end(text, 0) == cr1);
  CHECK(utf8::line_end(text, cr1 + 1) == lf1);
  CHECK(utf8::line_end(text, lf1 + 1) == cr2);
  CHECK(utf8::line_end(text, cr2 + 1) == lf2);
  CHECK(utf8::line_end(text, lf2 + 1) == text.size());
  CHECK(utf8::line_end(text, 1000) == cr1);
}

TEST_CASE("code-point index maps byte offsets past umlauts and an emoji outside the BMP") {
  const std::string text = "Grüße 😀 aus Österreich";
  const utf8::CodePointIndex index(text);
  CHECK(index.at(0) == 0);
  CHECK(index.at(text.find("ße")) == 3);
  CHECK(index.at(text.find("😀")) == 6);
  CHECK(index.at(text.find(" aus")) == 7);  // the emoji is one code point of four bytes
  CHECK(index.at(text.find("Österreich")) == 12);
  CHECK(index.at(text.size()) == utf8::length(text));
  CHECK(index.length() == utf8::length(text));
}

TEST_CASE("code-point index stays exact beyond its checkpoints in a long text") {
  // Many two-byte letters, so that byte and code-point offsets drift apart across several
  // 64-byte checkpoints.
  std::string text;
  for (int i = 0; i < 100; ++i) text += "äö😀x";
  const utf8::CodePointIndex index(text);
  std::size_t cps = 0;
  for (std::size_t byte = 0; byte < text.size();) {
    CHECK(index.at(byte) == cps);
    utf8::next(text, byte);
    ++cps;
  }
  CHECK(index.at(text.size()) == 400);
}

TEST_CASE("to_lower lower-cases umlauts and leaves ß alone") {
  CHECK(utf8::to_lower("ÄRGER") == "ärger");
  CHECK(utf8::to_lower("ÖSTERREICH") == "österreich");
  CHECK(utf8::to_lower("Straße") == "straße");
  CHECK(utf8::to_lower("NATO-Übung") == "nato-übung");
}

TEST_CASE("to_lower gives Unicode's lower case for every Latin-1 character and beyond it") {
  // The Latin-1 letters take a path of their own: each must lower-case as Unicode says.
  for (char32_t c = 1; c <= 0xFF; ++c) {
    std::string upper, lower;
    utf8::append(upper, c);
    utf8::append(lower, static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
    CHECK_MESSAGE(utf8::to_lower("X" + upper + "Y") == "x" + lower + "y", "code point ",
                  static_cast<unsigned>(c));
  }
  CHECK(utf8::to_lower("× ÷ µ ÿ") == "× ÷ µ ÿ");
  CHECK(utf8::to_lower("ĞÜNEŞ") == "ğüneş");        // Latin Extended-A
  CHECK(utf8::to_lower("ΑΘΉΝΑ Äh") == "αθήνα äh");  // Greek before Latin-1
}

TEST_CASE("append_lower keeps what the string held before, also when ICU lower-cases") {
  std::string out = "Vor ";
  utf8::append_lower(out, "ÄRGER");
  utf8::append_lower(out, "|");
  utf8::append_lower(out, "ÜBER ĞÜNEŞ");  // Latin Extended-A after Latin-1: ICU's path
  CHECK(out == "Vor ärger|über ğüneş");
}

TEST_CASE("to_lower lower-cases every ASCII character at every place of a long word") {
  // Eight bytes are lower-cased at a time while they are ASCII; each byte of each such group, and
  // the bytes after a non-ASCII one, must come out as Unicode's lower case.
  const auto reference = [](std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
      utf8::append(out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(utf8::next(s, i)))));
    }
    return out;
  };
  for (char32_t c = 1; c < 0x80; ++c) {
    for (std::size_t at = 0; at < 20; ++at) {
      std::string word(20, 'M');
      word[at] = static_cast<char>(c);
      CHECK_MESSAGE(utf8::to_lower(word) == reference(word), "byte ", static_cast<unsigned>(c),
                    " at ", at);
      const std::string with_umlaut = word.substr(0, at) + "Ü" + word.substr(at);
      CHECK(utf8::to_lower(with_umlaut) == reference(with_umlaut));
    }
  }
}

TEST_CASE("capitalize upper-cases only the first letter") {
  CHECK(utf8::capitalize("österreichisch") == "Österreichisch");
  CHECK(utf8::capitalize("amt für äußeres") == "Amt für äußeres");
  CHECK(utf8::capitalize("") == "");
}

TEST_CASE("starts_upper and starts_letter look at the first code point") {
  CHECK(utf8::starts_upper("Übung"));
  CHECK_FALSE(utf8::starts_upper("übung"));
  CHECK_FALSE(utf8::starts_upper("3. Mai"));
  CHECK_FALSE(utf8::starts_upper(""));
  CHECK(utf8::starts_letter("ärger"));
  CHECK_FALSE(utf8::starts_letter("„Zitat"));
}

TEST_CASE("nfc composes a decomposed umlaut") {
  CHECK(utf8::nfc("Mu\xCC\x88ller") == "Müller");  // u + COMBINING DIAERESIS
  CHECK(utf8::nfc("Müller") == "Müller");
}

TEST_CASE("to_ascii transliterates with German conventions") {
  CHECK(utf8::to_ascii("Außenministerium") == "Aussenministerium");
  CHECK(utf8::to_ascii("Müller") == "Mueller");
  CHECK(utf8::to_ascii("Österreich") == "Oesterreich");
  CHECK(utf8::to_ascii("Dvořák") == "Dvorak");
  CHECK(utf8::to_ascii("Plain ASCII") == "Plain ASCII");
}

TEST_CASE("to_ascii gives ICU's transliteration for every Latin letter and mark of punctuation") {
  // Most words go through a table made at build time, the others through ICU's transliterator:
  // both must give what that transliterator gives, whatever the neighbours of a character.
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<icu::Transliterator> icu_ascii(icu::Transliterator::createInstance(
      "de-ASCII; Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
  REQUIRE(U_SUCCESS(status));
  const auto expected = [&](const std::string& word) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(word);
    icu_ascii->transliterate(u);
    std::string utf8, ascii;
    u.toUTF8String(utf8);
    for (const char c : utf8) {
      if (static_cast<unsigned char>(c) < 0x80) ascii += c;
    }
    return ascii;
  };
  const auto encode = [](char32_t c) {
    std::string s;
    icu::UnicodeString(static_cast<UChar32>(c)).toUTF8String(s);
    return s;
  };
  int checked = 0;
  for (char32_t c = 0xA1; c < 0x2070; ++c) {
    if (!u_isdefined(static_cast<UChar32>(c)) || u_isspace(static_cast<UChar32>(c))) continue;
    const std::string ch = encode(c);
    for (const std::string& word : {ch, ch + "a", ch + "A", "x" + ch, ch + "ä", ch + "Ü" + ch,
                                    "É" + ch + "1", ch + "ж", ch + "\x1b" + ch, "\x7f" + ch}) {
      if (utf8::to_ascii(word) != expected(word)) {
        FAIL_CHECK("to_ascii(\"" << word << "\") is \"" << utf8::to_ascii(word) << "\", ICU says \""
                                 << expected(word) << "\"");
      }
      ++checked;
    }
  }
  CHECK(checked > 50000);
  CHECK(utf8::to_ascii("Curaçao Åland Łódź Ærø Straße") == "Curacao Aland Lodz AEro Strasse");
  CHECK(utf8::to_ascii("ÄRZTE Ärzte") == "AERZTE Aerzte");
  CHECK(utf8::to_ascii("Москва") == "Moskva");  // not Latin: through ICU
}

TEST_CASE("to_ascii never returns a byte outside ASCII") {
  const std::string out = utf8::to_ascii("Grüße 😀 „Zitat“ Ελλάδα");
  for (const char c : out) CHECK(static_cast<unsigned char>(c) < 0x80);
  CHECK(out.starts_with("Gruesse"));
}
