// The printed layout of a statistics table (header paths, row labels as the official form prints
// them), for drawing a table the way readers know it. Data only; built from profile data.
#pragma once

#include <string>
#include <vector>

namespace ogix {

// One row or column of the printed form: its canonical code and its label path, outermost group
// first (e.g. {"三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"}).
struct LayoutLine {
  std::string code;
  std::vector<std::string> path;
  bool extra = false;             // shown only when the report has cells for it
  std::vector<std::string> cols;  // rows only: the column codes the form has in this row
};

// A profile table as printed: rows × columns with label paths that merge into spans where
// neighbours share a group. `one_row` forms print every row side by side in one line (table 四:
// fifteen numbers under a three-level header).
struct TableLayout {
  std::string table;
  std::vector<LayoutLine> rows, cols;
  bool one_row = false;
};

}  // namespace ogix
