// The write stage: graphs → RDF text through Serd. The only place (with the ontology tests) that
// touches Serd/Sord.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "graph/graph.hpp"

namespace reportkg::write {

enum class Format { kTurtle, kNTriples, kTriG, kNQuads };

/// Parses "turtle", "ntriples", "trig", "nquads".
Result<Format> parse_format(std::string_view name);

/// Serializes the union of `graphs` (deduplicated, in a deterministic order that does not depend on
/// the order of the input triples or graphs). Turtle and N-Triples merge all graphs into one; TriG
/// and N-Quads keep each graph under its name. Turtle/TriG use `prefixes` for prefixed names.
Result<std::string> serialize(const std::vector<graph::Graph>& graphs,
                              const graph::Prefixes& prefixes, Format format);

}  // namespace reportkg::write
