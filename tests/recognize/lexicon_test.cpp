#include "recognize/lexicon.hpp"

#include <doctest/doctest.h>

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "../support/fixture.hpp"
#include "base/utf8.hpp"

namespace {

using namespace reportkg;
using recognize::Lexicon;
using recognize::match_key;
using testing::lexicon;

std::string country_iso(std::optional<std::size_t> c) {
  return c ? lexicon().countries()[*c].iso : std::string();
}

std::string org_head(std::string_view lower) {
  const auto h = lexicon().org_head(lower);
  return h ? lexicon().org_heads()[h->index].head : std::string();
}

std::string event_class(std::string_view lower) {
  const auto h = lexicon().event_noun(lower);
  return h ? lexicon().events()[h->index].cls : std::string();
}

std::string agreement_class(std::string_view lower) {
  const auto h = lexicon().agreement_noun(lower);
  return h ? lexicon().agreements()[h->index].cls : std::string();
}

// match_name on the lower-case words of a name, as the recognizer calls it.
std::pair<std::size_t, std::span<const recognize::NameEntry>> match_name(std::string_view name) {
  std::vector<std::string> lower;
  for (const auto& w : recognize::name_words(name)) lower.push_back(utf8::to_lower(w));
  return lexicon().match_name({lower.begin(), lower.end()});
}

}  // namespace

TEST_CASE("the German resources load") {
  CHECK(lexicon().countries().size() > 190);
  CHECK(lexicon().country_by_iso("EE").has_value());
  CHECK(lexicon().organization_by_label("Weltgesundheitsorganisation").has_value());
}

TEST_CASE("a language without resources is a usage error") {
  const auto lex = Lexicon::load("xx");
  REQUIRE_FALSE(lex.ok());
  CHECK(lex.error().code == ErrorCode::kUsage);
  CHECK(lex.error().message.find("xx") != std::string::npos);
}

TEST_CASE("match_key folds case and number endings of one word to one key") {
  CHECK(match_key("nationen") == match_key("nation"));
  CHECK(match_key("europäischen") == match_key("europäische"));
  CHECK(match_key("ministeriums") == match_key("ministerium"));
  CHECK(match_key("ausschusses") == match_key("ausschuss"));
  CHECK(match_key("staaten") == match_key("staat"));
}

TEST_CASE("match_key keeps at least three letters") {
  CHECK(match_key("den") == "den");
  CHECK(match_key("rates") == "rat");
  CHECK(match_key("ern") == "ern");
}

TEST_CASE("match_key tells different words apart") {
  CHECK(match_key("estland") != match_key("lettland"));
  CHECK(match_key("rat") != match_key("rad"));
}

TEST_CASE("a gazetteer name matches in an inflected form and reports its length in words") {
  const auto [len, entries] = match_name("Vereinten Nationen tagten");
  CHECK(len == 2);
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].kind == recognize::NameEntry::Kind::kOrganization);
  CHECK(lexicon().organizations()[entries[0].index].label == "Vereinte Nationen");
}

TEST_CASE("the longest gazetteer name wins over a shorter one it starts with") {
  const auto [len, entries] = match_name("Sicherheitsrat der Vereinten Nationen");
  CHECK(len == 4);
  REQUIRE_FALSE(entries.empty());
  CHECK(lexicon().organizations()[entries[0].index].label ==
        "Sicherheitsrat der Vereinten Nationen");
}

TEST_CASE("a country matches by name, variant and abbreviation") {
  for (const char* name : {"Österreich", "Republik Österreich", "Austria"}) {
    CAPTURE(name);
    const auto [len, entries] = match_name(name);
    CHECK(len == recognize::name_words(name).size());
    REQUIRE_FALSE(entries.empty());
    CHECK(entries[0].kind == recognize::NameEntry::Kind::kCountry);
    CHECK(lexicon().countries()[entries[0].index].iso == "AT");
  }
}

TEST_CASE("no gazetteer name matches an ordinary word") {
  CHECK(match_name("Brücke").first == 0);
  CHECK(lexicon().match_name({}).first == 0);
}

TEST_CASE("organization head nouns match as the last part of a compound") {
  CHECK(org_head("verteidigungsministerium") == "Ministerium");
  const auto h = lexicon().org_head("verteidigungsministeriums");
  REQUIRE(h);
  CHECK(h->prefix == "verteidigungs");
  CHECK(h->ending == "s");
  CHECK(org_head("stadtrat") == "Rat");
  CHECK(org_head("regierung") == "Regierung");
}

TEST_CASE("implausible compound splits are no organization head") {
  CHECK(org_head("apparat") == "");  // no "Appa" + "Rat"
  CHECK(org_head("ratte") == "");
  CHECK(org_head("brücke") == "");
}

TEST_CASE("event nouns match exactly, inflected and as compound heads") {
  CHECK(event_class("gipfeltreffen") == "meeting");
  CHECK(event_class("konferenz") == "meeting");
  CHECK(event_class("gipfels") == "meeting");
  CHECK(event_class("wahl") == "election");
  CHECK(event_class("auswahl") == "");  // "aus" is no word of its own
  CHECK(event_class("zeitung") == "");
}

TEST_CASE("agreement nouns match as compound heads with their prefix") {
  CHECK(agreement_class("freihandelsabkommen") == "treaty");
  CHECK(agreement_class("vertrags") == "treaty");
  CHECK(agreement_class("übereinkommen") == "convention");
  const auto h = lexicon().agreement_noun("freihandelsabkommen");
  REQUIRE(h);
  CHECK(h->prefix == "freihandels");
  CHECK(agreement_class("kommen") == "");
}

TEST_CASE("country adjectives and demonyms name their country") {
  CHECK(country_iso(lexicon().country_by_adjective("französischen")) == "FR");
  CHECK(country_iso(lexicon().country_by_adjective("österreichischer")) == "AT");
  CHECK(country_iso(lexicon().country_by_adjective("spanisch")) == "ES");
  CHECK_FALSE(lexicon().country_by_adjective("praktischen"));
  CHECK(country_iso(lexicon().country_by_demonym("franzosen")) == "FR");
  CHECK(country_iso(lexicon().country_by_demonym("französin")) == "FR");
  CHECK_FALSE(lexicon().country_by_demonym("journalisten"));
}

TEST_CASE("titles are found in feminine forms and as compound heads") {
  const auto& lex = lexicon();
  const auto fem = lex.title("außenministerin");
  REQUIRE(fem);
  CHECK(lex.titles()[fem->index].masculine == "Außenminister");
  CHECK(fem->feminine);

  const auto masc = lex.title("bürgermeister");
  REQUIRE(masc);
  CHECK_FALSE(masc->feminine);
  CHECK(lex.titles()[masc->index].feminine == "Bürgermeisterin");

  const auto compound = lex.title("nato-generalsekretär");
  REQUIRE(compound);
  CHECK(lex.titles()[compound->index].masculine == "Generalsekretär");
  CHECK(compound->prefix == "nato-");

  CHECK_FALSE(lex.title("ministerium"));
}

TEST_CASE("a minister's title implies a ministry") {
  const auto hit = lexicon().title("minister");
  REQUIRE(hit);
  CHECK(lexicon().titles()[hit->index].organization == "Ministerium");
  CHECK(lexicon().titles()[hit->index].kind == recognize::TitleKind::kOffice);
}

TEST_CASE("verb phrases match their longest form") {
  const auto v = lexicon().verb({"nahmen", "teil", "am"});
  REQUIRE(v);
  CHECK(v->length == 2);
  CHECK(v->role == recognize::VerbRole::kParticipate);
  const auto say = lexicon().verb({"sagte", "sie"});
  REQUIRE(say);
  CHECK(say->length == 1);
  CHECK(say->role == recognize::VerbRole::kSay);
  const auto met = lexicon().verb({"traf"});
  REQUIRE(met);
  CHECK(met->role == recognize::VerbRole::kMeet);
  CHECK(met->event == "Treffen");
  CHECK_FALSE(lexicon().verb({"brücke"}));
}

TEST_CASE("qualifier phrases are normalized") {
  const auto more = lexicon().qualifier({"mehr", "als"});
  REQUIRE(more);
  CHECK(*more == std::make_pair(std::size_t{2}, std::string("mehr als")));
  const auto about = lexicon().qualifier({"etwa"});
  REQUIRE(about);
  CHECK(about->second == "rund");
}

TEST_CASE("closed-class words have a category and a value") {
  CHECK(lexicon().word_category("der") == "article");
  CHECK(lexicon().word_value("number", "zwei") == "2");
  CHECK(lexicon().word_value("month", "mai") == "5");
  CHECK(lexicon().inflected_value("ordinal", "dritter") == "3");
  CHECK(lexicon().is("distinct", "nächsten"));
  CHECK(lexicon().is("former", "ehemaligen"));
  CHECK_FALSE(lexicon().is("former", "nächsten"));
}

TEST_CASE("a word listed in two categories has a value in each, and its first category") {
  const auto ein = lexicon().word_id("ein");
  REQUIRE(ein != Lexicon::kUnlisted);
  CHECK(lexicon().word_category(ein) == "article");
  CHECK(lexicon().word_value("article", ein) == "indefinite");
  CHECK(lexicon().word_value("number", ein) == "1");
  CHECK_FALSE(lexicon().word_value("month", ein));
  CHECK(lexicon().word_id("brücke") == Lexicon::kUnlisted);
  CHECK(lexicon().word_category("brücke").empty());
}

TEST_CASE("a word's facts say which listed word it is and what may begin with it") {
  const auto& ein = lexicon().facts("ein");
  CHECK(ein.word == lexicon().word_id("ein"));
  CHECK(lexicon().facts("nahmen").begins_verb);     // "nahmen teil"
  CHECK(lexicon().facts("vereinten").begins_name);  // "Vereinte Nationen", inflected
  const auto& bridge = lexicon().facts("brücke");
  CHECK_FALSE(bridge.begins_verb);
  CHECK_FALSE(bridge.begins_name);
  CHECK(bridge.word == Lexicon::kUnlisted);
}

TEST_CASE("abbreviated titles are abbreviations that end no sentence") {
  CHECK(lexicon().abbreviations().count("dr") == 1);
  CHECK(lexicon().abbreviations().count("prof") == 1);
}

TEST_CASE("name_words splits at spaces and keeps hyphens") {
  CHECK(recognize::name_words("Sicherheitsrat der  Vereinten Nationen") ==
        std::vector<std::string>{"Sicherheitsrat", "der", "Vereinten", "Nationen"});
  CHECK(recognize::name_words("Wirtschafts- und Sozialrat") ==
        std::vector<std::string>{"Wirtschafts-", "und", "Sozialrat"});
}

TEST_CASE("the genders of organization heads come from the resources") {
  const auto& lex = lexicon();
  const auto gender = [&](std::string_view word) {
    const auto hit = lex.org_head(word);
    REQUIRE(hit);
    return lex.org_heads()[hit->index].gender;
  };
  CHECK(gender("regierung") == 'f');
  CHECK(gender("kommission") == 'f');
  CHECK(gender("ministerium") == 'n');
  CHECK(gender("ausschuss") == 'm');
}

TEST_CASE("a lexicon parsed from in-memory files knows just their entries") {
  const std::vector<std::pair<std::string_view, std::string_view>> files = {
      {"de/countries.tsv", "# iso\tname\n\nEE\tEstland\tEesti\testnisch\tEste|Estin|Esten\r\n"},
      {"de/places.tsv", "Tallinn\tcity\tEE\tReval\n"},
      {"de/org-heads.tsv", "Amt\tbody\tn\n"},
      {"de/titles.tsv", "Minister\tMinisterin\toffice\tMinisterium\n"},
      {"en/countries.tsv", "LV\tLatvia\t\t\t\n"},
  };
  const auto lex = Lexicon::parse(files, "de");
  REQUIRE_MESSAGE(lex.ok(), lex.error().to_string());
  REQUIRE(lex->countries().size() == 1);
  CHECK(lex->countries()[0].iso == "EE");
  CHECK(lex->countries()[0].adjective == "estnisch");
  CHECK(lex->country_by_adjective("estnischen") == std::optional<std::size_t>(0));
  CHECK(lex->country_by_demonym("esten") == std::optional<std::size_t>(0));
  CHECK(lex->match_name({match_key("reval")}).first == 1);
  CHECK(lex->org_head("amt").has_value());
  CHECK_FALSE(lex->org_head("ministerium").has_value());
  CHECK(lex->title("ministerin").has_value());
  CHECK_FALSE(lex->country_by_iso("LV").has_value());
  REQUIRE(lex->place_by_name("Tallinn").has_value());
  CHECK(lex->places()[*lex->place_by_name("Tallinn")].iso == "EE");
  CHECK_FALSE(lex->place_by_name("Reval").has_value());  // a variant, not the name
}

TEST_CASE("of two places of one name, the one listed last is found by name") {
  const std::vector<std::pair<std::string_view, std::string_view>> files = {
      {"de/places.tsv", "Frankfurt\tcity\tDE\t\nParis\tcity\tFR\t\nFrankfurt\tcity\tUS\t\n"},
  };
  const auto lex = Lexicon::parse(files, "de");
  REQUIRE_MESSAGE(lex.ok(), lex.error().to_string());
  const auto frankfurt = lex->place_by_name("Frankfurt");
  REQUIRE(frankfurt.has_value());
  CHECK(lex->places()[*frankfurt].iso == "US");
}

TEST_CASE("each lexicon answers from its own entries, whatever another was asked before") {
  // Answers about words are remembered per thread: they must not leak from one lexicon to another.
  const std::vector<std::pair<std::string_view, std::string_view>> files = {
      {"de/org-heads.tsv", "Amt\tbody\tn\n"},
  };
  const auto small = Lexicon::parse(files, "de");
  REQUIRE_MESSAGE(small.ok(), small.error().to_string());
  for (int round = 0; round < 2; ++round) {
    CHECK(org_head("außenministeriums") == "Ministerium");
    CHECK_FALSE(small->org_head("außenministeriums").has_value());
    CHECK(small->org_head("auswärtigenamts").has_value());
  }
}
