// Table grids: placing spanning cells and guaranteeing a grid with no holes or overlaps.
#pragma once

#include <string>
#include <vector>

#include "model/document.h"
#include "model/limits.h"

namespace ogix {

// A cell as markup states it, before placement: the HTML table model's input.
struct SourceCell {
  std::string text;
  int row_span = 1, col_span = 1;
  bool header = false;
  std::vector<Span> from;
};

// Per row, the columns that rowspans from the rows above hold in it (a colspan over `trusted`
// counts as one column).
std::vector<long> held_columns(const std::vector<std::vector<SourceCell>>& rows, long trusted);

// The widest row: the sum of its colspans (one for a colspan over `trusted`) plus the columns
// rowspans from above hold in it; at least 1.
long widest_row(const std::vector<std::vector<SourceCell>>& rows, long trusted);

// Places rows of source cells into a grid the way HTML does (a cell goes to the first free slot
// of its row; spans reserve slots below). Spans are clamped to limits.max_span and to the table's
// last row (a finding each); broken overlaps never overwrite a placed cell; the cells after one that
// lost columns are marked `displaced`. The result satisfies
// check_grid(). Throws Error(limit_exceeded) when the grid would exceed limits.max_table_cells.
Table grid_from_rows(const std::vector<std::vector<SourceCell>>& rows, const Limits& limits,
                     std::vector<Finding>* findings, const std::string& where = {});
// The same, taking the cells' texts and locations from `rows` instead of copying them.
Table grid_from_rows(std::vector<std::vector<SourceCell>>&& rows, const Limits& limits,
                     std::vector<Finding>* findings, const std::string& where = {});

// Makes any table a proper grid: clamps spans that overlap or leave the grid, fills holes with
// empty cells, sorts cells by (row, col). Returns the number of repairs made.
int normalize_grid(Table& t);

// True when every slot of the grid is covered by exactly one cell; `why` says the first problem.
bool check_grid(const Table& t, std::string* why = nullptr);

// The cell covering slot (r, c), or nullptr; O(cells) — for tests and small tables.
const Cell* cell_at(const Table& t, int r, int c);

}  // namespace ogix
