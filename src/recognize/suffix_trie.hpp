// Head nouns searched from the end of a word. German compounds put their head last
// ("Außenministeriums" = "Außen" + "ministerium" + "s"), so the listed nouns a word ends with are
// found by walking the word backwards through a trie of the reversed nouns: the cost is bounded
// by the longest noun, not by the word's length times the number of its splits.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace reportkg::recognize {

template <class V>
class SuffixTrie {
 public:
  /// Adds `key` with its value, unless it is empty or already there (then the first value stays).
  void insert(std::string_view key, V value) {
    std::uint32_t node = 0;
    for (std::size_t i = key.size(); i-- > 0;) {
      const auto byte = static_cast<unsigned char>(key[i]);
      std::uint32_t next = child(node, byte);
      if (next == 0) {
        next = static_cast<std::uint32_t>(nodes_.size());
        nodes_[node].children.emplace_back(byte, next);
        nodes_.emplace_back();
      }
      node = next;
    }
    if (node != 0 && !nodes_[node].value) nodes_[node].value = std::move(value);
  }

  /// The value of `key`, if it was added.
  const V* find(std::string_view key) const {
    std::uint32_t node = 0;
    for (std::size_t i = key.size(); i-- > 0;) {
      node = child(node, static_cast<unsigned char>(key[i]));
      if (node == 0) return nullptr;
    }
    return node != 0 && nodes_[node].value ? &*nodes_[node].value : nullptr;
  }

  /// Calls visit(begin, value) for every key that is word[begin, end), longest key last.
  template <class Visit>
  void visit_keys_ending_at(std::string_view word, std::size_t end, Visit&& visit) const {
    std::uint32_t node = 0;
    for (std::size_t i = end; i-- > 0;) {
      node = child(node, static_cast<unsigned char>(word[i]));
      if (node == 0) return;
      if (nodes_[node].value) visit(i, *nodes_[node].value);
    }
  }

 private:
  struct Node {
    std::vector<std::pair<unsigned char, std::uint32_t>> children;
    std::optional<V> value;
  };

  // The child of `node` along `byte`, or 0 (the root is no one's child).
  std::uint32_t child(std::uint32_t node, unsigned char byte) const {
    for (const auto& [b, next] : nodes_[node].children) {
      if (b == byte) return next;
    }
    return 0;
  }

  std::vector<Node> nodes_ = std::vector<Node>(1);
};

}  // namespace reportkg::recognize
