// Run-together text: crawler plain text whose report tables lost every separator
// (`规范性文件898989` = 89 · 89 · 89). Finds the official tables in such text and rebuilds them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/document.h"
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

// True for a text-extracted document (no tables) whose paragraphs carry the official table
// labels inline with their numbers run together.
bool is_run_together(const Document& doc);

// For such a document, splits paragraphs at inline section headings and replaces the inline
// tables of sections 二、三、四 by Table blocks; ambiguous runs become text cells (the run + " (?)")
// with a `text.ambiguous_run` finding. Spans are line:N/char:K, K counting characters of the
// line's normalized text (normalization drops spaces between Chinese characters, so K can be
// smaller than in the raw file). Leaves any other document untouched.
void reflow_run_together(Document& doc);

// Cuts every paragraph at the inline top-level headings of `profile` (一、概述… run into one line
// by crawler copies; in increasing section order across the document), each heading becoming a
// paragraph of its own.
void split_inline_headings(Document& doc, const Profile& profile);

}  // namespace ogix
