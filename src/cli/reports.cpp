#include "cli/reports.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <system_error>
#include <utility>

#include "base/utf8.hpp"
#include "cli/exit_codes.hpp"
#include "input/document.hpp"

namespace reportkg::cli {
namespace {

namespace fs = std::filesystem;

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

// The length of the valid UTF-8 character of two to four bytes at `s[i]`, or 0.
std::size_t multibyte_at(std::string_view s, std::size_t i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  const std::size_t n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  const std::string_view c = s.substr(i, n);
  return c.size() == n && utf8::find_invalid(c) == std::string_view::npos ? n : 0;
}

// Whether a character beyond ASCII is shown as it is: not a C1 control, a line or a paragraph
// separator.
bool shown(char32_t c) { return c > 0x9F && c != 0x2028 && c != 0x2029; }

// `s` on one line and as text, whatever the file names in it hold: control characters and
// backslashes escaped as in C, and so the bytes of what is no character (invalid UTF-8) and of
// the characters that end a line or steer a terminal beyond ASCII (C1 controls such as NEL and
// CSI, the line and paragraph separators).
std::string one_line(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const auto escape = [&out](std::string_view bytes) {
    for (const char c : bytes) {
      char hex[5];
      std::snprintf(hex, sizeof hex, "\\x%02X", static_cast<unsigned char>(c));
      out += hex;
    }
  };
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) {
      const std::size_t n = multibyte_at(s, i);
      const std::string_view bytes = s.substr(i, std::max<std::size_t>(n, 1));
      std::size_t after = i;
      if (n > 0 && shown(utf8::next_multibyte(s, after))) {
        out += bytes;
      } else {
        escape(bytes);
      }
      i += bytes.size();
      continue;
    }
    ++i;
    if (c == '\\') {
      out += "\\\\";
    } else if (u >= 0x20 && u != 0x7F) {
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      escape(std::string_view(&c, 1));
    }
  }
  return out;
}

}  // namespace

void add_report_options(CLI::App& cmd, ReportOptions& o, const std::string& quiet_help) {
  cmd.add_option("REPORT", o.reports,
                 "Report files (UTF-8 text), '-' for standard input, or directories (all *.txt "
                 "files in them, recursively, sorted)")
      ->required()
      ->type_name("FILE|DIR|-");
  cmd.add_option("--base", o.base_iri,
                 "Namespace of the entity and report IRIs (default https://w3id.org/reportkg/id/)")
      ->option_text("IRI")
      ->check(CLI::Validator(check_base_iri, "IRI", "BaseIri"))
      ->capture_default_str();
  cmd.add_option("--lang", o.lang, "Language of the reports ('auto': guess per report)")
      ->check(CLI::IsMember({"de", "en", "auto"}))
      ->capture_default_str();
  cmd.add_option("--provenance", o.provenance,
                 "none: entities and facts; mentions: + the report text and every mention (NIF); "
                 "full: + a statement per fact")
      ->check(CLI::IsMember({"none", "mentions", "full"}))
      ->capture_default_str();
  cmd.add_flag("-q,--quiet", o.quiet, quiet_help);
}

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
    if (u <= 0x20 || u == 0x7F ||
        std::string_view("<>\"{}|^`\\").find(c) != std::string_view::npos) {
      return "must not contain spaces, control characters or any of <>\"{}|^`\\";
    }
  }
  if (iri.back() != '/' && iri.back() != '#') return "must end with '/' or '#'";
  return {};
}

pipeline::Options pipeline_options(const ReportOptions& o) {
  pipeline::Options options;
  options.base_iri = o.base_iri;
  options.provenance = provenance_of(o.provenance);
  return options;
}

std::string counts_text(const pipeline::Counts& c) {
  std::string out;
  std::size_t entities = 0;
  for (const auto& [type, n] : c.entities) {
    if (n == 0) continue;
    out += plural(n, type) + ", ";
    entities += n;
  }
  if (entities == 0) out += "no entities, ";
  return out + plural(c.relations, "relation") + ", " + plural(c.quantities, "quantity") + ", " +
         plural(c.quotes, "quote") + ", " + plural(c.triples, "triple");
}

int Diagnostics::fail(const Error& e) {
  if (e.code == ErrorCode::kInternal) {
    say("reportkg: internal error: " + e.to_string());
  } else {
    say(e.file.empty() ? "reportkg: " + e.to_string() : e.to_string());
  }
  status_ = std::max(status_, exit_code(e.code));
  return status_;
}

void Diagnostics::say(const std::string& line) const {
  if (before_line_) before_line_();
  std::fprintf(stderr, "%s\n", one_line(line).c_str());
}

ReportReader::ReportReader(const ReportOptions& o, Diagnostics& diagnostics)
    : o_(o), diagnostics_(diagnostics), options_(pipeline_options(o)) {}

std::vector<ReportFile> report_files(const std::string& arg) {
  std::error_code ec;
  if (arg == "-" || !fs::is_directory(arg, ec)) return {{arg, std::nullopt}};
  std::vector<ReportFile> found;
  std::vector<fs::path> dirs{arg};  // still to list
  while (!dirs.empty()) {
    const fs::path dir = std::move(dirs.back());
    dirs.pop_back();
    fs::directory_iterator it(dir, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      // The type the listing gave (d_type): a file is looked up only where the filesystem gave
      // none, or to see where a symbolic link leads.
      std::error_code type_ec;
      const bool link = it->is_symlink(type_ec);
      if (!link && it->is_directory(type_ec)) {
        dirs.push_back(it->path());
        continue;
      }
      if (it->path().extension() != ".txt") continue;
      if (link && it->is_directory(type_ec)) continue;  // not followed
      // Anything else is a report to read, which judges it: a pipe, a device or a broken link
      // is reported, not passed over.
      found.push_back({it->path().string(), std::nullopt});
    }
    if (ec) {
      const std::string name = dir.string();
      found.push_back(
          {name, make_error(ErrorCode::kInput, "cannot list directory: " + ec.message(), name)});
    }
  }
  if (found.empty()) {
    return {{arg, make_error(ErrorCode::kInput, "directory contains no .txt reports", arg)}};
  }
  std::sort(found.begin(), found.end(),
            [](const ReportFile& a, const ReportFile& b) { return a.path < b.path; });
  return found;
}

ReportReader::~ReportReader() = default;

bool ReportReader::prepare() { return o_.lang == "auto" || extractor(o_.lang) != nullptr; }

std::vector<ReportFile> ReportReader::files() const {
  std::vector<ReportFile> out;
  for (const std::string& arg : o_.reports) {
    for (ReportFile& f : report_files(arg)) out.push_back(std::move(f));
  }
  return out;
}

std::optional<Report> ReportReader::read(const ReportFile& listed) {
  if (listed.error) {
    diagnostics_.fail(*listed.error);
    return std::nullopt;
  }
  const std::string& file = listed.path;
  auto bytes = input::read_file(file);
  if (!bytes) {
    diagnostics_.fail(bytes.error());
    return std::nullopt;
  }
  auto doc = input::parse_document(std::move(bytes.value()), file, o_.lang);
  if (!doc) {
    diagnostics_.fail(doc.error());
    return std::nullopt;
  }
  const pipeline::Extractor* ex = extractor(doc->lang);
  if (ex == nullptr) return std::nullopt;  // already reported
  Report report{file, doc->id, ex->extract(*doc, options_)};
  const std::string& name = report.extraction.graph.name;
  if (auto [it, fresh] = sources_.emplace(name, file); !fresh) {
    diagnostics_.fail(make_error(
        ErrorCode::kInput,
        "report id '" + doc->id + "' is also the id of " + it->second + "; rename one of them",
        file == "-" ? "<stdin>" : file));
    return std::nullopt;
  }
  return report;
}

// The extractor for `lang`, created once. With --lang auto, a language without resources falls
// back to German resources (the document keeps its detected language).
const pipeline::Extractor* ReportReader::extractor(const std::string& lang) {
  if (auto it = by_lang_.find(lang); it != by_lang_.end()) return it->second;
  auto created = pipeline::Extractor::create(lang);
  const pipeline::Extractor* ex = nullptr;
  if (created) {
    owned_.push_back(std::move(created.value()));
    ex = owned_.back().get();
  } else if (o_.lang == "auto" && lang != "de") {
    if (!o_.quiet)
      diagnostics_.say("reportkg: note: no language resources for '" + lang + "'; using 'de'");
    ex = extractor("de");
  } else {
    Error e = created.error();
    if (e.message.empty()) e.message = "no language resources for '" + lang + "'";
    diagnostics_.fail(e);
  }
  by_lang_[lang] = ex;  // failures too: report them once
  return ex;
}

}  // namespace reportkg::cli
