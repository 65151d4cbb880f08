#include "base/strings.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

namespace {

using reportkg::BoundedCache;
using reportkg::StringHash;

}  // namespace

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
