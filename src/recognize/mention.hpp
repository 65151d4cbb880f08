// What the recognize stage finds: typed mentions, titles, quantities, quotes and cue verbs, each a
// token range of the text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "recognize/lexicon.hpp"
#include "text/text.hpp"

namespace reportkg::recognize {

enum class EntityType : std::uint8_t {
  kPerson,
  kOrganization,
  kCountry,
  kPlace,
  kEvent,
  kAgreement
};

/// "Person", "Organization", ...
const char* type_name(EntityType type);

/// A mention of an entity. A mention that a later pattern took over is left with first == last
/// (dropped); consumers skip it.
struct Mention {
  EntityType type = EntityType::kPerson;
  std::uint32_t first = 0;  ///< token range [first, last)
  std::uint32_t last = 0;
  std::uint32_t begin = 0;  ///< byte range in the text (a compound part may be less than its token)
  std::uint32_t end = 0;
  std::string name;          ///< canonical (nominative) name proposed by this mention
  std::string abbreviation;  ///< an abbreviation given in parentheses after it ("(WHO)")
  std::string key;        ///< identity when known: "VN" for countries, a gazetteer label, or empty
  std::string cls;        ///< event / agreement class ("meeting", "convention")
  std::string qualifier;  ///< what tells same-class events or agreements apart ("Hanoi", "2026")
  EventKind event_kind = EventKind::kHappening;
  bool reference =
      false;  ///< a definite description without a name of its own ("das Übereinkommen")
  bool in_quote = false;   ///< inside quotation marks
  bool adjective = false;  ///< a country named by its adjective or demonym ("niederländische")
  bool plural = false;     ///< a generic plural ("37 Nebenveranstaltungen")
  bool distinct = false;   ///< marked as another event of its class ("der nächste Gipfel")
  bool fresh = false;      ///< introduced as a new one ("zu einem Gespräch"): not an earlier event
  bool dateline = false;   ///< in the dateline ("Den Haag (Niederlande) –")
  int parent = -1;         ///< mention of the organization this one is part of (genitive chain)
};

struct TitleMention {
  std::uint32_t first = 0;  ///< token range of the whole title phrase
  std::uint32_t last = 0;
  std::uint32_t head = 0;  ///< the title noun's token
  std::size_t title = 0;   ///< index into Lexicon::titles()
  TitleKind kind = TitleKind::kOffice;
  bool feminine = false;
  bool plural = false;       ///< a counted plural ("zwei Ko-Vorsitzenden")
  bool plural_form = false;  ///< written in the plural ("Vertreter der Kommission nahmen teil")
  std::string
      text;  ///< the title as it would stand alone ("ständiger stellvertretender Außenminister")
  int organization =
      -1;            ///< mention of the organization the title names ("Direktor der Abteilung ...")
  int country = -1;  ///< mention of a country in the title ("niederländische", "US-")
  bool former = false;  ///< "früherer", "ehemaliger"
};

struct QuantityMention {
  std::uint32_t first = 0;  ///< the number (with its qualifier)
  std::uint32_t last = 0;
  std::uint32_t unit_first = 0;  ///< the counted noun phrase
  std::uint32_t unit_last = 0;
  std::string value;      ///< canonical decimal
  std::string unit;       ///< what is counted, as written ("Delegierte", "Tage")
  std::string qualifier;  ///< "mehr als", "mindestens", ...
  int counted = -1;       ///< mention that is the counted thing itself (an event noun), if any
  int modifies = -1;      ///< mention the quantity is an attribute of ("zweitägigen Treffens")
};

struct QuoteMention {
  std::uint32_t open = 0;   ///< token of the opening mark
  std::uint32_t close = 0;  ///< token of the closing mark
};

struct VerbMention {
  std::uint32_t first = 0;
  std::uint32_t last = 0;
  VerbRole role = VerbRole::kSay;
  std::string event;  ///< the event the verb names ("traf" → "Treffen"), or empty
};

inline bool dropped(const Mention& m) { return m.last <= m.first; }

struct Recognized {
  std::vector<Mention> mentions;
  std::vector<TitleMention> titles;
  std::vector<QuantityMention> quantities;
  std::vector<QuoteMention> quotes;
  std::vector<VerbMention> verbs;
  /// Each token's word among the lexicon's closed classes (Lexicon::word_id), or
  /// Lexicon::kUnlisted: what later stages ask of the words ("article"?) without looking them up.
  std::vector<Lexicon::WordId> words;
};

}  // namespace reportkg::recognize
