#include "cli/convert.hpp"

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <system_error>
#include <vector>

#include "cli/exit_codes.hpp"
#include "cli/interrupt.hpp"
#include "cli/progress.hpp"
#include "cli/reports.hpp"
#include "cli/thread_pool.hpp"
#include "graph/builder.hpp"
#include "input/document.hpp"
#include "pipeline/pipeline.hpp"
#include "write/files.hpp"
#include "write/writer.hpp"

namespace reportkg::cli {
namespace {

namespace fs = std::filesystem;

const char* extension(write::Format f) {
  switch (f) {
    case write::Format::kTurtle:
      return ".ttl";
    case write::Format::kNTriples:
      return ".nt";
    case write::Format::kTriG:
      return ".trig";
    case write::Format::kNQuads:
      return ".nq";
  }
  return ".ttl";
}

// One report file to convert, or why a REPORT argument gave none.
struct Item {
  std::string file;
  std::optional<Error> error;
  bool unique_id = false;  // no other item has the same report IRI: its worker may write its file
};

// The items a REPORT argument stands for: its files, with any problems in their places.
void expand(const std::string& arg, std::vector<Item>& items) {
  for (ReportFile& f : report_files(arg)) items.push_back({std::move(f.path), std::move(f.error)});
}

// How many reports are converted at once, how many may be in flight (being converted, or
// converted and waiting for their turn, which bounds the memory), and, with a file per report,
// how many files go in place together.
struct Parallelism {
  std::size_t jobs = 1;
  std::size_t window = 2;
  std::size_t files_per_commit = write::kFilesPerCommit;
};

// On one thread, reports are read in bursts of this many files, or fewer where their contents
// reach this size first, as write::FileBatch writes files: the kernel's work for a file costs less
// in a run of them, and leaves the conversion's data in the processor's caches longer (a report
// read before each conversion made one TriG document of 20 000 reports 1.01 to 1.11 times slower,
// in 4 pairs of runs in turns; BENCHMARKS.md).
constexpr std::size_t kFilesReadAtOnce = 32;
constexpr std::size_t kBytesReadAtOnce = 1 << 20;

// The report files of a run on one thread, read in bursts (see kFilesReadAtOnce).
class BurstReader {
 public:
  explicit BurstReader(const std::vector<Item>& items) : items_(items) {}

  // The contents of items[i], which has no error, read at most once. Reads the burst from item i
  // on if items[i] is not in the one read last.
  Result<std::string> take(std::size_t i) {
    if (i < first_ || i >= first_ + read_.size()) read_from(i);
    return std::move(read_[i - first_]);
  }

 private:
  void read_from(std::size_t first) {
    read_.clear();
    first_ = first;
    std::size_t bytes = 0;
    for (std::size_t i = first;
         i < items_.size() && read_.size() < kFilesReadAtOnce && bytes < kBytesReadAtOnce; ++i) {
      if (items_[i].error) {
        read_.emplace_back(std::string());  // not to be taken
        continue;
      }
      read_.push_back(input::read_file(items_[i].file));
      if (read_.back()) bytes += read_.back()->size();
    }
  }

  const std::vector<Item>& items_;
  std::size_t first_ = 0;
  std::vector<Result<std::string>> read_;  // of items_[first_, first_ + read_.size())
};

// Open files held besides those of the reports: the standard streams, the output document, a
// directory being synced, and what the libraries hold.
constexpr rlim_t kOtherOpenFiles = 32;

// `jobs` threads, 2 × jobs reports in flight, within the limit of open files, which is raised
// as far as the system allows. A report holds one open file at a time: its input while it is
// read, then, with a file per report, its output file until the file is put in place, where two
// groups of files may wait. Where the limit is too low for all that, the groups are smaller and
// fewer reports are in flight: the output is the same for any number.
Parallelism parallelism(std::size_t jobs, bool file_per_report) {
  Parallelism p{jobs, 2 * jobs};
  struct rlimit limit {};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return p;
  if (limit.rlim_cur < limit.rlim_max) {
    struct rlimit raised = limit;
    raised.rlim_cur = limit.rlim_max;
    if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  if (limit.rlim_cur == RLIM_INFINITY) return p;
  // With no room to spare, one report at a time and a file per group: as --jobs 1 then does.
  const auto room = static_cast<std::size_t>(
      limit.rlim_cur > kOtherOpenFiles ? limit.rlim_cur - kOtherOpenFiles : 0);
  if (file_per_report) {
    p.files_per_commit = std::max<std::size_t>(1, std::min(p.files_per_commit, room / 4));
    const std::size_t left = room > 2 * p.files_per_commit ? room - 2 * p.files_per_commit : 1;
    p.window = std::min(p.window, left);
    p.jobs = std::min(p.jobs, p.window);
  } else {
    p.jobs = std::min(p.jobs, std::max<std::size_t>(1, room));
    p.window = 2 * p.jobs;
  }
  return p;
}

// The resources used for reports of one language.
struct Language {
  const pipeline::Extractor* extractor = nullptr;  // null: none, not even German ones
  bool fallback = false;                           // German resources stand in
  std::optional<Error> error;                      // why there is no extractor
};

// One report after the work that runs on the worker threads: read, decode, extract and (with
// --out-dir) serialize.
struct Converted {
  std::string file;
  std::optional<Error> error;  // the report could not be read or decoded
  std::uintmax_t bytes = 0;
  std::string id;
  std::string lang;
  bool extracted = false;  // false when the language has no resources
  std::string name;        // the graph's name (the report IRI)
  pipeline::Counts counts;
  graph::Graph graph;                       // for a merged document (-o with Turtle or N-Triples)
  std::optional<Result<std::string>> text;  // its text otherwise: a part of a streamed document,
                                            // or with --out-dir, why there is no file
  std::optional<write::PendingFile> out_file;  // with --out-dir: its file, written or not
};

class Converter {
 public:
  explicit Converter(const ConvertOptions& o) : o_(o) {
    options_ = pipeline_options(o);
    prefixes_ = pipeline::prefixes(options_);
    for (const auto& [name, iri] : prefixes_) {
      if (name == "report") report_namespace_ = iri;
    }
  }

  int run() {
    const auto format = write::parse_format(o_.format);
    if (!format) return fail(format.error());
    format_ = *format;
    streamed_ = o_.out_dir.empty() && write::names_graphs(format_);
    if (!load_languages()) return diagnostics_.status();
    if (!o_.out_dir.empty()) {
      std::error_code ec;
      fs::create_directories(o_.out_dir, ec);
      if (ec || !fs::is_directory(o_.out_dir)) {
        return fail(make_error(
            ErrorCode::kOutput,
            "cannot create directory: " + (ec ? ec.message() : std::string("not a directory")),
            o_.out_dir));
      }
    }

    std::vector<Item> items;
    for (const std::string& arg : o_.reports) expand(arg, items);
    if (o_.out_dir.empty()) {
      if (Status s = write::check_output(o_.output); !s) return fail(s.error());
      if (auto report = report_at_output(items)) {
        return fail(make_error(ErrorCode::kUsage,
                               "is also a report to convert (" + *report +
                                   "), which the output would overwrite; choose another output",
                               o_.output == "-" ? "<stdout>" : o_.output));
      }
    }
    if (streamed_) order_by_iri(items);
    const auto files = static_cast<std::size_t>(
        std::count_if(items.begin(), items.end(), [](const Item& item) { return !item.error; }));
    const bool show_progress = files >= 2 && ::isatty(STDERR_FILENO) == 1;
    // The total size is shown with the progress only: without it, no file is looked at before
    // it is read.
    std::uintmax_t bytes = 0;
    for (const Item& item : items) {
      if (!show_progress || item.error) continue;
      std::error_code ec;
      const std::uintmax_t size = fs::file_size(item.file, ec);
      if (!ec) bytes += size;
    }
    progress_ = Progress(show_progress, stderr, files, bytes);
    progress_.tick(true);
    catch_interrupts();

    const Parallelism parallel = parallelism(
        std::min(o_.jobs == 0 ? ThreadPool::default_size() : o_.jobs, files), !o_.out_dir.empty());
    files_per_commit_ = parallel.files_per_commit;
    if (parallel.jobs <= 1) {
      BurstReader reader(items);
      for (std::size_t i = 0; i < items.size() && !interrupted() && !output_failed_; ++i) {
        if (items[i].error) {
          fail(*items[i].error);
        } else {
          finish(convert(items[i].file, reader.take(i), false));
        }
      }
    } else {
      if (!o_.out_dir.empty()) mark_unique_ids(items);  // which files the workers may write
      run_parallel(items, parallel);
    }
    commit();
    finish_commit();
    progress_.finish();
    // A merged document is made whole before it is written, which may take a while: a signal
    // meanwhile is heeded before anything is written.
    std::optional<Result<std::string>> merged;
    if (!graphs_.empty() && !interrupted()) merged = write::serialize(graphs_, prefixes_, format_);
    if (const int sig = interrupted()) {
      // Files go in place whole or not at all; standard output has had the finished reports.
      const char* output = !o_.out_dir.empty()            ? " and in place"
                           : output_ && output_->direct() ? " and written"
                                                          : ", no output written";
      say("reportkg: interrupted: " + std::to_string(finished_) + " of " + std::to_string(files) +
          " reports finished" + output);
      return kExitSignal + sig;
    }

    if (output_ && !output_failed_) {
      if (Status s = output_->commit(); !s) fail(s.error());
    }
    if (merged) {
      if (!*merged) return fail(merged->error());
      const Status written = write::write_file(o_.output, **merged);
      if (!written) fail(written.error());
    }
    return diagnostics_.status();
  }

 private:
  // Converts on `parallel.jobs` threads, at most `parallel.window` reports ahead of the one being
  // finished, and finishes the reports in input order, so that messages, duplicate checks and
  // output are those of a run on one thread.
  void run_parallel(const std::vector<Item>& items, Parallelism parallel) {
    ThreadPool pool(parallel.jobs);
    const std::size_t window = parallel.window;
    std::deque<std::future<Converted>> pending;  // for items[done, next), invalid for errors
    std::size_t next = 0;
    for (std::size_t done = 0; done < items.size() && !interrupted() && !output_failed_; ++done) {
      while (next < items.size() && next - done < window) {
        const Item& item = items[next++];
        if (item.error) {
          pending.emplace_back();
        } else {
          pending.push_back(pool.submit([this, &item] {
            return convert(item.file, input::read_file(item.file), item.unique_id);
          }));
        }
      }
      std::future<Converted> future = std::move(pending.front());
      pending.pop_front();
      if (!future.valid()) {
        fail(*items[done].error);
        continue;
      }
      while (future.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready) {
        progress_.tick();
      }
      finish(future.get());  // rethrows what the task threw
    }
  }

  // The report that -o (or the file standard output is redirected to) would overwrite, if any:
  // one of the reports is that file, under its name or any other.
  std::optional<std::string> report_at_output(const std::vector<Item>& items) const {
    struct stat out {};
    const int found =
        o_.output == "-" ? ::fstat(STDOUT_FILENO, &out) : ::stat(o_.output.c_str(), &out);
    if (found != 0 || !S_ISREG(out.st_mode)) return std::nullopt;
    for (const Item& item : items) {
      struct stat in {};
      if (!item.error && item.file != "-" && ::stat(item.file.c_str(), &in) == 0 &&
          in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
        return item.file;
      }
    }
    return std::nullopt;
  }

  // The report IRI (the graph's name) of a report file, as the graph stage makes it.
  std::string report_iri(const std::string& file) const {
    return report_namespace_ + graph::local_name(input::report_id(file));
  }

  // With --out-dir, a report's file can be written on its worker thread when no other report can
  // claim its IRI; the others are written in input order on the main thread, which refuses the
  // later one of two reports with the same IRI.
  void mark_unique_ids(std::vector<Item>& items) const {
    std::map<std::string, std::size_t> count;
    for (const Item& item : items) {
      if (!item.error) ++count[report_iri(item.file)];
    }
    for (Item& item : items) {
      if (!item.error) item.unique_id = count[report_iri(item.file)] == 1;
    }
  }

  // A streamed document has its graphs in the order of their names, as a merged one has: the same
  // reports give the same document in whatever order they are given. Reports with the same IRI
  // keep their order, so that the later one is refused.
  void order_by_iri(std::vector<Item>& items) const {
    std::vector<std::pair<std::string, std::size_t>> keys;
    for (std::size_t i = 0; i < items.size(); ++i) keys.emplace_back(report_iri(items[i].file), i);
    std::stable_sort(keys.begin(), keys.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Item> sorted;
    sorted.reserve(items.size());
    for (const auto& key : keys) sorted.push_back(std::move(items[key.second]));
    items = std::move(sorted);
  }

  int fail(const Error& e) { return diagnostics_.fail(e); }
  void say(const std::string& line) const { diagnostics_.say(line); }

  // The extractors, created before any report is converted (the worker threads only read them).
  // With --lang auto, a language without resources falls back to German resources (the document
  // keeps its detected language).
  bool load_languages() {
    const std::vector<std::string> langs = o_.lang == "auto" ? std::vector<std::string>{"de", "en"}
                                                             : std::vector<std::string>{o_.lang};
    for (const std::string& lang : langs) {
      Language& language = languages_[lang];
      auto created = pipeline::Extractor::create(lang);
      if (created) {
        owned_.push_back(std::move(created.value()));
        language.extractor = owned_.back().get();
        continue;
      }
      Error e = created.error();
      if (e.message.empty()) e.message = "no language resources for '" + lang + "'";
      if (o_.lang != "auto") {
        fail(e);
        return false;
      }
      language.error = std::move(e);
    }
    if (o_.lang == "auto") {
      const Language& de = languages_["de"];
      for (auto& [lang, language] : languages_) {
        if (language.extractor || lang == "de") continue;
        language.extractor = de.extractor;
        language.fallback = de.extractor != nullptr;
        if (!language.fallback) language.error = de.error;
      }
    }
    return true;
  }

  // Runs on a worker thread: touches only its own data and the const extractors. Converts the
  // report `bytes` were read from; with --out-dir, writes its file if `write_now`, else it is
  // written with its group (commit()).
  Converted convert(const std::string& file, Result<std::string> bytes, bool write_now) const {
    Converted c;
    c.file = file;
    if (!bytes) {
      c.error = bytes.error();
      return c;
    }
    c.bytes = bytes->size();
    auto doc = input::parse_document(std::move(bytes.value()), file, o_.lang);
    if (!doc) {
      c.error = doc.error();
      return c;
    }
    c.id = doc->id;
    c.lang = doc->lang;
    const auto language = languages_.find(doc->lang);
    if (language == languages_.end() || language->second.extractor == nullptr) return c;
    pipeline::Extraction extraction = language->second.extractor->extract(*doc, options_);
    c.extracted = true;
    c.name = extraction.graph.name;
    c.counts = std::move(extraction.counts);
    if (o_.out_dir.empty() && !streamed_) {
      c.graph = std::move(extraction.graph);
      return c;
    }
    std::vector<graph::Graph> one;
    one.push_back(std::move(extraction.graph));
    c.text = write::serialize(one, prefixes_, format_,
                              streamed_ ? write::Declarations::kOmit : write::Declarations::kWrite);
    if (!streamed_ && *c.text) {
      c.out_file.emplace(out_path(c.id), std::move(**c.text));
      c.text.reset();
      if (write_now && c.name == report_iri(file)) c.out_file->write();
    }
    return c;
  }

  // Runs on the main thread, in input order: messages, duplicate ids, output.
  void finish(Converted c) {
    ++finished_;
    progress_.advance(c.bytes);
    progress_.tick();
    if (c.error) {
      fail(*c.error);
      return;
    }
    const auto language = languages_.find(c.lang);
    if (language == languages_.end()) {
      fail(make_error(ErrorCode::kInternal, "no resources for language '" + c.lang + "'"));
      return;
    }
    const Language& lang = language->second;
    if ((lang.fallback || lang.error) && reported_.insert(c.lang).second) {
      if (lang.fallback && !o_.quiet) {
        say("reportkg: note: no language resources for '" + c.lang + "'; using 'de'");
      } else if (lang.error) {
        fail(*lang.error);
      }
    }
    if (!c.extracted) return;  // reported above

    if (auto [it, fresh] = sources_.emplace(c.name, c.file); !fresh) {
      fail(make_error(
          ErrorCode::kInput,
          "report id '" + c.id + "' is also the id of " + it->second + "; rename one of them",
          c.file == "-" ? "<stdin>" : c.file));
      return;
    }
    if (!o_.quiet) say(c.id + ": " + counts_text(c.counts));

    if (streamed_) {
      append(*c.text);
      return;
    }
    if (o_.out_dir.empty()) {
      graphs_.push_back(std::move(c.graph));
      return;
    }
    if (!c.out_file) {
      fail(c.text->error());
      return;
    }
    batch_.add(std::move(*c.out_file));
    if (batch_.size() >= files_per_commit_ || batch_.bytes() >= write::kBytesPerCommit) commit();
  }

  // -o with TriG or N-Quads: a report's text goes to the end of the document, which is opened and
  // begun with the prefix declarations at the first report. A document that cannot be written
  // ends the run: nothing of it would be kept.
  void append(const Result<std::string>& text) {
    if (!text) {
      fail(text.error());
      return;
    }
    Status appended;
    if (!output_) {
      auto opened = write::OutputFile::open(o_.output);
      auto declarations = write::declarations(prefixes_, format_);
      if (!opened || !declarations) {
        output_failed_ = true;
        fail(!opened ? opened.error() : declarations.error());
        return;
      }
      output_ = std::move(opened.value());
      appended = output_->append(*declarations);
    }
    if (appended) appended = output_->append(*text);
    if (!appended) {
      output_failed_ = true;
      output_.reset();
      fail(appended.error());
    }
  }

  // Writes the files of the group that no worker wrote, here, then puts the group in place (one
  // disk flush for the group). A group goes in place on a thread of its own while the next reports
  // are converted, which hides the wait for the disk; the group before it is finished first, so at
  // most two are pending.
  void commit() {
    finish_commit();
    for (const Error& e : batch_.write()) fail(e);
    if (batch_.size() == 0) return;
    auto batch = std::make_shared<write::FileBatch>(std::move(batch_));
    batch_ = write::FileBatch();
    try {
      committing_ = std::async(std::launch::async, [batch] { return batch->commit(); });
    } catch (const std::system_error&) {  // no thread to be had: put them in place here
      for (const Error& e : batch->commit()) fail(e);
    }
  }

  // Waits for the group going in place and reports the files that failed.
  void finish_commit() {
    if (!committing_.valid()) return;
    for (const Error& e : committing_.get()) fail(e);
  }

  std::string out_path(const std::string& id) const {
    return (fs::path(o_.out_dir) / (id + extension(format_))).string();
  }

  const ConvertOptions& o_;
  pipeline::Options options_;
  graph::Prefixes prefixes_;
  std::string report_namespace_;  // of the report IRIs
  write::Format format_ = write::Format::kTurtle;
  std::vector<std::unique_ptr<pipeline::Extractor>> owned_;
  std::map<std::string, Language>
      languages_;                   // read by the worker threads: fixed before they start
  std::set<std::string> reported_;  // languages whose fallback or error was reported
  std::map<std::string, std::string> sources_;  // graph name → the file it came from
  bool streamed_ = false;  // -o with TriG or N-Quads: written report by report to output_
  std::optional<write::OutputFile> output_;
  bool output_failed_ = false;        // the streamed document cannot be written: the run ends
  std::vector<graph::Graph> graphs_;  // for a merged document of Turtle or N-Triples
  write::FileBatch batch_;            // with --out-dir: files not yet in place
  std::size_t files_per_commit_ = write::kFilesPerCommit;  // files of batch_ put in place at once
  std::future<std::vector<Error>> committing_;  // the group going in place, with its failures
  std::size_t finished_ = 0;                    // reports finished (converted, or failed)
  Progress progress_{false, stderr, 0, 0};
  Diagnostics diagnostics_{[this] { progress_.clear(); }};
};

}  // namespace

CLI::App* add_convert(CLI::App& app, ConvertOptions& o) {
  // An empty path names nothing (it would otherwise read as no --out-dir at all).
  const CLI::Validator not_empty(
      [](const std::string& path) { return path.empty() ? "must not be empty" : std::string(); },
      "", "NotEmpty");
  CLI::App* cmd = app.add_subcommand(
      "convert", "Convert reports to one RDF document (standard output by default)");
  add_report_options(*cmd, o, "Do not print the summary line per report");
  CLI::Option* output = cmd->add_option("-o,--output", o.output,
                                        "Write the merged document to FILE ('-': standard output)")
                            ->option_text("FILE")
                            ->check(not_empty)
                            ->capture_default_str();
  CLI::Option* out_dir =
      cmd->add_option(
             "--out-dir", o.out_dir,
             "Write one file per report into DIR (REPORTID.ttl/.nt/.trig/.nq), created if needed")
          ->option_text("DIR")
          ->check(not_empty);
  out_dir->excludes(output);
  cmd->add_option("--format", o.format, "Output format")
      ->check(CLI::IsMember({"turtle", "ntriples", "trig", "nquads"}))
      ->capture_default_str();
  cmd->add_option("-j,--jobs", o.jobs,
                  "Convert N reports at once, 1 to 1024 (default: one per hardware thread); the "
                  "output is the same for every N")
      ->option_text("N")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1024}));
  return cmd;
}

int run_convert(const ConvertOptions& options) { return Converter(options).run(); }

}  // namespace reportkg::cli
