// `reportkg convert`: reports → one RDF document (or one file per report with --out-dir).
#pragma once

#include <cstddef>
#include <string>

#include "cli/reports.hpp"

namespace CLI {
class App;
}  // namespace CLI

namespace reportkg::cli {

struct ConvertOptions : ReportOptions {
  std::string output = "-";
  std::string out_dir;
  std::string format = "turtle";
  std::size_t jobs = 0;  ///< reports converted at once; 0: one per hardware thread
};

/// Adds the `convert` subcommand to `app`, parsing into `options` (which must outlive `app`).
CLI::App* add_convert(CLI::App& app, ConvertOptions& options);

/// Runs the conversion; returns the exit code (see exit_codes.hpp). Diagnostics go to stderr.
int run_convert(const ConvertOptions& options);

}  // namespace reportkg::cli
