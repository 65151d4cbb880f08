// Runs the stages of DESIGN.md in order on one report: input → text → recognize → resolve →
// relate → graph. The CLI calls this and the write stage; nothing else.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "base/result.hpp"
#include "graph/builder.hpp"
#include "graph/graph.hpp"
#include "input/document.hpp"

namespace reportkg::pipeline {

/// How much provenance goes into the graph: kNone (entities and facts only), kMentions (+ the
/// report as nif:Context and every mention as a NIF string; the default), kFull (+ a statement node
/// per fact with its sentence and extraction rule).
using graph::Provenance;

struct Options {
  std::string base_iri = "https://w3id.org/reportkg/id/";  ///< namespace of entity IRIs
  Provenance provenance = Provenance::kMentions;
};

/// What was found in one report, for the CLI's summary line.
struct Counts {
  std::map<std::string, std::size_t> entities;  ///< "Person" → 4, ...
  std::size_t relations = 0;
  std::size_t quantities = 0;
  std::size_t quotes = 0;
  std::size_t triples = 0;
};

struct Extraction {
  graph::Graph graph;
  Counts counts;
};

/// The loaded language resources and the extractor. Create once, use for many reports; extract()
/// is const and safe to call from several threads.
class Extractor {
 public:
  /// Loads the resources for `lang` ("de"). Fails (kUsage) for a language without resources.
  static Result<std::unique_ptr<Extractor>> create(std::string_view lang);
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  Extraction extract(const input::Document& doc, const Options& options) const;

 private:
  struct Impl;
  explicit Extractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// The prefixes the writer uses (ontology, schema.org, NIF, entity namespaces under base_iri).
graph::Prefixes prefixes(const Options& options);

}  // namespace reportkg::pipeline
