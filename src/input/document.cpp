#include "input/document.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <system_error>

#include "base/utf8.hpp"

namespace reportkg::input {
namespace {

// Reports are news articles; anything this large is a mistake (and token offsets are 32-bit).
constexpr std::size_t kMaxBytes = std::size_t{1} << 30;
constexpr std::size_t kMaxTitleChars = 200;

std::string display_name(std::string_view path) {
  return path == "-" ? std::string("<stdin>") : std::string(path);
}

Error input_error(const std::string& path, std::string message) {
  return make_error(ErrorCode::kInput, std::move(message), display_name(path));
}

std::string os_message(int err) { return std::error_code(err, std::generic_category()).message(); }

// Reads everything from `fd`, or all but what would make it larger than kMaxBytes (then sets
// `too_large`); returns errno on failure, 0 on success. A regular file that has `size` bytes (as
// fstat said after opening it) is read in one call, without a second to find its end.
int read_all(int fd, std::string& out, bool& too_large, std::optional<std::size_t> size = {}) {
  std::size_t filled = 0;
  out.resize(size ? std::min(*size + 1, kMaxBytes + 1) : std::size_t{1} << 16);
  for (;;) {
    if (filled == out.size()) out.resize(std::min(2 * out.size(), kMaxBytes + 1));
    const ssize_t n = ::read(fd, out.data() + filled, out.size() - filled);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    filled += static_cast<std::size_t>(n);
    if (filled > kMaxBytes) {
      too_large = true;
      filled = 0;
    }
    if (n == 0 || too_large || (size && filled == *size)) break;
  }
  out.resize(filled);
  return 0;
}

const char* special_kind(mode_t mode) {
  if (S_ISDIR(mode)) return "is a directory";
  if (S_ISCHR(mode)) return "is a character device, not a file";
  if (S_ISBLK(mode)) return "is a block device, not a file";
  if (S_ISFIFO(mode)) return "is a named pipe, not a file (use '-' to read standard input)";
  if (S_ISSOCK(mode)) return "is a socket, not a file";
  return "is not a regular file";
}

// ---- encoding checks ------------------------------------------------------------------------

bool starts_with_bytes(std::string_view s, std::string_view prefix) {
  return s.starts_with(prefix);
}

// UTF-16 without a BOM: in mostly-ASCII text every other byte is NUL.
bool looks_like_utf16(std::string_view s) {
  if (starts_with_bytes(s, "\xFF\xFE") || starts_with_bytes(s, "\xFE\xFF")) return true;
  const std::size_t n = std::min<std::size_t>(s.size(), 4096) & ~std::size_t{1};
  if (n < 4) return false;
  std::size_t even = 0;
  std::size_t odd = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    if (s[i] == '\0') ++even;
    if (s[i + 1] == '\0') ++odd;
  }
  const std::size_t pairs = n / 2;
  const std::size_t many = std::max<std::size_t>(2, pairs * 2 / 5);  // 40% of the code units
  return (even >= many && odd * 10 <= even) || (odd >= many && even * 10 <= odd);
}

// 1-based line and column (in code points) of byte offset `offset` of `s`, which is valid UTF-8
// up to `offset`. "\r\n", "\n" and a lone "\r" each end a line.
std::pair<std::size_t, std::size_t> line_column(std::string_view s, std::size_t offset) {
  std::size_t line = 1;
  std::size_t line_begin = 0;
  for (std::size_t i = 0; i < offset && i < s.size(); ++i) {
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= s.size() || s[i + 1] != '\n'))) {
      ++line;
      line_begin = i + 1;
    }
  }
  const std::size_t column = utf8::length(s.substr(line_begin, offset - line_begin)) + 1;
  return {line, column};
}

Error encoding_error(std::string_view source, std::string_view text, std::size_t offset,
                     std::size_t bom, std::string what) {
  Error e = make_error(ErrorCode::kEncoding, std::move(what), display_name(source));
  const auto [line, column] = line_column(text, offset);
  e.line = line;
  e.column = column;
  e.offset = offset + bom;
  e.message += " at byte offset " + std::to_string(e.offset);
  return e;
}

// ---- lines ----------------------------------------------------------------------------------

struct Line {
  std::size_t begin = 0;  // first byte after leading white space
  std::size_t end = 0;    // end of the line content, trailing white space excluded
  std::size_t raw_begin = 0;
  std::size_t raw_end = 0;  // before the line end
};

bool is_space_at(std::string_view s, std::size_t i, std::size_t& len) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
    len = 1;
    return true;
  }
  if (s.substr(i).starts_with("\xC2\xA0")) {  // no-break space
    len = 2;
    return true;
  }
  if (s.substr(i).starts_with("\xE2\x80\xAF") || s.substr(i).starts_with("\xE2\x80\x8B") ||
      s.substr(i).starts_with("\xE2\x80\x89")) {  // narrow no-break, zero width, thin space
    len = 3;
    return true;
  }
  return false;
}

bool is_space_before(std::string_view s, std::size_t end, std::size_t& len) {
  for (std::size_t l = 1; l <= 3 && l <= end; ++l) {
    std::size_t got = 0;
    if (is_space_at(s, end - l, got) && got == l) {
      len = l;
      return true;
    }
  }
  return false;
}

std::vector<Line> split_lines(std::string_view s) {
  std::vector<Line> lines;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t end = utf8::line_end(s, pos);
    Line line{pos, end, pos, end};
    std::size_t len = 0;
    while (line.begin < line.end && is_space_at(s, line.begin, len)) line.begin += len;
    while (line.end > line.begin && is_space_before(s, line.end, len)) line.end -= len;
    lines.push_back(line);
    if (end == s.size()) break;
    pos = end + ((s[end] == '\r' && end + 1 < s.size() && s[end + 1] == '\n') ? 2 : 1);
  }
  return lines;
}

// ---- boilerplate: lines that are page furniture, not report content --------------------------

// The one place that knows what boilerplate looks like. Keep it small and general.
constexpr std::array<std::string_view, 4> kSourcePrefixes = {
    "Quelle:", "Source:", "Quellen:", "Sources:"};
constexpr std::array<std::string_view, 6> kCaptionPrefixes = {
    "Foto:", "Fotos:", "Bild:", "Photo:", "Image:", "Grafik:"};
constexpr std::array<std::string_view, 6> kCounterWords = {
    "Kommentar", "Kommentare", "Comment", "Comments", "Leserkommentare", "Reaktionen"};
constexpr std::array<std::string_view, 7> kMenuLines = {"Teilen", "Drucken", "Share",      "Print",
                                                        "Merken", "Zurück",  "Weiterlesen"};

bool is_counter_line(std::string_view l) {  // "Kommentare (12)", "Comments (3)"
  for (std::string_view word : kCounterWords) {
    if (!l.starts_with(word)) continue;
    std::string_view rest = l.substr(word.size());
    while (rest.starts_with(' ')) rest.remove_prefix(1);
    if (rest.size() < 3 || rest.front() != '(' || rest.back() != ')') continue;
    rest = rest.substr(1, rest.size() - 2);
    if (!rest.empty() &&
        std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return true;
    }
  }
  return false;
}

std::optional<std::string_view> source_line_rest(std::string_view l) {
  for (std::string_view p : kSourcePrefixes) {
    if (l.starts_with(p)) return l.substr(p.size());
  }
  return std::nullopt;
}

bool is_boilerplate(std::string_view l) {
  if (source_line_rest(l)) return true;
  for (std::string_view p : kCaptionPrefixes) {
    if (l.starts_with(p)) return true;
  }
  if (std::find(kMenuLines.begin(), kMenuLines.end(), l) != kMenuLines.end()) return true;
  return is_counter_line(l);
}

std::string url_from_source_line(std::string_view rest) {
  std::size_t len = 0;
  std::size_t i = 0;
  while (i < rest.size() && is_space_at(rest, i, len)) i += len;
  rest.remove_prefix(i);
  const std::size_t end = rest.find_first_of(" \t");
  std::string_view url = rest.substr(0, end);
  if (!(url.starts_with("http://") || url.starts_with("https://"))) return {};
  while (!url.empty() && (url.back() == '.' || url.back() == ',' || url.back() == ';' ||
                          url.back() == ')' || url.back() == '>')) {
    url.remove_suffix(1);
  }
  return std::string(url);
}

// ---- title ----------------------------------------------------------------------------------

bool ends_sentence(std::string_view l) {
  static constexpr std::array<std::string_view, 12> kFinal = {".",
                                                              "!",
                                                              "?",
                                                              ":",
                                                              "\"",
                                                              "'",
                                                              "\xE2\x80\x9C" /* “ */,
                                                              "\xE2\x80\x9D" /* ” */,
                                                              "\xE2\x80\x98" /* ‘ */,
                                                              "\xE2\x80\x99" /* ’ */,
                                                              "\xC2\xAB" /* « */,
                                                              "\xC2\xBB" /* » */};
  return std::any_of(kFinal.begin(), kFinal.end(),
                     [&](std::string_view f) { return l.ends_with(f); });
}

// ---- date -----------------------------------------------------------------------------------

struct Month {
  std::string_view name;
  int number;
};
constexpr std::array<Month, 34> kMonths = {{
    {"Januar", 1},    {"Jänner", 1},    {"Februar", 2},   {"März", 3},    {"April", 4},
    {"Mai", 5},       {"Juni", 6},      {"Juli", 7},      {"August", 8},  {"September", 9},
    {"Oktober", 10},  {"November", 11}, {"Dezember", 12}, {"January", 1}, {"February", 2},
    {"March", 3},     {"May", 5},       {"June", 6},      {"July", 7},    {"October", 10},
    {"December", 12}, {"Jan.", 1},      {"Feb.", 2},      {"Mär.", 3},    {"Apr.", 4},
    {"Jun.", 6},      {"Jul.", 7},      {"Aug.", 8},      {"Sep.", 9},    {"Sept.", 9},
    {"Okt.", 10},     {"Oct.", 10},     {"Nov.", 11},     {"Dez.", 12},
}};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Reads 1..max digits at `i`; returns the number of digits read (0 if none).
std::size_t read_number(std::string_view s, std::size_t i, std::size_t max, int& value) {
  std::size_t n = 0;
  value = 0;
  while (i + n < s.size() && is_digit(s[i + n])) {
    if (n == max) return 0;  // more digits than allowed: not this field
    value = value * 10 + (s[i + n] - '0');
    ++n;
  }
  return n;
}

// Month name at `i` (longest match, not followed by a letter); returns its length.
std::size_t read_month(std::string_view s, std::size_t i, int& month) {
  std::size_t best = 0;
  for (const Month& m : kMonths) {
    if (m.name.size() <= best || i >= s.size() || s[i] != m.name[0] ||
        !s.substr(i).starts_with(m.name)) {
      continue;
    }
    const std::size_t after = i + m.name.size();
    const bool word_end =
        m.name.back() == '.' || after >= s.size() ||
        !(is_ascii_alpha(s[after]) || static_cast<unsigned char>(s[after]) >= 0x80);
    if (!word_end) continue;
    best = m.name.size();
    month = m.number;
  }
  return best;
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
  std::size_t len = 0;
  while (i < s.size() && is_space_at(s, i, len)) i += len;
  return i;
}

bool valid_date(int y, int m, int d) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1000 || m < 1 || m > 12 || d < 1) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] && !(m == 2 && d == 29 && !leap);
}

std::string format_date(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// A full date starting at byte `i` of `s`, in one of the forms "2025-06-25", "25.06.2025",
// "25. Juni 2025", "25 June 2025", "June 25, 2025".
std::optional<std::string> date_at(std::string_view s, std::size_t i) {
  int a = 0;
  int b = 0;
  int c = 0;
  auto boundary_after = [&](std::size_t j) { return j >= s.size() || !is_digit(s[j]); };
  if (is_digit(s[i])) {
    if (i > 0 && is_digit(s[i - 1])) return std::nullopt;
    const std::size_t n = read_number(s, i, 4, a);
    if (n == 4 && i + 10 <= s.size() && s[i + 4] == '-' && read_number(s, i + 5, 2, b) == 2 &&
        s[i + 7] == '-' && read_number(s, i + 8, 2, c) == 2 && boundary_after(i + 10)) {
      if (valid_date(a, b, c)) return format_date(a, b, c);
      return std::nullopt;
    }
    if (n < 1 || n > 2) return std::nullopt;
    std::size_t j = i + n;
    if (j < s.size() && s[j] == '.') {
      ++j;
      // 25.06.2025
      const std::size_t m = read_number(s, j, 2, b);
      if (m > 0 && j + m < s.size() && s[j + m] == '.' && read_number(s, j + m + 1, 4, c) == 4 &&
          boundary_after(j + m + 5)) {
        if (valid_date(c, b, a)) return format_date(c, b, a);
        return std::nullopt;
      }
    }
    // 25. Juni 2025 / 25 June 2025
    j = skip_spaces(s, j);
    int month = 0;
    const std::size_t ml = read_month(s, j, month);
    if (ml == 0) return std::nullopt;
    j = skip_spaces(s, j + ml);
    if (read_number(s, j, 4, c) == 4 && boundary_after(j + 4) && valid_date(c, month, a)) {
      return format_date(c, month, a);
    }
    return std::nullopt;
  }
  // June 25, 2025
  if (i > 0 && (is_ascii_alpha(s[i - 1]) || static_cast<unsigned char>(s[i - 1]) >= 0x80)) {
    return std::nullopt;
  }
  int month = 0;
  const std::size_t ml = read_month(s, i, month);
  if (ml == 0) return std::nullopt;
  std::size_t j = skip_spaces(s, i + ml);
  const std::size_t n = read_number(s, j, 2, a);
  if (n == 0) return std::nullopt;
  j += n;
  if (j < s.size() && s[j] == ',') ++j;
  j = skip_spaces(s, j);
  if (read_number(s, j, 4, c) == 4 && boundary_after(j + 4) && valid_date(c, month, a)) {
    return format_date(c, month, a);
  }
  return std::nullopt;
}

std::optional<std::string> find_date(std::string_view line) {
  // A dateline date comes early; do not scan a huge one-line report to its end.
  line = line.substr(0, std::min<std::size_t>(line.size(), 4096));
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (!is_digit(line[i]) && !(line[i] >= 'A' && line[i] <= 'Z')) continue;
    if (auto d = date_at(line, i)) return d;
  }
  return std::nullopt;
}

// ---- language -------------------------------------------------------------------------------

std::string guess_language(std::string_view text) {
  static constexpr std::array<std::string_view, 16> kGerman = {
      "der", "die", "das",  "und", "ist",  "nicht", "mit", "den",
      "von", "des", "sich", "ein", "eine", "auf",   "für", "dem"};
  static constexpr std::array<std::string_view, 16> kEnglish = {
      "the", "and", "is", "of",   "to",  "that", "with", "was",
      "on",  "are", "by", "from", "has", "have", "it",   "for"};
  text = text.substr(0, std::min<std::size_t>(text.size(), 1 << 20));
  std::size_t de = 0;
  std::size_t en = 0;
  std::size_t i = 0;
  std::string word;
  while (i < text.size()) {
    while (i < text.size() &&
           !(is_ascii_alpha(text[i]) || static_cast<unsigned char>(text[i]) >= 0x80))
      ++i;
    const std::size_t begin = i;
    while (i < text.size() &&
           (is_ascii_alpha(text[i]) || static_cast<unsigned char>(text[i]) >= 0x80))
      ++i;
    if (i == begin || i - begin > 5) continue;
    word.assign(text.substr(begin, i - begin));
    for (char& c : word) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    if (std::find(kGerman.begin(), kGerman.end(), word) != kGerman.end()) ++de;
    if (std::find(kEnglish.begin(), kEnglish.end(), word) != kEnglish.end()) ++en;
  }
  return en > de ? "en" : "de";
}

}  // namespace

Result<std::string> read_file(const std::string& path) {
  std::string out;
  bool too_large = false;
  if (path == "-") {
    if (const int err = read_all(STDIN_FILENO, out, too_large)) {
      return input_error(path, "cannot read: " + os_message(err));
    }
  } else {
    // Opened first and then asked what it is: one lookup of the path, not two. O_NONBLOCK keeps
    // the open of a named pipe from waiting for a writer; the pipe is then refused like any other
    // file that is not a regular one. A file that cannot be opened is looked up to say why.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    struct stat sb {};
    if (fd < 0) {
      const int err = errno;
      if (err == ENOENT) return input_error(path, "no such file");
      if (::stat(path.c_str(), &sb) == 0 && !S_ISREG(sb.st_mode)) {
        return input_error(path, special_kind(sb.st_mode));
      }
      return input_error(path, "cannot open: " + os_message(err));
    }
    if (::fstat(fd, &sb) != 0) {
      const int err = errno;
      ::close(fd);
      return input_error(path, "cannot read: " + os_message(err));
    }
    if (!S_ISREG(sb.st_mode)) {
      ::close(fd);
      return input_error(path, special_kind(sb.st_mode));
    }
    const int err = read_all(fd, out, too_large, static_cast<std::size_t>(sb.st_size));
    ::close(fd);
    if (err) return input_error(path, "cannot read: " + os_message(err));
  }
  if (too_large) {
    return input_error(path, "is larger than " + std::to_string(kMaxBytes >> 20) + " MiB");
  }
  return out;
}

Result<Document> parse_document(std::string bytes, std::string_view source, std::string_view lang) {
  if (lang != "de" && lang != "en" && lang != "auto") {
    return make_error(ErrorCode::kUsage, "unsupported language '" + std::string(lang) + "'",
                      display_name(source));
  }
  if (looks_like_utf16(bytes)) {
    return make_error(ErrorCode::kEncoding, "UTF-16 is not supported; convert to UTF-8",
                      display_name(source));
  }
  std::size_t bom = 0;
  if (std::string_view(bytes).starts_with("\xEF\xBB\xBF")) {
    bytes.erase(0, 3);
    bom = 3;
  }
  const std::size_t nul = bytes.find('\0');
  const std::size_t bad = utf8::find_invalid(bytes);
  if (nul != std::string::npos && (bad == std::string::npos || nul < bad)) {
    return encoding_error(source, bytes, nul, bom, "NUL byte (binary data, not a text file)");
  }
  if (bad != std::string::npos) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X",
                  static_cast<unsigned>(static_cast<unsigned char>(bytes[bad])));
    return encoding_error(source, bytes, bad, bom, std::string("invalid UTF-8 (byte ") + hex + ")");
  }

  Document doc;
  doc.source = std::string(source);
  doc.id = report_id(source);
  doc.text = std::move(bytes);
  doc.lang = lang == "auto" ? guess_language(doc.text) : std::string(lang);

  const std::string_view text = doc.text;
  const std::vector<Line> lines = split_lines(text);
  std::vector<std::size_t> content;  // indexes of non-empty, non-boilerplate lines
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.begin == l.end) continue;
    const std::string_view s = text.substr(l.begin, l.end - l.begin);
    if (is_boilerplate(s)) {
      doc.boilerplate.push_back({l.raw_begin, l.raw_end});
      if (doc.source_url.empty()) {
        if (auto rest = source_line_rest(s)) doc.source_url = url_from_source_line(*rest);
      }
      continue;
    }
    content.push_back(i);
  }

  if (content.size() >= 2) {
    const Line& first = lines[content[0]];
    const std::string_view s = text.substr(first.begin, first.end - first.begin);
    if (!ends_sentence(s) && utf8::length(s) <= kMaxTitleChars) {
      doc.title = std::string(s);
      doc.title_range = {first.begin, first.end};
    }
  }

  for (std::size_t k = 0; k < content.size() && k < 2 && doc.date.empty(); ++k) {
    const Line& l = lines[content[k]];
    if (auto d = find_date(text.substr(l.begin, l.end - l.begin))) doc.date = *d;
  }
  return doc;
}

std::string report_id(std::string_view path) {
  if (path == "-") return "stdin";
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  const std::size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (name.size() > 4 && name.ends_with(".txt")) name.remove_suffix(4);
  const std::size_t dot = name.rfind('.');
  if (dot != std::string_view::npos && dot > 0) {
    const std::string_view suffix = name.substr(dot + 1);
    if ((suffix.size() == 2 || suffix.size() == 3) &&
        std::all_of(suffix.begin(), suffix.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      name = name.substr(0, dot);
    }
  }
  if (name.empty() || name == "." || name == "..") return "report";
  return std::string(name);
}

}  // namespace reportkg::input
