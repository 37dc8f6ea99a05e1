// The review index: every report of an output directory with its counts, failures first, the
// inputs that failed with their error codes, and small charts of the dataset.
#pragma once

#include <string>
#include <vector>

#include "model/document.h"

namespace ogix {

// One input of the batch as the index lists it.
struct ReviewIndexEntry {
  std::string source, path;      // file name and path as given (manifest)
  std::string page;              // the report page, relative to the index; empty for a failed input
  bool ok = false;
  std::string error_code, message;  // a failed input
  std::string agency, year, profile;
  int cells[5] = {0, 0, 0, 0, 0};  // by CellStatus
  int rules[3] = {0, 0, 0};        // by RuleResult
  int findings = 0, warnings = 0;
};

// The counts of a converted report (agency, year, profile, cells, rules, findings).
ReviewIndexEntry review_entry(const Document& doc);

// True for a report a reviewer should look at first: a failing rule, a text or missing cell, or
// a warning.
bool needs_attention(const ReviewIndexEntry& e);

// The index page: reports needing attention first (then by source and path), the failed inputs,
// charts of rule outcomes and reports per year and profile; sortable and filterable by a small
// inline script (allowed by a CSP hash), complete without it.
std::string review_index_html(const std::vector<ReviewIndexEntry>& entries);

}  // namespace ogix
