// Table recovery from PDF geometry: the shared geometry of cells and the model grid. Ruled grids
// are in pdf_ruled.cc, unruled grids in pdf_unruled.cc, joining across pages in pdf_join.cc.
#include "extractors/pdf_table.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>
#include <vector>

#include "extractors/pdf_table_geometry.h"
#include "model/error.h"
#include "model/table_grid.h"
#include "text/unicode.h"

namespace ogix::pdf {

std::vector<double> cluster(std::vector<double> v, double tol) {
  std::sort(v.begin(), v.end());
  std::vector<double> reps;
  std::size_t i = 0;
  while (i < v.size()) {
    std::size_t j = i;
    double sum = 0;
    while (j < v.size() && v[j] - v[i] <= tol) sum += v[j++];
    reps.push_back(sum / static_cast<double>(j - i));
    i = j;
  }
  return reps;
}

int nearest(const std::vector<double>& reps, double x) {
  int best = 0;
  for (int k = 1; k < static_cast<int>(reps.size()); ++k)
    if (std::abs(reps[static_cast<std::size_t>(k)] - x) < std::abs(reps[static_cast<std::size_t>(best)] - x)) best = k;
  return best;
}

std::u32string cell_text(std::vector<Word> words) {
  // One word (most number cells) is one line whatever its geometry: no grouping to do.
  if (words.size() == 1) return join_lines({std::move(words.front().text)});
  std::vector<Line> lines = build_lines(std::move(words));
  std::vector<std::u32string> texts;
  for (const auto& l : lines) texts.push_back(l.text());
  return join_lines(texts);
}

std::vector<Span> cell_spans(const std::vector<Word>& words, const Rect& layout_rect, const Frame& frame, int page) {
  // The words' union on each page, pages ascending. A vector, not a map: a cell's words are on
  // one page, or two when a table continues.
  std::vector<std::pair<int, Rect>> per_page;
  for (const auto& w : words) {
    auto it = std::find_if(per_page.begin(), per_page.end(), [&](const auto& pr) { return pr.first == w.page; });
    if (it == per_page.end()) per_page.emplace_back(w.page, w.orig);
    else it->second = it->second.united(w.orig);
  }
  std::sort(per_page.begin(), per_page.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Span> out;
  for (const auto& [p, r] : per_page) out.push_back(span_of(p, r));
  if (out.empty()) out.push_back(span_of(page, frame.to_page(layout_rect)));
  return out;
}

// ---------------------------------------------------------------------------------------------
// The model grid

namespace {

// Index of the edge of `edges` within kLineMerge of `x`, or -1.
int edge_at(const std::vector<double>& edges, double x) {
  if (edges.empty()) return -1;
  int k = nearest(edges, x);
  return std::abs(edges[static_cast<std::size_t>(k)] - x) <= kLineMerge ? k : -1;
}

// A header drawn as a table of its own right over the body's table (an HTML page's two <table>s
// rendered one under the other, each with column widths of its own): no cell crosses the top of
// the first row holding a value, and some column border of the block above it does not continue
// below. Reading both on one grid would put values under the wrong headings. When the header's
// value columns are as many as the body's, the header's borders move onto the body's in order
// (left to right, its label area onto the body's label area); otherwise the header cells whose
// borders the body lacks are returned as displaced (their values are not read by position).
std::vector<char> align_header_block(std::vector<GeoCell>& cells) {
  std::vector<char> displaced(cells.size(), 0);
  double seam = 1e18, value_x = 1e18;
  for (const auto& c : cells)
    if (is_value_token(c.text)) seam = std::min(seam, c.rect.y0), value_x = std::min(value_x, c.rect.x0);
  if (seam >= 1e18) return displaced;
  std::vector<std::size_t> top;
  std::vector<double> tx, bx;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const Rect& r = cells[i].rect;
    if (r.y1 <= seam + kLineMerge) {
      top.push_back(i);
      tx.push_back(r.x0), tx.push_back(r.x1);
    } else if (r.y0 >= seam - kLineMerge) {
      bx.push_back(r.x0), bx.push_back(r.x1);
    } else {
      return displaced;  // a cell crosses the first value row's top: one table, not two
    }
  }
  if (top.empty() || bx.empty()) return displaced;
  std::vector<double> eb = cluster(bx, kLineMerge);
  auto aligned = [&](const Rect& r) { return edge_at(eb, r.x0) >= 0 && edge_at(eb, r.x1) >= 0; };
  // Rows right above the values whose borders are the body's (an empty first row of the body)
  // belong to the body: the header block ends at the lowest row border no cell crosses above them.
  std::vector<double> yv;
  for (std::size_t i : top) yv.push_back(cells[i].rect.y0), yv.push_back(cells[i].rect.y1);
  std::vector<double> ys = cluster(yv, kLineMerge);
  double cut = seam;
  for (auto y = ys.rbegin(); y != ys.rend(); ++y) {
    if (*y >= cut - kLineMerge) continue;
    bool crossed = false, body = true;
    for (std::size_t i : top) {
      const Rect& r = cells[i].rect;
      crossed = crossed || (r.y0 < *y - kLineMerge && r.y1 > *y + kLineMerge);
      if (r.y0 >= *y - kLineMerge && r.y1 <= cut + kLineMerge) body = body && aligned(r);
    }
    if (crossed) continue;
    if (!body) break;
    cut = *y;
  }
  std::erase_if(top, [&](std::size_t i) { return cells[i].rect.y0 >= cut - kLineMerge; });
  if (top.empty()) return displaced;
  tx.clear();
  for (std::size_t i : top) tx.push_back(cells[i].rect.x0), tx.push_back(cells[i].rect.x1);
  std::vector<double> et = cluster(tx, kLineMerge);
  if (std::all_of(et.begin(), et.end(), [&](double x) { return edge_at(eb, x) >= 0; })) return displaced;
  // The header's label area: the cells at its left border (the corner cell); the body's: left of
  // its first column holding a value.
  double label_right = et.front();
  for (std::size_t i : top)
    if (edge_at(et, cells[i].rect.x0) == 0) label_right = std::max(label_right, cells[i].rect.x1);
  int kt = edge_at(et, label_right), kb = edge_at(eb, value_x);
  const auto nt = static_cast<int>(et.size()), nb = static_cast<int>(eb.size());
  bool maps = kt > 0 && kb > 0 && nt - kt == nb - kb && (kt == 1 || kt == kb);
  if (maps) {
    // Edge k of the header ↦ edge of the body: the outer left border, the label area's inner
    // borders in order, then the value columns' borders in order.
    auto to_body = [&](int k) { return eb.at(static_cast<std::size_t>(k < kt ? k : kb + k - kt)); };
    for (std::size_t i : top) {
      Rect& r = cells[i].rect;
      int k0 = edge_at(et, r.x0), k1 = edge_at(et, r.x1);
      if (k0 < 0 || k1 < 0) return displaced;  // cannot happen: et clusters these very edges
      r.x0 = to_body(k0), r.x1 = to_body(k1);
    }
    return displaced;
  }
  for (std::size_t i : top)
    if (!aligned(cells[i].rect)) displaced[i] = 1;
  return displaced;
}

}  // namespace

Table to_table(const GeoTable& g, const std::string& id, const Limits& limits, const std::string& source) {
  std::vector<GeoCell> cells = g.cells;
  // Only drawn borders say where a header table ends and its columns lie; unruled grids take their
  // columns from the values.
  const std::vector<char> displaced = g.ruled ? align_header_block(cells) : std::vector<char>(cells.size(), 0);
  std::vector<double> xv, yv;
  for (const auto& c : cells) xv.push_back(c.rect.x0), xv.push_back(c.rect.x1), yv.push_back(c.rect.y0), yv.push_back(c.rect.y1);
  std::vector<double> xs = cluster(xv, kLineMerge), ys = cluster(yv, kLineMerge);
  Table t;
  t.id = id;
  t.ragged = g.ragged;
  t.from = g.from;
  t.rows = std::max<int>(0, static_cast<int>(ys.size()) - 1);
  t.cols = std::max<int>(0, static_cast<int>(xs.size()) - 1);
  if (static_cast<std::size_t>(t.rows) * static_cast<std::size_t>(t.cols) > limits.max_table_cells)
    throw Error(ErrorCode::limit_exceeded, source,
                "table " + id + " has " + std::to_string(t.rows) + "x" + std::to_string(t.cols) +
                    " slots, over the max-table-cells limit");
  for (std::size_t i = 0; i < cells.size(); ++i) {
    GeoCell& gc = cells[i];  // this function's copy: its spans are moved, not copied again
    Cell c;
    c.displaced = displaced[i] != 0;
    c.row = nearest(ys, gc.rect.y0);
    c.col = nearest(xs, gc.rect.x0);
    c.row_span = std::max(1, nearest(ys, gc.rect.y1) - c.row);
    c.col_span = std::max(1, nearest(xs, gc.rect.x1) - c.col);
    if (c.row >= t.rows || c.col >= t.cols) continue;
    c.text = u32_to_utf8(gc.text);
    c.from = std::move(gc.from);
    t.cells.push_back(std::move(c));
  }
  normalize_grid(t);
  // Header rows: above the first row holding a value, and rows of labels only between the parts
  // of a table (信息内容 | 本年处理决定数量 between the 第二十条 blocks). One pass: each cell's
  // text is decoded and tested once.
  int first_value = t.rows;
  std::vector<int> values(static_cast<std::size_t>(t.rows), 0), filled(static_cast<std::size_t>(t.rows), 0);
  for (const auto& c : t.cells) {
    if (c.text.empty()) continue;
    ++filled[static_cast<std::size_t>(c.row)];
    if (!is_value_token(utf8_to_u32(c.text))) continue;
    ++values[static_cast<std::size_t>(c.row)];
    first_value = std::min(first_value, c.row);
  }
  for (auto& c : t.cells) {
    const auto r = static_cast<std::size_t>(c.row);
    c.header = c.row < first_value || (values[r] == 0 && filled[r] >= 2 && c.row_span == 1);
  }
  return t;
}

}  // namespace ogix::pdf
