// The graph stage's product: plain RDF terms and triples, independent of any RDF library.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace reportkg::graph {

/// An RDF term. Literals carry either a language tag or a datatype IRI (or neither: xsd:string).
struct Term {
  enum class Kind { kIri, kLiteral };
  Kind kind = Kind::kIri;
  std::string value;     ///< the IRI, or the literal's lexical form
  std::string datatype;  ///< literal datatype IRI, empty for plain/language-tagged
  std::string lang;      ///< literal language tag, empty if none

  static Term iri(std::string v) { return Term{Kind::kIri, std::move(v), {}, {}}; }
  static Term literal(std::string v, std::string lang = {}) {
    return Term{Kind::kLiteral, std::move(v), {}, std::move(lang)};
  }
  static Term typed(std::string v, std::string datatype) {
    return Term{Kind::kLiteral, std::move(v), std::move(datatype), {}};
  }
  bool is_iri() const { return kind == Kind::kIri; }
  friend bool operator==(const Term&, const Term&) = default;
  friend auto operator<=>(const Term&, const Term&) = default;
};

struct Triple {
  Term s, p, o;
  friend bool operator==(const Triple&, const Triple&) = default;
  friend auto operator<=>(const Triple&, const Triple&) = default;
};

/// The triples of one report, in the graph named `name` (the report IRI) for TriG / N-Quads.
struct Graph {
  std::string name;
  std::vector<Triple> triples;
};

/// Prefix name → namespace IRI, in the order they are written.
using Prefixes = std::vector<std::pair<std::string, std::string>>;

}  // namespace reportkg::graph
