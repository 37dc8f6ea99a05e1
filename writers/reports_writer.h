// reports.csv: the wide table — one row per converted report, one column per canonical cell.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "model/codebook.h"
#include "model/document.h"

namespace ogix {

// The wide table's cell columns: every cell code of the codebook once ("table.row.col", first
// appearance in profile order; ogi-2019 and ogi-2021 share the codes they have in common), and
// for each profile the codes it can write.
struct ReportsColumns {
  std::vector<std::string> codes;
  std::vector<std::pair<std::string, std::vector<bool>>> by_profile;  // profile → has codes[i]
  std::unordered_map<std::string, std::size_t> index;                 // code → its position in codes
};

// The columns of the wide table, from the codebook (pattern lines such as extra_N left out).
ReportsColumns reports_columns(const std::vector<CodebookEntry>& codebook);

// The header line (CRLF): document,source,sha256,profile,agency,agency_key,agency_level,year,
// rules_pass,rules_fail,rules_unchecked, then for each code `<code>` and `<code>.status`.
std::string reports_csv_header(const ReportsColumns& columns);

// One report's row: a number cell gives its value and an empty status; any other cell an empty
// value and its status (blank, na, text, missing — a legacy row the table does not have is
// missing); a code of another profile leaves both empty.
std::string reports_csv_row(const Document& doc, const std::string& document, const ReportsColumns& columns);

}  // namespace ogix
