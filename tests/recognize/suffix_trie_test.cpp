#include "recognize/suffix_trie.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using reportkg::recognize::SuffixTrie;

// The keys ending at `end` of `word`, as (begin, value), in the order visited.
std::vector<std::pair<std::size_t, int>> keys_ending_at(const SuffixTrie<int>& t,
                                                        std::string_view word, std::size_t end) {
  std::vector<std::pair<std::size_t, int>> out;
  t.visit_keys_ending_at(word, end, [&](std::size_t begin, int v) { out.emplace_back(begin, v); });
  return out;
}

SuffixTrie<int> heads() {
  SuffixTrie<int> t;
  t.insert("rat", 1);
  t.insert("sicherheitsrat", 2);
  t.insert("ministerium", 3);
  return t;
}

}  // namespace

TEST_CASE("the keys a word ends with are visited shortest first") {
  const auto t = heads();
  const std::string_view word = "uno-sicherheitsrat";
  using Hits = std::vector<std::pair<std::size_t, int>>;
  CHECK(keys_ending_at(t, word, word.size()) == Hits{{15, 1}, {4, 2}});
}

TEST_CASE("keys are found before an ending") {
  const auto t = heads();
  const std::string_view word = "außenministeriums";
  using Hits = std::vector<std::pair<std::size_t, int>>;
  CHECK(keys_ending_at(t, word, word.size() - 1) == Hits{{word.size() - 12, 3}});
  CHECK(keys_ending_at(t, word, word.size()).empty());
}

TEST_CASE("find gives the value of a whole key only") {
  const auto t = heads();
  REQUIRE(t.find("rat") != nullptr);
  CHECK(*t.find("rat") == 1);
  CHECK(t.find("at") == nullptr);
  CHECK(t.find("") == nullptr);
  CHECK(t.find("apparat") == nullptr);
}

TEST_CASE("a key added twice keeps its first value; an empty key is not added") {
  auto t = heads();
  t.insert("rat", 5);
  t.insert("", 6);
  CHECK(*t.find("rat") == 1);
  CHECK(t.find("") == nullptr);
}
