#include "pipeline/pipeline.hpp"

#include "graph/builder.hpp"
#include "recognize/lexicon.hpp"
#include "recognize/recognizer.hpp"
#include "relate/relation.hpp"
#include "resolve/entity.hpp"
#include "text/text.hpp"
#include "version.hpp"

namespace reportkg::pipeline {

struct Extractor::Impl {
  recognize::Lexicon lexicon;
  text::Conventions conventions;
};

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::~Extractor() = default;

Result<std::unique_ptr<Extractor>> Extractor::create(std::string_view lang) {
  auto lexicon = recognize::Lexicon::load(lang);
  if (!lexicon) return lexicon.error();
  text::Conventions conventions = lexicon->conventions();
  auto impl = std::make_unique<Impl>(Impl{std::move(lexicon.value()), std::move(conventions)});
  return std::unique_ptr<Extractor>(new Extractor(std::move(impl)));
}

Extraction Extractor::extract(const input::Document& doc, const Options& options) const {
  const auto& lex = impl_->lexicon;
  const text::Text text = text::analyze(doc, impl_->conventions);
  const recognize::Recognized recognized = recognize::recognize(text, lex);
  const resolve::Resolved resolved = resolve::resolve(text, recognized, lex);
  const relate::Facts facts = relate::relate(text, recognized, resolved, lex);

  graph::BuildOptions build_options;
  build_options.base_iri = options.base_iri;
  build_options.provenance = options.provenance;
  build_options.tool_version = kVersion;

  Extraction out;
  out.graph = graph::build(text, recognized, resolved, facts, build_options);
  for (const auto& e : resolved.entities) ++out.counts.entities[recognize::type_name(e.type)];
  out.counts.relations = facts.relations.size();
  out.counts.quantities = facts.quantities.size();
  out.counts.quotes = facts.quotes.size();
  out.counts.triples = out.graph.triples.size();
  return out;
}

graph::Prefixes prefixes(const Options& options) { return graph::prefixes(options.base_iri); }

}  // namespace reportkg::pipeline
