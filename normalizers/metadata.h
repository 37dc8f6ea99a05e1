// Metadata the report states in its own words: title, agency, year.
#pragma once

#include <string>
#include <string_view>

#include "model/document.h"

namespace ogix {

// The first year "19xx年"/"20xx年" in `s`, also in Chinese numerals (二〇二一年), as four ASCII
// digits, or empty; `byte_pos` receives where its first digit starts.
std::string year_in(const std::string& s, std::size_t* byte_pos = nullptr);

// `s` without a leading field label of a crawler or CMS header (标题： 发布机构： 来源：).
std::string_view without_field_label(std::string_view s);

// Fills empty title/agency/year from the first paragraphs (a line naming 工作年度报告, or the
// first "20xx年" of the preamble/overview). Leaves fields an extractor already set.
// Then identifies the agency (normalizers/agency.h).
void infer_metadata(Document& doc);

}  // namespace ogix
