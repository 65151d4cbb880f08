// Hash tables keyed by strings that are searched with string_views, without building a
// std::string for every lookup (the language resources are looked up for every word).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace reportkg {

/// std::hash of the characters, for std::string, std::string_view and C strings alike.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};

template <class V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

/// Answers remembered by string key, for at most `limit` keys: when full, all are forgotten at
/// once, so that memory stays bounded on any input. Not thread-safe: keep one per thread.
template <class V>
class BoundedCache {
 public:
  explicit BoundedCache(std::size_t limit) : limit_(limit) {}

  /// The answer for `key`, computed by compute() the first time. The reference is valid until
  /// the next call.
  template <class Compute>
  const V& get(std::string_view key, Compute&& compute) {
    if (const auto it = map_.find(key); it != map_.end()) return it->second;
    V value = compute();
    if (map_.size() >= limit_) map_.clear();
    return map_.emplace(std::string(key), std::move(value)).first->second;
  }
  void clear() { map_.clear(); }

 private:
  std::size_t limit_;
  StringMap<V> map_;
};

}  // namespace reportkg
