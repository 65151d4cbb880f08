#include "text/text.hpp"

#include <doctest/doctest.h>

#include <string>
#include <unordered_set>
#include <vector>

#include "../support/fixture.hpp"

namespace {

using namespace reportkg;
using text::TokenKind;

// A small hand-made set of a language's conventions, so that the text stage is tested on its own.
const text::Conventions kAbbreviations = {{"dr", "prof", "bzw"},
                                          {"der", "die", "das", "dem", "den", "am", "zum"},
                                          {"januar", "mai", "juni", "dezember"}};

// The sentences of a text, as written.
std::vector<std::string> sentences(const text::Text& t) {
  std::vector<std::string> out;
  for (const auto& s : t.sentences) out.emplace_back(t.doc->text.substr(s.begin, s.end - s.begin));
  return out;
}

std::vector<std::string> tokens(const text::Text& t) {
  std::vector<std::string> out;
  for (const auto& tok : t.tokens) out.emplace_back(t.str(tok));
  return out;
}

// The index of the first token written `s`; fails the test when there is none.
std::size_t token(const text::Text& t, std::string_view s) {
  for (std::size_t i = 0; i < t.tokens.size(); ++i) {
    if (t.str(i) == s) return i;
  }
  FAIL("no token " << s);
  return 0;
}

}  // namespace

TEST_CASE("sentences end at a period but not after an abbreviated title") {
  const auto doc = testing::document(
      "Dr. Ines Haller kam nach Linz. Prof. Jan Novak blieb in Graz. Beide reisten ab.");
  const auto t = text::analyze(doc, kAbbreviations);
  CHECK(sentences(t) == std::vector<std::string>{"Dr. Ines Haller kam nach Linz.",
                                                 "Prof. Jan Novak blieb in Graz.",
                                                 "Beide reisten ab."});
}

TEST_CASE("a date with an ordinal day ends no sentence") {
  const auto doc =
      testing::document("Die Messe beginnt am 3. Mai 2024 in Linz. Sie dauert vier Tage.");
  const auto t = text::analyze(doc, kAbbreviations);
  CHECK(sentences(t) == std::vector<std::string>{"Die Messe beginnt am 3. Mai 2024 in Linz.",
                                                 "Sie dauert vier Tage."});
  const auto day = token(t, "3.");
  CHECK(t.tokens[day].kind == TokenKind::kNumber);
  CHECK(t.tokens[day].ordinal);
  CHECK_FALSE(t.tokens[token(t, "2024")].ordinal);
}

TEST_CASE("a large number ending a sentence still ends it") {
  const auto doc = testing::document("Die Zahl stieg auf 1200. Danach sank sie.");
  const auto t = text::analyze(doc, kAbbreviations);
  CHECK(sentences(t) == std::vector<std::string>{"Die Zahl stieg auf 1200.", "Danach sank sie."});
}

TEST_CASE("a short number ending a sentence after a preposition ends it") {
  const auto doc = testing::document("Die Zahl der Opfer stieg auf 78. Danach sank sie.");
  const auto t = text::analyze(doc, kAbbreviations);
  CHECK(sentences(t) ==
        std::vector<std::string>{"Die Zahl der Opfer stieg auf 78.", "Danach sank sie."});
}

TEST_CASE("a sentence ends at a question or exclamation mark") {
  const auto doc = testing::document("Kommt sie? Ja! Sie kommt.");
  const auto t = text::analyze(doc, kAbbreviations);
  CHECK(sentences(t) == std::vector<std::string>{"Kommt sie?", "Ja!", "Sie kommt."});
}

TEST_CASE("a line without final punctuation is a heading sentence of its own paragraph") {
  const auto doc =
      testing::document("Neue Brücke für Passau\nDie Stadt baut eine Brücke. Sie kostet viel.\n");
  const auto t = text::analyze(doc, kAbbreviations);
  REQUIRE(t.sentences.size() == 3);
  CHECK(sentences(t)[0] == "Neue Brücke für Passau");
  CHECK(t.sentences[0].heading);
  CHECK(t.sentences[0].paragraph == 0);
  CHECK_FALSE(t.sentences[1].heading);
  CHECK_FALSE(t.sentences[2].heading);
  CHECK(t.sentences[1].paragraph == 1);
  CHECK(t.sentences[2].paragraph == 1);
}

TEST_CASE("a sentence never crosses a line break") {
  const auto doc = testing::document("Der Rat tagte in\nder Stadt Linz.");
  const auto t = text::analyze(doc, kAbbreviations);
  CHECK(sentences(t) == std::vector<std::string>{"Der Rat tagte in", "der Stadt Linz."});
}

TEST_CASE("every token belongs to the sentence that contains it") {
  const auto doc = testing::document("Erst das. Dann jenes.\nZuletzt dies.");
  const auto t = text::analyze(doc, kAbbreviations);
  REQUIRE(t.sentences.size() == 3);
  for (std::uint32_t s = 0; s < t.sentences.size(); ++s) {
    const auto& sent = t.sentences[s];
    CHECK(sent.begin == t.tokens[sent.first].begin);
    CHECK(sent.end == t.tokens[sent.last - 1].end);
    for (auto k = sent.first; k < sent.last; ++k) CHECK(t.tokens[k].sentence == s);
  }
  CHECK(t.sentences.back().last == t.tokens.size());
}

TEST_CASE("German quotation marks are open and close marks") {
  const auto doc = testing::document("Sie sagte: „Das reicht.“ Er ging.");
  const auto t = text::analyze(doc, kAbbreviations);
  CHECK(t.tokens[token(t, "„")].kind == TokenKind::kOpenQuote);
  CHECK(t.tokens[token(t, "“")].kind == TokenKind::kCloseQuote);
  // The closing mark after the period belongs to the quoted sentence.
  CHECK(sentences(t) == std::vector<std::string>{"Sie sagte: „Das reicht.“", "Er ging."});
}

TEST_CASE("straight quotes alternate between opening and closing") {
  const auto doc = testing::document("Er meinte: \"Gut so\" und \"weiter\".");
  const auto t = text::analyze(doc, kAbbreviations);
  std::vector<TokenKind> kinds;
  for (const auto& tok : t.tokens) {
    if (t.str(tok) == "\"") kinds.push_back(tok.kind);
  }
  CHECK(kinds == std::vector<TokenKind>{TokenKind::kOpenQuote, TokenKind::kCloseQuote,
                                        TokenKind::kOpenQuote, TokenKind::kCloseQuote});
}

TEST_CASE("guillemets open and close a quote") {
  const auto doc = testing::document("Er sagte «Nein» dazu.");
  const auto t = text::analyze(doc, kAbbreviations);
  CHECK(t.tokens[token(t, "«")].kind == TokenKind::kOpenQuote);
  CHECK(t.tokens[token(t, "»")].kind == TokenKind::kCloseQuote);
}

TEST_CASE("numbers with German separators are one token each") {
  const auto doc = testing::document("Es kostet 2.500 Euro, 3,5 Prozent und 1.000.000 Dollar.");
  const auto t = text::analyze(doc, kAbbreviations);
  for (const char* n : {"2.500", "3,5", "1.000.000"}) {
    CAPTURE(n);
    CHECK(t.tokens[token(t, n)].kind == TokenKind::kNumber);
    CHECK_FALSE(t.tokens[token(t, n)].ordinal);
  }
}

TEST_CASE("a number after an article is an ordinal with its dot") {
  const auto doc = testing::document("Sie feierten den 78. Jahrestag.");
  const auto t = text::analyze(doc, kAbbreviations);
  CHECK(tokens(t) == std::vector<std::string>{"Sie", "feierten", "den", "78.", "Jahrestag", "."});
  CHECK(t.tokens[3].ordinal);
  CHECK(text::parse_number(t.str(3)) == "78");
}

TEST_CASE("parse_number reads German numbers as canonical decimals") {
  CHECK(text::parse_number("2.500") == "2500");
  CHECK(text::parse_number("3,5") == "3.5");
  CHECK(text::parse_number("1.000.000") == "1000000");
  CHECK(text::parse_number("78.") == "78");
  CHECK(text::parse_number("12,50") == "12.5");
  CHECK(text::parse_number("0,75") == "0.75");
  CHECK(text::parse_number("007") == "7");
  CHECK(text::parse_number("1.234,5") == "1234.5");
}

TEST_CASE("parse_number rejects what is no number") {
  CHECK_FALSE(text::parse_number(""));
  CHECK_FALSE(text::parse_number("Mai"));
  CHECK_FALSE(text::parse_number("G20"));
  CHECK_FALSE(text::parse_number("1.00.000"));  // misplaced group separator
}

TEST_CASE("hyphenated compounds stay one word") {
  const auto doc =
      testing::document("Die NATO-Übung und die COVID-19-Pandemie endeten, Jean-Luc blieb.");
  const auto t = text::analyze(doc, kAbbreviations);
  for (const char* w : {"NATO-Übung", "COVID-19-Pandemie", "Jean-Luc"}) {
    CAPTURE(w);
    CHECK(t.tokens[token(t, w)].kind == TokenKind::kWord);
  }
  CHECK(t.lower(token(t, "NATO-Übung")) == "nato-übung");
}

TEST_CASE("an elided compound part keeps its trailing hyphen") {
  const auto doc = testing::document("Das Amt für Außen- und Sicherheitspolitik tagte.");
  const auto t = text::analyze(doc, kAbbreviations);
  CHECK(tokens(t) == std::vector<std::string>{"Das", "Amt", "für", "Außen-", "und",
                                              "Sicherheitspolitik", "tagte", "."});
}

TEST_CASE("tokens know their case and the space before them") {
  const auto doc = testing::document("Österreich (AT) siegte.");
  const auto t = text::analyze(doc, kAbbreviations);
  REQUIRE(tokens(t) == std::vector<std::string>{"Österreich", "(", "AT", ")", "siegte", "."});
  CHECK(t.tokens[0].upper);
  CHECK(t.lower(0) == "österreich");
  CHECK(t.tokens[0].space_before);
  CHECK(t.tokens[1].space_before);
  CHECK_FALSE(t.tokens[2].space_before);
  CHECK_FALSE(t.tokens[4].upper);
  CHECK_FALSE(t.tokens[5].space_before);
}

TEST_CASE("a URL is one token without its final period") {
  const auto doc = testing::document("Mehr unter https://example.org/linz?x=1. Danke.");
  const auto t = text::analyze(doc, kAbbreviations);
  const auto url = token(t, "https://example.org/linz?x=1");
  CHECK(t.tokens[url].kind == TokenKind::kUrl);
  CHECK(t.sentences.size() == 2);
}

TEST_CASE("CRLF line ends keep byte offsets into the original text") {
  const auto doc = testing::document("Erste Zeile.\r\nZweite Zeile über Graz.\r\n");
  const auto t = text::analyze(doc, kAbbreviations);
  REQUIRE(t.sentences.size() == 2);
  CHECK(sentences(t) == std::vector<std::string>{"Erste Zeile.", "Zweite Zeile über Graz."});
  CHECK(t.sentences[1].begin == 14);
  CHECK(t.sentences[1].paragraph == 1);
  const auto graz = token(t, "Graz");
  CHECK(t.tokens[graz].begin == doc.text.find("Graz"));
  for (const auto& tok : t.tokens) CHECK(t.str(tok).find('\r') == std::string_view::npos);
}

TEST_CASE("boilerplate lines yield no tokens") {
  auto doc = testing::document("Die Stadt Linz wächst.\nQuelle: Tagblatt\nSie baut.");
  const auto begin = doc.text.find("Quelle");
  doc.boilerplate.push_back({begin, doc.text.find('\n', begin)});
  const auto t = text::analyze(doc, kAbbreviations);
  CHECK(sentences(t) == std::vector<std::string>{"Die Stadt Linz wächst.", "Sie baut."});
}

TEST_CASE("an empty or blank text has no sentences") {
  for (const char* s : {"", "\n\n", "   \r\n"}) {
    const auto doc = testing::document(s);
    const auto t = text::analyze(doc, kAbbreviations);
    CHECK(t.tokens.empty());
    CHECK(t.sentences.empty());
  }
}

TEST_CASE("span returns tokens with their original spacing") {
  const auto doc = testing::document("Das  Amt   für Kultur.");
  const auto t = text::analyze(doc, kAbbreviations);
  CHECK(t.span(1, 4) == "Amt   für Kultur");
  CHECK(t.span(2, 2).empty());
}
