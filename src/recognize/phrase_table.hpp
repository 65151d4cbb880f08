// Phrases of one or more words (names, verb phrases, qualifiers) looked up at a position of a
// sentence: the longest phrase that the words there begin with. Every phrase's beginnings are
// kept too, so that the search stops at the first word that begins no phrase, which for most
// positions is the first.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
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
      entry(phrase.substr(0, space)).begins_longer = true;
    }
    Entry& e = entry(phrase);
    if (!e.value) e.value.emplace();
    longest_bytes_ = std::max(longest_bytes_, phrase.size());
    return *e.value;
  }
  /// Adds `phrase` with `value` unless it is there (then the first value stays).
  void insert(std::string_view phrase, V value) {
    const Entry* e = entries_.find(phrase);
    if (!e || !e->value) (*this)[phrase] = std::move(value);
  }

  /// Whether a phrase of the table begins with `word` (or is that word), as longest() finds
  /// it; the word taken as it is, or as its key where longest() takes keys.
  bool begins_with(std::string_view word) const {
    return word.size() <= longest_bytes_ && entries_.find(word) != nullptr;
  }

  /// The longest phrase that `words` begin with, each word taken as key(word): its length in
  /// words and its value, or {0, nullptr}.
  template <class Key>
  std::pair<std::size_t, const V*> longest(const std::vector<std::string_view>& words,
                                           Key key) const {
    std::pair<std::size_t, const V*> best{0, nullptr};
    // The first word is looked up as it is: at most positions it begins no phrase.
    if (words.empty()) return best;
    const std::string_view first = key(words[0]);
    const Entry* e = first.size() <= longest_bytes_ ? entries_.find(first) : nullptr;
    if (!e) return best;
    if (e->value) best = {1, &*e->value};
    if (!e->begins_longer) return best;
    thread_local std::string phrase;
    phrase.assign(first);
    for (std::size_t n = 1; n < words.size(); ++n) {
      const std::string_view word = key(words[n]);
      if (phrase.size() + 1 + word.size() > longest_bytes_) break;  // no phrase that long
      phrase += ' ';
      phrase += word;
      e = entries_.find(phrase);
      if (!e) break;
      if (e->value) best = {n + 1, &*e->value};
      if (!e->begins_longer) break;
    }
    return best;
  }
  std::pair<std::size_t, const V*> longest(const std::vector<std::string_view>& words) const {
    return longest(words, [](std::string_view word) { return word; });
  }

 private:
  // A phrase, or the beginning of a longer one, or both: one lookup answers both questions.
  struct Entry {
    std::optional<V> value;
    bool begins_longer = false;  // the first words of a phrase of more words
  };
  Entry& entry(std::string_view phrase) { return entries_[phrase]; }

  StringTable<Entry> entries_;
  std::size_t longest_bytes_ = 0;  // of the phrases
};

}  // namespace reportkg::recognize
