// libFuzzer target: the whole pipeline from the bytes of a report to Turtle
// (input::parse_document → pipeline::Extractor::extract → write::serialize). Bad input may be
// rejected by parse_document; anything that gets through must give output that Serd's strict
// reader parses, with exactly as many statements as the graph has distinct triples. For TriG and
// N-Quads, the prefix declarations followed by the graph written without them must be the same
// bytes, as `convert -o` writes such a document report by report. The format (Turtle,
// N-Triples, TriG, N-Quads) follows from the input's size, so that every format is fuzzed and an
// input always reproduces with the same one. Anything else (a crash, a sanitizer report, an
// internal error, unparsable output) aborts.
//
// Built with -DREPORTKG_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++; run by scripts/fuzz.sh.
#include <serd/serd.h>

#include <algorithm>
#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "graph/graph.hpp"
#include "input/document.hpp"
#include "pipeline/pipeline.hpp"
#include "write/writer.hpp"

namespace {

using namespace reportkg;

[[noreturn]] void die(const std::string& what, const std::string& output) {
  std::fprintf(stderr, "fuzz_convert: %s\n", what.c_str());
  if (!output.empty()) {
    std::fprintf(stderr, "---- output (%zu bytes) ----\n%.*s\n----\n", output.size(),
                 static_cast<int>(std::min<std::size_t>(output.size(), 8000)), output.c_str());
  }
  std::abort();
}

const pipeline::Extractor& extractor() {
  static const std::unique_ptr<pipeline::Extractor> ex = [] {
    auto created = pipeline::Extractor::create("de");
    if (!created) die("cannot load the German resources: " + created.error().to_string(), "");
    return std::move(created.value());
  }();
  return *ex;
}

struct ReadState {
  std::size_t statements = 0;
  std::string error;
};

extern "C" SerdStatus count_statement(void* handle, SerdStatementFlags, const SerdNode*,
                                      const SerdNode*, const SerdNode*, const SerdNode*,
                                      const SerdNode*, const SerdNode*) noexcept {
  ++static_cast<ReadState*>(handle)->statements;
  return SERD_SUCCESS;
}

extern "C" SerdStatus record_error(void* handle, const SerdError* error) noexcept {
  auto* state = static_cast<ReadState*>(handle);
  if (state->error.empty() && error != nullptr && error->fmt != nullptr) {
    char buf[512];
    std::va_list args;
    va_copy(args, *error->args);
    std::vsnprintf(buf, sizeof buf, error->fmt, args);
    va_end(args);
    state->error = std::to_string(error->line) + ":" + std::to_string(error->col) + ": " + buf;
  }
  return SERD_SUCCESS;
}

struct ReaderDeleter {
  void operator()(SerdReader* r) const noexcept { serd_reader_free(r); }
};

// Parses `text` in `syntax` with Serd's strict reader; returns the number of statements, or dies.
std::size_t parse(const std::string& text, SerdSyntax syntax) {
  ReadState state;
  const std::unique_ptr<SerdReader, ReaderDeleter> reader(
      serd_reader_new(syntax, &state, nullptr, nullptr, nullptr, count_statement, nullptr));
  if (!reader) die("serd_reader_new failed", "");
  serd_reader_set_strict(reader.get(), true);
  serd_reader_set_error_sink(reader.get(), record_error, &state);
  const SerdStatus st =
      serd_reader_read_string(reader.get(), reinterpret_cast<const uint8_t*>(text.c_str()));
  if (st != SERD_SUCCESS || !state.error.empty()) {
    die("Serd cannot parse the output: " +
            (state.error.empty() ? std::string(reinterpret_cast<const char*>(serd_strerror(st)))
                                 : state.error),
        text);
  }
  return state.statements;
}

std::size_t distinct_triples(const graph::Graph& g) {
  using Terms = std::tuple<const graph::TermView&, const graph::TermView&, const graph::TermView&>;
  const auto terms = [&g](const graph::Triple& t) {
    return Terms(g.terms.at(t.s), g.terms.at(t.p), g.terms.at(t.o));
  };
  std::vector<graph::Triple> triples = g.triples;
  std::sort(triples.begin(), triples.end(),
            [&](const auto& a, const auto& b) { return terms(a) < terms(b); });
  return static_cast<std::size_t>(
      std::unique(triples.begin(), triples.end(),
                  [&](const auto& a, const auto& b) { return terms(a) == terms(b); }) -
      triples.begin());
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  extractor();  // load the resources once, before the first input
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  auto doc = input::parse_document(std::string(reinterpret_cast<const char*>(data), size),
                                   "fuzz.de.txt", "de");
  if (!doc) {
    if (doc.error().code != ErrorCode::kEncoding) {
      die("parse_document failed with an error that is not about the encoding: " +
              doc.error().to_string(),
          "");
    }
    return 0;  // not UTF-8 text: rejected, as documented
  }
  pipeline::Options options;
  options.provenance = pipeline::Provenance::kFull;  // the most triples, every kind of term
  pipeline::Extraction extraction = extractor().extract(*doc, options);
  const std::size_t expected = distinct_triples(extraction.graph);

  constexpr std::pair<write::Format, SerdSyntax> kFormats[] = {
      {write::Format::kTurtle, SERD_TURTLE},
      {write::Format::kNTriples, SERD_NTRIPLES},
      {write::Format::kTriG, SERD_TRIG},
      {write::Format::kNQuads, SERD_NQUADS}};
  const auto [format, syntax] = kFormats[size % std::size(kFormats)];

  std::vector<graph::Graph> graphs;
  graphs.push_back(std::move(extraction.graph));
  const graph::Prefixes prefixes = pipeline::prefixes(options);
  auto output = write::serialize(graphs, prefixes, format);
  if (!output) die("serialize failed: " + output.error().to_string(), "");
  if (write::names_graphs(format)) {  // what `convert -o` writes report by report
    auto declarations = write::declarations(prefixes, format);
    auto body = write::serialize(graphs, prefixes, format, write::Declarations::kOmit);
    if (!declarations || !body) die("serialize without declarations failed", "");
    if (*declarations + *body != *output) {
      die("the declarations and the graph written without them differ from the document", *body);
    }
  }
  const std::size_t parsed = parse(*output, syntax);
  if (parsed != expected) {
    die("Serd reads " + std::to_string(parsed) + " statements, the graph has " +
            std::to_string(expected) + " distinct triples",
        *output);
  }
  return 0;
}
