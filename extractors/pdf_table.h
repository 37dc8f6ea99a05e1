// Table recovery for the PDF extractor: ruled grids (from ruling lines) and unruled grids (from
// the alignment of value tokens), joining across pages, and conversion to the model's Table.
#pragma once

#include <string>
#include <vector>

#include "extractors/pdf_layout.h"
#include "extractors/pdf_pages.h"
#include "model/document.h"
#include "model/limits.h"

namespace ogix::pdf {

// A cell with its geometry in the table's layout space (before it becomes a grid slot).
struct GeoCell {
  Rect rect;             // layout space of the table (pages of a joined table are stacked)
  std::u32string text;   // as a reader reads it
  std::vector<Span> from;  // page boxes of the text (or of the empty cell)
  bool open_top = false;   // no ruling drawn along the top edge (a cell continued from the previous page)
};

// A table found on one page (or several, once joined).
struct GeoTable {
  std::vector<GeoCell> cells;
  Rect box;               // layout frame of its last page
  int first_page = 0, last_page = 0;
  bool ruled = false;     // cells come from ruling lines
  bool ragged = false;    // columns unreliable: values in sequence after the labels
  bool closed_top = false;  // some ruling runs along the top edge
  bool single_cell = false; // one ruled box: a table's first row cut by a page break, or a framed paragraph
  std::vector<Span> from;   // the table's box on each page
};

// Finds ruled tables on a page: connected ruling networks with at least two cells. Words whose
// centre lies inside a table are moved into it (and removed from `words`). `frame` maps the
// layout frame back to page coordinates for provenance.
std::vector<GeoTable> find_ruled_tables(const std::vector<Ruling>& rulings, std::vector<Word>& words,
                                        const Frame& frame, int page);

// Lines of the next page stacked under a page's own lines, because a table runs over the page
// break: layout y at or below `y` belongs to page `page` (frame `frame`), moved down by `dy`.
struct PageBreak {
  double y = 1e18;
  double dy = 0;
  int page = 0;
  Frame frame;
};

// Finds unruled tables among a page's lines: runs of lines whose value tokens line up in columns.
// Lines used by a table are removed from `lines`. Horizontal rulings (three-line tables) are used
// as row separators when present. `brk`, when given, says which lines were stacked from the next
// page (their cells keep that page's provenance).
std::vector<GeoTable> find_unruled_tables(std::vector<Line>& lines, const std::vector<Ruling>& rulings,
                                          const Frame& frame, int page, const PageBreak* brk = nullptr);

// The number of lines at the start of `lines` (the top of a page, reading order) that continue an
// unruled table ending the previous page, whose lines are `upper`: value rows whose labels and
// values line up under the column segments of the block of lines ending that page (a header, or
// the table's last rows), with the wrapped labels among them. 0 when the first line is no such row.
std::size_t continued_rows(const std::vector<Line>& upper, const std::vector<Line>& lines);

// A header text over the value columns of an unruled table: its box and the value columns
// [c0, c1] it overlaps (c0 < 0: over the label area, left alone).
struct HeaderPiece {
  Rect box;
  int c0 = -1, c1 = -1;
};

// Gives header texts that head a group of columns (行政复议 over five columns) the whole group:
// a text centred over columns that have header texts below it spans the contiguous columns it is
// best centred on (ties: the wider group), inside the group above it, without cutting a lower text
// in two, taking columns another header text beside it holds, or leaving columns unassigned between
// neighbours on its line. `edges` are the n+1 column borders of the n value columns (left to right).
void widen_header_spans(std::vector<HeaderPiece>& pieces, const std::vector<double>& edges);

// Appends `lower` (the continuation on the next page) to `upper`: repeated header rows are
// dropped and cells cut by the page break (a row label spanning rows, an open top border, a row
// the break cut in two) are joined. Returns the number of header rows dropped.
int join_tables(GeoTable& upper, GeoTable lower);

// True when `lower`, first on its page, plausibly continues `upper`, last on the previous page:
// ruled tables share their left and right edges, unruled ones their value columns.
bool continues(const GeoTable& upper, const GeoTable& lower);

// Converts to the model's grid (cells sorted, no holes). Throws Error(limit_exceeded) beyond
// limits.max_table_cells.
Table to_table(const GeoTable& g, const std::string& id, const Limits& limits, const std::string& source);

}  // namespace ogix::pdf
