#include "input/document.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

using reportkg::ErrorCode;
using reportkg::input::Document;
using reportkg::input::parse_document;
using reportkg::input::read_file;
using reportkg::input::report_id;

Document parse(std::string bytes, std::string_view lang = "de") {
  auto doc = parse_document(std::move(bytes), "test.de.txt", lang);
  REQUIRE_MESSAGE(doc.ok(), doc.error().to_string());
  return std::move(doc).value();
}

std::string slice(const Document& d, reportkg::input::Range r) {
  return d.text.substr(r.begin, r.end - r.begin);
}

bool is_boilerplate(const Document& d, std::string_view line) {
  for (const auto& r : d.boilerplate) {
    if (slice(d, r) == line) return true;
  }
  return false;
}

// A scratch directory removed at the end of the test.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "reportkg-input-XXXXXX").string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

}  // namespace

TEST_CASE("a BOM is stripped and offsets start after it") {
  const Document d = parse("\xEF\xBB\xBFGipfel in Hanoi\nDer Gipfel begann am Montag.\n");
  CHECK(d.text == "Gipfel in Hanoi\nDer Gipfel begann am Montag.\n");
  CHECK(d.title == "Gipfel in Hanoi");
  CHECK(d.title_range.begin == 0);
  CHECK(d.title_range.end == 15);
}

TEST_CASE("CRLF line ends are kept and stay out of the title and boilerplate ranges") {
  const Document d = parse("Gipfel in Hanoi\r\nDer Gipfel begann.\r\nKommentar (0)\r\n");
  CHECK(d.text == "Gipfel in Hanoi\r\nDer Gipfel begann.\r\nKommentar (0)\r\n");
  CHECK(d.title == "Gipfel in Hanoi");
  CHECK(slice(d, d.title_range) == "Gipfel in Hanoi");
  REQUIRE(d.boilerplate.size() == 1);
  CHECK(slice(d, d.boilerplate[0]) == "Kommentar (0)");
}

TEST_CASE("a lone CR ends a line for boilerplate detection") {
  const Document d = parse("Der Gipfel begann.\rTeilen\rQuelle: https://example.org/a\r");
  CHECK(is_boilerplate(d, "Teilen"));
  CHECK(is_boilerplate(d, "Quelle: https://example.org/a"));
  CHECK(d.source_url == "https://example.org/a");
}

TEST_CASE("invalid UTF-8 is rejected with its byte offset, line and column") {
  auto doc = parse_document("ab\nc\xC3\xA4\xFFz\n", "bad.txt", "de");
  REQUIRE_FALSE(doc.ok());
  const auto& e = doc.error();
  CHECK(e.code == ErrorCode::kEncoding);
  CHECK(e.offset == 6);
  CHECK(e.line == 2);
  CHECK(e.column == 3);
  CHECK(e.file == "bad.txt");
  CHECK(e.to_string().starts_with("bad.txt:2:3: invalid UTF-8"));
  CHECK(e.message.find("byte offset 6") != std::string::npos);
}

TEST_CASE("the offset of an invalid byte after a BOM is its offset in the file") {
  auto doc = parse_document(
      "\xEF\xBB\xBF"
      "a\xC0\x80",
      "bad.txt", "de");
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().offset == 4);
  CHECK(doc.error().line == 1);
  CHECK(doc.error().column == 2);
}

TEST_CASE("lines counted for an error treat CRLF as one line end and a lone CR as one") {
  auto doc = parse_document("a\r\nb\rc\n\xFF", "bad.txt", "de");
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().line == 4);
  CHECK(doc.error().column == 1);
}

TEST_CASE("a NUL byte is rejected with its offset") {
  auto doc = parse_document(std::string("Text\nmit\0Null", 13), "bin.txt", "de");
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().code == ErrorCode::kEncoding);
  CHECK(doc.error().offset == 8);
  CHECK(doc.error().line == 2);
  CHECK(doc.error().message.find("NUL") != std::string::npos);
}

TEST_CASE("UTF-16 with a byte order mark is rejected") {
  for (std::string bom : {std::string("\xFF\xFE"), std::string("\xFE\xFF")}) {
    auto doc = parse_document(bom + std::string("H\0i\0", 4), "u16.txt", "de");
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.error().code == ErrorCode::kEncoding);
    CHECK(doc.error().message == "UTF-16 is not supported; convert to UTF-8");
  }
}

TEST_CASE("UTF-16 without a byte order mark is recognized by its NUL bytes") {
  std::string le;
  std::string be;
  for (char c : std::string("Gipfel in Hanoi")) {
    le += c;
    le += '\0';
    be += '\0';
    be += c;
  }
  for (const std::string& bytes : {le, be}) {
    auto doc = parse_document(bytes, "u16.txt", "de");
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.error().message.find("UTF-16") != std::string::npos);
  }
}

TEST_CASE("an empty or white-space-only report is valid and has no metadata") {
  for (std::string text : {std::string(), std::string(" \n\t\r\n")}) {
    const Document d = parse(text);
    CHECK(d.text == text);
    CHECK(d.title.empty());
    CHECK(d.date.empty());
    CHECK(d.boilerplate.empty());
  }
}

TEST_CASE("the headline is the first line without final punctuation when more content follows") {
  const Document d = parse(
      "\n  NATO-Gipfel in Den Haag: Verbündete einigen sich  \nDen Haag – Die Verbündeten "
      "haben.\n");
  CHECK(d.title == "NATO-Gipfel in Den Haag: Verbündete einigen sich");
  CHECK(slice(d, d.title_range) == d.title);
}

TEST_CASE("a first line that ends a sentence or quote, or stands alone, is no headline") {
  CHECK(parse("Der Gipfel begann.\nEr endete.\n").title.empty());
  CHECK(parse("Er sagte: „Wir sind bereit“\nEr endete.\n").title.empty());
  CHECK(parse("Wer kommt?\nEr endete.\n").title.empty());
  CHECK(parse("Folgendes wurde beschlossen:\nEr endete.\n").title.empty());
  CHECK(parse("Gipfel in Hanoi\n").title.empty());
  CHECK(parse("Gipfel in Hanoi\nQuelle: https://example.org/x\n").title.empty());
  CHECK(parse(std::string(201, 'x') + "\nEr endete.\n").title.empty());
}

TEST_CASE("the source URL comes from a Quelle or Source line, which is boilerplate") {
  const Document d = parse("Der Gipfel begann.\nQuelle: https://example.org/nachricht-1.html\n");
  CHECK(d.source_url == "https://example.org/nachricht-1.html");
  CHECK(is_boilerplate(d, "Quelle: https://example.org/nachricht-1.html"));
  CHECK(parse("The summit began.\nSource:  http://example.com/a?b=1 \n", "en").source_url ==
        "http://example.com/a?b=1");
  const Document no_url = parse("Der Gipfel begann.\nQuelle: dpa\n");
  CHECK(no_url.source_url.empty());
  CHECK(is_boilerplate(no_url, "Quelle: dpa"));
}

TEST_CASE("comment counters, share and print buttons and photo credits are boilerplate") {
  const Document d = parse(
      "Der Gipfel begann.\nKommentar (0)\nKommentare (12)\nComments (3)\nTeilen\nDrucken\n"
      "Foto: Max Muster\nBild: dpa\nKommentare zum Gipfel\nTeilen Sie Ihre Meinung.\n");
  CHECK(is_boilerplate(d, "Kommentar (0)"));
  CHECK(is_boilerplate(d, "Kommentare (12)"));
  CHECK(is_boilerplate(d, "Comments (3)"));
  CHECK(is_boilerplate(d, "Teilen"));
  CHECK(is_boilerplate(d, "Drucken"));
  CHECK(is_boilerplate(d, "Foto: Max Muster"));
  CHECK(is_boilerplate(d, "Bild: dpa"));
  CHECK_FALSE(is_boilerplate(d, "Kommentare zum Gipfel"));
  CHECK_FALSE(is_boilerplate(d, "Teilen Sie Ihre Meinung."));
  CHECK_FALSE(is_boilerplate(d, "Der Gipfel begann."));
}

TEST_CASE("the date comes from a dateline with a German month name") {
  CHECK(parse("Vietnam und China vertiefen Partnerschaft\nHanoi, 13. Dezember 2023 – Xi kam.\n")
            .date == "2023-12-13");
  CHECK(parse("NATO-Gipfel\nDen Haag – Die Staaten haben sich am Mittwoch, dem 25. Juni 2025, "
              "geeinigt.\n")
            .date == "2025-06-25");
  CHECK(
      parse("Genf – Die Staaten haben am Dienstag, dem 20. Mai 2025, beschlossen.\nMehr.\n").date ==
      "2025-05-20");
  CHECK(parse("Wien, 1. März 2024 – Es begann.\n").date == "2024-03-01");
}

TEST_CASE("ISO, numeric and English dates are recognized") {
  CHECK(parse("Berlin, 2025-06-25 – Es begann.\n").date == "2025-06-25");
  CHECK(parse("Berlin, 25.06.2025 – Es begann.\n").date == "2025-06-25");
  CHECK(parse("London, 13 December 2023 – It began.\n", "en").date == "2023-12-13");
  CHECK(parse("Washington, June 5, 2024 – It began.\n", "en").date == "2024-06-05");
}

TEST_CASE("only the first two content lines are searched for the date") {
  CHECK(parse("Gipfel\nEs begann.\nAm 13. Dezember 2023 endete er.\n").date.empty());
  CHECK(parse("Quelle: https://example.org/x\nGipfel\nAm 13. Dezember 2023 begann er.\n").date ==
        "2023-12-13");
}

TEST_CASE("numbers and impossible dates are not dates") {
  CHECK(parse("Mehr als 2.500 Delegierte aus 110 Ländern kamen.\nEs waren 3,5 Prozent.\n")
            .date.empty());
  CHECK(parse("Am 31. Februar 2025 begann es.\n").date.empty());
  CHECK(parse("Am 29. Februar 2024 begann es.\n").date == "2024-02-29");
  CHECK(parse("Die Mai-Kundgebung 2025 begann.\n").date.empty());
}

TEST_CASE("the report id drops directories, .txt and a language suffix") {
  CHECK(report_id("examples/hanoi-convention.de.txt") == "hanoi-convention");
  CHECK(report_id("/a/b/nato.en.txt") == "nato");
  CHECK(report_id("report.deu.txt") == "report");
  CHECK(report_id("plain.txt") == "plain");
  CHECK(report_id("no-extension") == "no-extension");
  CHECK(report_id("version-1.2.txt") == "version-1.2");
  CHECK(report_id("-") == "stdin");
  CHECK(parse_document("x", "dir/who.de.txt", "de")->id == "who");
}

TEST_CASE("lang auto tells German from English by function words and defaults to German") {
  CHECK(
      parse("Die Minister der Länder und die Delegierten ist nicht mit dem Gipfel.", "auto").lang ==
      "de");
  CHECK(parse("The ministers and the delegates said that the summit was a success.", "auto").lang ==
        "en");
  CHECK(parse("NATO 2025", "auto").lang == "de");
  CHECK(parse("The summit.", "de").lang == "de");
  auto bad = parse_document("x", "x.txt", "fr");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code == ErrorCode::kUsage);
}

TEST_CASE("read_file reads a regular file byte for byte") {
  TempDir dir;
  const auto path = (dir.path / "r.txt").string();
  const std::string bytes("a\r\nb\0c\xFF", 7);
  std::ofstream(path, std::ios::binary) << bytes;
  auto got = read_file(path);
  REQUIRE(got.ok());
  CHECK(*got == bytes);
}

TEST_CASE("read_file reads files of every size whole, also one whose size the system gives as 0") {
  TempDir dir;
  for (const std::size_t size : {std::size_t{0}, std::size_t{1}, std::size_t{65535},
                                 std::size_t{65536}, std::size_t{65537}, std::size_t{3} << 20}) {
    CAPTURE(size);
    std::string bytes(size, 'x');
    for (std::size_t i = 0; i < size; i += 4099) bytes[i] = static_cast<char>('a' + i % 26);
    const auto path = (dir.path / ("r" + std::to_string(size) + ".txt")).string();
    std::ofstream(path, std::ios::binary) << bytes;
    auto got = read_file(path);
    REQUIRE(got.ok());
    CHECK(*got == bytes);
  }
  // Files of /proc are regular files of size 0 until read.
  auto status = read_file("/proc/self/status");
  REQUIRE(status.ok());
  CHECK(status->starts_with("Name:"));
  CHECK(status->ends_with("\n"));
}

TEST_CASE("read_file rejects a missing file, a directory and a device with a clear message") {
  TempDir dir;
  auto missing = read_file((dir.path / "missing.txt").string());
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == ErrorCode::kInput);
  CHECK(missing.error().message == "no such file");
  CHECK(missing.error().file == (dir.path / "missing.txt").string());

  auto directory = read_file(dir.path.string());
  REQUIRE_FALSE(directory.ok());
  CHECK(directory.error().code == ErrorCode::kInput);
  CHECK(directory.error().message == "is a directory");

  auto device = read_file("/dev/null");
  REQUIRE_FALSE(device.ok());
  CHECK(device.error().code == ErrorCode::kInput);
  CHECK(device.error().message.find("device") != std::string::npos);
}

TEST_CASE("read_file refuses a named pipe at once instead of waiting for a writer") {
  TempDir dir;
  const auto path = (dir.path / "pipe.txt").string();
  REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
  auto pipe = read_file(path);  // with no writer, an open that waits would never return
  REQUIRE_FALSE(pipe.ok());
  CHECK(pipe.error().code == ErrorCode::kInput);
  CHECK(pipe.error().message.starts_with("is a named pipe"));
}

TEST_CASE("read_file reports an unreadable file") {
  if (::geteuid() == 0) return;  // root reads everything
  TempDir dir;
  const auto path = (dir.path / "secret.txt").string();
  std::ofstream(path) << "x";
  std::filesystem::permissions(path, std::filesystem::perms::none);
  auto got = read_file(path);
  REQUIRE_FALSE(got.ok());
  CHECK(got.error().code == ErrorCode::kInput);
  CHECK(got.error().message.find("ermission") != std::string::npos);
}
