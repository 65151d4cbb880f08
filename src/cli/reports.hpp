// What the subcommands that convert reports share: the REPORT arguments and extraction options,
// one-line diagnostics with the exit status, and reading reports one at a time (as `convert` does
// on one thread).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "pipeline/pipeline.hpp"

namespace CLI {
class App;
}  // namespace CLI

namespace reportkg::cli {

/// The options of every subcommand that converts reports.
struct ReportOptions {
  std::vector<std::string> reports;  ///< files, directories (recursive, *.txt) or "-"
  std::string base_iri = "https://w3id.org/reportkg/id/";
  std::string lang = "de";
  std::string provenance = "mentions";
  bool quiet = false;
};

/// Adds REPORT... and --base, --lang, --provenance and -q/--quiet (described by `quiet_help`).
void add_report_options(CLI::App& cmd, ReportOptions& options, const std::string& quiet_help);

/// Why `iri` cannot be the --base namespace, or empty: it must be absolute, end in '/' or '#' and
/// contain no spaces or any of <>"{}|^`\.
std::string check_base_iri(const std::string& iri);

/// The pipeline options of the extraction options.
pipeline::Options pipeline_options(const ReportOptions& options);

/// "4 persons, 5 organizations, 3 relations, 2 quantities, 1 quote, 120 triples"
std::string counts_text(const pipeline::Counts& counts);

/// Prints one line per problem on standard error and keeps the exit code (the highest so far).
class Diagnostics {
 public:
  Diagnostics() = default;
  /// `before_line` runs before each line is printed (convert clears its progress line there).
  explicit Diagnostics(std::function<void()> before_line) : before_line_(std::move(before_line)) {}
  /// Prints `e` as `file:line:col: message` (or `reportkg: message`); returns the new status.
  int fail(const Error& e);
  /// Prints a line that is no problem.
  void say(const std::string& line) const;
  int status() const { return status_; }

 private:
  std::function<void()> before_line_;
  int status_ = 0;
};

/// A report read and converted.
struct Report {
  std::string file;  ///< as given, "-" for standard input
  std::string id;    ///< "hanoi-convention"
  pipeline::Extraction extraction;
};

/// A report file a REPORT argument stands for, or a problem in its place.
struct ReportFile {
  std::string path;
  std::optional<Error> error;  ///< a directory that cannot be listed, or has no reports
};

/// The files a REPORT argument stands for: itself (standard input, a file, or anything that is not
/// a directory, left for reading to judge), or what is named *.txt in a directory and its
/// subdirectories (but directories and links to them), in sorted order. A subdirectory that
/// cannot be listed is a problem in its place, and the rest is still listed; a directory without
/// reports is one problem.
std::vector<ReportFile> report_files(const std::string& arg);

/// Reads reports one at a time as `convert` does: expands REPORT arguments, reads and validates
/// each file, extracts its graph with the resources of its language (with --lang auto, German
/// resources stand in for a language that has none) and refuses a second report with the same id.
/// Every problem goes to the diagnostics, once.
class ReportReader {
 public:
  ReportReader(const ReportOptions& options, Diagnostics& diagnostics);
  ~ReportReader();
  ReportReader(const ReportReader&) = delete;
  ReportReader& operator=(const ReportReader&) = delete;

  /// Loads the resources of --lang (unless auto); false (reported) when there are none.
  bool prepare();
  /// The files of all REPORT arguments (see report_files), with the problems in their places.
  std::vector<ReportFile> files() const;
  /// The report in `file`, or nothing (reported, as is a problem in the file's place).
  std::optional<Report> read(const ReportFile& file);

  const pipeline::Options& options() const { return options_; }

 private:
  const pipeline::Extractor* extractor(const std::string& lang);

  const ReportOptions& o_;
  Diagnostics& diagnostics_;
  pipeline::Options options_;
  std::vector<std::unique_ptr<pipeline::Extractor>> owned_;
  std::map<std::string, const pipeline::Extractor*> by_lang_;
  std::map<std::string, std::string> sources_;  // graph name → the file it came from
};

}  // namespace reportkg::cli
