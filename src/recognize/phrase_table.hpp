// Phrases of one or more words (names, verb phrases, qualifiers) looked up at a position of a
// sentence: the longest phrase that the words there begin with. Every phrase's beginnings are
// kept too, so that the search stops at the first word that begins no phrase, which for most
// positions is the first.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/strings.hpp"

namespace reportkg::recognize {

template <class V>
class PhraseTable {
 public:
  /// The value of `phrase` (words separated by single spaces), added empty if it is new.
  V& operator[](std::string_view phrase) {
    for (std::size_t space = phrase.find(' '); space != std::string_view::npos;
         space = phrase.find(' ', space + 1)) {
      beginnings_.emplace(phrase.substr(0, space));
    }
    auto it = phrases_.find(phrase);
    if (it == phrases_.end()) it = phrases_.emplace(phrase, V{}).first;
    return it->second;
  }
  /// Adds `phrase` with `value` unless it is there (then the first value stays).
  void insert(std::string_view phrase, V value) {
    if (phrases_.find(phrase) == phrases_.end()) (*this)[phrase] = std::move(value);
  }

  /// The longest phrase that `words` begin with, each word taken as key(word): its length in
  /// words and its value, or {0, nullptr}.
  template <class Key>
  std::pair<std::size_t, const V*> longest(const std::vector<std::string_view>& words,
                                           Key key) const {
    std::pair<std::size_t, const V*> best{0, nullptr};
    std::string phrase;
    for (std::size_t n = 0; n < words.size(); ++n) {
      if (n > 0) phrase += ' ';
      phrase += key(words[n]);
      if (const auto it = phrases_.find(phrase); it != phrases_.end()) best = {n + 1, &it->second};
      if (beginnings_.find(phrase) == beginnings_.end()) break;
    }
    return best;
  }
  std::pair<std::size_t, const V*> longest(const std::vector<std::string_view>& words) const {
    return longest(words, [](std::string_view word) { return word; });
  }

 private:
  StringMap<V> phrases_;
  StringSet beginnings_;  // the first words of each phrase of two or more words
};

}  // namespace reportkg::recognize
