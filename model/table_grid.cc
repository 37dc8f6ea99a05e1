#include "model/table_grid.h"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <map>
#include <utility>

#include "model/error.h"

namespace ogix {

namespace {

// Occupancy bitmap over the grid; owner index per slot, -1 when free.
struct Occupancy {
  int rows = 0, cols = 0;
  std::vector<int> owner;
  void resize(int r, int c) {
    std::vector<int> next(static_cast<std::size_t>(r) * c, -1);
    for (int i = 0; i < rows; ++i)
      for (int j = 0; j < cols; ++j) next[static_cast<std::size_t>(i) * c + j] = owner[static_cast<std::size_t>(i) * cols + j];
    owner.swap(next);
    rows = r;
    cols = c;
  }
  int& at(int r, int c) { return owner.at(static_cast<std::size_t>(r) * cols + c); }
};

}  // namespace

std::vector<long> held_columns(const std::vector<std::vector<SourceCell>>& rows, long trusted) {
  std::vector<long> held(rows.size(), 0);
  std::map<long, long> ending;  // row index → columns whose rowspans end before it
  long carried = 0;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    auto it = ending.find(static_cast<long>(r));
    if (it != ending.end()) {
      carried -= it->second;
      ending.erase(it);
    }
    held[r] = carried;
    for (const auto& c : rows[r]) {
      if (c.row_span == 1) continue;
      long cols = c.col_span > trusted ? 1 : std::max(c.col_span, 1);
      // rowspan 0 reaches the end of the table; a negative one reads as 1 (grid_from_rows).
      if (c.row_span < 0) continue;
      long end = c.row_span == 0 ? std::numeric_limits<long>::max() : static_cast<long>(r) + c.row_span;
      ending[end] += cols;
      carried += cols;
    }
  }
  return held;
}

long widest_row(const std::vector<std::vector<SourceCell>>& rows, long trusted) {
  std::vector<long> held = held_columns(rows, trusted);
  long widest = 1;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    long w = held[r];
    for (const auto& c : rows[r]) w += c.col_span > trusted ? 1 : std::max(c.col_span, 1);
    widest = std::max(widest, w);
  }
  return widest;
}

Table grid_from_rows(const std::vector<std::vector<SourceCell>>& rows, const Limits& limits,
                     std::vector<Finding>* findings, const std::string& where) {
  std::vector<std::vector<SourceCell>> copy = rows;
  return grid_from_rows(std::move(copy), limits, findings, where);
}

Table grid_from_rows(std::vector<std::vector<SourceCell>>&& rows, const Limits& limits,
                     std::vector<Finding>* findings, const std::string& where) {
  Table t;
  int nrows = static_cast<int>(rows.size());
  auto note = [&](const std::string& msg) {
    if (findings) findings->push_back(Finding{"table.span_clamped", Severity::warning, where, msg});
  };
  // First pass: the widest row decides the width — its spans plus the columns rowspans from above
  // hold in it (a span over max_span counts as one), so the grid never grows from a hostile
  // colspan and a row under a rowspan is not cut short.
  Occupancy occ;
  int width = static_cast<int>(std::min<long>(widest_row(rows, limits.max_span), limits.max_span * 4L));
  if (static_cast<std::size_t>(nrows) * static_cast<std::size_t>(std::max(width, 1)) > limits.max_table_cells)
    throw Error(ErrorCode::limit_exceeded, {},
                "table " + where + " has " + std::to_string(nrows) + "x" + std::to_string(width) +
                    " slots, over the max-table-cells limit " + std::to_string(limits.max_table_cells));
  occ.resize(nrows, width);
  for (int r = 0; r < nrows; ++r) {
    int c = 0;
    bool cut = false;  // an earlier cell of this row lost columns: the ones after it moved left
    for (auto& sc : rows[static_cast<std::size_t>(r)]) {
      while (c < width && occ.at(r, c) != -1) ++c;
      if (c >= width) {
        // More cells than slots: the row is wider than the table; extend the width by one.
        if (static_cast<std::size_t>(nrows) * static_cast<std::size_t>(width + 1) > limits.max_table_cells)
          throw Error(ErrorCode::limit_exceeded, {}, "table " + where + " exceeds the max-table-cells limit");
        occ.resize(nrows, width + 1);
        width += 1;
      }
      int rs = sc.row_span, cs = sc.col_span;
      if (rs < 1) rs = 1;  // rowspan=0 means "to the end of the section" in HTML; treat as the rest.
      if (sc.row_span == 0) rs = nrows - r;
      if (cs < 1) cs = 1;
      if (rs > limits.max_span || cs > limits.max_span) note("span " + std::to_string(sc.row_span) + "x" + std::to_string(sc.col_span) + " clamped");
      rs = std::min({rs, limits.max_span, nrows - r});
      cs = std::min({cs, limits.max_span, width - c});
      // Stop the span at the first slot already owned (overlapping markup).
      int cs_ok = 1;
      while (cs_ok < cs && occ.at(r, c + cs_ok) == -1) ++cs_ok;
      int rs_ok = 1;
      while (rs_ok < rs) {
        bool free = true;
        for (int j = 0; j < cs_ok; ++j) free = free && occ.at(r + rs_ok, c + j) == -1;
        if (!free) break;
        ++rs_ok;
      }
      if (rs_ok != rs || cs_ok != cs) note("overlapping span trimmed");
      int idx = static_cast<int>(t.cells.size());
      for (int i = 0; i < rs_ok; ++i)
        for (int j = 0; j < cs_ok; ++j) occ.at(r + i, c + j) = idx;
      t.cells.push_back(Cell{r, c, rs_ok, cs_ok, sc.header, std::move(sc.text), std::move(sc.from)});  // each cell read once
      t.cells.back().displaced = cut;
      cut = cut || cs_ok < std::max(sc.col_span, 1);
      c += cs_ok;
    }
  }
  t.rows = nrows;
  t.cols = width;
  normalize_grid(t);
  return t;
}

int normalize_grid(Table& t) {
  int repairs = 0;
  if (t.rows < 0) t.rows = 0;
  if (t.cols < 0) t.cols = 0;
  std::sort(t.cells.begin(), t.cells.end(), [](const Cell& a, const Cell& b) {
    return a.row != b.row ? a.row < b.row : a.col < b.col;
  });
  Occupancy occ;
  occ.resize(t.rows, t.cols);
  std::vector<Cell> kept;
  kept.reserve(t.cells.size());
  for (auto& c : t.cells) {
    if (c.row < 0 || c.col < 0 || c.row >= t.rows || c.col >= t.cols || occ.at(c.row, c.col) != -1) {
      ++repairs;  // outside the grid or on an owned slot: dropped only if it has no text
      if (c.text.empty()) continue;
      // Keep its text by appending to the owner of that slot, never lose it.
      if (c.row >= 0 && c.col >= 0 && c.row < t.rows && c.col < t.cols) {
        Cell& owner = kept.at(static_cast<std::size_t>(occ.at(c.row, c.col)));
        owner.text += owner.text.empty() ? c.text : " " + c.text;
      }
      continue;
    }
    c.row_span = std::clamp(c.row_span, 1, t.rows - c.row);
    c.col_span = std::clamp(c.col_span, 1, t.cols - c.col);
    int cs = 1;
    while (cs < c.col_span && occ.at(c.row, c.col + cs) == -1) ++cs;
    int rs = 1;
    while (rs < c.row_span) {
      bool free = true;
      for (int j = 0; j < cs; ++j) free = free && occ.at(c.row + rs, c.col + j) == -1;
      if (!free) break;
      ++rs;
    }
    if (cs != c.col_span || rs != c.row_span) ++repairs;
    c.col_span = cs;
    c.row_span = rs;
    int idx = static_cast<int>(kept.size());
    for (int i = 0; i < rs; ++i)
      for (int j = 0; j < cs; ++j) occ.at(c.row + i, c.col + j) = idx;
    kept.push_back(std::move(c));
  }
  const std::size_t placed = kept.size();
  for (int r = 0; r < t.rows; ++r)
    for (int c = 0; c < t.cols; ++c)
      if (occ.at(r, c) == -1) {
        kept.push_back(Cell{r, c, 1, 1, false, {}, {}});
        occ.at(r, c) = static_cast<int>(kept.size()) - 1;
      }
  // The placed cells are in row-major order already and so are the empty ones added after them;
  // no two share a slot, so merging the two runs gives the one sorted order a sort would.
  std::inplace_merge(kept.begin(), kept.begin() + static_cast<std::ptrdiff_t>(placed), kept.end(),
                     [](const Cell& a, const Cell& b) { return a.row != b.row ? a.row < b.row : a.col < b.col; });
  t.cells = std::move(kept);
  return repairs;
}

bool check_grid(const Table& t, std::string* why) {
  std::vector<int> seen(static_cast<std::size_t>(std::max(t.rows, 0)) * std::max(t.cols, 0), 0);
  for (const auto& c : t.cells) {
    if (c.row < 0 || c.col < 0 || c.row_span < 1 || c.col_span < 1 || c.row + c.row_span > t.rows ||
        c.col + c.col_span > t.cols) {
      if (why) *why = "cell at " + std::to_string(c.row) + "," + std::to_string(c.col) + " leaves the grid";
      return false;
    }
    for (int i = 0; i < c.row_span; ++i)
      for (int j = 0; j < c.col_span; ++j)
        if (++seen[static_cast<std::size_t>(c.row + i) * t.cols + c.col + j] > 1) {
          if (why) *why = "slot " + std::to_string(c.row + i) + "," + std::to_string(c.col + j) + " covered twice";
          return false;
        }
  }
  for (std::size_t k = 0; k < seen.size(); ++k)
    if (seen[k] == 0) {
      if (why) *why = "slot " + std::to_string(k / t.cols) + "," + std::to_string(k % t.cols) + " not covered";
      return false;
    }
  return true;
}

const Cell* cell_at(const Table& t, int r, int c) {
  for (const auto& cell : t.cells)
    if (r >= cell.row && r < cell.row + cell.row_span && c >= cell.col && c < cell.col + cell.col_span) return &cell;
  return nullptr;
}

}  // namespace ogix
