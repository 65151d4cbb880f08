#include "recognize/phrase_table.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace {

using reportkg::recognize::PhraseTable;

PhraseTable<int> verbs() {
  PhraseTable<int> t;
  t.insert("nahm", 1);
  t.insert("nahm teil", 2);
  t.insert("nahm an der sitzung teil", 3);
  return t;
}

}  // namespace

TEST_CASE("the longest phrase the words begin with wins") {
  const auto t = verbs();
  const auto [length, value] = t.longest({"nahm", "teil", "und"});
  CHECK(length == 2);
  REQUIRE(value != nullptr);
  CHECK(*value == 2);
  CHECK(*t.longest({"nahm", "an", "der", "sitzung", "teil"}).second == 3);
}

TEST_CASE("a beginning of a longer phrase is no phrase of its own") {
  const auto t = verbs();
  // "nahm an der" begins phrase 3 but is not listed: the match falls back to "nahm".
  const auto [length, value] = t.longest({"nahm", "an", "der", "tagung"});
  CHECK(length == 1);
  CHECK(*value == 1);
}

TEST_CASE("words that begin no phrase match nothing") {
  const auto t = verbs();
  CHECK(t.longest({"sagte", "nahm", "teil"}).first == 0);
  CHECK(t.longest({}).first == 0);
}

TEST_CASE("a phrase added twice keeps its first value; operator[] reaches it") {
  auto t = verbs();
  t.insert("nahm teil", 9);
  CHECK(*t.longest({"nahm", "teil"}).second == 2);
  t["nahm teil"] = 7;
  CHECK(*t.longest({"nahm", "teil"}).second == 7);
}

TEST_CASE("a word longer than every phrase matches nothing, and the phrase after it still does") {
  const auto t = verbs();
  const std::string huge(1 << 20, 'n');
  CHECK(t.longest({huge, "teil"}).first == 0);
  CHECK(t.longest({"nahm", huge}).first == 1);
  CHECK(*t.longest({"nahm", "teil"}).second == 2);
}

TEST_CASE("a word begins a phrase when it is the first word of one") {
  const auto t = verbs();
  CHECK(t.begins_with("nahm"));
  CHECK_FALSE(t.begins_with("teil"));  // only ever a later word
  CHECK_FALSE(t.begins_with("sagte"));
  CHECK_FALSE(t.begins_with(std::string(1 << 20, 'n')));
}
