// Reading one table cell's text as a profile value (status, value, unit).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/profile_table.h"
#include "text/value_units.h"

namespace ogix {

// The reading of one cell.
struct CellReading {
  CellStatus status = CellStatus::blank;
  std::string value;  // ASCII decimal, no grouping, for status number
  std::string unit;   // unit written in the cell ("元", "万元"), if any
};

// Reads normalized cell text: number (with grouping, sign, full-width digits already folded),
// blank, na (/ - — 无 不涉及 不适用 …) or text. `money` allows a unit suffix (元, 万元, 千元, 亿元).
CellReading read_cell(std::string_view text, bool money);

// True when the text reads as a number, an na marker, or a count with its measure word (12件):
// a cell that stands where a value stands, never a label word.
bool is_value_like(std::string_view text);

// Converts an ASCII decimal `value` written in `from` unit into `to` unit (元/千元/万元/亿元)
// exactly, by moving the decimal point; returns empty if a unit is unknown.
std::string convert_unit(const std::string& value, const std::string& from, const std::string& to);

// Finds a unit stated in a header label such as 采购总金额（单位：元）; empty if none.
std::string unit_in_label(std::string_view text);

// Parses an ASCII decimal into a scaled integer (value * 10^6); false if not a decimal or too big.
bool decimal_to_micros(const std::string& value, long long* out);

// Formats a scaled integer (value * 10^6) as the shortest ASCII decimal.
std::string micros_to_decimal(long long micros);

}  // namespace ogix
