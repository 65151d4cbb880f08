// The resolve stage: mentions clustered into entities.
#pragma once

#include <string>
#include <vector>

#include "recognize/lexicon.hpp"
#include "recognize/mention.hpp"
#include "text/text.hpp"

namespace reportkg::resolve {

using recognize::EntityType;

struct Entity {
  EntityType type = EntityType::kPerson;
  std::string label;                    ///< canonical nominative name
  std::vector<std::string> alt_labels;  ///< other names (variants, abbreviations), sorted, unique
  std::string id;                       ///< identity for the IRI: ISO code, or the label
  std::vector<int> mentions;            ///< indices into Recognized::mentions, in text order
  std::string cls;                      ///< event / agreement class
  recognize::EventKind event_kind = recognize::EventKind::kHappening;
  bool plural = false;
  bool distinct = false;  ///< an event set apart from others of its class ("der nächste Gipfel")
  std::string country;    ///< ISO code known from the gazetteer (cities, national bodies)
  std::string parent;     ///< parent organization label known from the gazetteer
};

struct Resolved {
  std::vector<Entity> entities;
  std::vector<int> entity_of;  ///< mention index → entity index (-1: dropped)
};

/// Clusters the mentions of one report into entities (name variants, inflection, abbreviations,
/// partial names, definite references).
Resolved resolve(const text::Text& text, const recognize::Recognized& recognized,
                 const recognize::Lexicon& lexicon);

}  // namespace reportkg::resolve
