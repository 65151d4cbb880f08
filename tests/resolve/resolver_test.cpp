#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../support/fixture.hpp"
#include "resolve/entity.hpp"

namespace {

using namespace reportkg;
using recognize::EntityType;
using testing::Analysis;

const resolve::Entity& entity(const Analysis& a, EntityType type, std::string_view label) {
  const int e = a.entity(type, label);
  REQUIRE_MESSAGE(e >= 0, "no entity " << label);
  return a.resolved.entities[static_cast<std::size_t>(e)];
}

}  // namespace

TEST_CASE("a surname alone joins the person named in full before") {
  const Analysis a(
      "Botschafter Henri Delacroix landete in Riga. Später sprach Delacroix mit der Presse.");
  CHECK(a.labels(EntityType::kPerson) == std::vector<std::string>{"Henri Delacroix"});
  CHECK(entity(a, EntityType::kPerson, "Henri Delacroix").mentions.size() == 2);
}

TEST_CASE("a surname after Frau joins the full name given later in the report") {
  const Analysis a("Frau Okonkwo reiste ab. Die Sprecherin Ada Okonkwo bestätigte das.");
  CHECK(a.labels(EntityType::kPerson) == std::vector<std::string>{"Ada Okonkwo"});
}

TEST_CASE("two people with different names stay apart") {
  const Analysis a(
      "Botschafterin Kadri Tamm und Botschafter Jüri Saar nahmen an der Konferenz teil.");
  CHECK(a.labels(EntityType::kPerson) == std::vector<std::string>{"Jüri Saar", "Kadri Tamm"});
}

TEST_CASE("every live mention belongs to exactly the entity that lists it") {
  const Analysis a(
      "Botschafter Henri Delacroix landete in Riga. Delacroix traf die Ministerin für Kultur.");
  REQUIRE(a.resolved.entity_of.size() == a.recognized.mentions.size());
  for (std::size_t e = 0; e < a.resolved.entities.size(); ++e) {
    for (const int m : a.resolved.entities[e].mentions) {
      CHECK(a.resolved.entity_of[static_cast<std::size_t>(m)] == static_cast<int>(e));
    }
  }
}

TEST_CASE("an inflected and a nominative mention of an organization are one entity") {
  const Analysis a(
      "Ein Sprecher des Ministeriums für Kultur widersprach. Das Ministerium für Kultur plant "
      "Museen.");
  CHECK(a.labels(EntityType::kOrganization) == std::vector<std::string>{"Ministerium für Kultur"});
  CHECK(entity(a, EntityType::kOrganization, "Ministerium für Kultur").mentions.size() == 2);
}

TEST_CASE("a bare organization head refers back to the named organization") {
  const Analysis a("Das Verteidigungsministerium lud ein. Das Ministerium nannte keine Gründe.");
  CHECK(a.labels(EntityType::kOrganization) ==
        std::vector<std::string>{"Verteidigungsministerium"});
  CHECK(entity(a, EntityType::kOrganization, "Verteidigungsministerium").mentions.size() == 2);
}

TEST_CASE("an abbreviation joins the organization it was introduced for") {
  const Analysis a(
      "Die Internationale Atomenergiebehörde (IAEA) warnte. Später lenkte die IAEA ein.");
  CHECK(a.labels(EntityType::kOrganization) ==
        std::vector<std::string>{"Internationale Atomenergiebehörde"});
  const auto& e = entity(a, EntityType::kOrganization, "Internationale Atomenergiebehörde");
  CHECK(e.mentions.size() == 3);
  CHECK(std::count(e.alt_labels.begin(), e.alt_labels.end(), "IAEA") == 1);
}

TEST_CASE("a gazetteer organization carries its known parent and abbreviations") {
  const Analysis a("Die Weltgesundheitsorganisation warnte vor Masern.");
  const auto& e = entity(a, EntityType::kOrganization, "Weltgesundheitsorganisation");
  CHECK(e.parent == "Vereinte Nationen");
  CHECK(e.id == "Weltgesundheitsorganisation");
  CHECK(std::count(e.alt_labels.begin(), e.alt_labels.end(), "WHO") == 1);
  CHECK(std::is_sorted(e.alt_labels.begin(), e.alt_labels.end()));
}

TEST_CASE("a country named by name and by adjective is one entity with its ISO code as id") {
  const Analysis a("Frankreich schickt Hilfe. Der französische Botschafter Henri Delacroix kam.");
  CHECK(a.labels(EntityType::kCountry) == std::vector<std::string>{"Frankreich"});
  const auto& fr = entity(a, EntityType::kCountry, "Frankreich");
  CHECK(fr.id == "FR");
  CHECK(fr.mentions.size() == 2);
}

TEST_CASE("a country named only by its adjective is labelled with its name") {
  const Analysis a("Die spanische Botschafterin Amaia Etxeberria kam.");
  CHECK(a.labels(EntityType::kCountry) == std::vector<std::string>{"Spanien"});
}

TEST_CASE("a city knows its country from the gazetteer") {
  const Analysis a("Die Fähre fährt nach Tallinn.");
  const auto& e = entity(a, EntityType::kPlace, "Tallinn");
  CHECK(e.country == "EE");
  CHECK(e.id == "Tallinn");
}

TEST_CASE("das Abkommen joins the named agreement of its class") {
  const Analysis a(
      "Lettland und Estland unterzeichneten das Freihandelsabkommen. Das Abkommen gilt ab Juli.");
  CHECK(a.labels(EntityType::kAgreement) == std::vector<std::string>{"Freihandelsabkommen"});
  const auto& e = entity(a, EntityType::kAgreement, "Freihandelsabkommen");
  CHECK(e.mentions.size() == 2);
  CHECK(e.cls == "treaty");
}

TEST_CASE("two different agreements of one class stay apart") {
  const Analysis a(
      "In Riga wurde das Freihandelsabkommen unterzeichnet. Zudem wurde das Luftverkehrsabkommen "
      "verlängert.");
  CHECK(a.labels(EntityType::kAgreement) ==
        std::vector<std::string>{"Freihandelsabkommen", "Luftverkehrsabkommen"});
}

TEST_CASE("the same agreement named twice in different cases is one entity") {
  const Analysis a(
      "Das Freihandelsabkommen tritt in Kraft. Die Ziele des Freihandelsabkommens sind klar.");
  CHECK(a.labels(EntityType::kAgreement) == std::vector<std::string>{"Freihandelsabkommen"});
}

TEST_CASE("mentions of one event class in a report are one event") {
  const Analysis a("Die Konferenz in Tallinn begann. Am Rande der Konferenz gab es Proteste.");
  CHECK(a.labels(EntityType::kEvent) == std::vector<std::string>{"Konferenz"});
  CHECK(entity(a, EntityType::kEvent, "Konferenz").mentions.size() == 2);
}

TEST_CASE("the next summit stays apart from the summit of the report") {
  const Analysis a("Der Gipfel in Riga ist vorbei. Der nächste Gipfel findet in Vilnius statt.");
  CHECK(a.labels(EntityType::kEvent) == std::vector<std::string>{"Gipfel", "nächste Gipfel"});
  CHECK(entity(a, EntityType::kEvent, "nächste Gipfel").distinct);
  CHECK_FALSE(entity(a, EntityType::kEvent, "Gipfel").distinct);
}

TEST_CASE("labels are nominative even when every mention is inflected") {
  const Analysis a(
      "Ein Sprecher des spanischen Innenministeriums widersprach. Ein Beschluss der Vereinten "
      "Nationen liegt vor.");
  CHECK(a.labels(EntityType::kOrganization) ==
        std::vector<std::string>{"Spanisches Innenministerium", "Vereinte Nationen"});
  CHECK(a.labels(EntityType::kCountry) == std::vector<std::string>{"Spanien"});
}

TEST_CASE("a country named only in a quote is an entity, a person named only there is not") {
  const Analysis a("Kadri Tamm sagte: „Estland und Herr Jaan Kask bleiben stark.“");
  CHECK(a.labels(EntityType::kCountry) == std::vector<std::string>{"Estland"});
  CHECK(a.labels(EntityType::kPerson) == std::vector<std::string>{"Kadri Tamm"});
}

TEST_CASE("a name in a quote joins the entity named outside it") {
  const Analysis a("Kadri Tamm aus Estland sagte: „Estland bleibt stark.“");
  CHECK(a.labels(EntityType::kCountry) == std::vector<std::string>{"Estland"});
  CHECK(entity(a, EntityType::kCountry, "Estland").mentions.size() == 2);
}
