// Profile mapping: source tables → canonical profile cells, by label.
#pragma once

#include <string>
#include <vector>

#include "model/document.h"
#include "profiles/profile.h"

namespace ogix {

// The profile a document follows and the evidence strings that decided it.
struct ProfileChoice {
  const Profile* profile = nullptr;
  std::vector<std::string> evidence;
};

// Detects the profile from the document's own wording (tables and text), never from the year.
ProfileChoice detect_profile(const Document& doc);

// Score of the best-matching variant of `variants` for a row label (0 = no match). `leaf` is
// the key of the row's own (last) label cell, `full` the key of all its label cells joined.
int match_label(const std::vector<LabelVariant>& variants, const std::string& leaf, const std::string& full);

// True when a document reads as an annual report (政府信息公开 … 年度报告 / 工作报告 in its title or
// first lines) and has at least two section headings: a report even without a statistics table.
bool is_report_prose(const Document& doc);

// Fills doc.profile, doc.profile_evidence and doc.cells (every profile cell exactly once, in
// profile order, plus extra rows/columns the source has) with findings for anything doubtful.
// A table in section 二/三/四 maps to that section's profile table (or to another whose columns its
// header names); values are read by header, in order only where nothing contradicts it, and a
// table in 一/五/六 or with a foreign header never lends its numbers to a row by label alone.
// Without 2019/2021 wording, a document with an indicator table follows ogi-legacy; one with no
// table of any format but the report's wording and headings gets profile "none" (finding
// `profile.none`). Throws Error(not_a_report) otherwise.
void map_profile(Document& doc);

}  // namespace ogix
