// The graph stage's product: plain RDF terms and triples, independent of any RDF library.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
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

/// A term's index in the term table of its graph.
using TermId = std::uint32_t;

/// A statement over the terms of its graph.
struct Triple {
  TermId s = 0, p = 0, o = 0;
  friend bool operator==(const Triple&, const Triple&) = default;
};

/// The triples of one report, in the graph named `name` (the report IRI) for TriG / N-Quads.
/// Each term is stored once in `terms` however many triples use it (the graph stage interns its
/// IRIs); a term may still appear twice in the table: the writer compares terms, not ids.
struct Graph {
  std::string name;
  std::vector<Term> terms;
  std::vector<Triple> triples;

  /// Appends a term to the table; returns its id.
  TermId add_term(Term t) {
    terms.push_back(std::move(t));
    return static_cast<TermId>(terms.size() - 1);
  }
  /// Appends a term made in place from its parts (no Term to move); returns its id.
  TermId add_term(Term::Kind kind, std::string_view value, std::string_view datatype = {},
                  std::string_view lang = {}) {
    Term& t = terms.emplace_back();
    t.kind = kind;
    t.value.assign(value);
    t.datatype.assign(datatype);
    t.lang.assign(lang);
    return static_cast<TermId>(terms.size() - 1);
  }
  /// Appends a triple of new terms (for graphs built by hand: tests, benchmarks).
  void add(Term s, Term p, Term o) {
    const TermId si = add_term(std::move(s));
    const TermId pi = add_term(std::move(p));
    triples.push_back({si, pi, add_term(std::move(o))});
  }
};

/// Prefix name → namespace IRI, in the order they are written.
using Prefixes = std::vector<std::pair<std::string, std::string>>;

}  // namespace reportkg::graph
