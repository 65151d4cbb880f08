#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <span>
#include <unordered_map>

#include "base/strings.hpp"
#include "base/utf8.hpp"
#include "relate/relation.hpp"

namespace reportkg::relate {
namespace {

using recognize::EntityType;
using recognize::EventKind;
using recognize::Mention;
using recognize::TitleKind;
using recognize::TitleMention;
using recognize::VerbRole;
using text::TokenKind;

// Words that open a subordinate or relative clause after a comma.
bool opens_clause(std::string_view lower) {
  static const StringSet kWords = {
      "der", "die",  "das",  "dem", "den",   "denen",   "deren",   "dessen",  "dass",
      "um",  "wenn", "weil", "als", "wobei", "nachdem", "während", "an",      "in",
      "bei", "mit",  "auf",  "wo",  "ob",    "damit",   "sobald",  "sondern", "aber"};
  return kWords.count(lower) > 0;
}

class Relater {
 public:
  Relater(const text::Text& text, const recognize::Recognized& rec, const resolve::Resolved& res,
          const recognize::Lexicon& lex)
      : t_(text), rec_(rec), res_(res), lex_(lex) {
    // Each token's listed word as the recognizer found it; looked up here for results that
    // carry none.
    if (rec.words.size() != text.tokens.size()) {
      for (const auto& token : text.tokens) looked_up_.push_back(lex.word_id(text.lower(token)));
      words_ = &looked_up_;
    }
    owner_.assign(text.tokens.size(), -1);
    for (std::size_t m = 0; m < rec.mentions.size(); ++m) {
      const Mention& mention = rec.mentions[m];
      if (recognize::dropped(mention) || entity(static_cast<int>(m)) < 0) continue;
      // The first part of a compound ("WHO" in "WHO-Pandemieabkommen") owns no token: the
      // compound does.
      if (mention.last == mention.first + 1 && mention.end < text.tokens[mention.first].end)
        continue;
      for (std::uint32_t k = mention.first; k < mention.last; ++k) {
        // The innermost (shortest) mention owns a token.
        const int cur = owner(k);
        if (cur < 0 || span_size(cur) > mention.last - mention.first)
          owner_[k] = static_cast<int>(m);
      }
    }
    for (std::size_t k = 0; k < owner_.size(); ++k) {
      const int m = owner_[k];
      if (m >= 0 && rec.mentions[static_cast<std::size_t>(m)].first == k) starting_.push_back(m);
    }
    for (std::size_t m = 0; m < rec.mentions.size(); ++m) {
      const Mention& mention = rec.mentions[m];
      if (!recognize::dropped(mention) && mention.last == mention.first + 1 &&
          mention.end < tok(mention.first).end) {
        prefix_mentions_.emplace(mention.first, static_cast<int>(m));
      }
    }
    // Facts of each entity that the rules ask for again and again: computed once, so that a
    // report with thousands of mentions of one entity is not read again for every title.
    org_country_.resize(res.entities.size());
    for (std::size_t e = 0; e < res.entities.size(); ++e) {
      const auto& ent = res.entities[e];
      // An organization's country: the first two-letter qualifier of its mentions.
      for (const int m : ent.mentions) {
        const std::string& q = rec.mentions[static_cast<std::size_t>(m)].qualifier;
        if (q.size() == 2) {
          org_country_[e] = q;
          break;
        }
      }
      if (org_country_[e].empty()) org_country_[e] = ent.country;
      if (ent.type == EntityType::kCountry) country_of_iso_.emplace(ent.id, static_cast<int>(e));
      if (ent.type == EntityType::kOrganization)
        organization_labels_.emplace_back(static_cast<int>(e), utf8::to_lower(ent.label));
    }
    // The report's main event: the single happening mentioned most often (the first of equals).
    std::size_t most = 0;
    for (std::size_t e = 0; e < res.entities.size(); ++e) {
      const auto& ent = res.entities[e];
      if (ent.type == EntityType::kEvent && ent.event_kind == EventKind::kHappening &&
          !ent.plural && ent.mentions.size() > most) {
        most = ent.mentions.size();
        main_event_ = static_cast<int>(e);
      }
    }
    title_of_.assign(text.tokens.size(), -1);
    for (std::size_t i = 0; i < rec.titles.size(); ++i) {
      for (std::uint32_t k = rec.titles[i].first; k < rec.titles[i].last; ++k)
        title_of_[k] = static_cast<int>(i);
    }
    title_person_.assign(rec.titles.size(), -1);
    in_quote_.assign(text.tokens.size(), false);
    for (const auto& q : rec.quotes) {
      for (std::uint32_t k = q.open + 1; k < q.close; ++k) in_quote_[k] = true;
    }
    verbs_of_.resize(text.sentences.size());
    for (const auto& v : rec.verbs) verbs_of_[tok(v.first).sentence].push_back(&v);
    titles_of_.resize(text.sentences.size());
    for (std::size_t t = 0; t < rec.titles.size(); ++t)
      titles_of_[tok(rec.titles[t].head).sentence].push_back(t);
    quantities_of_.resize(text.sentences.size());
    for (std::size_t q = 0; q < rec.quantities.size(); ++q) {
      quantities_of_[tok(rec.quantities[q].first).sentence].push_back(q);
    }
  }

  // The verbs of sentences [first, last].
  std::vector<const recognize::VerbMention*> verbs_in(std::uint32_t first,
                                                      std::uint32_t last) const {
    std::vector<const recognize::VerbMention*> out;
    for (std::uint32_t s = first; s <= last && s < verbs_of_.size(); ++s)
      out.insert(out.end(), verbs_of_[s].begin(), verbs_of_[s].end());
    return out;
  }
  // The verbs of sentence `s`, without a copy.
  const std::vector<const recognize::VerbMention*>& verbs_in(std::uint32_t s) const {
    static const std::vector<const recognize::VerbMention*> kNone;
    return s < verbs_of_.size() ? verbs_of_[s] : kNone;
  }

  Facts run() {
    for (std::uint32_t s = 0; s < t_.sentences.size(); ++s) nationality_cues(s);
    link_titles();
    resolve_descriptions();
    for (std::uint32_t s = 0; s < t_.sentences.size(); ++s) {
      event_frames(s);
      representatives(s);
      quantities(s);
    }
    entity_facts();
    quotes();
    dedupe();
    return std::move(out_);
  }

 private:
  // ---- helpers ------------------------------------------------------------------------------
  std::uint32_t span_size(int m) const {
    const Mention& x = rec_.mentions[static_cast<std::size_t>(m)];
    return x.last - x.first;
  }
  // The innermost resolved mention (index) and the title (index) a token belongs to; -1 for
  // none and for a token past the end, so a look one token ahead needs no bounds test.
  int owner(std::size_t k) const { return k < owner_.size() ? owner_[k] : -1; }
  int title_at(std::size_t k) const { return k < title_of_.size() ? title_of_[k] : -1; }
  // The mention that owns a token, or null.
  const Mention* mention_at(std::size_t k) const {
    const int m = owner(k);
    return m < 0 ? nullptr : &rec_.mentions[static_cast<std::size_t>(m)];
  }
  bool adjective_at(std::size_t k) const {
    const Mention* m = mention_at(k);
    return m && m->adjective;
  }
  int entity(int mention) const {
    return mention < 0 ? -1 : res_.entity_of[static_cast<std::size_t>(mention)];
  }
  const resolve::Entity& ent(int e) const { return res_.entities[static_cast<std::size_t>(e)]; }
  EntityType type(int e) const { return ent(e).type; }
  const text::Token& tok(std::size_t i) const { return t_.tokens[i]; }
  std::string_view lower(std::size_t i) const { return t_.lower(i); }
  // Token i's closed word class ("article", ...) or empty, and its value in a class.
  std::string_view category(std::size_t i) const { return lex_.word_category((*words_)[i]); }
  std::optional<std::string_view> listed_value(std::string_view category, std::size_t i) const {
    return lex_.word_value(category, (*words_)[i]);
  }
  bool is_punct(std::size_t i, std::string_view p) const {
    return i < t_.tokens.size() && tok(i).kind == TokenKind::kPunct && t_.str(i) == p;
  }
  const text::Sentence& sentence(std::uint32_t s) const { return t_.sentences[s]; }
  bool in_quote(std::size_t i) const { return in_quote_[i]; }

  void add(Predicate p, int s, int o, std::uint32_t sent, std::string rule) {
    if (s < 0 || o < 0 || s == o) return;
    Relation r;
    r.predicate = p;
    r.subject = s;
    r.object = o;
    r.evidence = {sent, std::move(rule)};
    if (p == Predicate::kNationality) nationality_.emplace(s, o);
    out_.relations.push_back(std::move(r));
  }

  // Mentions (index) whose first token lies in [first, last), in text order.
  std::span<const int> mentions_in(std::uint32_t first, std::uint32_t last) const {
    const auto before = [this](int m, std::uint32_t k) {
      return rec_.mentions[static_cast<std::size_t>(m)].first < k;
    };
    const auto from = std::lower_bound(starting_.begin(), starting_.end(), first, before);
    return {from, std::lower_bound(from, starting_.end(), last, before)};
  }

  // Clause boundaries inside a sentence: a comma before a word that opens a clause.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> clauses(std::uint32_t s) const {
    const auto& sent = sentence(s);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
    std::uint32_t start = sent.first;
    for (std::uint32_t k = sent.first; k + 1 < sent.last; ++k) {
      if ((is_punct(k, ",") || is_punct(k, ";")) && tok(k + 1).kind == TokenKind::kWord &&
          opens_clause(lower(k + 1)) && title_at(k + 1) < 0 &&
          !starts_noun_phrase(k + 1, sent.last)) {
        out.emplace_back(start, k);
        start = k + 1;
      }
    }
    out.emplace_back(start, sent.last);
    return out;
  }

  // ", der philippinische Gesundheitsminister", ", an dem Gipfel": an article (after a
  // preposition) that starts a noun phrase, not a relative pronoun.
  bool starts_noun_phrase(std::uint32_t k, std::uint32_t end) const {
    // "um ... zu" always opens an infinitive clause.
    if (lower(k) == "um") return false;
    if (listed_value("preposition", k) && k + 1 < end && listed_value("article", k + 1)) ++k;
    if (!listed_value("article", k) || k + 1 >= end) return false;
    const auto& next = tok(k + 1);
    if (next.kind != TokenKind::kWord) return false;
    if (next.upper) return true;
    // An attributive adjective: a lower-case word with an adjective ending, not a closed-class
    // word.
    const std::string_view w = lower(k + 1);
    return category(k + 1).empty() && (w.ends_with("e") || w.ends_with("en"));
  }

  // ---- titles -------------------------------------------------------------------------------
  // The person a title belongs to: a name right after it ("General Anna Berg"), after a
  // comma ("Die Sprecherin ..., Lena Roth,"), or before it as an apposition ("Jan Falk, Mitglied
  // des ...", "Peter Lind, Büroleiter und Sprecher des ...").
  void link_titles() {
    for (std::size_t ti = 0; ti < rec_.titles.size(); ++ti) {
      const TitleMention& t = rec_.titles[ti];
      int person = person_after(t.last);
      if (person < 0) person = person_after_chain(ti);
      if (person < 0) person = person_before(t.first);
      if (person < 0) continue;
      title_person_[ti] = person;
    }
    // "zwei Ko-Vorsitzenden: A aus X und B, Botschafterin ...": a plural title before a colon.
    for (std::size_t ti = 0; ti < rec_.titles.size(); ++ti) {
      const TitleMention& t = rec_.titles[ti];
      if (!t.plural || !is_punct(t.last, ":")) continue;
      const auto& sent = sentence(tok(t.first).sentence);
      for (const int m : mentions_in(t.last, sent.last)) {
        if (rec_.mentions[static_cast<std::size_t>(m)].type == EntityType::kPerson &&
            entity(m) >= 0) {
          apply_title(ti, entity(m));
        }
      }
    }
    for (std::size_t ti = 0; ti < rec_.titles.size(); ++ti) {
      if (title_person_[ti] >= 0) apply_title(ti, title_person_[ti]);
    }
  }

  int person_at(std::uint32_t k) const {
    const Mention* m = mention_at(k);
    if (!m || m->type != EntityType::kPerson || m->first != k) return -1;
    return entity(owner(k));
  }

  int person_after(std::uint32_t k) const {
    if (is_punct(k, ",")) ++k;
    // ", die Norwegerin Dr. Ingrid Solheim": past a demonym with its article.
    if (k + 1 < owner_.size() && listed_value("article", k) && adjective_at(k + 1) &&
        tok(k + 1).upper) {
      k = mention_at(k + 1)->last;
    }
    // "Außenministerin Dr. Klara Weißmann": past an honorific.
    while (title_at(k) >= 0 &&
           rec_.titles[static_cast<std::size_t>(title_at(k))].kind == TitleKind::kHonorific) {
      k = rec_.titles[static_cast<std::size_t>(title_at(k))].last;
    }
    return person_at(k);
  }

  // "Generalsekretär des ZK ... und Staatspräsident Tomas Berg": titles joined by "und" or a
  // comma share the name after the last one.
  int person_after_chain(std::size_t ti) const {
    std::size_t cur = ti;
    while (true) {
      const std::uint32_t end = rec_.titles[cur].last;
      if (!(end < t_.tokens.size() && (lower(end) == "und" || is_punct(end, ","))) ||
          end + 1 >= title_of_.size())
        break;
      // An article may start the next title (", der philippinische Gesundheitsminister").
      const std::uint32_t start =
          (end + 2 < title_of_.size() && listed_value("article", end + 1)) ? end + 2 : end + 1;
      const int next = title_at(start);
      if (next < 0 || static_cast<std::size_t>(next) == cur ||
          rec_.titles[static_cast<std::size_t>(next)].first != start) {
        break;
      }
      cur = static_cast<std::size_t>(next);
      if (int p = person_after(rec_.titles[cur].last); p >= 0) return p;
    }
    return -1;
  }

  int person_before(std::uint32_t first) const {
    // Back over earlier titles of the same apposition ("Büroleiter und Sprecher"), then a comma.
    std::uint32_t k = first;
    while (k > 0) {
      if (k >= 2 && (lower(k - 1) == "und" || is_punct(k - 1, ",")) && title_at(k - 2) >= 0) {
        k = rec_.titles[static_cast<std::size_t>(title_at(k - 2))].first;
        continue;
      }
      break;
    }
    if (k >= 1 && listed_value("article", k - 1)) --k;  // ", dem Vorsitzenden des ..."
    if (k < 2 || !is_punct(k - 1, ",")) return -1;
    // "Jürgen Hellwig (CDU), dem Vorsitzenden": back over an abbreviation in parentheses.
    if (k >= 5 && is_punct(k - 2, ")") && is_punct(k - 4, "(")) k -= 3;
    // "Dr. Amina Diallo aus Senegal, Direktorin ...": back over "aus LAND".
    if (const Mention* country = k >= 4 ? mention_at(k - 2) : nullptr;
        country && country->type == EntityType::kCountry) {
      const std::uint32_t c = country->first;
      if (c >= 2 && lower(c - 1) == "aus") k = c;
    }
    const int m = owner(k - 2);
    if (m < 0) return -1;
    const Mention& mention = rec_.mentions[static_cast<std::size_t>(m)];
    if (mention.type != EntityType::kPerson) {
      // "Ama Owusu aus Südafrika und Marie-Luise Kant, Botschafterin": the name ends
      // there.
      return -1;
    }
    return entity(m);
  }

  // Job title, affiliation and nationality from title `ti` for person entity `p`.
  void apply_title(std::size_t ti, int p) {
    const TitleMention& t = rec_.titles[ti];
    const std::uint32_t s = tok(t.head).sentence;
    const recognize::Title& title = lex_.titles()[t.title];
    if (title.feminine != title.masculine) feminine_[p] = t.feminine;
    const int title_country = entity(t.country);
    if (title_country >= 0 && type(title_country) == EntityType::kCountry) {
      add(Predicate::kNationality, p, title_country, s, "title-country");
    }
    if (t.kind == TitleKind::kHonorific) return;
    int org = entity(t.organization);
    if (org >= 0 && type(org) != EntityType::kOrganization) org = -1;
    // Kinship and other roles are job titles only with an organization ("Mitglied des Politbüros").
    if (t.kind == TitleKind::kRole && org < 0) return;
    if (org < 0 && !title.organization.empty()) org = implied_organization(t, title, p);
    Relation r;
    r.predicate = Predicate::kJobTitle;
    r.subject = p;
    r.literal = t.text;
    r.organization = org;
    r.evidence = {s, "title"};
    job_titles_[p].push_back(utf8::to_lower(t.text));
    out_.relations.push_back(std::move(r));
    if (org >= 0) add(Predicate::kAffiliation, p, org, s, "title-organization");
    if (org >= 0) {
      const Mention* om =
          t.organization >= 0 ? &rec_.mentions[static_cast<std::size_t>(t.organization)] : nullptr;
      if (om && !om->qualifier.empty()) {
        if (const int c = country_entity(om->qualifier); c >= 0)
          add(Predicate::kNationality, p, c, s, "organization-country");
      }
    }
  }

  int country_entity(const std::string& iso) const {
    const auto it = country_of_iso_.find(iso);
    return it == country_of_iso_.end() ? -1 : it->second;
  }

  // "Minister für öffentliche Sicherheit" → the organization "Ministerium für öffentliche
  // Sicherheit", "Außenminister" → an "Außenministerium" of the report, if the report names it
  // and it is not another country's.
  int implied_organization(const TitleMention& t, const recognize::Title& title, int person) const {
    std::string head = utf8::to_lower(title.organization);
    // "Gesundheitsminister" → "Gesundheitsministerium": a compound keeps its first part.
    const std::string written = utf8::to_lower(t.text);
    std::string fuer;
    if (const auto pos = t.text.find(" für "); pos != std::string::npos)
      fuer = utf8::to_lower(t.text.substr(pos));
    const std::string masc = utf8::to_lower(title.masculine);
    std::string title_head = written.substr(
        0, written.find(' ') == std::string::npos ? written.size() : written.find(" für "));
    if (const auto sp = title_head.rfind(' '); sp != std::string::npos)
      title_head = title_head.substr(sp + 1);
    if (title_head.size() > masc.size() && title_head.ends_with(masc) &&
        !head.starts_with(title_head.substr(0, title_head.size() - masc.size()))) {
      head = title_head.substr(0, title_head.size() - masc.size()) + head;
    }
    const std::string want = head + fuer;
    const int nationality = nationality_of(person);
    int best = -1;
    const std::string after_space = " " + want, before_space = want + " ";
    for (const auto& [e, label] : organization_labels_) {
      // "Außenministerium", "Vietnamesisches Außenministerium", "Außenministerium Estlands".
      const bool match = fuer.empty()
                             ? (label == want || label.ends_with(after_space) ||
                                (label.starts_with(before_space) && !org_country(e).empty()))
                             : label == want;
      if (!match) continue;
      const std::string& country = org_country(e);
      if (!country.empty() && nationality >= 0 && ent(nationality).id != country) continue;
      best = e;
    }
    return best;
  }

  const std::string& org_country(int org) const {
    return org_country_[static_cast<std::size_t>(org)];
  }

  int nationality_of(int person) const {
    const auto it = nationality_.find(person);
    return it == nationality_.end() ? -1 : it->second;
  }

  // "sagte der frühere niederländische Ministerpräsident", "sagte die Dänin": a title or a
  // demonym without a name, next to a verb of saying, names a person mentioned shortly before.
  void resolve_descriptions() {
    for (std::size_t ti = 0; ti < rec_.titles.size(); ++ti) {
      const TitleMention& t = rec_.titles[ti];
      if (title_person_[ti] >= 0 || t.plural || t.kind == TitleKind::kHonorific) continue;
      if (!definite_near_say(t.first, t.last) || in_quote(t.head)) continue;
      const recognize::Title& title = lex_.titles()[t.title];
      const int person =
          described_person(t.first, t.feminine, {t.feminine ? title.feminine : title.masculine});
      if (person < 0) continue;
      title_person_[ti] = person;
      apply_title(ti, person);
    }
    for (std::size_t m = 0; m < rec_.mentions.size(); ++m) {
      const Mention& mm = rec_.mentions[m];
      const int c = entity(static_cast<int>(m));
      if (c < 0 || mm.type != EntityType::kCountry || !mm.adjective || !tok(mm.first).upper ||
          recognize::dropped(mm))
        continue;
      if (!definite_near_say(mm.first, mm.last) || in_quote(mm.first)) continue;
      const bool feminine = lower(mm.first).ends_with("in");
      const int person = described_person(mm.first, feminine, {});
      if (person < 0) continue;
      description_person_[mm.first] = person;
      add(Predicate::kNationality, person, c, tok(mm.first).sentence, "demonym-description");
    }
  }

  // "der/die" before [first, last) and a verb of saying right before or after it.
  bool definite_near_say(std::uint32_t first, std::uint32_t last) const {
    if (first == 0 || !(lower(first - 1) == "der" || lower(first - 1) == "die")) return false;
    for (const auto* v : verbs_in(tok(first).sentence)) {
      if (v->role != VerbRole::kSay) continue;
      if ((v->last + 1 == first) || (v->first >= last && v->first - last <= 1) || v->last == first)
        return true;
    }
    return false;
  }

  // The person a description beginning at `first` means: among the people of this and the two
  // sentences before, one who holds the title already, else one of the same gender, else the
  // nearest.
  int described_person(std::uint32_t first, bool feminine,
                       const std::vector<std::string>& forms) const {
    const std::uint32_t s = tok(first).sentence;
    const std::uint32_t from = sentence(s >= 2 ? s - 2 : 0).first;
    int nearest = -1;
    int same_gender = -1;
    for (std::uint32_t k = first; k-- > from;) {
      if (const Mention* m = mention_at(k); !m || m->type != EntityType::kPerson) continue;
      const int p = entity(owner(k));
      if (p < 0) continue;
      if (nearest < 0) nearest = p;
      const auto titles = job_titles_.find(p);
      for (const auto& lit :
           titles == job_titles_.end() ? std::vector<std::string>() : titles->second) {
        for (const auto& f : forms) {
          if (!f.empty() && (lit.ends_with(utf8::to_lower(f)) ||
                             lit.find(utf8::to_lower(f) + " ") != std::string::npos))
            return p;
        }
      }
      if (same_gender < 0 && feminine_.count(p) && feminine_.at(p) == feminine) same_gender = p;
    }
    return same_gender >= 0 ? same_gender : nearest;
  }

  // The person entities a clause names: person mentions and titles that stand for a person.
  std::vector<int> persons_in(std::uint32_t first, std::uint32_t last) const {
    std::vector<int> out;
    for (const int m : mentions_in(first, last)) {
      if (rec_.mentions[static_cast<std::size_t>(m)].type == EntityType::kPerson &&
          !in_quote(rec_.mentions[static_cast<std::size_t>(m)].first)) {
        out.push_back(entity(m));
      }
    }
    for (std::uint32_t k = first; k < last; ++k) {
      if (title_at(k) < 0 || rec_.titles[static_cast<std::size_t>(title_at(k))].head != k) continue;
      const std::size_t ti = static_cast<std::size_t>(title_at(k));
      const auto& t = rec_.titles[ti];
      if (title_person_[ti] >= 0) out.push_back(title_person_[ti]);
      // "die beiden Generalsekretäre": everyone with that title.
      if (t.head >= first && t.head < last && t.first > 0 && match_key_is(t.first - 1, "beid")) {
        for (const auto& [person, literals] : job_titles_) {
          for (const auto& literal : literals) {
            if (has_title(literal, lex_.titles()[t.title])) out.push_back(person);
          }
        }
      }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    out.erase(std::remove(out.begin(), out.end(), -1), out.end());
    return out;
  }

  bool match_key_is(std::size_t i, std::string_view key) const {
    return tok(i).kind == TokenKind::kWord && recognize::match_key(lower(i)) == key;
  }

  // Whether a job title is, or ends with, the title or its feminine form ("Außenminister" and
  // "Bundesaußenministerin" are "Minister"); in "Minister für ..." the head is the first noun.
  bool has_title(const std::string& literal, const recognize::Title& title) const {
    std::string head = utf8::to_lower(literal);
    std::size_t w = 0;
    for (std::size_t p = 0; p <= head.size(); ++p) {
      if (p == head.size() || head[p] == ' ') {
        const std::string word = head.substr(w, p - w);
        if (!word.empty() && lex_.title(word)) {
          head = word;
          break;
        }
        w = p + 1;
      }
    }
    return head.ends_with(utf8::to_lower(title.masculine)) ||
           head.ends_with(utf8::to_lower(title.feminine));
  }

  // ---- nationality cues ---------------------------------------------------------------------
  void nationality_cues(std::uint32_t s) {
    const auto& sent = sentence(s);
    for (std::uint32_t k = sent.first; k < sent.last; ++k) {
      // "Ama Owusu aus Südafrika"
      if (person_at(k) >= 0) {
        const int p = person_at(k);
        const Mention& m = *mention_at(k);
        if (m.last + 1 < sent.last && lower(m.last) == "aus" && owner(m.last + 1) >= 0) {
          const int c = entity(owner(m.last + 1));
          if (c >= 0 && type(c) == EntityType::kCountry) {
            add(Predicate::kNationality, p, c, s, "aus-country");
          }
        }
      }
      // "Boris Pistorius (SPD)": the organization in parentheses after a name.
      if (person_at(k) >= 0) {
        const Mention& m = *mention_at(k);
        if (m.last + 2 < sent.last && is_punct(m.last, "(") && is_punct(m.last + 2, ")")) {
          const int o = entity(owner(m.last + 1));
          if (o >= 0 && type(o) == EntityType::kOrganization) {
            add(Predicate::kAffiliation, person_at(k), o, s, "name-organization-in-parentheses");
          }
        }
      }
      // "Zur chinesischen Delegation gehörten ... A ... sowie B": members of a country's
      // delegation.
      if (const int c = k > sent.first ? entity(owner(k - 1)) : -1;
          c >= 0 && type(c) == EntityType::kCountry && tok(k).kind == TokenKind::kWord &&
          lex_.is("delegation", lower(k))) {
        for (const int p : persons_in(sent.first, sent.last))
          add(Predicate::kNationality, p, c, s, "delegation");
      }
      // "sein Land", "ihres Landes": the country named last.
      if (tok(k).kind == TokenKind::kWord && k > sent.first && category(k - 1) == "possessive" &&
          lex_.is("country-noun", lower(k))) {
        const auto persons = persons_in(sent.first, sent.last);
        if (persons.size() != 1) continue;
        const std::uint32_t from = sentence(s > 0 ? s - 1 : 0).first;
        for (std::uint32_t b = k; b-- > from;) {
          const int c = entity(owner(b));
          if (c >= 0 && type(c) == EntityType::kCountry && !mention_at(b)->adjective) {
            if (nationality_of(persons.front()) < 0)
              add(Predicate::kNationality, persons.front(), c, s, "possessive-land");
            break;
          }
        }
      }
    }
  }

  // ---- events -------------------------------------------------------------------------------
  bool is_event(int m) const {
    return m >= 0 && entity(m) >= 0 && type(entity(m)) == EntityType::kEvent;
  }

  // Location, about, organizers and participants of the events of sentence `s`.
  void event_frames(std::uint32_t s) {
    const auto& sent = sentence(s);
    for (std::uint32_t k = sent.first; k < sent.last; ++k) {
      const int m = owner(k);
      if (!is_event(m) || rec_.mentions[static_cast<std::size_t>(m)].first != k || in_quote(k))
        continue;
      const Mention& em = rec_.mentions[static_cast<std::size_t>(m)];
      const int e = entity(m);
      event_location(e, em, sent, s);
      event_about(e, em, sent, s);
    }
    // The roles of a clause come from its cue verbs: a sentence without any has none.
    if (s < verbs_of_.size() && !verbs_of_[s].empty()) {
      for (const auto& [first, last] : clauses(s)) event_roles(s, first, last);
    }
    adoption(s);
    gipfel_compounds(s);
  }

  // "Gipfeltreffen im World Forum in Den Haag", "Pressekonferenz am Donnerstag in Hanoi".
  void event_location(int e, const Mention& em, const text::Sentence& sent, std::uint32_t s) {
    for (std::uint32_t k = em.last; k < sent.last && k < em.last + 8; ++k) {
      if (is_punct(k, ",") || tok(k).kind == TokenKind::kOpenQuote || is_event(owner(k))) break;
      const std::string_view w = lower(k);
      if (!(w == "in" || w == "im" || w == "am")) continue;
      std::uint32_t n = k + 1;
      // "im Genfer Palais des Nations": the venue after the city adjective.
      while (n < sent.last && adjective_at(n)) ++n;
      if (n < sent.last && category(n) == "article") ++n;
      const int pm = n < sent.last ? owner(n) : -1;
      const int p = entity(pm);
      if (p >= 0 && (type(p) == EntityType::kPlace || type(p) == EntityType::kCountry) &&
          !rec_.mentions[static_cast<std::size_t>(pm)].adjective) {
        add(Predicate::kLocation, e, p, s, "event-in-place");
        return;
      }
    }
  }

  // "Unterzeichnungszeremonie des Übereinkommens", "Zeremonie zur Unterzeichnung des ...".
  void event_about(int e, const Mention& em, const text::Sentence& sent, std::uint32_t s) {
    // "der Staatsbesuch des brasilianischen Präsidenten Rodrigo Teixeira": whose event it is.
    if (em.last + 1 < sent.last && (lower(em.last) == "des" || lower(em.last) == "der")) {
      for (std::uint32_t n = em.last + 1; n < sent.last && n < em.last + 8; ++n) {
        if (person_at(n) >= 0) {
          add(Predicate::kParticipant, e, person_at(n), s, "event-genitive-person");
          break;
        }
        if (!(title_at(n) >= 0 || adjective_at(n) || listed_value("article", n))) {
          break;
        }
      }
    }
    std::uint32_t k = em.last;
    if (k + 1 < sent.last && (lower(k) == "zur" || lower(k) == "zum")) k += 2;
    if (!(k < sent.last && (lower(k) == "des" || lower(k) == "der" || lower(k) == "über" ||
                            lower(k) == "zum" || lower(k) == "zur" || lower(k) == "von"))) {
      return;
    }
    for (std::uint32_t n = k + 1; n < sent.last && n < k + 4; ++n) {
      const int a = entity(owner(n));
      if (a >= 0 && type(a) == EntityType::kAgreement) {
        add(Predicate::kAbout, e, a, s, "event-genitive-agreement");
        return;
      }
      if (owner(n) >= 0) return;
    }
  }

  // "Gipfelerklärung": an agreement named after an event of the report is about... the event is
  // about it.
  void gipfel_compounds(std::uint32_t s) {
    const auto& sent = sentence(s);
    for (const int m : mentions_in(sent.first, sent.last)) {
      const Mention& am = rec_.mentions[static_cast<std::size_t>(m)];
      if (am.type != EntityType::kAgreement || entity(m) < 0) continue;
      const std::string& written = am.name;
      const auto head = lex_.agreement_noun(utf8::to_lower(written.substr(0, written.find(' '))));
      if (!head || head->prefix.empty()) continue;
      const auto event_head = lex_.event_noun(head->prefix);
      if (!event_head) continue;
      const std::string& cls = lex_.events()[event_head->index].cls;
      for (std::size_t e = 0; e < res_.entities.size(); ++e) {
        if (res_.entities[e].type == EntityType::kEvent && res_.entities[e].cls == cls &&
            !res_.entities[e].plural) {
          add(Predicate::kAbout, static_cast<int>(e), entity(m), s, "event-compound-agreement");
          break;
        }
      }
    }
  }

  // "auf der Weltgesundheitsversammlung ... das Pandemieabkommen angenommen".
  void adoption(std::uint32_t s) {
    const auto& sent = sentence(s);
    bool verb = false;
    for (const auto* v : verbs_in(s))
      verb = verb || v->role == VerbRole::kAdopt || v->role == VerbRole::kSign;
    if (!verb) return;
    int event = -1;
    int agreement = -1;
    for (const int m : mentions_in(sent.first, sent.last)) {
      const int e = entity(m);
      if (e < 0 || in_quote(rec_.mentions[static_cast<std::size_t>(m)].first)) continue;
      if (type(e) == EntityType::kEvent && ent(e).event_kind == EventKind::kHappening && event < 0)
        event = e;
      if (type(e) == EntityType::kAgreement && agreement < 0) agreement = e;
    }
    if (event >= 0 && agreement >= 0)
      add(Predicate::kAbout, event, agreement, s, "adoption-at-event");
  }

  // The last event mentioned before `token`, in its sentence or the three before.
  int last_event_before(std::uint32_t token, bool happening_only) const {
    const std::uint32_t s = token < t_.tokens.size()
                                ? tok(token).sentence
                                : static_cast<std::uint32_t>(t_.sentences.size() - 1);
    const std::uint32_t from = sentence(s >= 3 ? s - 3 : 0).first;
    for (std::uint32_t k = token; k-- > from;) {
      const int m = owner(k);
      if (is_event(m) && !in_quote(k)) {
        const auto& e = ent(entity(m));
        if (!happening_only || (e.event_kind == EventKind::kHappening && !e.plural))
          return entity(m);
      }
    }
    return -1;
  }

  // Cue verbs and nouns in a clause: organizers ("abgehalten", "Gastgeber", "leiteten", "in
  // Abstimmung mit"), participants ("nahmen teil", "wohnten bei", "begleitet"), speakers at an
  // event ("sagte auf der Pressekonferenz").
  void event_roles(std::uint32_t s, std::uint32_t first, std::uint32_t last) {
    std::vector<VerbRole> roles;
    for (const auto* v : verbs_in(s)) {
      if (v->first >= first && v->first < last) roles.push_back(v->role);
    }
    const auto has = [&](VerbRole r) {
      return std::find(roles.begin(), roles.end(), r) != roles.end();
    };
    // The event of the clause: the one after the verb, else any in the clause, else the last
    // before.
    int event = -1;
    bool speech_frame = false;
    for (std::uint32_t k = first; k < last; ++k) {
      if (!is_event(owner(k)) || in_quote(k)) continue;
      const int e = entity(owner(k));
      // "auf der Pressekonferenz", "In seiner Abschlussrede": where someone spoke.
      std::uint32_t b = mention_at(k)->first;
      while (b > first && (category(b - 1) == "article" || category(b - 1) == "possessive" ||
                           (tok(b - 1).kind == TokenKind::kWord && !tok(b - 1).upper &&
                            lower(b - 1).size() > 3 && category(b - 1).empty()))) {
        --b;
      }
      const std::string_view prep = b > first ? lower(b - 1) : std::string_view();
      if (prep == "auf" || prep == "bei" || prep == "während" || prep == "nach" ||
          (prep == "in" && ent(e).event_kind == EventKind::kSpeech)) {
        speech_frame = true;
        if (event < 0 || has(VerbRole::kSay)) event = e;
        continue;
      }
      // "Im Anschluss an die Gespräche": an event used to date another is not the one meant.
      if (b >= first + 2 && lex_.is("sequence", lower(b - 2))) continue;
      if (event < 0 || !has(VerbRole::kSay)) event = e;
    }
    const bool organize = has(VerbRole::kOrganize);
    const bool participate =
        has(VerbRole::kParticipate) || has(VerbRole::kMeet) || has(VerbRole::kSign);
    const bool say_at = has(VerbRole::kSay) && speech_frame;
    if (!organize && !participate && !say_at) return;
    for (std::uint32_t k = first; k < last; ++k) {
      if (tok(k).kind == TokenKind::kWord && !in_quote(k) && listed_value("negation", k)) return;
    }
    bool fallback = false;
    // Without an event in the clause, people (not organizations) take part in the event of the
    // last two sentences ("Xi wurde von seiner Ehefrau Eva Lind begleitet").
    if (event < 0 && participate) {
      const std::uint32_t from = sentence(s >= 2 ? s - 2 : 0).first;
      event = last_event_before(first, true);
      // An entity's mentions are in text order: its last one tells whether it is that recent.
      if (event >= 0 &&
          (ent(event).mentions.empty() ||
           rec_.mentions[static_cast<std::size_t>(ent(event).mentions.back())].first < from)) {
        event = -1;
      }
      fallback = true;
    }
    if (event < 0 && organize && led_organization(s, first, last)) return;
    // "Gastgeber war ...", "Den Vorsitz führte ...": of the event just spoken of.
    if (event < 0 && organize) {
      event = last_event_before(first, true);
      fallback = true;
    }
    if (event < 0) return;
    // Agents: people and organizations of the clause that are not part of a title or quote,
    // and countries that host or sign ("Die Sitzung wurde von Algerien geleitet", "Estland war
    // Gastgeber", "Südafrika, die EU und elf weitere Staaten unterzeichneten").
    struct Agent {
      std::uint32_t first, last;
      int entity;
    };
    std::vector<Agent> agents;
    for (const int m : mentions_in(first, last)) {
      const Mention& mm = rec_.mentions[static_cast<std::size_t>(m)];
      const int e = entity(m);
      if (e < 0 || in_quote(mm.first)) continue;
      if (type(e) == EntityType::kPerson) {
        agents.push_back({mm.first, mm.last, e});
      } else if (title_at(mm.first) >= 0) {
        continue;
      } else if (!fallback && type(e) == EntityType::kOrganization && mm.parent < 0 &&
                 !is_genitive_of_event(mm)) {
        agents.push_back({mm.first, mm.last, e});
      } else if ((organize || has(VerbRole::kSign)) && type(e) == EntityType::kCountry &&
                 !mm.adjective && !(mm.first > first && lower(mm.first - 1) == "in")) {
        agents.push_back({mm.first, mm.last, e});
      }
    }
    for (std::uint32_t k = first; k < last; ++k) {
      const int ti = title_at(k);
      if (ti < 0 || rec_.titles[static_cast<std::size_t>(ti)].head != k) continue;
      const auto& t = rec_.titles[static_cast<std::size_t>(ti)];
      // A title standing for a person, or "die beiden Generalsekretäre" for everyone with it.
      for (const int p : persons_in(t.first, t.last)) agents.push_back({t.first, t.last, p});
    }
    // ", die als Beobachterin an der Pressekonferenz teilnahm": a relative clause's subject is
    // the person named right before it.
    if (agents.empty() && first > sentence(s).first && is_punct(first - 1, ",") &&
        listed_value("article", first)) {
      for (std::uint32_t k = first - 1; k-- > sentence(s).first && k + 6 > first;) {
        if (const Mention* pm = mention_at(k); pm && pm->type == EntityType::kPerson) {
          agents.push_back({pm->first, pm->last, entity(owner(k))});
          break;
        }
      }
    }
    std::sort(agents.begin(), agents.end(),
              [](const Agent& a, const Agent& b) { return a.first < b.first; });
    const char* rule = organize ? "organizer-cue"
                       : say_at ? "speaker-at-event"
                                : "participation-cue";
    // Who hosts is the subject: the first agent and those joined to it ("Berg und Falk", "das
    // Ministerium ... in Abstimmung mit dem Außenministerium"); a later one is a guest ("hat ihre
    // Amtskollegin Kadri Tamm zu Gesprächen empfangen").
    bool subject = true;
    for (std::size_t a = 0; a < agents.size(); ++a) {
      if (a > 0 && subject && !joined(agents[a - 1].last, agents[a].first)) subject = false;
      const Predicate p = organize && subject ? Predicate::kOrganizer : Predicate::kParticipant;
      add(p, event, agents[a].entity, s, organize && !subject ? "guest-of-host" : rule);
    }
  }

  // Only coordination, articles, titles, names or a cue phrase between two agents.
  bool joined(std::uint32_t from, std::uint32_t to) const {
    for (std::uint32_t k = from; k < to; ++k) {
      const bool glue = is_punct(k, ",") ||
                        (tok(k).kind == TokenKind::kWord &&
                         (listed_value("conjunction", k) || listed_value("article", k))) ||
                        title_at(k) >= 0 || owner(k) >= 0 || in_phrase_verb(k);
      if (!glue) return false;
    }
    return true;
  }

  bool in_phrase_verb(std::uint32_t k) const {
    for (const auto* v : verbs_in(tok(k).sentence)) {
      if (v->last - v->first > 1 && k >= v->first && k < v->last) return true;
    }
    return false;
  }

  // "Geleitet wurde das Gremium von zwei Ko-Vorsitzenden: A und B": the people who lead an
  // organization belong to it.
  bool led_organization(std::uint32_t s, std::uint32_t first, std::uint32_t last) {
    int org = -1;
    for (const int m : mentions_in(first, last)) {
      const Mention& mm = rec_.mentions[static_cast<std::size_t>(m)];
      const int e = entity(m);
      if (e < 0 || in_quote(mm.first) || title_at(mm.first) >= 0 ||
          type(e) != EntityType::kOrganization)
        continue;
      if (org >= 0 && org != e) return false;  // which one is led is unclear
      org = e;
    }
    if (org < 0) return false;
    for (const int p : persons_in(first, last))
      add(Predicate::kAffiliation, p, org, s, "leads-organization");
    return true;
  }

  // "Vertreter aus Kenia, Brasilien und Indonesien würdigten ...": countries represented at the
  // event of the sentence, or at the last one before.
  void representatives(std::uint32_t s) {
    const auto& sent = sentence(s);
    for (const std::size_t ti : titles_of_[s]) {
      const auto& t = rec_.titles[ti];
      if (t.kind != TitleKind::kRole || t.last >= sent.last) continue;
      // "Vertreter der Europäischen Kommission nahmen teil": the body takes part.
      if (entity(t.organization) >= 0 &&
          type(entity(t.organization)) == EntityType::kOrganization && t.plural_form) {
        const int event = event_of_sentence(s);
        if (event >= 0 && clause_has_role(s, t.head, {VerbRole::kParticipate, VerbRole::kMeet})) {
          add(Predicate::kParticipant, event, entity(t.organization), s, "representatives-of");
        }
        continue;
      }
      if (lower(t.last) != "aus") continue;
      std::vector<int> countries;
      for (std::uint32_t k = t.last + 1; k < sent.last; ++k) {
        const int e = entity(owner(k));
        if (e >= 0 && type(e) == EntityType::kCountry) {
          if (countries.empty() || countries.back() != e) countries.push_back(e);
        } else if (!(is_punct(k, ",") || listed_value("conjunction", k))) {
          break;
        }
      }
      if (countries.empty()) continue;
      const int event = event_of_sentence(s);
      for (const int c : countries)
        add(Predicate::kParticipant, event, c, s, "representatives-from");
    }
  }

  // The event a sentence speaks of: its own first, else the last one before.
  int event_of_sentence(std::uint32_t s) const {
    const auto& sent = sentence(s);
    for (std::uint32_t k = sent.first; k < sent.last; ++k) {
      if (is_event(owner(k)) && !in_quote(k)) return entity(owner(k));
    }
    return last_event_before(sent.first, true);
  }

  // A cue verb of one of `roles` in the clause of token `k`.
  bool clause_has_role(std::uint32_t s, std::uint32_t k,
                       std::initializer_list<VerbRole> roles) const {
    for (const auto& [first, last] : clauses(s)) {
      if (k < first || k >= last) continue;
      for (const auto* v : verbs_in(s)) {
        if (v->first >= first && v->first < last &&
            std::find(roles.begin(), roles.end(), v->role) != roles.end()) {
          return true;
        }
      }
    }
    return false;
  }

  bool is_genitive_of_event(const Mention& m) const {
    return m.first >= 2 && (lower(m.first - 1) == "des" || lower(m.first - 1) == "der") &&
           is_event(owner(m.first - 2));
  }

  // ---- quantities ---------------------------------------------------------------------------
  void quantities(std::uint32_t s) {
    for (const std::size_t qi : quantities_of_[s]) {
      const auto& q = rec_.quantities[qi];
      Quantity out;
      out.value = q.value;
      out.unit = q.unit;
      out.qualifier = q.qualifier;
      out.first = q.first;
      out.last = q.last;
      std::string rule;
      out.subject = quantity_subject(q, s, rule);
      out.evidence = {s, rule};
      if (out.subject >= 0) out_.quantities.push_back(std::move(out));
    }
  }

  int quantity_subject(const recognize::QuantityMention& q, std::uint32_t s,
                       std::string& rule) const {
    const auto& sent = sentence(s);
    if (entity(q.modifies) >= 0) {
      rule = "quantity-modifies";
      return entity(q.modifies);
    }
    if (entity(q.counted) >= 0) {
      rule = "quantity-counts-event";
      return entity(q.counted);
    }
    const std::string unit_key(recognize::match_key(utf8::to_lower(q.unit)));
    // "32 NATO-Mitgliedstaaten", "Der WHO gehören 194 Mitgliedstaaten an": members of an
    // organization.
    const bool members = unit_key.find("mitglied") != std::string::npos;
    const bool role = q.unit_last > q.unit_first && title_at(q.unit_last - 1) >= 0;
    if (members || role) {
      // "32 NATO-Mitgliedstaaten": the organization in the counted word itself.
      for (auto it = prefix_mentions_.lower_bound(q.unit_first);
           it != prefix_mentions_.end() && it->first < q.unit_last; ++it) {
        const int prefix = it->second;
        if (entity(prefix) >= 0 && type(entity(prefix)) == EntityType::kOrganization) {
          rule = "quantity-members";
          return entity(prefix);
        }
      }
      // "die 35 Mitglieder ihres Gouverneursrats": the organization in the genitive after.
      std::uint32_t g = q.unit_last;
      if (g < sent.last && listed_value("article", g)) ++g;
      if (g < sent.last && listed_value("possessive", g)) ++g;
      if (g < sent.last && entity(owner(g)) >= 0 &&
          type(entity(owner(g))) == EntityType::kOrganization) {
        rule = "quantity-members";
        return entity(owner(g));
      }
      for (const int m : mentions_in(sent.first, sent.last)) {
        if (type(entity(m)) == EntityType::kOrganization) {
          rule = "quantity-members";
          return entity(m);
        }
      }
    }
    const auto nearest = [&](EntityType want, bool before) -> int {
      if (before) {
        for (std::uint32_t k = q.first; k-- > sent.first;) {
          const int e = entity(owner(k));
          if (e >= 0 && type(e) == want && !in_quote(k)) return e;
        }
      } else {
        for (std::uint32_t k = q.last; k < sent.last; ++k) {
          const int e = entity(owner(k));
          if (e >= 0 && type(e) == want && !in_quote(k)) return e;
        }
      }
      return -1;
    };
    for (const auto& [want, before, name] :
         {std::tuple{EntityType::kEvent, true, "quantity-event-before"},
          std::tuple{EntityType::kAgreement, true, "quantity-agreement-before"},
          std::tuple{EntityType::kEvent, false, "quantity-event-after"},
          std::tuple{EntityType::kAgreement, false, "quantity-agreement-after"},
          std::tuple{EntityType::kPerson, true, "quantity-person"},
          std::tuple{EntityType::kPerson, false, "quantity-person"}}) {
      if (const int e = nearest(want, before); e >= 0) {
        rule = name;
        return e;
      }
    }
    // "Deutschland beteiligt sich mit 1,2 Milliarden Euro": the country or organization the
    // sentence is about (its first words).
    {
      std::uint32_t k = sent.first;
      if (k < sent.last && listed_value("article", k)) ++k;
      const int e = k < sent.last ? entity(owner(k)) : -1;
      if (e >= 0 && (type(e) == EntityType::kOrganization || type(e) == EntityType::kCountry) &&
          !mention_at(k)->adjective) {
        rule = "quantity-subject";
        return e;
      }
    }
    // The agreement or event the previous sentences were about, else the report's main event.
    const std::uint32_t from = sentence(s >= 3 ? s - 3 : 0).first;
    for (const EntityType want : {EntityType::kAgreement, EntityType::kEvent}) {
      for (std::uint32_t k = sent.first; k-- > from;) {
        const int e = entity(owner(k));
        if (e >= 0 && type(e) == want && !in_quote(k)) {
          rule = "quantity-context";
          return e;
        }
      }
    }
    if (main_event_ >= 0) {
      rule = "quantity-main-event";
      return main_event_;
    }
    for (const int m : mentions_in(sent.first, sent.last)) {
      const int e = entity(m);
      if (e >= 0 && (type(e) == EntityType::kOrganization || type(e) == EntityType::kCountry)) {
        rule = "quantity-organization";
        return e;
      }
    }
    return -1;
  }

  // ---- facts from names and the gazetteer ---------------------------------------------------
  void entity_facts() {
    for (std::size_t i = 0; i < rec_.mentions.size(); ++i) {
      const Mention& m = rec_.mentions[i];
      const int e = entity(static_cast<int>(i));
      if (e < 0 || recognize::dropped(m)) continue;
      const std::uint32_t s = tok(m.first).sentence;
      if (m.type == EntityType::kOrganization) {
        if (const int parent = entity(m.parent);
            parent >= 0 && type(parent) == EntityType::kOrganization) {
          add(Predicate::kParentOrganization, e, parent, s, "organization-genitive");
        }
        if (m.qualifier.size() == 2)
          add(Predicate::kCountry, e, country_entity(m.qualifier), s, "organization-country");
      }
      if (m.type == EntityType::kPlace) {
        // "World Forum in Den Haag", "Den Haag (Niederlande)", "im Genfer Palais des Nations".
        int container = -1;
        // "X in Y" says where a venue is; after a region or city it usually says where
        // something happens ("die Waffenruhe im Gazastreifen in Kairo").
        if (m.last + 1 < t_.tokens.size() && lower(m.last) == "in" && m.key.empty())
          container = entity(owner(m.last + 1));
        if (container < 0 && is_punct(m.last, "(")) container = entity(owner(m.last + 1));
        if (container < 0 && m.first > 0 && adjective_at(m.first - 1)) {
          container = entity(owner(m.first - 1));
        }
        // "World Conference Center Bonn": a venue whose name ends with its city.
        if (container < 0 && m.key.empty() && m.last > m.first + 1) {
          const int inner = owner(m.last - 1);
          if (inner >= 0 && rec_.mentions[static_cast<std::size_t>(inner)].last == m.last &&
              rec_.mentions[static_cast<std::size_t>(inner)].first > m.first) {
            container = entity(inner);
          }
        }
        if (container >= 0 && container != e &&
            (type(container) == EntityType::kPlace || type(container) == EntityType::kCountry)) {
          add(Predicate::kContainedInPlace, e, container, s, "place-in-place");
        }
      }
    }
    // Known facts of the gazetteer, between entities the report names.
    for (std::size_t e = 0; e < res_.entities.size(); ++e) {
      const auto& entity = res_.entities[e];
      const std::uint32_t s =
          tok(rec_.mentions[static_cast<std::size_t>(entity.mentions.front())].first).sentence;
      if (entity.type == EntityType::kPlace && !entity.country.empty()) {
        add(Predicate::kContainedInPlace, static_cast<int>(e), country_entity(entity.country), s,
            "gazetteer-country");
      }
      if (entity.type == EntityType::kOrganization && !entity.parent.empty()) {
        for (std::size_t p = 0; p < res_.entities.size(); ++p) {
          if (res_.entities[p].type == EntityType::kOrganization &&
              res_.entities[p].label == entity.parent) {
            add(Predicate::kParentOrganization, static_cast<int>(e), static_cast<int>(p), s,
                "gazetteer-parent");
          }
        }
      }
      if (entity.type == EntityType::kOrganization && !entity.country.empty()) {
        add(Predicate::kCountry, static_cast<int>(e), country_entity(entity.country), s,
            "gazetteer-country");
      }
    }
  }

  // ---- quotes -------------------------------------------------------------------------------
  void quotes() {
    for (const auto& q : rec_.quotes) {
      const std::uint32_t s_open = tok(q.open).sentence;
      const std::uint32_t s_close = tok(q.close).sentence;
      const std::uint32_t first = sentence(s_open).first;
      const std::uint32_t last = sentence(s_close).last;
      // The speaker: a person outside the quote next to a verb of saying, else the only person.
      int speaker = -1;
      std::uint32_t best = UINT32_MAX;
      std::uint32_t speaker_sentence = s_open;
      bool say = false;
      for (const auto* vp : verbs_in(s_open, s_close)) {
        const auto& v = *vp;
        if (v.role != VerbRole::kSay || (v.first > q.open && v.first < q.close)) continue;
        say = true;
        for (const int p : persons_near(first, last, q)) {
          const std::uint32_t d = distance(p, v.first, first, last, q);
          if (d < best) {
            best = d;
            speaker = p;
            speaker_sentence = tok(v.first).sentence;  // the sentence that names the speaker
          }
        }
      }
      if (!say) continue;
      // "Sie nannte die Liste einen „echten Fortschritt“": a pronoun as the speaker means the
      // person of that gender named shortly before.
      if (speaker < 0) {
        for (std::uint32_t k = first; k < last && speaker < 0; ++k) {
          if (k >= q.open && k <= q.close) continue;
          if (tok(k).kind == TokenKind::kWord && (lower(k) == "er" || lower(k) == "sie") &&
              listed_value("pronoun", k)) {
            speaker = described_person(k, lower(k) == "sie", {});
            speaker_sentence = tok(k).sentence;
          }
        }
      }
      if (speaker < 0) continue;
      Quote out;
      out.speaker = speaker;
      out.begin = tok(q.open + 1).begin;
      out.end = tok(q.close - 1).end;
      out.evidence = {speaker_sentence, "quote-speaker"};
      out_.quotes.push_back(out);
      // "Auf dieser Konferenz ...": a speaker who says "this conference" was there.
      for (std::uint32_t k = q.open + 1; k < q.close; ++k) {
        if (is_event(owner(k)) && k > 0 && listed_value("article", k - 1) == "demonstrative") {
          add(Predicate::kParticipant, entity(owner(k)), speaker, s_open, "speaker-this-event");
        }
      }
    }
  }

  std::vector<int> persons_near(std::uint32_t first, std::uint32_t last,
                                const recognize::QuoteMention& q) const {
    std::vector<int> out;
    for (std::uint32_t k = first; k < last; ++k) {
      if (k >= q.open && k <= q.close) continue;
      if (person_at(k) >= 0) out.push_back(person_at(k));
      if (const auto d = description_person_.find(k); d != description_person_.end())
        out.push_back(d->second);
      if (title_at(k) >= 0 && rec_.titles[static_cast<std::size_t>(title_at(k))].first == k &&
          title_person_[static_cast<std::size_t>(title_at(k))] >= 0) {
        out.push_back(title_person_[static_cast<std::size_t>(title_at(k))]);
      }
    }
    return out;
  }

  // Token distance between a person entity's nearest mention (or title) in [first, last) and `k`.
  std::uint32_t distance(int person, std::uint32_t k, std::uint32_t first, std::uint32_t last,
                         const recognize::QuoteMention& q) const {
    std::uint32_t best = UINT32_MAX;
    for (std::uint32_t i = first; i < last; ++i) {
      if (i >= q.open && i <= q.close) continue;
      bool hit = person_at(i) == person;
      if (!hit) {
        const auto d = description_person_.find(i);
        hit = d != description_person_.end() && d->second == person;
      }
      if (!hit && title_at(i) >= 0)
        hit = title_person_[static_cast<std::size_t>(title_at(i))] == person;
      if (hit) best = std::min(best, i > k ? i - k : k - i);
    }
    return best;
  }

  void dedupe() {
    auto& rels = out_.relations;
    std::vector<Relation> unique;
    std::set<std::tuple<int, int, int, std::string>> seen;
    for (auto& r : rels) {
      if (r.subject < 0 || (r.object < 0 && r.predicate != Predicate::kJobTitle)) continue;
      if (seen.insert({static_cast<int>(r.predicate), r.subject, r.object, r.literal}).second)
        unique.push_back(std::move(r));
    }
    rels = std::move(unique);
  }

  const text::Text& t_;
  const recognize::Recognized& rec_;
  const resolve::Resolved& res_;
  const recognize::Lexicon& lex_;
  Facts out_;
  std::vector<int> owner_;         // token → innermost resolved mention
  std::vector<int> starting_;      // the mentions that own their first token, in text order
  std::vector<int> title_of_;      // token → title
  std::vector<int> title_person_;  // title → person entity
  std::unordered_map<int, int> nationality_;   // person → first nationality
  std::vector<std::string> org_country_;       // entity → ISO code of an organization's country
  std::map<std::string, int> country_of_iso_;  // ISO code → the first country entity
  const std::vector<recognize::Lexicon::WordId>* words_ = &rec_.words;  // of each token
  std::vector<recognize::Lexicon::WordId> looked_up_;  // words when the recognizer gave none
  std::vector<std::pair<int, std::string>> organization_labels_;  // entity, lower-case label
  std::unordered_map<int, std::vector<std::string>> job_titles_;  // person → titles (lower case)
  std::vector<bool> in_quote_;
  int main_event_ = -1;  // the happening the report is mostly about                           //
                         // token → inside quotation marks
  std::map<std::uint32_t, int> description_person_;  // first token of "die Dänin" → person
  std::map<int, bool> feminine_;                     // person → known from a gendered title
  std::vector<std::vector<const recognize::VerbMention*>> verbs_of_;  // sentence → verbs
  std::vector<std::vector<std::size_t>> titles_of_;                   // sentence → titles
  std::vector<std::vector<std::size_t>> quantities_of_;               // sentence → quantities
  std::multimap<std::uint32_t, int>
      prefix_mentions_;  // token → mention of its compound's first part
};

}  // namespace

Facts relate(const text::Text& text, const recognize::Recognized& recognized,
             const resolve::Resolved& resolved, const recognize::Lexicon& lexicon) {
  return Relater(text, recognized, resolved, lexicon).run();
}

}  // namespace reportkg::relate
