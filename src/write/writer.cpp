#include "write/writer.hpp"

#include <serd/serd.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <tuple>

#include "base/strings.hpp"
#include "base/utf8.hpp"

namespace reportkg::write {
namespace {

using graph::TermView;

constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
constexpr std::string_view kRdfsLabel = "http://www.w3.org/2000/01/rdf-schema#label";
constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";

// ---- ordering -------------------------------------------------------------------------------

// A triple of a graph, by the ranks of its terms (see Ranked), packed into two words: sorting
// and deduplicating compare integers, not long IRIs that share their first fifty characters
// (sort_quads). rdf:type and rdfs:label come first among the predicates.
struct Quad {
  std::uint64_t graph_subject;     // graph rank << 32 | subject rank
  std::uint64_t predicate_object;  // predicate key (PredicateKeys) << 32 | object rank

  std::uint32_t g() const { return static_cast<std::uint32_t>(graph_subject >> 32); }
  std::uint32_t s() const { return static_cast<std::uint32_t>(graph_subject); }
  std::uint32_t predicate_key() const { return static_cast<std::uint32_t>(predicate_object >> 32); }
  std::uint32_t o() const { return static_cast<std::uint32_t>(predicate_object); }
  bool operator==(const Quad& q) const = default;
};

// Predicate ranks as sort keys, and back: rdf:type is 0, rdfs:label 1, any other rank r + 2.
struct PredicateKeys {
  std::uint32_t type_rank, label_rank;  // or a rank no term has

  std::uint32_t key(std::uint32_t rank) const {
    return rank == type_rank ? 0 : rank == label_rank ? 1 : rank + 2;
  }
  std::uint32_t rank(std::uint32_t key) const {
    return key == 0 ? type_rank : key == 1 ? label_rank : key - 2;
  }
};

// The terms of several graphs: the distinct IRIs in their order, ranked, then every literal.
// Literals are not sorted here: their order matters only among the objects of one subject and
// predicate, where sort_quads compares them.
struct Ranked {
  std::vector<const TermView*> terms;            // by rank
  std::size_t iris = 0;                          // ranks below this are IRIs, in order
  std::vector<std::vector<std::uint32_t>> rank;  // [graph][term id] → rank
};

// A term to sort, with its value at hand, and where its rank goes.
struct TermSlot {
  std::string_view value;
  const TermView* term;
  std::uint32_t* rank;
};

// The byte of a value at `depth`, or -1 past its end.
int byte_at(const TermSlot& t, std::size_t depth) {
  return depth < t.value.size() ? static_cast<unsigned char>(t.value[depth]) : -1;
}

// The first byte from `from` on, before `limit`, at which `x` and `y` differ or one of them ends
// (`limit` if none): eight bytes at a time, as IRIs share tens of bytes.
std::size_t shared_until(std::string_view x, std::string_view y, std::size_t from,
                         std::size_t limit) {
  limit = std::min({limit, x.size(), y.size()});
  std::size_t k = from;
  for (; k + sizeof(std::uint64_t) <= limit; k += sizeof(std::uint64_t)) {
    std::uint64_t a, b;
    std::memcpy(&a, x.data() + k, sizeof a);
    std::memcpy(&b, y.data() + k, sizeof b);
    if (a != b) {
      const std::uint64_t differ = a ^ b;
      const int bit = std::endian::native == std::endian::little ? std::countr_zero(differ)
                                                                 : std::countl_zero(differ);
      return k + static_cast<std::size_t>(bit) / 8;
    }
  }
  while (k < limit && x[k] == y[k]) ++k;
  return k;
}

// Sorts terms by their values, byte by byte as std::string compares them, with a three-way radix
// quicksort (Bentley and Sedgewick): the terms of a part all share their first `depth` bytes,
// which are not compared again, and a beginning that all of them share is skipped at once. IRIs
// share their first 20 to 50 bytes (a namespace, a report's IRI), which a comparison sort compares
// again at each of its log2(n) steps. Recurses on the two smaller parts only, so that the depth
// of recursion stays below log2(n) on any input; like introsort, it leaves a part to std::sort
// after `rounds` partitions (values made to defeat it, such as "a", "aa", "aaa", ..., would take
// time quadratic in their number).
void sort_by_value(TermSlot* a, std::size_t n, std::size_t depth, int rounds) {
  while (n > 1) {
    if (n <= 16 || rounds-- <= 0) {
      std::sort(a, a + n, [depth](const TermSlot& x, const TermSlot& y) {
        return x.value.substr(depth) < y.value.substr(depth);
      });
      return;
    }
    std::size_t common = a[0].value.size();  // the bytes all values share, from `depth` on
    for (std::size_t i = 1; i < n && common > depth; ++i) {
      common = shared_until(a[0].value, a[i].value, depth, common);
    }
    depth = common;
    const int pivot = byte_at(a[n / 2], depth);
    std::size_t less = 0, i = 0, greater = n;  // [0, less) < pivot, [greater, n) > pivot
    while (i < greater) {
      const int b = byte_at(a[i], depth);
      if (b < pivot) {
        std::swap(a[less++], a[i++]);
      } else if (b > pivot) {
        std::swap(a[i], a[--greater]);
      } else {
        ++i;
      }
    }
    struct Part {
      TermSlot* first;
      std::size_t size, depth;
    };
    // Values with the pivot's byte go on with the next byte; ended there, they are all equal.
    Part parts[] = {{a, less, depth},
                    {a + less, pivot < 0 ? 0 : greater - less, depth + 1},
                    {a + greater, n - greater, depth}};
    std::sort(std::begin(parts), std::end(parts),
              [](const Part& x, const Part& y) { return x.size < y.size; });
    sort_by_value(parts[0].first, parts[0].size, parts[0].depth, rounds);
    sort_by_value(parts[1].first, parts[1].size, parts[1].depth, rounds);
    a = parts[2].first;
    n = parts[2].size;
    depth = parts[2].depth;
  }
}

Ranked rank_terms(const std::vector<graph::Graph>& graphs) {
  Ranked out;
  out.rank.resize(graphs.size());
  std::size_t total = 0;
  for (const auto& g : graphs) total += g.terms.size();
  std::vector<TermSlot> iris;
  iris.reserve(total);
  for (std::size_t i = 0; i < graphs.size(); ++i) {
    out.rank[i].resize(graphs[i].terms.size());
    for (std::size_t t = 0; t < graphs[i].terms.size(); ++t) {
      const TermView& term = graphs[i].terms[t];
      if (term.is_iri()) iris.push_back({term.value, &term, &out.rank[i][t]});
    }
  }
  sort_by_value(iris.data(), iris.size(), 0,
                2 * static_cast<int>(std::bit_width(iris.size())) + 32);
  for (const auto& [value, term, rank] : iris) {
    if (out.terms.empty() || !(*out.terms.back() == *term)) out.terms.push_back(term);
    *rank = static_cast<std::uint32_t>(out.terms.size() - 1);
  }
  out.iris = out.terms.size();
  for (std::size_t i = 0; i < graphs.size(); ++i) {
    for (std::size_t t = 0; t < graphs[i].terms.size(); ++t) {
      const TermView& term = graphs[i].terms[t];
      if (term.is_iri()) continue;
      out.rank[i][t] = static_cast<std::uint32_t>(out.terms.size());
      out.terms.push_back(&term);
    }
  }
  return out;
}

// Sorts the quads by graph, subject, predicate and object and removes duplicates. A
// least-significant-digit radix sort by the ranks, a byte at a time and only over the bytes that
// vary (objects, predicates, subjects, then graphs): it compares nothing, where a comparison sort
// of a report's few hundred quads spends much of its time on branches it cannot predict. Literal
// objects of one subject and predicate, which come after its IRIs by an arbitrary number, are
// then put in the order of Terms (value, datatype, language), and equal ones are one triple.
void sort_quads(std::vector<Quad>& quads, const Ranked& ranked, std::size_t graphs) {
  const auto width = [](std::size_t values) {  // bits for 0 .. values - 1
    return static_cast<int>(std::bit_width(values > 0 ? values - 1 : 0));
  };
  std::vector<Quad> sorted(quads.size());
  const auto by_field = [&](auto field, int bits) {
    for (int shift = 0; shift < bits; shift += 8) {
      std::array<std::size_t, 257> next{};  // [byte + 1]: how many quads have a smaller byte
      for (const Quad& q : quads) ++next[((field(q) >> shift) & 0xFF) + 1];
      for (std::size_t b = 1; b < next.size(); ++b) next[b] += next[b - 1];
      for (const Quad& q : quads) sorted[next[(field(q) >> shift) & 0xFF]++] = q;
      quads.swap(sorted);
    }
  };
  by_field([](const Quad& q) { return q.o(); }, width(ranked.terms.size()));
  by_field([](const Quad& q) { return q.predicate_key(); }, width(ranked.iris + 2));
  by_field([](const Quad& q) { return q.s(); }, width(ranked.iris));
  by_field([](const Quad& q) { return q.g(); }, width(graphs));
  const auto literal = [&](const Quad& q) { return q.o() >= ranked.iris; };
  const auto object = [&](const Quad& q) -> const TermView& { return *ranked.terms[q.o()]; };
  const auto same_subject_predicate = [](const Quad& a, const Quad& b) {
    return a.graph_subject == b.graph_subject && a.predicate_key() == b.predicate_key();
  };
  for (auto run = quads.begin(); run != quads.end();) {
    const auto end = std::find_if(run, quads.end(),
                                  [&](const Quad& q) { return !same_subject_predicate(q, *run); });
    const auto literals = std::find_if(run, end, literal);
    if (end - literals > 1) {
      std::sort(literals, end, [&](const Quad& a, const Quad& b) { return object(a) < object(b); });
    }
    run = end;
  }
  quads.erase(std::unique(quads.begin(), quads.end(),
                          [&](const Quad& a, const Quad& b) {
                            return a == b || (same_subject_predicate(a, b) && literal(a) &&
                                              literal(b) && object(a) == object(b));
                          }),
              quads.end());
}

// ---- term checks ----------------------------------------------------------------------------

// Characters that may not appear in an IRIREF: percent-encode them so the output always parses.
// Characters that may not stand in an IRI reference: controls, space and <>"{}|^`\.
constexpr bool forbidden_in_iri(unsigned char u) {
  return u <= 0x20 || u == 0x7F || u == '<' || u == '>' || u == '"' || u == '{' || u == '}' ||
         u == '|' || u == '^' || u == '`' || u == '\\';
}

// The IRI with its forbidden characters percent-encoded.
std::string escape_iri(std::string_view iri) {
  std::string out;
  out.reserve(iri.size() + 8);
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
bool valid_bare_literal(const TermView& t) {
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

// What a byte is to Serd and to an IRI reference, and whether it is part of a character beyond
// ASCII (a string without such bytes has as many characters as bytes).
constexpr std::uint8_t kForbiddenInIri = 1, kNewline = 2, kQuote = 4, kNul = 8, kNonAscii = 16;
constexpr std::array<std::uint8_t, 256> kByteClasses = [] {
  std::array<std::uint8_t, 256> classes{};
  for (unsigned u = 0; u < 256; ++u) {
    if (forbidden_in_iri(static_cast<unsigned char>(u))) classes[u] |= kForbiddenInIri;
  }
  classes['\n'] |= kNewline;
  classes['\r'] |= kNewline;
  classes['"'] |= kQuote;
  classes[0] |= kNul;
  for (unsigned u = 0x80; u < 256; ++u) classes[u] |= kNonAscii;
  return classes;
}();

// Whether Serd reads back the long string ("""...""") it writes for the literal `s`. Serd 0.30
// leaves a quote bare in a long string unless it ends the string or is the third in a row, and
// its reader takes a bare quote together with the byte after it as two plain characters. When
// that byte begins an escape, the output does not read back: the value x"\y is written
// """x"\\y""", which Serd reads as x"\ and then fails on \y. The same happens for two quotes at
// the end (written "\") and for a quote before a control character that Serd escapes. (Two
// quotes in a row elsewhere read back, but are written short as well, to keep the rule simple.)
bool long_string_reads_back(std::string_view s) {
  for (std::size_t i = s.find('"'); i != std::string_view::npos && i + 1 < s.size();
       i = s.find('"', i + 1)) {
    const auto next = static_cast<unsigned char>(s[i + 1]);
    if (next == '"' || next == '\\' || next == 0x7F ||
        (next < 0x20 && next != '\n' && next != '\r' && next != '\t')) {
      return false;
    }
  }
  return true;
}

// The classes of all bytes of `s`. Every term's bytes are classified, the report's text among
// them: sixteen bytes at a time, with the vectors of GCC and Clang (SSE2 on x86-64, NEON on ARM,
// plain code elsewhere), the rest by the table. The forbidden bytes are tested in fewer steps:
// ch | 2 is '>' for '<' and '>', '^' for '\\' and '^'; '{', '|' and '}' are a range.
std::uint8_t byte_classes(std::string_view s) {
  using Block = unsigned char __attribute__((vector_size(16)));
  const char* p = s.data();
  std::size_t n = s.size();
  Block newline{}, quote{}, nul{}, forbidden{}, non_ascii{};
  for (; n >= sizeof(Block); p += sizeof(Block), n -= sizeof(Block)) {
    Block b;
    std::memcpy(&b, p, sizeof b);
    const auto q = reinterpret_cast<Block>(b == '"');
    newline |= reinterpret_cast<Block>((b == '\n') | (b == '\r'));
    quote |= q;
    nul |= reinterpret_cast<Block>(b == 0);
    forbidden |=
        reinterpret_cast<Block>((b <= 0x20) | ((b | 2) == '>') | ((b | 2) == '^') | (b == '`') |
                                (static_cast<Block>(b - '{') <= 2) | (b == 0x7F));
    forbidden |= q;
    non_ascii |= b;
  }
  const auto any = [](const Block& b) {
    std::uint64_t half[2];
    std::memcpy(half, &b, sizeof half);
    return (half[0] | half[1]) != 0;
  };
  std::uint8_t c = (any(newline) ? kNewline : 0) | (any(quote) ? kQuote : 0) |
                   (any(nul) ? kNul : 0) | (any(forbidden) ? kForbiddenInIri : 0) |
                   (any(non_ascii & 0x80) ? kNonAscii : 0);
  for (; n > 0; ++p, --n) c |= kByteClasses[static_cast<unsigned char>(*p)];
  return c;
}

// A Serd node over `s`, whose bytes have the `classes`, with the character count and flags
// serd_node_from_substring gives it. (Serd's own scan stops at a NUL byte: such a string is left
// to it.) A literal that would not read back as a long string gets no flags, so that Serd writes
// it as a short string with every quote escaped.
SerdNode string_node(SerdType type, std::string_view s, std::uint8_t classes) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  if (classes & kNul) return serd_node_from_substring(type, bytes, s.size());
  SerdNodeFlags flags = 0;
  if (classes & kNewline) flags |= SERD_HAS_NEWLINE;
  if (classes & kQuote) flags |= SERD_HAS_QUOTE;
  if ((classes & kQuote) && type == SERD_LITERAL && !long_string_reads_back(s)) flags = 0;
  const std::size_t chars = classes & kNonAscii ? utf8::length(s) : s.size();
  return SerdNode{bytes, s.size(), chars, flags, type};
}

SerdNode string_node(SerdType type, std::string_view s) {
  return string_node(type, s, byte_classes(s));
}

// Makes Serd nodes for IRIs: a node points at the IRI itself, or at its escaped form (kept here
// while the nodes are in use) when it has characters that may not stand in an IRI reference.
class IriNodes {
 public:
  // An IRI as it is given to Serd, and the classes of its bytes.
  struct Given {
    std::string_view iri;
    std::uint8_t classes;
  };
  Given given(std::string_view iri) {
    const std::uint8_t classes = byte_classes(iri);
    if (!(classes & kForbiddenInIri)) return {iri, classes};
    const std::string_view escaped = strings_.keep(escape_iri(iri));
    return {escaped, byte_classes(escaped)};
  }

  SerdNode operator()(std::string_view iri) {
    const Given g = given(iri);
    return string_node(SERD_URI, g.iri, g.classes);
  }

  // Keeps a copy of a string (or of the concatenation of strings), NUL-terminated, while the
  // nodes are in use; returns it.
  std::string_view keep(std::initializer_list<std::string_view> parts) {
    return strings_.keep(parts);
  }

 private:
  graph::TermStrings strings_;  // stable addresses
};

// Letters and digits only: what Serd 0.30 accepts as either part of a prefixed name.
bool is_name(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
}

// A scheme ("http:") begins the IRI, as serd_uri_string_has_scheme checks it.
bool has_scheme(std::string_view iri) {
  const auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (iri.empty() || !alpha(iri[0])) return false;
  for (std::size_t i = 1; i < iri.size(); ++i) {
    const char c = iri[i];
    if (c == ':') return true;
    if (!alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

// Turtle and TriG name an IRI by a prefix where Serd's writer would (SERD_STYLE_CURIED): under
// the first declared prefix the IRI begins with, if both parts are letters and digits. Done here
// once per distinct term, Serd need not search the prefixes for every term it writes; rdf:nil
// stays an IRI (Serd writes it "()").
class PrefixedNames {
 public:
  // The namespaces are kept as Serd is given them: escaped like every IRI. A prefix whose name
  // is no name still counts as the first match, and then gives no prefixed name.
  explicit PrefixedNames(const graph::Prefixes& prefixes) : prefixes_(prefixes) {
    for (const auto& [name, ns] : prefixes) {
      declared_.push_back({name, escape_iri(ns), is_name(name)});
    }
    for (std::size_t i = 0; i < declared_.size(); ++i) by_namespace_.push_back(i);
    std::sort(by_namespace_.begin(), by_namespace_.end(),
              [&](std::size_t a, std::size_t b) { return declared_[a].ns < declared_[b].ns; });
    // When no namespace begins another, at most one can begin an IRI: the greatest one not
    // after it in byte order (any other one between them would differ from it, and so from
    // the IRI, by a greater byte).
    for (std::size_t i = 1; i < by_namespace_.size() && !nested_; ++i) {
      nested_ = ns(i).starts_with(ns(i - 1));
    }
  }

  // Whether this was made for `prefixes`.
  bool made_for(const graph::Prefixes& prefixes) const { return prefixes == prefixes_; }

  // A prefixed-name node for the IRI `iri` (as given to Serd), or a null node.
  SerdNode operator()(std::string_view iri, IriNodes& store) const {
    if (!has_scheme(iri) || iri == kRdfNil) return SERD_NODE_NULL;
    const Prefix* match = nullptr;
    if (!nested_) {
      const auto after = std::upper_bound(
          by_namespace_.begin(), by_namespace_.end(), iri,
          [&](std::string_view value, std::size_t p) { return value < declared_[p].ns; });
      if (after != by_namespace_.begin() && iri.starts_with(declared_[*std::prev(after)].ns)) {
        match = &declared_[*std::prev(after)];
      }
    } else {
      for (const Prefix& p : declared_) {
        if (iri.starts_with(p.ns)) {
          match = &p;
          break;
        }
      }
    }
    if (!match) return SERD_NODE_NULL;
    const std::string_view local = iri.substr(match->ns.size());
    if (!match->usable || !is_name(local)) return SERD_NODE_NULL;
    // Letters, digits and the colon: as many characters as bytes, nothing to escape.
    const std::string_view kept = store.keep({match->name, ":", local});
    return SerdNode{reinterpret_cast<const uint8_t*>(kept.data()), kept.size(), kept.size(), 0,
                    SERD_CURIE};
  }

 private:
  static constexpr std::string_view kRdfNil = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil";
  struct Prefix {
    std::string name;
    std::string ns;  // escaped
    bool usable;     // the name is letters and digits
  };
  // The namespace of the k-th prefix in byte order.
  const std::string& ns(std::size_t k) const { return declared_[by_namespace_[k]].ns; }

  graph::Prefixes prefixes_;               // as given
  std::vector<Prefix> declared_;           // in the order declared
  std::vector<std::size_t> by_namespace_;  // indexes of declared_, by namespace
  bool nested_ = false;                    // a namespace begins another one
};

// The PrefixedNames for `prefixes`, made once per thread for the prefixes last asked for
// (every report of a run has the same ones).
const PrefixedNames& prefixed_names(const graph::Prefixes& prefixes) {
  thread_local std::optional<PrefixedNames> cached;
  if (!cached || !cached->made_for(prefixes)) cached.emplace(prefixes);
  return *cached;
}

// Serd writes xsd:integer and xsd:boolean literals, and xsd:decimal ones with a dot inside,
// bare in Turtle, when their datatype is given as an IRI: it never writes the datatype then.
bool written_bare(const TermView& t) {
  if (!t.datatype.starts_with(kXsd)) return false;
  const std::string_view type = std::string_view(t.datatype).substr(kXsd.size());
  if (type == "integer" || type == "boolean") return true;
  return type == "decimal" && t.value.find('.') != std::string::npos && t.value.back() != '.';
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

bool has_prefixes(Format f) { return f == Format::kTurtle || f == Format::kTriG; }

// The prefix declarations of `prefixes` in `format`, as declarations() gives them, made once per
// thread for the prefixes and format last asked for (every report of a run has the same ones).
Result<std::string_view> cached_declarations(const graph::Prefixes& prefixes, Format format) {
  struct Made {
    graph::Prefixes prefixes;
    Format format;
    std::string text;
  };
  thread_local std::optional<Made> made;
  if (!made || made->format != format || made->prefixes != prefixes) {
    made.reset();
    auto text = declarations(prefixes, format);
    if (!text) return text.error();
    made = Made{prefixes, format, std::move(*text)};
  }
  return std::string_view(made->text);
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

bool names_graphs(Format format) { return format == Format::kTriG || format == Format::kNQuads; }

Result<std::string> serialize(const std::vector<graph::Graph>& graphs,
                              const graph::Prefixes& prefixes, Format format,
                              Declarations declarations) {
  const bool named = names_graphs(format);

  // Graph names in order; with Turtle and N-Triples all graphs are merged into one.
  std::map<std::string_view, std::uint32_t> graph_ranks;
  for (const auto& g : graphs) graph_ranks.emplace(named ? std::string_view(g.name) : "", 0);
  std::vector<std::string_view> graph_names;
  for (auto& [name, r] : graph_ranks) {
    r = static_cast<std::uint32_t>(graph_names.size());
    graph_names.push_back(name);
  }

  const Ranked ranked = rank_terms(graphs);
  if (ranked.terms.size() > std::numeric_limits<std::uint32_t>::max() - 2) {
    return internal("too many terms for one document");
  }
  const auto no_rank = static_cast<std::uint32_t>(ranked.terms.size());
  PredicateKeys predicate_keys{no_rank, no_rank};
  for (std::uint32_t r = 0; r < ranked.iris; ++r) {
    const TermView& t = *ranked.terms[r];
    if (t.value == kRdfType) predicate_keys.type_rank = r;
    if (t.value == kRdfsLabel) predicate_keys.label_rank = r;
  }
  std::size_t total = 0;
  for (const auto& g : graphs) total += g.triples.size();
  std::vector<Quad> quads;
  quads.reserve(total);
  for (std::size_t i = 0; i < graphs.size(); ++i) {
    const auto& g = graphs[i];
    const auto& rank = ranked.rank[i];
    const std::uint32_t graph_rank = graph_ranks.at(named ? std::string_view(g.name) : "");
    for (const auto& t : g.triples) {
      if (t.s >= g.terms.size() || t.p >= g.terms.size() || t.o >= g.terms.size()) {
        return internal("a triple names a term the graph does not have");
      }
      const TermView& s = g.terms[t.s];
      const TermView& p = g.terms[t.p];
      const TermView& o = g.terms[t.o];
      if (!s.is_iri() || !p.is_iri()) {
        return internal("a triple's subject or predicate is a literal: \"" + std::string(s.value) +
                        "\" <" + std::string(p.value) + ">");
      }
      if (!o.lang.empty() && !valid_lang(o.lang)) {
        return internal("invalid language tag '" + std::string(o.lang) + "'");
      }
      if (has_prefixes(format) && !o.is_iri() && !valid_bare_literal(o)) {
        return internal("invalid lexical form \"" + std::string(o.value) + "\" for <" +
                        std::string(o.datatype) + ">");
      }
      quads.push_back({std::uint64_t{graph_rank} << 32 | rank[t.s],
                       std::uint64_t{predicate_keys.key(rank[t.p])} << 32 | rank[t.o]});
    }
  }
  sort_quads(quads, ranked, graph_names.size());

  // Serd nodes, made once per rank (each distinct IRI, each literal of a graph): with prefixes,
  // a prefixed name where there is one.
  IriNodes iri_node;
  const PrefixedNames& prefixed = prefixed_names(prefixes);
  const auto as_written = [&](std::string_view iri) {
    const IriNodes::Given given = iri_node.given(iri);
    if (has_prefixes(format)) {
      const SerdNode name = prefixed(given.iri, iri_node);
      if (name.type != SERD_NOTHING) return name;
    }
    return string_node(SERD_URI, given.iri, given.classes);
  };
  std::vector<SerdNode> nodes(ranked.terms.size(), SERD_NODE_NULL);
  std::vector<SerdNode> datatypes(ranked.terms.size(), SERD_NODE_NULL);
  std::vector<SerdNode> langs(ranked.terms.size(), SERD_NODE_NULL);
  StringMap<std::pair<SerdNode, SerdNode>> datatype_nodes;  // as IRI, as written
  // rdf:type as a predicate stays an IRI: Serd writes it "a".
  const SerdNode type_node = iri_node(kRdfType);
  for (std::size_t r = 0; r < ranked.terms.size(); ++r) {
    const TermView& t = *ranked.terms[r];
    if (t.is_iri()) {
      nodes[r] = as_written(t.value);
      continue;
    }
    nodes[r] = string_node(SERD_LITERAL, t.value);
    if (!t.lang.empty()) {
      langs[r] = string_node(SERD_LITERAL, t.lang);
    } else if (!t.datatype.empty()) {
      auto it = datatype_nodes.find(t.datatype);
      if (it == datatype_nodes.end()) {
        it = datatype_nodes
                 .emplace(t.datatype, std::pair(iri_node(t.datatype), as_written(t.datatype)))
                 .first;
      }
      datatypes[r] = has_prefixes(format) && written_bare(t) ? it->second.first : it->second.second;
    }
  }
  std::vector<SerdNode> graph_nodes;
  for (const auto name : graph_names) graph_nodes.push_back(as_written(name));

  Sink sink;
  if (has_prefixes(format)) {
    sink.out.reserve(quads.size() * 64);  // prefixed names, subjects and predicates written once
  } else {
    // Every term in full on every line: reserve it all (escapes aside), rather than copy a
    // growing document of hundreds of MB several times.
    std::size_t size = 0;
    for (const Quad& q : quads) {
      const TermView& o = *ranked.terms[q.o()];
      size += ranked.terms[q.s()]->value.size() +
              ranked.terms[predicate_keys.rank(q.predicate_key())]->value.size() + o.value.size() +
              o.datatype.size() + o.lang.size() + graph_names[q.g()].size() + 16;
    }
    sink.out.reserve(size);
  }
  // The prefix declarations: Serd writes them for declarations(), which has no graphs. A
  // document of graphs begins with the text declarations() gave, made once per thread, and Serd
  // writes the graphs after it as it would without declarations (Declarations::kOmit), where
  // it would have separated the first subject of a Turtle document from them by an empty line.
  // (The trailing newlines of a document without statements are trimmed below.)
  const bool declare = has_prefixes(format) && declarations == Declarations::kWrite;
  if (declare && !graphs.empty()) {
    const auto text = cached_declarations(prefixes, format);
    if (!text) return text.error();
    sink.out.append(*text);
    if (format == Format::kTurtle) sink.out += '\n';
  }
  const std::unique_ptr<SerdEnv, EnvDeleter> env(serd_env_new(nullptr));
  if (!env) return internal("serd_env_new failed");
  const auto style =
      static_cast<SerdStyle>(SERD_STYLE_BULK | (has_prefixes(format) ? SERD_STYLE_ABBREVIATED : 0));
  const std::unique_ptr<SerdWriter, WriterDeleter> writer(
      serd_writer_new(syntax_of(format), style, env.get(), nullptr, sink_write, &sink));
  if (!writer) return internal("serd_writer_new failed");
  serd_writer_set_error_sink(writer.get(), sink_error, &sink);

  if (declare && graphs.empty()) {
    for (const auto& [name, iri] : prefixes) {
      const SerdNode n = string_node(SERD_LITERAL, name);
      const SerdNode u = iri_node(iri);
      if (serd_writer_set_prefix(writer.get(), &n, &u) != SERD_SUCCESS) {
        return internal("cannot declare prefix '" + name + "'");
      }
    }
  }

  for (const Quad& q : quads) {
    const auto optional = [](const SerdNode& n) { return n.type == SERD_NOTHING ? nullptr : &n; };
    const std::uint32_t g = q.g(), s = q.s(), o = q.o();
    const std::uint32_t p = predicate_keys.rank(q.predicate_key());
    const SerdStatus st = serd_writer_write_statement(
        writer.get(), 0, named && !graph_names[g].empty() ? &graph_nodes[g] : nullptr, &nodes[s],
        p == predicate_keys.type_rank ? &type_node : &nodes[p], &nodes[o], optional(datatypes[o]),
        optional(langs[o]));
    if (st != SERD_SUCCESS || sink.failed) {
      const std::string why =
          sink.error.empty() ? reinterpret_cast<const char*>(serd_strerror(st)) : sink.error;
      return internal("cannot serialize <" + std::string(ranked.terms[s]->value) + "> <" +
                      std::string(ranked.terms[p]->value) + ">: " + why);
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

Result<std::string> declarations(const graph::Prefixes& prefixes, Format format) {
  return serialize({}, prefixes, format);
}

}  // namespace reportkg::write
