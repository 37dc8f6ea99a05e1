// Table recovery from PDF geometry: the shared geometry of cells and the model grid. Ruled grids
// are in pdf_ruled.cc, unruled grids in pdf_unruled.cc, joining across pages in pdf_join.cc.
#include "extractors/pdf_table.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

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
  std::vector<Line> lines = build_lines(std::move(words));
  std::vector<std::u32string> texts;
  for (const auto& l : lines) texts.push_back(l.text());
  return join_lines(texts);
}

std::vector<Span> cell_spans(const std::vector<Word>& words, const Rect& layout_rect, const Frame& frame, int page) {
  std::map<int, Rect> per_page;
  for (const auto& w : words) per_page[w.page] = per_page[w.page].united(w.orig);
  std::vector<Span> out;
  for (const auto& [p, r] : per_page) out.push_back(span_of(p, r));
  if (out.empty()) out.push_back(span_of(page, frame.to_page(layout_rect)));
  return out;
}

// ---------------------------------------------------------------------------------------------
// The model grid

Table to_table(const GeoTable& g, const std::string& id, const Limits& limits, const std::string& source) {
  std::vector<double> xv, yv;
  for (const auto& c : g.cells) xv.push_back(c.rect.x0), xv.push_back(c.rect.x1), yv.push_back(c.rect.y0), yv.push_back(c.rect.y1);
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
  for (const auto& gc : g.cells) {
    Cell c;
    c.row = nearest(ys, gc.rect.y0);
    c.col = nearest(xs, gc.rect.x0);
    c.row_span = std::max(1, nearest(ys, gc.rect.y1) - c.row);
    c.col_span = std::max(1, nearest(xs, gc.rect.x1) - c.col);
    if (c.row >= t.rows || c.col >= t.cols) continue;
    c.text = u32_to_utf8(gc.text);
    c.from = gc.from;
    t.cells.push_back(std::move(c));
  }
  normalize_grid(t);
  // Header rows: the rows above the first one holding a value.
  int first_value = t.rows;
  for (const auto& c : t.cells)
    if (!c.text.empty() && is_value_token(utf8_to_u32(c.text))) first_value = std::min(first_value, c.row);
  // Header rows: above the first value, and rows of labels only between the parts of a table
  // (信息内容 | 本年处理决定数量 between the 第二十条 blocks).
  std::vector<int> values(static_cast<std::size_t>(t.rows), 0), filled(static_cast<std::size_t>(t.rows), 0);
  for (const auto& c : t.cells) {
    if (c.text.empty()) continue;
    ++filled[static_cast<std::size_t>(c.row)];
    if (is_value_token(utf8_to_u32(c.text))) ++values[static_cast<std::size_t>(c.row)];
  }
  for (auto& c : t.cells) {
    const auto r = static_cast<std::size_t>(c.row);
    c.header = c.row < first_value || (values[r] == 0 && filled[r] >= 2 && c.row_span == 1);
  }
  return t;
}

}  // namespace ogix::pdf
