#include "recognize/lexicon.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <hunspell/hunspell.hxx>
#include <memory>
#include <mutex>
#include <tuple>

#include "base/utf8.hpp"

namespace reportkg::recognize {

namespace {

using HeadAt = Lexicon::HeadAt;
constexpr std::uint32_t kNoCountry = Lexicon::WordFacts::kNoCountry;

}  // namespace

const std::vector<std::pair<std::string_view, std::string_view>>& embedded_resources();

namespace {

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t pos = s.find(sep, start);
    out.emplace_back(
        s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

std::vector<std::string> values(const std::vector<std::string>& cols, std::size_t i) {
  std::vector<std::string> out;
  if (i >= cols.size() || cols[i].empty()) return out;
  for (auto& v : split(cols[i], '|')) {
    if (!v.empty()) out.push_back(v);
  }
  return out;
}

std::string col(const std::vector<std::string>& cols, std::size_t i) {
  return i < cols.size() ? cols[i] : std::string();
}

// Rows of a TSV file: comment and empty lines skipped, a trailing CR removed.
std::vector<std::vector<std::string>> rows(std::string_view content) {
  std::vector<std::vector<std::string>> out;
  for (auto& line : split(content, '\n')) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    out.push_back(split(line, '\t'));
  }
  return out;
}

std::string key_of(std::string_view name) {
  std::string key;
  for (const auto& w : name_words(name)) {
    if (!key.empty()) key += ' ';
    key += match_key(utf8::to_lower(w));
  }
  return key;
}

// Case and number endings of nouns ("er" is none: "Besucher" is no form of "Besuch").
// Shortest first, so that the longest listed form wins ("Gesprächen" is "Gespräche" + "n").
constexpr std::string_view kInflections[] = {"", "n", "s", "e", "en", "es", "em", "ns"};

class Speller {
 public:
  static const Speller& instance() {
    static const Speller s;
    return s;
  }
  bool known(std::string_view word) const {
    if (!h_ || word.size() > 100) return false;  // no dictionary word is that long
    // Hunspell is slow and the same words come again and again: each thread remembers its
    // answers (a bounded number of them, so that memory stays bounded on huge inputs) and asks
    // hunspell, which is not thread-safe, under the lock only for a word it has not seen.
    thread_local BoundedCache<bool> cache(1 << 18);
    return cache.get(word, [&] {
      const std::string key(word);
      const std::lock_guard<std::mutex> lock(mu_);
      return h_->spell(key);
    });
  }

 private:
  Speller() {
    const char* aff = "/usr/share/hunspell/de_DE.aff";
    const char* dic = "/usr/share/hunspell/de_DE.dic";
    if (std::filesystem::exists(aff) && std::filesystem::exists(dic))
      h_ = std::make_unique<Hunspell>(aff, dic);
  }
  std::unique_ptr<Hunspell> h_;
  mutable std::mutex mu_;
};

}  // namespace

std::string_view match_key(std::string_view lower) {
  // The endings "ern", "en", "er", "em", "es", "e", "s", "n", the first that fits taken off
  // while at least three bytes stay; tested byte by byte, as this runs for most words.
  for (;;) {
    const std::size_t n = lower.size();
    if (n < 4) return lower;
    const char last = lower[n - 1];
    const char before = lower[n - 2];
    std::size_t cut = 0;
    if (n >= 6 && lower[n - 3] == 'e' && before == 'r' && last == 'n') {
      cut = 3;
    } else if (n >= 5 && before == 'e' &&
               (last == 'n' || last == 'r' || last == 'm' || last == 's')) {
      cut = 2;
    } else if (last == 'e' || last == 's' || last == 'n') {
      cut = 1;
    }
    if (cut == 0) return lower;
    lower.remove_suffix(cut);
  }
}

std::vector<std::string> name_words(std::string_view name) {
  std::vector<std::string> out;
  std::string cur;
  for (const char c : name) {
    if (c == ' ') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

Result<Lexicon> Lexicon::load(std::string_view lang) { return parse(embedded_resources(), lang); }

Result<Lexicon> Lexicon::parse(
    const std::vector<std::pair<std::string_view, std::string_view>>& files,
    std::string_view lang) {
  static std::atomic<std::uint64_t> next_id{1};
  Lexicon lex;
  lex.id_ = next_id++;
  const std::string prefix = std::string(lang) + "/";
  bool any = false;
  for (const auto& [path, content] : files) {
    if (!path.starts_with(prefix)) continue;
    any = true;
    const std::string_view file = path.substr(prefix.size());
    for (const auto& c : rows(content)) {
      if (file == "countries.tsv" && !col(c, 0).empty()) {
        const auto adjectives = values(c, 3);
        Country country{col(c, 0), col(c, 1), values(c, 2),
                        adjectives.empty() ? "" : utf8::to_lower(adjectives[0]), values(c, 4)};
        for (const auto& a : adjectives)
          lex.adjectives_.emplace(utf8::to_lower(a), lex.countries_.size());
        lex.iso_[country.iso] = lex.countries_.size();
        lex.countries_.push_back(std::move(country));
      } else if (file == "places.tsv" && !col(c, 0).empty()) {
        lex.place_names_[col(c, 0)] = lex.places_.size();
        lex.places_.push_back(Place{col(c, 0), col(c, 1), col(c, 2), values(c, 3)});
      } else if (file == "organizations.tsv" && !col(c, 0).empty()) {
        lex.org_labels_[col(c, 0)] = lex.organizations_.size();
        lex.organizations_.push_back(Organization{col(c, 0), values(c, 1), col(c, 2), col(c, 3)});
      } else if (file == "titles.tsv" && !col(c, 0).empty()) {
        const std::string kind = col(c, 2);
        Title t{col(c, 0), col(c, 1).empty() ? col(c, 0) : col(c, 1),
                kind == "rank"        ? TitleKind::kRank
                : kind == "honorific" ? TitleKind::kHonorific
                : kind == "role"      ? TitleKind::kRole
                                      : TitleKind::kOffice,
                col(c, 3)};
        const std::size_t index = lex.titles_.size();
        lex.title_forms_.insert(utf8::to_lower(t.masculine), std::make_pair(index, false));
        lex.title_forms_.insert(utf8::to_lower(t.feminine),
                                std::make_pair(index, t.feminine != t.masculine));
        lex.titles_.push_back(std::move(t));
      } else if (file == "org-heads.tsv" && !col(c, 0).empty()) {
        const std::string head = utf8::to_lower(col(c, 0));
        const std::string g = col(c, 2);
        lex.org_heads_.insert(head, lex.org_heads_list_.size());
        lex.org_heads_list_.push_back(
            OrgHead{col(c, 0), col(c, 1).empty() ? "body" : col(c, 1), g.empty() ? 'm' : g[0]});
      } else if (file == "venues.tsv" && !col(c, 0).empty()) {
        lex.venue_heads_.insert(utf8::to_lower(col(c, 0)), lex.venue_genders_.size());
        lex.venue_genders_.push_back(col(c, 1).empty() ? 'n' : col(c, 1)[0]);
      } else if (file == "events.tsv" && !col(c, 0).empty()) {
        const std::string kind = col(c, 2);
        EventNoun e{col(c, 0), col(c, 1).empty() ? utf8::to_lower(col(c, 0)) : col(c, 1),
                    kind == "process"  ? EventKind::kProcess
                    : kind == "speech" ? EventKind::kSpeech
                                       : EventKind::kHappening};
        lex.event_heads_.insert(utf8::to_lower(e.head), lex.events_.size());
        lex.events_.push_back(std::move(e));
      } else if (file == "agreements.tsv" && !col(c, 0).empty()) {
        const std::string head = utf8::to_lower(col(c, 0));
        const std::string g = col(c, 2);
        lex.agreement_heads_.insert(head, lex.agreements_list_.size());
        lex.agreements_list_.push_back(AgreementNoun{col(c, 0), col(c, 1), g.empty() ? 'm' : g[0]});
      } else if (file == "verbs.tsv" && !col(c, 0).empty()) {
        const std::string role = col(c, 1);
        const VerbRole r = role == "organize"      ? VerbRole::kOrganize
                           : role == "participate" ? VerbRole::kParticipate
                           : role == "meet"        ? VerbRole::kMeet
                           : role == "adopt"       ? VerbRole::kAdopt
                           : role == "sign"        ? VerbRole::kSign
                                                   : VerbRole::kSay;
        const std::string phrase = utf8::to_lower(col(c, 0));
        lex.verbs_.insert(phrase, std::make_pair(r, col(c, 2)));
      } else if (file == "words.tsv" && !col(c, 0).empty()) {
        const std::string word = utf8::to_lower(col(c, 0));
        const std::string category = col(c, 1);
        if (category == "qualifier") {
          lex.qualifiers_.insert(word, col(c, 2).empty() ? word : col(c, 2));
        } else if (category == "abbreviation") {
          std::string w = word;
          if (!w.empty() && w.back() == '.') w.pop_back();
          lex.abbreviations_.insert(w);
        }
        const auto [id, added] =
            lex.word_ids_.try_emplace(word, static_cast<WordId>(lex.listings_.size()));
        if (added) lex.listings_.emplace_back();
        auto& listings = lex.listings_[*id];
        if (std::none_of(listings.begin(), listings.end(),
                         [&](const Listing& l) { return l.category == category; })) {
          listings.push_back(Listing{category, col(c, 2)});
        }
        lex.word_keys_[category].try_emplace(match_key(word), col(c, 2));
      }
    }
  }
  if (!any)
    return make_error(ErrorCode::kUsage, "no language resources for '" + std::string(lang) + "'");

  // Titles with a dot ("Dr.") are abbreviations too.
  for (const auto& t : lex.titles_) {
    for (const auto& f : {t.masculine, t.feminine}) {
      if (f.size() > 1 && f.back() == '.')
        lex.abbreviations_.insert(utf8::to_lower(f.substr(0, f.size() - 1)));
    }
  }

  auto add_name = [&lex](std::string_view name, NameEntry entry) {
    const std::string key = key_of(name);
    if (key.empty()) return;
    auto& list = lex.names_[key];
    for (const auto& e : list) {
      if (e.kind == entry.kind && e.index == entry.index) return;
    }
    list.push_back(entry);
  };
  for (std::size_t i = 0; i < lex.countries_.size(); ++i) {
    const auto& c = lex.countries_[i];
    add_name(c.name, {NameEntry::Kind::kCountry, i});
    for (const auto& v : c.variants) add_name(v, {NameEntry::Kind::kCountry, i});
    if (!c.adjective.empty()) lex.adjectives_.emplace(c.adjective, i);
    for (const auto& d : c.demonyms) lex.demonyms_.emplace(utf8::to_lower(d), i);
  }
  for (std::size_t i = 0; i < lex.places_.size(); ++i) {
    add_name(lex.places_[i].name, {NameEntry::Kind::kPlace, i});
    for (const auto& v : lex.places_[i].variants) add_name(v, {NameEntry::Kind::kPlace, i});
  }
  for (std::size_t i = 0; i < lex.organizations_.size(); ++i) {
    add_name(lex.organizations_[i].label, {NameEntry::Kind::kOrganization, i});
    for (const auto& v : lex.organizations_[i].variants)
      add_name(v, {NameEntry::Kind::kOrganization, i});
  }
  return lex;
}

std::pair<std::size_t, std::span<const NameEntry>> Lexicon::match_name(
    const std::vector<std::string_view>& lower) const {
  const auto [length, entries] = names_.longest(lower, match_key);
  if (length == 0) return {0, {}};
  return {length, *entries};
}

namespace {

std::optional<std::size_t> country(std::uint32_t index) {
  return index == kNoCountry ? std::nullopt : std::optional<std::size_t>(index);
}

}  // namespace

std::optional<std::size_t> Lexicon::country_by_adjective(std::string_view lower) const {
  return country(facts(lower).adjective_country);
}

std::optional<std::size_t> Lexicon::country_by_demonym(std::string_view lower) const {
  return country(facts(lower).demonym_country);
}

std::optional<std::size_t> Lexicon::country_by_iso(std::string_view iso) const {
  const auto it = iso_.find(iso);
  return it == iso_.end() ? std::nullopt : std::optional<std::size_t>(it->second);
}

std::optional<std::size_t> Lexicon::place_by_name(std::string_view name) const {
  const std::size_t* index = place_names_.find(name);
  return index ? std::optional<std::size_t>(*index) : std::nullopt;
}

std::optional<std::size_t> Lexicon::organization_by_label(std::string_view label) const {
  const auto it = org_labels_.find(label);
  return it == org_labels_.end() ? std::nullopt : std::optional<std::size_t>(it->second);
}

namespace {

// How a word ends with a head noun: word = prefix + head + ending.
template <class V>
struct HeadHit {
  V value;
  std::size_t prefix_bytes;
  std::string_view ending;
};

// Finds `lower` in `heads` exactly, with an inflection ending, or as the last part of a compound
// (the head at least `min_head` bytes unless a hyphen precedes it); the longest head wins, then
// the shortest ending.
template <class V>
std::optional<HeadHit<V>> find_head(const SuffixTrie<V>& heads, std::string_view lower,
                                    std::size_t min_head) {
  std::optional<HeadHit<V>> best;
  for (const auto ending : kInflections) {
    if (ending.size() >= lower.size() || !lower.ends_with(ending)) continue;
    const std::size_t end = lower.size() - ending.size();
    heads.visit_keys_ending_at(lower, end, [&](std::size_t begin, const V& value) {
      if (best && begin >= best->prefix_bytes) return;
      if (begin > 0) {
        const bool after_hyphen = lower[begin - 1] == '-';
        // The head begins a code point and leaves three letters after its start; a compound's
        // first part has at least three letters or ends in a hyphen ("be" + "amte" is no
        // compound of "Amt"); after a hyphen any listed head is a compound's last part
        // ("IAEA-Chef").
        if ((static_cast<unsigned char>(lower[begin]) & 0xC0) == 0x80) return;
        if (begin + 3 > lower.size()) return;
        if (begin < 3 && !after_hyphen) return;
        if (end - begin < min_head && !after_hyphen) return;
      }
      best = HeadHit<V>{value, begin, ending};
    });
  }
  return best;
}

// A compound's first part must be a word of its own ("Außen|ministerium", "Bundes|rat"), so that
// "Apparat" is no "Rat" and "Auswahl" no "Wahl".
bool plausible_prefix(std::string_view prefix, const Lexicon& lex) {
  if (prefix.empty() || prefix.back() == '-') return true;
  // A long first part is a real compound ("Atomwaffensperr|vertrag"); the doubtful splits are
  // short ("Vor|rat", "Aus|wahl", "Be|amte").
  if (utf8::length(prefix) >= 8) return true;
  // "who-pandemie": the part after the last hyphen is the word that joins.
  if (const auto h = prefix.rfind('-'); h != std::string_view::npos) prefix = prefix.substr(h + 1);
  if (!lex.word_category(prefix).empty()) return false;
  for (const auto linking : {"", "s", "es", "n", "en", "e"}) {
    const std::string_view l(linking);
    if (prefix.size() <= l.size() + 2 || !prefix.ends_with(l)) continue;
    const std::string_view stem = prefix.substr(0, prefix.size() - l.size());
    if (lex.is_dictionary_word(utf8::capitalize(stem)) || lex.is_dictionary_word(stem)) return true;
  }
  return false;
}

// Where `lower` ends with a head noun of `heads` whose prefix is a plausible compound part.
std::optional<HeadAt> head_at(const SuffixTrie<std::size_t>& heads, std::string_view lower,
                              std::size_t min_head, const Lexicon& lex) {
  const auto hit = find_head(heads, lower, min_head);
  if (!hit || !plausible_prefix(lower.substr(0, hit->prefix_bytes), lex)) return std::nullopt;
  return HeadAt{static_cast<std::uint32_t>(hit->value),
                static_cast<std::uint32_t>(hit->prefix_bytes),
                static_cast<std::uint8_t>(hit->ending.size())};
}

std::optional<std::size_t> find_adjective(const StringMap<std::size_t>& adjectives,
                                          std::string_view lower) {
  // "niederländischen" = stem + ending; also compounds "us-amerikanischen".
  for (const auto ending : {"", "e", "en", "er", "es", "em"}) {
    const std::string_view e(ending);
    if (lower.size() <= e.size() || !lower.ends_with(e)) continue;
    const std::string_view stem = lower.substr(0, lower.size() - e.size());
    const auto it = adjectives.find(stem);
    if (it != adjectives.end()) return it->second;
  }
  return std::nullopt;
}

std::optional<std::size_t> find_demonym(const StringMap<std::size_t>& demonyms,
                                        std::string_view lower) {
  const auto it = demonyms.find(lower);
  if (it != demonyms.end()) return it->second;
  for (const auto ending : {"n", "s"}) {
    const std::string_view e(ending);
    if (lower.ends_with(e)) {
      const auto it2 = demonyms.find(lower.substr(0, lower.size() - 1));
      if (it2 != demonyms.end()) return it2->second;
    }
  }
  return std::nullopt;
}

std::optional<Lexicon::HeadMatch> head_match(const std::optional<HeadAt>& at,
                                             std::string_view lower) {
  if (!at) return std::nullopt;
  return Lexicon::HeadMatch{std::string(lower.substr(0, at->prefix_bytes)),
                            std::string(lower.substr(lower.size() - at->ending_bytes)), at->index};
}

}  // namespace

Lexicon::WordFacts Lexicon::compute_facts(std::string_view lower) const {
  WordFacts f;
  if (const auto hit = find_head(title_forms_, lower, 5);
      hit && plausible_prefix(lower.substr(0, hit->prefix_bytes), *this)) {
    f.title = HeadAt{static_cast<std::uint32_t>(hit->value.first),
                     static_cast<std::uint32_t>(hit->prefix_bytes),
                     static_cast<std::uint8_t>(hit->ending.size()), hit->value.second};
  }
  f.org_head = head_at(org_heads_, lower, 3, *this);
  f.event_noun = head_at(event_heads_, lower, 4, *this);
  f.agreement_noun = head_at(agreement_heads_, lower, 5, *this);
  f.venue_head = head_at(venue_heads_, lower, 4, *this);
  f.adjective_country =
      static_cast<std::uint32_t>(find_adjective(adjectives_, lower).value_or(kNoCountry));
  f.demonym_country =
      static_cast<std::uint32_t>(find_demonym(demonyms_, lower).value_or(kNoCountry));
  f.word = word_id(lower);
  f.begins_verb = verbs_.begins_with(lower);
  f.begins_name = names_.begins_with(match_key(lower));
  f.has = (f.title ? WordFacts::kTitle : 0) | (f.org_head ? WordFacts::kOrgHead : 0) |
          (f.event_noun ? WordFacts::kEventNoun : 0) |
          (f.agreement_noun ? WordFacts::kAgreementNoun : 0) |
          (f.venue_head ? WordFacts::kVenueHead : 0) |
          (f.adjective_country != kNoCountry ? WordFacts::kCountryAdjective : 0) |
          (f.demonym_country != kNoCountry ? WordFacts::kDemonym : 0) |
          (f.begins_verb ? WordFacts::kBeginsVerb : 0) |
          (f.begins_name ? WordFacts::kBeginsName : 0);
  return f;
}

const Lexicon::WordFacts& Lexicon::facts(std::string_view lower) const {
  // The finders ask about the same words again and again, within a report and from one report
  // to the next: each thread keeps the answers for a bounded number of word forms (and none
  // for words too long to be words), a few MB at most.
  constexpr std::size_t kMaxWordBytes = 64;
  if (lower.size() > kMaxWordBytes) {
    thread_local WordFacts uncached;
    uncached = compute_facts(lower);
    return uncached;
  }
  thread_local BoundedCache<WordFacts> cache(1 << 15);
  thread_local std::uint64_t cached_lexicon = 0;
  if (cached_lexicon != id_) {
    cache.clear();
    cached_lexicon = id_;
  }
  return cache.get(lower, [&] { return compute_facts(lower); });
}

std::optional<Lexicon::TitleHit> Lexicon::title(std::string_view lower) const {
  const auto& t = facts(lower).title;
  if (!t) return std::nullopt;
  return TitleHit{t->index, t->feminine, std::string(lower.substr(0, t->prefix_bytes))};
}

std::optional<Lexicon::HeadMatch> Lexicon::org_head(std::string_view lower) const {
  return head_match(facts(lower).org_head, lower);
}

bool Lexicon::is_plural_event_noun(std::size_t index) const {
  const std::string form = utf8::to_lower(events_[index].head);
  for (const std::string_view ending : {"e", "en", "n"}) {
    if (form.size() > ending.size() + 2 && form.ends_with(ending) &&
        event_heads_.find(std::string_view(form).substr(0, form.size() - ending.size()))) {
      return true;
    }
  }
  return false;
}

std::optional<Lexicon::HeadMatch> Lexicon::event_noun(std::string_view lower) const {
  return head_match(facts(lower).event_noun, lower);
}

std::optional<Lexicon::HeadMatch> Lexicon::agreement_noun(std::string_view lower) const {
  return head_match(facts(lower).agreement_noun, lower);
}

std::optional<Lexicon::HeadMatch> Lexicon::venue_head(std::string_view lower) const {
  return head_match(facts(lower).venue_head, lower);
}

std::optional<Lexicon::VerbHit> Lexicon::verb(const std::vector<std::string_view>& lower) const {
  const auto [length, verb] = verbs_.longest(lower);
  if (length == 0) return std::nullopt;
  return VerbHit{length, verb->first, verb->second};
}

Lexicon::WordId Lexicon::word_id(std::string_view lower) const {
  const WordId* id = word_ids_.find(lower);
  return id ? *id : kUnlisted;
}

namespace {

// The value of `word` under `category` in a table of categories.
const std::string* find_in(const StringTable<StringTable<std::string>>& table,
                           std::string_view category, std::string_view word) {
  const auto* words = table.find(category);
  return words ? words->find(word) : nullptr;
}

}  // namespace

std::optional<std::pair<std::size_t, std::string>> Lexicon::qualifier(
    const std::vector<std::string_view>& lower) const {
  const auto [length, qualifier] = qualifiers_.longest(lower);
  if (length == 0) return std::nullopt;
  return std::make_pair(length, *qualifier);
}

std::unordered_set<std::string> Lexicon::words_of(std::string_view category) const {
  std::unordered_set<std::string> out;
  for (const auto& [word, id] : word_ids_) {
    if (word_value(category, id)) out.insert(word);
  }
  return out;
}

text::Conventions Lexicon::conventions() const {
  text::Conventions c;
  c.abbreviations = abbreviations_;
  for (const char* category : {"article", "possessive", "fused"})
    c.determiners.merge(words_of(category));
  c.months = words_of("month");
  return c;
}

bool Lexicon::is(std::string_view category, std::string_view lower) const {
  return find_in(word_keys_, category, match_key(lower)) != nullptr;
}

std::optional<std::string_view> Lexicon::inflected_value(std::string_view category,
                                                         std::string_view lower) const {
  if (auto v = word_value(category, lower)) return v;
  if (const std::string* v = find_in(word_keys_, category, match_key(lower))) return *v;
  return std::nullopt;
}

bool Lexicon::is_dictionary_word(std::string_view word) const {
  return Speller::instance().known(word);
}

}  // namespace reportkg::recognize
