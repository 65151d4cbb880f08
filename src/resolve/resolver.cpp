#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "base/strings.hpp"
#include "base/utf8.hpp"
#include "resolve/entity.hpp"

namespace reportkg::resolve {
namespace {

using recognize::EventKind;
using recognize::Mention;

// Key of a name for comparisons: inflection-insensitive words, joined by spaces.
std::string name_key(std::string_view name) {
  std::string key;
  std::string lower;  // of one word
  std::size_t start = 0;
  for (std::size_t i = 0; i <= name.size(); ++i) {
    if (i < name.size() && name[i] != ' ' && name[i] != '-') continue;
    if (i > start) {
      if (!key.empty()) key += ' ';
      lower.clear();
      utf8::append_lower(lower, name.substr(start, i - start));
      key += recognize::match_key(lower);
    }
    start = i + 1;
  }
  return key;
}

// Qualifier of an agreement for comparisons: lower case without hyphens and spaces.
std::string squash(std::string_view s) {
  std::string out;
  for (const char c : utf8::to_lower(s)) {
    if (c != '-' && c != ' ') out += c;
  }
  return out;
}

bool compatible_qualifiers(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  return a == b || a.ends_with(b) || b.ends_with(a) || a.starts_with(b) || b.starts_with(a);
}

// The last word of a name, lower case ("Zwischenstaatliches Verhandlungsgremium" →
// "verhandlungsgremium").
std::string head_word(std::string_view name) {
  const auto sp = name.rfind(' ');
  return utf8::to_lower(sp == std::string_view::npos ? name : name.substr(sp + 1));
}

std::string first_word(std::string_view name) {
  const auto sp = name.find(' ');
  return utf8::to_lower(sp == std::string_view::npos ? name : name.substr(0, sp));
}

class Resolver {
 public:
  Resolver(const recognize::Recognized& rec, const recognize::Lexicon& lex) : rec_(rec), lex_(lex) {
    out_.entity_of.assign(rec.mentions.size(), -1);
  }

  Resolved run() {
    // A plural event noun names one event only when counted ("37 Nebenveranstaltungen"); else
    // it speaks of events in general ("Angriffe im Sudan").
    counted_.assign(rec_.mentions.size(), false);
    for (const auto& q : rec_.quantities) {
      if (q.counted >= 0 && static_cast<std::size_t>(q.counted) < counted_.size())
        counted_[static_cast<std::size_t>(q.counted)] = true;
    }
    // Named mentions first, in text order, then the references to them.
    order_ = sorted_mentions();
    position_.assign(rec_.mentions.size(), 0);
    for (std::size_t i = 0; i < order_.size(); ++i)
      position_[static_cast<std::size_t>(order_[i])] = i;
    // Each mention resolved makes one entity at most: the entities never move while they are
    // made (an entity is some hundred bytes of strings and vectors).
    out_.entities.reserve(order_.size());
    padded_keys_.reserve(order_.size());
    lower_labels_.reserve(order_.size());
    for (const int m : order_) {
      const Mention& mention = rec_.mentions[static_cast<std::size_t>(m)];
      // In a quote only names of the gazetteer's kinds count; a person, event or agreement
      // there must be known from outside it.
      if (mention.reference || (mention.in_quote && (mention.type == EntityType::kPerson ||
                                                     mention.type == EntityType::kEvent ||
                                                     mention.type == EntityType::kAgreement))) {
        continue;
      }
      switch (mention.type) {
        case EntityType::kCountry:
          assign(m, by_key(EntityType::kCountry, mention.key, mention));
          break;
        case EntityType::kPlace:
          assign(m, by_key(EntityType::kPlace,
                           mention.key.empty() ? name_key(mention.name) : mention.key, mention));
          break;
        case EntityType::kOrganization:
          assign(m, by_key(EntityType::kOrganization,
                           mention.key.empty() ? name_key(mention.name) : mention.key, mention));
          break;
        case EntityType::kPerson:
          assign(m, person(mention));
          break;
        case EntityType::kEvent:
          assign(m, event(mention));
          break;
        case EntityType::kAgreement:
          assign(m, agreement(mention));
          break;
      }
    }
    for (const int m : order_) {
      const Mention& mention = rec_.mentions[static_cast<std::size_t>(m)];
      if (out_.entity_of[static_cast<std::size_t>(m)] >= 0) continue;
      assign(m, reference(m, mention));
    }
    finish();
    return std::move(out_);
  }

 private:
  std::vector<int> sorted_mentions() const {
    std::vector<int> order;
    for (std::size_t i = 0; i < rec_.mentions.size(); ++i) {
      const Mention& m = rec_.mentions[i];
      if (recognize::dropped(m)) continue;
      if (m.type == EntityType::kEvent && m.plural && !counted_[i]) continue;
      order.push_back(static_cast<int>(i));
    }
    std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
      return rec_.mentions[static_cast<std::size_t>(a)].begin <
             rec_.mentions[static_cast<std::size_t>(b)].begin;
    });
    return order;
  }

  void assign(int mention, int entity) {
    if (entity < 0) return;
    out_.entity_of[static_cast<std::size_t>(mention)] = entity;
    out_.entities[static_cast<std::size_t>(entity)].mentions.push_back(mention);
  }

  int create(EntityType type, const Mention& m) {
    Entity e;
    e.type = type;
    e.label = m.name;
    e.cls = m.cls;
    e.event_kind = m.event_kind;
    e.plural = m.plural;
    e.distinct = m.distinct;
    out_.entities.push_back(std::move(e));
    const int index = static_cast<int>(out_.entities.size()) - 1;
    if (type == EntityType::kAgreement) agreements_.push_back(index);
    padded_keys_.emplace_back();
    lower_labels_.push_back(type == EntityType::kEvent ? utf8::to_lower(m.name) : std::string());
    return index;
  }

  int by_key(EntityType type, const std::string& key, const Mention& m) {
    typed_key_.assign(recognize::type_name(type)).append("\t").append(key);
    if (const int* e = keys_.find(typed_key_)) return *e;
    const int e = create(type, m);
    keys_.try_emplace(typed_key_, e);
    if (!m.abbreviation.empty()) abbreviations_[m.abbreviation] = e;
    return e;
  }

  // Persons: the same full name, or a name that extends a known one.
  int person(const Mention& m) {
    const std::string key = name_key(m.name);
    // Candidates share a word of the name.
    const std::vector<std::string> words = recognize::name_words(key);
    std::vector<int> candidates;
    for (const auto& w : words) {
      if (const std::vector<int>* list = person_words_.find(w))
        candidates.insert(candidates.end(), list->begin(), list->end());
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    const std::string padded = " " + key + " ";
    for (const int e : candidates) {
      Entity& ent = out_.entities[static_cast<std::size_t>(e)];
      // The same key, or one within the other, word by word.
      const std::string& ek = padded_keys_[static_cast<std::size_t>(e)];
      if (ek == padded || ek.find(padded) != std::string::npos ||
          padded.find(ek) != std::string::npos) {
        if (m.name.size() > ent.label.size()) {
          ent.label = m.name;
          index_person(e, words, padded);
        }
        return e;
      }
    }
    const int e = create(EntityType::kPerson, m);
    index_person(e, words, padded);
    return e;
  }

  // Records the label key of person `e`: its words, and the key between two spaces.
  void index_person(int e, const std::vector<std::string>& words, const std::string& padded) {
    padded_keys_[static_cast<std::size_t>(e)] = padded;
    for (const auto& w : words) {
      auto& list = person_words_[w];
      if (std::find(list.begin(), list.end(), e) == list.end()) list.push_back(e);
    }
  }

  // Events: one entity per class in a report, except events marked as distinct ("der nächste
  // Gipfel") and plurals, which stand for several.
  int event(const Mention& m) {
    if (m.fresh && !m.cls.empty() && m.cls != "generic") {
      // A new event of its class: later references to the class mean this one.
      const int e = create(EntityType::kEvent, m);
      event_classes_[m.cls] = e;
      return e;
    }
    if (!m.distinct && !m.cls.empty() && m.cls != "generic") {
      if (const int* e = event_classes_.find(m.cls)) return *e;
    }
    if (m.cls == "generic") return -1;  // "die Veranstaltung": a reference, resolved later
    const int e = create(EntityType::kEvent, m);
    if (!m.distinct && !m.cls.empty()) event_classes_[m.cls] = e;
    return e;
  }

  // Agreements: named mentions of one class with compatible names are one agreement.
  int agreement(const Mention& m) {
    const std::string q = squash(m.qualifier);
    for (auto& [e, qualifiers] : agreement_qualifiers_) {
      if (out_.entities[static_cast<std::size_t>(e)].cls != m.cls) continue;
      for (const auto& other : qualifiers) {
        if (compatible_qualifiers(q, other)) {
          qualifiers.insert(q);
          return e;
        }
      }
    }
    const int e = create(EntityType::kAgreement, m);
    agreement_qualifiers_[e].insert(q);
    return e;
  }

  // The most recent entity (before `m`, else after unless `before_only`) of `type` whose index
  // satisfies `ok`.
  template <class Ok>
  int nearest(int m, EntityType type, const Ok& ok, bool before_only = false) const {
    // Only the mentions within kWindow positions are looked at, so that a reference costs the
    // same in a huge report as in a short one.
    constexpr std::size_t kWindow = 400;
    const std::size_t pos = position_[static_cast<std::size_t>(m)];
    const auto matches = [&](std::size_t i) {
      const int e = out_.entity_of[static_cast<std::size_t>(order_[i])];
      return e >= 0 && out_.entities[static_cast<std::size_t>(e)].type == type && ok(e) ? e : -1;
    };
    for (std::size_t i = pos, n = 0; i-- > 0 && n < kWindow; ++n) {
      if (const int e = matches(i); e >= 0) return e;
    }
    if (before_only) return -1;
    for (std::size_t i = pos + 1, n = 0; i < order_.size() && n < kWindow; ++i, ++n) {
      if (const int e = matches(i); e >= 0) return e;
    }
    return -1;
  }

  int reference(int index, const Mention& m) {
    switch (m.type) {
      case EntityType::kPerson: {
        // A part of a name: the nearest person whose name has that word.
        const std::string w = " " + name_key(m.name) + " ";
        return nearest(index, EntityType::kPerson, [&](int e) {
          return padded_keys_[static_cast<std::size_t>(e)].find(w) != std::string::npos;
        });
      }
      case EntityType::kOrganization: {
        if (const int* ab = abbreviations_.find(m.name)) return *ab;
        const std::string head = head_word(m.name);
        const int e = nearest(index, EntityType::kOrganization, [&](int o) {
          const Entity& ent = out_.entities[static_cast<std::size_t>(o)];
          const std::string last = head_word(ent.label);
          return (last.ends_with(head) || first_word(ent.label) == head) &&
                 name_key(ent.label) != name_key(m.name);
        });
        if (e >= 0) return e;
        if (m.in_quote) return -1;
        return m.parent >= 0 ? by_key(EntityType::kOrganization, name_key(m.name), m) : -1;
      }
      case EntityType::kEvent: {
        if (m.cls == "generic") {
          return nearest(index, EntityType::kEvent, [&](int e) {
            const Entity& ent = out_.entities[static_cast<std::size_t>(e)];
            return ent.event_kind == EventKind::kHappening && !ent.plural;
          });
        }
        // "die Zeremonie" after "Unterzeichnungszeremonie", "der Gipfel" after "NATO-Gipfel".
        const std::string head = utf8::to_lower(m.name);
        const int same_head = nearest(
            index, EntityType::kEvent,
            [&](int e) {
              const Entity& ent = out_.entities[static_cast<std::size_t>(e)];
              return !ent.plural && !ent.distinct &&
                     lower_labels_[static_cast<std::size_t>(e)].ends_with(head);
            },
            /*before_only=*/true);
        if (same_head >= 0) return same_head;
        if (const int* e = event_classes_.find(m.cls)) return *e;
        if (m.in_quote) return -1;
        return event(m);
      }
      case EntityType::kAgreement: {
        // "das Übereinkommen": the agreement of that class mentioned most often.
        int best = -1;
        std::size_t best_count = 0;
        for (const int e : agreements_) {
          const Entity& ent = out_.entities[static_cast<std::size_t>(e)];
          if (ent.cls == m.cls && ent.mentions.size() > best_count) {
            best = e;
            best_count = ent.mentions.size();
          }
        }
        return best;
      }
      case EntityType::kCountry:
        if (!m.in_quote) return -1;
        if (const int* e = keys_.find("Country\t" + m.key)) return *e;
        return -1;
      case EntityType::kPlace:
        return -1;
    }
    return -1;
  }

  // Labels, alternative labels, identities and gazetteer facts.
  void finish() {
    for (auto& e : out_.entities) {
      std::sort(e.mentions.begin(), e.mentions.end(), [this](int a, int b) {
        return rec_.mentions[static_cast<std::size_t>(a)].begin <
               rec_.mentions[static_cast<std::size_t>(b)].begin;
      });
      std::map<std::string, std::pair<std::size_t, std::size_t>>
          names;  // name → (count, first position)
      std::set<std::string> alts;
      // Names come from the mentions that name the entity, or from all when every mention is a
      // reference ("der Gipfel", "die Konferenz").
      const bool all_references = std::all_of(e.mentions.begin(), e.mentions.end(), [this](int mi) {
        const Mention& m = rec_.mentions[static_cast<std::size_t>(mi)];
        return m.reference || m.adjective;
      });
      for (const int mi : e.mentions) {
        const Mention& m = rec_.mentions[static_cast<std::size_t>(mi)];
        if ((m.reference || m.adjective) &&
            !(all_references && e.type == EntityType::kEvent && !m.in_quote))
          continue;
        auto& n = names[m.name];
        if (n.first++ == 0) n.second = m.begin;
        if (!m.abbreviation.empty()) alts.insert(m.abbreviation);
      }
      if (e.type == EntityType::kAgreement || e.type == EntityType::kEvent) {
        // The most frequent name; among equals the longest, then the first.
        std::string best = e.label;
        std::tuple<std::size_t, std::size_t, std::size_t> best_score{0, 0, 0};
        for (const auto& [name, n] : names) {
          // Events: the most frequent name, then the first ("Besuch" before "Europareise");
          // agreements: the most frequent, then the longest.
          const auto score = std::make_tuple(
              n.first, e.type == EntityType::kEvent ? SIZE_MAX - n.second : name.size(),
              SIZE_MAX - n.second);
          if (score > best_score) {
            best_score = score;
            best = name;
          }
        }
        e.label = best;
      } else if (e.type == EntityType::kPerson) {
        for (const auto& [name, n] : names) {
          if (name.size() > e.label.size()) e.label = name;
        }
      }
      std::optional<std::string> label_key;  // made once, when first needed
      for (const auto& [name, n] : names) {
        if (name == e.label) continue;
        if (!label_key) label_key = name_key(e.label);
        if (name_key(name) != *label_key) alts.insert(name);
      }
      switch (e.type) {
        case EntityType::kCountry: {
          const Mention& m = rec_.mentions[static_cast<std::size_t>(e.mentions.front())];
          e.id = m.key;
          if (const auto c = lex_.country_by_iso(m.key)) e.label = lex_.countries()[*c].name;
          break;
        }
        case EntityType::kPlace:
          if (const auto p = lex_.place_by_name(e.label)) e.country = lex_.places()[*p].iso;
          e.id = e.label;
          break;
        case EntityType::kOrganization:
          if (const auto o = lex_.organization_by_label(e.label)) {
            const auto& org = lex_.organizations()[*o];
            e.parent = org.parent;
            e.country = org.iso;
            for (const auto& v : org.variants) {
              // Abbreviations (all capitals) are what users search for.
              if (std::none_of(v.begin(), v.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
                alts.insert(v);
            }
          }
          e.id = e.label;
          break;
        default:
          e.id = e.label;
          break;
      }
      alts.erase(e.label);
      e.alt_labels.assign(alts.begin(), alts.end());
    }
  }

  const recognize::Recognized& rec_;
  const recognize::Lexicon& lex_;
  Resolved out_;
  std::vector<int> order_;
  StringTable<int> keys_;  // type name, tab, key → entity
  std::string typed_key_;  // the key being looked up there
  StringTable<int> abbreviations_;
  StringTable<int> event_classes_;
  std::vector<bool> counted_;          // by mention: counted by a quantity
  std::vector<int> agreements_;        // the agreement entities, in the order they were made
  std::vector<std::size_t> position_;  // by mention: index in order_
  StringTable<std::vector<int>> person_words_;  // word of a name → persons
  // By entity: a person's label key between two spaces (labels change while resolving), an
  // event's lower-case label.
  std::vector<std::string> padded_keys_, lower_labels_;
  std::map<int, std::set<std::string>> agreement_qualifiers_;
};

}  // namespace

Resolved resolve(const text::Text& /*text*/, const recognize::Recognized& recognized,
                 const recognize::Lexicon& lexicon) {
  return Resolver(recognized, lexicon).run();
}

}  // namespace reportkg::resolve
