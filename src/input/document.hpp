// The input stage: bytes of a report → a validated Document with its metadata.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"

namespace reportkg::input {

/// A byte range [begin, end) of Document::text.
struct Range {
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// A report, decoded and validated. All offsets are byte offsets into `text`.
struct Document {
  std::string id;          ///< from the file name: "hanoi-convention" for hanoi-convention.de.txt
  std::string source;      ///< the path as given, or "-" for standard input
  std::string lang;        ///< "de" or "en"
  std::string text;        ///< UTF-8, without a BOM, line ends as in the file
  std::string title;       ///< the headline line, or empty
  std::string source_url;  ///< from a "Quelle:" / "Source:" line, or empty
  std::string date;        ///< publication date as xsd:date (YYYY-MM-DD) when stated, or empty
  /// Lines that are not content ("Quelle: ...", "Kommentar (0)", ...): no entity is taken from
  /// them.
  std::vector<Range> boilerplate;
  /// The headline line, when there is one (also content).
  Range title_range;
};

/// Reads a whole file (or standard input for "-") with checked I/O. Directories, devices and
/// unreadable files are errors of code kInput.
Result<std::string> read_file(const std::string& path);

/// Validates and decodes the bytes of a report: strips a UTF-8 BOM; rejects invalid UTF-8 (the
/// message names the byte offset), NUL bytes and UTF-16 (code kEncoding). Finds the headline,
/// source URL, date and boilerplate lines. `lang` is "de", "en" or "auto" (guess from the text).
Result<Document> parse_document(std::string bytes, std::string_view source, std::string_view lang);

/// The report id for a path: file name without directories, ".txt" and a ".LANG" suffix.
std::string report_id(std::string_view path);

}  // namespace reportkg::input
