#include "graph/builder.hpp"

#include <array>
#include <charconv>
#include <cstdint>

#include "base/strings.hpp"
#include "base/utf8.hpp"

namespace reportkg::graph {
namespace {

using recognize::EntityType;
using relate::Predicate;

std::string xsd(const char* local) { return std::string(ns::kXsd) + local; }

// The decimal digits of a number, for IRIs and literals: no std::string for each of the offsets
// of every NIF string.
class Decimal {
 public:
  explicit Decimal(std::size_t v)
      : size_(static_cast<std::size_t>(
            std::to_chars(digits_.data(), digits_.data() + digits_.size(), v).ptr -
            digits_.data())) {}
  std::string_view view() const { return {digits_.data(), size_}; }

 private:
  std::array<char, 20> digits_;  // enough for any 64-bit number
  std::size_t size_;
};

const char* class_name(EntityType type) { return recognize::type_name(type); }

const char* namespace_of(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "person/";
    case EntityType::kOrganization:
      return "organization/";
    case EntityType::kCountry:
      return "country/";
    case EntityType::kPlace:
      return "place/";
    case EntityType::kEvent:
      return "event/";
    case EntityType::kAgreement:
      return "agreement/";
  }
  return "";
}

const char* predicate_name(Predicate p) {
  switch (p) {
    case Predicate::kJobTitle:
      return "jobTitle";
    case Predicate::kAffiliation:
      return "affiliation";
    case Predicate::kNationality:
      return "nationality";
    case Predicate::kCountry:
      return "country";
    case Predicate::kParentOrganization:
      return "parentOrganization";
    case Predicate::kContainedInPlace:
      return "containedInPlace";
    case Predicate::kLocation:
      return "location";
    case Predicate::kOrganizer:
      return "organizer";
    case Predicate::kParticipant:
      return "participant";
    case Predicate::kAbout:
      return "about";
  }
  return "";
}

bool valid_iri(std::string_view s) {
  if (!(s.starts_with("http://") || s.starts_with("https://"))) return false;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' ||
        c == '|' || c == '\\' || c == '^' || c == '`') {
      return false;
    }
  }
  return true;
}

class Builder {
 public:
  Builder(const text::Text& text, const recognize::Recognized& rec, const resolve::Resolved& res,
          const relate::Facts& facts, const BuildOptions& options)
      : text_(text), rec_(rec), res_(res), facts_(facts), opt_(options), cps_(text.doc->text) {
    report_iri_ =
        opt_.base_iri + "report/" + local_name(text.doc->id.empty() ? "report" : text.doc->id);
    out_.name = report_iri_;
    // The IRIs the graph names: its entities, a few dozen terms of the vocabularies, and a node
    // or two for each fact (a statement, a role, a quantity, a quote): an estimate that spares
    // the table most of its growing.
    iri_ids_.reserve(res.entities.size() + 2 * facts.relations.size() + facts.quantities.size() +
                     facts.quotes.size() + 64);
    report_ = iri(report_iri_);
    type_ = term(ns::kRdf, "type");
  }

  Graph run() {
    // Eight triples and up to as many new terms for each mention (its NIF string); a few
    // for each entity.
    const std::size_t estimate =
        (mentions() ? rec_.mentions.size() * 8 : 0) + res_.entities.size() * 4 + 16;
    out_.triples.reserve(estimate);
    out_.terms.reserve(estimate);
    report_node();
    mint_iris();
    for (std::size_t i = 0; i < res_.entities.size(); ++i) entity(i);
    std::size_t n = 0;
    for (const auto& r : facts_.relations) relation(r, ++n);
    n = 0;
    for (const auto& q : facts_.quantities) quantity(q, ++n);
    n = 0;
    for (const auto& q : facts_.quotes) quote(q, ++n);
    return std::move(out_);
  }

 private:
  // The id of an IRI: each IRI is stored once in the graph however many triples name it. The
  // index keys the graph's own copy of each IRI.
  TermId iri(std::string_view value) {
    if (const TermId* id = iri_ids_.find(value)) return *id;
    const TermId id = out_.add_term(Term::Kind::kIri, value);
    iri_ids_.try_emplace(out_.terms[id].value, id);
    return id;
  }
  // A term of a vocabulary: namespace + local name, both constants. The few terms of the
  // vocabularies are looked up by the addresses of their parts in a small open-addressing table,
  // not by their long IRIs (an IRI with two addresses is still interned once).
  TermId term(const char* ns, const char* local) {
    const auto mix = reinterpret_cast<std::uintptr_t>(ns) * 0x9E3779B97F4A7C15ULL ^
                     reinterpret_cast<std::uintptr_t>(local) * 0xC2B2AE3D27D4EB4FULL;
    std::size_t slot = static_cast<std::size_t>(mix >> 32) % vocabulary_.size();
    for (; vocabulary_[slot].ns != nullptr; slot = (slot + 1) % vocabulary_.size()) {
      if (vocabulary_[slot].ns == ns && vocabulary_[slot].local == local) {
        return vocabulary_[slot].id;
      }
    }
    scratch_.assign(ns);
    scratch_ += local;
    const TermId id = iri(scratch_);
    if (vocabulary_used_ < vocabulary_.size() / 2) {  // else looked up by IRI from now on
      vocabulary_[slot] = {ns, local, id};
      ++vocabulary_used_;
    }
    return id;
  }
  // A literal, made in place in the graph's term table.
  TermId literal(std::string_view value, std::string_view datatype = {},
                 std::string_view lang = {}) {
    return out_.add_term(Term::Kind::kLiteral, value, datatype, lang);
  }
  TermId de(std::string_view v) {
    return literal(v, {}, text_.doc->lang.empty() ? "de" : text_.doc->lang);
  }
  TermId integer(const Decimal& v) {
    static const std::string kNonNegativeInteger = xsd("nonNegativeInteger");
    return literal(v.view(), kNonNegativeInteger);
  }
  std::string_view value(TermId id) const { return out_.terms[id].value; }

  void add(TermId s, TermId p, TermId o) { out_.triples.push_back({s, p, o}); }

  bool mentions() const { return opt_.provenance != Provenance::kNone; }
  bool full() const { return opt_.provenance == Provenance::kFull; }

  // A NIF string for the byte range [begin, end) of the report text; returns its id.
  TermId nif_string(std::size_t begin, std::size_t end, const char* extra_type = nullptr) {
    const Decimal first(cps_.at(begin));
    const Decimal last(cps_.at(end));
    scratch_ = report_iri_;
    scratch_ += "#char=";
    scratch_ += first.view();
    scratch_ += ',';
    scratch_ += last.view();
    // Not interned: a span is rarely named twice, and the writer merges equal terms anyway.
    const TermId s = out_.add_term(Term::Kind::kIri, scratch_);
    add(s, type_, term(ns::kNif, "String"));
    add(s, type_, term(ns::kNif, "RFC5147String"));
    if (extra_type) add(s, type_, term(ns::kNif, extra_type));
    add(s, term(ns::kNif, "beginIndex"), integer(first));
    add(s, term(ns::kNif, "endIndex"), integer(last));
    add(s, term(ns::kNif, "anchorOf"),
        literal(std::string_view(text_.doc->text).substr(begin, end - begin)));
    add(s, term(ns::kNif, "referenceContext"), report_);
    return s;
  }

  TermId sentence_string(std::uint32_t sentence) {
    const auto& s = text_.sentences.at(sentence);
    return nif_string(s.begin, s.end, "Sentence");
  }

  void report_node() {
    const auto& doc = *text_.doc;
    add(report_, type_, term(ns::kRkg, "Report"));
    if (mentions()) {
      add(report_, type_, term(ns::kNif, "Context"));
      add(report_, term(ns::kNif, "isString"), literal(doc.text));
      add(report_, term(ns::kNif, "beginIndex"), integer(Decimal(0)));
      add(report_, term(ns::kNif, "endIndex"), integer(Decimal(cps_.length())));
    }
    if (!doc.title.empty()) add(report_, term(ns::kSchema, "headline"), de(doc.title));
    if (valid_iri(doc.source_url)) add(report_, term(ns::kSchema, "url"), iri(doc.source_url));
    if (!doc.date.empty()) {
      add(report_, term(ns::kSchema, "datePublished"), literal(doc.date, xsd("date")));
    }
    add(report_, term(ns::kSchema, "inLanguage"), literal(doc.lang.empty() ? "de" : doc.lang));
    add(report_, term(ns::kRkg, "toolVersion"), literal(opt_.tool_version));
  }

  void mint_iris() {
    const std::string report_local = local_name(text_.doc->id.empty() ? "report" : text_.doc->id);
    // Two entities with the same local name get "Name", "Name2", "Name3", ...: the smallest number
    // not yet taken, searched from the last one given for that name (so thousands of events of
    // one name in a long report are not counted through again and again). A name is taken when
    // the graph has the IRI already (the index of its IRIs).
    StringMap<int> next_number;
    std::string local, base, name;
    entities_.resize(res_.entities.size());
    for (std::size_t i = 0; i < res_.entities.size(); ++i) {
      const auto& e = res_.entities[i];
      local.clear();
      if (e.type == EntityType::kEvent) local = report_local;
      local += e.type == EntityType::kCountry ? e.id : local_name(e.id.empty() ? e.label : e.id);
      if (local.empty()) local = "Unnamed";
      base.assign(opt_.base_iri).append(namespace_of(e.type)).append(local);
      name = base;
      if (iri_ids_.find(name)) {
        int& n = next_number.emplace(base, 2).first->second;
        while (iri_ids_.find(name = base + std::to_string(n))) ++n;
        ++n;
      }
      entities_[i] = iri(name);
    }
  }

  TermId entity_id(int index) const { return entities_[static_cast<std::size_t>(index)]; }

  void entity(std::size_t i) {
    const auto& e = res_.entities[i];
    const TermId id = entities_[i];
    add(id, type_, term(ns::kRkg, class_name(e.type)));
    add(id, term(ns::kRdfs, "label"), de(e.label));
    for (const auto& alt : e.alt_labels) add(id, term(ns::kSkos, "altLabel"), de(alt));
    if (e.type == EntityType::kCountry) add(id, term(ns::kRkg, "isoCode"), literal(e.id));
    if (e.type == EntityType::kEvent) add(id, term(ns::kRkg, "report"), report_);
    if (!mentions()) return;
    for (const int m : e.mentions) {
      const auto& mention = rec_.mentions[static_cast<std::size_t>(m)];
      add(nif_string(mention.begin, mention.end), term(ns::kItsrdf, "taIdentRef"), id);
    }
  }

  // With provenance `full`, a statement node for the fact (s, p, o) with its sentence and rule.
  void statement(TermId s, TermId p, TermId o, const relate::Evidence& ev, const char* kind,
                 std::size_t n) {
    if (!full()) return;
    scratch_.assign(report_iri_).append("#").append(kind).append(Decimal(n).view());
    const TermId st = iri(scratch_);
    add(st, type_, term(ns::kRkg, "Statement"));
    add(st, term(ns::kRdf, "subject"), s);
    add(st, term(ns::kRdf, "predicate"), p);
    add(st, term(ns::kRdf, "object"), o);
    add(st, term(ns::kRkg, "rule"), literal(ev.rule));
    if (ev.sentence < text_.sentences.size())
      add(st, term(ns::kRkg, "evidence"), sentence_string(ev.sentence));
    add(st, term(ns::kRkg, "report"), report_);
  }

  void relation(const relate::Relation& r, std::size_t n) {
    if (r.subject < 0) return;
    const TermId s = entity_id(r.subject);
    const TermId p = term(ns::kRkg, predicate_name(r.predicate));
    if (r.predicate == Predicate::kJobTitle) {
      const TermId o = de(r.literal);
      add(s, p, o);
      statement(s, p, o, r.evidence, "fact", n);
      if (r.organization >= 0) {
        const TermId organization = entity_id(r.organization);
        const TermId membership =
            iri(opt_.base_iri + "membership/" + std::string(iri_tail(value(s))) +
                std::string(iri_tail(value(organization))));
        const TermId role = iri(opt_.base_iri + "role/" + local_name(r.literal));
        add(s, term(ns::kRkg, "membership"), membership);
        add(membership, type_, term(ns::kOrg, "Membership"));
        add(membership, term(ns::kOrg, "member"), s);
        add(membership, term(ns::kOrg, "organization"), organization);
        add(membership, term(ns::kOrg, "role"), role);
        add(role, type_, term(ns::kOrg, "Role"));
        add(role, term(ns::kRdfs, "label"), de(r.literal));
      }
      return;
    }
    if (r.object < 0) return;
    const TermId o = entity_id(r.object);
    add(s, p, o);
    statement(s, p, o, r.evidence, "fact", n);
  }

  static std::string_view iri_tail(std::string_view iri) {
    return iri.substr(iri.find_last_of('/') + 1);
  }

  void quantity(const relate::Quantity& q, std::size_t n) {
    if (q.subject < 0) return;
    const TermId s = entity_id(q.subject);
    scratch_.assign(opt_.base_iri).append("quantity/").append(iri_tail(report_iri_)).append("N");
    scratch_.append(Decimal(n).view());
    const TermId node = iri(scratch_);
    add(s, term(ns::kRkg, "quantity"), node);
    add(node, type_, term(ns::kRkg, "Quantity"));
    const bool integral = q.value.find('.') == std::string::npos;
    static const std::string kInteger = xsd("integer"), kDecimal = xsd("decimal");
    add(node, term(ns::kRkg, "value"), literal(q.value, integral ? kInteger : kDecimal));
    add(node, term(ns::kRkg, "unit"), de(q.unit));
    if (!q.qualifier.empty()) add(node, term(ns::kRkg, "qualifier"), de(q.qualifier));
    add(node, term(ns::kRkg, "report"), report_);
    if (mentions() && q.last > q.first) {
      const TermId m = nif_string(text_.tokens[q.first].begin, text_.tokens[q.last - 1].end);
      add(m, term(ns::kItsrdf, "taIdentRef"), node);
    }
    statement(s, term(ns::kRkg, "quantity"), node, q.evidence, "quantity", n);
  }

  void quote(const relate::Quote& q, std::size_t n) {
    scratch_.assign(opt_.base_iri).append("quote/").append(iri_tail(report_iri_)).append("Q");
    scratch_.append(Decimal(n).view());
    const TermId node = iri(scratch_);
    add(node, type_, term(ns::kRkg, "Quote"));
    add(node, term(ns::kRkg, "text"),
        de(std::string_view(text_.doc->text).substr(q.begin, q.end - q.begin)));
    if (q.speaker >= 0) add(node, term(ns::kRkg, "speaker"), entity_id(q.speaker));
    add(node, term(ns::kRkg, "report"), report_);
    if (mentions()) add(nif_string(q.begin, q.end), term(ns::kItsrdf, "taIdentRef"), node);
    if (q.speaker >= 0) {
      statement(node, term(ns::kRkg, "speaker"), entity_id(q.speaker), q.evidence, "quote", n);
    }
  }

  const text::Text& text_;
  const recognize::Recognized& rec_;
  const resolve::Resolved& res_;
  const relate::Facts& facts_;
  const BuildOptions& opt_;
  utf8::CodePointIndex cps_;
  Graph out_;
  StringTable<TermId, std::string_view> iri_ids_;  // keys: views of out_.terms
  struct VocabularyTerm {
    const char* ns = nullptr;  // null: a free slot
    const char* local = nullptr;
    TermId id = 0;
  };
  std::array<VocabularyTerm, 128> vocabulary_{};
  std::size_t vocabulary_used_ = 0;
  std::string scratch_;  // the IRI being looked up
  std::string report_iri_;
  TermId report_ = 0;
  TermId type_ = 0;
  std::vector<TermId> entities_;  // by entity index
};

}  // namespace

namespace {

std::string make_local_name(std::string_view name) {
  const std::string ascii = utf8::to_ascii(utf8::nfc(name));
  std::string out;
  bool upper_next = true;
  for (const char c : ascii) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      upper_next = true;
      continue;
    }
    out += (upper_next && c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    upper_next = false;
  }
  // A local name must not start with a digit to stay a prefixed name in every Turtle version.
  if (!out.empty() && out[0] >= '0' && out[0] <= '9') out.insert(0, "N");
  return out;
}

}  // namespace

std::string local_name(std::string_view name) {
  // The same names come back report after report, and normalizing and transliterating them is
  // the costly part: each thread remembers the local names of a bounded number of names.
  constexpr std::size_t kMaxNameBytes = 256;
  if (name.size() > kMaxNameBytes) return make_local_name(name);
  thread_local BoundedCache<std::string> cache(1 << 14);
  return cache.get(name, [&] { return make_local_name(name); });
}

Graph build(const text::Text& text, const recognize::Recognized& recognized,
            const resolve::Resolved& resolved, const relate::Facts& facts,
            const BuildOptions& options) {
  return Builder(text, recognized, resolved, facts, options).run();
}

Prefixes prefixes(const std::string& base_iri) {
  return {
      {"rdf", ns::kRdf},
      {"rdfs", ns::kRdfs},
      {"xsd", ns::kXsd},
      {"owl", ns::kOwl},
      {"skos", ns::kSkos},
      {"schema", ns::kSchema},
      {"org", ns::kOrg},
      {"nif", ns::kNif},
      {"itsrdf", ns::kItsrdf},
      {"dcterms", ns::kDcterms},
      {"rkg", ns::kRkg},
      {"person", base_iri + "person/"},
      {"organization", base_iri + "organization/"},
      {"country", base_iri + "country/"},
      {"place", base_iri + "place/"},
      {"event", base_iri + "event/"},
      {"agreement", base_iri + "agreement/"},
      {"report", base_iri + "report/"},
      {"quote", base_iri + "quote/"},
      {"quantity", base_iri + "quantity/"},
      {"membership", base_iri + "membership/"},
      {"role", base_iri + "role/"},
  };
}

}  // namespace reportkg::graph
