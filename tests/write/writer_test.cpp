#include "write/writer.hpp"

#include <doctest/doctest.h>
#include <serd/serd.h>

#include <algorithm>
#include <cstdio>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

using reportkg::ErrorCode;
using reportkg::graph::Graph;
using reportkg::graph::Prefixes;
using reportkg::graph::Term;
using reportkg::write::Format;
using reportkg::write::serialize;

const std::string kId = "https://example.org/id/";
const std::string kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const std::string kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
const std::string kSchema = "http://schema.org/";
const std::string kXsd = "http://www.w3.org/2001/XMLSchema#";

Prefixes prefixes() {
  return {{"rdf", kRdf},
          {"rdfs", kRdfs},
          {"schema", kSchema},
          {"xsd", kXsd},
          {"person", kId + "person/"},
          {"report", kId + "report/"}};
}

// Adds (s, p, o) with an IRI subject and predicate.
void add(Graph& g, const std::string& s, const std::string& p, Term o) {
  g.add(Term::iri(s), Term::iri(p), std::move(o));
}

Graph sample(const std::string& report = "r1") {
  Graph g;
  g.name = kId + "report/" + report;
  const std::string person = kId + "person/LuongTamQuang";
  add(g, person, kSchema + "jobTitle", Term::literal("Minister", "de"));
  add(g, person, kRdfs + "label", Term::literal("Luong Tam Quang", "de"));
  add(g, person, kRdf + "type", Term::iri(kSchema + "Person"));
  add(g, g.name, kSchema + "datePublished", Term::typed("2025-10-26", kXsd + "date"));
  add(g, g.name, kRdf + "type", Term::iri(kSchema + "Report"));
  add(g, g.name, kSchema + "mentions", Term::iri(person));
  add(g, g.name, kSchema + "text", Term::literal("Zeile 1\nZeile \"2\""));
  add(g, g.name, kSchema + "wordCount", Term::typed("42", kXsd + "integer"));
  return g;
}

std::string ok(reportkg::Result<std::string> r) {
  REQUIRE_MESSAGE(r.ok(), r.error().to_string());
  return std::move(r).value();
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t i = haystack.find(needle); i != std::string::npos;
       i = haystack.find(needle, i + 1))
    ++n;
  return n;
}

// The literal objects of a Turtle or TriG document as Serd's strict reader reads them; the reader
// must accept the whole document.
std::vector<std::string> literals_read_back(const std::string& document, SerdSyntax syntax) {
  std::vector<std::string> values;
  const auto on_statement = [](void* handle, SerdStatementFlags, const SerdNode*, const SerdNode*,
                               const SerdNode*, const SerdNode* object, const SerdNode*,
                               const SerdNode*) {
    if (object->type == SERD_LITERAL) {
      static_cast<std::vector<std::string>*>(handle)->emplace_back(
          reinterpret_cast<const char*>(object->buf), object->n_bytes);
    }
    return SERD_SUCCESS;
  };
  SerdReader* reader =
      serd_reader_new(syntax, &values, nullptr, nullptr, nullptr, on_statement, nullptr);
  REQUIRE(reader != nullptr);
  serd_reader_set_strict(reader, true);
  const SerdStatus status =
      serd_reader_read_string(reader, reinterpret_cast<const uint8_t*>(document.c_str()));
  serd_reader_free(reader);
  CHECK_MESSAGE(status == SERD_SUCCESS, document);
  std::sort(values.begin(), values.end());
  return values;
}

}  // namespace

TEST_CASE("parse_format knows the four formats and rejects others as usage errors") {
  CHECK(*reportkg::write::parse_format("turtle") == Format::kTurtle);
  CHECK(*reportkg::write::parse_format("ntriples") == Format::kNTriples);
  CHECK(*reportkg::write::parse_format("trig") == Format::kTriG);
  CHECK(*reportkg::write::parse_format("nquads") == Format::kNQuads);
  auto bad = reportkg::write::parse_format("rdfxml");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code == ErrorCode::kUsage);
}

TEST_CASE("Turtle output declares the prefixes first and uses prefixed names") {
  const std::string out = ok(serialize({sample()}, prefixes(), Format::kTurtle));
  CHECK(out.starts_with("@prefix rdf: <" + kRdf + "> ."));
  CHECK(out.find("@prefix person: <" + kId + "person/> .") < out.find("person:LuongTamQuang"));
  CHECK(out.find("person:LuongTamQuang") != std::string::npos);
  CHECK(out.find("<" + kId + "person/LuongTamQuang>") == std::string::npos);
  CHECK(out.find("schema:Person") != std::string::npos);
  CHECK(out.ends_with(" .\n"));
}

TEST_CASE("Turtle uses a prefixed name only where both of its parts are letters and digits") {
  Graph g;
  g.name = kId + "report/r1";
  add(g, g.name, kSchema + "mentions", Term::iri(kId + "report/r1#char=0,5"));
  add(g, g.name, kSchema + "about", Term::iri(kId + "person/"));
  add(g, g.name, kSchema + "sameAs", Term::iri("urn:x:person"));
  add(g, g.name, kSchema + "isPartOf", Term::iri(kRdf + "nil"));
  add(g, g.name, kSchema + "additionalType", Term::iri(kRdf + "type"));
  const std::string out = ok(serialize({g}, prefixes(), Format::kTurtle));
  CHECK(out.find("<" + kId + "report/r1#char=0,5>") != std::string::npos);
  CHECK(out.find("schema:about person: ;") != std::string::npos);
  CHECK(out.find("<urn:x:person>") != std::string::npos);
  CHECK(out.find("schema:isPartOf () ;") != std::string::npos);
  CHECK(out.find("schema:additionalType rdf:type ;") != std::string::npos);
  CHECK(out.find("report:r1\n") != std::string::npos);
}

TEST_CASE("an IRI gets the first declared prefix it begins with, also when namespaces nest") {
  Graph g;
  g.name = "https://example.org/b/r1";
  add(g, g.name, kSchema + "about", Term::iri("https://example.org/b/X"));
  add(g, g.name, kSchema + "isPartOf", Term::iri("https://example.org/aZ"));  // sorts before b/
  add(g, g.name, kSchema + "hasPart", Term::iri("https://example.org/c"));    // after every one
  add(g, g.name, kSchema + "sameAs", Term::iri("https://example.org/Ab"));    // before every one

  // Without nesting: the one namespace an IRI begins with.
  const Prefixes flat = {
      {"schema", kSchema}, {"a", "https://example.org/a"}, {"b", "https://example.org/b/"}};
  std::string out = ok(serialize({g}, flat, Format::kTurtle));
  CHECK(out.find("b:r1\n\tschema:about b:X ;") != std::string::npos);
  CHECK(out.find("schema:isPartOf a:Z ;") != std::string::npos);
  CHECK(out.find("<https://example.org/c>") != std::string::npos);
  CHECK(out.find("<https://example.org/Ab>") != std::string::npos);

  // "e" begins "b": declared first, it is the match, and "b/X" is no local name.
  const Prefixes outer_first = {
      {"schema", kSchema}, {"e", "https://example.org/"}, {"b", "https://example.org/b/"}};
  out = ok(serialize({g}, outer_first, Format::kTurtle));
  CHECK(out.find("<https://example.org/b/r1>\n\tschema:about <https://example.org/b/X> ;") !=
        std::string::npos);
  CHECK(out.find("schema:hasPart e:c ;") != std::string::npos);

  const Prefixes inner_first = {
      {"schema", kSchema}, {"b", "https://example.org/b/"}, {"e", "https://example.org/"}};
  out = ok(serialize({g}, inner_first, Format::kTurtle));
  CHECK(out.find("b:r1\n\tschema:about b:X ;") != std::string::npos);
  CHECK(out.find("schema:sameAs e:Ab .") != std::string::npos);
}

TEST_CASE("a namespace with characters that need escapes still gives prefixed names") {
  const std::string ns = "https://example.org/a\x7F/";
  Graph g;
  g.name = ns + "r1";
  add(g, g.name, kSchema + "about", Term::iri(ns + "X"));
  const std::string out = ok(serialize({g}, {{"schema", kSchema}, {"x", ns}}, Format::kTurtle));
  CHECK(out.find("@prefix x: <https://example.org/a%7F/> .") != std::string::npos);
  CHECK(out.find("x:r1\n\tschema:about x:X .") != std::string::npos);
}

TEST_CASE("Turtle writes integers, booleans and decimals with a dot bare, other literals typed") {
  Graph g;
  g.name = kId + "report/r1";
  add(g, g.name, kSchema + "a", Term::typed("42", kXsd + "integer"));
  add(g, g.name, kSchema + "b", Term::typed("true", kXsd + "boolean"));
  add(g, g.name, kSchema + "c", Term::typed("2.5", kXsd + "decimal"));
  add(g, g.name, kSchema + "d", Term::typed("7", kXsd + "decimal"));
  add(g, g.name, kSchema + "e", Term::typed("3", kXsd + "nonNegativeInteger"));
  add(g, g.name, kSchema + "f", Term::typed("x", "urn:x:type"));
  const std::string out = ok(serialize({g}, prefixes(), Format::kTurtle));
  CHECK(out.find("schema:a 42 ;") != std::string::npos);
  CHECK(out.find("schema:b true ;") != std::string::npos);
  CHECK(out.find("schema:c 2.5 ;") != std::string::npos);
  CHECK(out.find("schema:d \"7\"^^xsd:decimal ;") != std::string::npos);
  CHECK(out.find("schema:e \"3\"^^xsd:nonNegativeInteger ;") != std::string::npos);
  CHECK(out.find("schema:f \"x\"^^<urn:x:type> .") != std::string::npos);
}

TEST_CASE("rdf:type comes first and rdfs:label second for each subject") {
  const std::string out = ok(serialize({sample()}, prefixes(), Format::kTurtle));
  const auto subject = out.find("person:LuongTamQuang\n");
  REQUIRE(subject != std::string::npos);
  const auto type = out.find("a schema:Person", subject);
  const auto label = out.find("rdfs:label", subject);
  const auto job = out.find("schema:jobTitle", subject);
  CHECK(type < label);
  CHECK(label < job);
}

TEST_CASE("language tags, datatypes and escapes are written") {
  const std::string out = ok(serialize({sample()}, prefixes(), Format::kNTriples));
  CHECK(out.find("\"Luong Tam Quang\"@de") != std::string::npos);
  CHECK(out.find("\"2025-10-26\"^^<" + kXsd + "date>") != std::string::npos);
  CHECK(out.find("\"42\"^^<" + kXsd + "integer>") != std::string::npos);
  CHECK(out.find("\"Zeile 1\\nZeile \\\"2\\\"\"") != std::string::npos);
}

TEST_CASE("Turtle writes a literal with a line break or a quote as a long string, others short") {
  Graph g = sample();
  add(g, g.name, kSchema + "text", Term::literal("Er sagte: \"Ja.\"", "de"));
  add(g, g.name, kSchema + "abstract", Term::literal("Straße\r\nnach Köln"));
  const std::string out = ok(serialize({g}, prefixes(), Format::kTurtle));
  CHECK(out.find("\"\"\"Zeile 1\nZeile \"2\\\"\"\"\"") != std::string::npos);
  CHECK(out.find("\"\"\"Er sagte: \"Ja.\\\"\"\"\"@de") != std::string::npos);
  CHECK(out.find("\"\"\"Straße\r\nnach Köln\"\"\"") != std::string::npos);
  CHECK(out.find("\"Luong Tam Quang\"@de") != std::string::npos);
}

TEST_CASE("Serd reads back every literal with quotes, backslashes and control characters") {
  // Serd 0.30's reader misreads a bare quote before an escape in a long string ("""x"\\y"""):
  // such literals must come out in a form it reads.
  std::vector<std::string> values = {"x\"\\y\nz",
                                     "Zitat:\n\"\"",
                                     "x\n\"\b",
                                     "x\n\"\f",
                                     "x\n\"\x01",
                                     "x\n\"\x7F",
                                     "x\n\"\t",
                                     "x\n\"\r",
                                     "x\n\"\"\"",
                                     "\"\"\"\"\"\\",
                                     "x\n\"",
                                     "x\"\"y\n",
                                     "\"",
                                     "\"\"",
                                     "a\\\"b\n\"c\"\n",
                                     "Er sagte: \"Ja.\"",
                                     "\"\\\"",
                                     "\\\"\n\"",
                                     "x\n\b",
                                     "x\n\f",
                                     "x\n\x01\x1F\x7F",
                                     "\"x\n",
                                     "x\n\u00A0\"\""};
  Graph g;
  g.name = kId + "report/r1";
  for (std::size_t i = 0; i < values.size(); ++i)
    add(g, kId + "person/P" + std::to_string(i), kSchema + "text", Term::literal(values[i]));
  std::sort(values.begin(), values.end());
  CHECK(literals_read_back(ok(serialize({g}, prefixes(), Format::kTurtle)), SERD_TURTLE) == values);
  CHECK(literals_read_back(ok(serialize({g}, prefixes(), Format::kTriG)), SERD_TRIG) == values);
}

TEST_CASE("N-Triples are written in full IRIs, UTF-8 unescaped, one triple a line") {
  Graph g = sample();
  add(g, g.name, kSchema + "headline", Term::literal("Übereinkommen von Hanoi", "de"));
  const std::string out = ok(serialize({g}, prefixes(), Format::kNTriples));
  CHECK(out.find("@prefix") == std::string::npos);
  CHECK(out.find("\"Übereinkommen von Hanoi\"@de") != std::string::npos);
  CHECK(count(out, "\n") == g.triples.size());
  CHECK(out.starts_with("<"));
}

TEST_CASE("output is byte-identical for shuffled input triples and graphs") {
  const std::vector<Graph> graphs = {sample("r1"), sample("r2")};
  for (Format f : {Format::kTurtle, Format::kNTriples, Format::kTriG, Format::kNQuads}) {
    const std::string expected = ok(serialize(graphs, prefixes(), f));
    std::mt19937 rng(42);
    for (int round = 0; round < 5; ++round) {
      std::vector<Graph> shuffled = graphs;
      for (auto& g : shuffled) std::shuffle(g.triples.begin(), g.triples.end(), rng);
      std::shuffle(shuffled.begin(), shuffled.end(), rng);
      CHECK(ok(serialize(shuffled, prefixes(), f)) == expected);
    }
  }
}

TEST_CASE(
    "subjects and objects are written in the byte order of their strings, however long "
    "a beginning they share") {
  // Hundreds of IRIs over a few letters, an umlaut and separators: many share long beginnings,
  // some are beginnings of others, and bytes above 0x7F sort after ASCII.
  std::mt19937 rng(7);
  const std::vector<std::string> pieces = {"a", "b", "ä", "/", "#", "aaaaaaaaaaaa"};
  std::vector<std::string> subjects;
  Graph g;
  for (int i = 0; i < 600; ++i) {
    std::string s = kId + "x/";
    for (std::size_t n = rng() % 9; n > 0; --n) s += pieces[rng() % pieces.size()];
    subjects.push_back(s);
    add(g, s, kSchema + "name", Term::literal("v"));
  }
  // One subject with objects of one value in several kinds: by datatype, then language.
  const std::string one = kId + "y";
  add(g, one, kSchema + "name", Term::literal("w", "en"));
  add(g, one, kSchema + "name", Term::typed("w", kXsd + "token"));
  add(g, one, kSchema + "name", Term::literal("w", "de"));
  add(g, one, kSchema + "name", Term::literal("w"));
  add(g, one, kSchema + "name", Term::literal("wx"));
  add(g, one, kSchema + "name", Term::iri(kId + "w"));
  // IRIs each a beginning of the next: the radix sort leaves them to std::sort after a while.
  for (int i = 299; i >= 0; --i) {
    subjects.push_back(kId + "n/" + std::string(static_cast<std::size_t>(i * 7 % 300), 'a'));
    add(g, subjects.back(), kSchema + "name", Term::literal("v"));
  }
  std::sort(subjects.begin(), subjects.end());
  subjects.erase(std::unique(subjects.begin(), subjects.end()), subjects.end());
  subjects.push_back(one);

  std::istringstream lines(ok(serialize({g}, prefixes(), Format::kNTriples)));
  std::vector<std::string> written, objects;
  for (std::string line; std::getline(lines, line);) {
    const std::string subject = line.substr(1, line.find('>') - 1);
    if (written.empty() || written.back() != subject) written.push_back(subject);
    if (subject == one) objects.push_back(line.substr(line.find("> ", line.find("> ") + 2) + 2));
  }
  CHECK(written == subjects);
  CHECK(objects == std::vector<std::string>{"<" + kId + "w> .", "\"w\" .", "\"w\"@de .",
                                            "\"w\"@en .", "\"w\"^^<" + kXsd + "token> .",
                                            "\"wx\" ."});
}

TEST_CASE("duplicate triples are written once") {
  Graph g = sample();
  const auto original = g.triples;
  g.triples.insert(g.triples.end(), original.begin(), original.end());
  const std::string out = ok(serialize({g}, prefixes(), Format::kNTriples));
  CHECK(count(out, "\n") == original.size());
  CHECK(out == ok(serialize({sample()}, prefixes(), Format::kNTriples)));
}

TEST_CASE("Turtle and N-Triples merge graphs; a triple in two graphs is written once") {
  Graph a = sample("r1");
  Graph b = sample("r1");
  b.name = kId + "report/other";
  const std::string out = ok(serialize({a, b}, prefixes(), Format::kNTriples));
  CHECK(count(out, "\n") == a.triples.size());
}

TEST_CASE("TriG keeps two graphs apart under their names") {
  const std::string out = ok(serialize({sample("r1"), sample("r2")}, prefixes(), Format::kTriG));
  CHECK(count(out, "{") == 2);
  CHECK(count(out, "}") == 2);
  CHECK(out.find("report:r1 {") != std::string::npos);
  CHECK(out.find("report:r2 {") != std::string::npos);
  // The shared person is described in both graphs.
  CHECK(count(out, "person:LuongTamQuang\n") == 2);
}

TEST_CASE("N-Quads put every triple in its report's graph") {
  const std::string out = ok(serialize({sample("r1"), sample("r2")}, prefixes(), Format::kNQuads));
  std::istringstream lines(out);
  std::size_t n = 0;
  for (std::string line; std::getline(lines, line); ++n) {
    const bool in_r1 = line.ends_with("<" + kId + "report/r1> .");
    const bool in_r2 = line.ends_with("<" + kId + "report/r2> .");
    CHECK((in_r1 || in_r2));
  }
  CHECK(n == 2 * sample().triples.size());
}

TEST_CASE("a TriG or N-Quads document is its declarations and then each graph written alone") {
  using reportkg::write::Declarations;
  using reportkg::write::declarations;
  for (const Format format : {Format::kTriG, Format::kNQuads}) {
    CAPTURE(static_cast<int>(format));
    const Graph r1 = sample("r1"), r2 = sample("r2");
    const std::string whole = ok(serialize({r2, r1}, prefixes(), format));
    const std::string parts = ok(declarations(prefixes(), format)) +
                              ok(serialize({r1}, prefixes(), format, Declarations::kOmit)) +
                              ok(serialize({r2}, prefixes(), format, Declarations::kOmit));
    CHECK(parts == whole);
    CHECK(ok(serialize({r1}, prefixes(), format)) ==
          ok(declarations(prefixes(), format)) +
              ok(serialize({r1}, prefixes(), format, Declarations::kOmit)));
  }
  const std::string body =
      ok(serialize({sample()}, prefixes(), Format::kTriG, Declarations::kOmit));
  CHECK(body.find("@prefix") == std::string::npos);
  CHECK(body.find("report:r1 {") == 0);  // prefixed names all the same
  CHECK(ok(declarations(prefixes(), Format::kNQuads)).empty());
}

TEST_CASE("a Turtle document is its declarations, an empty line and then its statements") {
  using reportkg::write::Declarations;
  using reportkg::write::declarations;
  const std::string whole = ok(serialize({sample()}, prefixes(), Format::kTurtle));
  const std::string decl = ok(declarations(prefixes(), Format::kTurtle));
  CHECK(decl.ends_with(" .\n"));
  CHECK(whole ==
        decl + "\n" + ok(serialize({sample()}, prefixes(), Format::kTurtle, Declarations::kOmit)));
  CHECK(ok(serialize({Graph{}}, prefixes(), Format::kTurtle)) == decl);  // nothing after them
}

TEST_CASE("each document declares its own prefixes, whichever were declared before") {
  Prefixes fewer = prefixes();
  fewer.pop_back();
  for (int round = 0; round < 2; ++round) {  // in turns, as one thread may be asked
    const std::string all = ok(serialize({sample()}, prefixes(), Format::kTurtle));
    const std::string some = ok(serialize({sample()}, fewer, Format::kTurtle));
    CHECK(all.find("@prefix report:") != std::string::npos);
    CHECK(some.find("@prefix report:") == std::string::npos);
    CHECK(some.find("<" + kId + "report/r1>") != std::string::npos);
  }
}

TEST_CASE("characters not allowed in IRIs are percent-encoded") {
  Graph g;
  g.name = kId + "report/x";
  add(g, kId + "person/A B<C>", kRdf + "type", Term::iri(kSchema + "Person"));
  const std::string out = ok(serialize({g}, prefixes(), Format::kNTriples));
  CHECK(out.find("<" + kId + "person/A%20B%3CC%3E>") != std::string::npos);
}

TEST_CASE("every byte that needs care is found wherever it stands in a long term") {
  // Terms are scanned in blocks of sixteen bytes and a tail: the byte goes at every position of
  // two blocks and a tail, after a first part that fills the block it begins.
  const std::string iri_head = kId + "person/";
  for (const char special : std::string("<>\"{}|^`\\ \x7F\x01", 12)) {
    for (std::size_t at = 0; at < 40; ++at) {
      const int byte = static_cast<unsigned char>(special);
      CAPTURE(byte);
      CAPTURE(at);
      std::string local(40, 'a');
      local[at] = special;
      Graph g;
      g.name = kId + "report/x";
      add(g, iri_head + local, kRdf + "type", Term::iri(kSchema + "Person"));
      const std::string out = ok(serialize({g}, prefixes(), Format::kNTriples));
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", static_cast<unsigned char>(special));
      CHECK(out.find("<" + iri_head + local.substr(0, at) + escaped + local.substr(at + 1) + ">") !=
            std::string::npos);
    }
  }
  for (const char special : std::string("\"\n\r\\\x01", 5)) {
    std::vector<std::string> values;
    Graph g;
    g.name = kId + "report/x";
    for (std::size_t at = 0; at < 40; ++at) {
      std::string value(40, 'a');
      value[at] = special;
      add(g, kId + "person/P" + std::to_string(at), kSchema + "text", Term::literal(value));
      values.push_back(value);
    }
    const std::string out = ok(serialize({g}, prefixes(), Format::kTurtle));
    if (special == '\n' || special == '\r' || special == '"') {  // a long string, as found
      for (std::size_t at = 0; at + 1 < values.size(); ++at) {
        CAPTURE(at);
        CHECK(out.find("\"\"\"" + values[at] + "\"\"\"") != std::string::npos);
      }
    }
    std::sort(values.begin(), values.end());
    CHECK(literals_read_back(out, SERD_TURTLE) == values);
  }
}

TEST_CASE("a literal subject, a bad language tag or a bad integer is an internal error") {
  Graph g;
  g.name = kId + "report/x";
  g.add(Term::literal("x"), Term::iri(kRdf + "type"), Term::iri(kSchema + "Person"));
  auto literal_subject = serialize({g}, prefixes(), Format::kTurtle);
  REQUIRE_FALSE(literal_subject.ok());
  CHECK(literal_subject.error().code == ErrorCode::kInternal);

  g.triples.clear();
  add(g, kId + "a", kRdfs + "label", Term::literal("x", "de DE"));
  CHECK_FALSE(serialize({g}, prefixes(), Format::kNTriples).ok());

  g.triples.clear();
  add(g, kId + "a", kSchema + "n", Term::typed("2.500", kXsd + "integer"));
  CHECK_FALSE(serialize({g}, prefixes(), Format::kTurtle).ok());
}

TEST_CASE("a triple naming a term its graph does not have is an internal error") {
  Graph g = sample();
  g.triples.push_back({0, 1, static_cast<reportkg::graph::TermId>(g.terms.size())});
  auto out = serialize({g}, prefixes(), Format::kTurtle);
  REQUIRE_FALSE(out.ok());
  CHECK(out.error().code == ErrorCode::kInternal);
}

TEST_CASE("a term stored twice in a graph is written as one term") {
  Graph once;
  once.name = kId + "report/x";
  const auto person = once.add_term(Term::iri(kId + "person/A"));
  const auto type = once.add_term(Term::iri(kRdf + "type"));
  once.triples = {{person, type, once.add_term(Term::iri(kSchema + "Person"))},
                  {person, type, once.add_term(Term::iri(kSchema + "Thing"))}};
  Graph twice;
  twice.name = once.name;
  add(twice, kId + "person/A", kRdf + "type", Term::iri(kSchema + "Person"));
  add(twice, kId + "person/A", kRdf + "type", Term::iri(kSchema + "Thing"));
  add(twice, kId + "person/A", kRdf + "type", Term::iri(kSchema + "Thing"));
  CHECK(ok(serialize({twice}, prefixes(), Format::kTurtle)) ==
        ok(serialize({once}, prefixes(), Format::kTurtle)));
}

TEST_CASE("no graphs give a document with only the prefixes") {
  CHECK(ok(serialize({}, prefixes(), Format::kNTriples)).empty());
  const std::string ttl = ok(serialize({}, prefixes(), Format::kTurtle));
  CHECK(ttl.starts_with("@prefix"));
  CHECK(count(ttl, "\n") == prefixes().size());
}
