#include "writers/codebook_writer.h"

#include "writers/cells_csv_writer.h"

namespace ogix {

std::string codebook_csv(const std::vector<CodebookEntry>& entries) {
  std::string s = "profile,kind,code,table,row,col,label_zh,label_en,unit,rules,variants\r\n";
  for (const auto& e : entries) {
    for (const std::string* f : {&e.profile, &e.kind, &e.code, &e.table, &e.row, &e.col, &e.label_zh, &e.label_en,
                                 &e.unit, &e.rules}) {
      append_csv_field(s, *f);
      s += ',';
    }
    append_csv_field(s, e.variants);
    s += "\r\n";
  }
  return s;
}

}  // namespace ogix
