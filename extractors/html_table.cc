#include "extractors/html_table.h"

#include <algorithm>

#include "extractors/html_text.h"
#include "text/label_key.h"

namespace ogix::html {

namespace {

// A span attribute as browsers read it: leading digits, anything after ignored; 1 when absent or
// not a number; 0 kept for rowspan (= to the end of the table). Capped so arithmetic cannot overflow.
int span_attribute(const xmlNode* cell, const char* name, bool zero_allowed) {
  std::string v = attribute(cell, name);
  std::size_t i = 0;
  while (i < v.size() && (v[i] == ' ' || v[i] == '\t' || v[i] == '"' || v[i] == '\'')) ++i;
  if (i == v.size() || v[i] < '0' || v[i] > '9') return 1;
  long n = 0;
  while (i < v.size() && v[i] >= '0' && v[i] <= '9' && n < 1000000) n = n * 10 + (v[i++] - '0');
  if (n == 0) return zero_allowed ? 0 : 1;
  return static_cast<int>(std::min<long>(n, 65534));
}

// Rows of a (nested) table, counted to tell a layout wrapper from a data table inside a cell.
int count_rows(const xmlNode* table) {
  int rows = 0;
  walk(
      table,
      [&](const xmlNode* n) {
        if (is_element(n, "tr")) {
          ++rows;
          return false;
        }
        return n->type == XML_ELEMENT_NODE;
      },
      [](const xmlNode*) {});
  return rows;
}

// The visible lines of a cell: <p>, <div>, <br> and nested rows/cells break lines; Word's <o:p>
// and empty spans add nothing; &nbsp; is space.
std::vector<std::string> cell_lines(const xmlNode* cell, int* nested_tables) {
  std::vector<std::string> lines;
  LineBuilder lb;
  auto flush = [&] {
    if (!lb.empty()) lines.push_back(lb.take());
  };
  const xmlNode* skipped = nullptr;
  walk(
      cell,
      [&](const xmlNode* n) {
        if (n == cell) return true;
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
          if (n->content != nullptr) lb.add(reinterpret_cast<const char*>(n->content));
          return false;
        }
        if (n->type != XML_ELEMENT_NODE || is_invisible_element(n)) {
          skipped = n;
          return false;
        }
        if (is_element(n, "br")) {
          flush();
          skipped = n;
          return false;
        }
        if (is_element(n, "table") && count_rows(n) >= 2) ++*nested_tables;
        if (is_block_element(n)) flush();
        return true;
      },
      [&](const xmlNode* n) {
        if (n == skipped) return;
        if (n->type == XML_ELEMENT_NODE && is_block_element(n)) flush();
      });
  flush();
  return lines;
}

// Cells starting in row r: t.cells is sorted by (row, col), so they are one contiguous range.
std::pair<std::size_t, std::size_t> row_range(const Table& t, int r) {
  auto lo = std::lower_bound(t.cells.begin(), t.cells.end(), r, [](const Cell& c, int row) { return c.row < row; });
  auto hi = std::lower_bound(lo, t.cells.end(), r + 1, [](const Cell& c, int row) { return c.row < row; });
  return {static_cast<std::size_t>(lo - t.cells.begin()), static_cast<std::size_t>(hi - t.cells.begin())};
}

bool is_header_row(const Table& t, int r) {
  auto [b, e] = row_range(t, r);
  if (b == e) return false;
  for (std::size_t i = b; i < e; ++i)
    if (!t.cells[i].header) return false;
  return true;
}

}  // namespace

TableMarkup read_table_markup(const xmlNode* table, NodePaths& paths, const ReportCues& cues) {
  TableMarkup m;
  bool stray_open = false;
  walk(
      table,
      [&](const xmlNode* n) {
        if (n == table) return true;
        if (n->type != XML_ELEMENT_NODE || is_invisible_element(n) || is_element(n, "caption")) return false;
        if (is_element(n, "table")) {
          // A nested table outside any cell (broken markup): its rows are not this table's.
          if (count_rows(n) >= 2) ++m.nested_tables;
          return false;
        }
        if (is_element(n, "col")) {
          m.colgroup_cols += span_attribute(n, "span", false);
          return false;
        }
        if (is_element(n, "colgroup")) {
          // A <colgroup span=N> without <col>s declares N columns itself.
          bool has_col = false;
          for (const xmlNode* k = n->children; k != nullptr; k = k->next) has_col = has_col || is_element(k, "col");
          if (!has_col) m.colgroup_cols += span_attribute(n, "span", false);
          return has_col;
        }
        if (is_element(n, "tr")) {
          stray_open = false;
          m.rows.emplace_back();
          m.cell_lines.emplace_back();
          return true;
        }
        if (is_element(n, "td") || is_element(n, "th")) {
          // Cells outside any <tr> (broken markup) form a row of their own.
          const xmlNode* tr = n->parent;
          while (tr != nullptr && tr != table && !is_element(tr, "tr")) tr = tr->parent;
          if (tr == nullptr || tr == table || m.rows.empty()) {
            if (!stray_open || m.rows.empty()) {
              m.rows.emplace_back();
              m.cell_lines.emplace_back();
              stray_open = true;
            }
          }
          SourceCell sc;
          std::vector<std::string> lines = cell_lines(n, &m.nested_tables);
          sc.text = join_cell_lines(lines);
          sc.row_span = span_attribute(n, "rowspan", true);
          sc.col_span = span_attribute(n, "colspan", false);
          sc.header = is_element(n, "th");
          sc.from.push_back(Span{0, 0, 0, 0, 0, paths.path(n)});
          m.rows.back().push_back(std::move(sc));
          m.cell_lines.back().push_back(std::move(lines));
          return false;
        }
        return true;
      },
      [](const xmlNode*) {});
  // A <tr> without cells is no row a reader sees.
  std::size_t kept = 0;
  for (std::size_t i = 0; i < m.rows.size(); ++i)
    if (!m.rows[i].empty()) {
      if (kept != i) {
        m.rows[kept] = std::move(m.rows[i]);
        m.cell_lines[kept] = std::move(m.cell_lines[i]);
      }
      ++kept;
    }
  m.rows.resize(kept);
  m.cell_lines.resize(kept);
  m.layout = is_layout(m, cues);
  return m;
}

bool is_layout(const TableMarkup& m, const ReportCues& cues) {
  if (m.nested_tables > 0) return true;
  std::size_t widest = 0;
  for (const auto& r : m.rows) widest = std::max(widest, r.size());
  if (widest <= 1) return true;
  // An indicator table (指标名称 header and indicator rows) is statistics even where its group rows
  // (三、依申请公开情况) or labels (主动公开政府信息数) read as report headings.
  bool label_header = false, indicator_rows = false;
  for (const auto& row : m.cell_lines)
    for (const auto& lines : row)
      for (const auto& l : lines) {
        // Each line keyed once, and no more once its answer is known.
        if (!label_header) {
          const std::string key = label_key(l);
          label_header = key == "指标名称" || key == "指标";
        }
        if (!indicator_rows) indicator_rows = is_indicator_table_line(l, cues);
      }
  if (label_header && indicator_rows) return false;
  bool heading = false;
  int numbers = 0;
  for (const auto& row : m.cell_lines)
    for (const auto& lines : row) {
      std::size_t bytes = 0;
      for (const auto& l : lines) {
        if (!heading && report_heading(l, cues) != 0 && !is_indicator_table_line(l, cues)) heading = true;
        bytes += l.size();
      }
      // About 200 Chinese characters: prose, not a statistics cell.
      if (bytes > 600) return true;
      if (lines.size() == 1 && classify_cell(lines[0]) == CellClass::number) ++numbers;
    }
  // A report's section headings in the cells make a layout table, unless the cells hold a grid of
  // numbers: a legacy indicator table carries its group rows (一、主动公开情况) and labels holding a
  // section's wording (主动公开政府信息数) beside its values; a layout wrapper holds prose.
  return heading && numbers < 3;
}

int trim_phantom_columns(Table& t, int keep) {
  if (t.cols <= keep) return 0;
  // Interior columns in which no cell starts are kept (a header and its body table must keep the
  // same width to be joined); only columns after the last starting cell go.
  int last = -1;
  for (const auto& c : t.cells)
    if (!c.from.empty() || !c.text.empty()) last = std::max(last, c.col);
  if (last < 0) return 0;
  int width = std::max(last + 1, keep);
  if (width >= t.cols) return 0;
  std::vector<Cell> out;
  out.reserve(t.cells.size());
  for (auto& c : t.cells) {
    if (c.col >= width) continue;  // an empty filler
    c.col_span = std::min(c.col_span, width - c.col);
    out.push_back(std::move(c));
  }
  int removed = t.cols - width;
  t.cells = std::move(out);
  t.cols = width;
  normalize_grid(t);
  return removed;
}

std::vector<bool> mark_header_rows(Table& t) {
  std::vector<bool> header(static_cast<std::size_t>(std::max(t.rows, 0)), false);
  for (int r = 0; r < t.rows; ++r) {
    auto [b, e] = row_range(t, r);
    int values = 0, texts = 0, empties = 0;
    for (std::size_t i = b; i < e; ++i) {
      if (t.cells[i].from.empty() && t.cells[i].text.empty()) continue;  // a filler the grid added
      switch (classify_cell(t.cells[i].text)) {
        case CellClass::number:
        case CellClass::na: ++values; break;
        case CellClass::text: ++texts; break;
        case CellClass::empty: ++empties; break;
      }
    }
    header[static_cast<std::size_t>(r)] = values == 0 && texts > 0 && texts >= empties;
  }
  for (auto& c : t.cells)
    if (header[static_cast<std::size_t>(c.row)]) c.header = true;
  return header;
}

int realign_value_rows(Table& t, const std::vector<bool>& header_rows, std::vector<Finding>* findings,
                       const std::string& where) {
  if (t.rows <= 0 || t.cols <= 0) return 0;
  // Owner of every slot, to read the header cell above any column in O(1).
  std::vector<int> owner(static_cast<std::size_t>(t.rows) * static_cast<std::size_t>(t.cols), -1);
  for (std::size_t i = 0; i < t.cells.size(); ++i) {
    const Cell& c = t.cells[i];
    for (int r = c.row; r < c.row + c.row_span; ++r)
      for (int k = c.col; k < c.col + c.col_span; ++k)
        owner.at(static_cast<std::size_t>(r) * static_cast<std::size_t>(t.cols) + static_cast<std::size_t>(k)) =
            static_cast<int>(i);
  }
  int changed = 0;
  int last_header = -1;
  for (int r = 0; r < t.rows; ++r) {
    if (header_rows.at(static_cast<std::size_t>(r))) {
      last_header = r;
      continue;
    }
    if (last_header < 0) continue;
    auto [b, e] = row_range(t, r);
    std::size_t k = b;
    while (k < e && classify_cell(t.cells[k].text) == CellClass::text) ++k;  // row labels
    if (k == e) continue;
    bool plain = true;
    for (std::size_t i = k; i < e; ++i) {
      plain = plain && t.cells[i].row_span == 1;
      if (i + 1 < e) plain = plain && t.cells[i].col + t.cells[i].col_span == t.cells[i + 1].col;
    }
    if (!plain) continue;
    int from = t.cells[k].col, to = t.cells[e - 1].col + t.cells[e - 1].col_span;
    std::vector<int> leaves;
    for (int c = from; c < to; ++c) {
      int o = owner[static_cast<std::size_t>(last_header) * static_cast<std::size_t>(t.cols) + static_cast<std::size_t>(c)];
      if (leaves.empty() || leaves.back() != o) leaves.push_back(o);
    }
    if (leaves.size() != e - k) continue;
    bool inside = true, differ = false;
    for (std::size_t j = 0; j < leaves.size(); ++j) {
      const Cell& h = t.cells.at(static_cast<std::size_t>(leaves[j]));
      const Cell& v = t.cells[k + j];
      inside = inside && h.col >= from && h.col + h.col_span <= to;
      differ = differ || h.col != v.col || h.col_span != v.col_span;
    }
    if (!inside || !differ) continue;
    for (std::size_t j = 0; j < leaves.size(); ++j) {
      const Cell& h = t.cells.at(static_cast<std::size_t>(leaves[j]));
      t.cells[k + j].col = h.col;
      t.cells[k + j].col_span = h.col_span;
    }
    ++changed;
    if (findings)
      findings->push_back(Finding{"html.table_realigned", Severity::info, where,
                                  "row " + std::to_string(r + 1) +
                                      ": value cells' colspans disagree with the header row above; values "
                                      "placed under the header cells in order"});
  }
  if (changed > 0) normalize_grid(t);
  return changed;
}

Table grid_from_html_rows(std::vector<std::vector<SourceCell>> rows, const Limits& limits,
                          std::vector<Finding>* findings, const std::string& where, int colgroup_cols) {
  // The real width of the table: the widest row by the sum of its spans, the columns held by
  // rowspans from the rows above included (a header row under a rowspan=3 colspan=3 corner starts
  // at column 4), or the <colgroup>'s count. Counting cells instead read a header of 2+3+5 cells
  // over 10 columns as 7 wide and shifted its body. A colspan no row or colgroup vouches for is an
  // outlier (broken or hostile markup: colspan="100000"): it counts as one column, then fills
  // what its row leaves of the width, so one broken cell cannot make every row thousands of slots
  // wide. Trusting a span can widen a row enough to vouch for a wider one: a few rounds settle it.
  colgroup_cols = std::clamp(colgroup_cols, 0, limits.max_span);  // declared, not drawn: capped
  long trusted = std::max<long>(widest_row(rows, 1), colgroup_cols);
  for (int round = 0; round < 4; ++round) {
    long w = widest_row(rows, trusted);
    if (w <= trusted) break;
    trusted = w;
  }
  long width = std::max<long>(widest_row(rows, trusted), colgroup_cols);
  std::vector<long> carried = held_columns(rows, trusted);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    long others = carried[r];
    for (const auto& c : rows[r]) others += c.col_span > trusted ? 0 : std::max(c.col_span, 1);
    for (auto& c : rows[r]) {
      if (c.col_span > trusted) {
        int capped = static_cast<int>(std::clamp(width - others, 1L, static_cast<long>(c.col_span)));
        if (capped != c.col_span) {
          if (findings)
            findings->push_back(Finding{"table.span_clamped", Severity::warning,
                                        c.from.empty() ? where : c.from[0].path,
                                        "colspan " + std::to_string(c.col_span) + " wider than the table (" +
                                            std::to_string(width) + " columns); read as " + std::to_string(capped)});
          c.col_span = capped;
        }
        others += c.col_span;
      }
    }
  }
  Table t = grid_from_rows(std::move(rows), limits, findings, where);
  trim_phantom_columns(t, colgroup_cols);
  std::vector<bool> header = mark_header_rows(t);
  realign_value_rows(t, header, findings, where);
  return t;
}

bool is_statistics_table(const Table& t, const ReportCues& cues) {
  int numbers = 0;
  bool keyword = false;
  for (const auto& c : t.cells) {
    if (classify_cell(c.text) == CellClass::number) ++numbers;
    if (!keyword && !c.text.empty()) keyword = has_report_table_keyword(c.text, cues);
  }
  return numbers >= 3 && keyword;
}

bool join_continuation(Table& prev, const Table& next) {
  if (prev.cols != next.cols || next.rows == 0 || prev.rows == 0) return false;
  int lead_next = 0;
  while (lead_next < next.rows && is_header_row(next, lead_next)) ++lead_next;
  int lead_prev = 0;
  while (lead_prev < prev.rows && is_header_row(prev, lead_prev)) ++lead_prev;
  bool prev_has_data = lead_prev < prev.rows;
  int drop = 0;
  if (lead_next == 0) {
    drop = 0;  // a body continuing the table above
  } else if (lead_next == lead_prev) {
    // A header repeated after a page break: same cells, same places.
    auto [nb, ne] = row_range(next, lead_next);
    (void)ne;
    auto [pb, pe] = row_range(prev, lead_prev);
    (void)pe;
    if (nb != pb) return false;
    for (std::size_t i = 0; i < nb; ++i) {
      const Cell &a = prev.cells[i], &b = next.cells[i];
      if (a.row != b.row || a.col != b.col || a.row_span != b.row_span || a.col_span != b.col_span || a.text != b.text)
        return false;
    }
    drop = lead_next;
  } else if (!prev_has_data) {
    drop = 0;  // a header-only table above its body table
  } else {
    return false;
  }
  int offset = prev.rows - drop;
  for (const auto& c : next.cells) {
    if (c.row < drop) continue;
    Cell moved = c;
    moved.row += offset;
    prev.cells.push_back(std::move(moved));
  }
  prev.rows += next.rows - drop;
  prev.from.insert(prev.from.end(), next.from.begin(), next.from.end());
  normalize_grid(prev);
  return true;
}

}  // namespace ogix::html
