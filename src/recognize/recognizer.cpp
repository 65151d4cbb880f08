#include "recognize/recognizer.hpp"

#include <algorithm>
#include <functional>

#include "base/strings.hpp"
#include "base/utf8.hpp"

namespace reportkg::recognize {

const char* type_name(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "Person";
    case EntityType::kOrganization:
      return "Organization";
    case EntityType::kCountry:
      return "Country";
    case EntityType::kPlace:
      return "Place";
    case EntityType::kEvent:
      return "Event";
    case EntityType::kAgreement:
      return "Agreement";
  }
  return "";
}

namespace {

using text::TokenKind;

constexpr std::string_view kAdjectiveEndings[] = {"en", "er", "es", "em", "e"};

// The strong nominative singular of an adjective for a noun of `gender` ("ständigen", 'm' →
// "ständiger"); `capital` keeps a capital initial.
std::string nominative_adjective(std::string_view word, char gender) {
  std::string w(word);
  for (const auto e : kAdjectiveEndings) {
    if (w.size() > e.size() + 2 && w.ends_with(e)) {
      w.resize(w.size() - e.size());
      break;
    }
  }
  return w + (gender == 'f' ? "e" : gender == 'n' ? "es" : "er");
}

bool ends_like_adjective(std::string_view lower) {
  if (lower.size() < 4) return false;
  return std::any_of(std::begin(kAdjectiveEndings), std::end(kAdjectiveEndings),
                     [&](std::string_view e) { return lower.ends_with(e); });
}

class Recognizer {
 public:
  Recognizer(const text::Text& text, const Lexicon& lex)
      : t_(text),
        lex_(lex),
        size_(text.tokens.size()),
        owner_(text.tokens.size(), -1),
        prefix_owner_(text.tokens.size(), -1),
        title_owner_(text.tokens.size(), -1),
        in_quote_(text.tokens.size(), 0),
        in_verb_phrase_(text.tokens.size(), 0),
        title_end_(text.tokens.size() + 1, -1),
        verbs_of_sentence_(text.sentences.size()),
        dictionary_(text.tokens.size(), 0) {
    // Every finder (and relate after them) asks for the word classes and the lexicon's facts of
    // the tokens around it: each word is looked up once, and what the finders test is kept as
    // bits; the rarer questions with longer answers (a head noun's match) go to the lexicon.
    out_.words.reserve(size());
    classes_.reserve(size());
    fact_bits_.reserve(size());
    // News reports have about one mention in ten tokens: room for that many, so that adding them
    // seldom moves the list (six strings a mention).
    out_.mentions.reserve(size() / 8);
    for (std::size_t i = 0; i < size(); ++i) {
      const Lexicon::WordFacts& f = lex_.facts(lower(i));
      out_.words.push_back(f.word);
      const text::Token& t = tok(i);
      classes_.push_back(t.kind != TokenKind::kWord ? 0
                                                    : kWord | (t.upper ? kCapitalized : 0) |
                                                          classes_of(lex_.word_category(f.word)));
      fact_bits_.push_back(f.has);
    }
  }

  Recognized run() {
    mark_quotes();
    find_verbs();
    for (std::uint32_t s = 0; s < t_.sentences.size(); ++s) {
      const auto& sent = t_.sentences[s];
      find_names(sent);
      find_organizations(sent);
      find_agreements(sent);
      find_events(sent);
      find_venues(sent);
      find_titles(sent);
      find_persons(sent);
      find_meetings(sent);
      find_quantities(sent);
    }
    find_partial_names();
    return std::move(out_);
  }

 private:
  // ---- token helpers -------------------------------------------------------------------------
  std::size_t size() const { return size_; }
  const text::Token& tok(std::size_t i) const { return t_.tokens[i]; }
  bool is_word(std::size_t i) const { return i < size() && classes_[i] & kWord; }
  bool is_cap(std::size_t i) const { return i < size() && classes_[i] & kCapitalized; }
  // As Text::lower and Text::str, without their bounds checks: the text stage made the offsets
  // (always in range), and the finders read the words at every step.
  std::string_view lower(std::size_t i) const {
    return {t_.lowered.data() + tok(i).lower_begin, tok(i).lower_size};
  }
  std::string_view str(std::size_t i) const {
    return {t_.doc->text.data() + tok(i).begin, tok(i).end - tok(i).begin};
  }
  // Whether token i is a German word as written (known) or in lower case (known_lower). The
  // finders ask this of the same tokens again and again: the dictionary is asked once per token.
  bool known(std::size_t i) const { return dictionary_word(i, kAsWritten); }
  bool known_lower(std::size_t i) const { return dictionary_word(i, kLowerCase); }
  // Whether token i's word is a title, a head noun, ... of the lexicon (see Lexicon::WordFacts),
  // where the question is all that matters: has(kTitle, i), has(kEventNoun, i), ... The finders
  // ask it of nearly every token: the word's facts are looked up once, and kept as bits.
  bool has(std::uint16_t fact, std::size_t i) const { return fact_bits_[i] & fact; }
  // A question of the lexicon about token i's word, asked only where the fact's bit says it has
  // an answer (most words have none): ask(kTitle, &Lexicon::title, i), ...
  template <class Answer>
  Answer ask(std::uint16_t fact, Answer (Lexicon::*question)(std::string_view) const,
             std::size_t i) const {
    if (!has(fact, i)) return std::nullopt;
    return (lex_.*question)(lower(i));
  }
  std::string_view category(std::size_t i) const {
    return is_word(i) ? lex_.word_category(out_.words[i]) : std::string_view();
  }
  // The value of token i's word in a category of closed-class words ("article": "indefinite").
  std::optional<std::string_view> listed_value(std::string_view category, std::size_t i) const {
    return lex_.word_value(category, out_.words[i]);
  }
  bool is_function_word(std::size_t i) const { return i < size() && classes_[i] & kFunctionWord; }
  // Words of a closed class that are never adjectives or names.
  bool is_closed_class(std::size_t i) const { return i < size() && classes_[i] & kClosedClass; }
  // A demonym ("Niederländer") rather than an adjective ("niederländische", "US-amerikanische").
  bool is_demonym(std::size_t i) const {
    const std::string_view w = str(i);
    return utf8::starts_upper(
        w.substr(w.rfind('-') == std::string_view::npos ? 0 : w.rfind('-') + 1));
  }
  bool is_particle(std::size_t i) const {
    return is_word(i) && listed_value("particle", i).has_value();
  }
  bool is_article(std::size_t i) const { return i < size() && classes_[i] & kArticle; }
  bool is_punct(std::size_t i, std::string_view p) const {
    return i < size() && tok(i).kind == TokenKind::kPunct && str(i) == p;
  }
  bool sentence_start(std::size_t i) const {
    const auto& s = t_.sentences[tok(i).sentence];
    std::size_t k = s.first;
    while (k < i && tok(k).kind != TokenKind::kWord && tok(k).kind != TokenKind::kNumber) ++k;
    return k == i;
  }
  bool all_caps(std::size_t i) const {
    const std::string_view s = str(i);
    int letters = 0;
    for (const char c : s) {
      if (c >= 'a' && c <= 'z') return false;
      if (c >= 'A' && c <= 'Z') ++letters;
    }
    return letters >= 2;
  }
  // A lower-case attributive adjective ("ständige", "stellvertretenden").
  bool is_adjective(std::size_t i) const {
    if (!is_word(i) || is_function_word(i)) return false;
    if (tok(i).upper && !sentence_start(i)) return false;
    if (is_closed_class(i)) return false;
    return ends_like_adjective(lower(i));
  }
  // A capitalized adjective inside a name ("Ständigen Ausschusses", "Gemeinsame Erklärung").
  bool is_name_adjective(std::size_t i) const {
    if (!is_cap(i) || is_function_word(i) || !ends_like_adjective(lower(i))) return false;
    if (owner_[i] >= 0 || title_owner_[i] >= 0) return false;
    if (has(kTitle, i) || has(kEventNoun, i)) return false;
    return known_lower(i);
  }

  Mention& add_mention(EntityType type, std::uint32_t first, std::uint32_t last, std::string name) {
    const int index = static_cast<int>(out_.mentions.size());
    Mention& m = out_.mentions.emplace_back();
    m.type = type;
    m.first = first;
    m.last = last;
    m.begin = tok(first).begin;
    m.end = tok(last - 1).end;
    m.name = std::move(name);
    m.in_quote = in_quote_[first] != 0;
    for (std::uint32_t k = first; k < last; ++k) owner_[k] = index;
    return m;
  }

  const Mention* mention_at(std::size_t i) const {
    return i < size() && owner_[i] >= 0 ? &out_.mentions[static_cast<std::size_t>(owner_[i])]
                                        : nullptr;
  }
  bool owned_by(std::size_t i, EntityType type) const {
    const Mention* m = mention_at(i);
    return m && m->type == type;
  }

  // Text of tokens [first, last) with the original spacing.
  std::string span(std::size_t first, std::size_t last) const {
    return std::string(t_.span(first, last));
  }

  // The word with its inflection ending removed, keeping the written case.
  std::string without_ending(std::size_t i, std::string_view ending) const {
    const std::string_view s = str(i);
    return std::string(s.substr(0, s.size() - ending.size()));
  }

  // ---- quotes and verbs ----------------------------------------------------------------------
  void mark_quotes() {
    // Pair opening and closing marks within a paragraph; unpaired marks are ignored.
    std::vector<std::size_t> open;
    std::uint32_t paragraph = 0;
    for (std::size_t i = 0; i < size(); ++i) {
      const std::uint32_t p = t_.sentences[tok(i).sentence].paragraph;
      if (p != paragraph) {
        open.clear();
        paragraph = p;
      }
      if (tok(i).kind == TokenKind::kOpenQuote) {
        open.push_back(i);
      } else if (tok(i).kind == TokenKind::kCloseQuote && !open.empty()) {
        const std::size_t o = open.back();
        open.pop_back();
        if (i > o + 1) {
          out_.quotes.push_back(
              QuoteMention{static_cast<std::uint32_t>(o), static_cast<std::uint32_t>(i)});
          for (std::size_t k = o + 1; k < i; ++k) in_quote_[k] = 1;
        }
      }
    }
    std::sort(out_.quotes.begin(), out_.quotes.end(),
              [](const QuoteMention& a, const QuoteMention& b) { return a.open < b.open; });
  }

  void find_verbs() {
    std::vector<std::string_view> words;
    for (std::size_t i = 0; i < size(); ++i) {
      if (!is_word(i) || in_quote_[i] || !has(kBeginsVerb, i)) continue;
      words.clear();
      for (std::size_t k = i;
           k < size() && k < i + 4 && tok(k).sentence == tok(i).sentence && is_word(k); ++k) {
        words.push_back(lower(k));
      }
      if (const auto v = lex_.verb(words)) {
        verbs_of_sentence_[tok(i).sentence].push_back(out_.verbs.size());
        out_.verbs.push_back(VerbMention{static_cast<std::uint32_t>(i),
                                         static_cast<std::uint32_t>(i + v->length), v->role,
                                         v->event});
        if (v->length > 1) {
          for (std::size_t k = i; k < i + v->length; ++k) in_verb_phrase_[k] = 1;
        }
        i += v->length - 1;
      }
    }
  }
  bool in_verb_phrase(std::size_t i) const { return in_verb_phrase_[i] != 0; }

  // ---- gazetteer names -----------------------------------------------------------------------
  void add_name_mention(const NameEntry& e, std::uint32_t first, std::uint32_t last) {
    switch (e.kind) {
      case NameEntry::Kind::kCountry: {
        const auto& c = lex_.countries()[e.index];
        add_mention(EntityType::kCountry, first, last, c.name).key = c.iso;
        break;
      }
      case NameEntry::Kind::kPlace: {
        const auto& p = lex_.places()[e.index];
        add_mention(EntityType::kPlace, first, last, p.name).key = p.name;
        break;
      }
      case NameEntry::Kind::kOrganization: {
        const auto& o = lex_.organizations()[e.index];
        add_mention(EntityType::kOrganization, first, last, o.label).key = o.label;
        break;
      }
    }
  }

  static const NameEntry& preferred(std::span<const NameEntry> entries) {
    // A name that is a country and a city (Singapur, Luxemburg) is the country.
    for (const auto& e : entries) {
      if (e.kind == NameEntry::Kind::kCountry) return e;
    }
    for (const auto& e : entries) {
      if (e.kind == NameEntry::Kind::kOrganization) return e;
    }
    return entries.front();
  }

  void find_names(const text::Sentence& sent) {
    std::vector<std::string_view> words;
    for (std::uint32_t i = sent.first; i < sent.last; ++i) {
      if (!is_word(i) || owner_[i] >= 0) continue;
      if (is_cap(i) || all_caps(i)) {
        words.clear();
        if (has(kBeginsName, i)) {  // no name begins with most capitalized words
          for (std::uint32_t k = i; k < sent.last && is_word(k) && words.size() < 12; ++k) {
            words.push_back(lower(k));
          }
        }
        const auto [len, entries] = lex_.match_name(words);
        // Names are capitalized: a single lower-case or mixed word must match as written.
        const bool ok = len > 0 && (len > 1 || is_cap(i)) && is_cap(i + len - 1) &&
                        !(len == 1 && str(i).size() <= 3 && !all_caps(i));
        if (ok) {
          add_name_mention(preferred(entries), i, i + static_cast<std::uint32_t>(len));
          // "Genfer", "Wiener": the city adjective, matched through its stripped ending.
          Mention& added = out_.mentions.back();
          const std::uint32_t end_token = i + static_cast<std::uint32_t>(len) - 1;
          if (lower(end_token).ends_with("er") && !utf8::to_lower(added.name).ends_with("er") &&
              added.type == EntityType::kPlace) {
            added.adjective = true;  // "New Yorker"
          }
          if (len == 1 && lower(i).ends_with("er") && !utf8::to_lower(added.name).ends_with("er"))
            added.adjective = true;
          i += static_cast<std::uint32_t>(len) - 1;
          continue;
        }
        // Compound with a name as first part: "NATO-Gipfel", "US-Präsident", "Hanoi-Übereinkommen".
        const std::string_view s = str(i);
        const auto hyphen = s.find('-');
        if (hyphen != std::string_view::npos && hyphen > 0 && hyphen + 1 < s.size()) {
          const std::string prefix(s.substr(0, hyphen));
          const auto [plen, pentries] = lex_.match_name({utf8::to_lower(prefix)});
          const std::string rest = utf8::to_lower(s.substr(hyphen + 1));
          if (const auto c = lex_.country_by_adjective(lower(i).substr(lower(i).rfind('-') + 1));
              c && !utf8::starts_upper(s.substr(s.rfind('-') + 1))) {
            // "US-amerikanische": an adjective of a country, written with its abbreviation.
            Mention& m = add_mention(EntityType::kCountry, i, i + 1, lex_.countries()[*c].name);
            m.key = lex_.countries()[*c].iso;
            m.adjective = true;
            continue;
          }
          if (plen == 1 && utf8::starts_upper(prefix) && !lex_.is("unit", rest)) {
            const int before = static_cast<int>(out_.mentions.size());
            add_name_mention(preferred(pentries), i, i + 1);
            Mention& m = out_.mentions.back();
            m.end = m.begin + static_cast<std::uint32_t>(hyphen);
            owner_[i] = -1;
            prefix_owner_[i] = before;
            continue;
          }
        }
        // A demonym ("Niederländer") names the country.
        if (const auto c = ask(kDemonym, &Lexicon::country_by_demonym, i)) {
          Mention& m = add_mention(EntityType::kCountry, i, i + 1, lex_.countries()[*c].name);
          m.key = lex_.countries()[*c].iso;
          m.adjective = true;
          continue;
        }
        // A city adjective ("Genfer") names the city.
        if (lower(i).ends_with("er") && lower(i).size() > 4) {
          const auto [clen, centries] = lex_.match_name({lower(i).substr(0, lower(i).size() - 2)});
          if (clen == 1 && centries.front().kind == NameEntry::Kind::kPlace) {
            const auto& p = lex_.places()[centries.front().index];
            Mention& m = add_mention(EntityType::kPlace, i, i + 1, p.name);
            m.key = p.name;
            m.adjective = true;
            continue;
          }
        }
      }
      // A country adjective ("niederländische", "US-amerikanischen").
      if (!is_cap(i) || sentence_start(i)) {
        if (const auto c = ask(kCountryAdjective, &Lexicon::country_by_adjective, i)) {
          Mention& m = add_mention(EntityType::kCountry, i, i + 1, lex_.countries()[*c].name);
          m.key = lex_.countries()[*c].iso;
          m.adjective = true;
        }
      }
    }
  }

  // ---- organizations by pattern ---------------------------------------------------------------
  // "für" + noun phrase ("für öffentliche Sicherheit", "für Drogen- und Verbrechensbekämpfung",
  // "für Europa und auswärtige Angelegenheiten"): returns one past its end, or `i`.
  std::uint32_t fuer_phrase(std::uint32_t i, std::uint32_t end) const {
    if (!(is_word(i) && lower(i) == "für")) return i;
    std::uint32_t k = i + 1;
    std::uint32_t last_noun = i;
    if (k < end && is_article(k)) ++k;  // "für das östliche und südliche Afrika"
    while (k < end) {
      if ((is_adjective(k) || owned_by(k, EntityType::kCountry)) && !is_cap(k)) {
        ++k;
        // "östliche und südliche", "politische, wirtschaftliche und soziale"
        while (k + 1 < end && (is_punct(k, ",") || (is_word(k) && lower(k) == "und")) &&
               is_adjective(k + 1))
          k += 2;
      } else if (is_cap(k) && !is_function_word(k) && title_owner_[k] < 0 && !starts_name(k) &&
                 (owner_[k] < 0 || owned_by(k, EntityType::kPlace) ||
                  owned_by(k, EntityType::kCountry))) {
        // A name of several words ("für den Nahen Osten") is taken whole.
        k = owner_[k] >= 0 ? std::max(k + 1, mention_at(k)->last) : k + 1;
        last_noun = k;
        // "für politische Angelegenheiten, Frieden und Sicherheit", "für Umwelt, Klimaschutz,
        // Naturschutz und nukleare Sicherheit": a list that ends in "und".
        if (k + 1 < end && is_punct(k, ",") && is_cap(k + 1) && !is_function_word(k + 1) &&
            !starts_name(k + 1) && title_owner_[k + 1] < 0 && !has(kTitle, k + 1)) {
          bool ends_in_und = false;
          for (std::uint32_t n = k + 1; n < end && n < k + 12; ++n) {
            if (is_word(n) && lower(n) == "und") {
              ends_in_und = true;
              break;
            }
            if (!(is_punct(n, ",") || (is_cap(n) && !is_function_word(n)) || is_adjective(n)))
              break;
          }
          if (ends_in_und) {
            ++k;
            continue;
          }
        }
        // "Drogen- und Verbrechensbekämpfung", "wirtschaftliche Zusammenarbeit und Entwicklung":
        // a second noun phrase joined by "und" belongs to the name.
        if (k + 1 < end && is_word(k) && lower(k) == "und" && !has(kTitle, k + 1) &&
            (is_adjective(k + 1) || (is_cap(k + 1) && !is_function_word(k + 1) &&
                                     !starts_name(k + 1) && title_owner_[k + 1] < 0))) {
          ++k;
          continue;
        }
        break;
      } else {
        break;
      }
    }
    return last_noun > i ? last_noun : i;
  }

  // A word that starts a person's name rather than continuing a noun phrase: not a German word,
  // or followed by one that is not ("Samuel Adjei-Boateng").
  bool starts_name(std::uint32_t k) const {
    return is_cap(k) && owner_[k] < 0 && !has(kOrgHead, k) && !has(kEventNoun, k) &&
           !has(kAgreementNoun, k) && !known(k);
  }

  // The organization mention (pattern or gazetteer) that starts at k after an optional article
  // and adjectives; -1 if none.
  int genitive_mention_at(std::uint32_t k, std::uint32_t end, std::uint32_t* after) const {
    if (!(k < end && is_word(k) && (lower(k) == "des" || lower(k) == "der"))) return -1;
    ++k;
    while (k < end && (is_adjective(k) || owned_by(k, EntityType::kCountry)) &&
           !(mention_at(k) && !mention_at(k)->adjective))
      ++k;
    if (k < end && owner_[k] >= 0) {
      const Mention& m = out_.mentions[static_cast<std::size_t>(owner_[k])];
      if (m.first == k || k > m.first) {
        *after = m.last;
        return owner_[k];
      }
    }
    return -1;
  }

  void find_organizations(const text::Sentence& sent) {
    // Right to left, so that a genitive complement is known before the noun it completes.
    for (std::uint32_t i = sent.last; i-- > sent.first;) {
      if (!is_cap(i) || owner_[i] >= 0 || in_quote_[i]) continue;
      const auto head = ask(kOrgHead, &Lexicon::org_head, i);
      if (!head) continue;
      const auto& info = lex_.org_heads()[head->index];
      if (head->ending == "en" || head->ending == "n") continue;  // a plural: not one organization
      if (head->prefix.size() > 0 && head->prefix.back() == '-' && prefix_owner_[i] < 0 &&
          head->prefix.size() < 3) {
        continue;
      }
      // An assembly held on a date is an event ("auf der 78. Weltgesundheitsversammlung").
      if (info.kind == "assembly" && is_event_context(i)) continue;

      std::uint32_t first = i;
      std::uint32_t last = i + 1;
      std::string name = without_ending(i, head->ending);
      const char gender = info.gender;
      std::vector<std::string> adjectives;
      std::string country_adjective;
      int country = -1;
      // "Friedens- und Sicherheitsrat": an elided first compound belongs to the name.
      if (i >= sent.first + 2 && is_word(i - 1) && lower(i - 1) == "und" &&
          str(i - 2).ends_with("-") && is_cap(i - 2)) {
        first = i - 2;
        name = span(i - 2, i) + " " + name;
      }
      // Capitalized adjectives belong to the name; a country adjective before it too
      // ("des vietnamesischen Außenministeriums" → "Vietnamesisches Außenministerium").
      for (std::uint32_t k = first; k > sent.first;) {
        --k;
        if (is_name_adjective(k) && !sentence_start(k)) {
          adjectives.insert(adjectives.begin(), nominative_adjective(str(k), gender));
          first = k;
        } else if (owned_by(k, EntityType::kCountry) && mention_at(k)->adjective && !is_cap(k) &&
                   !lower(k).ends_with("er")) {
          // "des vietnamesischen Außenministeriums" → "Vietnamesisches Außenministerium"; a name
          // of its own keeps it out ("der brasilianischen Nationalen Bank für ...").
          country = owner_[k];
          if (adjectives.empty())
            country_adjective = utf8::capitalize(nominative_adjective(str(k), gender));
          break;
        } else {
          break;
        }
      }
      // Complements: "für ...", a country in the genitive ("Chinas"), "des/der" + organization.
      std::uint32_t k = fuer_phrase(last, sent.last);
      const bool has_fuer = k > last;
      if (has_fuer) {
        name += " " + span(last, k);
        last = k;
      }
      int parent = -1;
      // "Verhandlungsgremium (INB) der WHO": the genitive after an abbreviation in parentheses.
      std::uint32_t after_abbreviation = last;
      if (is_punct(last, "(") && is_word(last + 1) && all_caps(last + 1) && is_punct(last + 2, ")"))
        after_abbreviation = last + 3;
      if (!has_fuer && owned_by(last, EntityType::kCountry) && !mention_at(last)->adjective &&
          str(last).ends_with("s")) {
        country = owner_[last];
        name += " " + span(last, last + 1);
        ++last;
      } else {
        std::uint32_t after = 0;
        const int g = genitive_mention_at(after_abbreviation, sent.last, &after);
        if (g >= 0) {
          const Mention& gm = out_.mentions[static_cast<std::size_t>(g)];
          if (gm.type == EntityType::kOrganization) {
            parent = g;
            // A body without a name of its own is named by what it belongs to
            // ("Zentralkomitee der Kommunistischen Partei Chinas"); a named one is not
            // ("Abteilung für Vertragsangelegenheiten des Büros ..."), nor one that belongs to
            // a body named only by a reference ("der Ausschuss der Versammlung").
            if (!has_fuer && head->prefix.empty() && after_abbreviation == last) {
              name += " " + span(last, after);
              last = after;
            }
          } else if (gm.type == EntityType::kCountry && !gm.adjective && !has_fuer) {
            country = g;
            name += " " + span(last, after);
            last = after;
          }
        }
      }
      // "Bundesministerium der Verteidigung", "Ministerium des Innern": a genitive that is no
      // entity names what the body is for.
      if (!has_fuer && parent < 0 && country < 0 && last + 1 < sent.last &&
          (lower(last) == "der" || lower(last) == "des") && is_cap(last + 1) &&
          owner_[last + 1] < 0 && title_owner_[last + 1] < 0 && !has(kTitle, last + 1) &&
          !starts_name(last + 1) && !has(kEventNoun, last + 1)) {
        std::uint32_t g = last + 1;
        while (g + 1 < sent.last && is_adjective(g) && !is_cap(g)) ++g;
        // "der Brasilianischen Agrarforschungsgesellschaft": a capitalized adjective starts a
        // name this rule does not know; leave it.
        if (g < sent.last && is_cap(g) && owner_[g] < 0 && !(g + 1 < sent.last && is_cap(g + 1))) {
          name += " " + span(last, g + 1);
          last = g + 1;
        }
      }
      // "Generalstaatsanwaltschaft Frankfurt am Main": a bare body named by its city.
      if (!has_fuer && parent < 0 && country < 0 && last == i + 1 &&
          owned_by(last, EntityType::kPlace) && !mention_at(last)->adjective &&
          mention_at(last)->first == last) {
        name += " " + span(last, mention_at(last)->last);
        last = mention_at(last)->last;
      }
      std::string full;
      if (!country_adjective.empty() && !has_fuer) full = country_adjective + " ";
      for (const auto& a : adjectives) full += a + " ";
      full += name;
      // A bare head with an article ("das Gremium", "der Versammlung") refers back.
      // A bare head ("das Gremium", "jeder Organisation") names no organization of its own: it
      // refers back to one, or to none.
      // "UN-Behörde": a name's abbreviation before a bare head describes, it does not name.
      const bool entity_prefix_only = prefix_owner_[i] >= 0 && !head->prefix.empty() &&
                                      head->prefix.back() == '-' &&
                                      head->prefix.find('-') + 1 == head->prefix.size();
      const bool bare = adjectives.empty() && country_adjective.empty() && !has_fuer &&
                        last == i + 1 && (head->prefix.empty() || entity_prefix_only) &&
                        (parent < 0 || out_.mentions[static_cast<std::size_t>(parent)].reference);
      const int index = static_cast<int>(out_.mentions.size());
      Mention& m = add_mention(EntityType::kOrganization, first, last, full);
      m.reference = bare;
      m.parent = parent;
      if (country >= 0) m.qualifier = out_.mentions[static_cast<std::size_t>(country)].key;
      // "(WHO)": an abbreviation in parentheses.
      if (is_punct(last, "(") && is_word(last + 1) && all_caps(last + 1) &&
          is_punct(last + 2, ")")) {
        out_.mentions[static_cast<std::size_t>(index)].abbreviation = std::string(str(last + 1));
      }
      i = first;
    }
    // Abbreviations in parentheses after gazetteer names too: "Weltgesundheitsorganisation (WHO)".
    for (std::uint32_t i = sent.first; i + 2 < sent.last; ++i) {
      if (is_punct(i, "(") && is_word(i + 1) && all_caps(i + 1) && is_punct(i + 2, ")") &&
          i > sent.first && owned_by(i - 1, EntityType::kOrganization)) {
        Mention& m = out_.mentions[static_cast<std::size_t>(owner_[i - 1])];
        if (m.abbreviation.empty()) m.abbreviation = std::string(str(i + 1));
        if (owner_[i + 1] < 0) {
          Mention& a =
              add_mention(EntityType::kOrganization, i + 1, i + 2, std::string(str(i + 1)));
          a.reference = true;
        }
      }
    }
  }

  // "auf/an/bei/während der" + [ordinal] + the noun, or an ordinal before it: an event.
  bool is_event_context(std::uint32_t i) const {
    std::uint32_t k = i;
    while (k > 0 && (tok(k - 1).ordinal || is_adjective(k - 1))) {
      if (tok(k - 1).ordinal) return true;
      --k;
    }
    if (k >= 2 && is_article(k - 1)) {
      const auto p = lower(k - 2);
      return p == "auf" || p == "bei" || p == "während" || p == "nach" || p == "vor";
    }
    return false;
  }

  // ---- agreements ---------------------------------------------------------------------------
  void find_agreements(const text::Sentence& sent) {
    for (std::uint32_t i = sent.first; i < sent.last; ++i) {
      if (!is_word(i) || owner_[i] >= 0) continue;
      // "-Übereinkommens" after a name written apart ("Hanoi -Übereinkommens").
      std::string_view word = lower(i);
      const bool detached = word.starts_with("-");
      if (detached) word.remove_prefix(1);
      if (!(is_cap(i) || detached)) continue;
      const auto head =
          detached ? lex_.agreement_noun(word) : ask(kAgreementNoun, &Lexicon::agreement_noun, i);
      if (!head) continue;
      const auto& info = lex_.agreements()[head->index];
      std::uint32_t first = i;
      std::uint32_t last = i + 1;
      std::string written = without_ending(i, head->ending);
      if (detached) written.erase(0, 1);
      std::string qualifier;
      std::string name;
      if (detached && i > sent.first && owner_[i - 1] >= 0 && tok(i).begin > tok(i - 1).end) {
        const Mention& pm = *mention_at(i - 1);
        qualifier = pm.name;
        name = pm.name + "-" + written;
        first = pm.first;
      } else if (prefix_owner_[i] >= 0) {
        qualifier = head->prefix;  // "who-pandemie": compared with "Pandemieabkommen" by its end
        name = written;
      } else {
        name = written;
        if (!head->prefix.empty())
          qualifier = head->prefix;  // "Pandemieabkommen", "Gipfelerklärung"
      }
      // Capitalized adjectives before: "Gemeinsame Erklärung".
      std::string adjectives;
      for (std::uint32_t k = first;
           k > sent.first && is_name_adjective(k - 1) && !sentence_start(k - 1);) {
        --k;
        adjectives = nominative_adjective(str(k), info.gender) + " " + adjectives;
        first = k;
      }
      if (!adjectives.empty()) {
        name = adjectives + name;
        if (qualifier.empty()) qualifier = utf8::to_lower(adjectives);
      }
      // "Resolution 2774": a number names it.
      if (qualifier.empty() && last < sent.last && tok(last).kind == TokenKind::kNumber &&
          !tok(last).ordinal) {
        qualifier = std::string(str(last));
        name += " " + qualifier;
        ++last;
      }
      // "von Hanoi", "von Den Haag": the place or organization it is named after.
      if (last + 1 < sent.last && is_word(last) && lower(last) == "von" && mention_at(last + 1) &&
          mention_at(last + 1)->first == last + 1 && !mention_at(last + 1)->adjective &&
          mention_at(last + 1)->type != EntityType::kPerson) {
        const Mention& vm = *mention_at(last + 1);
        qualifier = vm.name;
        name += " von " + vm.name;
        last = vm.last;
      }
      const bool plural = head->ending == "en" || (head->ending == "e" && !written.ends_with("e"));
      // "eine Resolution zur Lage im Sudan": an agreement introduced here, named by what it is on.
      if (qualifier.empty() && !plural && first > sent.first &&
          listed_value("article", first - 1) == "indefinite") {
        const std::uint32_t end = topic_phrase(last, sent.last);
        if (end > last) {
          name += " " + span(last, end);
          qualifier = utf8::to_lower(span(last, end));
          last = end;
        }
      }
      const bool reference = qualifier.empty();
      if (reference && plural) continue;  // "in ihren Erklärungen": not one agreement
      // Drop the prefix mention a detached name already owned: the agreement spans both.
      for (std::uint32_t k = first; k < last; ++k) {
        if (owner_[k] >= 0 && mention_at(k)->type != EntityType::kAgreement) drop(owner_[k]);
      }
      Mention& m = add_mention(EntityType::kAgreement, first, last, name);
      m.cls = info.cls;
      m.qualifier = utf8::to_lower(qualifier);
      m.reference = reference;
      i = last - 1;
    }
  }

  // "zur Lage im Sudan", "über den Klimaschutz", "gegen Cyberkriminalität": a prepositional
  // phrase that says what something is about; returns one past its end, or `i`.
  std::uint32_t topic_phrase(std::uint32_t i, std::uint32_t end) const {
    static constexpr std::string_view kPrepositions[] = {"zur",  "zum",   "zu",
                                                         "über", "gegen", "für"};
    if (i >= end || !is_word(i) ||
        std::find(std::begin(kPrepositions), std::end(kPrepositions), lower(i)) ==
            std::end(kPrepositions)) {
      return i;
    }
    std::uint32_t k = i + 1;
    if (k < end && is_article(k)) ++k;
    while (k < end && is_adjective(k)) ++k;
    if (!(k < end && is_cap(k) && !is_function_word(k))) return i;
    ++k;
    // "im Sudan", "der Ukraine", "von Verschlusssachen": one more place, genitive or "von".
    if (k + 1 < end && is_word(k) &&
        (lower(k) == "im" || lower(k) == "in" || lower(k) == "der" || lower(k) == "des" ||
         lower(k) == "von") &&
        is_cap(k + 1)) {
      k += 2;
    }
    return k;
  }

  void drop(int index) {
    Mention& m = out_.mentions[static_cast<std::size_t>(index)];
    for (std::uint32_t k = m.first; k < m.last; ++k) {
      if (owner_[k] == index) owner_[k] = -1;
    }
    m.last = m.first;  // an empty range marks a dropped mention
  }

  // ---- events -------------------------------------------------------------------------------
  void find_events(const text::Sentence& sent) {
    for (std::uint32_t i = sent.first; i < sent.last; ++i) {
      if (!is_cap(i) || owner_[i] >= 0 || in_verb_phrase(i)) continue;
      const auto head = ask(kEventNoun, &Lexicon::event_noun, i);
      std::optional<Lexicon::HeadMatch> assembly;
      if (!head) {
        // An assembly in an event context ("auf der 78. Weltgesundheitsversammlung").
        const auto oh = ask(kOrgHead, &Lexicon::org_head, i);
        if (!oh || lex_.org_heads()[oh->index].kind != "assembly" || !is_event_context(i)) continue;
        assembly = oh;
      }
      const auto& h = head ? *head : *assembly;
      // A process ("Aushandlung", "Inkrafttreten", "Verhandlungen") is an event only where the
      // text says of what ("des Übereinkommens") or how long ("drei Jahre Verhandlungen").
      // "Operation „Nachtfalter“", "Manöver „Baltic Bastion 2025“": a name in quotation marks.
      const std::uint32_t quoted_end = quoted_name_after(i, sent);
      if (head && lex_.events()[head->index].kind == EventKind::kProcess &&
          !process_anchored(i, sent) && quoted_end == i + 1)
        continue;
      // "Zeremonie zur Unterzeichnung": the noun after "zur" describes the event before it.
      if (i >= sent.first + 2 && (lower(i - 1) == "zur" || lower(i - 1) == "zum") &&
          owned_by(i - 2, EntityType::kEvent)) {
        continue;
      }
      std::uint32_t first = i;
      std::string name = without_ending(i, h.ending);
      if (i > sent.first && tok(i - 1).ordinal) {
        first = i - 1;
        name = std::string(str(i - 1)) + " " + name;
      }
      std::uint32_t last = i + 1;
      std::string quoted;
      if (quoted_end > i + 1) {
        quoted = span(i + 2, quoted_end - 1);
        name += " " + quoted;
        last = quoted_end;
        unquote(i + 1);
      }
      Mention& m = add_mention(EntityType::kEvent, first, last, name);
      if (!quoted.empty()) {
        m.distinct = true;  // a named event is not another of its class
        m.qualifier = utf8::to_lower(quoted);
      }
      if (head) {
        const auto& info = lex_.events()[head->index];
        m.cls = info.cls;
        m.event_kind = info.kind;
      } else {
        m.cls = "assembly";
      }
      // A plural speaks of several events ("Angriffe"), unless the noun names one event in the
      // plural ("Gespräche", "zu Gesprächen").
      m.plural = (h.ending == "en" || h.ending == "n" || h.ending == "e") &&
                 !(head && lex_.is_plural_event_noun(head->index));
      if (h.prefix.empty() && i > sent.first && is_article(i - 1) && !m.plural) m.reference = true;
      // "zu einem Gespräch": a new event, not one mentioned before.
      for (std::uint32_t k = i; k > sent.first && k + 3 > i;) {
        --k;
        if (listed_value("article", k) == "indefinite") {
          m.fresh = true;
          m.reference = false;
          break;
        }
        if (!is_adjective(k)) break;
      }
      if (i > sent.first && is_adjective(i - 1) && lex_.is("distinct", lower(i - 1))) {
        // "der nächste NATO-Gipfel" is another summit: named with its adjective.
        m.distinct = true;
        m.reference = false;
        m.name = std::string(str(i - 1)) + " " + m.name;
        m.first = i - 1;
        m.begin = tok(i - 1).begin;
        owner_[i - 1] = static_cast<int>(out_.mentions.size()) - 1;
      }
      m.qualifier = h.prefix;
    }
  }

  // One past the closing mark of a short name in quotation marks right after token i
  // ("Operation „Nachtfalter“"), or i + 1.
  std::uint32_t quoted_name_after(std::uint32_t i, const text::Sentence& sent) const {
    const std::uint32_t open = i + 1;
    if (!(open < sent.last && tok(open).kind == TokenKind::kOpenQuote)) return i + 1;
    for (std::uint32_t k = open + 1; k < sent.last && k <= open + 5; ++k) {
      if (tok(k).kind == TokenKind::kCloseQuote)
        return k > open + 1 && is_cap(open + 1) ? k + 1 : i + 1;
      if (!(tok(k).kind == TokenKind::kWord || tok(k).kind == TokenKind::kNumber)) return i + 1;
    }
    return i + 1;
  }

  // The quotation marks at `open` enclose a name, not a quote.
  void unquote(std::uint32_t open) {
    const auto it = std::find_if(out_.quotes.begin(), out_.quotes.end(),
                                 [&](const QuoteMention& q) { return q.open == open; });
    if (it == out_.quotes.end()) return;
    for (std::uint32_t k = it->open + 1; k < it->close; ++k) in_quote_[k] = 0;
    out_.quotes.erase(it);
  }

  bool process_anchored(std::uint32_t i, const text::Sentence& sent) const {
    if (i > sent.first && is_word(i - 1) && lex_.is("unit", lower(i - 1))) return true;
    if (prefix_owner_[i] >= 0 || str(i).find_first_of("0123456789") != std::string_view::npos)
      return true;
    if (i + 2 < sent.last && (lower(i + 1) == "des" || lower(i + 1) == "der")) {
      for (std::uint32_t k = i + 2; k < sent.last && k < i + 5; ++k) {
        if (owned_by(k, EntityType::kAgreement)) return true;
      }
    }
    return false;
  }

  // ---- venues ("im World Forum", "im Palast Huis ten Bosch", "im Präsidentenpalast") -----------
  void find_venues(const text::Sentence& sent) {
    for (std::uint32_t i = sent.first; i + 1 < sent.last; ++i) {
      if (!is_word(i)) continue;
      std::uint32_t k = i + 1;
      const std::string_view p = lower(i);
      if ((p == "in" || p == "auf" || p == "an") && is_word(k) &&
          (lower(k) == "der" || lower(k) == "dem")) {
        ++k;  // "in der Villa Borsig", "auf dem Truppenübungsplatz Pabradė"
      } else if ((p == "in" || p == "nach") && !in_quote_[k]) {
        // "in Natans und Fordo", "in die belagerte Stadt El Fasher", "in der Kohleregion
        // Mpumalanga": names that are no German words, after an article, adjectives and a noun
        // that says what kind of place it is.
        if (k < sent.last && is_article(k)) ++k;
        while (k < sent.last && is_adjective(k)) ++k;
        if (k + 1 < sent.last && is_cap(k) && owner_[k] < 0 && is_cap(k + 1) && known(k) &&
            !known(k + 1)) {
          ++k;
        }
        if (!(k < sent.last && is_cap(k) && owner_[k] < 0)) continue;
        std::uint32_t n = k;
        while (n < sent.last && n < k + 3 && is_cap(n) && owner_[n] < 0 && title_owner_[n] < 0 &&
               !all_caps(n) && !is_function_word(n) && !known(n)) {
          ++n;
        }
        if (n > k && !(n < sent.last && is_cap(n))) {
          add_mention(EntityType::kPlace, k, n, span(k, n));
          // "in Natans und Fordo"
          if (n + 1 < sent.last && is_word(n) && lower(n) == "und" && is_cap(n + 1) &&
              owner_[n + 1] < 0 && !(n + 2 < sent.last && is_cap(n + 2)) && !known(n + 1)) {
            add_mention(EntityType::kPlace, n + 1, n + 2, std::string(str(n + 1)));
          }
          i = n - 1;
        }
        continue;
      } else if (!(p == "im" || p == "ins" || p == "am")) {
        continue;
      }
      if (owned_by(k, EntityType::kPlace) && mention_at(k)->adjective)
        k = mention_at(k)->last;  // "im Genfer Palais"
      // "im Internationalen Konferenzzentrum Al-Manara": capitalized adjectives of the name.
      const std::uint32_t name_first = k;
      while (k + 1 < sent.last && is_name_adjective(k) && has(kVenueHead, k + 1)) ++k;
      if (!is_cap(k) || owner_[k] >= 0 || in_quote_[k]) continue;
      const auto venue = ask(kVenueHead, &Lexicon::venue_head, k);
      std::string adjectives;
      for (std::uint32_t a = name_first; a < k && venue; ++a) {
        adjectives += nominative_adjective(str(a), lex_.venue_gender(venue->index)) + " ";
      }
      std::uint32_t last = k;
      if (venue) {
        last = k + 1;
        // "Palast Huis ten Bosch", "Palais des Nations": a proper name after the head noun.
        std::uint32_t n = last;
        while (n < sent.last && !venue_after(n) &&
               ((is_cap(n) && owner_[n] < 0 && !known_lower(n)) ||
                (is_particle(n) && is_cap(n + 1) && owner_[n + 1] < 0 &&
                 !(is_article(n) && known(n + 1))) ||
                (is_word(n) && (lower(n) == "des" || lower(n) == "de") && is_cap(n + 1) &&
                 !known_lower(n + 1)))) {
          ++n;
        }
        last = n;
      } else {
        // Words that are no German words ("World Forum"): a proper name of a place.
        std::uint32_t n = k;
        while (n < sent.last && is_cap(n) && owner_[n] < 0 && !is_function_word(n)) ++n;
        if (n - k < 2 || has(kEventNoun, n - 1) || has(kTitle, k)) continue;
        bool foreign = false;
        for (std::uint32_t w = k; w < n && !foreign; ++w) foreign = !known(w);
        if (!foreign) continue;
        last = n;
      }
      if (last <= k) continue;
      // "World Conference Center Bonn", "Flughafen von Luanda": the city is part of the name.
      std::uint32_t city = last;
      if (city + 1 < sent.last && is_word(city) && lower(city) == "von" && venue) ++city;
      if (owned_by(city, EntityType::kPlace) && mention_at(city)->first == city &&
          !mention_at(city)->adjective && !mention_at(city)->key.empty()) {
        last = mention_at(city)->last;
      }
      std::string name = span(k, last);
      if (venue && last == k + 1) name = without_ending(k, venue->ending);
      if (venue && last > k + 1) name = without_ending(k, venue->ending) + " " + span(k + 1, last);
      Mention& m = add_mention(EntityType::kPlace, venue ? name_first : k, last, adjectives + name);
      m.key.clear();
      // "Nelson-Mandela-Saal des AU-Konferenzzentrums": the building the venue is in.
      if (venue_after(last)) {
        const auto outer = ask(kVenueHead, &Lexicon::venue_head, last + 1);
        add_mention(EntityType::kPlace, last + 1, last + 2,
                    without_ending(last + 1, outer->ending));
        last += 2;
      }
      i = last - 1;
    }
  }

  // "des" + a venue noun at n.
  bool venue_after(std::uint32_t n) const {
    return n + 1 < size() && is_word(n) && (lower(n) == "des" || lower(n) == "der") &&
           is_cap(n + 1) && owner_[n + 1] < 0 && tok(n + 1).sentence == tok(n).sentence &&
           has(kVenueHead, n + 1);
  }

  // ---- titles -------------------------------------------------------------------------------
  void find_titles(const text::Sentence& sent) {
    for (std::uint32_t i = sent.first; i < sent.last; ++i) {
      if (!is_cap(i) || owner_[i] >= 0 || in_quote_[i]) continue;
      std::string_view w = lower(i);
      const bool abbreviated = is_punct(i + 1, ".") && tok(i + 1).begin == tok(i).end;
      std::string with_dot;
      if (abbreviated) {
        with_dot = std::string(w) + ".";
        w = with_dot;
      }
      auto hit = abbreviated ? lex_.title(w) : std::nullopt;  // "Dr.", else "Dr" as a word
      if (!hit) hit = ask(kTitle, &Lexicon::title, i);
      if (!hit) continue;
      const Title& title = lex_.titles()[hit->index];
      TitleMention tm;
      tm.head = i;
      tm.first = i;
      tm.last = abbreviated && title.kind == TitleKind::kHonorific ? i + 2 : i + 1;
      tm.title = hit->index;
      tm.kind = title.kind;
      // Adjectival nouns ("Vorsitzende") are feminine only after a feminine article.
      const bool adjectival = title.feminine + "r" == title.masculine;
      tm.feminine =
          hit->feminine &&
          !(adjectival && !(i > sent.first && (lower(i - 1) == "die" || lower(i - 1) == "eine")));
      std::string head = tm.feminine ? title.feminine : title.masculine;
      // Written prefix of a compound: "NATO-" (an entity: kept apart), "Gesundheits" (kept).
      std::string prefix;
      if (prefix_owner_[i] >= 0) {
        const Mention& pm = out_.mentions[static_cast<std::size_t>(prefix_owner_[i])];
        if (pm.type == EntityType::kOrganization) tm.organization = prefix_owner_[i];
        if (pm.type == EntityType::kCountry) tm.country = prefix_owner_[i];
      } else if (!hit->prefix.empty()) {
        prefix = std::string(str(i).substr(0, hit->prefix.size()));
        head = utf8::to_lower(head);
        if (prefix.back() == '-') head = utf8::capitalize(head);
      }
      // The plural ("zwei Ko-Vorsitzenden:") names several people.
      tm.plural = (w.ends_with("en") && !utf8::to_lower(head).ends_with("en") && i > sent.first &&
                   (tok(i - 1).kind == TokenKind::kNumber || category(i - 1) == "number"));
      // Without an article a countable title is a plural ("Vertreter der Kommission nahmen teil").
      tm.plural_form = tm.plural || (w.ends_with("en") && !utf8::to_lower(head).ends_with("en")) ||
                       !(i > sent.first && (is_article(i - 1) || is_adjective(i - 1) ||
                                            owned_by(i - 1, EntityType::kCountry) ||
                                            is_punct(i - 1, ",") || is_punct(i - 1, ":")));
      // Adjectives before: "der ständige stellvertretende", "der frühere niederländische".
      std::string adjectives;
      const char gender = tm.feminine ? 'f' : 'm';
      for (std::uint32_t k = i; k > sent.first;) {
        --k;
        if (owned_by(k, EntityType::kCountry) && mention_at(k)->adjective && !is_demonym(k)) {
          if (tm.country < 0) tm.country = owner_[k];
          tm.first = k;
        } else if (owned_by(k, EntityType::kCountry) && !mention_at(k)->adjective &&
                   str(k).ends_with("s") && k + 1 == i) {
          tm.country = owner_[k];  // "Angolas Präsident"
          tm.first = mention_at(k)->first;
          break;
        } else if (is_name_adjective(k) && !sentence_start(k)) {
          adjectives =
              nominative_adjective(str(k), gender) + " " + adjectives;  // "Hohe Vertreterin"
          tm.first = k;
        } else if (is_adjective(k) && owner_[k] < 0) {
          if (lex_.is("former", lower(k))) tm.former = true;
          adjectives = nominative_adjective(lower(k), gender) + " " + adjectives;
          tm.first = k;
        } else {
          break;
        }
      }
      // Adjectives belong to the title only after a determiner ("der ständige ..."), not after a
      // verb that looks like one ("Am Vorabend hatten König ...").
      if (tm.first < i && !(tm.first == sent.first || sentence_start(tm.first) ||
                            is_article(tm.first - 1) || is_punct(tm.first - 1, ","))) {
        adjectives.clear();
        tm.former = false;
        tm.first = i;
        if (tm.country >= 0 && out_.mentions[static_cast<std::size_t>(tm.country)].first < i &&
            prefix_owner_[i] != tm.country) {
          tm.country = -1;
        }
      }
      // "Ständige Vertreterin", "Hohe Vertreterin": a role with a name of its own is an office.
      if (tm.kind == TitleKind::kRole && std::any_of(adjectives.begin(), adjectives.end(),
                                                     [](char c) { return c >= 'A' && c <= 'Z'; })) {
        tm.kind = TitleKind::kOffice;
      }
      std::string text = adjectives + prefix + head;
      // Complements: "für ..." and an organization in the genitive.
      std::uint32_t last = tm.last;
      // "für ..." and the genitive may come in either order ("Hohe Vertreterin der EU für
      // Außen- und Sicherheitspolitik").
      for (int round = 0; round < 2 && title.kind != TitleKind::kHonorific; ++round) {
        const std::uint32_t f = fuer_phrase(last, sent.last);
        if (f > last) {
          text += " " + span(last, f);
          last = f;
        }
        if (tm.organization >= 0 && prefix_owner_[i] != tm.organization) continue;
        std::uint32_t after = 0;
        const int g = genitive_mention_at(last, sent.last, &after);
        if (g >= 0) {
          const Mention& gm = out_.mentions[static_cast<std::size_t>(g)];
          if (gm.type == EntityType::kOrganization ||
              (gm.type == EntityType::kEvent && gm.cls == "assembly")) {
            if (gm.type == EntityType::kEvent) {
              // "Präsident der Weltgesundheitsversammlung": the assembly as a body.
              out_.mentions[static_cast<std::size_t>(g)].type = EntityType::kOrganization;
              out_.mentions[static_cast<std::size_t>(g)].reference = false;
            }
            tm.organization = g;
            text += " " + span(last, after);
            last = after;
            // "Leiterin der Abteilung für Sicherungsmaßnahmen der IAEA": and what that belongs to.
            for (int parent = out_.mentions[static_cast<std::size_t>(g)].parent; parent >= 0;) {
              std::uint32_t parent_end = 0;
              if (genitive_mention_at(last, sent.last, &parent_end) != parent) break;
              text += " " + span(last, parent_end);
              last = parent_end;
              parent = out_.mentions[static_cast<std::size_t>(parent)].parent;
            }
          } else if (gm.type == EntityType::kCountry && !gm.adjective) {
            tm.country = g;
          }
        } else if (owned_by(last, EntityType::kCountry) && !mention_at(last)->adjective &&
                   str(mention_at(last)->last - 1).ends_with("s")) {
          tm.country = owner_[last];  // "Außenminister Frankreichs", "Außenminister Sierra Leones"
          last = mention_at(last)->last;
        }
      }
      // "(ECOWAS)", "in Berlin" after the title: part of its span, not of its text.
      if (is_punct(last, "(") && is_word(last + 1) && all_caps(last + 1) && is_punct(last + 2, ")"))
        last += 3;
      if (last + 1 < sent.last && is_word(last) && lower(last) == "in" &&
          owned_by(last + 1, EntityType::kPlace)) {
        last = mention_at(last + 1)->last;
      }
      // "Ständige Vertreterin Dänemarks bei den Vereinten Nationen", "Botschafter bei den
      // internationalen Organisationen in Wien": where the post is held.
      if (last + 1 < sent.last && is_word(last) && lower(last) == "bei") {
        std::uint32_t k = last + 1;
        if (is_article(k)) ++k;
        while (k < sent.last && is_adjective(k)) ++k;
        if (owned_by(k, EntityType::kOrganization)) {
          if (tm.organization < 0) tm.organization = owner_[k];
          last = mention_at(k)->last;
        } else if (k < sent.last && is_cap(k) && owner_[k] < 0) {
          last = k + 1;
        }
        if (last + 1 < sent.last && is_word(last) && lower(last) == "in" &&
            owned_by(last + 1, EntityType::kPlace)) {
          last = mention_at(last + 1)->last;
        }
      }
      tm.last = last;
      tm.text = text;
      const int index = static_cast<int>(out_.titles.size());
      for (std::uint32_t k = tm.first; k < tm.last; ++k) {
        if (owner_[k] < 0) title_owner_[k] = index;
      }
      title_end_[tm.last] = index;
      out_.titles.push_back(std::move(tm));
      i = last - 1;
    }
  }

  // ---- persons ------------------------------------------------------------------------------
  // A run of name words starting at i: capitalized words that are no other mention, with name
  // particles inside ("Sophie von der Au", "Huis ten Bosch" is a venue and owned already).
  std::uint32_t name_run(std::uint32_t i, std::uint32_t end, bool absorb_places) const {
    std::uint32_t k = i;
    while (k < end) {
      if (is_cap(k) && title_owner_[k] < 0 && !in_quote_[k] && !is_function_word(k) &&
          (owner_[k] < 0 || (absorb_places && k > i && owned_by(k, EntityType::kPlace) &&
                             mention_at(k)->last == k + 1))) {
        ++k;
      } else if (k > i && is_word(k) && !tok(k).upper &&
                 str(k).find('-') != std::string_view::npos &&
                 lex_.word_value("particle", utf8::to_lower(str(k).substr(0, str(k).find('-')))) &&
                 utf8::starts_upper(str(k).substr(str(k).find('-') + 1))) {
        ++k;  // "al-Harith", "el-Sisi"
      } else if (k > i && is_particle(k) && !tok(k).upper) {
        // "von der Au": particles continue a name only when a name word follows.
        std::uint32_t n = k;
        while (n < end && is_particle(n) && !tok(n).upper) ++n;
        if (n < end && is_cap(n) && owner_[n] < 0 && title_owner_[n] < 0) {
          k = n;
        } else {
          break;
        }
      } else {
        break;
      }
    }
    return k;
  }

  // A cue verb right before or after the words [first, last) ("sagte X", "X nahm teil").
  bool verb_near(std::uint32_t first, std::uint32_t last) const {
    for (const std::size_t vi : verbs_of_sentence_[tok(first).sentence]) {
      const VerbMention& v = out_.verbs[vi];
      if (v.last == first || v.first == last || v.first == last + 1) return true;
    }
    return false;
  }

  const TitleMention* title_ending_at(std::uint32_t end) const {
    return end < title_end_.size() && title_end_[end] >= 0
               ? &out_.titles[static_cast<std::size_t>(title_end_[end])]
               : nullptr;
  }

  bool looks_like_name_word(std::uint32_t k) const {
    return is_cap(k) && owner_[k] < 0 && title_owner_[k] < 0 && !is_function_word(k) &&
           !all_caps(k) && !has(kEventNoun, k) && !has(kAgreementNoun, k) && !has(kOrgHead, k);
  }

  void add_person(std::uint32_t first, std::uint32_t last) {
    for (std::uint32_t k = first; k < last; ++k) {
      if (owner_[k] >= 0) drop(owner_[k]);
    }
    add_mention(EntityType::kPerson, first, last, utf8::nfc(span(first, last)));
  }

  // Whether the name run [first, last) may begin with common nouns before a name particle
  // ("Leitung von Chalil Abu Sakr"): a particle among its first capitalized words or right after
  // them, and a word after the particle.
  bool particle_after_nouns(std::uint32_t first, std::uint32_t last) const {
    for (std::uint32_t p = first + 1; p + 1 < last; ++p) {
      if (is_particle(p)) return true;
      if (!is_cap(p)) return false;
    }
    return false;
  }

  // Finds persons: a run of name words after or before a title, or one of words that are no
  // German words where people are named. Whether a word is a German word is asked of hunspell,
  // which takes tens of microseconds for a word it does not know (most capitalized words of a
  // report are nouns): it is asked only where the answer can change the decision.
  void find_persons(const text::Sentence& sent) {
    for (std::uint32_t i = sent.first; i < sent.last; ++i) {
      if (!looks_like_name_word(i) || in_quote_[i]) continue;
      // After a title ("General Anna Berg", "Dr. Karl Brenner").
      const TitleMention* before = title_ending_at(i);
      const bool after_title = before != nullptr;
      // After "title ..., " ("Die Sprecherin des ... Außenministeriums, Lena Roth,").
      const TitleMention* before_comma = is_punct(i - 1, ",") ? title_ending_at(i - 1) : nullptr;
      const bool after_title_comma = before_comma && before_comma->kind != TitleKind::kHonorific;
      const bool after_colon = is_punct(i - 1, ":") && title_ending_at(i - 1);
      std::uint32_t end = name_run(i, sent.last, after_title || after_title_comma);
      if (end == i) continue;
      // "Leitung von Chalil Abu Sakr": common nouns before a particle are no part of the name.
      if (!after_title && i > sent.first && is_function_word(i - 1) &&
          particle_after_nouns(i, end)) {
        std::uint32_t p = i;
        while (p < end && is_cap(p) && known(p)) ++p;
        if (p > i && p < end && is_particle(p) && p + 1 < end) {
          i = p + 1;
          end = name_run(i, sent.last, false);
        }
      }
      // Before ", title" ("Jan Falk, Mitglied des ...", "Marie-Luise Kant, Botschafterin ...").
      std::uint32_t after = end;
      if (is_punct(after, "(") && is_word(after + 1) && is_punct(after + 2, ")"))
        after += 3;  // "(CDU)"
      std::uint32_t t = after + 1;
      if (t < sent.last && is_article(t)) ++t;  // ", dem Vorsitzenden des ..."
      const bool before_title = is_punct(after, ",") && t < sent.last &&
                                (title_owner_[t] >= 0 || (is_adjective(t) && t + 1 < sent.last &&
                                                          title_owner_[t + 1] >= 0));
      const bool by_title = after_title_comma || after_colon || before_title;
      // A run of foreign words is a name where people are named: before "aus LAND", next to a
      // verb of saying, or in a list after another person.
      const auto person_context = [&] {
        return (is_word(end) && lower(end) == "aus") || verb_near(i, end) ||
               (i >= sent.first + 2 && (lower(i - 1) == "und" || is_punct(i - 1, ",")) &&
                owned_by(i - 2, EntityType::kPerson)) ||
               (end + 1 < sent.last && is_word(end) && lower(end) == "und" && is_cap(end + 1) &&
                owner_[end + 1] < 0 && !known(end + 1));  // "X und Y", Y no German word
      };
      const bool prep_before = i > sent.first && is_word(i - 1) && category(i - 1) == "preposition";
      bool person = after_title;
      if (!person && (by_title || (!prep_before && person_context()))) {
        // Without a title right before, a name has a word that is no German word ("Frieden"
        // after a comma is a noun, "Owusu" a name); a run of foreign words needs no title.
        bool foreign = end - i >= 2;
        bool any_foreign = false;
        for (std::uint32_t k = i; k < end; ++k) {
          const bool unknown = !known(k);
          foreign = foreign && (unknown || is_particle(k));
          any_foreign = any_foreign || unknown;
        }
        person = any_foreign && (by_title || foreign);
      }
      if (person) {
        add_person(i, end);
        i = end - 1;
      }
    }
  }

  // "traf X mit Y zusammen", "empfing den Gast": an event named by its verb, when people act
  // and no event noun names it.
  void find_meetings(const text::Sentence& sent) {
    for (const std::size_t vi : verbs_of_sentence_[tok(sent.first).sentence]) {
      const VerbMention& v = out_.verbs[vi];
      if (v.event.empty()) continue;
      // Who acts: people, titles standing for people ("die beiden Minister"), and for a
      // signing also countries and organizations.
      int agents = 0;
      bool event = false;
      for (std::uint32_t k = sent.first; k < sent.last; ++k) {
        const Mention* m = mention_at(k);
        if (m && m->first == k &&
            (m->type == EntityType::kPerson ||
             (v.role == VerbRole::kSign && !m->adjective &&
              (m->type == EntityType::kCountry || m->type == EntityType::kOrganization)))) {
          ++agents;
        }
        if (title_owner_[k] >= 0 &&
            out_.titles[static_cast<std::size_t>(title_owner_[k])].head == k)
          ++agents;
        // An event that only frames the sentence ("Bei seinem ersten Besuch ... beraten") is not
        // the one the verb names.
        if (owned_by(k, EntityType::kEvent) && mention_at(k)->first == k &&
            !framing_event(k, sent)) {
          event = true;
        }
      }
      if (event) continue;
      if (agents < 1 || owner_[v.first] >= 0) continue;
      const auto noun = lex_.event_noun(utf8::to_lower(v.event));
      Mention& m = add_mention(EntityType::kEvent, v.first, v.first + 1, v.event);
      m.cls = noun ? lex_.events()[noun->index].cls : utf8::to_lower(v.event);
      m.fresh = true;
    }
  }

  // An event after a preposition of time or occasion ("bei seinem ersten Besuch", "nach dem
  // Treffen", "im Anschluss an die Gespräche").
  bool framing_event(std::uint32_t k, const text::Sentence& sent) const {
    std::uint32_t b = k;
    while (b > sent.first && (is_article(b - 1) || is_adjective(b - 1) || tok(b - 1).ordinal)) --b;
    if (b == sent.first || !is_word(b - 1)) return false;
    const std::string_view p = lower(b - 1);
    return p == "bei" || p == "beim" || p == "nach" || p == "vor" || p == "während" ||
           p == "seit" || (p == "an" && b >= sent.first + 2 && lex_.is("sequence", lower(b - 2)));
  }

  // Single words that repeat a part of a person's name ("sagte Brenner", "Frau Kant", "Berg").
  void find_partial_names() {
    // Written form (also genitive) → name part, a view of the text; a small flat table, as
    // every report builds one.
    StringTable<std::string_view> known;
    for (const Mention& pm : out_.mentions) {
      if (pm.type != EntityType::kPerson || pm.last <= pm.first) continue;
      for (std::uint32_t k = pm.first; k < pm.last; ++k) {
        if (!is_cap(k)) continue;
        const std::string_view part = str(k);
        known.try_emplace(part, part);
        known.try_emplace(std::string(part) + "s", part);  // "Owusus"
      }
    }
    if (known.empty()) return;
    auto is_part = [&](std::uint32_t i) {
      return i < size() && is_cap(i) && owner_[i] < 0 && title_owner_[i] < 0 && !in_quote_[i] &&
             known.find(str(i)) != nullptr;
    };
    for (std::uint32_t i = 0; i < size(); ++i) {
      if (!is_part(i)) continue;
      // "Olaf Weber" again: neighbouring parts are one mention of the whole name.
      std::uint32_t end = i + 1;
      while (is_part(end) && tok(end).sentence == tok(i).sentence) ++end;
      std::string name = end == i + 1 ? std::string(*known.find(str(i))) : span(i, end);
      Mention& nm = add_mention(EntityType::kPerson, i, end, std::move(name));
      nm.reference = true;
      i = end - 1;
    }
  }

  // ---- quantities ---------------------------------------------------------------------------
  static std::optional<std::string> non_empty(std::optional<std::string_view> v) {
    if (!v || v->empty()) return std::nullopt;
    return std::string(*v);
  }

  // The value of an ordinal word ("dritter" → 3) before an event; the lexicon is asked only then.
  std::optional<std::string> ordinal_before_event(std::uint32_t i) const {
    if (!owned_by(i + 1, EntityType::kEvent)) return std::nullopt;
    return non_empty(lex_.inflected_value("ordinal", lower(i)));
  }

  std::optional<std::string> number_word_value(std::uint32_t i) const {
    if (!is_word(i)) return std::nullopt;
    return non_empty(listed_value("number", i));
  }

  static std::string multiply(const std::string& value, const std::string& factor) {
    // value × 10^k where factor is 1 followed by zeros.
    const std::size_t zeros = factor.size() - 1;
    const auto dot = value.find('.');
    std::string digits =
        dot == std::string::npos ? value : value.substr(0, dot) + value.substr(dot + 1);
    std::size_t frac = dot == std::string::npos ? 0 : value.size() - dot - 1;
    if (frac <= zeros) {
      digits += std::string(zeros - frac, '0');
      const auto nz = digits.find_first_not_of('0');
      return nz == std::string::npos ? "0" : digits.substr(nz);
    }
    const std::string out = digits.substr(0, digits.size() - (frac - zeros)) + "." +
                            digits.substr(digits.size() - (frac - zeros));
    return out;
  }

  void find_quantities(const text::Sentence& sent) {
    for (std::uint32_t i = sent.first; i < sent.last; ++i) {
      if (in_quote_[i]) continue;
      std::optional<std::string> value;
      if (tok(i).kind == TokenKind::kNumber && !tok(i).ordinal) {
        value = text::parse_number(str(i));
        if (!value) continue;
        if (is_year_or_date(i)) continue;
      } else if (is_word(i) && !tok(i).upper && (owner_[i] < 0)) {
        // "zweitägigen Treffens": a duration adjective modifies the noun after it.
        if (auto d = duration(i)) {
          QuantityMention q;
          q.first = i;
          q.last = i + 1;
          q.unit_first = i;
          q.unit_last = i + 1;
          q.value = std::move(d->first);
          q.unit = std::move(d->second);
          for (std::uint32_t k = i + 1; k < sent.last && k < i + 3; ++k) {
            if (owned_by(k, EntityType::kEvent)) {
              q.modifies = owner_[k];
              break;
            }
          }
          out_.quantities.push_back(std::move(q));
          continue;
        }
        // "sein dritter Besuch": an ordinal word before an event counts it.
        if (const auto o = ordinal_before_event(i)) {
          QuantityMention q;
          q.first = i;
          q.last = i + 2;
          q.unit_first = i + 1;
          q.unit_last = i + 2;
          q.value = *o;
          q.unit = std::string(str(i + 1));
          q.modifies = owner_[i + 1];
          out_.quantities.push_back(std::move(q));
          continue;
        }
        value = number_word_value(i);
        if (!value) continue;
        // "ein"/"eine" are articles far more often than numbers.
        if (*value == "1") continue;
      } else if (is_cap(i) && sentence_start(i) && owner_[i] < 0) {
        value = number_word_value(i);  // "Drei Jahre Verhandlungen"
        if (!value || *value == "1") continue;
      } else {
        continue;
      }
      std::string unit;
      std::uint32_t unit_first = i + 1;
      std::uint32_t unit_last = i + 1;
      std::uint32_t k = i + 1;
      // "14 der 15 Ratsmitglieder": the part counts what the whole counts.
      if (k + 1 < sent.last && is_word(k) && (lower(k) == "der" || lower(k) == "von") &&
          tok(k + 1).kind == TokenKind::kNumber) {
        k += 2;
      }
      // "1,5 Millionen", "zwei Milliarden"
      if (k < sent.last && is_word(k)) {
        if (auto f = number_word_value(k); f && f->size() > 3 && (*f)[0] == '1' &&
                                           f->find_first_not_of('0', 1) == std::string::npos) {
          value = multiply(*value, *f);
          ++k;
        }
      }
      if (is_punct(k, "%")) {
        unit = "Prozent";
        unit_first = k;
        unit_last = k + 1;
      } else {
        // The counted noun phrase: adjectives (with commas and "und") and one noun.
        std::uint32_t n = k;
        while (n < sent.last && (is_adjective(n) || (is_punct(n, ",") && is_adjective(n + 1)) ||
                                 (is_word(n) && lower(n) == "und" && is_adjective(n + 1)) ||
                                 (owned_by(n, EntityType::kCountry) && mention_at(n)->adjective))) {
          ++n;
        }
        if (n < sent.last && is_word(n) && tok(n).upper && !is_function_word(n)) {
          unit_first = k;
          unit_last = n + 1;
          unit = span(k, n + 1);
        } else {
          continue;  // a number without a counted noun
        }
      }
      QuantityMention q;
      q.first = i;
      q.last = unit_last;
      q.unit_first = unit_first;
      q.unit_last = unit_last;
      q.value = *value;
      q.unit = unit;
      if (owned_by(unit_last - 1, EntityType::kEvent)) q.counted = owner_[unit_last - 1];
      // "Drei Jahre Verhandlungen": a duration of the event named after the unit.
      if (q.counted < 0 && owned_by(unit_last, EntityType::kEvent)) q.modifies = owner_[unit_last];
      // Qualifier words before the number: "mehr als", "mindestens", "rund".
      for (std::uint32_t back = 1; back <= 2 && i >= sent.first + back; ++back) {
        std::vector<std::string_view> words;
        for (std::uint32_t w = i - back; w < i; ++w) words.push_back(lower(w));
        if (const auto qual = lex_.qualifier(words); qual && qual->first == back) {
          q.qualifier = qual->second;
          q.first = i - back;
        }
      }
      out_.quantities.push_back(std::move(q));
      i = unit_last - 1;
    }
  }

  // "2025", "25. Juni", "im Jahr 2035": not counts.
  bool is_year_or_date(std::uint32_t i) const {
    const std::string_view s = str(i);
    const bool four_digits =
        s.size() == 4 && s.find_first_not_of("0123456789") == std::string_view::npos;
    if (four_digits && s >= "1000" && s <= "2199") {
      // A year unless a counted noun follows directly ("1500 Soldaten").
      const bool noun_after = i + 1 < size() && is_word(i + 1) && tok(i + 1).upper &&
                              tok(i + 1).sentence == tok(i).sentence && category(i + 1).empty();
      return !noun_after ||
             (i > 0 && is_word(i - 1) &&
              (lower(i - 1) == "jahr" || lower(i - 1) == "jahren" || category(i - 1) == "month"));
    }
    if (i + 1 < size() && is_word(i + 1) && category(i + 1) == "month") return true;
    return false;
  }

  // "zweitägig", "dreijährige": (value, unit) of a duration adjective.
  std::optional<std::pair<std::string, std::string>> duration(std::uint32_t i) const {
    // Every suffix has "ig" (asserted below): a plain scan for it, inlined where the finder asks
    // of nearly every lower-case word, rules out most words without a call.
    const std::string_view w = lower(i);
    for (std::size_t k = 1; k < w.size(); ++k) {
      if (w[k] == 'g' && w[k - 1] == 'i') return duration_of(w);
    }
    return std::nullopt;
  }
  std::optional<std::pair<std::string, std::string>> duration_of(std::string_view w) const {
    static constexpr std::pair<std::string_view, std::string_view> kSuffixes[] = {
        {"tägig", "Tage"},
        {"wöchig", "Wochen"},
        {"monatig", "Monate"},
        {"jährig", "Jahre"},
        {"stündig", "Stunden"}};
    static_assert(std::all_of(std::begin(kSuffixes), std::end(kSuffixes), [](const auto& s) {
      return s.first.find("ig") != std::string_view::npos;
    }));
    for (const auto& [suffix, unit] : kSuffixes) {
      const auto pos = w.find(suffix);
      if (pos == std::string_view::npos || pos == 0) continue;
      const std::string number(w.substr(0, pos));
      const auto word = lex_.word_value("number", number);
      const std::optional<std::string> v =
          word ? std::optional<std::string>(*word) : text::parse_number(number);
      if (v && !v->empty()) return std::make_pair(*v, std::string(unit));
    }
    return std::nullopt;
  }

  const text::Text& t_;
  const Lexicon& lex_;
  // The number of tokens, which the token helpers compare with at every step: kept, as the
  // vector's size is a division (by the size of a token) each time.
  const std::size_t size_;
  Recognized out_;
  std::vector<int> owner_;         // token → mention covering it
  std::vector<int> prefix_owner_;  // token → mention of its compound's first part
  std::vector<int> title_owner_;   // token → title covering it
  // Flags as bytes rather than std::vector<bool>: the finders test them at every step, and a
  // byte is read with one load where a bit takes a shift and a mask.
  std::vector<std::uint8_t> in_quote_;
  std::vector<std::uint8_t> in_verb_phrase_;  // token → part of a verb phrase of several words
  std::vector<int> title_end_;                // token → title ending there
  std::vector<std::vector<std::size_t>> verbs_of_sentence_;

  // Whether a token is a word, and a capitalized one, and the classes of a word by its category,
  // as bits: the finders test them at nearly every step.
  static constexpr std::uint8_t kArticle = 1;       // article, possessive
  static constexpr std::uint8_t kFunctionWord = 2;  // article, possessive, preposition, ...
  static constexpr std::uint8_t kClosedClass = 4;   // never an adjective or a name
  static constexpr std::uint8_t kWord = 8;
  static constexpr std::uint8_t kCapitalized = 16;  // a word that starts with a capital
  static std::uint8_t classes_of(std::string_view category) {
    if (category.empty()) return 0;  // most words
    if (category == "article" || category == "possessive")
      return kArticle | kFunctionWord | kClosedClass;
    if (category == "preposition" || category == "conjunction" || category == "pronoun")
      return kFunctionWord | kClosedClass;
    if (category == "particle" || category == "number" || category == "month" ||
        category == "weekday" || category == "temporal") {
      return kClosedClass;
    }
    return 0;
  }
  std::vector<std::uint8_t> classes_;  // token → bits of its kind and its word's classes

  // What the lexicon says of a word, as bits (Lexicon::WordFacts::has).
  using enum Lexicon::WordFacts::Fact;
  std::vector<std::uint16_t> fact_bits_;  // token → facts of its word

  // Per token, two bits per form: asked, and the answer.
  static constexpr int kAsWritten = 0;
  static constexpr int kLowerCase = 2;
  bool dictionary_word(std::size_t i, int form) const {
    std::uint8_t& bits = dictionary_[i];
    if (!(bits & (1u << form))) {
      const bool yes = lex_.is_dictionary_word(form == kAsWritten ? str(i) : lower(i));
      bits |= static_cast<std::uint8_t>((1u << form) | (yes ? 2u << form : 0u));
    }
    return bits & (2u << form);
  }
  mutable std::vector<std::uint8_t> dictionary_;
};

}  // namespace

Recognized recognize(const text::Text& text, const Lexicon& lexicon) {
  return Recognizer(text, lexicon).run();
}

}  // namespace reportkg::recognize
