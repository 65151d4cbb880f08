#include "cli/convert.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <system_error>

#include "cli/exit_codes.hpp"
#include "input/document.hpp"
#include "pipeline/pipeline.hpp"
#include "write/writer.hpp"

namespace reportkg::cli {
namespace {

namespace fs = std::filesystem;

void print_line(const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); }

// An absolute IRI (scheme ":" ...) that ends in "/" or "#", so that names can be appended to it.
std::string check_base_iri(const std::string& iri) {
  const std::size_t colon = iri.find(':');
  const bool scheme_ok =
      colon != std::string::npos && colon > 0 && std::isalpha(static_cast<unsigned char>(iri[0])) &&
      std::all_of(iri.begin(), iri.begin() + static_cast<std::ptrdiff_t>(colon), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
      });
  if (!scheme_ok) return "must be an absolute IRI such as https://example.org/id/";
  for (char c : iri) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || std::string_view("<>\"{}|^`\\").find(c) != std::string_view::npos) {
      return "must not contain spaces or any of <>\"{}|^`\\";
    }
  }
  if (iri.back() != '/' && iri.back() != '#') return "must end with '/' or '#'";
  return {};
}

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

graph::Provenance provenance_of(const std::string& name) {
  if (name == "none") return graph::Provenance::kNone;
  if (name == "full") return graph::Provenance::kFull;
  return graph::Provenance::kMentions;
}

std::string plural(std::size_t n, std::string singular) {
  for (char& c : singular) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (n != 1) {
    if (singular.ends_with('y')) {
      singular.back() = 'i';
      singular += "es";
    } else {
      singular += 's';
    }
  }
  return std::to_string(n) + ' ' + singular;
}

// "hanoi-convention: 4 persons, 5 organizations, 3 relations, 2 quantities, 1 quote, 120 triples"
std::string summary(const std::string& id, const pipeline::Counts& c) {
  std::string out = id + ": ";
  std::size_t entities = 0;
  for (const auto& [type, n] : c.entities) {
    if (n == 0) continue;
    out += plural(n, type) + ", ";
    entities += n;
  }
  if (entities == 0) out += "no entities, ";
  out += plural(c.relations, "relation") + ", " + plural(c.quantities, "quantity") + ", " +
         plural(c.quotes, "quote") + ", " + plural(c.triples, "triple");
  return out;
}

// The files a REPORT argument stands for: itself, or a directory's *.txt files (recursive, sorted).
Result<std::vector<std::string>> expand(const std::string& arg) {
  std::error_code ec;
  if (arg == "-" || !fs::is_directory(arg, ec)) return std::vector<std::string>{arg};
  std::vector<std::string> files;
  fs::recursive_directory_iterator it(arg, fs::directory_options::none, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code type_ec;
    if (it->path().extension() == ".txt" && it->is_regular_file(type_ec)) {
      files.push_back(it->path().string());
    }
  }
  if (ec) return make_error(ErrorCode::kInput, "cannot list directory: " + ec.message(), arg);
  if (files.empty())
    return make_error(ErrorCode::kInput, "directory contains no .txt reports", arg);
  std::sort(files.begin(), files.end());
  return files;
}

class Converter {
 public:
  explicit Converter(const ConvertOptions& o) : o_(o) {
    options_.base_iri = o.base_iri;
    options_.provenance = provenance_of(o.provenance);
  }

  int run() {
    const auto format = write::parse_format(o_.format);
    if (!format) return fail(format.error());
    format_ = *format;
    if (o_.lang != "auto") {
      if (!extractor(o_.lang)) return status_;
    }
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

    for (const std::string& arg : o_.reports) {
      auto files = expand(arg);
      if (!files) {
        fail(files.error());
        continue;
      }
      for (const std::string& file : *files) convert(file);
    }

    if (o_.out_dir.empty() && !graphs_.empty()) {
      auto text = write::serialize(graphs_, pipeline::prefixes(options_), format_);
      if (!text) return fail(text.error());
      const Status written = write::write_file(o_.output, *text);
      if (!written) fail(written.error());
    }
    return status_;
  }

 private:
  int fail(const Error& e) {
    if (e.code == ErrorCode::kInternal) {
      print_line("reportkg: internal error: " + e.to_string());
    } else {
      print_line(e.file.empty() ? "reportkg: " + e.to_string() : e.to_string());
    }
    status_ = std::max(status_, exit_code(e.code));
    return status_;
  }

  // The extractor for `lang`, created once. With --lang auto, a language without resources falls
  // back to German resources (the document keeps its detected language).
  const pipeline::Extractor* extractor(const std::string& lang) {
    if (auto it = by_lang_.find(lang); it != by_lang_.end()) return it->second;
    auto created = pipeline::Extractor::create(lang);
    const pipeline::Extractor* ex = nullptr;
    if (created) {
      owned_.push_back(std::move(created.value()));
      ex = owned_.back().get();
    } else if (o_.lang == "auto" && lang != "de") {
      if (!o_.quiet)
        print_line("reportkg: note: no language resources for '" + lang + "'; using 'de'");
      ex = extractor("de");
    } else {
      Error e = created.error();
      if (e.message.empty()) e.message = "no language resources for '" + lang + "'";
      fail(e);
    }
    by_lang_[lang] = ex;  // failures too: report them once
    return ex;
  }

  void convert(const std::string& file) {
    auto bytes = input::read_file(file);
    if (!bytes) {
      fail(bytes.error());
      return;
    }
    auto doc = input::parse_document(std::move(bytes.value()), file, o_.lang);
    if (!doc) {
      fail(doc.error());
      return;
    }
    const pipeline::Extractor* ex = extractor(doc->lang);
    if (ex == nullptr) return;  // already reported
    pipeline::Extraction extraction = ex->extract(*doc, options_);

    const std::string& name = extraction.graph.name;
    if (auto [it, fresh] = sources_.emplace(name, file); !fresh) {
      fail(make_error(
          ErrorCode::kInput,
          "report id '" + doc->id + "' is also the id of " + it->second + "; rename one of them",
          file == "-" ? "<stdin>" : file));
      return;
    }
    if (!o_.quiet) print_line(summary(doc->id, extraction.counts));

    if (o_.out_dir.empty()) {
      graphs_.push_back(std::move(extraction.graph));
      return;
    }
    std::vector<graph::Graph> one;
    one.push_back(std::move(extraction.graph));
    auto text = write::serialize(one, pipeline::prefixes(options_), format_);
    if (!text) {
      fail(text.error());
      return;
    }
    const std::string path = (fs::path(o_.out_dir) / (doc->id + extension(format_))).string();
    const Status written = write::write_file(path, *text);
    if (!written) fail(written.error());
  }

  const ConvertOptions& o_;
  pipeline::Options options_;
  write::Format format_ = write::Format::kTurtle;
  std::vector<std::unique_ptr<pipeline::Extractor>> owned_;
  std::map<std::string, const pipeline::Extractor*> by_lang_;
  std::map<std::string, std::string> sources_;  // graph name → the file it came from
  std::vector<graph::Graph> graphs_;
  int status_ = kExitOk;
};

}  // namespace

CLI::App* add_convert(CLI::App& app, ConvertOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "convert", "Convert reports to one RDF document (standard output by default)");
  cmd->add_option("REPORT", o.reports,
                  "Report files (UTF-8 text), '-' for standard input, or directories (all *.txt "
                  "files in them, recursively, sorted)")
      ->required()
      ->type_name("FILE|DIR|-");
  CLI::Option* output = cmd->add_option("-o,--output", o.output,
                                        "Write the merged document to FILE ('-': standard output)")
                            ->option_text("FILE")
                            ->capture_default_str();
  CLI::Option* out_dir =
      cmd->add_option(
             "--out-dir", o.out_dir,
             "Write one file per report into DIR (REPORTID.ttl/.nt/.trig/.nq), created if needed")
          ->option_text("DIR");
  out_dir->excludes(output);
  cmd->add_option("--format", o.format, "Output format")
      ->check(CLI::IsMember({"turtle", "ntriples", "trig", "nquads"}))
      ->capture_default_str();
  cmd->add_option("--base", o.base_iri,
                  "Namespace of the entity and report IRIs (default https://w3id.org/reportkg/id/)")
      ->option_text("IRI")
      ->check(CLI::Validator(check_base_iri, "IRI", "BaseIri"))
      ->capture_default_str();
  cmd->add_option("--lang", o.lang, "Language of the reports ('auto': guess per report)")
      ->check(CLI::IsMember({"de", "en", "auto"}))
      ->capture_default_str();
  cmd->add_option("--provenance", o.provenance,
                  "none: entities and facts; mentions: + the report text and every mention (NIF); "
                  "full: + a statement per fact")
      ->check(CLI::IsMember({"none", "mentions", "full"}))
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", o.quiet, "Do not print the summary line per report");
  return cmd;
}

int run_convert(const ConvertOptions& options) { return Converter(options).run(); }

}  // namespace reportkg::cli
