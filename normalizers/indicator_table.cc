#include "normalizers/indicator_table.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "normalizers/cell_value.h"
#include "normalizers/ocr_check.h"
#include "text/unicode.h"

namespace ogix {

namespace {

bool starts_with(std::string_view s, std::string_view w) { return s.substr(0, w.size()) == w; }

bool variant_is(const std::vector<LabelVariant>& vs, const std::string& key) {
  if (key.empty()) return false;
  for (const auto& v : vs)
    if (v.leaf == key) return true;
  return false;
}

bool is_money_unit(const std::string& u) { return u == "元" || u == "千元" || u == "万元" || u == "亿元"; }

// "2013年" / "2013年度": a year header; the year, or empty.
std::string year_header(const std::string& compact) {
  if (compact.size() < 7 || !std::all_of(compact.begin(), compact.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }))
    return {};
  std::string rest = compact.substr(4);
  return rest == "年" || rest == "年度" ? compact.substr(0, 4) : std::string();
}

// The grid of a table as slot owners, so a cell is found by (row, col) whatever its spans.
struct Grid {
  const Table& t;
  std::vector<const Cell*> owner;
  explicit Grid(const Table& table) : t(table), owner(static_cast<std::size_t>(table.rows) * table.cols, nullptr) {
    for (const auto& c : t.cells)
      for (int r = c.row; r < c.row + c.row_span && r < t.rows; ++r)
        for (int k = c.col; k < c.col + c.col_span && k < t.cols; ++k)
          if (r >= 0 && k >= 0) owner[static_cast<std::size_t>(r) * t.cols + k] = &c;
  }
  const Cell* at(int r, int c) const {
    if (r < 0 || c < 0 || r >= t.rows || c >= t.cols) return nullptr;
    return owner.at(static_cast<std::size_t>(r) * t.cols + c);
  }
  std::string text(int r, int c) const {
    const Cell* x = at(r, c);
    return x ? x->text : std::string();
  }
};

// Where an indicator table keeps its labels, units and periods.
struct Layout {
  int header_row = -1;  // -1: no header (found by its rows)
  int label_col = 0, unit_col = -1;
  std::vector<int> value_cols;
  std::vector<std::string> headers;  // header text of each value column
};

bool is_unit_word(const ProfileTable& pt, const std::string& text) {
  std::u32string t = utf8_to_u32(strip_spaces(text));
  if (t.empty()) return false;
  for (const auto& u : pt.units)
    if (t == u) return true;
  return false;
}

bool numeric(const std::string& text) {
  CellReading r = read_cell(text, true);
  return r.status == CellStatus::number;
}

// The layout of `t` as an indicator table, or false.
bool find_layout(const Table& t, const ProfileTable& pt, Layout* out) {
  Grid g(t);
  for (int r = 0; r < t.rows && r < 4; ++r) {
    int label = -1, unit = -1;
    for (int c = 0; c < t.cols; ++c) {
      const Cell* x = g.at(r, c);
      if (!x || x->col != c) continue;
      if (label < 0 && is_label_header(pt, x->text)) label = c;
      else if (label >= 0 && unit < 0 && is_unit_header(pt, x->text)) unit = c;
    }
    if (label < 0) continue;
    Layout l;
    l.header_row = r;
    l.label_col = label;
    l.unit_col = unit;
    for (int c = label + 1; c < t.cols; ++c) {
      const Cell* x = g.at(r, c);
      if (!x || x->col != c || c == unit) continue;
      l.value_cols.push_back(c);
      l.headers.push_back(x->text);
    }
    // A column with no text in any row is no column (a Word copy's trailing tab).
    for (std::size_t i = l.value_cols.size(); i-- > 0;) {
      bool any = false;
      for (int rr = 0; rr < t.rows && !any; ++rr) any = !strip_spaces(g.text(rr, l.value_cols[i])).empty();
      if (!any) {
        l.value_cols.erase(l.value_cols.begin() + static_cast<long>(i));
        l.headers.erase(l.headers.begin() + static_cast<long>(i));
      }
    }
    if (l.value_cols.empty()) continue;
    *out = l;
    return true;
  }
  // No header: at least three rows whose first cell names an indicator and carries a number.
  int named = 0;
  IndicatorOutline outline(pt);
  std::vector<int> numbers(static_cast<std::size_t>(t.cols), 0), units(static_cast<std::size_t>(t.cols), 0);
  for (int r = 0; r < t.rows; ++r) {
    bool has_number = false;
    for (int c = 1; c < t.cols; ++c) {
      const Cell* x = g.at(r, c);
      if (!x || x->col != c) continue;
      if (numeric(x->text)) has_number = true, ++numbers[static_cast<std::size_t>(c)];
      if (is_unit_word(pt, x->text)) ++units[static_cast<std::size_t>(c)];
    }
    if (outline.place(read_indicator_label(g.text(r, 0)), has_number) && has_number) ++named;
  }
  if (named < 3) return false;
  Layout l;
  for (int c = 1; c < t.cols; ++c) {
    if (units[static_cast<std::size_t>(c)] > 0 && numbers[static_cast<std::size_t>(c)] == 0 && l.unit_col < 0)
      l.unit_col = c;
    else if (numbers[static_cast<std::size_t>(c)] > 0) {
      l.value_cols.push_back(c);
      l.headers.push_back({});
    }
  }
  if (l.value_cols.empty()) return false;
  *out = l;
  return true;
}

// True when `key` is a label variant of some indicator of `table`.
bool names_indicator(const ProfileTable& table, const std::string& key) {
  if (key.empty()) return false;
  for (const auto& pr : table.rows)
    for (const auto& v : pr.variants)
      if (v.leaf == key) return true;
  return false;
}

std::vector<const Table*> tables_of(const Document& doc) {
  std::vector<const Table*> out;
  auto take = [&](const std::vector<Block>& blocks) {
    for (const auto& b : blocks)
      if (auto* t = std::get_if<Table>(&b)) out.push_back(t);
  };
  take(doc.blocks);
  for (const auto& s : doc.sections) take(s.blocks);
  return out;
}

}  // namespace

IndicatorLabel read_indicator_label(std::string_view text) {
  std::string t = strip_spaces(normalize_text(text));
  IndicatorLabel out;
  bool part = false;
  for (std::string_view p : {"其中：", "其中:", "其中"})
    if (starts_with(t, p)) {
      part = true;
      t = t.substr(p.size());
      break;
    }
  HeadingMarker m = heading_marker(t);
  if (m.level > 0) {
    out.level = m.level;
    out.number = m.number;
    t = t.substr(m.length);
  } else {
    out.level = part ? 4 : 1;
  }
  // A bracketed remark after the label ((不同渠道和方式公开相同信息计1条)) is not part of it.
  for (std::string_view open : {"（", "("}) {
    std::size_t at = t.find(open);
    if (at == std::string::npos || at == 0) continue;
    std::string_view close = open == "（" ? "）" : ")";
    std::size_t end = t.find(close, at);
    t.erase(at, end == std::string::npos ? std::string::npos : end + close.size() - at);
  }
  out.label = t;
  out.key = label_key(t);
  if (starts_with(out.key, "其中")) out.key = out.key.substr(std::string_view("其中").size());
  return out;
}

const ProfileRow* IndicatorOutline::place(const IndicatorLabel& label, bool has_values) {
  while (!stack_.empty() && stack_.back().level >= label.level) stack_.pop_back();
  parent_ = !stack_.empty() && stack_.back().values ? stack_.back().index : -1;
  // The group a label needs (行政复议 for 被依法纠错数) is the nearest row above naming it: in the
  // numbering outline, or — where the parts are not numbered — among the rows just above.
  auto distance = [&](const std::string& group) -> int {
    for (std::size_t d = 0; d < history_.size() && d < 12; ++d)
      if (history_[history_.size() - 1 - d].find(group) != std::string::npos) return static_cast<int>(d);
    for (const auto& e : stack_)
      if (e.key.find(group) != std::string::npos) return 12;
    return -1;
  };
  const ProfileRow* best = nullptr;
  int best_score = 0;
  for (const auto& pr : table_.rows)
    for (const auto& v : pr.variants) {
      if (v.leaf.empty() || v.leaf != label.key) continue;
      int score = 1;
      if (!v.group.empty()) {
        int d = distance(v.group);
        if (d < 0) continue;
        score = 100 - d;  // names its group too: more specific than a bare label; nearer wins
      }
      if (score > best_score) best = &pr, best_score = score;
    }
  last_approximate_ = false;
  const std::u32string key = !best && approximate_ ? utf8_to_u32(label.key) : std::u32string();
  if (key.size() >= 5 && key.size() <= 200) {
    // At most one edit in six characters, and exactly one indicator that close: a misread 函 in
    // 信函申请数 names it, a label as near to two indicators names neither. Edits within the
    // label plus its extra length bound the edits between the two whole labels.
    std::size_t best_edits = 0;
    bool tie = false;
    for (const auto& pr : table_.rows)
      for (const auto& v : pr.variants) {
        const std::u32string leaf = utf8_to_u32(v.leaf);
        if (leaf.size() < 5 || (!v.group.empty() && distance(v.group) < 0)) continue;
        const std::size_t e = edits_within(leaf, key) + (key.size() > leaf.size() ? key.size() - leaf.size() : 0);
        if (e == 0 || e > std::max<std::size_t>(1, leaf.size() / 6)) continue;
        if (!best || e < best_edits) best = &pr, best_edits = e, tie = false;
        else if (e == best_edits && best != &pr) tie = true;
      }
    if (tie) best = nullptr;
    last_approximate_ = best != nullptr;
  }
  stack_.push_back(Entry{label.key, label.level, placed_++, has_values});
  history_.push_back(label.key);
  return best;
}

std::vector<std::string> period_codes(const ProfileTable& table, const std::vector<std::string>& headers,
                                      const std::string& year) {
  std::vector<std::string> out;
  if (headers.size() == 1) return {"current"};
  int years = 0;
  for (const auto& h : headers) years += !year_header(strip_spaces(normalize_text(h))).empty();
  std::set<std::string> taken;
  for (std::size_t i = 0; i < headers.size(); ++i) {
    std::string compact = strip_spaces(normalize_text(headers[i]));
    std::string code;
    std::string y = year_header(compact);
    if (!y.empty()) {
      // The report year's column; with no year known, the one year header there is.
      if (!table.year_col.empty() && (y == year || (year.empty() && years == 1))) code = table.year_col;
    } else {
      std::string key = label_key(compact);
      for (const auto& c : table.cols)
        if (variant_is(c.variants, key)) {
          code = c.code;
          break;
        }
    }
    if (code.empty() || taken.count(code)) code = "c" + std::to_string(i + 1);
    taken.insert(code);
    out.push_back(code);
  }
  return out;
}

bool has_modern_table_words(const Document& doc) {
  // Header and row words of tables 二 and 三 that legacy reports do not use, even in prose; two of
  // them make a modern table (信息内容 alone occurs in legacy prose: 充实公开信息内容).
  static const char* const words[] = {"本年新收", "结转下年度", "商业企业", "社会公益组织", "法律服务机构", "本年新制作数量", "本年制发件数"};
  std::set<const char*> hits;
  auto scan = [&](const std::string& text) {
    std::string t = strip_spaces(text);
    for (const char* w : words)
      if (t.find(w) != std::string::npos) hits.insert(w);
  };
  for (const auto& b : doc.blocks) {
    if (auto* p = std::get_if<Paragraph>(&b)) scan(p->text);
    if (auto* t = std::get_if<Table>(&b))
      for (const auto& c : t->cells) scan(c.text);
    if (hits.size() >= 2) return true;
  }
  return false;
}

bool is_label_header(const ProfileTable& table, std::string_view text) {
  return variant_is(table.label_col, label_key(text));
}

bool is_unit_header(const ProfileTable& table, std::string_view text) {
  return variant_is(table.unit_col, label_key(text));
}

const Profile* indicator_profile() {
  for (const auto& p : builtin_profiles())
    if (p.detect == "indicator-table") return &p;
  return nullptr;
}

bool has_indicator_table(const Document& doc, const Profile& profile, std::vector<std::string>* evidence) {
  for (const auto& pt : profile.tables) {
    if (pt.label_col.empty()) continue;
    for (const Table* t : tables_of(doc)) {
      Layout l;
      if (!find_layout(*t, pt, &l)) continue;
      if (evidence) {
        Grid g(*t);
        if (l.header_row >= 0) {
          evidence->push_back(strip_spaces(g.text(l.header_row, l.label_col)));
          if (l.unit_col >= 0) evidence->push_back(strip_spaces(g.text(l.header_row, l.unit_col)));
        } else {
          evidence->push_back("(indicator rows with numbers in table " + t->id + ")");
        }
      }
      return true;
    }
  }
  return false;
}

bool map_indicator_tables(Document& doc, const Profile& profile) {
  const ProfileTable* pt = nullptr;
  for (const auto& t : profile.tables)
    if (!t.label_col.empty()) pt = &t;
  if (!pt) return false;

  struct Row {
    const ProfileRow* row = nullptr;
    std::string label, unit, where, text;  // text: the label cell as written
    std::vector<std::pair<std::string, const Cell*>> values;  // column code → cell
  };
  std::vector<Row> rows;
  bool any = false;
  for (const Table* t : tables_of(doc)) {
    Layout l;
    if (!find_layout(*t, *pt, &l)) continue;
    any = true;
    Grid g(*t);
    std::vector<std::string> codes = period_codes(*pt, l.headers, doc.meta.year);
    for (std::size_t i = 0; i < codes.size(); ++i)
      if (codes[i].size() > 1 && codes[i][0] == 'c' && std::isdigit(static_cast<unsigned char>(codes[i][1])))
        doc.add_finding("map.extra_column", Severity::info,
                        "value column '" + strip_spaces(l.headers[i]) + "' is neither the report year nor cumulative; kept as " +
                            codes[i],
                        t->id);
    IndicatorOutline outline(*pt, !doc.ocr_readings.empty());
    std::string held;  // a label line with no unit or values that may continue on the next line
    int held_row = -1;  // index in rows of the blank row written for `held`, or -1
    for (int r = l.header_row + 1; r < t->rows; ++r) {
      const Cell* lc = g.at(r, l.label_col);
      if (!lc || lc->row != r) continue;  // a label cell spanning rows is read once
      std::string text = lc->text;
      IndicatorLabel label = read_indicator_label(text);
      // A line that is only a bracketed remark ((不同渠道和方式公开相同信息计1条)) may end a label
      // wrapped above it.
      if (label.key.empty() && held.empty()) continue;
      bool row_has_values = l.unit_col >= 0 && !strip_spaces(g.text(r, l.unit_col)).empty();
      for (int vc : l.value_cols) {
        const Cell* x = g.at(r, vc);
        row_has_values = row_has_values || (x && x != lc && !strip_spaces(x->text).empty());
      }
      if (!held.empty()) {
        // A label wrapped over two lines (其中：主要负责同志参加 / 政府网站在线访谈次数 …): the
        // second line has no numbering of its own. Joined when the whole names an indicator, or
        // when the first line cannot be a group heading (其中 … or 1. numbering) and names no
        // indicator by itself (其中：涉及国家秘密 with a blank cell is that indicator, blank).
        IndicatorLabel first = read_indicator_label(held), joined = read_indicator_label(held + text);
        bool continues = label.number == 0 && label.level == 1 && row_has_values;
        std::string compact = strip_spaces(normalize_text(held));
        if (continues && (names_indicator(*pt, joined.key) ||
                          (!names_indicator(*pt, first.key) && (first.level >= 3 || compact.rfind("其中", 0) == 0)))) {
          text = held + text;
          label = joined;
          // The first line was taken for a row with blank cells: it was half of this one.
          if (held_row >= 0 && held_row + 1 == static_cast<int>(rows.size())) rows.pop_back();
        }
        held.clear();
      }
      held_row = -1;
      if (label.key.empty()) continue;
      if (!row_has_values) held = text;
      Row row;
      row.label = label.label;
      row.unit = l.unit_col >= 0 ? strip_spaces(g.text(r, l.unit_col)) : std::string();
      if (row.unit.empty()) row.unit = unit_in_label(lc->text);  // 专项经费（单位：万元）
      row.where = t->id + "/r" + std::to_string(r + 1);
      bool has_values = false;
      for (std::size_t i = 0; i < l.value_cols.size(); ++i) {
        const Cell* vc = g.at(r, l.value_cols[i]);
        if (!vc || vc == lc) continue;
        row.values.push_back({codes[i], vc});
        has_values = has_values || !strip_spaces(vc->text).empty();
      }
      // The tail of a label wrapped below its values (4.政务微 | 333 … / 信公开政府信息数): an
      // unnumbered line with no unit or values after a row that names nothing, joined when the
      // whole names an indicator.
      if (!has_values && row.unit.empty() && label.level == 1 && label.number == 0 && !rows.empty() &&
          !rows.back().row && rows.back().where.rfind(t->id + "/", 0) == 0) {
        IndicatorLabel joined = read_indicator_label(rows.back().text + text);
        if (const ProfileRow* pr = outline.place(joined, true)) {
          if (outline.last_approximate()) report_approximate_label(doc, joined.label, pt->code, pr->code);
          rows.back().row = pr;
          rows.back().label = joined.label;
          rows.back().text += text;
          held.clear();
          continue;
        }
      }
      row.text = text;
      row.row = outline.place(label, has_values);
      if (outline.last_approximate()) report_approximate_label(doc, label.label, pt->code, row.row->code);
      // A row with no unit and no values heads a group (一、主动公开情况): a heading, no cells —
      // unless its label alone names an indicator: that indicator, its cells blank as printed.
      if (!has_values && row.unit.empty() && (!row.row || row.values.empty())) continue;
      if (!has_values) held_row = static_cast<int>(rows.size());
      rows.push_back(std::move(row));
    }
  }
  if (!any) return false;

  // First occurrence of each indicator wins; the rest are reported.
  std::map<std::string, const Row*> first;
  std::vector<const Row*> extras;
  for (const auto& r : rows) {
    if (!r.row) {
      extras.push_back(&r);
      doc.add_finding("map.unmatched_row", Severity::info,
                      "row '" + r.label + "' names no indicator of " + profile.id + "; kept as an extra row", r.where);
      continue;
    }
    if (!first.emplace(r.row->code, &r).second)
      doc.add_finding("map.duplicate_row", Severity::warning,
                      "row " + pt->code + "/" + r.row->code + " appears again; the first occurrence is used", r.where);
  }
  auto emit = [&](const Row& r, const std::string& code, const std::string& money_to, bool extra) {
    for (const auto& [col, cell] : r.values) {
      CanonicalCell cc;
      cc.table = pt->code;
      cc.row = code;
      cc.col = col;
      cc.extra = extra;
      if (extra) cc.label = r.label;
      cc.raw = cell->text;
      cc.from = cell->from;
      cc.unit = r.unit;
      std::string loc = pt->code + "/" + code + "/" + col;
      bool money = !money_to.empty() || is_money_unit(r.unit);
      CellReading rd = read_cell(cell->text, money);
      if (rd.status == CellStatus::text && !money) {
        // The row's unit repeated in the cell (235条) is a number in that unit; another unit than
        // the row's is not decided and stays text.
        std::u32string t = utf8_to_u32(strip_spaces(cell->text));
        for (const auto& u : pt->units) {
          if (t.size() <= u.size() || t.compare(t.size() - u.size(), u.size(), u) != 0) continue;
          std::string unit = u32_to_utf8(u);
          CellReading n = read_cell(u32_to_utf8(t.substr(0, t.size() - u.size())), false);
          // With no unit column, a money unit on a row the profile does not count in money
          // contradicts the row: not decided.
          bool fits = r.unit.empty() ? extra || !is_money_unit(unit) : r.unit == unit;
          if (n.status == CellStatus::number && fits) {
            rd = n;
            cc.unit = unit;
          }
          break;
        }
      }
      cc.status = rd.status;
      if (rd.status == CellStatus::number) {
        cc.value = rd.value;
        std::string from = !rd.unit.empty() ? rd.unit : r.unit;
        if (money) {
          std::string to = money_to.empty() ? "万元" : money_to;
          if (!is_money_unit(from)) {
            // With no unit in the cell, the unit column or the label, the amount in 万元 is not
            // decided: 43160 may be 元. Text, never a number in a guessed unit.
            doc.add_finding("unit.unknown", Severity::warning,
                            "money cell '" + cell->text + "' states no unit; left as text", loc);
            cc.status = CellStatus::text;
            cc.value.clear();
            cc.unit.clear();
          } else {
            if (from != to) {
              std::string v = convert_unit(rd.value, from, to);
              if (!v.empty()) {
                cc.value = v;
                doc.add_finding("unit.converted", Severity::info,
                                "'" + cell->text + "' (" + from + ") converted to " + v + " " + to, loc);
              }
            }
            cc.unit = to;
          }
        }
      } else if (rd.status == CellStatus::text) {
        doc.add_finding("cell.text", Severity::warning, "cell text '" + cell->text + "' is not a number", loc);
      }
      doc.cells.push_back(std::move(cc));
    }
  };
  for (const auto& pr : pt->rows) {
    auto it = first.find(pr.code);
    if (it != first.end()) emit(*it->second, pr.code, pr.unit, false);
  }
  int n = 0;
  for (const Row* r : extras) emit(*r, "extra_" + std::to_string(++n), {}, true);
  return true;
}

}  // namespace ogix
