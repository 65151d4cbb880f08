// The recognize stage: gazetteers and patterns over the tokens of a text.
#pragma once

#include "recognize/lexicon.hpp"
#include "recognize/mention.hpp"
#include "text/text.hpp"

namespace reportkg::recognize {

/// Finds every mention, title, quantity, quote and cue verb of `text`, ordered by position.
Recognized recognize(const text::Text& text, const Lexicon& lexicon);

}  // namespace reportkg::recognize
