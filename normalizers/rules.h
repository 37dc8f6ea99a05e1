// The consistency rules (勾稽关系) of the profile, checked on the canonical cells.
#pragma once

#include "model/document.h"

namespace ogix {

// Evaluates every rule of doc.profile over doc.cells into doc.rules (profile rule order, then
// column/row order) and adds a `rule.fail` finding per failure. A rule with a blank/na/text/missing
// operand is `unchecked`, never failed.
void check_rules(Document& doc);

}  // namespace ogix
