#include "graph/builder.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "../support/fixture.hpp"
#include "base/utf8.hpp"

namespace {

using namespace reportkg;
using graph::Provenance;
using graph::Term;
using testing::Analysis;
using testing::has_triple;
using testing::iri;
using testing::objects;
using testing::subjects;
namespace ns = graph::ns;

const std::string kBase = "https://w3id.org/reportkg/id/";
const std::string kType = iri(ns::kRdf, "type");
const std::string kLabel = iri(ns::kRdfs, "label");

std::string report_iri(std::string_view local) { return kBase + "report/" + std::string(local); }

// The code points [begin, end) of a text.
std::string code_points(std::string_view text, std::size_t begin, std::size_t end) {
  std::string out;
  std::size_t cp = 0;
  for (std::size_t i = 0; i < text.size() && cp < end; ++cp) {
    const std::size_t start = i;
    utf8::next(text, i);
    if (cp >= begin) out.append(text.substr(start, i - start));
  }
  return out;
}

std::size_t integer(const Term& t) {
  REQUIRE(t.datatype == iri(ns::kXsd, "nonNegativeInteger"));
  return std::stoul(t.value);
}

bool in_namespace(const graph::TermView& t, const char* ns) {
  return t.is_iri() && t.value.starts_with(ns);
}

// Triples that are NIF provenance: a NIF predicate or type, or an itsrdf link.
std::size_t nif_triples(const graph::Graph& g) {
  std::size_t n = 0;
  for (const auto& t : testing::statements(g)) {
    if (in_namespace(t.p, ns::kNif) || in_namespace(t.o, ns::kNif) ||
        in_namespace(t.p, ns::kItsrdf))
      ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("local names are ASCII CamelCase") {
  CHECK(graph::local_name("Luong Tam Quang") == "LuongTamQuang");
  CHECK(graph::local_name("Ministerium für öffentliche Ordnung") ==
        "MinisteriumFuerOeffentlicheOrdnung");
  CHECK(graph::local_name("Außenministerium Estlands") == "AussenministeriumEstlands");
  CHECK(graph::local_name("Jean-Luc O'Neill") == "JeanLucONeill");
  CHECK(graph::local_name("Pavel Dvořák") == "PavelDvorak");
  CHECK(graph::local_name("nächste Gipfel") == "NaechsteGipfel");
  CHECK(graph::local_name("NATO") == "NATO");
}

TEST_CASE("a local name never starts with a digit") {
  CHECK(graph::local_name("78. Sitzung") == "N78Sitzung");
  CHECK(graph::local_name("2025") == "N2025");
}

TEST_CASE("a local name of punctuation only is empty") {
  CHECK(graph::local_name("").empty());
  CHECK(graph::local_name("„…“ - ,").empty());
}

TEST_CASE("prefixes put the entity namespaces under the base IRI") {
  const auto prefixes = graph::prefixes("https://example.org/kg/");
  auto find = [&](std::string_view name) {
    for (const auto& [p, ns] : prefixes) {
      if (p == name) return ns;
    }
    return std::string();
  };
  CHECK(find("person") == "https://example.org/kg/person/");
  CHECK(find("country") == "https://example.org/kg/country/");
  CHECK(find("report") == "https://example.org/kg/report/");
  CHECK(find("rkg") == ns::kRkg);
  CHECK(find("nif") == ns::kNif);
  std::set<std::string> names;
  for (const auto& [p, ns] : prefixes) CHECK(names.insert(p).second);
}

TEST_CASE("the report node has its type, language and the whole text as NIF context") {
  const Analysis a("Grüße aus Linz.", "gruesse-linz");
  const auto g = a.graph();
  const std::string report = report_iri("GruesseLinz");
  CHECK(g.name == report);
  CHECK(has_triple(g, report, kType, Term::iri(iri(ns::kRkg, "Report"))));
  CHECK(has_triple(g, report, kType, Term::iri(iri(ns::kNif, "Context"))));
  CHECK(has_triple(g, report, iri(ns::kNif, "isString"), Term::literal("Grüße aus Linz.")));
  CHECK(has_triple(g, report, iri(ns::kSchema, "inLanguage"), Term::literal("de")));
  CHECK(has_triple(g, report, iri(ns::kRkg, "toolVersion"), Term::literal("test")));
  const auto end = objects(g, report, iri(ns::kNif, "endIndex"));
  REQUIRE(end.size() == 1);
  CHECK(integer(end[0]) == 15);
}

TEST_CASE("the report's headline, date and source URL are stated when known") {
  auto doc = testing::document("Neue Brücke für Passau\nDie Stadt baut.", "bruecke");
  doc.title = "Neue Brücke für Passau";
  doc.date = "2024-05-03";
  doc.source_url = "https://example.org/bruecke";
  const Analysis a(std::move(doc));
  const auto g = a.graph();
  const std::string report = report_iri("Bruecke");
  CHECK(has_triple(g, report, iri(ns::kSchema, "headline"),
                   Term::literal("Neue Brücke für Passau", "de")));
  CHECK(has_triple(g, report, iri(ns::kSchema, "datePublished"),
                   Term::typed("2024-05-03", iri(ns::kXsd, "date"))));
  CHECK(has_triple(g, report, iri(ns::kSchema, "url"), Term::iri("https://example.org/bruecke")));
}

TEST_CASE("a source URL that is no valid IRI is left out") {
  auto doc = testing::document("Die Stadt baut.", "bruecke");
  doc.source_url = "https://example.org/a b";
  const Analysis a(std::move(doc));
  CHECK(objects(a.graph(), report_iri("Bruecke"), iri(ns::kSchema, "url")).empty());
}

TEST_CASE("entities get typed IRIs in their namespace with a German label") {
  const Analysis a("Kadri Tamm aus Estland nahm an der Konferenz in Tallinn teil.", "tallinn");
  const auto g = a.graph();
  const std::string person = kBase + "person/KadriTamm";
  CHECK(has_triple(g, person, kType, Term::iri(iri(ns::kRkg, "Person"))));
  CHECK(has_triple(g, person, kLabel, Term::literal("Kadri Tamm", "de")));
  CHECK(has_triple(g, kBase + "place/Tallinn", kType, Term::iri(iri(ns::kRkg, "Place"))));
  CHECK(has_triple(g, kBase + "event/TallinnKonferenz", kType, Term::iri(iri(ns::kRkg, "Event"))));
  CHECK(has_triple(g, kBase + "event/TallinnKonferenz", iri(ns::kRkg, "report"),
                   Term::iri(report_iri("Tallinn"))));
  CHECK(has_triple(g, person, iri(ns::kRkg, "nationality"), Term::iri(kBase + "country/EE")));
  CHECK(has_triple(g, kBase + "event/TallinnKonferenz", iri(ns::kRkg, "participant"),
                   Term::iri(person)));
  CHECK(has_triple(g, kBase + "event/TallinnKonferenz", iri(ns::kRkg, "location"),
                   Term::iri(kBase + "place/Tallinn")));
}

TEST_CASE("countries use their ISO code as IRI and state it") {
  const Analysis a("Der französische Botschafter Henri Delacroix reiste nach Österreich.");
  const auto g = a.graph();
  CHECK(has_triple(g, kBase + "country/FR", kLabel, Term::literal("Frankreich", "de")));
  CHECK(has_triple(g, kBase + "country/FR", iri(ns::kRkg, "isoCode"), Term::literal("FR")));
  CHECK(has_triple(g, kBase + "country/AT", kLabel, Term::literal("Österreich", "de")));
}

TEST_CASE("the same person in two reports gets the same IRI, an event does not") {
  const Analysis first("Botschafterin Kadri Tamm nahm an der Konferenz teil.", "erster-bericht");
  const Analysis second("Die Konferenz endete. Botschafterin Kadri Tamm reiste ab.",
                        "zweiter-bericht");
  const auto g1 = first.graph();
  const auto g2 = second.graph();
  const Term person_type = Term::iri(iri(ns::kRkg, "Person"));
  const Term event_type = Term::iri(iri(ns::kRkg, "Event"));
  CHECK(subjects(g1, kType, person_type) == std::vector<std::string>{kBase + "person/KadriTamm"});
  CHECK(subjects(g2, kType, person_type) == std::vector<std::string>{kBase + "person/KadriTamm"});
  CHECK(subjects(g1, kType, event_type) ==
        std::vector<std::string>{kBase + "event/ErsterBerichtKonferenz"});
  CHECK(subjects(g2, kType, event_type) ==
        std::vector<std::string>{kBase + "event/ZweiterBerichtKonferenz"});
}

TEST_CASE("the base IRI option moves every minted IRI") {
  const Analysis a("Kadri Tamm aus Estland kam.", "x");
  graph::BuildOptions options;
  options.base_iri = "https://example.org/kg/";
  const auto g = graph::build(a.text, a.recognized, a.resolved, a.facts, options);
  CHECK(g.name == "https://example.org/kg/report/X");
  CHECK(has_triple(g, "https://example.org/kg/person/KadriTamm", iri(ns::kRkg, "nationality"),
                   Term::iri("https://example.org/kg/country/EE")));
  for (const auto& t : testing::statements(g)) {
    CHECK_FALSE(t.s.value.starts_with(kBase));
    CHECK_FALSE(t.o.value.starts_with(kBase));
  }
}

TEST_CASE("every mention's anchorOf is the text between its code-point offsets") {
  // Umlauts, ß and an emoji outside the BMP before the mentions shift byte and code-point offsets.
  const Analysis a(
      "Grüße 😀 aus Österreich: Die Ministerin für Kultur Pavla Nováková kam.\n"
      "Das Ministerium für Kultur bestätigte das. 🇪🇪 Kadri Tamm aus Estland sagte: „Gut.“");
  const auto g = a.graph();
  std::size_t anchors = 0;
  for (const auto& t : testing::statements(g)) {
    if (t.p.value != iri(ns::kNif, "anchorOf")) continue;
    ++anchors;
    const auto begin = objects(g, t.s.value, iri(ns::kNif, "beginIndex"));
    const auto end = objects(g, t.s.value, iri(ns::kNif, "endIndex"));
    REQUIRE(begin.size() == 1);
    REQUIRE(end.size() == 1);
    CAPTURE(t.o.value);
    CHECK(code_points(a.doc.text, integer(begin[0]), integer(end[0])) == t.o.value);
    CHECK(t.s.value.ends_with("#char=" + begin[0].value + "," + end[0].value));
  }
  CHECK(anchors >=
        6);  // Österreich, Pavla Nováková, Ministerium für Kultur, Kadri Tamm, Estland, the quote
  CHECK(subjects(g, iri(ns::kNif, "anchorOf"), Term::literal("Pavla Nováková")).size() == 1);
  CHECK(subjects(g, iri(ns::kNif, "anchorOf"), Term::literal("Gut.")).size() == 1);
}

TEST_CASE("a mention links its NIF string to its entity") {
  const Analysis a("Grüße 😀 aus Österreich.", "gruss");
  const auto g = a.graph();
  const auto strings = subjects(g, iri(ns::kItsrdf, "taIdentRef"), Term::iri(kBase + "country/AT"));
  REQUIRE(strings.size() == 1);
  CHECK(strings[0] == report_iri("Gruss") + "#char=12,22");
  CHECK(
      has_triple(g, strings[0], iri(ns::kNif, "referenceContext"), Term::iri(report_iri("Gruss"))));
}

TEST_CASE("provenance none has no NIF triples and no statements") {
  const Analysis a(
      "Kadri Tamm aus Estland sagte: „Gut.“ Auf der Messe in Linz zeigten 300 Aussteller ihre "
      "Waren.");
  const auto none = a.graph(Provenance::kNone);
  CHECK(nif_triples(none) == 0);
  CHECK(subjects(none, kType, Term::iri(iri(ns::kRkg, "Statement"))).empty());
  // The facts are still there.
  CHECK(has_triple(none, kBase + "person/KadriTamm", iri(ns::kRkg, "nationality"),
                   Term::iri(kBase + "country/EE")));
  CHECK(subjects(none, kType, Term::iri(iri(ns::kRkg, "Quote"))).size() == 1);
  CHECK(subjects(none, kType, Term::iri(iri(ns::kRkg, "Quantity"))).size() == 1);
  CHECK(nif_triples(a.graph(Provenance::kMentions)) > 0);
}

TEST_CASE("provenance full adds a statement node per fact with its rule and sentence") {
  const Analysis a("Die Konferenz begann.\nKadri Tamm aus Estland kam.", "ankunft");
  const auto mentions = a.graph(Provenance::kMentions);
  const auto full = a.graph(Provenance::kFull);
  CHECK(subjects(mentions, kType, Term::iri(iri(ns::kRkg, "Statement"))).empty());

  const auto statements =
      subjects(full, iri(ns::kRdf, "predicate"), Term::iri(iri(ns::kRkg, "nationality")));
  REQUIRE(statements.size() == 1);
  const std::string& st = statements[0];
  CHECK(st.starts_with(report_iri("Ankunft") + "#fact"));
  CHECK(has_triple(full, st, kType, Term::iri(iri(ns::kRkg, "Statement"))));
  CHECK(has_triple(full, st, iri(ns::kRdf, "subject"), Term::iri(kBase + "person/KadriTamm")));
  CHECK(has_triple(full, st, iri(ns::kRdf, "object"), Term::iri(kBase + "country/EE")));
  CHECK(has_triple(full, st, iri(ns::kRkg, "rule"), Term::literal("aus-country")));
  const auto evidence = objects(full, st, iri(ns::kRkg, "evidence"));
  REQUIRE(evidence.size() == 1);
  CHECK(has_triple(full, evidence[0].value, kType, Term::iri(iri(ns::kNif, "Sentence"))));
  CHECK(has_triple(full, evidence[0].value, iri(ns::kNif, "anchorOf"),
                   Term::literal("Kadri Tamm aus Estland kam.")));
}

TEST_CASE("a job title with an organization becomes a membership with a role") {
  const Analysis a(
      "Das Ministerium für Kultur lud ein. Minister für Kultur Pavel Dvořák eröffnete die "
      "Ausstellung.");
  const auto g = a.graph();
  const std::string person = kBase + "person/PavelDvorak";
  const std::string ministry = kBase + "organization/MinisteriumFuerKultur";
  CHECK(
      has_triple(g, person, iri(ns::kRkg, "jobTitle"), Term::literal("Minister für Kultur", "de")));
  CHECK(has_triple(g, person, iri(ns::kRkg, "affiliation"), Term::iri(ministry)));
  const auto memberships = objects(g, person, iri(ns::kRkg, "membership"));
  REQUIRE(memberships.size() == 1);
  const std::string& m = memberships[0].value;
  CHECK(has_triple(g, m, kType, Term::iri(iri(ns::kOrg, "Membership"))));
  CHECK(has_triple(g, m, iri(ns::kOrg, "member"), Term::iri(person)));
  CHECK(has_triple(g, m, iri(ns::kOrg, "organization"), Term::iri(ministry)));
  const std::string role = kBase + "role/MinisterFuerKultur";
  CHECK(has_triple(g, m, iri(ns::kOrg, "role"), Term::iri(role)));
  CHECK(has_triple(g, role, kLabel, Term::literal("Minister für Kultur", "de")));
}

TEST_CASE("a quantity is a node with a typed value, unit and qualifier") {
  const Analysis a("Die Messe in Linz dauerte 3,5 Tage. Mehr als 300 Aussteller kamen.", "messe");
  const auto g = a.graph();
  const auto nodes = objects(g, kBase + "event/MesseMesse", iri(ns::kRkg, "quantity"));
  REQUIRE(nodes.size() == 2);
  std::set<std::pair<std::string, std::string>> values;
  for (const auto& n : nodes) {
    CHECK(has_triple(g, n.value, kType, Term::iri(iri(ns::kRkg, "Quantity"))));
    const auto v = objects(g, n.value, iri(ns::kRkg, "value"));
    REQUIRE(v.size() == 1);
    values.emplace(v[0].value, v[0].datatype);
  }
  CHECK(values == std::set<std::pair<std::string, std::string>>{{"3.5", iri(ns::kXsd, "decimal")},
                                                                {"300", iri(ns::kXsd, "integer")}});
  CHECK(subjects(g, iri(ns::kRkg, "qualifier"), Term::literal("mehr als", "de")).size() == 1);
  CHECK(subjects(g, iri(ns::kRkg, "unit"), Term::literal("Aussteller", "de")).size() == 1);
}

TEST_CASE("a quote is a node with its text and speaker") {
  const Analysis a("Kadri Tamm sagte: „Die Lage ist ernst.“", "zitat");
  const auto g = a.graph();
  const auto quotes = subjects(g, kType, Term::iri(iri(ns::kRkg, "Quote")));
  REQUIRE(quotes.size() == 1);
  CHECK(quotes[0] == kBase + "quote/ZitatQ1");
  CHECK(
      has_triple(g, quotes[0], iri(ns::kRkg, "text"), Term::literal("Die Lage ist ernst.", "de")));
  CHECK(has_triple(g, quotes[0], iri(ns::kRkg, "speaker"), Term::iri(kBase + "person/KadriTamm")));
  CHECK(has_triple(g, quotes[0], iri(ns::kRkg, "report"), Term::iri(report_iri("Zitat"))));
}

TEST_CASE("every IRI in the graph is absolute and free of spaces") {
  const Analysis a(
      "Grüße 😀 aus Österreich: Die Ministerin für Kultur Pavla Nováková kam. Das Ministerium für "
      "Kultur "
      "bestätigte das. Kadri Tamm aus Estland sagte: „Gut.“",
      "ein bericht/mit ärger");
  const auto full = a.graph(Provenance::kFull);
  for (const auto& t : testing::statements(full)) {
    for (const graph::TermView* term : {&t.s, &t.p, &t.o}) {
      if (!term->is_iri()) continue;
      CAPTURE(term->value);
      CHECK(term->value.starts_with("http"));
      CHECK(term->value.find(' ') == std::string::npos);
      for (const char c : term->value) CHECK(static_cast<unsigned char>(c) < 0x80);
    }
  }
}

TEST_CASE("a term made in place from its parts is the term made whole") {
  graph::Graph g;
  const graph::TermId iri = g.add_term(graph::Term::Kind::kIri, "http://example.org/a");
  const graph::TermId typed =
      g.add_term(graph::Term::Kind::kLiteral, "5", "http://www.w3.org/2001/XMLSchema#integer");
  const graph::TermId tagged = g.add_term(graph::Term::Kind::kLiteral, "Hanoi", {}, "de");
  REQUIRE(g.terms.size() == 3);
  CHECK(g.terms[iri] == graph::Term::iri("http://example.org/a"));
  CHECK(g.terms[typed] == graph::Term::typed("5", "http://www.w3.org/2001/XMLSchema#integer"));
  CHECK(g.terms[tagged] == graph::Term::literal("Hanoi", "de"));
}
