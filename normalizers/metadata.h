// Metadata the report states in its own words: title, agency, year.
#pragma once

#include "model/document.h"

namespace ogix {

// Fills empty title/agency/year from the first paragraphs (a line naming 工作年度报告, or the
// first "20xx年" of the preamble/overview). Leaves fields an extractor already set.
void infer_metadata(Document& doc);

}  // namespace ogix
