// Joining a PDF table across pages: continuation tests, repeated headers, rows cut by the break.
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

namespace {

// Row index ranges of each cell from the clustered y edges of a table.
struct RowIndex {
  std::vector<double> ys;
  int r0(const GeoCell& c) const { return nearest(ys, c.rect.y0); }
  int r1(const GeoCell& c) const { return std::max(r0(c) + 1, nearest(ys, c.rect.y1)); }
};

RowIndex rows_of(const GeoTable& t) {
  std::vector<double> v;
  for (const auto& c : t.cells) v.push_back(c.rect.y0), v.push_back(c.rect.y1);
  return RowIndex{cluster(v, kLineMerge)};
}

bool is_numeric_cell(const GeoCell& c) { return !c.text.empty() && is_value_token(c.text); }

// The x ranges of the columns holding values (numeric cells clustered by their left edge).
std::vector<std::pair<double, double>> value_columns(const GeoTable& t) {
  std::vector<std::pair<double, double>> v;
  for (const auto& c : t.cells)
    if (is_numeric_cell(c)) v.emplace_back(c.rect.x0, c.rect.x1);
  std::sort(v.begin(), v.end());
  std::vector<std::pair<double, double>> out;
  for (const auto& r : v) {
    if (!out.empty() && r.first - out.back().first <= kLineMerge) out.back().second = std::max(out.back().second, r.second);
    else out.push_back(r);
  }
  return out;
}

// Texts of the grid rows before the first row holding a value.
std::vector<std::u32string> header_rows(const GeoTable& t, const RowIndex& ri) {
  int first_value = INT32_MAX;
  for (const auto& c : t.cells)
    if (is_numeric_cell(c)) first_value = std::min(first_value, ri.r0(c));
  std::vector<std::u32string> out;
  if (first_value == INT32_MAX) return out;
  for (int r = 0; r < first_value; ++r) {
    std::vector<const GeoCell*> row;
    for (const auto& c : t.cells)
      if (ri.r0(c) == r) row.push_back(&c);
    std::sort(row.begin(), row.end(), [](const GeoCell* a, const GeoCell* b) { return a->rect.x0 < b->rect.x0; });
    std::u32string key;
    for (auto* c : row) key += header_key(c->text) + U'|';
    out.push_back(key);
  }
  return out;
}

// True when the page break cut a row in two (word processors let a row break across pages):
// `lower`'s first row (stacked at y = `seam`) continues `upper`'s last row column by column. Either
// its values continue without a row label of their own (29 / 0 → 290), or it holds only the rest
// of the label (a wrapped label's last line, no list marker) under a row that has values.
// True when every digit group after a grouping comma has three digits (12,345 — not 13,32): a
// number cut by a cell's line wrap leaves a short last group.
bool well_grouped(std::u32string_view s) {
  std::size_t run = 0;
  bool after_comma = false;
  for (char32_t c : s) {
    if (c == ' ' || c == 0x3000) continue;
    if ((c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19)) {
      ++run;
    } else if (c == ',' || c == 0xFF0C) {
      if (after_comma && run != 3) return false;
      after_comma = true;
      run = 0;
    } else {
      break;  // a decimal point or a unit ends the integer part
    }
  }
  return !after_comma || run == 3;
}

bool row_split(const GeoTable& upper, const GeoTable& lower, double seam) {
  const auto cols = value_columns(upper);
  if (cols.empty()) return false;
  const double value_x = cols.front().first;
  auto counterpart = [&](const GeoCell& lc) -> const GeoCell* {
    for (const auto& c : upper.cells)
      if (std::abs(c.rect.y1 - seam) <= 0.5 && std::abs(c.rect.x0 - lc.rect.x0) <= 3 && std::abs(c.rect.x1 - lc.rect.x1) <= 3) return &c;
    return nullptr;
  };
  const GeoCell *label_l = nullptr, *label_u = nullptr;
  int lower_values = 0, upper_values = 0;
  for (const auto& c : upper.cells)
    if (std::abs(c.rect.y1 - seam) <= 0.5 && c.rect.x0 >= value_x - 3 && is_numeric_cell(c)) ++upper_values;
  for (const auto& lc : lower.cells) {
    if (std::abs(lc.rect.y0 - seam) > 0.5) continue;
    const GeoCell* uc = counterpart(lc);
    if (uc == nullptr) return false;  // columns differ: not the same row
    if (lc.rect.x0 < value_x - 3) {
      if (label_l == nullptr || lc.rect.x1 > label_l->rect.x1) label_l = &lc, label_u = uc;
      continue;
    }
    if (lc.text.empty()) continue;
    if (!uc->text.empty() && !is_value_token(join_lines({uc->text, lc.text}))) return false;
    ++lower_values;
  }
  if (label_l == nullptr || label_u->text.empty()) return false;
  if (lower_values > 0) {
    if (label_l->text.empty()) return true;
    // Label and values both cut (a narrow table whose cells wrap): a value cut inside its digit
    // grouping (13,32 | 1) proves it; otherwise the lower label must read as the tail of a
    // numbered label — no marker of its own, short, and no total row's word.
    if (starts_with_marker(label_l->text) || !starts_with_marker(label_u->text)) return false;
    for (const auto& lc : lower.cells) {
      if (std::abs(lc.rect.y0 - seam) > 0.5 || lc.rect.x0 < value_x - 3 || lc.text.empty()) continue;
      const GeoCell* uc = counterpart(lc);
      if (uc != nullptr && !uc->text.empty() && !well_grouped(uc->text) && well_grouped(join_lines({uc->text, lc.text})))
        return true;
    }
    std::size_t chars = 0;
    for (char32_t c : label_l->text) chars += c != ' ' && c != 0x3000;
    return chars <= 4 && label_l->text.find(U"计") == std::u32string::npos;
  }
  return upper_values > 0 && !label_l->text.empty() && !starts_with_marker(label_l->text);
}

}  // namespace

bool continues(const GeoTable& upper, const GeoTable& lower) {
  if (lower.first_page != upper.last_page + 1) return false;
  const double tol = 6.0;
  if (upper.ruled || lower.ruled)
    return std::abs(upper.box.x0 - lower.box.x0) <= tol && std::abs(upper.box.x1 - lower.box.x1) <= tol;
  // Unruled tables have looser edges: their value columns must line up instead. Every column of
  // the lower part lies under a column of the upper one, and it has at least half of them.
  std::vector<std::pair<double, double>> cu = value_columns(upper), cl = value_columns(lower);
  if (cu.empty() || cl.empty()) return true;  // a part without values (a header): nothing to compare
  for (const auto& [x0, x1] : cl) {
    bool under = false;
    for (const auto& [u0, u1] : cu) under = under || ((x0 + x1) / 2 >= u0 && (x0 + x1) / 2 <= u1);
    if (!under) return false;
  }
  return cl.size() * 2 >= cu.size();
}

int join_tables(GeoTable& upper, GeoTable lower) {
  RowIndex ru = rows_of(upper), rl = rows_of(lower);
  // Drop the rows of `lower` that repeat the header rows of `upper`.
  std::vector<std::u32string> hu = header_rows(upper, ru);
  std::vector<std::u32string> hl;
  {
    int nrows = static_cast<int>(rl.ys.size()) - 1;
    for (int r = 0; r < nrows && hl.size() < hu.size(); ++r) {
      std::vector<const GeoCell*> row;
      for (const auto& c : lower.cells)
        if (rl.r0(c) == r) row.push_back(&c);
      std::sort(row.begin(), row.end(), [](const GeoCell* a, const GeoCell* b) { return a->rect.x0 < b->rect.x0; });
      std::u32string key;
      for (auto* c : row) key += header_key(c->text) + U'|';
      hl.push_back(key);
    }
  }
  int dropped = 0;
  while (dropped < static_cast<int>(hu.size()) && dropped < static_cast<int>(hl.size()) && hu[static_cast<std::size_t>(dropped)] == hl[static_cast<std::size_t>(dropped)])
    ++dropped;
  if (dropped > 0 && dropped == static_cast<int>(hu.size())) {
    const double cut = rl.ys[static_cast<std::size_t>(dropped)];
    std::vector<GeoCell> keep;
    for (auto& c : lower.cells)
      if (c.rect.y0 >= cut - 0.5) keep.push_back(std::move(c));
      else if (c.rect.y1 > cut + 0.5) {  // a cell spanning the header and the body keeps its body part
        c.rect.y0 = cut;
        keep.push_back(std::move(c));
      }
    lower.cells = std::move(keep);
    rl = rows_of(lower);
  } else {
    dropped = 0;
  }
  if (lower.cells.empty()) return dropped;

  // Stack `lower` right under `upper`.
  double upper_bottom = -1e18, lower_top = 1e18;
  for (const auto& c : upper.cells) upper_bottom = std::max(upper_bottom, c.rect.y1);
  for (const auto& c : lower.cells) lower_top = std::min(lower_top, c.rect.y0);
  const double dy = upper_bottom - lower_top;
  for (auto& c : lower.cells) c.rect.y0 += dy, c.rect.y1 += dy;
  rl = rows_of(lower);

  // Cells cut by the page break: a label spanning rows (or an empty continuation, or one whose top
  // border is missing, or any cell of a row cut in two) joins the cell above it in the same column.
  const bool split_row = row_split(upper, lower, upper_bottom);
  for (auto& lc : lower.cells) {
    if (std::abs(lc.rect.y0 - upper_bottom) > 0.5) continue;
    GeoCell* uc = nullptr;
    for (auto& c : upper.cells)
      if (std::abs(c.rect.y1 - upper_bottom) <= 0.5 && std::abs(c.rect.x0 - lc.rect.x0) <= 3 && std::abs(c.rect.x1 - lc.rect.x1) <= 3)
        uc = &c;
    if (uc == nullptr) continue;
    const bool upper_spans = ru.r1(*uc) - ru.r0(*uc) > 1;
    const bool lower_spans = rl.r1(lc) - rl.r0(lc) > 1;
    const bool marker = starts_with_marker(lc.text);
    bool merge = split_row || (lower.closed_top && lc.open_top) ||
                 ((upper_spans || lower_spans) && !marker && !is_numeric_cell(lc) && !is_numeric_cell(*uc));
    if (!merge) continue;
    uc->text = join_lines({uc->text, lc.text});
    uc->rect.y1 = lc.rect.y1;
    for (auto& s : lc.from) uc->from.push_back(s);
    lc.text.clear();
    lc.from.clear();
    lc.rect = Rect{};  // marks it merged
  }
  for (auto& c : lower.cells)
    if (!(c.rect.x0 == 0 && c.rect.x1 == 0 && c.rect.y0 == 0 && c.rect.y1 == 0)) upper.cells.push_back(std::move(c));
  for (auto& s : lower.from) upper.from.push_back(s);
  upper.last_page = lower.last_page;
  upper.box = lower.box;
  upper.ragged = upper.ragged || lower.ragged;
  return dropped;
}

}  // namespace ogix::pdf
