// The graph stage: entities, facts and provenance → triples with deterministic IRIs.
#pragma once

#include <string>

#include "graph/graph.hpp"
#include "input/document.hpp"
#include "recognize/mention.hpp"
#include "relate/relation.hpp"
#include "resolve/entity.hpp"
#include "text/text.hpp"

namespace reportkg::graph {

enum class Provenance { kNone, kMentions, kFull };

struct BuildOptions {
  std::string base_iri = "https://w3id.org/reportkg/id/";
  Provenance provenance = Provenance::kMentions;
  std::string tool_version;
};

/// The triples of one report: the report node, every entity with its label and types, every fact,
/// and the provenance asked for.
Graph build(const text::Text& text, const recognize::Recognized& recognized,
            const resolve::Resolved& resolved, const relate::Facts& facts,
            const BuildOptions& options);

/// Prefixes for the writer: ontology and vocabularies, and the entity namespaces under base_iri.
Prefixes prefixes(const std::string& base_iri);

/// Local name of an entity IRI: ASCII letters and digits, CamelCase ("Anna Berg" →
/// "AnnaBerg", "Ministerium für öffentliche Sicherheit" →
/// "MinisteriumFuerOeffentlicheSicherheit").
std::string local_name(std::string_view name);

namespace ns {
inline constexpr const char* kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr const char* kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr const char* kXsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr const char* kOwl = "http://www.w3.org/2002/07/owl#";
inline constexpr const char* kSkos = "http://www.w3.org/2004/02/skos/core#";
inline constexpr const char* kSchema = "http://schema.org/";
inline constexpr const char* kOrg = "http://www.w3.org/ns/org#";
inline constexpr const char* kNif =
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
inline constexpr const char* kItsrdf = "http://www.w3.org/2005/11/its/rdf#";
inline constexpr const char* kDcterms = "http://purl.org/dc/terms/";
inline constexpr const char* kRkg = "https://w3id.org/reportkg/ontology#";
}  // namespace ns

}  // namespace reportkg::graph
