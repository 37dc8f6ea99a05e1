// The codebook, generated from the built-in profiles (never kept by hand).
#pragma once

#include <vector>

#include "model/codebook.h"
#include "profiles/profile.h"

namespace ogix {

// The codebook of one profile: its section codes (preamble first), then every cell it can write
// in profile order — extra rows and extra columns included, and one `extra_N` pattern line per
// table for rows beyond the profile.
std::vector<CodebookEntry> codebook_entries(const Profile& profile);

// The codebook of every built-in profile, in profile id order (built once per process).
const std::vector<CodebookEntry>& codebook_entries();

}  // namespace ogix
