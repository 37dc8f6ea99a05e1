// The detail text of a rule outcome (the content of the XML's rule element): written by the rules
// (normalizers/rules.cc), read back by the review page to find a failing rule's cells. One place
// knows its grammar, so a change to how a detail reads cannot leave its reader behind.
//   sum        "a + b = c + d: 1 + 2 = 3; 4 + 0 = 4"   (the codes, then each side's values and sum)
//   not-less   "big >= small: 5 >= 7"
//   values     "col = -1; col2 = 2.5"                 (the cells a nonneg/integer check failed on)
//   unchecked  free text: why the rule was not checked ("row/col is missing")
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ogix {

// A sum rule's detail: the codes of both sides, then each side's values ("1 + 2") and total.
std::string sum_rule_detail(const std::vector<std::string>& lhs_codes, const std::vector<std::string>& rhs_codes,
                            const std::string& lhs_values, const std::string& lhs, const std::string& rhs_values,
                            const std::string& rhs);

// A not-less rule's detail: the two column codes and their values.
std::string not_less_rule_detail(const std::string& big, const std::string& small, const std::string& big_value,
                                 const std::string& small_value);

// Appends one failing cell of a value check (nonneg, integer) to `detail`.
void append_value_check(std::string& detail, const std::string& col, const std::string& value);

// The row or column codes a detail names as operands, in order; none for an unchecked reason.
std::vector<std::string> rule_detail_operands(std::string_view detail);

}  // namespace ogix
