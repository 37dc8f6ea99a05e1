#include <doctest/doctest.h>

#include <stdexcept>

#include "profiles/profile_bytes.h"

using namespace ogix;

TEST_CASE("the built-in profiles are read from build-time bytes and equal the parsed profile text") {
  CHECK(builtin_profiles_prebuilt());  // the executables link the bytes: no process parses
  const std::vector<Profile> parsed = parse_builtin_profiles();
  REQUIRE(parsed.size() >= 3);
  REQUIRE(builtin_profiles().size() == parsed.size());
  for (std::size_t i = 0; i < parsed.size(); ++i) {
    CAPTURE(parsed[i].id);
    CHECK(builtin_profiles()[i] == parsed[i]);  // every field (defaulted ==)
  }
}

TEST_CASE("profile bytes read back equal, and bytes they did not write are refused") {
  const std::vector<Profile> parsed = parse_builtin_profiles();
  const std::string bytes = profiles_to_bytes(parsed);
  CHECK(profiles_from_bytes(bytes) == parsed);
  // Any field changed makes the profiles differ: == is not vacuous.
  std::vector<Profile> changed = parsed;
  changed.back().tables.back().rows.back().stated.push_back("x");
  CHECK_FALSE(changed == parsed);
  CHECK(profiles_from_bytes(profiles_to_bytes(changed)) == changed);
  for (std::size_t cut : {std::size_t{0}, std::size_t{1}, bytes.size() / 3, bytes.size() - 1})
    CHECK_THROWS_AS(profiles_from_bytes(std::string_view(bytes).substr(0, cut)), std::invalid_argument);
  CHECK_THROWS_AS(profiles_from_bytes(bytes + "x"), std::invalid_argument);
  CHECK_THROWS_AS(profiles_from_bytes(std::string(16, '\xFF')), std::invalid_argument);
}
