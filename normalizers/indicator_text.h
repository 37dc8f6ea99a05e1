// Indicator tables in crawler text: a legacy report's table flattened into one line, its cells
// separated by single spaces (主动公开信息数 条 235 440) or run together (主动公开文件数条740).
#pragma once

#include "model/document.h"

namespace ogix {

// For a text document with neither 2019/2021 wording nor their tables: cuts paragraphs at the
// legacy outline's inline headings, and replaces an indicator table found in a paragraph (from
// its 指标名称 header) by a Table block (label, unit, one cell per period column) with the title
// before it (附件 … 统计表) as a paragraph of its own. A run of digits is split only where the
// unit, the next row's numbering, the period count, the figures the report states in its prose,
// the 其中 rows (a part never exceeds its whole) and the sum rules leave exactly one reading;
// otherwise its cells hold the run + " (?)" and a `text.ambiguous_run` finding says why.
// Leaves any other document untouched. `raw`, when given, is the document as extracted, before
// normalize_document_text: a table paragraph is read from its raw text (each token normalized on
// its own), whose spaces between a label and a digit still separate cells (涉及国家秘密 24).
void reflow_indicator_text(Document& doc, const Document* raw = nullptr);

}  // namespace ogix
