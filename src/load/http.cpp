#include "load/http.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace reportkg::load {
namespace {

bool ascii_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Removes the element `tag` with everything in it (case-insensitive), e.g. <head>...</head>.
std::string drop_element(std::string text, std::string_view tag) {
  const std::string open = "<" + std::string(tag);
  const std::string close = "</" + std::string(tag) + ">";
  for (;;) {
    const std::string low = lower(text);
    const std::size_t begin = low.find(open);
    if (begin == std::string::npos) return text;
    const std::size_t end = low.find(close, begin);
    text.erase(begin, end == std::string::npos ? std::string::npos : end + close.size() - begin);
  }
}

// The text of an HTML page: the head, scripts and styles dropped, every tag a line break, the
// common entities decoded.
std::string html_text(std::string_view html) {
  std::string text(html);
  for (std::string_view tag : {"head", "script", "style"})
    text = drop_element(std::move(text), tag);
  std::string out;
  bool in_tag = false;
  for (char c : text) {
    if (in_tag) {
      if (c == '>') in_tag = false;
    } else if (c == '<') {
      in_tag = true;
      out += '\n';
    } else {
      out += c;
    }
  }
  static constexpr std::pair<std::string_view, std::string_view> kEntities[] = {
      {"&lt;", "<"},  {"&gt;", ">"},   {"&quot;", "\""},
      {"&#39;", "'"}, {"&nbsp;", " "}, {"&amp;", "&"}};
  for (const auto& [entity, text_of] : kEntities) {
    for (std::size_t at = out.find(entity); at != std::string::npos;
         at = out.find(entity, at + text_of.size())) {
      out.replace(at, entity.size(), text_of);
    }
  }
  return out;
}

bool looks_like_html(std::string_view body) {
  const std::string head = lower(body.substr(0, 512));
  return head.find("<html") != std::string::npos || head.find("<!doctype") != std::string::npos ||
         head.find("<body") != std::string::npos;
}

// A line with its white space (and control characters) collapsed to single spaces.
std::string collapse(std::string_view line) {
  std::string out;
  for (char c : line) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::size_t words(std::string_view line) {
  return static_cast<std::size_t>(std::count(line.begin(), line.end(), ' ')) + 1;
}

}  // namespace

std::string check_endpoint(std::string_view endpoint) {
  const std::string low = lower(endpoint);
  std::size_t rest = 0;
  if (low.starts_with("http://")) {
    rest = 7;
  } else if (low.starts_with("https://")) {
    rest = 8;
  } else {
    return "must be an http:// or https:// URL such as http://localhost:8890/sparql-graph-crud";
  }
  for (char c : endpoint) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return "must not contain spaces";
  }
  if (endpoint.find('#') != std::string_view::npos) return "must not have a fragment ('#')";
  const std::size_t host_end = endpoint.find_first_of("/?", rest);
  std::string_view authority = endpoint.substr(rest, host_end - rest);
  if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
    authority.remove_prefix(at + 1);
  }
  if (authority.empty() || authority.front() == ':') return "has no host";
  return {};
}

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (ascii_alpha(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 0xf];
    }
  }
  return out;
}

std::string graph_url(std::string_view endpoint, std::string_view graph_iri) {
  std::string url(endpoint);
  if (url.find('?') == std::string::npos) {
    url += '?';
  } else if (url.back() != '?' && url.back() != '&') {
    url += '&';
  }
  return url + "graph=" + percent_encode(graph_iri);
}

std::string redact(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::string(url);
  const std::size_t begin = scheme + 3;
  const std::size_t end = std::min(url.find_first_of("/?#", begin), url.size());
  const std::size_t at = url.substr(begin, end - begin).rfind('@');
  if (at == std::string_view::npos) return std::string(url);
  const std::size_t colon = url.substr(begin, at).find(':');
  if (colon == std::string_view::npos) return std::string(url);
  return std::string(url.substr(0, begin + colon + 1)) + "***" +
         std::string(url.substr(begin + at));
}

std::string reason_phrase(std::string_view status_line) {
  // "HTTP/1.1 201 Created\r\n": the text after the second space.
  const std::size_t first = status_line.find(' ');
  if (first == std::string_view::npos) return {};
  const std::size_t second = status_line.find(' ', first + 1);
  if (second == std::string_view::npos) return {};
  return collapse(status_line.substr(second + 1));
}

std::string message_line(std::string_view body, std::size_t max) {
  const std::string text = looks_like_html(body) ? html_text(body) : std::string(body);
  std::vector<std::string> lines;
  std::size_t begin = 0;
  while (begin <= text.size() && lines.size() < 2) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    std::string line = collapse(std::string_view(text).substr(begin, end - begin));
    // Virtuoso and others repeat the status line ("HTTP/1.1 403 Forbidden") in the page.
    if (!line.empty() && line.find("HTTP/") == std::string::npos) lines.push_back(std::move(line));
    begin = end + 1;
  }
  if (lines.empty()) return {};
  std::string out = lines[0];
  if (lines.size() > 1 && words(out) <= 2) out += ": " + lines[1];
  if (out.size() > max) {
    std::size_t cut = max > 3 ? max - 3 : 0;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
    out += "...";
  }
  return out;
}

}  // namespace reportkg::load
