#include "graph/builder.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "base/utf8.hpp"

namespace reportkg::graph {
namespace {

using recognize::EntityType;
using relate::Predicate;

std::string rkg(std::string_view local) { return std::string(ns::kRkg) + std::string(local); }
std::string schema(std::string_view local) { return std::string(ns::kSchema) + std::string(local); }
std::string nif(std::string_view local) { return std::string(ns::kNif) + std::string(local); }
std::string org(std::string_view local) { return std::string(ns::kOrg) + std::string(local); }
std::string rdf(std::string_view local) { return std::string(ns::kRdf) + std::string(local); }
std::string rdfs(std::string_view local) { return std::string(ns::kRdfs) + std::string(local); }
std::string xsd(std::string_view local) { return std::string(ns::kXsd) + std::string(local); }

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
    if (u <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
        c == '\\' || c == '^' || c == '`') {
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
    report_ =
        opt_.base_iri + "report/" + local_name(text.doc->id.empty() ? "report" : text.doc->id);
    out_.name = report_;
  }

  Graph run() {
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
  void add(const std::string& s, const std::string& p, Term o) {
    out_.triples.push_back({Term::iri(s), Term::iri(p), std::move(o)});
  }
  void add_iri(const std::string& s, const std::string& p, const std::string& o) {
    add(s, p, Term::iri(o));
  }
  Term de(std::string v) const {
    return Term::literal(std::move(v), text_.doc->lang.empty() ? "de" : text_.doc->lang);
  }
  Term integer(std::size_t v) const {
    return Term::typed(std::to_string(v), xsd("nonNegativeInteger"));
  }

  bool mentions() const { return opt_.provenance != Provenance::kNone; }
  bool full() const { return opt_.provenance == Provenance::kFull; }

  std::string span_iri(std::size_t begin, std::size_t end) const {
    return report_ + "#char=" + std::to_string(cps_.at(begin)) + "," + std::to_string(cps_.at(end));
  }

  // A NIF string for the byte range [begin, end) of the report text; returns its IRI.
  std::string nif_string(std::size_t begin, std::size_t end, const char* extra_type = nullptr) {
    const std::string iri = span_iri(begin, end);
    add_iri(iri, rdf("type"), nif("String"));
    add_iri(iri, rdf("type"), nif("RFC5147String"));
    if (extra_type) add_iri(iri, rdf("type"), nif(extra_type));
    add(iri, nif("beginIndex"), integer(cps_.at(begin)));
    add(iri, nif("endIndex"), integer(cps_.at(end)));
    add(iri, nif("anchorOf"), Term::literal(text_.doc->text.substr(begin, end - begin)));
    add_iri(iri, nif("referenceContext"), report_);
    return iri;
  }

  std::string sentence_iri(std::uint32_t sentence) {
    const auto& s = text_.sentences.at(sentence);
    return nif_string(s.begin, s.end, "Sentence");
  }

  void report_node() {
    const auto& doc = *text_.doc;
    add_iri(report_, rdf("type"), rkg("Report"));
    if (mentions()) {
      add_iri(report_, rdf("type"), nif("Context"));
      add(report_, nif("isString"), Term::literal(doc.text));
      add(report_, nif("beginIndex"), integer(0));
      add(report_, nif("endIndex"), integer(utf8::length(doc.text)));
    }
    if (!doc.title.empty()) add(report_, schema("headline"), de(doc.title));
    if (valid_iri(doc.source_url)) add_iri(report_, schema("url"), doc.source_url);
    if (!doc.date.empty())
      add(report_, schema("datePublished"), Term::typed(doc.date, xsd("date")));
    add(report_, schema("inLanguage"), Term::literal(doc.lang.empty() ? "de" : doc.lang));
    add(report_, rkg("toolVersion"), Term::literal(opt_.tool_version));
  }

  void mint_iris() {
    const std::string report_local = local_name(text_.doc->id.empty() ? "report" : text_.doc->id);
    std::set<std::string> used;
    iris_.resize(res_.entities.size());
    for (std::size_t i = 0; i < res_.entities.size(); ++i) {
      const auto& e = res_.entities[i];
      std::string local =
          e.type == EntityType::kCountry ? e.id : local_name(e.id.empty() ? e.label : e.id);
      if (e.type == EntityType::kEvent) local = report_local + local;
      if (local.empty()) local = "Unnamed";
      std::string iri = opt_.base_iri + namespace_of(e.type) + local;
      for (int n = 2; used.count(iri); ++n)
        iri = opt_.base_iri + namespace_of(e.type) + local + std::to_string(n);
      used.insert(iri);
      iris_[i] = iri;
    }
  }

  void entity(std::size_t i) {
    const auto& e = res_.entities[i];
    const std::string& iri = iris_[i];
    add_iri(iri, rdf("type"), rkg(class_name(e.type)));
    add(iri, rdfs("label"), de(e.label));
    for (const auto& alt : e.alt_labels) add(iri, std::string(ns::kSkos) + "altLabel", de(alt));
    if (e.type == EntityType::kCountry) add(iri, rkg("isoCode"), Term::literal(e.id));
    if (e.type == EntityType::kEvent) add_iri(iri, rkg("report"), report_);
    if (!mentions()) return;
    for (const int m : e.mentions) {
      const auto& mention = rec_.mentions[static_cast<std::size_t>(m)];
      const std::string s = nif_string(mention.begin, mention.end);
      add_iri(s, std::string(ns::kItsrdf) + "taIdentRef", iri);
    }
  }

  // With provenance `full`, a statement node for the fact (s, p, o) with its sentence and rule.
  void statement(const std::string& s, const std::string& p, const Term& o,
                 const relate::Evidence& ev, const std::string& kind, std::size_t n) {
    if (!full()) return;
    const std::string st = report_ + "#" + kind + std::to_string(n);
    add_iri(st, rdf("type"), rkg("Statement"));
    add_iri(st, rdf("subject"), s);
    add_iri(st, rdf("predicate"), p);
    add(st, rdf("object"), o);
    add(st, rkg("rule"), Term::literal(ev.rule));
    if (ev.sentence < text_.sentences.size())
      add_iri(st, rkg("evidence"), sentence_iri(ev.sentence));
    add_iri(st, rkg("report"), report_);
  }

  void relation(const relate::Relation& r, std::size_t n) {
    if (r.subject < 0) return;
    const std::string& s = iris_[static_cast<std::size_t>(r.subject)];
    const std::string p = rkg(predicate_name(r.predicate));
    if (r.predicate == Predicate::kJobTitle) {
      const Term o = de(r.literal);
      add(s, p, o);
      statement(s, p, o, r.evidence, "fact", n);
      if (r.organization >= 0) {
        const std::string& o_iri = iris_[static_cast<std::size_t>(r.organization)];
        const std::string membership =
            opt_.base_iri + "membership/" + iri_tail(s) + iri_tail(o_iri);
        const std::string role = opt_.base_iri + "role/" + local_name(r.literal);
        add_iri(s, rkg("membership"), membership);
        add_iri(membership, rdf("type"), org("Membership"));
        add_iri(membership, org("member"), s);
        add_iri(membership, org("organization"), o_iri);
        add_iri(membership, org("role"), role);
        add_iri(role, rdf("type"), org("Role"));
        add(role, rdfs("label"), de(r.literal));
      }
      return;
    }
    if (r.object < 0) return;
    const Term o = Term::iri(iris_[static_cast<std::size_t>(r.object)]);
    add(s, p, o);
    statement(s, p, o, r.evidence, "fact", n);
  }

  static std::string iri_tail(const std::string& iri) {
    return iri.substr(iri.find_last_of('/') + 1);
  }

  void quantity(const relate::Quantity& q, std::size_t n) {
    if (q.subject < 0) return;
    const std::string& s = iris_[static_cast<std::size_t>(q.subject)];
    const std::string node =
        opt_.base_iri + "quantity/" + iri_tail(report_) + "N" + std::to_string(n);
    add_iri(s, rkg("quantity"), node);
    add_iri(node, rdf("type"), rkg("Quantity"));
    const bool integral = q.value.find('.') == std::string::npos;
    add(node, rkg("value"), Term::typed(q.value, xsd(integral ? "integer" : "decimal")));
    add(node, rkg("unit"), de(q.unit));
    if (!q.qualifier.empty()) add(node, rkg("qualifier"), de(q.qualifier));
    add_iri(node, rkg("report"), report_);
    if (mentions() && q.last > q.first) {
      const std::string m = nif_string(text_.tokens[q.first].begin, text_.tokens[q.last - 1].end);
      add_iri(m, std::string(ns::kItsrdf) + "taIdentRef", node);
    }
    statement(s, rkg("quantity"), Term::iri(node), q.evidence, "quantity", n);
  }

  void quote(const relate::Quote& q, std::size_t n) {
    const std::string node = opt_.base_iri + "quote/" + iri_tail(report_) + "Q" + std::to_string(n);
    add_iri(node, rdf("type"), rkg("Quote"));
    add(node, rkg("text"), de(text_.doc->text.substr(q.begin, q.end - q.begin)));
    if (q.speaker >= 0) add_iri(node, rkg("speaker"), iris_[static_cast<std::size_t>(q.speaker)]);
    add_iri(node, rkg("report"), report_);
    if (mentions()) {
      const std::string m = nif_string(q.begin, q.end);
      add_iri(m, std::string(ns::kItsrdf) + "taIdentRef", node);
    }
    if (q.speaker >= 0) {
      statement(node, rkg("speaker"), Term::iri(iris_[static_cast<std::size_t>(q.speaker)]),
                q.evidence, "quote", n);
    }
  }

  const text::Text& text_;
  const recognize::Recognized& rec_;
  const resolve::Resolved& res_;
  const relate::Facts& facts_;
  const BuildOptions& opt_;
  utf8::CodePointIndex cps_;
  std::string report_;
  std::vector<std::string> iris_;
  Graph out_;
};

}  // namespace

std::string local_name(std::string_view name) {
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
