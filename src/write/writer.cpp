#include "write/writer.hpp"

#include <fcntl.h>
#include <serd/serd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <new>
#include <system_error>
#include <tuple>
#include <unordered_map>

namespace reportkg::write {
namespace {

namespace fs = std::filesystem;
using graph::Term;
using graph::Triple;

constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
constexpr std::string_view kRdfsLabel = "http://www.w3.org/2000/01/rdf-schema#label";
constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";

// ---- ordering -------------------------------------------------------------------------------

struct Quad {
  const std::string* graph;  // never null; "" when graphs are merged
  const Triple* triple;
  // Ranks of the graph name and terms in their total order: sorting and deduplicating compare
  // integers, not long IRIs that share their first fifty characters.
  std::uint32_t g = 0, s = 0, pr = 0, p = 0, o = 0;

  auto key() const { return std::tie(g, s, pr, p, o); }
};

int predicate_rank(const Term& p) {
  if (p.value == kRdfType) return 0;
  if (p.value == kRdfsLabel) return 1;
  return 2;
}

struct TermHash {
  std::size_t operator()(const Term* t) const {
    const std::hash<std::string> h;
    return h(t->value) ^ (h(t->datatype) * 31) ^ (h(t->lang) * 131) ^
           static_cast<std::size_t>(t->kind);
  }
};
struct TermEqual {
  bool operator()(const Term* a, const Term* b) const { return *a == *b; }
};

// Sorts the quads by (graph, subject, rdf:type and rdfs:label first, predicate, object) and
// removes duplicates. The order depends only on the terms, never on the input order.
void sort_quads(std::vector<Quad>& quads) {
  std::unordered_map<const Term*, std::uint32_t, TermHash, TermEqual> ids;
  ids.reserve(quads.size() * 2);
  std::vector<const Term*> distinct;
  std::map<std::string_view, std::uint32_t> graphs;
  // Each term is hashed once: its id goes into the quad, its rank replaces it below.
  const auto id = [&](const Term* t) {
    const auto [it, inserted] = ids.emplace(t, static_cast<std::uint32_t>(distinct.size()));
    if (inserted) distinct.push_back(t);
    return it->second;
  };
  for (auto& q : quads) {
    graphs.emplace(*q.graph, 0);
    q.s = id(&q.triple->s);
    q.p = id(&q.triple->p);
    q.o = id(&q.triple->o);
  }
  std::vector<std::uint32_t> order(distinct.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t a, std::uint32_t b) { return *distinct[a] < *distinct[b]; });
  std::vector<std::uint32_t> rank(distinct.size());
  for (std::uint32_t k = 0; k < order.size(); ++k) rank[order[k]] = k;
  std::uint32_t n = 0;
  for (auto& [name, r] : graphs) r = n++;
  for (auto& q : quads) {
    q.g = graphs.at(*q.graph);
    q.s = rank[q.s];
    q.pr = static_cast<std::uint32_t>(predicate_rank(q.triple->p));
    q.p = rank[q.p];
    q.o = rank[q.o];
  }
  std::sort(quads.begin(), quads.end(),
            [](const Quad& a, const Quad& b) { return a.key() < b.key(); });
  quads.erase(std::unique(quads.begin(), quads.end(),
                          [](const Quad& a, const Quad& b) { return a.key() == b.key(); }),
              quads.end());
}

// ---- term checks ----------------------------------------------------------------------------

// Characters that may not appear in an IRIREF: percent-encode them so the output always parses.
// Characters that may not stand in an IRI reference: controls, space and <>"{}|^`\.
constexpr bool forbidden_in_iri(unsigned char u) {
  return u <= 0x20 || u == 0x7F || u == '<' || u == '>' || u == '"' || u == '{' || u == '}' ||
         u == '|' || u == '^' || u == '`' || u == '\\';
}

std::string escape_iri(std::string_view iri) {
  std::string out;
  out.reserve(iri.size());
  for (const char c : iri) {
    const auto u = static_cast<unsigned char>(c);
    if (forbidden_in_iri(u)) {
      static constexpr char kHex[] = "0123456789ABCDEF";
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 0xF];
    } else {
      out += c;
    }
  }
  return out;
}

bool valid_lang(std::string_view tag) {  // BCP 47 shape as Turtle's LANGTAG allows it
  std::size_t i = 0;
  while (i < tag.size() && std::isalpha(static_cast<unsigned char>(tag[i]))) ++i;
  if (i == 0) return false;
  while (i < tag.size()) {
    if (tag[i] != '-') return false;
    const std::size_t begin = ++i;
    while (i < tag.size() && std::isalnum(static_cast<unsigned char>(tag[i]))) ++i;
    if (i == begin) return false;
  }
  return true;
}

// Serd writes xsd:integer/decimal/boolean literals bare in Turtle: their lexical form must be
// valid.
bool valid_bare_literal(const Term& t) {
  if (!t.datatype.starts_with(kXsd)) return true;
  const std::string_view type = std::string_view(t.datatype).substr(kXsd.size());
  const std::string_view v = t.value;
  auto digits = [](std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  std::string_view body = v;
  if (!body.empty() && (body.front() == '+' || body.front() == '-')) body.remove_prefix(1);
  if (type == "integer") return digits(body);
  if (type == "decimal") {
    const std::size_t dot = body.find('.');
    if (dot == std::string_view::npos) return digits(body);
    const std::string_view whole = body.substr(0, dot);
    const std::string_view frac = body.substr(dot + 1);
    return (whole.empty() || digits(whole)) && digits(frac);
  }
  if (type == "boolean") return v == "true" || v == "false";
  return true;
}

Error internal(std::string message) { return make_error(ErrorCode::kInternal, std::move(message)); }

// ---- serd plumbing --------------------------------------------------------------------------

struct EnvDeleter {
  void operator()(SerdEnv* e) const noexcept { serd_env_free(e); }
};
struct WriterDeleter {
  void operator()(SerdWriter* w) const noexcept { serd_writer_free(w); }
};

struct Sink {
  std::string out;
  bool failed = false;
  std::string error;
};

extern "C" size_t sink_write(const void* buf, size_t len, void* stream) noexcept {
  auto* sink = static_cast<Sink*>(stream);
  try {
    sink->out.append(static_cast<const char*>(buf), len);
    return len;
  } catch (...) {
    sink->failed = true;
    return 0;
  }
}

extern "C" SerdStatus sink_error(void* handle, const SerdError* error) noexcept {
  auto* sink = static_cast<Sink*>(handle);
  sink->failed = true;
  try {
    if (sink->error.empty() && error && error->fmt) {
      char buf[512];
      std::va_list args;
      va_copy(args, *error->args);
      std::vsnprintf(buf, sizeof buf, error->fmt, args);
      va_end(args);
      sink->error = buf;
      while (!sink->error.empty() && sink->error.back() == '\n') sink->error.pop_back();
    }
  } catch (...) {
  }
  return SERD_SUCCESS;
}

SerdNode string_node(SerdType type, std::string_view s) {
  return serd_node_from_substring(type, reinterpret_cast<const uint8_t*>(s.data()), s.size());
}

SerdSyntax syntax_of(Format f) {
  switch (f) {
    case Format::kTurtle:
      return SERD_TURTLE;
    case Format::kNTriples:
      return SERD_NTRIPLES;
    case Format::kTriG:
      return SERD_TRIG;
    case Format::kNQuads:
      return SERD_NQUADS;
  }
  return SERD_TURTLE;
}

bool has_graphs(Format f) { return f == Format::kTriG || f == Format::kNQuads; }
bool has_prefixes(Format f) { return f == Format::kTurtle || f == Format::kTriG; }

// ---- files ----------------------------------------------------------------------------------

std::string os_message(int err) { return std::error_code(err, std::generic_category()).message(); }

Error output_error(const std::string& path, const std::string& what, int err) {
  return make_error(ErrorCode::kOutput, what + ": " + os_message(err),
                    path == "-" ? std::string("<stdout>") : path);
}

// Writes all of `data` to `fd`; returns 0 or errno.
int write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (n == 0) return EIO;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return 0;
}

Status write_special(const std::string& path, std::string_view data) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return output_error(path, "cannot open", errno);
  const int err = write_all(fd, data);
  if (err) {
    ::close(fd);
    return output_error(path, "cannot write", err);
  }
  if (::close(fd) != 0) return output_error(path, "cannot write", errno);
  return {};
}

mode_t file_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return static_cast<mode_t>(0666 & ~mask);
}

}  // namespace

Result<Format> parse_format(std::string_view name) {
  if (name == "turtle" || name == "ttl") return Format::kTurtle;
  if (name == "ntriples" || name == "nt") return Format::kNTriples;
  if (name == "trig") return Format::kTriG;
  if (name == "nquads" || name == "nq") return Format::kNQuads;
  return make_error(ErrorCode::kUsage, "unknown format '" + std::string(name) +
                                           "' (expected turtle, ntriples, trig or nquads)");
}

Result<std::string> serialize(const std::vector<graph::Graph>& graphs,
                              const graph::Prefixes& prefixes, Format format) {
  static const std::string kNoGraph;
  const bool named = has_graphs(format);

  std::size_t total = 0;
  for (const auto& g : graphs) total += g.triples.size();
  std::vector<Quad> quads;
  quads.reserve(total);
  for (const auto& g : graphs) {
    for (const auto& t : g.triples) {
      if (!t.s.is_iri() || !t.p.is_iri()) {
        return internal("a triple's subject or predicate is a literal: \"" + t.s.value + "\" <" +
                        t.p.value + ">");
      }
      if (!t.o.lang.empty() && !valid_lang(t.o.lang)) {
        return internal("invalid language tag '" + t.o.lang + "'");
      }
      if (has_prefixes(format) && !t.o.is_iri() && !valid_bare_literal(t.o)) {
        return internal("invalid lexical form \"" + t.o.value + "\" for <" + t.o.datatype + ">");
      }
      quads.push_back({named ? &g.name : &kNoGraph, &t});
    }
  }
  sort_quads(quads);

  Sink sink;
  sink.out.reserve(total * 64);
  const std::unique_ptr<SerdEnv, EnvDeleter> env(serd_env_new(nullptr));
  if (!env) return internal("serd_env_new failed");
  const auto style = static_cast<SerdStyle>(
      has_prefixes(format) ? (SERD_STYLE_ABBREVIATED | SERD_STYLE_CURIED) : 0);
  const std::unique_ptr<SerdWriter, WriterDeleter> writer(
      serd_writer_new(syntax_of(format), style, env.get(), nullptr, sink_write, &sink));
  if (!writer) return internal("serd_writer_new failed");
  serd_writer_set_error_sink(writer.get(), sink_error, &sink);

  if (has_prefixes(format)) {
    for (const auto& [name, iri] : prefixes) {
      const std::string escaped = escape_iri(iri);
      const SerdNode n = string_node(SERD_LITERAL, name);
      const SerdNode u = string_node(SERD_URI, escaped);
      if (serd_writer_set_prefix(writer.get(), &n, &u) != SERD_SUCCESS) {
        return internal("cannot declare prefix '" + name + "'");
      }
    }
  }

  std::string s_iri, p_iri, o_value, g_iri, dt_iri;
  for (const Quad& q : quads) {
    const Triple& t = *q.triple;
    s_iri = escape_iri(t.s.value);
    p_iri = escape_iri(t.p.value);
    g_iri = escape_iri(*q.graph);
    const SerdNode g = string_node(SERD_URI, g_iri);
    const SerdNode s = string_node(SERD_URI, s_iri);
    const SerdNode p = string_node(SERD_URI, p_iri);
    SerdNode o;
    SerdNode dt = SERD_NODE_NULL;
    SerdNode lang = SERD_NODE_NULL;
    if (t.o.is_iri()) {
      o_value = escape_iri(t.o.value);
      o = string_node(SERD_URI, o_value);
    } else {
      o = string_node(SERD_LITERAL, t.o.value);
      if (!t.o.lang.empty()) {
        lang = string_node(SERD_LITERAL, t.o.lang);
      } else if (!t.o.datatype.empty()) {
        dt_iri = escape_iri(t.o.datatype);
        dt = string_node(SERD_URI, dt_iri);
      }
    }
    const SerdStatus st = serd_writer_write_statement(
        writer.get(), 0, named && !q.graph->empty() ? &g : nullptr, &s, &p, &o,
        dt.type == SERD_NOTHING ? nullptr : &dt, lang.type == SERD_NOTHING ? nullptr : &lang);
    if (st != SERD_SUCCESS || sink.failed) {
      const std::string why =
          sink.error.empty() ? reinterpret_cast<const char*>(serd_strerror(st)) : sink.error;
      return internal("cannot serialize <" + t.s.value + "> <" + t.p.value + ">: " + why);
    }
  }
  if (serd_writer_finish(writer.get()) != SERD_SUCCESS || sink.failed) {
    return internal("cannot finish serialization" + (sink.error.empty() ? "" : ": " + sink.error));
  }
  // Serd leaves indentation after the last TriG graph: end the document with exactly one newline.
  while (!sink.out.empty() &&
         (sink.out.back() == '\n' || sink.out.back() == '\t' || sink.out.back() == ' ')) {
    sink.out.pop_back();
  }
  if (!sink.out.empty()) sink.out += '\n';
  return std::move(sink.out);
}

Status write_file(const std::string& path, std::string_view data) {
  if (path == "-") {
    if (!data.empty() && std::fwrite(data.data(), 1, data.size(), stdout) != data.size()) {
      const int err = errno;
      std::clearerr(stdout);
      return output_error(path, "cannot write", err ? err : EIO);
    }
    if (std::fflush(stdout) != 0) {
      const int err = errno;
      std::clearerr(stdout);
      return output_error(path, "cannot write", err ? err : EIO);
    }
    return {};
  }
  if (path.empty()) return make_error(ErrorCode::kOutput, "empty output path");

  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (!ec && fs::exists(st)) {
    if (fs::is_directory(st)) return make_error(ErrorCode::kOutput, "is a directory", path);
    // Devices and pipes (/dev/stdout, /dev/null, /dev/full, a fifo): no temporary file and rename.
    if (!fs::is_regular_file(st)) return write_special(path, data);
  }

  // Through a symbolic link, replace the file it points to and keep the link.
  fs::path target(path);
  if (fs::is_symlink(fs::symlink_status(target, ec))) {
    fs::path resolved = fs::weakly_canonical(target, ec);
    if (!ec) target = std::move(resolved);
  }
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0) return output_error(path, "cannot create", errno);

  int err = write_all(fd, data);
  const char* what = "cannot write";
  if (!err && ::fchmod(fd, file_mode()) != 0) err = errno;
  if (!err && ::fsync(fd) != 0) err = errno;
  if (::close(fd) != 0 && !err) err = errno;
  if (!err && ::rename(tmpl.c_str(), target.c_str()) != 0) {
    err = errno;
    what = "cannot rename into place";
  }
  if (err) {
    ::unlink(tmpl.c_str());
    return output_error(path, what, err);
  }
  // Make the rename durable; failure here does not lose data already written.
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return {};
}

}  // namespace reportkg::write
