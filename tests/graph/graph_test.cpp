#include "graph/graph.hpp"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

namespace reportkg::graph {
namespace {

constexpr const char* kInteger = "http://www.w3.org/2001/XMLSchema#integer";

// A graph of `n` literals "0", "1", ... typed xsd:integer, with IRIs of about 60 bytes between
// them: more bytes than the first blocks of its storage hold.
Graph numbers(int n) {
  Graph g;
  for (int i = 0; i < n; ++i) {
    g.add_term(TermKind::kIri,
               "https://example.org/report/Report0000001#char=" + std::to_string(i));
    g.add_term(TermKind::kLiteral, std::to_string(i), kInteger);
  }
  return g;
}

void check_numbers(const Graph& g, int n) {
  REQUIRE(g.terms.size() == 2 * static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    const auto k = 2 * static_cast<std::size_t>(i);
    CHECK(g.terms[k] ==
          Term::iri("https://example.org/report/Report0000001#char=" + std::to_string(i)));
    CHECK(g.terms[k + 1] == Term::typed(std::to_string(i), kInteger));
  }
}

TEST_CASE("a graph keeps the strings of its terms, however many and however long") {
  check_numbers(numbers(5000), 5000);

  Graph g;
  const std::string long_text(3 << 20, 'x');  // longer than any block
  const TermId text = g.add_term(TermKind::kLiteral, long_text, {}, "de");
  const TermId after = g.add_term(TermKind::kIri, "https://example.org/a");
  CHECK(g.terms[text] == Term::literal(long_text, "de"));
  CHECK(g.terms[after] == Term::iri("https://example.org/a"));
}

TEST_CASE("a graph's strings end in a NUL byte, as Serd reads them, and none is null") {
  Graph g;
  for (const char* value : {"a", "https://example.org/b", "", "Grüße"}) {
    const TermView& t = g.terms[g.add_term(TermKind::kLiteral, value, kInteger, "")];
    REQUIRE(t.value.data() != nullptr);
    CHECK(t.value.data()[t.value.size()] == '\0');
    CHECK(t.datatype.data()[t.datatype.size()] == '\0');
    CHECK(t.value == value);
    CHECK(t.lang.empty());
  }
}

TEST_CASE("term strings keep a concatenation of parts as one NUL-terminated string") {
  TermStrings strings;
  std::vector<std::string_view> kept;
  for (int i = 0; i < 2000; ++i) {  // past the first blocks
    kept.push_back(strings.keep({"person", ":", "Name" + std::to_string(i), ""}));
  }
  for (int i = 0; i < 2000; ++i) {
    CHECK(kept[static_cast<std::size_t>(i)] == "person:Name" + std::to_string(i));
    CHECK(kept[static_cast<std::size_t>(i)].data()[kept[static_cast<std::size_t>(i)].size()] ==
          '\0');
  }
  CHECK(strings.keep({"", ""}).empty());
  CHECK(strings.keep({"", ""}).data() != nullptr);
}

TEST_CASE("a moved graph's terms stay valid, and a copied one has strings of its own") {
  std::vector<Graph> graphs;
  for (int i = 0; i < 20; ++i) graphs.push_back(numbers(300));  // moved as the vector grows
  for (const Graph& g : graphs) check_numbers(g, 300);

  Graph copy;
  {
    const Graph original = numbers(300);
    copy = original;
    CHECK(copy.terms.front().value.data() != original.terms.front().value.data());
  }
  check_numbers(copy, 300);  // the original is gone
  copy.add_term(TermKind::kLiteral, "300", kInteger);
  CHECK(copy.terms.back() == Term::typed("300", kInteger));
}

TEST_CASE("a term of a graph compares with a term made by hand, and copies into one") {
  Graph g;
  g.add(Term::iri("https://example.org/s"), Term::iri("https://example.org/p"),
        Term::literal("Hanoi", "de"));
  REQUIRE(g.triples.size() == 1);
  const TermView& o = g.terms[g.triples[0].o];
  CHECK(o == Term::literal("Hanoi", "de"));
  CHECK(o != Term::literal("Hanoi", "en"));
  const Term copy(o);
  CHECK(copy.value == "Hanoi");
  CHECK(copy.lang == "de");
}

}  // namespace
}  // namespace reportkg::graph
