#include "normalizers/profile_mapper.h"

#include <algorithm>
#include <map>
#include <optional>

#include "model/error.h"
#include "normalizers/cell_value.h"
#include "normalizers/unicode.h"

namespace ogix {

namespace {

// All tables of the document in reading order, with the section each sits in.
std::vector<const Table*> all_tables(const Document& doc) {
  std::vector<const Table*> out;
  auto take = [&](const std::vector<Block>& blocks) {
    for (const auto& b : blocks)
      if (auto* t = std::get_if<Table>(&b)) out.push_back(t);
  };
  take(doc.blocks);
  for (const auto& s : doc.sections) take(s.blocks);
  return out;
}

std::string all_text(const Document& doc) {
  std::string s;
  auto take = [&](const std::vector<Block>& blocks) {
    for (const auto& b : blocks) {
      if (auto* p = std::get_if<Paragraph>(&b)) {
        s += strip_spaces(p->text);
        s += '\n';
      } else if (auto* t = std::get_if<Table>(&b)) {
        for (const auto& c : t->cells) {
          s += strip_spaces(c.text);
          s += '\n';
        }
      }
    }
  };
  take(doc.blocks);
  for (const auto& sec : doc.sections) {
    s += strip_spaces(sec.heading) + '\n';
    take(sec.blocks);
  }
  return s;
}

// The distinct cells of one grid row in column order.
struct GridRow {
  std::vector<const Cell*> cells;  // distinct, left to right
};

std::vector<GridRow> grid_rows(const Table& t) {
  std::vector<int> owner(static_cast<std::size_t>(t.rows) * t.cols, -1);
  for (std::size_t i = 0; i < t.cells.size(); ++i) {
    const Cell& c = t.cells[i];
    for (int r = c.row; r < c.row + c.row_span && r < t.rows; ++r)
      for (int k = c.col; k < c.col + c.col_span && k < t.cols; ++k)
        if (r >= 0 && k >= 0) owner[static_cast<std::size_t>(r) * t.cols + k] = static_cast<int>(i);
  }
  std::vector<GridRow> rows(static_cast<std::size_t>(t.rows));
  for (int r = 0; r < t.rows; ++r) {
    int last = -1;
    for (int k = 0; k < t.cols; ++k) {
      int o = owner[static_cast<std::size_t>(r) * t.cols + k];
      if (o >= 0 && o != last) rows[static_cast<std::size_t>(r)].cells.push_back(&t.cells[static_cast<std::size_t>(o)]);
      last = o;
    }
  }
  return rows;
}

// A matched source row: the profile table/row it is, and its value cells by column code.
struct FoundCell {
  const Cell* cell = nullptr;
  std::string text;  // used when the cell came from a ragged carry or a header-derived row
};

struct FoundRow {
  std::string table, row, label;
  std::map<std::string, FoundCell> values;  // column code → cell
  std::string where;                          // table id and grid row, for findings
  std::vector<std::string> header_text;       // header block cell texts (for units)
};

struct ColumnMatch {
  std::string code;
  int score = 0;
};

// Best column code of `table` for a header path (bottom label first, then the whole path).
ColumnMatch match_column(const ProfileTable& table, const std::string& bottom, const std::string& path) {
  ColumnMatch best;
  for (const auto& col : table.cols)
    for (const auto& v : col.variants) {
      if (v.leaf.empty()) continue;
      int s = 0;
      if (bottom.find(v.leaf) != std::string::npos)
        s = 1000 + static_cast<int>(v.leaf.size());
      else if (path.find(v.leaf) != std::string::npos)
        s = static_cast<int>(v.leaf.size());
      if (s > best.score) best = {col.code, s};
    }
  return best;
}

struct RowMatch {
  const ProfileTable* table = nullptr;
  const ProfileRow* row = nullptr;
  int score = 0;
};

RowMatch match_row(const Profile& p, const std::string& leaf, const std::string& full) {
  RowMatch best;
  if (full.empty()) return best;
  for (const auto& t : p.tables)
    for (const auto& r : t.rows) {
      int s = match_label(r.variants, leaf, full);
      if (s > best.score) best = {&t, &r, s};
    }
  return best;
}

bool header_like(const Profile& p, const std::string& key) {
  if (key.empty()) return false;
  for (const auto& t : p.tables)
    for (const auto& c : t.cols)
      for (const auto& v : c.variants)
        if (!v.leaf.empty() && (key == v.leaf || (v.leaf.size() >= 9 && key.find(v.leaf) != std::string::npos)))
          return true;  // 9 bytes = 3 Han characters: long enough not to be a row label's word
  return false;
}

class Mapper {
 public:
  Mapper(Document& doc, const Profile& p) : doc_(doc), p_(p) {}

  void run() {
    for (const Table* t : all_tables(doc_)) map_table(*t);
    emit();
  }

  bool found_any() const { return !found_.empty(); }

 private:
  Document& doc_;
  const Profile& p_;
  std::vector<FoundRow> found_;

  // Header path per grid column over the header block (keys of the covering cells, top down).
  struct HeaderCols {
    std::vector<std::string> bottom, path;
    std::vector<std::string> cell_text;  // raw texts of the header block (for units)
  };

  void map_table(const Table& t) {
    std::vector<GridRow> rows = grid_rows(t);
    // Ragged text tables: leading empty cells repeat the previous row's labels (a group label
    // written once); copied texts live here so the FoundCell pointers stay valid.
    std::vector<std::vector<std::string>> texts(rows.size());
    std::vector<std::string> prev_labels;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      for (const Cell* c : rows[r].cells) texts[r].push_back(c->text);
      if (t.ragged) {
        std::size_t k = 0;
        while (k < texts[r].size() && texts[r][k].empty() && k < prev_labels.size()) {
          texts[r][k] = prev_labels[k];
          ++k;
        }
        // Keep label positions: a label that sits after empty cells keeps its index. Header rows
        // label columns, not rows, so they are never carried.
        prev_labels.clear();
        bool header = false;
        for (const auto& s : texts[r]) header = header || header_like(p_, label_key(s));
        for (const auto& s : texts[r]) {
          if (header) break;
          if (!s.empty() && is_value_like(s)) break;
          prev_labels.push_back(s);
        }
      }
    }
    // Header block: consecutive header-like rows; reset when a header row follows data.
    std::vector<std::size_t> header_rows, cached_rows;
    HeaderCols cached;
    bool last_was_data = false;
    std::string pending_label;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const auto& cells = rows[r].cells;
      const auto& tx = texts[r];
      // Classify cells: label cells are text before the first value-like cell.
      std::size_t first_value = tx.size();
      for (std::size_t k = 0; k < tx.size(); ++k)
        if (!tx[k].empty() && is_value_like(tx[k])) {
          first_value = k;
          break;
        }
      // In a real grid, a cell under a column header of the profile is a value even when its text
      // is not a number ("约20件"): it must not be read as part of the row label.
      std::vector<bool> under_header(tx.size(), false);
      bool header_row = false;
      if (first_value == tx.size())
        for (const auto& x : tx) header_row = header_row || header_like(p_, label_key(x));
      if (!t.ragged && !header_rows.empty() && !header_row) {
        if (header_rows != cached_rows) {
          cached = header_cols(t, rows, header_rows);
          cached_rows = header_rows;
        }
        // Only a cell whose every column is a value column: a title spanning the label column
        // too (第二十条第（五）项 across the whole table) is no value.
        for (std::size_t k = 0; k < tx.size(); ++k) {
          bool all = true;
          for (int col = cells[k]->col; col < cells[k]->col + cells[k]->col_span && col < t.cols && all; ++col) {
            bool value_col = false;
            for (const auto& pt : p_.tables)
              value_col = value_col || match_column(pt, cached.bottom.at(static_cast<std::size_t>(col)),
                                                    cached.path.at(static_cast<std::size_t>(col))).score >= 1000;
            all = value_col;
          }
          under_header[k] = all;
        }
      }
      std::vector<std::size_t> label_idx;
      bool text_value = false;
      for (std::size_t k = 0; k < first_value; ++k) {
        if (tx[k].empty()) continue;
        if (under_header[k]) {
          text_value = true;
          if (first_value == tx.size()) first_value = k;
          continue;
        }
        label_idx.push_back(k);
      }
      if (text_value && !label_idx.empty())
        while (!label_idx.empty() && label_idx.back() > first_value) label_idx.pop_back();
      bool has_values = first_value < tx.size();
      bool is_header = false;
      if (!has_values) {
        for (std::size_t k = 0; k < tx.size() && !is_header; ++k) is_header = header_like(p_, label_key(tx[k]));
      }
      std::string leaf = label_idx.empty() ? "" : label_key(tx[label_idx.back()]);
      std::string full;
      for (auto k : label_idx) full += label_key(tx[k]);
      RowMatch m = match_row(p_, leaf, full);
      if (m.score == 0 && has_values && label_idx.empty() && !is_header &&
          take_header_rows(t, rows, texts, header_rows, r)) {
        // A row of numbers with no label: the header names its rows (table 四's one-row layout).
        last_was_data = true;
        pending_label.clear();
        continue;
      }
      if (m.score == 0 && !pending_label.empty() && (has_values || !label_idx.empty())) {
        // A label wrapped onto the row above (text copies): try the two lines joined.
        RowMatch m2 = match_row(p_, pending_label + leaf, pending_label + full);
        if (m2.score > 0) {
          m = m2;
          full = pending_label + full;
        }
      }
      bool value_region_nonempty = false;
      std::size_t after_label = label_idx.empty() ? 0 : label_idx.back() + 1;
      for (std::size_t k = after_label; k < tx.size(); ++k) value_region_nonempty = true;
      if (is_header) {
        if (last_was_data) header_rows.clear();
        header_rows.push_back(r);
        last_was_data = false;
        pending_label.clear();
        continue;
      }
      // A row with no values at all is data only for a regular row (a lone group heading such as
      // （六）其他处理 above its sub-rows must not become the optional 2019-style row).
      // Without values the label must name the row itself (not merely contain a row's words, as
      // the header band 行政复议 … 行政诉讼 does).
      // In ragged text copies values always share the label's line, so a row without values is a
      // wrapped label or a group heading there.
      // And its label must read like one: starting at the left edge, contiguous, followed by at
      // least as many (empty) cells as the row has columns — unlike a header band whose words sit
      // over the value columns.
      bool label_like = !label_idx.empty() && label_idx.front() == 0 &&
                        label_idx.back() + 1 == label_idx.size() &&
                        m.row && tx.size() - after_label >= m.row->cols.size();
      if (m.score > 0 && (has_values || (!t.ragged && value_region_nonempty && !m.row->extra &&
                                         m.score >= 2000 && label_like))) {
        take_row(t, rows, texts, header_rows, r, *m.table, *m.row, label_idx, full);
        last_was_data = true;
        pending_label.clear();
        continue;
      }
      if (has_values) {
        doc_.add_finding("map.unmatched_row", Severity::warning,
                         "a table row with values matches no row of " + p_.id + ": '" + join_text(tx) + "'",
                         t.id + "/r" + std::to_string(r + 1));
        pending_label.clear();
        last_was_data = true;
        continue;
      }
      // A row with text and no values: a wrapped label or group heading; remember it briefly.
      pending_label = full;
      if (!last_was_data) header_rows.push_back(r);
    }
  }

  static std::string join_text(const std::vector<std::string>& tx) {
    std::string s;
    for (const auto& x : tx) {
      if (x.empty()) continue;
      if (!s.empty()) s += " | ";
      s += x;
    }
    return s;
  }

  HeaderCols header_cols(const Table& t, const std::vector<GridRow>& rows, const std::vector<std::size_t>& hdr) const {
    HeaderCols h;
    h.bottom.assign(static_cast<std::size_t>(t.cols), {});
    h.path.assign(static_cast<std::size_t>(t.cols), {});
    std::vector<const Cell*> last(static_cast<std::size_t>(t.cols), nullptr);
    for (std::size_t hi = 0; hi < hdr.size(); ++hi) {
      const auto& cells = rows.at(hdr[hi]).cells;
      std::vector<std::string> by_col(static_cast<std::size_t>(t.cols));
      std::vector<const Cell*> owner(static_cast<std::size_t>(t.cols), nullptr);
      for (const Cell* c : cells) {
        h.cell_text.push_back(c->text);
        for (int k = c->col; k < c->col + c->col_span && k < t.cols; ++k) {
          by_col.at(static_cast<std::size_t>(k)) = label_key(c->text);
          owner.at(static_cast<std::size_t>(k)) = c;
        }
      }
      // In ragged tables an empty header cell continues its left neighbour (a colspan lost in the
      // copy), except on the bottom header row where each column has its own label.
      if (t.ragged && hi + 1 < hdr.size())
        for (std::size_t k = 1; k < by_col.size(); ++k)
          if (by_col[k].empty()) by_col[k] = by_col[k - 1];
      for (std::size_t k = 0; k < by_col.size(); ++k) {
        if (owner[k] && owner[k] == last[k]) continue;  // a row-spanning cell counts once
        last[k] = owner[k];
        if (by_col[k].empty()) continue;
        h.path[k] += by_col[k];
        h.bottom[k] = by_col[k];
      }
    }
    return h;
  }

  std::string money_unit(const ProfileTable& pt, const std::string& col, const HeaderCols& h) const {
    const ProfileColumn* pc = pt.col(col);
    if (!pc || pc->unit.empty()) return {};
    for (const auto& text : h.cell_text) {
      std::string key = label_key(text);
      for (const auto& v : pc->variants)
        if (!v.leaf.empty() && key.find(v.leaf) != std::string::npos) {
          std::string u = unit_in_label(text);
          if (!u.empty()) return u;
        }
    }
    return {};
  }

  void take_row(const Table& t, const std::vector<GridRow>& rows, const std::vector<std::vector<std::string>>& texts,
                const std::vector<std::size_t>& hdr, std::size_t r, const ProfileTable& pt, const ProfileRow& pr,
                const std::vector<std::size_t>& label_idx, const std::string& label) {
    const auto& cells = rows[r].cells;
    const auto& tx = texts[r];
    FoundRow fr{pt.code, pr.code, label, {}, t.id + "/r" + std::to_string(r + 1), {}};
    HeaderCols h = header_cols(t, rows, hdr);
    fr.header_text = h.cell_text;
    std::vector<std::string> expected = pr.cols;
    for (const auto& c : pt.cols)
      if (c.extra) expected.push_back(c.code);
    std::size_t after_label = label_idx.empty() ? 0 : label_idx.back() + 1;

    auto by_header = [&]() -> bool {
      std::map<std::string, FoundCell> got;
      for (std::size_t k = after_label; k < cells.size(); ++k) {
        const Cell* c = cells[k];
        std::vector<std::string> codes;
        for (int col = c->col; col < c->col + c->col_span && col < t.cols; ++col) {
          auto uc = static_cast<std::size_t>(col);
          if (h.path[uc].empty()) continue;
          ColumnMatch cm = match_column(pt, h.bottom[uc], h.path[uc]);
          if (cm.score == 0 || std::find(expected.begin(), expected.end(), cm.code) == expected.end()) continue;
          if (std::find(codes.begin(), codes.end(), cm.code) == codes.end()) codes.push_back(cm.code);
        }
        if (codes.size() > 1) return false;  // one cell under two headers: columns are skewed
        if (codes.empty()) continue;
        if (got.count(codes[0])) return false;
        got[codes[0]] = FoundCell{c, tx[k]};
      }
      for (const auto& code : pr.cols)
        if (!got.count(code)) return false;
      fr.values = std::move(got);
      return true;
    };
    auto in_sequence = [&]() -> bool {
      std::vector<std::size_t> idx;
      for (std::size_t k = after_label; k < cells.size(); ++k) idx.push_back(k);
      while (idx.size() > pr.cols.size() && tx[idx.back()].empty()) idx.pop_back();
      while (idx.size() > pr.cols.size() && tx[idx.front()].empty()) idx.erase(idx.begin());
      if (idx.size() != pr.cols.size()) return false;
      for (std::size_t i = 0; i < idx.size(); ++i) fr.values[pr.cols[i]] = FoundCell{cells[idx[i]], tx[idx[i]]};
      return true;
    };
    bool ok = t.ragged ? (in_sequence() || by_header()) : (by_header() || in_sequence());
    if (!ok && label_idx.size() > 1) {
      // Text values read as label words ("规章 | 约3件 | 见附件 | 0"): the label is the shortest
      // leading run of text cells that still names this row; what follows it are the values.
      std::string prefix_leaf, prefix_full;
      for (std::size_t i = 0; i + 1 < label_idx.size() && !ok; ++i) {
        prefix_leaf = label_key(tx[label_idx[i]]);
        prefix_full += prefix_leaf;
        if (match_label(pr.variants, prefix_leaf, prefix_full) < 2000) continue;
        after_label = label_idx[i] + 1;
        ok = in_sequence();
        if (ok) fr.label = prefix_full;
      }
    }
    if (!ok) {
      doc_.add_finding("map.row_shape", Severity::warning,
                       "row " + pt.code + "/" + pr.code + " has " + std::to_string(cells.size() - after_label) +
                           " value cells that fit neither the header nor the " + std::to_string(pr.cols.size()) +
                           " expected columns; its cells are reported missing",
                       fr.where);
      fr.values.clear();
    }
    // Money columns: the unit stated in the header applies unless the cell states its own.
    for (auto& [code, fc] : fr.values) {
      std::string u = money_unit(pt, code, h);
      if (!u.empty()) fr.header_text.push_back("unit:" + code + "=" + u);
    }
    found_.push_back(std::move(fr));
  }

  bool take_header_rows(const Table& t, const std::vector<GridRow>& rows, const std::vector<std::vector<std::string>>& texts,
                        const std::vector<std::size_t>& hdr, std::size_t r) {
    const auto& cells = rows[r].cells;
    const auto& tx = texts[r];
    HeaderCols h = header_cols(t, rows, hdr);
    // Which profile table has rows named in the header? Try each table whose rows carry no label
    // of their own in this layout.
    for (const auto& pt : p_.tables) {
      std::map<std::string, std::map<std::string, FoundCell>> got;  // row → col → cell
      bool bad = false;
      for (std::size_t k = 0; k < cells.size() && !bad; ++k) {
        const Cell* c = cells[k];
        std::optional<std::pair<std::string, std::string>> code;
        for (int col = c->col; col < c->col + c->col_span && col < t.cols; ++col) {
          auto uc = static_cast<std::size_t>(col);
          if (h.path[uc].empty()) continue;
          RowMatch rm;
          for (const auto& pr : pt.rows) {
            int s = match_label(pr.variants, h.path[uc], h.path[uc]);
            if (s > rm.score) rm = {&pt, &pr, s};
          }
          ColumnMatch cm = match_column(pt, h.bottom[uc], h.path[uc]);
          if (!rm.row || cm.score == 0) continue;
          std::pair<std::string, std::string> rc{rm.row->code, cm.code};
          if (code && *code != rc) bad = true;
          code = rc;
        }
        if (!code) continue;
        if (got[code->first].count(code->second)) bad = true;
        got[code->first][code->second] = FoundCell{c, tx[k]};
      }
      std::size_t expected = 0, have = 0;
      for (const auto& pr : pt.rows) {
        if (pr.extra) continue;
        expected += pr.cols.size();
        for (const auto& col : pr.cols) have += got.count(pr.code) && got[pr.code].count(col);
      }
      if (!bad && have == expected && expected > 0) {
        for (const auto& pr : pt.rows)
          if (got.count(pr.code))
            found_.push_back(FoundRow{pt.code, pr.code, {}, got[pr.code], t.id + "/r" + std::to_string(r + 1), h.cell_text});
        return true;
      }
      // Same number of values as the table has cells: read them in profile order.
      std::vector<std::size_t> idx;
      for (std::size_t k = 0; k < cells.size(); ++k) idx.push_back(k);
      while (idx.size() > expected && tx[idx.back()].empty()) idx.pop_back();
      while (idx.size() > expected && tx[idx.front()].empty()) idx.erase(idx.begin());
      if (have > 0 && idx.size() == expected) {
        std::size_t i = 0;
        for (const auto& pr : pt.rows) {
          if (pr.extra) continue;
          FoundRow fr{pt.code, pr.code, {}, {}, t.id + "/r" + std::to_string(r + 1), h.cell_text};
          for (const auto& col : pr.cols) {
            fr.values[col] = FoundCell{cells[idx[i]], tx[idx[i]]};
            ++i;
          }
          found_.push_back(std::move(fr));
        }
        return true;
      }
    }
    return false;
  }

  void emit() {
    // First occurrence of each (table,row) wins; later ones are reported.
    std::map<std::pair<std::string, std::string>, const FoundRow*> first;
    for (const auto& fr : found_) {
      auto key = std::make_pair(fr.table, fr.row);
      if (first.count(key)) {
        doc_.add_finding("map.duplicate_row", Severity::warning,
                         "row " + fr.table + "/" + fr.row + " appears again; the first occurrence is used", fr.where);
        continue;
      }
      first[key] = &fr;
    }
    for (const auto& pt : p_.tables) {
      std::vector<std::string> extra_cols;
      for (const auto& c : pt.cols)
        if (c.extra)
          for (const auto& [key, fr] : first)
            if (key.first == pt.code && fr->values.count(c.code) &&
                std::find(extra_cols.begin(), extra_cols.end(), c.code) == extra_cols.end())
              extra_cols.push_back(c.code);
      for (const auto& pr : pt.rows) {
        auto it = first.find({pt.code, pr.code});
        const FoundRow* fr = it == first.end() ? nullptr : it->second;
        if (pr.extra && !fr) continue;
        if (pr.extra)
          doc_.add_finding("map.extra_row", Severity::info,
                           "row '" + fr->label + "' is not in " + p_.id + "; kept as " + pt.code + "/" + pr.code, fr->where);
        std::vector<std::string> cols = pr.cols;
        cols.insert(cols.end(), extra_cols.begin(), extra_cols.end());
        if (!fr)  // one finding for a wholly absent row, not one per cell
          doc_.add_finding("row.missing", Severity::warning,
                           "the source has no row " + pt.code + "/" + pr.code + " (" + std::to_string(cols.size()) +
                               " cells reported missing)",
                           pt.code + "/" + pr.code);
        for (const auto& col : cols) emit_cell(pt, pr, col, fr);
      }
    }
  }

  void emit_cell(const ProfileTable& pt, const ProfileRow& pr, const std::string& col, const FoundRow* fr) {
    CanonicalCell cc;
    cc.table = pt.code;
    cc.row = pr.code;
    cc.col = col;
    cc.extra = pr.extra || (pt.col(col) && pt.col(col)->extra);
    std::string loc = pt.code + "/" + pr.code + "/" + col;
    auto vit = fr ? fr->values.find(col) : decltype(fr->values)::const_iterator{};
    if (!fr || vit == fr->values.end()) {
      cc.status = CellStatus::missing;
      if (!pr.extra && fr)
        doc_.add_finding("cell.missing", Severity::warning, "the source has no cell for " + loc, loc);
      doc_.cells.push_back(std::move(cc));
      return;
    }
    if (pr.extra) cc.label = fr->label;
    const FoundCell& f = vit->second;
    cc.raw = f.text;
    if (f.cell) cc.from = f.cell->from;
    const ProfileColumn* pc = pt.col(col);
    bool money = pc && !pc->unit.empty();
    CellReading rd = read_cell(f.text, money);
    cc.status = rd.status;
    if (rd.status == CellStatus::number) {
      cc.value = rd.value;
      if (money) {
        // The cell's own unit wins over the header's; none stated means the profile's unit.
        std::string header_unit;
        std::string tag = "unit:" + col + "=";
        for (const auto& s : fr->header_text)
          if (s.rfind(tag, 0) == 0) header_unit = s.substr(tag.size());
        std::string from = !rd.unit.empty() ? rd.unit : header_unit;
        if (!from.empty() && from != pc->unit) {
          std::string v = convert_unit(rd.value, from, pc->unit);
          if (!v.empty()) {
            cc.value = v;
            doc_.add_finding("unit.converted", Severity::info,
                             "'" + f.text + "' (" + from + (rd.unit.empty() ? ", from the header" : "") + ") converted to " +
                                 v + " " + pc->unit,
                             loc);
          }
        }
      }
    } else if (rd.status == CellStatus::text) {
      doc_.add_finding("cell.text", Severity::warning, "cell text '" + f.text + "' is not a number", loc);
    }
    doc_.cells.push_back(std::move(cc));
  }
};

}  // namespace

int match_label(const std::vector<LabelVariant>& variants, const std::string& leaf, const std::string& full) {
  int best = 0;
  for (const auto& v : variants) {
    if (v.leaf.empty()) continue;
    if (!v.group.empty() && full.find(v.group) == std::string::npos) continue;
    int len = static_cast<int>(v.leaf.size());
    int s = 0;
    if (leaf == v.leaf)
      s = 3000 + len;
    else if (full.size() >= v.leaf.size() && full.compare(full.size() - v.leaf.size(), v.leaf.size(), v.leaf) == 0)
      s = 2000 + len;
    else if (full.find(v.leaf) != std::string::npos)
      s = 1000 + len;
    if (s > 0 && !v.group.empty()) s += 100;  // a variant that also names its group is more specific
    best = std::max(best, s);
  }
  return best;
}

ProfileChoice detect_profile(const Document& doc) {
  std::string text = all_text(doc);
  ProfileChoice best;
  int best_score = 0;
  for (const auto& p : builtin_profiles()) {
    int score = 0;
    std::vector<std::string> ev;
    for (const auto& e : p.evidence)
      if (text.find(strip_spaces(e.text)) != std::string::npos) {
        score += e.weight;
        ev.push_back(e.text);
      }
    if (score > best_score) {
      best_score = score;
      best = {&p, ev};
    }
  }
  return best;
}

void map_profile(Document& doc) {
  ProfileChoice choice = detect_profile(doc);
  if (!choice.profile) {
    // No wording of either format: try the older one on the tables, since both share table 三.
    choice.profile = find_profile("ogi-2019");
    choice.evidence = {"(none: no format-specific wording; ogi-2019 assumed)"};
    doc.add_finding("profile.assumed", Severity::warning, "no profile evidence found; ogi-2019 assumed");
  }
  Mapper m(doc, *choice.profile);
  m.run();
  if (!m.found_any())
    throw Error(ErrorCode::not_a_report, doc.meta.source,
                "no statistical table of the official format (政府信息公开工作年度报告) was found");
  doc.profile = choice.profile->id;
  doc.profile_evidence = choice.evidence;
}

}  // namespace ogix
