// Benchmark of the pipeline stage by stage: reads every *.txt under a directory into memory, then
// runs the stages of DESIGN.md on each report in turn and adds up the time each stage takes, so
// that a profile can be checked against the stages and an optimisation against its stage. Built
// with -DREPORTKG_BENCH=ON; not a test.
//
//   stage_bench DIR [--repeat N] [--provenance none|mentions|full] [--write-dir DIR]
//
// Prints one "stage seconds MB/s share" line per stage and a total; the write line (a file per
// report, put in place 64 at a time, as `convert --out-dir` does) only with --write-dir.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "graph/builder.hpp"
#include "input/document.hpp"
#include "recognize/lexicon.hpp"
#include "recognize/recognizer.hpp"
#include "relate/relation.hpp"
#include "resolve/entity.hpp"
#include "text/text.hpp"
#include "write/files.hpp"
#include "write/writer.hpp"

namespace {

using namespace reportkg;
using Clock = std::chrono::steady_clock;

enum Stage { kInput, kText, kRecognize, kResolve, kRelate, kGraph, kSerialize, kWrite, kStages };
constexpr const char* kStageNames[kStages] = {"input",  "text",  "recognize", "resolve",
                                              "relate", "graph", "serialize", "write"};

int fail(const Error& e) {
  std::fprintf(stderr, "stage_bench: %s\n", e.to_string().c_str());
  return 1;
}

int usage() {
  std::fprintf(stderr,
               "usage: stage_bench DIR [--repeat N] [--provenance none|mentions|full] "
               "[--write-dir DIR]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  std::string dir = argv[1];
  int repeat = 1;
  graph::BuildOptions build_options;
  build_options.tool_version = "bench";
  std::string write_dir;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--repeat") == 0) {
      repeat = std::max(1, std::atoi(argv[i + 1]));
    } else if (std::strcmp(argv[i], "--provenance") == 0) {
      std::string p = argv[i + 1];
      build_options.provenance = p == "none"   ? graph::Provenance::kNone
                                 : p == "full" ? graph::Provenance::kFull
                                               : graph::Provenance::kMentions;
    } else if (std::strcmp(argv[i], "--write-dir") == 0) {
      write_dir = argv[i + 1];
    } else {
      return usage();
    }
  }

  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ".txt") paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> reports;
  std::size_t bytes = 0;
  for (const auto& p : paths) {
    auto data = input::read_file(p.string());
    if (!data) continue;
    bytes += data->size();
    reports.push_back(std::move(data.value()));
  }

  auto lexicon = recognize::Lexicon::load("de");
  if (!lexicon) return fail(lexicon.error());
  const text::Conventions conventions = lexicon->conventions();
  const graph::Prefixes prefixes = graph::prefixes(build_options.base_iri);

  double seconds[kStages] = {};
  auto lap = [&seconds](Stage stage, Clock::time_point& start) {
    const auto now = Clock::now();
    seconds[stage] += std::chrono::duration<double>(now - start).count();
    start = now;
  };
  std::size_t triples = 0;
  write::FileBatch batch;
  for (int r = 0; r < repeat; ++r) {
    for (std::size_t i = 0; i < reports.size(); ++i) {
      auto start = Clock::now();
      auto doc = input::parse_document(reports[i], paths[i].string(), "de");
      lap(kInput, start);
      if (!doc) continue;
      const text::Text text = text::analyze(*doc, conventions);
      lap(kText, start);
      const recognize::Recognized recognized = recognize::recognize(text, *lexicon);
      lap(kRecognize, start);
      const resolve::Resolved resolved = resolve::resolve(text, recognized, *lexicon);
      lap(kResolve, start);
      const relate::Facts facts = relate::relate(text, recognized, resolved, *lexicon);
      lap(kRelate, start);
      std::vector<graph::Graph> graphs;
      graphs.push_back(graph::build(text, recognized, resolved, facts, build_options));
      triples += graphs.back().triples.size();
      lap(kGraph, start);
      auto turtle = write::serialize(graphs, prefixes, write::Format::kTurtle);
      lap(kSerialize, start);
      if (!write_dir.empty() && turtle) {
        batch.add(write::PendingFile(write_dir + "/" + std::to_string(i) + ".ttl",
                                     std::move(turtle.value())));
        // As convert --out-dir does on one thread: the files are written, and go in place, a
        // group at a time.
        if (batch.size() >= write::kFilesPerCommit || batch.bytes() >= write::kBytesPerCommit ||
            i + 1 == reports.size()) {
          for (const Error& e : batch.commit()) return fail(e);
        }
        lap(kWrite, start);
      }
    }
  }

  double total = 0;
  for (double s : seconds) total += s;
  const double mb = static_cast<double>(bytes) * repeat / 1e6;
  std::printf("reports %zu  MB %.2f  repeat %d  triples %zu\n", reports.size(), mb, repeat,
              triples);
  for (int s = 0; s < kStages; ++s) {
    if (s == kWrite && write_dir.empty()) continue;
    std::printf("%-10s %8.3f s %9.2f MB/s %5.1f %%\n", kStageNames[s], seconds[s],
                seconds[s] > 0 ? mb / seconds[s] : 0.0, total > 0 ? 100 * seconds[s] / total : 0);
  }
  std::printf("%-10s %8.3f s %9.2f MB/s\n", "total", total, total > 0 ? mb / total : 0.0);
  return 0;
}
