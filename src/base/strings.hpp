// Hash tables keyed by strings that are searched with string_views, without building a
// std::string for every lookup (the language resources are looked up for every word).
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

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

/// A hash table of strings for the tables that are asked for every word of every report (the
/// language resources and the caches in front of them): a lookup is one hash and, mostly, one
/// probe. The entries lie in one array in the order they were added (which is the order of
/// iteration), and an open-addressing index of at least twice their number holds each one's
/// position and hash, so that a probe compares keys only when the hashes agree. Entries are never
/// removed one by one; pointers to values are valid until the next insertion. With `Key`
/// std::string_view the table keeps views, not copies, of its keys: their bytes must outlive it.
template <class V, class Key = std::string>
class StringTable {
 public:
  struct Entry {
    Key key;
    V value;
  };

  const V* find(std::string_view key) const { return find(key, StringHash{}(key)); }
  V* find(std::string_view key) {
    return const_cast<V*>(std::as_const(*this).find(key, StringHash{}(key)));
  }
  /// Adds `key` with `value` unless it is there; returns its value and whether it was added.
  std::pair<V*, bool> try_emplace(std::string_view key, V value) {
    const std::uint64_t hash = StringHash{}(key);
    if (const V* v = find(key, hash)) return {const_cast<V*>(v), false};
    return {&add(key, hash, std::move(value)), true};
  }
  /// The value of `key`, added default-constructed if it is new.
  V& operator[](std::string_view key) { return *try_emplace(key, V{}).first; }

  /// Makes room for `n` entries, so that adding up to that many moves and rehashes nothing.
  void reserve(std::size_t n) {
    entries_.reserve(n);
    if (2 * n > slots_.size()) rehash(std::bit_ceil(2 * n));
  }
  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  void clear() {
    entries_.clear();
    slots_.assign(slots_.size(), Slot{});
  }
  auto begin() const { return entries_.begin(); }
  auto end() const { return entries_.end(); }

 private:
  template <class>
  friend class BoundedCache;

  struct Slot {
    std::uint64_t hash = 0;
    std::size_t position = 0;  // 1 + index into entries_; 0: empty
  };

  const V* find(std::string_view key, std::uint64_t hash) const {
    if (slots_.empty()) return nullptr;
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.position == 0) return nullptr;
      const Entry& e = entries_[slot.position - 1];
      if (slot.hash == hash && e.key == key) return &e.value;
    }
  }
  V& add(std::string_view key, std::uint64_t hash, V value) {
    if (2 * (entries_.size() + 1) > slots_.size()) grow();
    entries_.push_back(Entry{Key(key), std::move(value)});
    place(hash, entries_.size());
    return entries_.back().value;
  }
  void place(std::uint64_t hash, std::size_t position) {
    std::size_t i = hash & mask_;
    while (slots_[i].position != 0) i = (i + 1) & mask_;
    slots_[i] = Slot{hash, position};
  }
  void grow() { rehash(slots_.empty() ? 16 : 2 * slots_.size()); }
  void rehash(std::size_t slots) {
    slots_.assign(slots, Slot{});
    mask_ = slots_.size() - 1;
    for (std::size_t p = 0; p < entries_.size(); ++p) place(StringHash{}(entries_[p].key), p + 1);
  }

  std::vector<Entry> entries_;
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
};

/// Answers remembered by string key, for at most `limit` keys: when full, all are forgotten at
/// once, so that memory stays bounded on any input. Not thread-safe: keep one per thread.
template <class V>
class BoundedCache {
 public:
  explicit BoundedCache(std::size_t limit) : limit_(limit == 0 ? 1 : limit) {}

  /// The answer for `key`, computed by compute() the first time. The reference is valid until
  /// the next call.
  template <class Compute>
  const V& get(std::string_view key, Compute&& compute) {
    const std::uint64_t hash = StringHash{}(key);
    if (const V* v = table_.find(key, hash)) return *v;
    V value = compute();
    if (table_.size() >= limit_) table_.clear();
    return table_.add(key, hash, std::move(value));
  }
  void clear() { table_.clear(); }

 private:
  std::size_t limit_;
  StringTable<V> table_;
};

}  // namespace reportkg
