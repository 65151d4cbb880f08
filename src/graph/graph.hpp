// The graph stage's product: plain RDF terms and triples, independent of any RDF library.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reportkg::graph {

enum class TermKind { kIri, kLiteral };

/// An RDF term whose strings are kept elsewhere: the terms of a Graph are kept by the graph
/// (Graph::add_term copies them), a Term's by the Term. Literals carry either a language tag or
/// a datatype IRI (or neither: xsd:string).
struct TermView {
  using Kind = TermKind;
  Kind kind = Kind::kIri;
  std::string_view value;     ///< the IRI, or the literal's lexical form
  std::string_view datatype;  ///< literal datatype IRI, empty for plain/language-tagged
  std::string_view lang;      ///< literal language tag, empty if none

  bool is_iri() const { return kind == Kind::kIri; }
  friend bool operator==(const TermView&, const TermView&) = default;
  friend auto operator<=>(const TermView&, const TermView&) = default;
};

/// An RDF term that keeps its own strings: for terms made by hand (tests, benchmarks) and for
/// copies of a graph's terms that outlive it.
struct Term {
  using Kind = TermKind;
  Kind kind = Kind::kIri;
  std::string value, datatype, lang;  ///< as in TermView

  Term() = default;
  Term(Kind k, std::string v, std::string d, std::string l)
      : kind(k), value(std::move(v)), datatype(std::move(d)), lang(std::move(l)) {}
  explicit Term(const TermView& t)
      : Term(t.kind, std::string(t.value), std::string(t.datatype), std::string(t.lang)) {}

  static Term iri(std::string v) { return Term{Kind::kIri, std::move(v), {}, {}}; }
  static Term literal(std::string v, std::string lang = {}) {
    return Term{Kind::kLiteral, std::move(v), {}, std::move(lang)};
  }
  static Term typed(std::string v, std::string datatype) {
    return Term{Kind::kLiteral, std::move(v), std::move(datatype), {}};
  }
  bool is_iri() const { return kind == Kind::kIri; }
  // Implicit: a Term stands wherever a view of one does (Graph::add_term, comparisons).
  operator TermView() const { return {kind, value, datatype, lang}; }
  friend bool operator==(const Term&, const Term&) = default;
  friend auto operator<=>(const Term&, const Term&) = default;
};

/// A term's index in the term table of its graph.
using TermId = std::uint32_t;

/// A statement over the terms of its graph.
struct Triple {
  TermId s = 0, p = 0, o = 0;
  friend bool operator==(const Triple&, const Triple&) = default;
};

/// Strings kept in blocks that never move, such as the bytes of a graph's terms: a view of them
/// stays valid as long as the storage lives, moved or not. One allocation for many strings, where
/// a std::string per term took one each (a report's graph has some two hundred terms of more
/// than 15 bytes).
class TermStrings {
 public:
  TermStrings() = default;
  TermStrings(TermStrings&& other) noexcept
      : blocks_(std::move(other.blocks_)),
        next_(std::exchange(other.next_, nullptr)),
        free_(std::exchange(other.free_, 0)),
        block_size_(std::exchange(other.block_size_, 0)),
        repeated_(std::exchange(other.repeated_, {})) {}
  TermStrings& operator=(TermStrings&& other) noexcept {
    blocks_ = std::move(other.blocks_);
    next_ = std::exchange(other.next_, nullptr);
    free_ = std::exchange(other.free_, 0);
    block_size_ = std::exchange(other.block_size_, 0);
    repeated_ = std::exchange(other.repeated_, {});
    return *this;
  }

  /// A copy of `s` kept here, followed by a NUL byte as in a std::string: C libraries (Serd)
  /// read past the end of a string to its NUL.
  std::string_view keep(std::string_view s) {
    if (s.empty()) return "";
    char* const p = room(s.size() + 1);
    std::memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    return {p, s.size()};
  }
  /// The concatenation of `parts`, kept here as keep() keeps a string.
  std::string_view keep(std::initializer_list<std::string_view> parts) {
    std::size_t length = 0;
    for (const std::string_view part : parts) length += part.size();
    if (length == 0) return "";
    char* const p = room(length + 1);
    char* end = p;
    for (const std::string_view part : parts) {
      std::memcpy(end, part.data(), part.size());
      end += part.size();
    }
    *end = '\0';
    return {p, length};
  }
  /// keep() for a string that often comes again and again (a datatype): the same string as
  /// the one kept last this way is kept once.
  std::string_view keep_repeated(std::string_view s) {
    if (s.empty()) return "";
    return s == repeated_ ? repeated_ : (repeated_ = keep(s));
  }

 private:
  static constexpr std::size_t kMinBlock = 8192, kMaxBlock = std::size_t{1} << 20;
  // `bytes` bytes at the end of the last block, or of a new one where they do not fit.
  char* room(std::size_t bytes) {
    if (bytes > free_) {
      const std::size_t size = std::max({bytes, kMinBlock, 2 * block_size_});
      block_size_ = std::min(size, kMaxBlock);
      blocks_.push_back(std::make_unique_for_overwrite<char[]>(size));
      next_ = blocks_.back().get();
      free_ = size;
    }
    char* const p = next_;
    next_ += bytes;
    free_ -= bytes;
    return p;
  }
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;        // where the next string goes in the last block
  std::size_t free_ = 0;        // bytes left there
  std::size_t block_size_ = 0;  // of the last block (up to kMaxBlock)
  std::string_view repeated_;   // the string keep_repeated() kept last
};

/// The triples of one report, in the graph named `name` (the report IRI) for TriG / N-Quads.
/// Each term is stored once in `terms` however many triples use it (the graph stage interns its
/// IRIs); a term may still appear twice in the table: the writer compares terms, not ids. The
/// terms' strings are kept by the graph: a copy of a graph copies them.
struct Graph {
  std::string name;
  std::vector<TermView> terms;
  std::vector<Triple> triples;

  Graph() = default;
  Graph(Graph&&) noexcept = default;
  Graph& operator=(Graph&&) noexcept = default;
  Graph(const Graph& other) : name(other.name), triples(other.triples) {
    terms.reserve(other.terms.size());
    for (const TermView& t : other.terms) add_term(t);
  }
  Graph& operator=(const Graph& other) {
    if (this != &other) *this = Graph(other);
    return *this;
  }

  /// Appends a copy of a term to the table; returns its id.
  TermId add_term(const TermView& t) { return add_term(t.kind, t.value, t.datatype, t.lang); }
  /// Appends a term made from its parts, copied; returns its id.
  TermId add_term(TermKind kind, std::string_view value, std::string_view datatype = {},
                  std::string_view lang = {}) {
    terms.push_back(
        {kind, strings_.keep(value), strings_.keep_repeated(datatype), strings_.keep(lang)});
    return static_cast<TermId>(terms.size() - 1);
  }
  /// Appends a triple of new terms (for graphs built by hand: tests, benchmarks).
  void add(const TermView& s, const TermView& p, const TermView& o) {
    const TermId si = add_term(s);
    const TermId pi = add_term(p);
    triples.push_back({si, pi, add_term(o)});
  }

 private:
  TermStrings strings_;
};

/// Prefix name → namespace IRI, in the order they are written.
using Prefixes = std::vector<std::pair<std::string, std::string>>;

}  // namespace reportkg::graph
