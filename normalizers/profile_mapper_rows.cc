// Row matching for the profile mapper: which source rows are which profile rows, and reading their
// value cells under the header (by header, in order, or flagged when neither is safe).
#include "normalizers/profile_mapper_parts.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

#include "model/error.h"
#include "normalizers/cell_value.h"
#include "normalizers/ocr_check.h"
#include "normalizers/profile_mapper.h"
#include "text/unicode.h"

namespace ogix::mapping {

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

RowMatch Mapper::match_row(const std::string& leaf, const std::string& full) const {
  RowMatch best;
  if (full.empty()) return best;
  for (const ProfileTable* t : allowed_)
    for (const auto& r : t->rows) {
      int s = match_label(r.variants, leaf, full);
      if (s > best.score) best = {t, &r, s};
    }
  return best;
}

RowMatch Mapper::match_row_in_group(const std::string& leaf, const std::string& full) const {
  RowMatch best;
  for (const ProfileTable* t : allowed_)
    for (const auto& r : t->rows) {
      std::vector<LabelVariant> grouped;
      for (const auto& v : r.variants)
        if (!v.group.empty()) grouped.push_back(v);
      int s = match_label(grouped, leaf, full);
      if (s > best.score) best = {t, &r, s};
    }
  return best;
}

RowMatch Mapper::match_row_approx(const std::string& full, std::size_t* matched_len) const {
  RowMatch best;
  const std::u32string hay = utf8_to_u32(full);
  if (hay.size() < 4 || hay.size() > 400) return best;
  std::size_t best_edits = 0, best_len = 0;
  bool tie = false;
  for (const ProfileTable* t : allowed_)
    for (const auto& r : t->rows) {
      if (r.extra) continue;
      for (const auto& v : r.variants) {
        if (v.leaf.empty() || (!v.group.empty() && !contains(full, v.group))) continue;
        const std::u32string needle = utf8_to_u32(v.leaf);
        std::size_t e = 0;
        if (needle.size() == 4) {
          // A four-character label (行政许可 read 行政许叮) is close only as the whole label with
          // one character replaced: one edit within a longer text is a quarter of it, which
          // matches far too much.
          if (hay.size() != 4) continue;
          for (std::size_t k = 0; k < 4; ++k) e += needle[k] != hay[k];
          if (e != 1) continue;
        } else {
          if (needle.size() < 5 || hay.size() < 5) continue;
          e = edits_within(needle, hay);
          if (e == 0 || e > std::max<std::size_t>(1, needle.size() / 6)) continue;
        }
        const bool better = !best.row || e < best_edits || (e == best_edits && needle.size() > best_len);
        const bool same = best.row && e == best_edits && needle.size() == best_len;
        if (same && best.row != &r) tie = true;
        if (better) best = {t, &r, 1}, best_edits = e, best_len = needle.size(), tie = false;
      }
    }
  if (tie) return RowMatch{};
  if (matched_len) *matched_len = best_len;
  return best;
}

void Mapper::map_table(const Table& t, const std::string& section) {
  std::vector<GridRow> rows = grid_rows(t);
  // Ragged text tables: leading empty cells repeat the previous row's labels (a group label
  // written once); copied texts live here so the FoundCell pointers stay valid.
  Texts texts(rows.size());
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
      for (const auto& s : texts[r]) header = header || header_key(label_key(s));
      for (const auto& s : texts[r]) {
        if (header) break;
        if (!s.empty() && is_value_like(s)) break;
        prev_labels.push_back(s);
      }
    }
  }
  // Ragged text: a tab at the end of every line (Word's copy can end each row with one) adds an
  // empty last field to every row: a line ending, not a cell. A row's value cells end before it.
  // Every line, or else every line with values (a line ending inside a wrapped label has none).
  // Cells that fill a short line out to the table's width have no source and are not its fields.
  row_ends_.assign(rows.size(), 0);
  std::vector<std::size_t> last_field(rows.size(), 0);
  bool every_line = t.ragged, every_data_line = t.ragged;
  std::size_t lines = 0, data_lines = 0;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto& cells = rows[r].cells;
    std::size_t fields = 0;
    bool values = false;
    for (std::size_t k = 0; k < cells.size(); ++k)
      if (!cells[k]->from.empty()) {
        ++fields;
        last_field[r] = k;
        values = values || is_value_like(cells[k]->text);
      }
    // (A table built without sources, as in tests, has all of its cells as fields.)
    row_ends_[r] = t.ragged && fields > 0 ? last_field[r] + 1 : cells.size();
    if (fields < 2) continue;
    bool ends_empty = cells[last_field[r]]->text.empty();
    ++lines;
    every_line = every_line && ends_empty;
    if (!values) continue;
    ++data_lines;
    every_data_line = every_data_line && ends_empty;
  }
  if ((every_line && lines >= 2) || (every_data_line && data_lines >= 2))
    for (std::size_t r = 0; r < rows.size(); ++r)
      if (last_field[r] > 0 && rows[r].cells[last_field[r]]->text.empty()) row_ends_[r] = last_field[r];
  set_scope(section, texts);
  inherited_.reset();
  if (last_header_ && last_header_section_ == section && last_header_->path.size() == static_cast<std::size_t>(t.cols))
    inherited_ = last_header_;
  // Header block: consecutive header-like rows; reset when a header row follows data. Text rows
  // between data and such a header row (a block title: 行政诉讼—复议后起诉) join the new block.
  std::vector<std::size_t> header_rows, cached_rows, since_data;
  HeaderCols cached;
  bool last_was_data = false;
  std::string pending_label;   // key of the last text row without values (a wrapped label)
  std::size_t pending_row = 0;
  std::string group_label;     // the group last named by a row (其他处理), for sub-rows below it
  std::string group_before_pending;  // group_label before the pending row named one
  Crosswise crosswise;
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
      for (const auto& x : tx) header_row = header_row || header_key(label_key(x));
    if (!t.ragged && !header_rows.empty() && !header_row) {
      if (header_rows != cached_rows) {
        cached = header_of(t, rows, header_rows);
        cached_rows = header_rows;
      }
      // Only a cell whose columns all sit under one and the same value column: a title spanning
      // the label column too (第二十条第（五）项 across the whole table) or spanning several value
      // columns (行政诉讼—复议后起诉 over 结果维持 … 总计) is no value.
      for (std::size_t k = 0; k < tx.size(); ++k) {
        std::string code;
        bool all = true;
        for (int col = cells[k]->col; col < cells[k]->col + cells[k]->col_span && col < t.cols && all; ++col) {
          std::string here;
          for (const ProfileTable* pt : allowed_) {
            const ColumnMatch& cm = cached.column_match(*pt, static_cast<std::size_t>(col));
            if (cm.score >= 1000) {
              here = pt->code + "/" + cm.code;
              break;
            }
          }
          all = !here.empty() && (code.empty() || code == here);
          code = here;
        }
        under_header[k] = all && !code.empty();
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
      for (std::size_t k = 0; k < tx.size() && !is_header; ++k) is_header = header_key(label_key(tx[k]));
    }
    std::string leaf = label_idx.empty() ? "" : label_key(tx[label_idx.back()]);
    std::string full;
    for (auto k : label_idx) full += label_key(tx[k]);
    RowMatch m = match_row(leaf, full);
    int field_shift = 0;  // set when the row's line continues a wrapped cell of the line above
    // A label wrapped onto the row above (text copies): try the two lines joined. The line above
    // is then part of this data row's label, not of the header block.
    auto join_pending = [&]() {
      if (m.score != 0 || pending_label.empty() || !pending_fits(t, rows, pending_row, r, first_value, label_idx))
        return;
      // A label that is a column's name (结果维持 in table 四 by result) is whole: its row is read
      // crosswise under the header above, which must stay the header.
      if (has_values && header_key(full)) return;
      RowMatch m2 = match_row(pending_label + leaf, pending_label + full);
      if (m2.score == 0) return;
      m = m2;
      full = pending_label + full;
      if (!has_values) return;
      group_label = group_before_pending;  // the line above was a label's part, not a group heading
      if (!header_rows.empty() && header_rows.back() == pending_row) header_rows.pop_back();
      if (!since_data.empty() && since_data.back() == pending_row) since_data.pop_back();
    };
    if (!label_idx.empty()) join_pending();  // before the header is asked to name the row
    if (m.score == 0 && has_values && !is_header &&
        take_header_rows(t, rows, texts, header_rows, r, label_idx.empty() ? 0 : label_idx.back() + 1)) {
      // A row of numbers whose label (if any: 件数) names no row: the header names its rows
      // (table 四's one-row layout).
      last_was_data = true;
      pending_label.clear();
      since_data.clear();
      continue;
    }
    if (has_values) join_pending();
    for (const auto& g : groups_)
      if (full.find(g) != std::string::npos) group_label = g;
    if (!group_label.empty() && !label_idx.empty() && group_label != full) {
      // A group heading written as a row of its own above its sub-rows (（六）其他处理 over 3.其他).
      RowMatch m3 = match_row_in_group(leaf, group_label + full);
      if (m3.score > m.score) {
        m = m3;
        full = group_label + full;
      }
    }
    if (m.score < 2000 && has_values && !is_header && !doc_.ocr_readings.empty()) {
      // A row label OCR misread by a character or two. A long label nearly found outweighs a
      // short one merely contained (其他 of the group heading 其他处理 in every row under it).
      std::size_t len = 0;
      RowMatch m4 = match_row_approx(group_label.empty() || full.find(group_label) != std::string::npos ? full : group_label + full, &len);
      if (m4.row && m4.row != m.row && (m.score == 0 || len >= 8)) {
        m = m4;
        report_approximate_label(doc_, join_text(tx), m.table->code, m.row->code);
      }
    }
    if (has_values && !label_idx.empty() &&
        take_crosswise(t, rows, texts, header_rows, r, label_idx.back() + 1, full, crosswise)) {
      // A table read crosswise: the row label is a column (结果维持), the header names the rows.
      last_was_data = true;
      pending_label.clear();
      since_data.clear();
      continue;
    }
    bool value_region_nonempty = false;
    std::size_t after_label = label_idx.empty() ? 0 : label_idx.back() + 1;
    for (std::size_t k = after_label; k < tx.size(); ++k) value_region_nonempty = true;
    // And its label must read like one: starting at the left edge, contiguous, followed by at
    // least as many (empty) cells as the row has columns — unlike a header band whose words sit
    // over the value columns.
    // (A text line counts its own fields, not the cells that fill it out to the table's width.)
    std::size_t width = t.ragged ? row_ends_.at(r) : tx.size();
    bool label_like = !label_idx.empty() && label_idx.front() == 0 &&
                      label_idx.back() + 1 == label_idx.size() &&
                      m.row && width >= after_label && width - after_label >= m.row->cols.size();
    // A row of blanks below data whose label is exactly a row's and also a column's word (3.其他
    // left empty, 其他 being a column of table 三) is that row, not a new header.
    if (is_header && last_was_data && m.score >= 3000 && label_like) is_header = false;
    // In a text copy a line of one field below data is a wrapped label's first part (2.其他 over
    // 法律行政法规禁止公开), not a new header.
    if (is_header && last_was_data && t.ragged &&
        std::count_if(cells.begin(), cells.end(), [](const Cell* c) { return !c->text.empty(); }) == 1)
      is_header = false;
    if (is_header) {
      if (last_was_data) header_rows = since_data;
      header_rows.push_back(r);
      since_data.clear();
      last_was_data = false;
      pending_label.clear();
      group_label.clear();
      continue;
    }
    // A row with no values at all is data only for a regular row (a lone group heading such as
    // （六）其他处理 above its sub-rows must not become the optional 2019-style row).
    // Without values the label must name the row itself (not merely contain a row's words, as
    // the header band 行政复议 … 行政诉讼 does).
    // In ragged text copies values always share the label's line, so a row without values is a
    // wrapped label or a group heading there.
    // And its label must read like one: starting at the left edge, contiguous, followed by at
    // least as many (empty) cells as the row has columns (label_like above).
    // A text line that ends inside a cell (its last field holds text and the row goes on: 本机关
    // over 不掌握相关政府信息⇥⇥3…) continues in the next line's first field: that line's fields
    // stand as many places to the right as the line above has fields before its last, whether or
    // not its label needed the line above to be matched.
    if (t.ragged && has_values && !pending_label.empty() && pending_row + 1 == r && !label_idx.empty() &&
        label_idx.front() == 0) {
      const auto& above = rows.at(pending_row).cells;
      std::size_t last = above.size();
      for (std::size_t k = 0; k < above.size(); ++k)
        if (!above[k]->from.empty()) last = k;
      if (last < above.size() && !above[last]->text.empty()) field_shift = static_cast<int>(last);
    }
    if (m.score > 0 && (has_values || (!t.ragged && value_region_nonempty && !m.row->extra &&
                                       m.score >= 2000 && label_like))) {
      take_row(t, rows, texts, header_rows, r, *m.table, *m.row, label_idx, full, field_shift);
      last_was_data = true;
      pending_label.clear();
      since_data.clear();
      continue;
    }
    if (has_values) {
      // In 一、五、六 a table is the report's own (a comparison of years): nothing to warn about.
      // In 二、三、四 the row is the source's beyond the profile: kept, never dropped (spec).
      std::string kept;
      if (home_ && !narrative_) {
        ExtraRow er{home_->code, {}, t.id + "/r" + std::to_string(r + 1), {}};
        for (auto k : label_idx) er.label += (er.label.empty() ? "" : " ") + tx[k];
        for (std::size_t k = label_idx.empty() ? 0 : label_idx.back() + 1; k < cells.size(); ++k)
          er.cells.push_back(FoundCell{cells[k], tx[k]});
        while (!er.cells.empty() && er.cells.back().text.empty()) er.cells.pop_back();
        std::size_t n = 1;
        for (const auto& e : extras_) n += e.table == er.table;
        kept = "; kept as " + er.table + "/extra_" + std::to_string(n);
        extras_.push_back(std::move(er));
      }
      doc_.add_finding("map.unmatched_row", narrative_ ? Severity::info : Severity::warning,
                       "a table row with values matches no row of " + p_.id + ": '" + join_text(tx) + "'" + kept,
                       t.id + "/r" + std::to_string(r + 1));
      pending_label.clear();
      since_data.clear();
      last_was_data = true;
      continue;
    }
    // An empty line of a text copy (a row of tabs) says nothing: it must not become the bottom
    // row of the header block, whose columns are each labelled on their own.
    if (t.ragged && label_idx.empty()) {
      pending_label.clear();
      continue;
    }
    // A row with text and no values: a wrapped label or group heading; remember it briefly.
    pending_label = full;
    pending_row = r;
    group_before_pending = group_label;
    if (!full.empty()) group_label = full;
    // A label row with empty cells (a group heading such as （六）其他处理 before any data row)
    // labels rows, not columns: it stays out of the header block.
    if (!last_was_data && !(m.score >= 3000 && label_like))
      header_rows.push_back(r);
    else
      since_data.push_back(r);
  }
  // A table without header rows passes on the header it read under (its continuation may follow).
  last_header_ = header_rows.empty() ? inherited_ : std::optional<HeaderCols>(header_cols(t, rows, header_rows));
  last_header_section_ = section;
  // Crosswise cells, one found row per profile row, in profile order.
  for (const ProfileTable* pt : allowed_)
    for (const auto& pr : pt->rows) {
      auto it = crosswise.find({pt->code, pr.code});
      if (it != crosswise.end()) found_.push_back(std::move(it->second));
    }
}

bool Mapper::surplus_unambiguous(const std::vector<std::string>& tx, const std::vector<std::size_t>& idx,
                                 std::size_t want) {
  if (idx.size() <= want) return true;
  std::size_t lead = 0, trail = 0;
  while (lead < idx.size() && tx[idx[lead]].empty()) ++lead;
  while (trail < idx.size() - lead && tx[idx[idx.size() - 1 - trail]].empty()) ++trail;
  return lead == 0 || trail == 0 || lead + trail <= idx.size() - want;
}

bool Mapper::pending_fits(const Table& t, const std::vector<GridRow>& rows, std::size_t pending, std::size_t r,
                          std::size_t first_value, const std::vector<std::size_t>& label_idx) {
  if (t.ragged) return true;
  const auto& cells = rows.at(r).cells;
  int limit = t.cols;
  if (first_value < cells.size())
    limit = cells[first_value]->col;
  else if (!label_idx.empty())
    limit = cells[label_idx.back()]->col + cells[label_idx.back()]->col_span;
  for (const Cell* c : rows.at(pending).cells)
    if (!c->text.empty() && c->col + c->col_span > limit) return false;
  return true;
}

std::string Mapper::join_text(const std::vector<std::string>& tx) {
  std::string s;
  for (const auto& x : tx) {
    if (x.empty()) continue;
    if (!s.empty()) s += " | ";
    s += x;
  }
  return s;
}

void Mapper::take_row(const Table& t, const std::vector<GridRow>& rows, const Texts& texts, const std::vector<std::size_t>& hdr,
                      std::size_t r, const ProfileTable& pt, const ProfileRow& pr, const std::vector<std::size_t>& label_idx,
                      const std::string& label, int field_shift) {
  const auto& cells = rows[r].cells;
  const auto& tx = texts[r];
  FoundRow fr{pt.code, pr.code, label, {}, t.id + "/r" + std::to_string(r + 1), {}, home_ == &pt};
  const HeaderCols& h = header_of(t, rows, hdr);
  fr.header_text = h.cell_text;
  std::vector<std::string> expected = pr.cols;
  for (const auto& c : pt.cols)
    if (c.extra) expected.push_back(c.code);
  std::size_t after_label = label_idx.empty() ? 0 : label_idx.back() + 1;

  // Reading values in sequence trusts positions alone, so it needs evidence that this is pt's
  // table: a header naming one of pt's columns, or (no header text over the values at all) a
  // table continuing one of pt's in the same section. Otherwise a narrative table (类别 | 2023 |
  // 2024, then 规章 | 5 | 7) would fill profile cells with its numbers. Ragged text copies have no
  // reliable header positions; only their section can rule them out.
  bool header_ours = false, header_text = false;
  for (std::size_t c = 0; c < h.path.size(); ++c)
    header_ours = header_ours || (!h.path[c].empty() && h.column_match(pt, c).score >= 1000);
  for (std::size_t k = after_label; k < cells.size(); ++k)
    for (int col = cells[k]->col; col < cells[k]->col + cells[k]->col_span && col < t.cols; ++col)
      header_text = header_text || !h.path.at(static_cast<std::size_t>(col)).empty();
  bool continues = produced_.count(section_) && produced_.at(section_).count(pt.code);
  bool sequence_allowed = t.ragged ? (!narrative_ || header_ours) : (header_ours || (!header_text && continues));

  // by_header: every value cell under exactly one of the row's columns. `partial` accepts a row
  // whose header lacks some of its columns, as long as every non-empty value has its column.
  // The row's column codes the header names over cell k (none, one, or several when skewed).
  // `shift` moves the cell that many columns (a row misplaced against its header).
  auto codes_of = [&](std::size_t k, int shift = 0) {
    std::vector<std::string> codes;
    const Cell* c = cells[k];
    for (int col = c->col + shift; col < c->col + shift + c->col_span && col < t.cols; ++col) {
      if (col < 0) continue;
      auto uc = static_cast<std::size_t>(col);
      if (h.path[uc].empty()) continue;
      const ColumnMatch& cm = h.column_match(pt, uc);
      if (cm.score == 0 || std::find(expected.begin(), expected.end(), cm.code) == expected.end()) continue;
      if (std::find(codes.begin(), codes.end(), cm.code) == codes.end()) codes.push_back(cm.code);
    }
    return codes;
  };
  auto by_header = [&](bool partial, int shift = 0) -> bool {
    std::map<std::string, FoundCell> got;
    std::vector<bool> unnamed(cells.size(), false);
    for (std::size_t k = after_label; k < cells.size(); ++k) {
      const Cell* c = cells[k];
      std::vector<std::string> codes = codes_of(k, shift);
      if (shift != 0 && codes.empty() && !tx[k].empty()) return false;  // a shift must name every value
      // Ragged text lines up with its header only when every value stands under a column.
      if (t.ragged && codes.empty() && !tx[k].empty()) return false;
      if (codes.size() > 1) return false;  // one cell under two headers: columns are skewed
      if (codes.empty()) {
        if (partial && !tx[k].empty()) return false;  // a value nobody can name
        unnamed[k] = true;
        continue;
      }
      if (got.count(codes[0])) return false;
      got[codes[0]] = FoundCell{c, tx[k]};
    }
    std::size_t have = 0;
    bool blank = false;
    for (const auto& code : pr.cols) {
      have += got.count(code);
      blank = blank || (got.count(code) && strip_spaces(got[code].text).empty());
    }
    if (partial ? have == 0 : have < pr.cols.size()) return false;
    // A number under no column while one of the row's columns is empty: the row's cells are
    // shifted against the header (a label cell one column too narrow or too wide); taking them
    // by header would silently move every value into its neighbour's column.
    for (std::size_t k = after_label; k < cells.size() && blank; ++k)
      if (unnamed[k] && !tx[k].empty() && is_value_like(tx[k])) return false;
    fr.values = std::move(got);
    return true;
  };
  // Ragged text: the row's columns as the header names them, left to right: from the header
  // lines' own sequences of fields, else from the grid columns (a header cell continued over
  // adjacent grid columns counts once). A column named twice leaves no usable order.
  std::vector<std::string> header_order;
  bool order_usable = true;
  if (t.ragged) header_order = header_sequence(rows, hdr, pt, pr, expected);
  if (t.ragged && header_order.empty()) {
    int last_col = -2;
    for (std::size_t c = 0; c < h.path.size(); ++c) {
      if (h.path[c].empty()) continue;
      const ColumnMatch& cm = h.column_match(pt, c);
      if (cm.score == 0 || std::find(expected.begin(), expected.end(), cm.code) == expected.end()) continue;
      bool continued = !header_order.empty() && header_order.back() == cm.code && last_col + 1 == static_cast<int>(c);
      last_col = static_cast<int>(c);
      if (continued) continue;
      if (std::find(header_order.begin(), header_order.end(), cm.code) != header_order.end()) order_usable = false;
      header_order.push_back(cm.code);
    }
  }
  // Whether the header names every column of the row; whether the columns it names stand in
  // the profile's order (with 总计 first they do not: reading in profile order would shift all).
  bool header_names_row = order_usable, header_in_profile_order = order_usable;
  for (const auto& code : pr.cols)
    header_names_row = header_names_row && std::find(header_order.begin(), header_order.end(), code) != header_order.end();
  {
    std::size_t at = 0;
    for (const auto& code : header_order) {
      auto it = std::find(pr.cols.begin(), pr.cols.end(), code);
      if (it == pr.cols.end()) continue;
      auto pos = static_cast<std::size_t>(it - pr.cols.begin());
      if (pos < at) header_in_profile_order = false;
      at = pos + 1;
    }
  }
  bool ambiguous = false;  // a ragged row whose blank cell could be at either end
  // Reads the value cells after the label as the columns `order`, left to right. Surplus empty
  // cells at the ends are dropped; in ragged text, when both ends have empty cells and only some
  // must go, which one is a blank value cell cannot be told: nothing is read (`ambiguous`).
  auto in_order = [&](const std::vector<std::string>& order) -> bool {
    if (!sequence_allowed) return false;
    std::vector<std::size_t> idx;
    for (std::size_t k = after_label; k < row_ends_.at(r); ++k) idx.push_back(k);
    if (t.ragged && !surplus_unambiguous(tx, idx, order.size())) {
      ambiguous = true;
      return false;
    }
    while (idx.size() > order.size() && tx[idx.back()].empty()) idx.pop_back();
    while (idx.size() > order.size() && tx[idx.front()].empty()) idx.erase(idx.begin());
    if (idx.size() != order.size()) return false;
    // Never against the header: a cell sitting under exactly one column of the row must be read
    // as that column (with 总计 first, profile order would move every value by one).
    if (!t.ragged)
      for (std::size_t i = 0; i < idx.size(); ++i) {
        std::vector<std::string> codes = codes_of(idx[i]);
        if (codes.size() == 1 && codes[0] != order[i]) return false;
      }
    for (std::size_t i = 0; i < idx.size(); ++i) fr.values[order[i]] = FoundCell{cells[idx[i]], tx[idx[i]]};
    return true;
  };
  auto in_sequence = [&]() -> bool {
    // Ragged text: the header's order when it names the whole row, else the profile's order
    // unless the header contradicts it.
    if (t.ragged && header_names_row) return in_order(header_order);
    if (t.ragged && !header_in_profile_order) return false;
    return in_order(pr.cols);
  };
  // A value cell the grid had to move left of where its markup puts it, or one under a header
  // cell so moved, stands under a heading that is not its own: no reading of the row is safe.
  bool shifted = false;
  for (std::size_t k = after_label; k < cells.size(); ++k) {
    if (tx[k].empty()) continue;
    shifted = shifted || cells[k]->displaced;
    for (int col = cells[k]->col; col < cells[k]->col + cells[k]->col_span && col < t.cols; ++col)
      shifted = shifted || (static_cast<std::size_t>(col) < h.displaced.size() && h.displaced[static_cast<std::size_t>(col)]);
  }
  if (shifted) {
    doc_.add_finding("map.row_shape", Severity::warning,
                     "row " + pt.code + "/" + pr.code + " cannot be placed under its header without a shift (the " +
                         "table's spans overlap or overrun it); its cells are reported missing",
                     fr.where);
    found_.push_back(std::move(fr));
    return;
  }
  // Ragged text: by position first when the row stands under its header column for column (a
  // blank last cell is then just blank), else in the header's order.
  bool ok = t.ragged ? (by_header(false, field_shift) || in_sequence()) : by_header(false);
  if (!ok && !t.ragged) {
    // The whole row misplaced by a column or two against its header (a label cell too narrow or
    // too wide): read it under the header as the cells stand to each other, when exactly one
    // shift names every value and every column of the row.
    int found_shift = 0, hits = 0;
    for (int shift : {-2, -1, 1, 2})
      if (by_header(false, shift)) {
        found_shift = shift;
        ++hits;
      }
    if (hits == 1) {
      ok = by_header(false, found_shift);
      doc_.add_finding("map.row_realigned", Severity::info,
                       "row " + pt.code + "/" + pr.code + " sits " + std::to_string(std::abs(found_shift)) +
                           " column(s) " + (found_shift > 0 ? "left" : "right") +
                           " of its header; its values are read under the header in their own order",
                       fr.where);
    } else {
      fr.values.clear();
    }
  }
  if (!ok && !t.ragged) ok = in_sequence();
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
  if (!ok && !t.ragged) ok = by_header(true);
  if (!ok && !sequence_allowed && !header_ours) {
    // Not pt's table at all: a label that happens to be a profile row's (规章 in a comparison
    // table of 一、总体情况). Its numbers are no profile cells, and it must not hide the real row.
    doc_.add_finding("map.foreign_row", Severity::info,
                     "row '" + join_text(tx) + "' reads like " + pt.code + "/" + pr.code +
                         " but its table has no header of " + pt.code + " and continues none; not taken",
                     fr.where);
    return;
  }
  if (!ok && ambiguous) {
    doc_.add_finding("map.row_shape", Severity::warning,
                     "row " + pt.code + "/" + pr.code + " has empty cells at both ends of its values and does not " +
                         "line up with its header: which of them is a blank value cannot be told; its cells are " +
                         "reported missing",
                     fr.where);
    fr.values.clear();
  } else if (!ok) {
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

}  // namespace ogix::mapping
