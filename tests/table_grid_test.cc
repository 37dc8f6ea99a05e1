#include <doctest/doctest.h>

#include "model/error.h"
#include "model/table_grid.h"

using namespace ogix;

namespace {
SourceCell sc(const char* t, int rs = 1, int cs = 1) { return SourceCell{t, rs, cs, false, {}}; }
}  // namespace

TEST_CASE("rowspan and colspan place cells like HTML") {
  Limits lim;
  // | A (rs2) | B (cs2)     |
  // |         | C    | D    |
  Table t = grid_from_rows({{sc("A", 2), sc("B", 1, 2)}, {sc("C"), sc("D")}}, lim, nullptr);
  CHECK(t.rows == 2);
  CHECK(t.cols == 3);
  CHECK(check_grid(t));
  CHECK(cell_at(t, 1, 0)->text == "A");
  CHECK(cell_at(t, 0, 2)->text == "B");
  CHECK(cell_at(t, 1, 1)->text == "C");
  CHECK(cell_at(t, 1, 2)->text == "D");
}

TEST_CASE("short rows are padded with empty cells, no holes") {
  Limits lim;
  Table t = grid_from_rows({{sc("a"), sc("b"), sc("c")}, {sc("d")}}, lim, nullptr);
  CHECK(check_grid(t));
  CHECK(cell_at(t, 1, 2)->text.empty());
}

TEST_CASE("overlapping spans from broken markup are trimmed, never overwrite") {
  Limits lim;
  std::vector<Finding> f;
  // Row 0 has a 3-row span in col 0; row 1 claims colspan 3 starting at col 1 of a 2-wide table.
  Table t = grid_from_rows({{sc("X", 3), sc("Y")}, {sc("Z", 2, 3)}, {sc("W")}}, lim, &f);
  CHECK(check_grid(t));
  CHECK(cell_at(t, 2, 0)->text == "X");
  CHECK(cell_at(t, 1, 1)->text == "Z");
  CHECK(cell_at(t, 2, 1)->text == "Z");  // Z's rowspan 2 kept where free
}

TEST_CASE("oversized spans are clamped to the limit and the table") {
  Limits lim;
  lim.max_span = 50;
  std::vector<Finding> f;
  Table t = grid_from_rows({{sc("a", 1, 100000), sc("b")}, {sc("c", 100000)}}, lim, &f);
  CHECK(check_grid(t));
  CHECK(t.rows == 2);
  CHECK(t.cols <= 51);
  CHECK_FALSE(f.empty());
  CHECK(f[0].code == "table.span_clamped");
}

TEST_CASE("a grid beyond max_table_cells is a typed error") {
  Limits lim;
  lim.max_table_cells = 100;
  std::vector<std::vector<SourceCell>> rows(20, std::vector<SourceCell>(10, sc("x")));
  CHECK_THROWS_AS(grid_from_rows(rows, lim, nullptr), Error);
}

TEST_CASE("normalize_grid repairs hand-built tables") {
  Table t;
  t.rows = 2;
  t.cols = 2;
  t.cells = {Cell{0, 0, 2, 2, false, "big", {}}, Cell{1, 1, 1, 1, false, "dup", {}}, Cell{5, 5, 1, 1, false, "", {}}};
  int repairs = normalize_grid(t);
  CHECK(repairs >= 1);
  CHECK(check_grid(t));
  CHECK(cell_at(t, 0, 0)->text == "big dup");  // overlapping text is kept, not lost
}
