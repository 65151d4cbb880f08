// `reportkg load`: reports → their graphs in a triple store (SPARQL 1.1 Graph Store HTTP Protocol).
#pragma once

#include <string>

#include "cli/reports.hpp"

namespace CLI {
class App;
}  // namespace CLI

namespace reportkg::cli {

struct LoadOptions : ReportOptions {
  std::string endpoint;  ///< the Graph Store endpoint (http:// or https://)
  std::string user;      ///< empty: no authentication
  std::string password;  ///< --password, else $REPORTKG_STORE_PASSWORD
  double timeout = 30;   ///< seconds per request
};

/// Adds the `load` subcommand to `app`, parsing into `options` (which must outlive `app`).
CLI::App* add_load(CLI::App& app, LoadOptions& options);

/// Converts each report and replaces its named graph in the store; returns the exit code (see
/// exit_codes.hpp). One line per report (or problem) on stderr.
int run_load(const LoadOptions& options);

}  // namespace reportkg::cli
