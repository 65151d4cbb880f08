// The text stage: a Document's content → paragraphs, sentences and tokens with byte offsets.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "input/document.hpp"

namespace reportkg::text {

enum class TokenKind : std::uint8_t {
  kWord,       ///< letters/digits, with inner hyphens ("NATO-Gipfel", "COVID-19-Pandemie")
  kNumber,     ///< digits with German separators ("2.500", "3,5"), an ordinal keeps its dot ("78.")
  kPunct,      ///< one punctuation character
  kOpenQuote,  ///< „ « ‚ and a straight " that opens
  kCloseQuote,  ///< “ ” » ‘ and a straight " that closes
  kUrl,         ///< http(s)://... or www....
};

struct Token {
  std::uint32_t begin = 0;  ///< byte offset in Document::text
  std::uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  bool upper = false;         ///< starts with an upper-case letter
  bool space_before = false;  ///< white space (or the start of a line) precedes it
  bool ordinal = false;       ///< a number written with an ordinal dot ("78.")
  std::uint32_t sentence = 0;
  std::uint32_t lower_begin = 0;  ///< its lower-cased text (for words, else the text) in
  std::uint32_t lower_size = 0;   ///< Text::lowered: see Text::lower
};

struct Sentence {
  std::uint32_t first = 0;  ///< first token index
  std::uint32_t last = 0;   ///< one past the last token index
  std::uint32_t paragraph = 0;
  std::uint32_t begin = 0;  ///< byte range in Document::text
  std::uint32_t end = 0;
  bool heading = false;  ///< a line without final punctuation (headline, sub-heading)
};

struct Text {
  const input::Document* doc = nullptr;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::string lowered;  ///< the lower-cased texts of all tokens, one after the other

  /// The token's text lower-cased (for words; other tokens as written).
  std::string_view lower(const Token& t) const {
    return std::string_view(lowered).substr(t.lower_begin, t.lower_size);
  }
  std::string_view lower(std::size_t i) const { return lower(tokens[i]); }

  std::string_view str(const Token& t) const {
    return std::string_view(doc->text).substr(t.begin, t.end - t.begin);
  }
  std::string_view str(std::size_t i) const { return str(tokens[i]); }
  /// Text of the tokens [first, last), as written (with the original spacing).
  std::string_view span(std::size_t first, std::size_t last) const;
};

/// The words of a language that sentence splitting needs (lower case).
struct Conventions {
  std::unordered_set<std::string>
      abbreviations;  ///< "dr", "prof" (without the dot): a period after them ends no sentence
  std::unordered_set<std::string>
      determiners;  ///< "der", "am", "seinem": a number with a dot after them is an ordinal
  std::unordered_set<std::string> months;  ///< "mai": a number with a dot before them is a day
};

/// Splits the content of `doc` (boilerplate lines excluded) into sentences and tokens. A sentence
/// never crosses a line break; a period ends none after an abbreviation or in an ordinal
/// ("der 78. Sitzung", "am 3. Mai").
Text analyze(const input::Document& doc, const Conventions& conventions);

/// The value of a German number token as a canonical decimal ("2.500" → "2500", "3,5" → "3.5",
/// "78." → "78"), or nullopt when it is not a number.
std::optional<std::string> parse_number(std::string_view token);

}  // namespace reportkg::text
