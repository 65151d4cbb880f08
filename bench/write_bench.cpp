// Benchmark of the write stage alone: reads N-Triples with Serd into one graph::Graph, then times
// write::serialize on it (best of several runs), so that bench/run.sh can compare it with serdi
// re-serialising the same file. Built with -DREPORTKG_BENCH=ON; not a test.
//
//   write_bench FILE.nt [--format turtle|ntriples|trig|nquads] [--repeat N] [--out FILE]
//
// Prints "key value" lines: triples, read_seconds, serialize_seconds (best), serialize_seconds_all,
// output_bytes.
#include <serd/serd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/strings.hpp"
#include "graph/graph.hpp"
#include "pipeline/pipeline.hpp"
#include "write/files.hpp"
#include "write/writer.hpp"

namespace {

using namespace reportkg;
using Clock = std::chrono::steady_clock;

struct State {
  graph::Graph graph;
  StringMap<graph::TermId> iris;  // each IRI once in the graph, as the graph stage stores them
  std::string error;

  graph::TermId iri(std::string value) {
    if (const auto it = iris.find(value); it != iris.end()) return it->second;
    const graph::TermId id = graph.add_term(graph::Term::iri(value));
    iris.emplace(std::move(value), id);
    return id;
  }
};

std::string text(const SerdNode* n) {
  return std::string(reinterpret_cast<const char*>(n->buf), n->n_bytes);
}

extern "C" SerdStatus on_statement(void* handle, SerdStatementFlags, const SerdNode*,
                                   const SerdNode* s, const SerdNode* p, const SerdNode* o,
                                   const SerdNode* datatype, const SerdNode* lang) noexcept {
  auto* state = static_cast<State*>(handle);
  try {
    if (s->type != SERD_URI || p->type != SERD_URI ||
        (o->type != SERD_URI && o->type != SERD_LITERAL)) {
      state->error = "only IRIs and literals are supported (reportkg writes no blank nodes)";
      return SERD_ERR_BAD_SYNTAX;
    }
    graph::TermId object = 0;
    if (o->type == SERD_URI) {
      object = state->iri(text(o));
    } else if (lang != nullptr) {
      object = state->graph.add_term(graph::Term::literal(text(o), text(lang)));
    } else if (datatype != nullptr) {
      object = state->graph.add_term(graph::Term::typed(text(o), text(datatype)));
    } else {
      object = state->graph.add_term(graph::Term::literal(text(o)));
    }
    state->graph.triples.push_back({state->iri(text(s)), state->iri(text(p)), object});
    return SERD_SUCCESS;
  } catch (...) {
    state->error = "out of memory";
    return SERD_ERR_INTERNAL;
  }
}

struct ReaderDeleter {
  void operator()(SerdReader* r) const noexcept { serd_reader_free(r); }
};
struct FileCloser {
  void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

int usage() {
  std::fprintf(stderr,
               "usage: write_bench FILE.nt [--format turtle|ntriples|trig|nquads] [--repeat N] "
               "[--out FILE]\n");
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string path, out_path, format_name = "turtle";
  int repeat = 3;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--format" && i + 1 < argc) {
      format_name = argv[++i];
    } else if (arg == "--repeat" && i + 1 < argc) {
      repeat = std::atoi(argv[++i]);
    } else if (arg == "--out" && i + 1 < argc) {
      out_path = argv[++i];
    } else if (path.empty() && !arg.starts_with("--")) {
      path = arg;
    } else {
      return usage();
    }
  }
  const auto format = write::parse_format(format_name);
  if (path.empty() || !format || repeat < 1) return usage();

  // Open the file ourselves: Serd prints its own message for a missing file.
  const std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    std::fprintf(stderr, "write_bench: %s: %s\n", path.c_str(), std::strerror(errno));
    return 1;
  }
  State state;
  const auto read_start = Clock::now();
  {
    const std::unique_ptr<SerdReader, ReaderDeleter> reader(
        serd_reader_new(SERD_NTRIPLES, &state, nullptr, nullptr, nullptr, on_statement, nullptr));
    const SerdStatus st = serd_reader_read_file_handle(
        reader.get(), file.get(), reinterpret_cast<const uint8_t*>(path.c_str()));
    if (st != SERD_SUCCESS || !state.error.empty()) {
      std::fprintf(stderr, "write_bench: %s: cannot read: %s\n", path.c_str(),
                   state.error.empty() ? reinterpret_cast<const char*>(serd_strerror(st))
                                       : state.error.c_str());
      return 1;
    }
  }
  const double read_seconds = seconds_since(read_start);
  state.graph.name = "https://w3id.org/reportkg/id/report/Bench";

  std::vector<graph::Graph> graphs;
  graphs.push_back(std::move(state.graph));
  const graph::Prefixes prefixes = pipeline::prefixes(pipeline::Options{});
  double best = 0;
  std::string all;
  std::size_t bytes = 0;
  for (int i = 0; i < repeat; ++i) {
    const auto start = Clock::now();
    auto text = write::serialize(graphs, prefixes, *format);
    const double s = seconds_since(start);
    if (!text) {
      std::fprintf(stderr, "write_bench: %s\n", text.error().to_string().c_str());
      return 1;
    }
    bytes = text->size();
    if (i == 0 || s < best) best = s;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%.3f", i == 0 ? "" : " ", s);
    all += buf;
    if (i + 1 == repeat && !out_path.empty()) {
      const Status written = write::write_file(out_path, *text);
      if (!written) {
        std::fprintf(stderr, "write_bench: %s\n", written.error().to_string().c_str());
        return 1;
      }
    }
  }
  std::printf("triples %zu\n", graphs.front().triples.size());
  std::printf("read_seconds %.3f\n", read_seconds);
  std::printf("serialize_seconds %.3f\n", best);
  std::printf("serialize_seconds_all %s\n", all.c_str());
  std::printf("output_bytes %zu\n", bytes);
  return 0;
}
