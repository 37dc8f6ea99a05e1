// The codebook: what each canonical code means, for the people who read the datasets.
#pragma once

#include <string>

namespace ogix {

// One codebook line: a section code, or one canonical cell (table, row, col) of a profile.
struct CodebookEntry {
  std::string profile;
  std::string kind;       // "section" or "cell"
  std::string code;       // the section code, or "table.row.col" (the column name in reports.csv)
  std::string table, row, col;  // empty for sections
  std::string label_zh;   // as the official table prints it ("row / col" for a cell)
  std::string label_en;
  std::string unit;       // the values' unit where the profile states one (万元)
  std::string rules;      // the numbers of the rules the cell takes part in, ";"-joined
  std::string variants;   // the row label variants the mapper accepts (label keys), " | "-joined
};

}  // namespace ogix
