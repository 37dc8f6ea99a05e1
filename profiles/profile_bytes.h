// Parsed profiles as bytes: the built-in profiles are parsed at build time (cli/tools/builtin_gen)
// and each process reads the result back instead of parsing the profile text (no label keys to
// compute, no lines to split).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "profiles/profile.h"

namespace ogix {

// Every field of every profile, in one byte string that profiles_from_bytes reads back equal.
std::string profiles_to_bytes(const std::vector<Profile>& profiles);

// The profiles profiles_to_bytes wrote; throws std::invalid_argument on bytes it did not write.
std::vector<Profile> profiles_from_bytes(std::string_view bytes);

// The built-in profiles parsed from the embedded profile text (what builtin_profiles() gives when
// the binary has no build-time bytes: the generator itself).
std::vector<Profile> parse_builtin_profiles();

// Whether builtin_profiles() was read from build-time bytes rather than parsed in this process.
bool builtin_profiles_prebuilt();

}  // namespace ogix
