// The language resources of data/<lang>/ (compiled in), loaded into lookup tables.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/result.hpp"
#include "base/strings.hpp"
#include "recognize/phrase_table.hpp"
#include "recognize/suffix_trie.hpp"
#include "text/text.hpp"

namespace reportkg::recognize {

struct Country {
  std::string iso;
  std::string name;
  std::vector<std::string> variants;
  std::string adjective;  ///< lower-case stem: "vietnamesisch"
  std::vector<std::string> demonyms;
};

struct Place {
  std::string name;
  std::string kind;  ///< city, region
  std::string iso;   ///< country, may be empty
  std::vector<std::string> variants;
};

struct Organization {
  std::string label;
  std::vector<std::string> variants;
  std::string parent;  ///< label of the parent organization, may be empty
  std::string iso;
};

enum class TitleKind { kOffice, kRank, kHonorific, kRole };

struct Title {
  std::string masculine;
  std::string feminine;
  TitleKind kind = TitleKind::kOffice;
  std::string organization;  ///< head noun of the implied organization (Minister → Ministerium)
};

enum class EventKind { kHappening, kProcess, kSpeech };

struct EventNoun {
  std::string head;
  std::string cls;
  EventKind kind = EventKind::kHappening;
};

enum class VerbRole { kSay, kOrganize, kParticipate, kMeet, kAdopt, kSign };

/// Which gazetteer a name belongs to, and the index of the entry there.
struct NameEntry {
  enum class Kind { kCountry, kPlace, kOrganization } kind;
  std::size_t index;
};

/// A hit of a multi-word phrase (verb phrase, qualifier) or name at a token position.
struct PhraseHit {
  std::size_t length = 0;  ///< in tokens
  std::size_t value = 0;   ///< index into the list the phrase belongs to
};

class Lexicon {
 public:
  /// Loads the compiled-in resources of `lang`.
  static Result<Lexicon> load(std::string_view lang);
  /// Loads from {relative path, contents} pairs (as compiled in); for tests.
  static Result<Lexicon> parse(
      const std::vector<std::pair<std::string_view, std::string_view>>& files,
      std::string_view lang);

  const std::vector<Country>& countries() const { return countries_; }
  const std::vector<Place>& places() const { return places_; }
  const std::vector<Organization>& organizations() const { return organizations_; }
  const std::vector<Title>& titles() const { return titles_; }

  /// Longest gazetteer name (country, place, organization) that the lower-case words begin with,
  /// compared by inflection-insensitive keys (see match_key). Returns the length in words and the
  /// entries, valid as long as the lexicon.
  std::pair<std::size_t, std::span<const NameEntry>> match_name(
      const std::vector<std::string_view>& lower) const;

  /// How a word ends with a listed title or head noun: word = prefix + head + ending (an
  /// inflection ending of a few bytes); `index` into the title's or head noun's list.
  struct HeadAt {
    std::uint32_t index = 0;
    std::uint32_t prefix_bytes = 0;
    std::uint8_t ending_bytes = 0;
    bool feminine = false;  ///< titles: the word is the feminine form
  };
  /// A word of the closed classes and small vocabularies (words.tsv), by its number there.
  using WordId = std::uint32_t;
  static constexpr WordId kUnlisted = UINT32_MAX;  ///< a word that is not listed
  /// What the lexicon says of one lower-case word form: the title and head nouns it ends with,
  /// the country whose adjective or demonym it is, its listing among the closed classes. The
  /// questions below that take a word look its facts up, unless the caller gives them, as one
  /// does that asks several questions of a word.
  struct WordFacts {
    static constexpr std::uint32_t kNoCountry = UINT32_MAX;
    std::optional<HeadAt> title, org_head, event_noun, agreement_noun, venue_head;
    std::uint32_t adjective_country = kNoCountry, demonym_country = kNoCountry;
    WordId word = kUnlisted;
    bool begins_verb = false;  ///< a verb phrase begins with the word: verb() may find one
    bool begins_name = false;  ///< a gazetteer name begins with it: match_name() may find one
    /// Which of the facts above the word has, as bits, for a caller that tests them of every
    /// word: a title, a head noun, a country adjective (kCountryAdjective), ...
    enum Fact : std::uint16_t {
      kTitle = 1,
      kOrgHead = 2,
      kEventNoun = 4,
      kAgreementNoun = 8,
      kVenueHead = 16,
      kCountryAdjective = 32,
      kDemonym = 64,
      kBeginsVerb = 128,
      kBeginsName = 256,
    };
    std::uint16_t has = 0;
  };
  /// The facts of `lower`, kept per thread for a bounded number of word forms; the reference is
  /// valid until the thread's next call.
  const WordFacts& facts(std::string_view lower) const;

  /// The country whose adjective stem the lower-case word inflects ("niederländischen" → NL).
  std::optional<std::size_t> country_by_adjective(std::string_view lower) const;
  /// The country whose demonym the word is ("Niederländer").
  std::optional<std::size_t> country_by_demonym(std::string_view lower) const;
  std::optional<std::size_t> country_by_iso(std::string_view iso) const;
  std::optional<std::size_t> organization_by_label(std::string_view label) const;
  /// The place named `name` exactly (the last one listed, if several are).
  std::optional<std::size_t> place_by_name(std::string_view name) const;

  /// The title a lower-case word is (exactly, inflected, or as the last part of a compound), with
  /// whether the word is the feminine form. Sets `compound_prefix` to the part before the title.
  struct TitleHit {
    std::size_t index;
    bool feminine;
    std::string
        prefix;  ///< "nato" for "nato-generalsekretär", "gesundheits" for "gesundheitsminister"
  };
  std::optional<TitleHit> title(std::string_view lower) const;

  /// How a word matched a head noun: `prefix` + head + `ending` (all lower case), e.g.
  /// "außenministeriums" = "außen" + "ministerium" + "s".
  struct HeadMatch {
    std::string prefix;
    std::string ending;
    std::size_t index = 0;  ///< entry in the table's list
  };
  /// Organization head noun (exact or last compound part); `index` into org_heads().
  std::optional<HeadMatch> org_head(std::string_view lower) const;
  /// True when an event noun of the table is itself a plural ("Gespräche" beside "Gespräch"): it
  /// names one event.
  bool is_plural_event_noun(std::size_t index) const;
  /// Event noun (exact, inflected, or last compound part); `index` into events().
  std::optional<HeadMatch> event_noun(std::string_view lower) const;
  /// Agreement noun (exact, inflected, or last compound part); `index` into agreements().
  std::optional<HeadMatch> agreement_noun(std::string_view lower) const;
  /// Venue head noun (Palast, Palais, Zentrum, Hotel); `index` into venues().
  std::optional<HeadMatch> venue_head(std::string_view lower) const;

  struct OrgHead {
    std::string head;
    std::string kind;   ///< "body" or "assembly"
    char gender = 'm';  ///< 'm', 'f', 'n'
  };
  struct AgreementNoun {
    std::string head;
    std::string cls;
    char gender = 'n';
  };
  const std::vector<OrgHead>& org_heads() const { return org_heads_list_; }
  /// Gender of a venue head ('m', 'f', 'n'); `index` from venue_head().
  char venue_gender(std::size_t index) const { return venue_genders_[index]; }
  const std::vector<EventNoun>& events() const { return events_; }
  const std::vector<AgreementNoun>& agreements() const { return agreements_list_; }
  struct VerbHit {
    std::size_t length = 0;  ///< in words
    VerbRole role = VerbRole::kSay;
    std::string event;  ///< the event noun the verb names ("traf" → "Treffen"), or empty
  };
  /// Verb forms and phrases: longest match at the start of the lower-case words.
  std::optional<VerbHit> verb(const std::vector<std::string_view>& lower) const;
  /// The listed word that `lower` is, or kUnlisted.
  WordId word_id(std::string_view lower) const;
  /// Closed-class word category ("article", "preposition", ...), the first a word is listed
  /// under, or empty.
  std::string_view word_category(WordId word) const {
    return word == kUnlisted ? std::string_view() : listings_[word].front().category;
  }
  std::string_view word_category(std::string_view lower) const {
    return word_category(word_id(lower));
  }
  /// Value of a word of a category ("number" "zwei" → "2"; "qualifier" "über" → "mehr als"),
  /// valid as long as the lexicon.
  std::optional<std::string_view> word_value(std::string_view category, WordId word) const {
    if (word == kUnlisted) return std::nullopt;
    for (const Listing& l : listings_[word]) {
      if (l.category == category) return l.value;
    }
    return std::nullopt;
  }
  std::optional<std::string_view> word_value(std::string_view category,
                                             std::string_view lower) const {
    return word_value(category, word_id(lower));
  }
  /// True when the word, compared without inflection endings, is listed under `category`
  /// ("distinct": "nächsten", "former": "ehemaligen", "delegation": "Delegationen").
  bool is(std::string_view category, std::string_view lower) const;
  /// word_value(), also for inflected forms ("dritter" → the value of "dritte").
  std::optional<std::string_view> inflected_value(std::string_view category,
                                                  std::string_view lower) const;
  /// Longest qualifier phrase at the start of the words → (length, normalized qualifier).
  std::optional<std::pair<std::size_t, std::string>> qualifier(
      const std::vector<std::string_view>& lower) const;
  const std::unordered_set<std::string>& abbreviations() const { return abbreviations_; }
  /// Words of a category, lower case ("article", "month", ...).
  std::unordered_set<std::string> words_of(std::string_view category) const;
  /// What the text stage needs of this language: abbreviations, determiners, months.
  text::Conventions conventions() const;

  /// True when hunspell knows the word (in any case) as a German word.
  bool is_dictionary_word(std::string_view word) const;

 private:
  WordFacts compute_facts(std::string_view lower) const;

  std::uint64_t id_ = 0;  // tells the word facts of this lexicon from another's
  std::vector<Country> countries_;
  std::vector<Place> places_;
  std::vector<Organization> organizations_;
  std::vector<Title> titles_;
  std::vector<EventNoun> events_;
  PhraseTable<std::vector<NameEntry>> names_;  // key of whole name
  StringMap<std::size_t> adjectives_;          // stem → country
  StringMap<std::size_t> demonyms_;
  StringMap<std::size_t> iso_;
  StringMap<std::size_t> org_labels_;
  StringTable<std::size_t> place_names_;
  SuffixTrie<std::pair<std::size_t, bool>> title_forms_;  // lower form → title, fem
  std::vector<OrgHead> org_heads_list_;
  std::vector<AgreementNoun> agreements_list_;
  SuffixTrie<std::size_t> org_heads_;
  SuffixTrie<std::size_t> event_heads_;
  SuffixTrie<std::size_t> agreement_heads_;
  SuffixTrie<std::size_t> venue_heads_;
  std::vector<char> venue_genders_;
  PhraseTable<std::pair<VerbRole, std::string>> verbs_;  // lower phrase → role, event noun
  // The categories and values of each listed word, in the order of words.tsv; a word is
  // listed under a few categories at most ("ein": article and number).
  struct Listing {
    std::string category, value;
  };
  StringTable<WordId> word_ids_;
  std::vector<std::vector<Listing>> listings_;  // WordId → listings
  PhraseTable<std::string> qualifiers_;
  std::unordered_set<std::string> abbreviations_;
  StringTable<StringTable<std::string>> word_keys_;  // category → match_key(word) → value
};

/// The inflection-insensitive key of a lower-case word (a beginning of it): German case and
/// number endings are stripped repeatedly while at least three letters remain ("nationen",
/// "nation" → "natio").
std::string_view match_key(std::string_view lower);

/// Splits a name into the words the tokenizer would produce (spaces separate; hyphens join).
std::vector<std::string> name_words(std::string_view name);

}  // namespace reportkg::recognize
