#include "base/strings.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {

using reportkg::BoundedCache;
using reportkg::StringHash;

}  // namespace

TEST_CASE("a string table finds each key added, by string_view, and keeps its first value") {
  reportkg::StringTable<int> table;
  CHECK(table.find("Bonn") == nullptr);
  CHECK(table.try_emplace("Bonn", 1).second);
  CHECK_FALSE(table.try_emplace(std::string_view("Bonn"), 2).second);
  REQUIRE(table.find(std::string("Bonn")) != nullptr);
  CHECK(*table.find("Bonn") == 1);
  CHECK(table.find("Bon") == nullptr);
  CHECK(table.find("") == nullptr);
  table[""] = 7;
  CHECK(*table.find("") == 7);
  CHECK(table.size() == 2);
}

TEST_CASE("a string table keeps thousands of keys in the order they were added") {
  reportkg::StringTable<std::size_t> table;
  for (std::size_t i = 0; i < 5000; ++i) table[std::to_string(i * 7919 % 5000)] = i;
  CHECK(table.size() == 5000);
  std::size_t position = 0;
  for (const auto& [key, value] : table) {
    CHECK(value == position);
    CHECK(key == std::to_string(position * 7919 % 5000));
    ++position;
  }
  for (std::size_t i = 0; i < 5000; ++i) {
    const std::size_t* v = table.find(std::to_string(i * 7919 % 5000));
    REQUIRE(v != nullptr);
    CHECK(*v == i);
  }
  CHECK(table.find("5000") == nullptr);
  table.clear();
  CHECK(table.empty());
  CHECK(table.find("0") == nullptr);
}

TEST_CASE("a string table keeps its keys and their order through reserving room, and beyond it") {
  reportkg::StringTable<std::size_t> table;
  for (std::size_t i = 0; i < 10; ++i) table[std::to_string(i)] = i;
  table.reserve(100);  // after some keys: they stay where they are
  // Past the room reserved, the table grows again.
  for (std::size_t i = 10; i < 300; ++i) table[std::to_string(i)] = i;
  std::size_t position = 0;
  for (const auto& [key, value] : table) CHECK(value == position++);
  CHECK(position == 300);
  for (std::size_t i = 0; i < 300; ++i) {
    const std::size_t* v = table.find(std::to_string(i));
    REQUIRE(v != nullptr);
    CHECK(*v == i);
  }
  CHECK(table.find("300") == nullptr);
}

TEST_CASE("a string table of views keys the caller's strings, not copies, through growing") {
  std::vector<std::string> keys;
  for (std::size_t i = 0; i < 1000; ++i)
    keys.push_back("https://example.org/id/" + std::to_string(i));
  reportkg::StringTable<std::size_t, std::string_view> table;
  for (std::size_t i = 0; i < keys.size(); ++i) CHECK(table.try_emplace(keys[i], i).second);
  std::size_t position = 0;
  for (const auto& [key, value] : table) CHECK(key.data() == keys[position++].data());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const std::size_t* v = table.find(std::string(keys[i]));  // found by an equal string
    REQUIRE(v != nullptr);
    CHECK(*v == i);
  }
  CHECK_FALSE(table.try_emplace(std::string("https://example.org/id/7"), 0).second);
  CHECK(table.find("https://example.org/id/1000") == nullptr);
}

TEST_CASE("a bounded cache computes each answer once and looks it up after that") {
  BoundedCache<std::string> cache(4);
  int computed = 0;
  const auto answer = [&](std::string_view s) {
    return cache.get(s, [&] {
      ++computed;
      return std::string(s) + "!";
    });
  };
  CHECK(answer("a") == "a!");
  CHECK(answer("a") == "a!");
  CHECK(answer("b") == "b!");
  CHECK(computed == 2);
}

TEST_CASE("a full bounded cache forgets everything and starts again") {
  BoundedCache<int> cache(2);
  int computed = 0;
  const auto get = [&](std::string_view key) { return cache.get(key, [&] { return ++computed; }); };
  CHECK(get("a") == 1);
  CHECK(get("b") == 2);
  CHECK(get("c") == 3);  // the cache was full: "a" and "b" are forgotten
  CHECK(get("c") == 3);
  CHECK(get("a") == 4);
  cache.clear();
  CHECK(get("c") == 5);
}

TEST_CASE("a string hashes alike as std::string, string_view and C string") {
  const StringHash hash;
  CHECK(hash(std::string("Ministerium")) == hash(std::string_view("Ministerium")));
  CHECK(hash("Ministerium") == hash(std::string_view("Ministerium")));
  reportkg::StringMap<int> map{{"Bonn", 1}};
  CHECK(map.find(std::string_view("Bonn")) != map.end());
}

TEST_CASE("words that differ in one byte, anywhere, or only in length hash apart") {
  const StringHash hash;
  for (std::size_t length = 0; length <= 24; ++length) {
    const std::string word(length, 'a');
    std::set<std::size_t> hashes{hash(word), hash(word + '\0')};
    for (std::size_t i = 0; i < length; ++i) {
      std::string other = word;
      other[i] = 'b';
      hashes.insert(hash(other));
    }
    CHECK_MESSAGE(hashes.size() == length + 2, "length " << length);
  }
}
