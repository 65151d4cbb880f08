#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../support/fixture.hpp"
#include "relate/relation.hpp"

namespace {

using namespace reportkg;
using recognize::EntityType;
using relate::Predicate;
using testing::Analysis;

constexpr auto kPerson = EntityType::kPerson;
constexpr auto kOrganization = EntityType::kOrganization;
constexpr auto kCountry = EntityType::kCountry;
constexpr auto kPlace = EntityType::kPlace;
constexpr auto kEvent = EntityType::kEvent;
constexpr auto kAgreement = EntityType::kAgreement;

// The quantities of an entity as "qualifier value unit".
std::vector<std::string> quantities_of(const Analysis& a, int subject) {
  std::vector<std::string> out;
  for (const auto& q : a.facts.quantities) {
    if (q.subject == subject)
      out.push_back((q.qualifier.empty() ? "" : q.qualifier + " ") + q.value + " " + q.unit);
  }
  return out;
}

std::string quoted(const Analysis& a, const relate::Quote& q) {
  return a.doc.text.substr(q.begin, q.end - q.begin);
}

}  // namespace

TEST_CASE("a title before a name is the person's job title") {
  const Analysis a("Botschafter Henri Delacroix landete in Riga.");
  const int p = a.entity(kPerson, "Henri Delacroix");
  CHECK(a.job_titles(p) == std::vector<std::string>{"Botschafter"});
  REQUIRE(a.facts.relations.size() >= 1);
  for (const auto& r : a.facts.relations) {
    if (r.predicate == Predicate::kJobTitle) CHECK(r.evidence.rule == "title");
  }
}

TEST_CASE("a feminine title stays feminine") {
  const Analysis a("Die Sprecherin Ada Okonkwo bestätigte das.");
  CHECK(a.job_titles(a.entity(kPerson, "Ada Okonkwo")) == std::vector<std::string>{"Sprecherin"});
}

TEST_CASE("a title in apposition after the name is the person's job title") {
  const Analysis a("Bernd Sailer, Bürgermeister von Graz, eröffnete die Messe.");
  CHECK(a.job_titles(a.entity(kPerson, "Bernd Sailer")) ==
        std::vector<std::string>{"Bürgermeister"});
}

TEST_CASE("an honorific is no job title") {
  const Analysis a("Herr Lindqvist sprach lange.");
  CHECK(a.job_titles(a.entity(kPerson, "Lindqvist")).empty());
  CHECK(a.count(Predicate::kJobTitle) == 0);
}

TEST_CASE("Minister für X works for the Ministerium für X the report names") {
  const Analysis a(
      "Das Ministerium für Kultur lud ein. Minister für Kultur Pavel Dvořák eröffnete die "
      "Ausstellung.");
  const int p = a.entity(kPerson, "Pavel Dvořák");
  const int org = a.entity(kOrganization, "Ministerium für Kultur");
  REQUIRE(p >= 0);
  REQUIRE(org >= 0);
  CHECK(a.job_titles(p) == std::vector<std::string>{"Minister für Kultur"});
  const auto* affiliation = a.relation(Predicate::kAffiliation, p, org);
  REQUIRE(affiliation);
  CHECK(affiliation->evidence.rule == "title-organization");
  CHECK(affiliation->evidence.sentence == 1);
  for (const auto& r : a.facts.relations) {
    if (r.predicate == Predicate::kJobTitle) CHECK(r.organization == org);
  }
}

TEST_CASE("a minister's ministry may be named after the minister") {
  const Analysis a(
      "Ministerin für Kultur Pavla Nováková kam. Das Ministerium für Kultur bestätigte das.");
  CHECK(a.relation(Predicate::kAffiliation, a.entity(kPerson, "Pavla Nováková"),
                   a.entity(kOrganization, "Ministerium für Kultur")) != nullptr);
}

TEST_CASE("a compound minister title works for the compound ministry") {
  const Analysis a("Die Gesundheitsministerin Kadri Tamm kam. Das Gesundheitsministerium lud ein.");
  const int p = a.entity(kPerson, "Kadri Tamm");
  CHECK(a.job_titles(p) == std::vector<std::string>{"Gesundheitsministerin"});
  CHECK(a.relation(Predicate::kAffiliation, p, a.entity(kOrganization, "Gesundheitsministerium")) !=
        nullptr);
}

TEST_CASE("a title with an organization in the genitive gives the affiliation") {
  const Analysis a("Der Generalsekretär der NATO, Lars Fjeldstad, kam.");
  const int p = a.entity(kPerson, "Lars Fjeldstad");
  CHECK(a.job_titles(p) == std::vector<std::string>{"Generalsekretär der NATO"});
  CHECK(a.relation(Predicate::kAffiliation, p, a.entity(kOrganization, "NATO")) != nullptr);
}

TEST_CASE("a minister without a ministry in the report has no affiliation") {
  const Analysis a("Minister für Kultur Pavel Dvořák eröffnete die Ausstellung.");
  CHECK(a.job_titles(a.entity(kPerson, "Pavel Dvořák")) ==
        std::vector<std::string>{"Minister für Kultur"});
  CHECK(a.count(Predicate::kAffiliation) == 0);
}

TEST_CASE("a foreign minister is not affiliated with another country's ministry") {
  const Analysis a(
      "Das estnische Außenministerium lud ein. Der lettische Außenminister Jüri Saar sprach.");
  const int p = a.entity(kPerson, "Jüri Saar");
  REQUIRE(p >= 0);
  CHECK(a.relation(Predicate::kNationality, p, a.entity(kCountry, "Lettland")) != nullptr);
  CHECK(a.relation(Predicate::kAffiliation, p,
                   a.entity(kOrganization, "Estnisches Außenministerium")) == nullptr);
}

TEST_CASE("a foreign minister works for the foreign ministry of the report") {
  const Analysis a("Das estnische Außenministerium lud ein. Außenministerin Kadri Tamm sprach.");
  CHECK(a.relation(Predicate::kAffiliation, a.entity(kPerson, "Kadri Tamm"),
                   a.entity(kOrganization, "Estnisches Außenministerium")) != nullptr);
}

TEST_CASE(
    "a foreign minister works for a foreign ministry named with its country in the genitive") {
  const Analysis a("Das Außenministerium Estlands lud ein. Außenministerin Kadri Tamm sprach.");
  CHECK(a.relation(Predicate::kAffiliation, a.entity(kPerson, "Kadri Tamm"),
                   a.entity(kOrganization, "Außenministerium Estlands")) != nullptr);
}

TEST_CASE("a country adjective in the title gives the nationality") {
  const Analysis a("Der französische Botschafter Henri Delacroix traf in Wien ein.");
  const auto* r = a.relation(Predicate::kNationality, a.entity(kPerson, "Henri Delacroix"),
                             a.entity(kCountry, "Frankreich"));
  REQUIRE(r);
  CHECK(r->evidence.rule == "title-country");
  CHECK(a.count(Predicate::kNationality) == 1);
}

TEST_CASE("a hyphenated country adjective in the title gives the nationality") {
  const Analysis a("Der US-amerikanische Botschafter Tom Reed kam.");
  CHECK(a.relation(Predicate::kNationality, a.entity(kPerson, "Tom Reed"),
                   a.entity(kCountry, "Vereinigte Staaten")) != nullptr);
}

TEST_CASE("aus and a country give the nationality") {
  const Analysis a("Die Sängerin Amaia Etxeberria aus Spanien trat in Bilbao auf.");
  const auto* r = a.relation(Predicate::kNationality, a.entity(kPerson, "Amaia Etxeberria"),
                             a.entity(kCountry, "Spanien"));
  REQUIRE(r);
  CHECK(r->evidence.rule == "aus-country");
}

TEST_CASE("aus and a city gives no nationality") {
  const Analysis a("Kadri Tamm aus Tallinn kam.");
  CHECK(a.count(Predicate::kNationality) == 0);
}

TEST_CASE("an event with in and a city is located there") {
  const Analysis a("Das Gipfeltreffen in Lissabon endete am Freitag.");
  const auto* r = a.relation(Predicate::kLocation, a.entity(kEvent, "Gipfeltreffen"),
                             a.entity(kPlace, "Lissabon"));
  REQUIRE(r);
  CHECK(r->evidence.rule == "event-in-place");
}

TEST_CASE("an event's place is looked for in its own sentence, up to the report's end") {
  // "im" is the last token of the report: the place would be one token past the end.
  const Analysis end("Das Gipfeltreffen endete im");
  CHECK(end.count(Predicate::kLocation) == 0);
  const Analysis paragraph("Das Gipfeltreffen endete im\n\nLissabon ist schön.");
  CHECK(paragraph.count(Predicate::kLocation) == 0);
}

TEST_CASE("a city from the gazetteer lies in its country when the report names both") {
  const Analysis a("Die Konferenz in Tallinn begann. Estland freut sich.");
  CHECK(a.relation(Predicate::kContainedInPlace, a.entity(kPlace, "Tallinn"),
                   a.entity(kCountry, "Estland")) != nullptr);
}

TEST_CASE("a city whose country the report does not name is contained in nothing") {
  const Analysis a("Die Konferenz in Tallinn begann.");
  CHECK(a.count(Predicate::kContainedInPlace) == 0);
}

TEST_CASE("the one who held an event is its organizer") {
  const Analysis a("Die Konferenz in Tallinn wurde vom Außenministerium Estlands abgehalten.");
  const auto* r = a.relation(Predicate::kOrganizer, a.entity(kEvent, "Konferenz"),
                             a.entity(kOrganization, "Außenministerium Estlands"));
  REQUIRE(r);
  CHECK(r->evidence.rule == "organizer-cue");
}

TEST_CASE("a country that held an event is its organizer") {
  const Analysis a("Der Gipfel wurde von Litauen abgehalten.");
  CHECK(a.relation(Predicate::kOrganizer, a.entity(kEvent, "Gipfel"),
                   a.entity(kCountry, "Litauen")) != nullptr);
}

TEST_CASE("the host of an event is its organizer") {
  const Analysis a("Das Außenministerium Lettlands war Gastgeber des Gipfels in Riga.");
  const int summit = a.entity(kEvent, "Gipfel");
  CHECK(a.relation(Predicate::kOrganizer, summit,
                   a.entity(kOrganization, "Außenministerium Lettlands")) != nullptr);
  CHECK(a.relation(Predicate::kLocation, summit, a.entity(kPlace, "Riga")) != nullptr);
}

TEST_CASE("a host country is the organizer of the event") {
  const Analysis a("Estland war Gastgeber der Konferenz.");
  CHECK(a.relation(Predicate::kOrganizer, a.entity(kEvent, "Konferenz"),
                   a.entity(kCountry, "Estland")) != nullptr);
}

TEST_CASE("people who took part in an event are its participants") {
  const Analysis a(
      "Botschafterin Kadri Tamm und Botschafter Jüri Saar nahmen an der Konferenz in Tallinn "
      "teil.");
  const int conference = a.entity(kEvent, "Konferenz");
  const auto* tamm =
      a.relation(Predicate::kParticipant, conference, a.entity(kPerson, "Kadri Tamm"));
  REQUIRE(tamm);
  CHECK(tamm->evidence.rule == "participation-cue");
  CHECK(a.relation(Predicate::kParticipant, conference, a.entity(kPerson, "Jüri Saar")) != nullptr);
  CHECK(a.count(Predicate::kParticipant) == 2);
}

TEST_CASE("participants after the verb are found too") {
  const Analysis a(
      "An der Konferenz in Tallinn nahmen Botschafterin Kadri Tamm und Botschafter Jüri Saar "
      "teil.");
  CHECK(a.count(Predicate::kParticipant) == 2);
}

TEST_CASE("people who took part take part in the event of the sentence before") {
  const Analysis a(
      "Die Konferenz in Tallinn wurde abgehalten. Botschafterin Kadri Tamm und Botschafter Jüri "
      "Saar nahmen teil.");
  CHECK(a.relation(Predicate::kParticipant, a.entity(kEvent, "Konferenz"),
                   a.entity(kPerson, "Kadri Tamm")) != nullptr);
}

TEST_CASE("a negated participation is no participation") {
  const Analysis a("Botschafterin Kadri Tamm nahm nicht an der Konferenz teil.");
  REQUIRE(a.entity(kPerson, "Kadri Tamm") >= 0);
  REQUIRE(a.entity(kEvent, "Konferenz") >= 0);
  CHECK(a.count(Predicate::kParticipant) == 0);
}

TEST_CASE("a quantity attaches to the event of its sentence") {
  const Analysis a("Auf der Messe in Linz zeigten 300 Aussteller ihre Waren.");
  const int fair = a.entity(kEvent, "Messe");
  CHECK(quantities_of(a, fair) == std::vector<std::string>{"300 Aussteller"});
  REQUIRE(a.facts.quantities.size() == 1);
  CHECK(a.facts.quantities[0].evidence.rule == "quantity-event-before");
}

TEST_CASE("a quantity with a qualifier after the event sentence attaches to that event") {
  const Analysis a("Die Messe in Linz dauerte vier Tage. Mehr als 300 Aussteller kamen.");
  CHECK(quantities_of(a, a.entity(kEvent, "Messe")) ==
        std::vector<std::string>{"4 Tage", "mehr als 300 Aussteller"});
}

TEST_CASE("a duration adjective is a quantity of its event") {
  const Analysis a("Der zweitägige Gipfel in Krakau begann.");
  CHECK(quantities_of(a, a.entity(kEvent, "Gipfel")) == std::vector<std::string>{"2 Tage"});
}

TEST_CASE("a quantity with nothing to attach to is dropped") {
  const Analysis a("Rund 300 Menschen warteten.");
  REQUIRE(a.recognized.quantities.size() == 1);
  CHECK(a.facts.quantities.empty());
}

TEST_CASE("a quote gets its speaker from sagte and a name after it") {
  const Analysis a("„Wir brauchen mehr Zusammenarbeit“, sagte Kadri Tamm am Rande der Konferenz.");
  REQUIRE(a.facts.quotes.size() == 1);
  CHECK(a.facts.quotes[0].speaker == a.entity(kPerson, "Kadri Tamm"));
  CHECK(quoted(a, a.facts.quotes[0]) == "Wir brauchen mehr Zusammenarbeit");
  CHECK(a.facts.quotes[0].evidence.rule == "quote-speaker");
}

TEST_CASE("a quote gets its speaker from a name before sagte") {
  const Analysis a("Kadri Tamm sagte: „Die Lage ist ernst.“");
  REQUIRE(a.facts.quotes.size() == 1);
  CHECK(a.facts.quotes[0].speaker == a.entity(kPerson, "Kadri Tamm"));
  CHECK(quoted(a, a.facts.quotes[0]) == "Die Lage ist ernst.");
}

TEST_CASE("the speaker of a quote is the person nearest the verb of saying") {
  const Analysis a("„Wir handeln jetzt“, sagte Jüri Saar, und Kadri Tamm nickte.");
  REQUIRE(a.facts.quotes.size() == 1);
  CHECK(a.facts.quotes[0].speaker == a.entity(kPerson, "Jüri Saar"));
}

TEST_CASE("a surname after sagte makes the person named in full the speaker") {
  const Analysis a("Jüri Saar aus Lettland kam spät. „Wir handeln jetzt“, sagte Saar.");
  REQUIRE(a.facts.quotes.size() == 1);
  CHECK(a.facts.quotes[0].speaker == a.entity(kPerson, "Jüri Saar"));
}

TEST_CASE("a quote without a verb of saying has no speaker and is left out") {
  const Analysis a("Botschafterin Kadri Tamm hielt ein Schild mit „Willkommen“ hoch.");
  REQUIRE(a.entity(kPerson, "Kadri Tamm") >= 0);
  REQUIRE(a.recognized.quotes.size() == 1);
  CHECK(a.facts.quotes.empty());
}

TEST_CASE("a party in a genitive chain is the parent organization") {
  const Analysis a("Das Zentralkomitee der Sozialistischen Partei Portugals tagte.");
  const int party = a.entity(kOrganization, "Sozialistische Partei Portugals");
  const auto* r = a.relation(
      Predicate::kParentOrganization,
      a.entity(kOrganization, "Zentralkomitee der Sozialistischen Partei Portugals"), party);
  REQUIRE(r);
  CHECK(r->evidence.rule == "organization-genitive");
  CHECK(a.relation(Predicate::kCountry, party, a.entity(kCountry, "Portugal")) != nullptr);
}

TEST_CASE("a gazetteer parent is related when the report names both organizations") {
  const Analysis a("Die Weltgesundheitsorganisation und die Vereinten Nationen warnten.");
  const auto* r = a.relation(Predicate::kParentOrganization,
                             a.entity(kOrganization, "Weltgesundheitsorganisation"),
                             a.entity(kOrganization, "Vereinte Nationen"));
  REQUIRE(r);
  CHECK(r->evidence.rule == "gazetteer-parent");
}

TEST_CASE("an event where an agreement was signed is about the agreement") {
  const Analysis a("Auf dem Gipfel in Riga wurde das Freihandelsabkommen unterzeichnet.");
  CHECK(a.relation(Predicate::kAbout, a.entity(kEvent, "Gipfel"),
                   a.entity(kAgreement, "Freihandelsabkommen")) != nullptr);
}

TEST_CASE("relations are not repeated") {
  const Analysis a("Kadri Tamm aus Estland kam. Kadri Tamm aus Estland ging.");
  CHECK(a.count(Predicate::kNationality) == 1);
}

TEST_CASE("relating results that carry no listed words looks them up and finds the same facts") {
  const Analysis a(
      "Der vietnamesische Präsident Luong Cuong eröffnete die Konferenz in Hanoi. Auf der "
      "Pressekonferenz sagte er, sein Land werde das Übereinkommen unterzeichnen.");
  recognize::Recognized bare = a.recognized;
  bare.words.clear();
  const relate::Facts facts = relate::relate(a.text, bare, a.resolved, testing::lexicon());
  REQUIRE(facts.relations.size() == a.facts.relations.size());
  REQUIRE_FALSE(facts.relations.empty());
  for (std::size_t i = 0; i < facts.relations.size(); ++i) {
    CHECK(facts.relations[i].predicate == a.facts.relations[i].predicate);
    CHECK(facts.relations[i].subject == a.facts.relations[i].subject);
    CHECK(facts.relations[i].object == a.facts.relations[i].object);
    CHECK(facts.relations[i].evidence.rule == a.facts.relations[i].evidence.rule);
  }
}
