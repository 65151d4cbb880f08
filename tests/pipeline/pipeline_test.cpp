#include "pipeline/pipeline.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "../support/fixture.hpp"

namespace {

using namespace reportkg;
using graph::Term;
using testing::iri;
namespace ns = graph::ns;

const pipeline::Extractor& extractor() {
  static const std::unique_ptr<pipeline::Extractor> e = [] {
    auto created = pipeline::Extractor::create("de");
    REQUIRE_MESSAGE(created.ok(), created.error().to_string());
    return std::move(created).value();
  }();
  return *e;
}

const char* const kReport =
    "Konferenz in Tallinn\n"
    "Die Konferenz in Tallinn wurde vom Außenministerium Estlands abgehalten. Botschafterin Kadri "
    "Tamm und "
    "Botschafter Jüri Saar nahmen an der Konferenz teil. Mehr als 300 Delegierte kamen.\n"
    "„Wir handeln jetzt“, sagte Jüri Saar.\n";

}  // namespace

TEST_CASE("an extractor is created for German") { CHECK(pipeline::Extractor::create("de").ok()); }

TEST_CASE("an extractor for a language without resources is a usage error") {
  const auto e = pipeline::Extractor::create("tlh");
  REQUIRE_FALSE(e.ok());
  CHECK(e.error().code == ErrorCode::kUsage);
}

TEST_CASE("an empty report yields just the report node") {
  const auto out = extractor().extract(testing::document("", "leer"), {});
  const std::string report = "https://w3id.org/reportkg/id/report/Leer";
  CHECK(out.graph.name == report);
  REQUIRE_FALSE(out.graph.triples.empty());
  for (const auto& t : testing::statements(out.graph)) CHECK(t.s.value == report);
  CHECK(testing::has_triple(out.graph, report, iri(ns::kRdf, "type"),
                            Term::iri(iri(ns::kRkg, "Report"))));
  CHECK(testing::has_triple(out.graph, report, iri(ns::kNif, "isString"), Term::literal("")));
  CHECK(out.counts.entities.empty());
  CHECK(out.counts.relations == 0);
  CHECK(out.counts.quantities == 0);
  CHECK(out.counts.quotes == 0);
  CHECK(out.counts.triples == out.graph.triples.size());
}

TEST_CASE("a report of blank lines and punctuation yields just the report node") {
  const auto out = extractor().extract(testing::document("\n  \r\n… – !\n", "leer"), {});
  for (const auto& t : testing::statements(out.graph)) CHECK(t.s.value == out.graph.name);
  CHECK(out.counts.entities.empty());
}

TEST_CASE("counts summarize what the graph holds") {
  const auto out = extractor().extract(testing::document(kReport, "tallinn"), {});
  CHECK(out.counts.entities ==
        std::map<std::string, std::size_t>{
            {"Country", 1}, {"Event", 1}, {"Organization", 1}, {"Person", 2}, {"Place", 1}});
  CHECK(out.counts.quantities == 1);
  CHECK(out.counts.quotes == 1);
  CHECK(out.counts.relations >= 5);  // location, organizer, two participants, country, ...
  CHECK(out.counts.triples == out.graph.triples.size());
}

TEST_CASE("extract finds the facts of a small report") {
  const auto out = extractor().extract(testing::document(kReport, "tallinn"), {});
  const std::string base = "https://w3id.org/reportkg/id/";
  const std::string event = base + "event/TallinnKonferenz";
  const auto& g = out.graph;
  CHECK(
      testing::has_triple(g, event, iri(ns::kRkg, "location"), Term::iri(base + "place/Tallinn")));
  CHECK(testing::has_triple(g, event, iri(ns::kRkg, "organizer"),
                            Term::iri(base + "organization/AussenministeriumEstlands")));
  CHECK(testing::has_triple(g, event, iri(ns::kRkg, "participant"),
                            Term::iri(base + "person/KadriTamm")));
  CHECK(testing::has_triple(g, event, iri(ns::kRkg, "participant"),
                            Term::iri(base + "person/JueriSaar")));
  CHECK(testing::has_triple(g, base + "quote/TallinnQ1", iri(ns::kRkg, "speaker"),
                            Term::iri(base + "person/JueriSaar")));
}

TEST_CASE("output triples are identical across two runs") {
  const auto doc = testing::document(kReport, "tallinn");
  for (const auto provenance : {pipeline::Provenance::kNone, pipeline::Provenance::kMentions,
                                pipeline::Provenance::kFull}) {
    pipeline::Options options;
    options.provenance = provenance;
    const auto first = extractor().extract(doc, options);
    const auto second = extractor().extract(doc, options);
    CHECK(first.graph.name == second.graph.name);
    CHECK(testing::term_triples(first.graph) == testing::term_triples(second.graph));
  }
}

TEST_CASE("a fresh extractor gives the same triples as a reused one") {
  const auto doc = testing::document(kReport, "tallinn");
  auto other = pipeline::Extractor::create("de");
  REQUIRE(other.ok());
  CHECK(testing::term_triples(extractor().extract(doc, {}).graph) ==
        testing::term_triples(other.value()->extract(doc, {}).graph));
}

TEST_CASE("extract gives the same triples when called from several threads") {
  const auto doc = testing::document(kReport, "tallinn");
  const auto expected = testing::term_triples(extractor().extract(doc, {}).graph);
  std::vector<std::remove_const_t<decltype(expected)>> results(4);
  std::vector<std::thread> threads;
  for (auto& r : results) {
    threads.emplace_back(
        [&doc, &r] { r = testing::term_triples(extractor().extract(doc, {}).graph); });
  }
  for (auto& t : threads) t.join();
  for (const auto& r : results) CHECK(r == expected);
}

TEST_CASE("provenance levels only add triples") {
  const auto doc = testing::document(kReport, "tallinn");
  auto triples = [&](pipeline::Provenance p) {
    pipeline::Options options;
    options.provenance = p;
    auto t = testing::term_triples(extractor().extract(doc, options).graph);
    std::sort(t.begin(), t.end());
    return t;
  };
  const auto none = triples(pipeline::Provenance::kNone);
  const auto mentions = triples(pipeline::Provenance::kMentions);
  const auto full = triples(pipeline::Provenance::kFull);
  CHECK(none.size() < mentions.size());
  CHECK(mentions.size() < full.size());
  CHECK(std::includes(mentions.begin(), mentions.end(), none.begin(), none.end()));
  CHECK(std::includes(full.begin(), full.end(), mentions.begin(), mentions.end()));
}

TEST_CASE("the base IRI option reaches the graph and the prefixes") {
  pipeline::Options options;
  options.base_iri = "https://example.org/kg/";
  const auto out =
      extractor().extract(testing::document("Kadri Tamm aus Estland kam.", "x"), options);
  CHECK(out.graph.name == "https://example.org/kg/report/X");
  CHECK(testing::has_triple(out.graph, "https://example.org/kg/person/KadriTamm",
                            iri(ns::kRkg, "nationality"),
                            Term::iri("https://example.org/kg/country/EE")));
  const auto prefixes = pipeline::prefixes(options);
  CHECK(std::find(prefixes.begin(), prefixes.end(),
                  std::make_pair(std::string("person"), options.base_iri + "person/")) !=
        prefixes.end());
}
