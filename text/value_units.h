// The units written after numbers in report tables.
#pragma once

#include <string>
#include <vector>

namespace ogix {

// The units written after a number in the official tables' value cells, longest first (万元 before
// 元, 人次 before 人): money, measure words of counts, per cent. The one list every reader uses.
const std::vector<std::u32string>& value_units();

}  // namespace ogix
