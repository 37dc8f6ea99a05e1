// Digit runs of run-together text: every way to cut a run into cells, and the choice among those
// readings by the profile's rules (the only split that keeps the table's sums).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "profiles/profile.h"

namespace ogix {

// Every way to cut `run` into `cells` non-empty parts: spaces are cell boundaries, '.' binds the
// digits around it, '-' only starts a part, no part has a leading zero (except "0" and "0.x").
// Stops after `cap` splits (capped = true); runs of more than kMaxRunDigits digits are not
// enumerated at all (capped = true) unless every cell is one digit.
struct RunSplits {
  std::vector<std::vector<std::string>> splits;
  bool capped = false;
};
inline constexpr std::size_t kMaxRunDigits = 30;
inline constexpr std::size_t kMaxSplitsPerRun = 100000;
RunSplits enumerate_splits(std::string_view run, int cells, std::size_t cap = kMaxSplitsPerRun);

// One digit run of the text and the profile slots (row code, column code) it fills, in order.
struct RunSlots {
  std::string run;
  std::vector<std::pair<std::string, std::string>> slots;
};

// The outcome for one run: `cells` when exactly one split is consistent, else empty with the
// number of consistent candidates (0 = none; capped = enumeration stopped at the bound).
struct RunDecision {
  std::vector<std::string> cells;
  std::size_t candidates = 0;
  bool capped = false;
};

// Splits the runs of one profile table jointly: forced splits first, then the table's per-row
// rules on each run, then its per-column rules across runs (when some combination satisfies them).
std::vector<RunDecision> split_runs(const Profile& profile, const std::string& table, const std::vector<RunSlots>& runs);

}  // namespace ogix
