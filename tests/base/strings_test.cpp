#include "base/strings.hpp"

#include <doctest/doctest.h>

#include <string>

namespace {

using reportkg::BoundedCache;

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
