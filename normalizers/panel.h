// Panel values derived from a report's canonical cells (never read from the source again).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "model/document.h"
#include "model/panel.h"

namespace ogix {

// The panel row of one converted report, by the mapping and rules of spec panel.md: a sum is a
// number only when every operand is; a stated total is used as stated; a profile that does not
// report a column leaves it empty. `document` names the report's XML file.
PanelRow panel_row(const Document& doc, const std::string& document);

// Counts rows per (agency_key, year), so rows streamed past once can be flagged on a second pass.
class DuplicateKeyCounter {
 public:
  // Counts one row (rows without a key or year are not counted).
  void count(const PanelRow& row);
  // True when another counted row shares the row's (agency_key, year).
  bool is_duplicate(const PanelRow& row) const;

 private:
  std::map<std::pair<std::string, std::string>, int> count_;
};

// Flags every row whose (agency_key, year) another row shares; rows without a key or year are
// never duplicates. Keeps the order.
void mark_duplicate_keys(std::vector<PanelRow>& rows);

}  // namespace ogix
