// Agency identity: which body a report speaks for, as a key that pairs its reports across years.
#pragma once

#include <string>
#include <string_view>

#include "model/document.h"

namespace ogix {

// The normalized key of an agency name: widths and spaces folded, traditional characters read as
// simplified, 人民政府/政府 and 管理委员会/管委会 dropped after a place name, a leading field label
// (标题：) removed. 淮安市人民政府 and 淮安市政府 → 淮安市; 平潭综合实验区管委会 → 平潭综合实验区.
std::string agency_key(std::string_view name);

// The administrative level the name states: ministry, province, city, county, township, or
// department:<level> for a body under a government of that level ("department:county"); empty
// when the name does not say (a development zone, a name without a place).
std::string agency_level(std::string_view name);

// Sets meta.agency_key and meta.agency_level from the title and the stated agency. The title's
// body wins (it names whom the report is for: "某县政府办公室关于某县人民政府2019年…报告" is the
// government's report); an agency stated elsewhere with another key is an `agency.ambiguous`
// finding, never merged silently.
void identify_agency(Document& doc);

}  // namespace ogix
