#include "writers/review_page.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <variant>

#include "model/rule_detail.h"
#include "writers/html_escape.h"
#include "writers/xml_writer.h"

namespace ogix {

namespace {

std::string key_of(const std::string& t, const std::string& r, const std::string& c) { return t + "/" + r + "/" + c; }

// An HTML id from codes ("c-table/row/col"): codes are [a-z0-9_.]; anything else (an extra column name from a
// hostile file) becomes '_' so the id stays one token.
std::string id_of(std::string_view prefix, const std::string& key) {
  std::string s(prefix);
  for (char c : key) s += (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-' || c == '/') ? c : '-';
  return s;
}

// Where a cell or row stood in the source, as a sortable key: PDF page and top edge, or the
// numbers of a node path / text line in order.
std::vector<double> position_key(const std::vector<Span>& from) {
  if (from.empty()) return {};
  const Span& s = from.front();
  if (s.page > 0) return {static_cast<double>(s.page), s.y0, s.x0};
  std::vector<double> k;
  double cur = 0;
  bool in = false;
  for (char c : s.path) {
    if (c >= '0' && c <= '9') {
      cur = std::min(cur * 10 + (c - '0'), 1e12);
      in = true;
    } else if (in) {
      k.push_back(cur);
      cur = 0;
      in = false;
    }
  }
  if (in) k.push_back(cur);
  return k;
}

std::string status_text(const CanonicalCell& c) {
  switch (c.status) {
    case CellStatus::number: return html_escape(c.value);
    case CellStatus::blank: return "<i>blank</i>";
    case CellStatus::na: return html_escape(c.raw.empty() ? "na" : c.raw);
    case CellStatus::text: return html_escape(c.raw);
    case CellStatus::missing: return "<i>missing</i>";
  }
  return {};
}

std::string span_text(const Span& s) {
  if (s.page > 0)
    return "p" + std::to_string(s.page) + ":" + format_coord(s.x0) + "," + format_coord(s.y0) + "," +
           format_coord(s.x1) + "," + format_coord(s.y1);
  return s.path;
}

std::string spans_text(const std::vector<Span>& from) {
  std::string s;
  for (const auto& f : from) s += (s.empty() ? "" : "; ") + span_text(f);
  return s;
}

// One row or column of the drawn grid.
struct GridLine {
  std::vector<std::string> path;  // labels, outermost first
  std::string row, col;           // the canonical codes a slot of this line stands for
  bool extra = false;
  std::vector<std::string> form_cols;  // rows: columns the form has in this row (empty: all)
  bool positional = false;             // an extra_N row: its cells are c1…cn in source order
};

// Does line a share the group label at level k with line b (both have a deeper label)?
bool same_group(const GridLine& a, const GridLine& b, std::size_t k) {
  if (a.path.size() <= k + 1 || b.path.size() <= k + 1) return false;
  for (std::size_t i = 0; i <= k; ++i)
    if (a.path[i] != b.path[i]) return false;
  return true;
}

struct TableView {
  std::string table;
  std::vector<GridLine> rows, cols;
  std::vector<GridLine> leftover_rows;  // rows of a one-row form the layout does not name
};

struct PageContext {
  const Document& doc;
  std::map<std::string, const CanonicalCell*> cells;  // key → cell
  std::map<std::string, std::vector<std::size_t>> failing;  // key → failing rule indices
  std::map<std::string, std::string> box_of;          // key → id of its first box on a crop
  std::map<std::string, std::string> source_of;       // key → id of its source cell (HTML/docx/text)
};

const CanonicalCell* find_cell(const PageContext& ctx, const std::string& key) {
  auto it = ctx.cells.find(key);
  return it == ctx.cells.end() ? nullptr : it->second;
}

// Builds the drawn rows and columns of one table from its layout (or from its cells alone).
TableView table_view(const std::string& table, const std::vector<const CanonicalCell*>& cells,
                     const TableLayout* layout) {
  TableView v;
  v.table = table;
  std::vector<std::string> row_order, col_order;
  std::map<std::string, const CanonicalCell*> first_of_row;
  std::map<std::string, std::vector<Span>> row_from;
  std::set<std::string> cols_seen;
  for (const auto* c : cells) {
    if (!first_of_row.count(c->row)) {
      first_of_row[c->row] = c;
      row_order.push_back(c->row);
    }
    auto& rf = row_from[c->row];
    if (rf.empty() && !c->from.empty()) rf = c->from;
    if (cols_seen.insert(c->col).second) col_order.push_back(c->col);
  }
  std::set<std::string> layout_rows;
  if (layout) {
    std::set<std::string> cols_set(col_order.begin(), col_order.end());
    for (const auto& l : layout->cols)
      if (!l.extra || cols_set.count(l.code)) v.cols.push_back({l.path, {}, l.code, l.extra, {}, false});
    for (const auto& l : layout->rows) {
      layout_rows.insert(l.code);
      if (!l.extra || first_of_row.count(l.code)) v.rows.push_back({l.path, l.code, {}, l.extra, l.cols, false});
    }
  } else {
    for (const auto& c : col_order) v.cols.push_back({{c}, {}, c, false, {}, false});
  }
  // Rows the layout does not name (extra_N, or every row without a layout): placed after the
  // row that stood before them in the source.
  for (const auto& r : row_order) {
    if (layout_rows.count(r)) continue;
    const CanonicalCell* c = first_of_row[r];
    // c1…cn columns (a row beyond the profile in 2019/2021 tables); not "current" of a legacy table.
    bool positional = layout && c->col.size() > 1 && c->col[0] == 'c' &&
                      c->col.find_first_not_of("0123456789", 1) == std::string::npos && !layout->cols.empty();
    GridLine line{{c->label.empty() ? r : c->label}, r, {}, c->extra, {}, positional};
    if (layout && layout->one_row) {
      v.leftover_rows.push_back(std::move(line));
      continue;
    }
    auto key = position_key(row_from[r]);
    std::size_t at = v.rows.size();
    if (!key.empty()) {
      // After the last drawn row that stood before it.
      std::size_t best = v.rows.size();
      std::vector<double> best_key;
      for (std::size_t i = 0; i < v.rows.size(); ++i) {
        auto k = position_key(row_from[v.rows[i].row]);
        if (!k.empty() && k < key && (best == v.rows.size() || k >= best_key)) {
          best = i;
          best_key = k;
        }
      }
      if (best < v.rows.size()) at = best + 1;
      else if (!v.rows.empty() && !position_key(row_from[v.rows[0].row]).empty()) at = 0;
    }
    v.rows.insert(v.rows.begin() + static_cast<std::ptrdiff_t>(at), std::move(line));
  }
  if (layout && layout->one_row) {
    // One printed line: each (row, column) pair is a column headed by the row's and the column's labels.
    std::vector<GridLine> cols;
    for (const auto& r : v.rows)
      for (const auto& c : v.cols) {
        if (!r.form_cols.empty() && std::find(r.form_cols.begin(), r.form_cols.end(), c.col) == r.form_cols.end())
          continue;
        GridLine g = c;
        g.path = r.path;
        g.path.insert(g.path.end(), c.path.begin(), c.path.end());
        g.row = r.row;
        cols.push_back(std::move(g));
      }
    v.cols = std::move(cols);
    v.rows = {GridLine{}};
  }
  return v;
}

std::string cell_html(const PageContext& ctx, const std::string& table, const GridLine& row, const GridLine& col,
                      std::size_t col_index) {
  std::string r = row.row.empty() ? col.row : row.row;
  std::string c = col.col;
  if (row.positional) c = "c" + std::to_string(col_index + 1);
  // Whatever cell the report has is drawn (an extra column such as 小计 is in no row's form
  // columns); a slot the form does not have in this row is hatched.
  std::string key = key_of(table, r, c);
  const CanonicalCell* cell = find_cell(ctx, key);
  if (!cell) return "<td class=\"void\"></td>";
  std::string cls = std::string("st-") + status_name(cell->status);
  auto fail = ctx.failing.find(key);
  if (fail != ctx.failing.end()) cls += " fail";
  if (cell->extra) cls += " extra";
  std::string h = "<td id=\"" + id_of("c-", key) + "\" class=\"" + cls + "\" data-cell=\"" + html_escape(key) +
                  "\" data-status=\"" + status_name(cell->status) + "\" tabindex=\"0\" title=\"" +
                  html_escape(r + " × " + c + " · " + status_name(cell->status) +
                              (cell->raw.empty() ? std::string() : " · raw: " + cell->raw) +
                              (cell->from.empty() ? std::string() : " · " + spans_text(cell->from))) +
                  "\">";
  std::string target;
  if (auto b = ctx.box_of.find(key); b != ctx.box_of.end()) target = b->second;
  else if (auto s = ctx.source_of.find(key); s != ctx.source_of.end()) target = s->second;
  std::string shown = status_text(*cell);
  h += target.empty() ? "<span class=\"v\">" + shown + "</span>" : "<a class=\"v\" href=\"#" + target + "\">" + shown + "</a>";
  if (fail != ctx.failing.end()) {
    h += "<span class=\"tip\">";
    for (std::size_t i : fail->second) {
      const RuleOutcome& o = ctx.doc.rules[i];
      h += "<span>rule " + std::to_string(o.rule) + " fails on " + html_escape(o.scope) + ": " + html_escape(o.lhs) +
           " ≠ " + html_escape(o.rhs) + " — " + html_escape(o.detail) + "</span>";
    }
    h += "</span>";
  }
  return h + "</td>";
}

// Draws a grid whose header and label cells merge where neighbours share a group label.
std::string grid_html(const PageContext& ctx, const TableView& v) {
  std::size_t head = 1, labels = 0;
  for (const auto& c : v.cols) head = std::max(head, c.path.size());
  for (const auto& r : v.rows) labels = std::max(labels, r.path.size());
  std::string h = "<table class=\"stat\" data-table=\"" + html_escape(v.table) + "\">\n<thead>\n";
  for (std::size_t k = 0; k < head; ++k) {
    h += "<tr>";
    if (k == 0 && labels > 0)
      h += "<th class=\"corner\" rowspan=\"" + std::to_string(head) + "\" colspan=\"" + std::to_string(labels) + "\"></th>";
    for (std::size_t j = 0; j < v.cols.size(); ++j) {
      const auto& c = v.cols[j];
      if (c.path.size() <= k) {
        if (k == 0) h += "<th rowspan=\"" + std::to_string(head) + "\"></th>";
        continue;
      }
      if (j > 0 && same_group(v.cols[j - 1], c, k)) continue;
      bool leaf = k + 1 == c.path.size();
      std::size_t span = 1;
      if (!leaf)
        while (j + span < v.cols.size() && same_group(c, v.cols[j + span], k)) ++span;
      h += "<th";
      if (span > 1) h += " colspan=\"" + std::to_string(span) + "\"";
      if (leaf && head - k > 1) h += " rowspan=\"" + std::to_string(head - k) + "\"";
      h += ">" + html_escape(c.path[k]) + "</th>";
    }
    h += "</tr>\n";
  }
  h += "</thead>\n<tbody>\n";
  for (std::size_t i = 0; i < v.rows.size(); ++i) {
    const auto& r = v.rows[i];
    h += r.extra ? "<tr class=\"extra-row\">" : "<tr>";
    for (std::size_t k = 0; k < r.path.size(); ++k) {
      if (i > 0 && same_group(v.rows[i - 1], r, k)) continue;
      bool leaf = k + 1 == r.path.size();
      std::size_t span = 1;
      if (!leaf)
        while (i + span < v.rows.size() && same_group(r, v.rows[i + span], k)) ++span;
      h += "<th";
      if (span > 1) h += " rowspan=\"" + std::to_string(span) + "\"";
      if (leaf && labels - k > 1) h += " colspan=\"" + std::to_string(labels - k) + "\"";
      h += ">" + html_escape(r.path[k]);
      if (leaf && r.extra && r.path[k] != r.row) h += " <small>(extra row " + html_escape(r.row) + ")</small>";
      h += "</th>";
    }
    if (r.path.empty() && labels > 0) h += "<th colspan=\"" + std::to_string(labels) + "\"></th>";
    for (std::size_t j = 0; j < v.cols.size(); ++j) h += cell_html(ctx, v.table, r, v.cols[j], j);
    // Values of a positional extra row beyond the drawn columns: listed, never dropped.
    if (r.positional) {
      std::string more;
      for (std::size_t j = v.cols.size();; ++j) {
        const CanonicalCell* c = find_cell(ctx, key_of(v.table, r.row, "c" + std::to_string(j + 1)));
        if (!c) break;
        more += (more.empty() ? "" : " · ") + std::string("c") + std::to_string(j + 1) + " " + status_text(*c);
      }
      if (!more.empty()) h += "<td class=\"more\">" + more + "</td>";
    }
    h += "</tr>\n";
  }
  h += "</tbody>\n</table>\n";
  return h;
}

std::string h2_id(const std::string& table) { return id_of("t-", table); }

// Calls fn on every source table: in sections, and in blocks left unsectioned.
template <class Fn>
void for_each_table(const Document& doc, Fn fn) {
  for (const auto& s : doc.sections)
    for (const auto& b : s.blocks)
      if (const auto* t = std::get_if<Table>(&b)) fn(*t);
  for (const auto& b : doc.blocks)
    if (const auto* t = std::get_if<Table>(&b)) fn(*t);
}

// A Document's source tables keyed by each cell's provenance path, for HTML, Word and text sources.
std::map<std::string, std::string> source_ids_by_path(const Document& doc) {
  std::map<std::string, std::string> out;
  for_each_table(doc, [&](const Table& t) {
    for (const auto& c : t.cells)
      for (const auto& f : c.from)
        if (f.page == 0 && !f.path.empty())
          out.emplace(f.path, id_of("s-", t.id + "-r" + std::to_string(c.row) + "c" + std::to_string(c.col)));
  });
  return out;
}

// A source table re-drawn from the XML's grid; each cell carries its node path or line.
std::string source_table_html(const Table& t, bool text_lines, bool with_ids) {
  std::string h = "<table class=\"src\" data-source-table=\"" + html_escape(t.id) + "\">\n";
  std::map<int, std::vector<const Cell*>> by_row;
  for (const auto& c : t.cells) by_row[c.row].push_back(&c);
  for (const auto& [r, cells] : by_row) {
    h += "<tr>";
    if (text_lines) {
      std::string line;
      for (const auto* c : cells)
        if (!c->from.empty() && c->from[0].path.rfind("line:", 0) == 0) {
          line = c->from[0].path.substr(0, c->from[0].path.find('/'));
          break;
        }
      h += "<td class=\"ln\">" + html_escape(line) + "</td>";
    }
    for (const auto* c : cells) {
      std::string id = id_of("s-", t.id + "-r" + std::to_string(c->row) + "c" + std::to_string(c->col));
      h += std::string(c->header ? "<th" : "<td");
      if (with_ids) h += " id=\"" + id + "\"";
      if (c->row_span > 1) h += " rowspan=\"" + std::to_string(c->row_span) + "\"";
      if (c->col_span > 1) h += " colspan=\"" + std::to_string(c->col_span) + "\"";
      h += " title=\"" + html_escape(spans_text(c->from)) + "\">" + html_escape(c->text) +
           (c->header ? "</th>" : "</td>");
    }
    h += "</tr>\n";
  }
  return h + "</table>\n";
}

const char* kind_label(const Document& doc) {
  if (doc.meta.extractor == "pdf") return "PDF";
  if (doc.meta.extractor == "docx") return "Word";
  if (doc.meta.extractor == "html") return "HTML";
  return "text";
}

}  // namespace

std::vector<std::pair<std::string, std::vector<std::size_t>>> failing_rule_cells(const Document& doc) {
  std::set<std::string> have;
  for (const auto& c : doc.cells) have.insert(key_of(c.table, c.row, c.col));
  std::map<std::string, std::vector<std::size_t>> out;
  for (std::size_t i = 0; i < doc.rules.size(); ++i) {
    const RuleOutcome& o = doc.rules[i];
    if (o.result != RuleResult::fail) continue;
    auto slash = o.scope.find('/');
    std::string scope = o.scope.substr(0, slash);
    std::string scope_col = slash == std::string::npos ? std::string() : o.scope.substr(slash + 1);
    std::vector<std::string> terms = rule_detail_operands(o.detail);
    // A per-row rule names its left column in the scope ("row/legal_person_subtotal").
    if (!scope_col.empty() && scope_col != "nonneg" && scope_col != "integer") terms.push_back(scope_col);
    for (const auto& t : terms) {
      std::string as_row = key_of(o.table, t, scope), as_col = key_of(o.table, scope, t);
      if (have.count(as_row)) out[as_row].push_back(i);
      else if (have.count(as_col)) out[as_col].push_back(i);
    }
  }
  std::vector<std::pair<std::string, std::vector<std::size_t>>> v;
  for (auto& [k, r] : out) {
    r.erase(std::unique(r.begin(), r.end()), r.end());
    v.emplace_back(k, r);
  }
  return v;
}

std::vector<ReviewCrop> plan_crops(const Document& doc, const std::string& stem) {
  std::vector<ReviewCrop> out;
  if (doc.meta.extractor != "pdf") return out;
  // Source table cells by page, to widen a table's region to the labels and headers around it.
  struct Box {
    int page;
    double x0, y0, x1, y1;
  };
  std::vector<std::vector<Box>> source_tables;
  for_each_table(doc, [&](const Table& t) {
    std::vector<Box> boxes;
    for (const auto& c : t.cells)
      for (const auto& f : c.from)
        if (f.page > 0) boxes.push_back({f.page, f.x0, f.y0, f.x1, f.y1});
    source_tables.push_back(std::move(boxes));
  });
  std::vector<std::string> tables;
  for (const auto& c : doc.cells)
    if (std::find(tables.begin(), tables.end(), c.table) == tables.end()) tables.push_back(c.table);
  for (const auto& table : tables) {
    std::map<int, Box> region;  // page → union
    auto add = [&](const Box& b) {
      if (!(b.x1 > b.x0) || !(b.y1 > b.y0) || !std::isfinite(b.x0 + b.y0 + b.x1 + b.y1)) return;
      auto [it, fresh] = region.emplace(b.page, b);
      if (!fresh) {
        it->second.x0 = std::min(it->second.x0, b.x0);
        it->second.y0 = std::min(it->second.y0, b.y0);
        it->second.x1 = std::max(it->second.x1, b.x1);
        it->second.y1 = std::max(it->second.y1, b.y1);
      }
    };
    std::vector<Box> cell_boxes;
    for (const auto& c : doc.cells)
      if (c.table == table)
        for (const auto& f : c.from)
          if (f.page > 0) cell_boxes.push_back({f.page, f.x0, f.y0, f.x1, f.y1});
    for (const auto& b : cell_boxes) add(b);
    // A source table holding any of the cells contributes all its cells on the same pages.
    for (const auto& st : source_tables) {
      bool holds = false;
      for (const auto& cb : cell_boxes) {
        for (const auto& sb : st)
          if (sb.page == cb.page && cb.x0 >= sb.x0 - 0.5 && cb.x1 <= sb.x1 + 0.5 && cb.y0 >= sb.y0 - 0.5 &&
              cb.y1 <= sb.y1 + 0.5) {
            holds = true;
            break;
          }
        if (holds) break;
      }
      if (holds)
        for (const auto& sb : st)
          if (region.count(sb.page)) add(sb);
    }
    for (const auto& [page, b] : region) {
      constexpr double kMargin = 12;
      ReviewCrop c;
      c.table = table;
      c.page = page;
      c.x0 = std::max(0.0, b.x0 - kMargin);
      c.y0 = std::max(0.0, b.y0 - kMargin);
      c.x1 = b.x1 + kMargin;
      c.y1 = b.y1 + kMargin;
      c.file = "img/" + stem + "-" + table + "-p" + std::to_string(page) + ".png";
      out.push_back(std::move(c));
    }
  }
  return out;
}

std::string review_page_html(const Document& doc, const ReviewPageOptions& opt) {
  PageContext ctx{doc, {}, {}, {}, {}};
  std::map<std::string, std::vector<const CanonicalCell*>> by_table;
  std::vector<std::string> tables;
  for (const auto& c : doc.cells) {
    ctx.cells.emplace(key_of(c.table, c.row, c.col), &c);
    if (!by_table.count(c.table)) tables.push_back(c.table);
    by_table[c.table].push_back(&c);
  }
  for (auto& [k, v] : failing_rule_cells(doc)) ctx.failing[k] = v;

  // Crops: each cell's boxes on the crops of its table, the first one addressable.
  std::map<std::string, std::string> crop_html;  // table → figures
  for (std::size_t ci = 0; ci < opt.crops.size(); ++ci) {
    const ReviewCrop& cr = opt.crops[ci];
    if (cr.width <= 0 || cr.height <= 0 || !(cr.x1 > cr.x0)) continue;
    double scale = cr.width / (cr.x1 - cr.x0);
    // Shown at about 1.2 px per point beside the table (the image has more pixels, for zooming).
    int shown_w = static_cast<int>(std::min(700.0, (cr.x1 - cr.x0) * 1.2));
    int shown_h = static_cast<int>(std::lround(static_cast<double>(cr.height) * shown_w / cr.width));
    std::string w = std::to_string(shown_w), ht = std::to_string(shown_h);
    std::string f = "<figure class=\"crop\" data-page=\"" + std::to_string(cr.page) + "\"><div class=\"cropbox\" style=\"width:" +
                    w + "px;height:" + ht + "px\"><img src=\"" + html_escape(url_path_escape(cr.file)) + "\" width=\"" + w +
                    "\" height=\"" + ht + "\" alt=\"page " + std::to_string(cr.page) + " of the source, where table " +
                    html_escape(cr.table) + " was read\"><svg viewBox=\"0 0 " + std::to_string(cr.width) + " " +
                    std::to_string(cr.height) + "\" width=\"" + w + "\" height=\"" + ht + "\">";
    for (const auto* c : by_table[cr.table]) {
      std::string key = key_of(c->table, c->row, c->col);
      for (std::size_t si = 0; si < c->from.size(); ++si) {
        const Span& s = c->from[si];
        if (s.page != cr.page || s.x1 < cr.x0 || s.x0 > cr.x1 || s.y1 < cr.y0 || s.y0 > cr.y1) continue;
        std::string id = id_of("b-", key) + (si ? "-" + std::to_string(si) : std::string()) + "-k" + std::to_string(ci);
        ctx.box_of.emplace(key, id);
        char buf[160];
        std::snprintf(buf, sizeof buf, "x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"", (s.x0 - cr.x0) * scale,
                      (s.y0 - cr.y0) * scale, std::max(1.0, (s.x1 - s.x0) * scale), std::max(1.0, (s.y1 - s.y0) * scale));
        std::string cls = std::string("st-") + status_name(c->status) + (ctx.failing.count(key) ? " fail" : "");
        f += "<a href=\"#" + id_of("c-", key) + "\"><rect id=\"" + id + "\" class=\"" + cls + "\" " + buf +
             "><title>" + html_escape(c->row + " × " + c->col) + "</title></rect></a>";
      }
    }
    f += "</svg></div><figcaption>page " + std::to_string(cr.page) + " of the source, x " + format_coord(cr.x0) + "–" +
         format_coord(cr.x1) + ", y " + format_coord(cr.y0) + "–" + format_coord(cr.y1) + " pt</figcaption></figure>\n";
    crop_html[cr.table] += f;
  }

  // HTML, Word and text sources: the canonical cells point at their source cells.
  std::map<std::string, std::set<std::string>> source_tables_of;  // table code → source table ids
  if (doc.meta.extractor != "pdf") {
    auto ids = source_ids_by_path(doc);
    std::map<std::string, std::string> table_of_path;
    for_each_table(doc, [&](const Table& t) {
      for (const auto& c : t.cells)
        for (const auto& f : c.from)
          if (f.page == 0) table_of_path.emplace(f.path, t.id);
    });
    for (const auto& c : doc.cells)
      for (const auto& f : c.from) {
        auto it = ids.find(f.path);
        if (it == ids.end()) continue;
        ctx.source_of.emplace(key_of(c.table, c.row, c.col), it->second);
        source_tables_of[c.table].insert(table_of_path[f.path]);
        break;
      }
  }

  const Metadata& m = doc.meta;
  std::string title = m.title.empty() ? m.source : m.title;
  std::string h =
      "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'none'; object-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'\">\n"
      "<title>" + html_escape(title) + "</title>\n<link rel=\"stylesheet\" href=\"" + html_escape(url_path_escape(opt.css_href)) +
      "\">\n</head>\n<body class=\"report\">\n<nav><a href=\"" + html_escape(url_path_escape(opt.index_href)) + "\">← all reports</a>";
  if (!opt.xml_href.empty()) h += " · <a href=\"" + html_escape(url_path_escape(opt.xml_href)) + "\">canonical XML</a>";
  h += "</nav>\n<h1>" + html_escape(title) + "</h1>\n<dl class=\"meta\">";
  auto dd = [&](const char* k, const std::string& v) {
    if (!v.empty()) h += "<dt>" + std::string(k) + "</dt><dd>" + html_escape(v) + "</dd>";
  };
  dd("agency", m.agency);
  dd("year", m.year);
  dd("profile", doc.profile);
  dd("source", m.source);
  dd("read as", std::string(kind_label(doc)) + (m.pages ? ", " + std::to_string(m.pages) + " pages" : std::string()) +
                    (m.encoding.empty() ? std::string() : ", " + m.encoding));
  dd("sha256", m.sha256);
  h += "</dl>\n";

  int counts[5] = {0, 0, 0, 0, 0}, rules[3] = {0, 0, 0};
  for (const auto& c : doc.cells) ++counts[static_cast<int>(c.status)];
  for (const auto& r : doc.rules) ++rules[static_cast<int>(r.result)];
  h += "<p class=\"counts\">cells: " + std::to_string(counts[0]) + " number · " + std::to_string(counts[1]) + " blank · " +
       std::to_string(counts[2]) + " na · <span class=\"st-text\">" + std::to_string(counts[3]) +
       " text</span> · <span class=\"st-missing\">" + std::to_string(counts[4]) + " missing</span>; rules: " +
       std::to_string(rules[0]) + " pass · <span class=\"fail\">" + std::to_string(rules[1]) + " fail</span> · " +
       std::to_string(rules[2]) + " unchecked</p>\n";
  h += "<p class=\"legend\">Each cell shows its value (or <i>blank</i>, the na text, the words of a <span class=\"st-text\">text</span> "
       "cell, <i>missing</i>); <span class=\"fail\">outlined</span> cells take part in a failing rule (hover or focus for both "
       "sides). Click a cell to see where it was read.</p>\n";
  if (!opt.source_note.empty()) h += "<p class=\"note\">" + html_escape(opt.source_note) + "</p>\n";

  for (const auto& table : tables) {
    const TableLayout* layout = nullptr;
    for (const auto& l : opt.layouts)
      if (l.table == table) layout = &l;
    TableView v = table_view(table, by_table[table], layout);
    h += "<section class=\"stat\" id=\"" + h2_id(table) + "\">\n<h2>" + html_escape(table) + "</h2>\n<div class=\"pair\">\n<div>\n";
    h += grid_html(ctx, v);
    if (!v.leftover_rows.empty()) {
      TableView rest{table, v.leftover_rows, {}, {}};
      std::set<std::string> seen;
      for (const auto* c : by_table[table])
        for (const auto& r : v.leftover_rows)
          if (c->row == r.row && seen.insert(c->col).second) rest.cols.push_back({{c->col}, {}, c->col, false, {}, false});
      for (auto& r : rest.rows) r.positional = false;
      h += "<p>Rows beyond the form:</p>\n" + grid_html(ctx, rest);
    }
    h += "</div>\n<div class=\"where\">\n";
    if (crop_html.count(table)) {
      h += crop_html[table];
    } else if (source_tables_of.count(table)) {
      for_each_table(doc, [&](const Table& t) {
        if (!source_tables_of[table].count(t.id)) return;
        h += "<p class=\"srccap\">source table " + html_escape(t.id) + " (" + std::to_string(t.rows) + " × " +
             std::to_string(t.cols) + "), as read; hover a cell for its " +
             (doc.meta.extractor == "text" ? "line" : "node path") + "</p>\n";
        h += source_table_html(t, doc.meta.extractor == "text", true);
      });
    } else if (doc.meta.extractor == "pdf" && opt.source_note.empty()) {
      h += "<p class=\"note\">no crop: the cells of this table carry no page box</p>\n";
    }
    h += "</div>\n</div>\n</section>\n";
  }

  // Failing rules, each with both sides and links to its cells.
  h += "<section id=\"failing\">\n<h2>Failing rules</h2>\n";
  std::map<std::size_t, std::vector<std::string>> cells_of_rule;
  for (const auto& [k, rs] : ctx.failing)
    for (std::size_t i : rs) cells_of_rule[i].push_back(k);
  if (cells_of_rule.empty() && rules[1] == 0) h += "<p>none</p>\n";
  h += "<ul class=\"rules\">\n";
  for (std::size_t i = 0; i < doc.rules.size(); ++i) {
    const RuleOutcome& o = doc.rules[i];
    if (o.result != RuleResult::fail) continue;
    h += "<li data-rule=\"" + std::to_string(o.rule) + "\">rule " + std::to_string(o.rule) + ", " + html_escape(o.table) +
         " " + html_escape(o.scope) + ": <b>" + html_escape(o.lhs) + " ≠ " + html_escape(o.rhs) + "</b> — " +
         html_escape(o.detail) + "<br>cells:";
    for (const auto& k : cells_of_rule[i]) h += " <a href=\"#" + id_of("c-", k) + "\">" + html_escape(k) + "</a>";
    h += "</li>\n";
  }
  h += "</ul>\n<details><summary>all " + std::to_string(doc.rules.size()) + " rule outcomes</summary>\n<table class=\"list\">"
       "<tr><th>rule</th><th>table</th><th>scope</th><th>result</th><th>lhs</th><th>rhs</th><th>detail</th></tr>\n";
  for (const auto& o : doc.rules)
    h += "<tr class=\"r-" + std::string(rule_result_name(o.result)) + "\"><td>" + std::to_string(o.rule) + "</td><td>" +
         html_escape(o.table) + "</td><td>" + html_escape(o.scope) + "</td><td>" + rule_result_name(o.result) +
         "</td><td>" + html_escape(o.lhs) + "</td><td>" + html_escape(o.rhs) + "</td><td>" + html_escape(o.detail) +
         "</td></tr>\n";
  h += "</table>\n</details>\n</section>\n";

  h += "<section id=\"findings\">\n<h2>Findings (" + std::to_string(doc.findings.size()) + ")</h2>\n<table class=\"list\">"
       "<tr><th>severity</th><th>code</th><th>location</th><th>message</th></tr>\n";
  for (const auto& f : doc.findings) {
    std::string loc = html_escape(f.location);
    // A finding about one cell links to it.
    if (ctx.cells.count(f.location)) loc = "<a href=\"#" + id_of("c-", f.location) + "\">" + loc + "</a>";
    h += "<tr class=\"sev-" + std::string(severity_name(f.severity)) + "\"><td>" + severity_name(f.severity) + "</td><td>" +
         html_escape(f.code) + "</td><td>" + loc + "</td><td>" + html_escape(f.message) + "</td></tr>\n";
  }
  h += "</table>\n</section>\n";

  h += "<section id=\"sections\">\n<h2>Sections</h2>\n";
  for (const auto& s : doc.sections) {
    h += "<article class=\"sec\" data-section=\"" + html_escape(s.code) + "\"><h3>" +
         html_escape(s.heading.empty() ? s.code : s.heading) + " <small>" + html_escape(s.code) + "</small></h3>\n";
    for (const auto& b : s.blocks) {
      if (const auto* p = std::get_if<Paragraph>(&b)) {
        h += p->level > 0 ? "<p class=\"sub\">" : "<p>";
        h += html_escape(p->text) + "</p>\n";
      } else if (const auto* t = std::get_if<Table>(&b)) {
        h += "<details><summary>table " + html_escape(t->id) + " (" + std::to_string(t->rows) + " × " +
             std::to_string(t->cols) + ")</summary>\n" + source_table_html(*t, doc.meta.extractor == "text", false) + "</details>\n";
      }
    }
    h += "</article>\n";
  }
  h += "</section>\n</body>\n</html>\n";
  return h;
}

}  // namespace ogix
