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

/// Whether the format keeps each graph under its name (TriG, N-Quads), so that a document of many
/// graphs can be written a graph at a time: the prefix declarations (`declarations`), then each
/// graph serialized alone without them.
bool names_graphs(Format format);

/// Whether serialize() begins with the prefix declarations (Turtle and TriG), or only uses them.
enum class Declarations { kWrite, kOmit };

/// Serializes the union of `graphs` (deduplicated, in a deterministic order that does not depend on
/// the order of the input triples or graphs). Turtle and N-Triples merge all graphs into one; TriG
/// and N-Quads keep each graph under its name, in the byte order of the names. Turtle/TriG use
/// `prefixes` for prefixed names.
Result<std::string> serialize(const std::vector<graph::Graph>& graphs,
                              const graph::Prefixes& prefixes, Format format,
                              Declarations declarations = Declarations::kWrite);

/// The prefix declarations that begin a document with these prefixes (empty for N-Triples and
/// N-Quads): serialize() of graphs with kWrite gives them followed by its text with kOmit (in
/// Turtle, with an empty line between them).
Result<std::string> declarations(const graph::Prefixes& prefixes, Format format);

}  // namespace reportkg::write
