#include "cli/load.hpp"

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/exit_codes.hpp"
#include "load/graph_store.hpp"
#include "write/writer.hpp"

namespace reportkg::cli {

CLI::App* add_load(CLI::App& app, LoadOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "load",
      "Convert reports and replace each report's named graph in a triple store (HTTP PUT, SPARQL "
      "1.1 Graph Store Protocol)");
  add_report_options(*cmd, o, "Do not print the line per report (report, graph, HTTP status)");
  cmd->add_option("--endpoint", o.endpoint,
                  "Graph Store endpoint, e.g. http://localhost:8890/sparql-graph-crud-auth "
                  "(Virtuoso), http://localhost:3030/DATASET/data (Fuseki), "
                  "http://localhost:7200/repositories/REPO/rdf-graphs/service (GraphDB)")
      ->option_text("URL")
      ->required();
  CLI::Option* user =
      cmd->add_option("--user", o.user, "User name; the store chooses digest or basic auth")
          ->option_text("USER");
  cmd->add_option("--password", o.password,
                  "Password of --user (default: $REPORTKG_STORE_PASSWORD, which keeps it out of "
                  "the process list)")
      ->option_text("PASSWORD")
      ->needs(user);
  cmd->add_option("--timeout", o.timeout, "Seconds to wait for the store, per report (default 30)")
      ->option_text("SECONDS")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  return cmd;
}

int run_load(const LoadOptions& o) {
  Diagnostics diagnostics;
  load::StoreOptions store_options{o.endpoint, o.user, o.password, o.timeout};
  if (!o.user.empty() && o.password.empty()) {
    if (const char* env = std::getenv("REPORTKG_STORE_PASSWORD")) store_options.password = env;
  }
  auto store = load::GraphStore::open(std::move(store_options));
  if (!store) return diagnostics.fail(store.error());

  ReportReader reader(o, diagnostics);
  if (!reader.prepare()) return diagnostics.status();
  const graph::Prefixes prefixes = pipeline::prefixes(reader.options());
  for (const ReportFile& listed : reader.files()) {
    std::optional<Report> report = reader.read(listed);
    if (!report) continue;
    const std::string name = report->extraction.graph.name;
    std::vector<graph::Graph> one;
    one.push_back(std::move(report->extraction.graph));
    auto turtle = write::serialize(one, prefixes, write::Format::kTurtle);
    if (!turtle) {
      diagnostics.fail(turtle.error());
      continue;
    }
    auto response = (*store)->put_turtle(name, *turtle);
    if (!response) {
      // No answer at all: the next report would fare no better.
      diagnostics.fail(response.error());
      break;
    }
    const std::string answer = "HTTP " + response->to_string();
    if (!response->ok()) {
      diagnostics.fail(make_error(ErrorCode::kStore,
                                  (*store)->endpoint() + " refused <" + name + ">: " + answer,
                                  report->file == "-" ? "<stdin>" : report->file));
      continue;
    }
    if (!o.quiet) {
      diagnostics.say(report->id + ": <" + name + ">: " +
                      std::to_string(report->extraction.counts.triples) + " triples, " + answer);
    }
  }
  return diagnostics.status();
}

}  // namespace reportkg::cli
