// Digits read by OCR checked by the sum rules: low-confidence and rule-failing number cells are
// reported, and a misread digit is corrected only where OCR's own alternatives offer exactly one
// reading that makes every rule the cell takes part in hold.
#pragma once

#include <string>

#include "model/document.h"

namespace ogix {

// Runs after check_rules on a document with OCR readings (no-op otherwise). Adds findings
// ocr.low_confidence, ocr.rule_fail, ocr.unchecked (a number no rule checks) and
// ocr.corrected_by_rule (with both readings); after a
// correction the rules are evaluated again. Never makes up a digit OCR did not offer.
void check_ocr_cells(Document& doc);

// Reports that the row label OCR read as `read_as` was taken for `table`/`row` by approximate
// matching (finding ocr.label_approximate), for the profile and the legacy indicator mappers alike.
void report_approximate_label(Document& doc, const std::string& read_as, const std::string& table, const std::string& row);

}  // namespace ogix
