// The harmonized panel (spec panel.md): one row per report, the same names across all profiles.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace ogix {

// The panel's value columns, in the spec's order.
inline constexpr std::array<std::string_view, 13> kPanelColumns = {
    "requests_new",     "requests_carried_over", "granted",          "partially_granted", "refused",
    "not_held",         "already_public",        "total_processed",  "review_total",      "review_corrected",
    "litigation_total", "litigation_corrected",  "proactive_total"};

// One report's panel row.
struct PanelRow {
  std::string source, document, profile, agency, agency_key, agency_level, year;
  std::array<std::string, kPanelColumns.size()> values;  // ASCII decimals; empty where not a number
  int rules_fail = 0;
  bool duplicate_key = false;  // another report has the same (agency_key, year)
  std::string notes;           // why a value is empty: "blank:<code>;missing:<code>…"
};

}  // namespace ogix
