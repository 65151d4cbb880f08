#include "recognize/recognizer.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../support/fixture.hpp"

namespace {

using namespace reportkg;
using recognize::EntityType;
using testing::Analysis;

// The names proposed by the live mentions of a type, in text order.
std::vector<std::string> names(const Analysis& a, EntityType type) {
  std::vector<std::string> out;
  for (const auto* m : a.mentions(type)) out.push_back(m->name);
  return out;
}

// The quantities as "qualifier value unit".
std::vector<std::string> quantities(const Analysis& a) {
  std::vector<std::string> out;
  for (const auto& q : a.recognized.quantities) {
    out.push_back((q.qualifier.empty() ? "" : q.qualifier + " ") + q.value + " " + q.unit);
  }
  return out;
}

}  // namespace

TEST_CASE("type names are the ontology's class names") {
  CHECK(std::string(recognize::type_name(EntityType::kPerson)) == "Person");
  CHECK(std::string(recognize::type_name(EntityType::kOrganization)) == "Organization");
  CHECK(std::string(recognize::type_name(EntityType::kCountry)) == "Country");
  CHECK(std::string(recognize::type_name(EntityType::kPlace)) == "Place");
  CHECK(std::string(recognize::type_name(EntityType::kEvent)) == "Event");
  CHECK(std::string(recognize::type_name(EntityType::kAgreement)) == "Agreement");
}

TEST_CASE("a name after a title is a person") {
  const Analysis a("Botschafter Henri Delacroix landete in Riga.");
  CHECK(names(a, EntityType::kPerson) == std::vector<std::string>{"Henri Delacroix"});
  REQUIRE(a.recognized.titles.size() == 1);
  CHECK(a.recognized.titles[0].text == "Botschafter");
}

TEST_CASE("a name after an abbreviated academic title is a person without the title") {
  const Analysis a("Dr. Ines Haller leitet die Klinik.");
  CHECK(names(a, EntityType::kPerson) == std::vector<std::string>{"Ines Haller"});
}

TEST_CASE("a name after Herr or Frau is a person") {
  const Analysis a("Herr Lindqvist sprach lange. Frau Okonkwo antwortete.");
  CHECK(names(a, EntityType::kPerson) == std::vector<std::string>{"Lindqvist", "Okonkwo"});
  REQUIRE(a.recognized.titles.size() == 2);
  CHECK_FALSE(a.recognized.titles[0].feminine);
  CHECK(a.recognized.titles[1].feminine);
}

TEST_CASE("a name before a comma and a title is a person") {
  const Analysis a("Bernd Sailer, Bürgermeister von Graz, eröffnete die Messe.");
  CHECK(names(a, EntityType::kPerson) == std::vector<std::string>{"Bernd Sailer"});
  CHECK(a.mention(EntityType::kPlace, "Graz") != nullptr);
}

TEST_CASE("capitalized words without a title cue are no person") {
  const Analysis a("Neue Brücke eröffnet. Große Freude herrscht.");
  CHECK(a.mentions(EntityType::kPerson).empty());
}

TEST_CASE("words that are no German words next to a verb of saying are a person") {
  const Analysis a("Kwame Owusu sagte am Montag, die Lage sei ruhig.");
  CHECK(names(a, EntityType::kPerson) == std::vector<std::string>{"Kwame Owusu"});
}

TEST_CASE("German nouns next to a verb of saying are no person") {
  const Analysis a("Regierung Sprecher sagte am Montag, die Lage sei ruhig.");
  CHECK(a.mentions(EntityType::kPerson).empty());
}

TEST_CASE("common nouns before a name particle are no part of the name") {
  const Analysis a(
      "Die Sitzung stand unter der Leitung von Chalil Abu Sakr, dem Sprecher der Liga.");
  CHECK(names(a, EntityType::kPerson) == std::vector<std::string>{"Chalil Abu Sakr"});
}

TEST_CASE("a later surname alone is marked as a reference to the full name") {
  const Analysis a("Botschafter Henri Delacroix landete in Riga. Später sprach Delacroix.");
  const auto* full = a.mention(EntityType::kPerson, "Henri Delacroix");
  const auto* part = a.mention(EntityType::kPerson, "Delacroix");
  REQUIRE(full);
  REQUIRE(part);
  CHECK_FALSE(full->reference);
  CHECK(part->reference);
}

TEST_CASE("a country adjective makes a country mention with its ISO code") {
  const Analysis a("Der französische Botschafter Henri Delacroix traf ein.");
  const auto* m = a.mention(EntityType::kCountry, "französische");
  REQUIRE(m);
  CHECK(m->key == "FR");
  CHECK(m->name == "Frankreich");
  CHECK(m->adjective);
  REQUIRE(a.recognized.titles.size() == 1);
  CHECK(a.recognized.titles[0].country == m - a.recognized.mentions.data());
}

TEST_CASE("a country in the genitive is the country in its nominative") {
  const Analysis a("Die Regierung Polens bestätigte das.");
  const auto* m = a.mention(EntityType::kCountry, "Polens");
  REQUIRE(m);
  CHECK(m->key == "PL");
  CHECK(m->name == "Polen");
  CHECK_FALSE(m->adjective);
}

TEST_CASE("a city from the gazetteer is a place") {
  const Analysis a("Die Fähre fährt von Tallinn nach Helsinki.");
  CHECK(names(a, EntityType::kPlace) == std::vector<std::string>{"Tallinn", "Helsinki"});
}

TEST_CASE("a gazetteer organization takes its abbreviation in parentheses") {
  const Analysis a("Die Internationale Atomenergiebehörde (IAEA) warnte am Montag.");
  const auto* m = a.mention(EntityType::kOrganization, "Internationale Atomenergiebehörde");
  REQUIRE(m);
  CHECK(m->name == "Internationale Atomenergiebehörde");
  CHECK(m->key == "Internationale Atomenergiebehörde");
  CHECK(m->abbreviation == "IAEA");
}

TEST_CASE("a gazetteer organization is found in an inflected form") {
  const Analysis a("Ein Beschluss der Vereinten Nationen liegt vor.");
  const auto* m = a.mention(EntityType::kOrganization, "Vereinten Nationen");
  REQUIRE(m);
  CHECK(m->name == "Vereinte Nationen");
}

TEST_CASE("a pattern organization with a für complement is named in the nominative") {
  const Analysis a("Ein Sprecher des Ministeriums für Kultur widersprach.");
  const auto* m = a.mention(EntityType::kOrganization, "Ministeriums für Kultur");
  REQUIRE(m);
  CHECK(m->name == "Ministerium für Kultur");
  CHECK_FALSE(m->reference);
}

TEST_CASE("a für complement joined by und belongs to the organization's name") {
  const Analysis a("Das Ministerium für Umwelt und Klimaschutz legte einen Bericht vor.");
  const auto orgs = a.mentions(EntityType::kOrganization);
  REQUIRE(orgs.size() == 1);
  CHECK(orgs[0]->name == "Ministerium für Umwelt und Klimaschutz");
}

TEST_CASE("a compound organization head is an organization") {
  const Analysis a("Die Delegation besuchte das Verteidigungsministerium.");
  const auto* m = a.mention(EntityType::kOrganization, "Verteidigungsministerium");
  REQUIRE(m);
  CHECK(m->name == "Verteidigungsministerium");
}

TEST_CASE("a country adjective before an organization head becomes part of its name") {
  const Analysis a("Ein Sprecher des spanischen Innenministeriums widersprach.");
  const auto orgs = a.mentions(EntityType::kOrganization);
  REQUIRE(orgs.size() == 1);
  CHECK(orgs[0]->name == "Spanisches Innenministerium");
  CHECK(orgs[0]->qualifier == "ES");
}

TEST_CASE("a genitive chain sets the parent organization") {
  const Analysis a("Das Zentralkomitee der Sozialistischen Partei Portugals tagte.");
  const auto* party = a.mention(EntityType::kOrganization, "Sozialistischen Partei Portugals");
  const auto* committee =
      a.mention(EntityType::kOrganization, "Zentralkomitee der Sozialistischen Partei Portugals");
  REQUIRE(party);
  REQUIRE(committee);
  CHECK(party->name == "Sozialistische Partei Portugals");
  CHECK(party->qualifier == "PT");
  CHECK(committee->name == "Zentralkomitee der Sozialistischen Partei Portugals");
  CHECK(committee->parent == party - a.recognized.mentions.data());
}

TEST_CASE("a bare organization head with an article refers back") {
  const Analysis a("Das Ministerium für Kultur plant Museen. Das Ministerium schweigt.");
  const auto orgs = a.mentions(EntityType::kOrganization);
  REQUIRE(orgs.size() == 2);
  CHECK_FALSE(orgs[0]->reference);
  CHECK(orgs[1]->reference);
}

TEST_CASE("an event noun with in and a city is an event next to a place") {
  const Analysis a("Das Gipfeltreffen in Lissabon endete am Freitag.");
  const auto* event = a.mention(EntityType::kEvent, "Gipfeltreffen");
  REQUIRE(event);
  CHECK(event->cls == "meeting");
  CHECK(event->event_kind == recognize::EventKind::kHappening);
  CHECK(a.mention(EntityType::kPlace, "Lissabon") != nullptr);
}

TEST_CASE("a compound event noun keeps an organization prefix apart") {
  const Analysis a("Die NATO-Übung endete.");
  const auto* event = a.mention(EntityType::kEvent, "NATO-Übung");
  REQUIRE(event);
  CHECK(event->cls == "exercise");
  const auto* nato = a.mention(EntityType::kOrganization, "NATO");
  REQUIRE(nato);
  CHECK(nato->key == "NATO");
}

TEST_CASE("the next summit is a distinct event") {
  const Analysis a("Der nächste Gipfel findet in Vilnius statt.");
  const auto events = a.mentions(EntityType::kEvent);
  REQUIRE(events.size() == 1);
  CHECK(events[0]->distinct);
  CHECK(events[0]->name == "nächste Gipfel");
}

TEST_CASE("an agreement compound is an agreement and its bare head a reference") {
  const Analysis a(
      "Lettland und Estland unterzeichneten das Freihandelsabkommen. Das Abkommen gilt ab Juli.");
  const auto agreements = a.mentions(EntityType::kAgreement);
  REQUIRE(agreements.size() == 2);
  CHECK(agreements[0]->name == "Freihandelsabkommen");
  CHECK(agreements[0]->cls == "treaty");
  CHECK(agreements[0]->qualifier == "freihandels");
  CHECK_FALSE(agreements[0]->reference);
  CHECK(agreements[1]->reference);
}

TEST_CASE("numbers with units and qualifiers are quantities") {
  const Analysis a(
      "Mehr als 1.200 Soldaten übten. Rund zwei Millionen Menschen sahen zu. Mindestens 40 Prozent "
      "stimmten zu.");
  CHECK(quantities(a) == std::vector<std::string>{"mehr als 1200 Soldaten", "rund 2000000 Menschen",
                                                  "mindestens 40 Prozent"});
}

TEST_CASE("a decimal number keeps its fraction") {
  const Analysis a("Der Bau kostete 3,5 Milliarden Euro.");
  CHECK(quantities(a) == std::vector<std::string>{"3500000000 Euro"});
}

TEST_CASE("a four-digit number before a noun counts it") {
  const Analysis a("Etwa 1500 Polizisten waren im Einsatz.");
  CHECK(quantities(a) == std::vector<std::string>{"rund 1500 Polizisten"});
}

TEST_CASE("years and dates are not quantities") {
  const Analysis a(
      "Seit 2019 gilt die Regel. Am 12. März 2020 kam die Änderung. Im Jahr 2023 endete sie.");
  CHECK(a.recognized.quantities.empty());
}

TEST_CASE("a duration adjective is a quantity of the event it describes") {
  const Analysis a("Der zweitägige Gipfel in Krakau begann.");
  REQUIRE(a.recognized.quantities.size() == 1);
  const auto& q = a.recognized.quantities[0];
  CHECK(q.value == "2");
  CHECK(q.unit == "Tage");
  REQUIRE(q.modifies >= 0);
  CHECK(a.recognized.mentions[static_cast<std::size_t>(q.modifies)].cls == "meeting");
}

TEST_CASE("visitors are no visit event") {
  const Analysis a("Zur Messe kamen 2.500 Besucher.");
  CHECK(a.mention(EntityType::kEvent, "Besucher") == nullptr);
  REQUIRE(a.recognized.quantities.size() == 1);
  CHECK(a.recognized.quantities[0].counted == -1);
}

TEST_CASE("opening and closing quotation marks are paired") {
  const Analysis a("Kadri Tamm sagte: „Die Lage ist ernst.“ Dann ging sie.");
  REQUIRE(a.recognized.quotes.size() == 1);
  const auto& q = a.recognized.quotes[0];
  CHECK(a.text.str(q.open) == "„");
  CHECK(a.text.str(q.close) == "“");
  CHECK(a.text.span(q.open + 1, q.close) == "Die Lage ist ernst.");
}

TEST_CASE("an unpaired quotation mark makes no quote") {
  const Analysis a("Er sagte „Nein und ging. Dann kam „Ja“ zurück.");
  REQUIRE(a.recognized.quotes.size() == 1);
  CHECK(a.text.span(a.recognized.quotes[0].open + 1, a.recognized.quotes[0].close) == "Ja");
}

TEST_CASE("mentions inside a quote are marked as quoted") {
  const Analysis a("Kadri Tamm sagte: „Estland bleibt stark.“");
  const auto* m = a.mention(EntityType::kCountry, "Estland");
  REQUIRE(m);
  CHECK(m->in_quote);
}

TEST_CASE("cue verbs are found with their role") {
  const Analysis a(
      "Kadri Tamm und Jüri Saar nahmen teil. Die Konferenz wurde abgehalten. Tamm sagte nichts.");
  std::vector<recognize::VerbRole> roles;
  for (const auto& v : a.recognized.verbs) roles.push_back(v.role);
  CHECK(roles == std::vector<recognize::VerbRole>{recognize::VerbRole::kParticipate,
                                                  recognize::VerbRole::kOrganize,
                                                  recognize::VerbRole::kSay});
  CHECK(a.text.span(a.recognized.verbs[0].first, a.recognized.verbs[0].last) == "nahmen teil");
}

TEST_CASE("every mention's byte range covers the tokens it spans") {
  const Analysis a(
      "Der französische Botschafter Henri Delacroix besuchte das Gipfeltreffen der NATO in "
      "Tallinn.");
  REQUIRE_FALSE(a.recognized.mentions.empty());
  for (const auto& m : a.recognized.mentions) {
    if (recognize::dropped(m)) continue;
    CAPTURE(m.name);
    CHECK(m.begin >= a.text.tokens[m.first].begin);
    CHECK(m.end <= a.text.tokens[m.last - 1].end);
    CHECK(m.begin < m.end);
  }
}

TEST_CASE("every token gets its word class from the lexicon, for the later stages") {
  const Analysis a("Der Minister sagte, sein Land unterzeichne das Abkommen.");
  REQUIRE(a.recognized.words.size() == a.text.tokens.size());
  std::vector<std::string> classes;
  for (const auto w : a.recognized.words) classes.emplace_back(testing::lexicon().word_category(w));
  CHECK(classes[0] == "article");     // Der
  CHECK(classes[1].empty());          // Minister
  CHECK(classes[3].empty());          // ,
  CHECK(classes[4] == "possessive");  // sein
  CHECK(classes[7] == "article");     // das
}
