// Table 四 layouts for the profile mapper: rows named by the header over the values (行政复议 /
// 未经复议直接起诉 as column groups) and rows read crosswise (results as rows, kinds of case as columns).
#include "normalizers/profile_mapper_parts.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

#include "model/error.h"
#include "normalizers/cell_value.h"
#include "normalizers/profile_mapper.h"
#include "text/unicode.h"

namespace ogix::mapping {

const ProfileRow* row_named_by(const ProfileTable& pt, const std::string& path) {
  const ProfileRow* best = nullptr;
  int best_score = 0;
  for (const auto& pr : pt.rows) {
    int s = match_label(pr.variants, path, path);
    if (s > best_score) {
      best = &pr;
      best_score = s;
    }
  }
  return best;
}

bool Mapper::take_header_rows(const Table& t, const std::vector<GridRow>& rows, const Texts& texts,
                              const std::vector<std::size_t>& hdr, std::size_t r, std::size_t after_label) {
  const auto& cells = rows[r].cells;
  const auto& tx = texts[r];
  const HeaderCols& h = header_of(t, rows, hdr);
  std::string where = t.id + "/r" + std::to_string(r + 1);
  // Which profile table has rows named in the header? Try each table whose rows carry no label
  // of their own in this layout.
  for (const ProfileTable* ptp : allowed_) {
    const ProfileTable& pt = *ptp;
    std::map<std::string, std::map<std::string, FoundCell>> got;  // row → col → cell
    bool bad = false;
    for (std::size_t k = after_label; k < cells.size() && !bad; ++k) {
      const Cell* c = cells[k];
      std::optional<std::pair<std::string, std::string>> code;
      for (int col = c->col; col < c->col + c->col_span && col < t.cols; ++col) {
        auto uc = static_cast<std::size_t>(col);
        if (h.path[uc].empty()) continue;
        const ProfileRow* row = row_named_by(pt, h.path[uc]);
        const ColumnMatch& cm = h.column_match(pt, uc);
        if (!row || cm.score == 0) continue;
        std::pair<std::string, std::string> rc{row->code, cm.code};
        if (code && *code != rc) bad = true;
        code = rc;
      }
      if (!code) continue;
      if (got[code->first].count(code->second)) bad = true;
      got[code->first][code->second] = FoundCell{c, tx[k]};
    }
    std::size_t expected = 0, have = 0;
    bool rows_whole = true;  // every row the header names has all of its columns
    for (const auto& pr : pt.rows) {
      if (pr.extra) continue;
      expected += pr.cols.size();
      std::size_t mine = 0;
      for (const auto& col : pr.cols) mine += got.count(pr.code) && got[pr.code].count(col);
      have += mine;
      if (mine > 0 && mine < pr.cols.size()) rows_whole = false;
    }
    if (!bad && have == expected && expected > 0) {
      for (const auto& pr : pt.rows)
        if (got.count(pr.code)) found_.push_back(FoundRow{pt.code, pr.code, {}, got[pr.code], where, h.cell_text, home_ == &pt});
      return true;
    }
    // Same number of values as the table has cells: read them in profile order.
    std::vector<std::size_t> idx;
    for (std::size_t k = after_label; k < row_ends_.at(r); ++k) idx.push_back(k);
    if (t.ragged && !surplus_unambiguous(tx, idx, expected)) idx.clear();
    while (idx.size() > expected && tx[idx.back()].empty()) idx.pop_back();
    while (idx.size() > expected && tx[idx.front()].empty()) idx.erase(idx.begin());
    // Never against the header: a cell the header placed must get the same row and column.
    bool agrees = true;
    if (have > 0 && idx.size() == expected) {
      std::size_t i = 0;
      for (const auto& pr : pt.rows) {
        if (pr.extra) continue;
        for (const auto& col : pr.cols) {
          const Cell* c = cells[idx[i++]];
          for (const auto& [grow, gcols] : got)
            for (const auto& [gcol, fc] : gcols)
              agrees = agrees && ((fc.cell == c) == (grow == pr.code && gcol == col));
        }
      }
    }
    if (have > 0 && idx.size() == expected && agrees) {
      std::size_t i = 0;
      for (const auto& pr : pt.rows) {
        if (pr.extra) continue;
        FoundRow fr{pt.code, pr.code, {}, {}, where, h.cell_text, home_ == &pt};
        for (const auto& col : pr.cols) {
          fr.values[col] = FoundCell{cells[idx[i]], tx[idx[i]]};
          ++i;
        }
        found_.push_back(std::move(fr));
      }
      return true;
    }
    // Table 四 in blocks (a title row 行政复议 and a column-header row over one data row each):
    // the header names whole rows, each with all of its columns.
    if (!bad && have > 0 && rows_whole) {
      std::size_t named = 0;
      for (std::size_t k = after_label; k < cells.size(); ++k) named += !tx[k].empty();
      std::size_t taken = 0;
      for (const auto& [row, cols] : got)
        for (const auto& [col, fc] : cols) taken += !fc.text.empty();
      if (taken == named) {  // no value left over that the header does not name
        for (const auto& pr : pt.rows)
          if (got.count(pr.code)) found_.push_back(FoundRow{pt.code, pr.code, {}, got[pr.code], where, h.cell_text, home_ == &pt});
        return true;
      }
    }
    // A text copy whose header lines do not line up (Word wrote a merged cell as one field):
    // the values, in order, under the header's leaf columns read from its lines.
    if (t.ragged && !h.leaves.empty()) {
      std::vector<std::pair<std::string, std::string>> named;  // (row, col) per leaf naming both
      for (const auto& leaf : h.leaves) {
        const ProfileRow* row = row_named_by(pt, leaf.path);
        ColumnMatch cm = match_column(pt, leaf.bottom, leaf.path);
        if (!row || cm.score < 1000) continue;
        const auto& cols = row->cols;
        if (std::find(cols.begin(), cols.end(), cm.code) == cols.end()) continue;
        named.emplace_back(row->code, cm.code);
      }
      std::vector<std::size_t> vals;
      for (std::size_t k = after_label; k < row_ends_.at(r); ++k) vals.push_back(k);
      if (!surplus_unambiguous(tx, vals, named.size())) continue;
      while (vals.size() > named.size() && tx[vals.back()].empty()) vals.pop_back();
      while (vals.size() > named.size() && tx[vals.front()].empty()) vals.erase(vals.begin());
      std::map<std::string, std::map<std::string, FoundCell>> by_leaf;
      bool fits = !named.empty() && vals.size() == named.size();
      for (std::size_t i = 0; fits && i < named.size(); ++i) {
        fits = !by_leaf[named[i].first].count(named[i].second);
        by_leaf[named[i].first][named[i].second] = FoundCell{cells[vals[i]], tx[vals[i]]};
      }
      for (const auto& [row, cols] : by_leaf) fits = fits && cols.size() == pt.row(row)->cols.size();
      if (fits) {
        for (const auto& pr : pt.rows)
          if (by_leaf.count(pr.code)) found_.push_back(FoundRow{pt.code, pr.code, {}, by_leaf[pr.code], where, h.cell_text, home_ == &pt});
        return true;
      }
    }
  }
  return false;
}

bool Mapper::take_crosswise(const Table& t, const std::vector<GridRow>& rows, const Texts& texts,
                            const std::vector<std::size_t>& hdr, std::size_t r, std::size_t after_label,
                            const std::string& label, Crosswise& out) {
  if (hdr.empty() || label.empty()) return false;
  bool names_column = false;  // checked first: most rows are no column's label, and headers cost
  for (const ProfileTable* pt : allowed_) names_column = names_column || match_column(*pt, label, label).score >= 1000;
  if (!names_column) return false;
  const auto& cells = rows[r].cells;
  const auto& tx = texts[r];
  const HeaderCols& h = header_of(t, rows, hdr);
  for (const ProfileTable* pt : allowed_) {
    ColumnMatch cm = match_column(*pt, label, label);
    if (cm.score < 1000) continue;
    std::map<std::string, FoundCell> by_row;
    bool bad = false;
    for (std::size_t k = after_label; k < cells.size() && !bad; ++k) {
      std::vector<std::string> codes;
      for (int col = cells[k]->col; col < cells[k]->col + cells[k]->col_span && col < t.cols; ++col) {
        const std::string& path = h.path.at(static_cast<std::size_t>(col));
        if (path.empty()) continue;
        const ProfileRow* pr = row_named_by(*pt, path);
        if (pr && std::find(codes.begin(), codes.end(), pr->code) == codes.end()) codes.push_back(pr->code);
      }
      if (codes.size() > 1 || (codes.empty() && !tx[k].empty()) || (codes.size() == 1 && by_row.count(codes[0])))
        bad = true;
      else if (codes.size() == 1)
        by_row[codes[0]] = FoundCell{cells[k], tx[k]};
    }
    for (const auto& [row, fc] : by_row) {
      const auto& cols = pt->row(row)->cols;
      bad = bad || std::find(cols.begin(), cols.end(), cm.code) == cols.end();
    }
    if (bad || by_row.empty()) continue;
    for (auto& [row, fc] : by_row) {
      FoundRow& fr = out[{pt->code, row}];
      if (fr.table.empty())
        fr = FoundRow{pt->code, row, {}, {}, t.id + "/r" + std::to_string(r + 1), h.cell_text, home_ == pt};
      if (fr.values.count(cm.code))
        doc_.add_finding("map.duplicate_row", Severity::warning,
                         "cell " + pt->code + "/" + row + "/" + cm.code + " appears again; the first occurrence is used",
                         t.id + "/r" + std::to_string(r + 1));
      else
        fr.values[cm.code] = fc;
    }
    return true;
  }
  return false;
}

}  // namespace ogix::mapping
