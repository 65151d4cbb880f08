// Hash tables keyed by strings that are searched with string_views, without building a
// std::string for every lookup (the language resources are looked up for every word).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace reportkg {

/// A hash of the characters, for std::string, std::string_view and C strings alike. The keys
/// are mostly words of a few bytes, looked up several times per word of every report: this reads
/// eight bytes at a time (fewer for the short tail) and mixes them by multiplication, at a
/// fraction of the cost of std::hash's byte-wise loop. The value is not stable across builds or
/// platforms and nothing may depend on it beyond lookups.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ULL;
    const auto mix = [](std::uint64_t h, std::uint64_t w) {
      h = (h ^ w) * kMul;
      return h ^ (h >> 29);
    };
    const char* p = s.data();
    std::size_t n = s.size();
    std::uint64_t h = (n + 1) * kMul;
    for (; n >= 8; p += 8, n -= 8) h = mix(h, load<std::uint64_t>(p));
    if (n >= 4) {
      // The last four bytes overlap the first four when n < 8.
      h = mix(h, load<std::uint32_t>(p) | (std::uint64_t{load<std::uint32_t>(p + n - 4)} << 32));
    } else if (n > 0) {
      h = mix(h, std::uint64_t{static_cast<unsigned char>(p[0])} |
                     (std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8) |
                     (std::uint64_t{static_cast<unsigned char>(p[n - 1])} << 16));
    }
    return static_cast<std::size_t>(h ^ (h >> 32));
  }

 private:
  template <class T>
  static T load(const char* p) noexcept {
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
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
