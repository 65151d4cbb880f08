// `reportkg convert`: reports → one RDF document (or one file per report with --out-dir).
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}  // namespace CLI

namespace reportkg::cli {

struct ConvertOptions {
  std::vector<std::string> reports;  ///< files, directories (recursive, *.txt) or "-"
  std::string output = "-";
  std::string out_dir;
  std::string format = "turtle";
  std::string base_iri = "https://w3id.org/reportkg/id/";
  std::string lang = "de";
  std::string provenance = "mentions";
  bool quiet = false;
};

/// Adds the `convert` subcommand to `app`, parsing into `options` (which must outlive `app`).
CLI::App* add_convert(CLI::App& app, ConvertOptions& options);

/// Runs the conversion; returns the exit code (see exit_codes.hpp). Diagnostics go to stderr.
int run_convert(const ConvertOptions& options);

}  // namespace reportkg::cli
