// codebook.csv: one line per section code and per canonical cell of every profile.
#pragma once

#include <string>
#include <vector>

#include "model/codebook.h"

namespace ogix {

// The codebook as CSV (RFC 4180, CRLF, header first): profile,kind,code,table,row,col,label_zh,
// label_en,unit,rules,variants.
std::string codebook_csv(const std::vector<CodebookEntry>& entries);

}  // namespace ogix
