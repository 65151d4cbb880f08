// Test fixture: a report built from a string and run through the extraction stages, with lookups
// that let test cases speak of entities by label instead of by index.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/builder.hpp"
#include "graph/graph.hpp"
#include "input/document.hpp"
#include "recognize/lexicon.hpp"
#include "recognize/mention.hpp"
#include "recognize/recognizer.hpp"
#include "relate/relation.hpp"
#include "resolve/entity.hpp"
#include "text/text.hpp"

// Readable values in failure messages (doctest prints "{?}" for types without operator<<).
namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::ostringstream out;
    out << '{';
    for (std::size_t i = 0; i < v.size(); ++i) out << (i ? ", \"" : "\"") << v[i] << '"';
    out << '}';
    return out.str().c_str();
  }
};
template <>
struct StringMaker<std::optional<std::string>> {
  static String convert(const std::optional<std::string>& v) {
    return v ? ("\"" + *v + "\"").c_str() : "nullopt";
  }
};
template <>
struct StringMaker<std::map<std::string, std::size_t>> {
  static String convert(const std::map<std::string, std::size_t>& m) {
    std::ostringstream out;
    out << '{';
    for (const auto& [k, v] : m) out << ' ' << k << '=' << v;
    out << " }";
    return out.str().c_str();
  }
};
}  // namespace doctest

namespace reportkg::testing {

/// The bundled German resources, loaded once for the whole test binary.
inline const recognize::Lexicon& lexicon() {
  static const recognize::Lexicon lex = [] {
    auto loaded = recognize::Lexicon::load("de");
    REQUIRE_MESSAGE(loaded.ok(), loaded.error().to_string());
    return std::move(loaded).value();
  }();
  return lex;
}

/// A German report with the given content, filled in directly (no input::parse_document), so
/// that these tests do not depend on the input stage's headline and boilerplate detection.
inline input::Document document(std::string text, std::string id = "bericht") {
  input::Document doc;
  doc.id = std::move(id);
  doc.source = doc.id + ".de.txt";
  doc.lang = "de";
  doc.text = std::move(text);
  return doc;
}

/// A report run through text → recognize → resolve → relate. Neither copied nor moved: the
/// stages' results point into `doc`.
struct Analysis {
  input::Document doc;
  text::Text text;
  recognize::Recognized recognized;
  resolve::Resolved resolved;
  relate::Facts facts;

  explicit Analysis(input::Document d)
      : doc(std::move(d)),
        text(text::analyze(doc, lexicon().conventions())),
        recognized(recognize::recognize(text, lexicon())),
        resolved(resolve::resolve(text, recognized, lexicon())),
        facts(relate::relate(text, recognized, resolved, lexicon())) {}
  explicit Analysis(std::string content, std::string id = "bericht")
      : Analysis(document(std::move(content), std::move(id))) {}
  Analysis(const Analysis&) = delete;
  Analysis& operator=(const Analysis&) = delete;

  graph::Graph graph(graph::Provenance provenance = graph::Provenance::kMentions) const {
    graph::BuildOptions options;
    options.provenance = provenance;
    options.tool_version = "test";
    return graph::build(text, recognized, resolved, facts, options);
  }

  // ---- recognized mentions -------------------------------------------------------------------
  /// The text a mention covers.
  std::string_view covered(const recognize::Mention& m) const {
    return std::string_view(doc.text).substr(m.begin, m.end - m.begin);
  }
  /// The live (not dropped) mentions of a type, in the order found.
  std::vector<const recognize::Mention*> mentions(recognize::EntityType type) const {
    std::vector<const recognize::Mention*> out;
    for (const auto& m : recognized.mentions) {
      if (!recognize::dropped(m) && m.type == type) out.push_back(&m);
    }
    return out;
  }
  /// The live mention of `type` covering exactly `written`, or null.
  const recognize::Mention* mention(recognize::EntityType type, std::string_view written) const {
    for (const auto* m : mentions(type)) {
      if (covered(*m) == written) return m;
    }
    return nullptr;
  }

  // ---- resolved entities ---------------------------------------------------------------------
  /// Index of the entity of `type` labelled `label`, or -1.
  int entity(recognize::EntityType type, std::string_view label) const {
    for (std::size_t e = 0; e < resolved.entities.size(); ++e) {
      if (resolved.entities[e].type == type && resolved.entities[e].label == label)
        return static_cast<int>(e);
    }
    return -1;
  }
  /// Labels of all entities of a type, sorted.
  std::vector<std::string> labels(recognize::EntityType type) const {
    std::vector<std::string> out;
    for (const auto& e : resolved.entities) {
      if (e.type == type) out.push_back(e.label);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  // ---- facts ---------------------------------------------------------------------------------
  /// The relation (predicate, subject, object) between entities, or null.
  const relate::Relation* relation(relate::Predicate p, int subject, int object) const {
    if (subject < 0 || object < 0) return nullptr;
    for (const auto& r : facts.relations) {
      if (r.predicate == p && r.subject == subject && r.object == object) return &r;
    }
    return nullptr;
  }
  /// Job title literals of an entity, in the order found.
  std::vector<std::string> job_titles(int subject) const {
    std::vector<std::string> out;
    for (const auto& r : facts.relations) {
      if (r.predicate == relate::Predicate::kJobTitle && r.subject == subject)
        out.push_back(r.literal);
    }
    return out;
  }
  /// Number of relations with predicate `p`.
  std::size_t count(relate::Predicate p) const {
    return static_cast<std::size_t>(
        std::count_if(facts.relations.begin(), facts.relations.end(),
                      [p](const relate::Relation& r) { return r.predicate == p; }));
  }
};

// ---- triples ---------------------------------------------------------------------------------

/// A triple with its terms (the graph stores term ids).
struct Statement {
  const graph::TermView& s;
  const graph::TermView& p;
  const graph::TermView& o;
};

/// The triples of a graph with their terms.
inline std::vector<Statement> statements(const graph::Graph& g) {
  std::vector<Statement> out;
  for (const auto& t : g.triples)
    out.push_back({g.terms.at(t.s), g.terms.at(t.p), g.terms.at(t.o)});
  return out;
}

/// The triples of a graph as copies of their terms, in the graph's order: comparable across
/// graphs, whose term ids differ.
inline std::vector<std::array<graph::Term, 3>> term_triples(const graph::Graph& g) {
  std::vector<std::array<graph::Term, 3>> out;
  for (const auto& t : statements(g)) {
    out.push_back({graph::Term(t.s), graph::Term(t.p), graph::Term(t.o)});
  }
  return out;
}

/// True when the graph holds the triple with IRI subject and predicate and the object `o`.
inline bool has_triple(const graph::Graph& g, std::string_view s, std::string_view p,
                       const graph::Term& o) {
  const auto all = statements(g);
  return std::any_of(all.begin(), all.end(), [&](const Statement& t) {
    return t.s.value == s && t.s.is_iri() && t.p.value == p && t.o == o;
  });
}

/// Objects of (s, p, ?).
inline std::vector<graph::Term> objects(const graph::Graph& g, std::string_view s,
                                        std::string_view p) {
  std::vector<graph::Term> out;
  for (const auto& t : statements(g)) {
    if (t.s.value == s && t.p.value == p) out.push_back(graph::Term(t.o));
  }
  return out;
}

/// Subjects of (?, p, o).
inline std::vector<std::string> subjects(const graph::Graph& g, std::string_view p,
                                         const graph::Term& o) {
  std::vector<std::string> out;
  for (const auto& t : statements(g)) {
    if (t.p.value == p && t.o == o) out.emplace_back(t.s.value);
  }
  return out;
}

inline std::string iri(const char* ns, std::string_view local) {
  return std::string(ns) + std::string(local);
}

}  // namespace reportkg::testing
