// HTML tables: <table> markup → a grid Table with header rows marked, and the repairs Word-pasted
// and CMS tables need (skewed colspans, oversized spans, tables split into several <table>s).
#pragma once

#include <libxml/tree.h>

#include <string>
#include <vector>

#include "extractors/html_dom.h"
#include "model/document.h"
#include "model/limits.h"
#include "model/report_cues.h"
#include "model/table_grid.h"

namespace ogix::html {

// The rows and cells of one <table> as the markup states them (nested tables' rows excluded).
struct TableMarkup {
  std::vector<std::vector<SourceCell>> rows;
  std::vector<std::vector<std::vector<std::string>>> cell_lines;  // [row][cell] lines of text
  int nested_tables = 0;  // nested <table>s with at least two rows
  int colgroup_cols = 0;  // columns its <colgroup>/<col> elements declare (span attributes summed)
  bool layout = false;    // decided by is_layout()
};

// Reads the rows of `table` (thead/tbody/tfoot/tr/td/th, stray cells as a row of their own);
// each cell's text is its visible lines joined as a reader sees them; paths come from `paths`.
TableMarkup read_table_markup(const xmlNode* table, NodePaths& paths, const ReportCues& cues);

// True when the table only lays out the page rather than holding data: it wraps nested tables,
// long prose, or report section headings (by `cues`) without a grid of numbers (three number
// cells), or has a single column.
bool is_layout(const TableMarkup& m, const ReportCues& cues);

// Source rows → a grid. The table's width is its widest row by the sum of its spans (columns held
// by rowspans from above included) or `colgroup_cols`, whichever is larger; a colspan nothing
// vouches for is capped to what its row leaves of that width (a finding). Spans are then expanded
// with grid_from_rows (overlaps trimmed, holes filled), trailing columns in which no cell starts
// removed, header rows marked (mark_header_rows) and value rows re-aligned to their header columns
// (realign_value_rows). Findings go to `findings` with `where` as location.
Table grid_from_html_rows(std::vector<std::vector<SourceCell>> rows, const Limits& limits,
                          std::vector<Finding>* findings, const std::string& where, int colgroup_cols = 0);

// Removes the grid columns after the last one in which a source cell (with provenance or text)
// starts — what an oversized colspan leaves behind — but keeps the first `keep` (the columns a
// <colgroup> declares); returns how many.
int trim_phantom_columns(Table& t, int keep = 0);

// Marks as header every cell that is a <th> or starts in a header row: a row with no number/na
// cell and at least as many text cells as empty ones. Returns a flag per row.
std::vector<bool> mark_header_rows(Table& t);

// Word-pasted tables skew colspans between a header row and the data rows under it (header
// 上一年项目数量 | 本年增/减 (colspan 2) | 处理决定数量 over data 0 (colspan 2) | 0 | 0). When a data
// row has as many value cells as the header row above has leaf cells over the same columns but
// their boundaries differ, the value cells take the header cells' columns. Returns rows changed.
int realign_value_rows(Table& t, const std::vector<bool>& header_rows, std::vector<Finding>* findings,
                       const std::string& where);

// True for a table of the official report: at least three number cells and a label only those
// tables have (第二十条, 自然人, 行政复议, …).
bool is_statistics_table(const Table& t, const ReportCues& cues);

// Appends `next` to `prev` when it continues the same official table: same width, and `next`
// starts with data rows, or repeats `prev`'s header rows (dropped), or `prev` is a header-only
// table. Returns false (and leaves both alone) otherwise.
bool join_continuation(Table& prev, const Table& next);

}  // namespace ogix::html
