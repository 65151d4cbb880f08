// The relate stage: facts between entities, each with the sentence and rule it came from.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "recognize/lexicon.hpp"
#include "recognize/mention.hpp"
#include "resolve/entity.hpp"
#include "text/text.hpp"

namespace reportkg::relate {

enum class Predicate : std::uint8_t {
  kJobTitle,
  kAffiliation,
  kNationality,
  kCountry,
  kParentOrganization,
  kContainedInPlace,
  kLocation,
  kOrganizer,
  kParticipant,
  kAbout,
};

/// Where a fact comes from: the sentence that supports it and the rule that found it.
struct Evidence {
  std::uint32_t sentence = 0;
  std::string rule;
};

struct Relation {
  Predicate predicate = Predicate::kJobTitle;
  int subject = -1;
  int object = -1;        ///< entity, or -1 for a literal
  std::string literal;    ///< the job title
  int organization = -1;  ///< for job titles: the organization of the post, if known
  Evidence evidence;
};

struct Quantity {
  int subject = -1;
  std::string value;
  std::string unit;
  std::string qualifier;
  std::uint32_t first = 0;  ///< token range of number and unit
  std::uint32_t last = 0;
  Evidence evidence;
};

struct Quote {
  int speaker = -1;
  std::uint32_t begin = 0;  ///< byte range of the quoted text, without the marks
  std::uint32_t end = 0;
  Evidence evidence;
};

struct Facts {
  std::vector<Relation> relations;
  std::vector<Quantity> quantities;
  std::vector<Quote> quotes;
};

Facts relate(const text::Text& text, const recognize::Recognized& recognized,
             const resolve::Resolved& resolved, const recognize::Lexicon& lexicon);

}  // namespace reportkg::relate
