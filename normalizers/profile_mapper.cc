#include "normalizers/profile_mapper.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

#include "model/error.h"
#include "normalizers/cell_value.h"
#include "normalizers/indicator_table.h"
#include "text/unicode.h"

namespace ogix {

namespace {

// A table of the document and the code of the section it sits in ("" before sectioning).
struct TableRef {
  const Table* table = nullptr;
  std::string section;
};

// All tables of the document in reading order, with the section each sits in.
std::vector<TableRef> all_tables(const Document& doc) {
  std::vector<TableRef> out;
  auto take = [&](const std::vector<Block>& blocks, const std::string& section) {
    for (const auto& b : blocks)
      if (auto* t = std::get_if<Table>(&b)) out.push_back({t, section});
  };
  take(doc.blocks, {});
  for (const auto& s : doc.sections) take(s.blocks, s.code);
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
  return simplified_key(s);  // evidence is matched through the simplified key
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
  bool home = false;                          // found in the section of its own table (二/三/四)
};

// A row with values in a profile table's section that matches none of its rows, kept as
// extra_<n> with its cells in source order (columns c1, c2, …).
struct ExtraRow {
  std::string table, label, where;
  std::vector<FoundCell> cells;
};

struct ColumnMatch {
  std::string code;
  int score = 0;
};

// True when `leaf` occurs in `key` as a label of its own. A short label (two Han characters:
// 其他, 总计, 维持) counts only at the start or end of the key: 其他 inside 法人或其他组织 is part of
// another label, not the column 其他.
bool label_in(const std::string& key, const std::string& leaf) {
  if (leaf.empty() || key.size() < leaf.size()) return false;
  if (leaf.size() > 6) return key.find(leaf) != std::string::npos;
  return key.compare(0, leaf.size(), leaf) == 0 || key.compare(key.size() - leaf.size(), leaf.size(), leaf) == 0;
}

// Best column code of `table` for a header path (bottom label first, then the whole path).
ColumnMatch match_column(const ProfileTable& table, const std::string& bottom, const std::string& path) {
  ColumnMatch best;
  for (const auto& col : table.cols)
    for (const auto& v : col.variants) {
      if (v.leaf.empty()) continue;
      int s = 0;
      if (label_in(bottom, v.leaf))
        s = 1000 + static_cast<int>(v.leaf.size());
      else if (label_in(path, v.leaf))
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

// The fewest character edits that turn `needle` into some run of `hay` (approximate containment,
// code points): 0 when hay contains needle.
std::size_t edits_within(const std::u32string& needle, const std::u32string& hay) {
  std::vector<std::size_t> prev(hay.size() + 1, 0), cur(hay.size() + 1, 0);  // a run may start anywhere
  for (std::size_t i = 1; i <= needle.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= hay.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (needle[i - 1] == hay[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return *std::min_element(prev.begin(), prev.end());
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

// The profile row a header path names (table 四's 行政复议 / 未经复议直接起诉 over value columns).
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

class Mapper {
 public:
  Mapper(Document& doc, const Profile& p) : doc_(doc), p_(p) {}

  void run() {
    for (const auto& ref : all_tables(doc_)) {
      map_table(*ref.table, ref.section);
      // Remember which profile tables this section has yielded rows of: a later table of the same
      // section without a header of its own is their continuation (a page break, 续表).
      for (std::size_t i = found_before_; i < found_.size(); ++i)
        if (!found_[i].values.empty()) produced_[ref.section].insert(found_[i].table);
      found_before_ = found_.size();
    }
    emit();
  }

  bool found_any() const { return !found_.empty(); }

 private:
  Document& doc_;
  const Profile& p_;
  std::vector<FoundRow> found_;
  std::size_t found_before_ = 0;
  std::map<std::string, std::set<std::string>> produced_;  // section → profile tables found there

  // Scope of the table being mapped.
  std::string section_;
  std::vector<ExtraRow> extras_;
  const ProfileTable* home_ = nullptr;         // the profile table of the table's section, if any
  bool narrative_ = false;                     // a text section (一、五、六): tables there are not 二/三/四
  std::vector<const ProfileTable*> allowed_;  // profile tables this table's rows may belong to
  std::set<std::string> groups_;               // group keys the allowed tables' row variants require

  // Header path per grid column over the header block (keys of the covering cells, top down).
  struct HeaderCols {
    std::vector<std::string> bottom, path;
    std::vector<std::string> cell_text;  // raw texts of the header block (for units)
    std::vector<bool> displaced;          // per column: a header cell over it was displaced
    // Text copies: the header's leaf columns in order, read from its lines as sequences of fields
    // (header_leaves); empty when they do not fit that reading.
    struct Leaf {
      std::string bottom, path;
    };
    std::vector<Leaf> leaves;
  };

  std::vector<std::size_t> row_ends_;  // per grid row of the table: its fields (value cells) end here
  std::optional<HeaderCols> last_header_;  // header block of the previous table, and its section
  std::string last_header_section_;
  std::optional<HeaderCols> inherited_;    // last_header_ when the table being mapped may use it
  const Table* memo_table_ = nullptr;      // header_of's last answer: table, header rows, header
  std::vector<std::size_t> memo_rows_;
  HeaderCols memo_;

  using Texts = std::vector<std::vector<std::string>>;
  // Cells of a table read crosswise (results as rows, kinds of case as columns), per profile row.
  using Crosswise = std::map<std::pair<std::string, std::string>, FoundRow>;

  RowMatch match_row(const std::string& leaf, const std::string& full) const {
    RowMatch best;
    if (full.empty()) return best;
    for (const ProfileTable* t : allowed_)
      for (const auto& r : t->rows) {
        int s = match_label(r.variants, leaf, full);
        if (s > best.score) best = {t, &r, s};
      }
    return best;
  }

  // For labels read by OCR (a character or two misread: 未 as 末, 具 as 县): the one profile row with
  // a variant of at least 5 characters found in `full` with at most one edit in six. Groups must
  // still be named exactly, and a tie between two rows is no match. Score 1: below every exact match.
  RowMatch match_row_approx(const std::string& full, std::size_t* matched_len = nullptr) const {
    RowMatch best;
    const std::u32string hay = utf8_to_u32(full);
    if (hay.size() < 5 || hay.size() > 400) return best;
    std::size_t best_edits = 0, best_len = 0;
    bool tie = false;
    for (const ProfileTable* t : allowed_)
      for (const auto& r : t->rows) {
        if (r.extra) continue;
        for (const auto& v : r.variants) {
          if (v.leaf.empty() || (!v.group.empty() && full.find(v.group) == std::string::npos)) continue;
          const std::u32string needle = utf8_to_u32(v.leaf);
          if (needle.size() < 5) continue;
          const std::size_t e = edits_within(needle, hay);
          if (e == 0 || e > std::max<std::size_t>(1, needle.size() / 6)) continue;
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

  // Like match_row, but only variants that name a group (其他处理>其他): used with the label of a
  // group heading row above, which must not otherwise change what a row is.
  RowMatch match_row_in_group(const std::string& leaf, const std::string& full) const {
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

  // Decides which profile tables the rows of a table in `section` may belong to. A table in 二/三/四
  // belongs to that section's profile table, unless its header rows name columns only another
  // profile table has (table 四 under a missing 四、 heading sits in section 三): a 合计 row in table
  // 二 or a 总计 row in table 四 is then never taken for table 三's （七）总计.
  void set_scope(const std::string& section, const Texts& texts) {
    section_ = section;
    home_ = p_.table(section);
    narrative_ = false;
    if (!home_)
      for (const auto& s : p_.sections) narrative_ = narrative_ || s.code == section;
    allowed_.clear();
    auto continued = [&](const ProfileTable& pt) {
      return produced_.count(section) && produced_.at(section).count(pt.code);
    };
    for (const auto& pt : p_.tables)
      if (!home_ || &pt == home_ || continued(pt) || header_names(pt, texts)) allowed_.push_back(&pt);
    groups_.clear();
    for (const ProfileTable* pt : allowed_)
      for (const auto& r : pt->rows)
        for (const auto& v : r.variants)
          if (!v.group.empty()) groups_.insert(v.group);
  }

  // True when a header row (a row with no value-like cell) names a column of `pt` that the home
  // table has no label for.
  bool header_names(const ProfileTable& pt, const Texts& texts) const {
    auto home_has = [&](const std::string& leaf) {
      for (const auto& c : home_->cols)
        for (const auto& v : c.variants)
          if (v.leaf == leaf) return true;
      return false;
    };
    for (const auto& tx : texts) {
      bool values = false;
      for (const auto& x : tx) values = values || (!x.empty() && is_value_like(x));
      if (values) continue;
      for (const auto& x : tx) {
        std::string key = label_key(x);
        for (const auto& c : pt.cols)
          for (const auto& v : c.variants)
            if (!v.leaf.empty() && (key == v.leaf || (v.leaf.size() >= 9 && key.find(v.leaf) != std::string::npos)) &&
                !home_has(v.leaf))
              return true;
      }
    }
    return false;
  }

  void map_table(const Table& t, const std::string& section) {
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
        for (const auto& s : texts[r]) header = header || header_like(p_, label_key(s));
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
        for (const auto& x : tx) header_row = header_row || header_like(p_, label_key(x));
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
              ColumnMatch cm = match_column(*pt, cached.bottom.at(static_cast<std::size_t>(col)),
                                            cached.path.at(static_cast<std::size_t>(col)));
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
        for (std::size_t k = 0; k < tx.size() && !is_header; ++k) is_header = header_like(p_, label_key(tx[k]));
      }
      std::string leaf = label_idx.empty() ? "" : label_key(tx[label_idx.back()]);
      std::string full;
      for (auto k : label_idx) full += label_key(tx[k]);
      RowMatch m = match_row(leaf, full);
      // A label wrapped onto the row above (text copies): try the two lines joined. The line above
      // is then part of this data row's label, not of the header block.
      auto join_pending = [&]() {
        if (m.score != 0 || pending_label.empty() || !pending_fits(t, rows, pending_row, r, first_value, label_idx))
          return;
        // A label that is a column's name (结果维持 in table 四 by result) is whole: its row is read
        // crosswise under the header above, which must stay the header.
        if (has_values && header_like(p_, full)) return;
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
          doc_.add_finding("ocr.label_approximate", Severity::warning,
                           "the row label OCR read as '" + join_text(tx) + "' is taken for " + m.table->code + "/" +
                               m.row->code + " by approximate matching (a misread character or two)",
                           m.table->code + "/" + m.row->code);
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
      if (m.score > 0 && (has_values || (!t.ragged && value_region_nonempty && !m.row->extra &&
                                         m.score >= 2000 && label_like))) {
        take_row(t, rows, texts, header_rows, r, *m.table, *m.row, label_idx, full);
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

  // Whether dropping the surplus empty cells at the ends of `idx` (cells of a row's texts `tx`) to
  // leave `want` cells is one choice: not so when both ends have empty cells and only some must
  // go — which of them is a blank value cell cannot be told.
  static bool surplus_unambiguous(const std::vector<std::string>& tx, const std::vector<std::size_t>& idx,
                                  std::size_t want) {
    if (idx.size() <= want) return true;
    std::size_t lead = 0, trail = 0;
    while (lead < idx.size() && tx[idx[lead]].empty()) ++lead;
    while (trail < idx.size() - lead && tx[idx[idx.size() - 1 - trail]].empty()) ++trail;
    return lead == 0 || trail == 0 || lead + trail <= idx.size() - want;
  }

  // Whether the text row `pending` can be the first line of row r's label: in a real grid its text
  // must lie left of row r's values (a header band over the value columns is no label line).
  static bool pending_fits(const Table& t, const std::vector<GridRow>& rows, std::size_t pending, std::size_t r,
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

  static std::string join_text(const std::vector<std::string>& tx) {
    std::string s;
    for (const auto& x : tx) {
      if (x.empty()) continue;
      if (!s.empty()) s += " | ";
      s += x;
    }
    return s;
  }

  // The fields of text line r: up to its last field, without a line-ending tab (row_ends_).
  std::vector<std::string> line_fields(const std::vector<GridRow>& rows, std::size_t r) const {
    std::vector<std::string> out;
    std::size_t end = row_ends_.at(r);
    for (std::size_t k = 0; k < end && k < rows.at(r).cells.size(); ++k) out.push_back(label_key(rows[r].cells[k]->text));
    return out;
  }

  // A text copy's header read as Word writes a table with merged cells: each line holds one field
  // per cell of its row, a cell merged down from the line above leaving an empty field. Going
  // down, each field of a line is either continued (an empty field below) or has the next run of
  // non-empty fields as its sub-headers; a run shared by several fields is split where its words
  // change kind (column names, row names, neither) or else into equal parts with the same column
  // names (结果维持…总计 twice). Returns the leaf columns in order, or nothing when the lines do not
  // fit this reading (then only the grid's own columns are used).
  std::vector<HeaderCols::Leaf> header_leaves(const std::vector<GridRow>& rows, const std::vector<std::size_t>& hdr) const {
    using Leaf = HeaderCols::Leaf;
    if (hdr.empty()) return {};
    // 'c' names a column of an allowed table, 'r' names a row of one, 'n' neither.
    auto kind = [&](const std::string& key) {
      for (const ProfileTable* pt : allowed_) {
        if (match_column(*pt, key, key).score >= 1000) return 'c';
        if (row_named_by(*pt, key)) return 'r';
      }
      return 'n';
    };
    auto col_codes = [&](const std::vector<std::string>& keys) {
      std::vector<std::string> out;
      for (const auto& k : keys) {
        std::string code;
        for (const ProfileTable* pt : allowed_) {
          ColumnMatch cm = match_column(*pt, k, k);
          if (cm.score >= 1000) {
            code = cm.code;
            break;
          }
        }
        out.push_back(code);
      }
      return out;
    };
    std::vector<std::string> top = line_fields(rows, hdr[0]);
    while (!top.empty() && top.back().empty()) top.pop_back();  // nothing is merged into the top line
    std::vector<Leaf> nodes;
    for (const auto& k : top) nodes.push_back({k, k});
    for (std::size_t hi = 1; hi < hdr.size(); ++hi) {
      std::vector<std::string> line = line_fields(rows, hdr[hi]);
      // Items: an empty field, or a run of non-empty fields.
      std::vector<std::pair<std::size_t, std::size_t>> runs;  // [begin, end) of each run
      std::size_t empties = 0;
      for (std::size_t k = 0; k < line.size();) {
        if (line[k].empty()) {
          ++empties;
          ++k;
          continue;
        }
        std::size_t e = k;
        while (e < line.size() && !line[e].empty()) ++e;
        runs.emplace_back(k, e);
        k = e;
      }
      if (nodes.size() < empties + runs.size()) return {};
      std::size_t sharing = nodes.size() - empties;  // parents of the runs
      if (runs.empty() ? sharing != 0 : (runs.size() != sharing && runs.size() != 1)) return {};
      std::vector<Leaf> next;
      std::size_t p = 0;
      for (std::size_t k = 0; k < line.size();) {
        if (line[k].empty()) {
          next.push_back(nodes.at(p++));  // the cell above continues down
          ++k;
          continue;
        }
        std::size_t e = k;
        while (e < line.size() && !line[e].empty()) ++e;
        std::size_t parents = runs.size() == 1 ? sharing : 1;
        std::vector<std::string> run(line.begin() + static_cast<long>(k), line.begin() + static_cast<long>(e));
        // Split the run into `parents` consecutive parts.
        std::vector<std::size_t> cuts = {0};
        for (std::size_t i = 1; i < run.size(); ++i)
          if (kind(run[i]) != kind(run[i - 1])) cuts.push_back(i);
        if (cuts.size() != parents) {
          cuts.clear();
          if (run.size() % parents != 0) return {};
          std::size_t w = run.size() / parents;
          std::vector<std::string> codes = col_codes(run);
          for (std::size_t i = 0; i < parents; ++i) {
            if (!std::equal(codes.begin(), codes.begin() + static_cast<long>(w), codes.begin() + static_cast<long>(i * w)))
              return {};
            cuts.push_back(i * w);
          }
          if (std::count(codes.begin(), codes.begin() + static_cast<long>(w), std::string()) != 0) return {};
        }
        cuts.push_back(run.size());
        for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
          const Leaf& parent = nodes.at(p++);
          for (std::size_t j = cuts[i]; j < cuts[i + 1]; ++j) next.push_back({run[j], parent.path + run[j]});
        }
        k = e;
      }
      if (p != nodes.size()) return {};
      nodes = std::move(next);
    }
    return nodes;
  }

  HeaderCols header_cols(const Table& t, const std::vector<GridRow>& rows, const std::vector<std::size_t>& hdr) const {
    HeaderCols h;
    if (t.ragged) h.leaves = header_leaves(rows, hdr);
    h.bottom.assign(static_cast<std::size_t>(t.cols), {});
    h.path.assign(static_cast<std::size_t>(t.cols), {});
    h.displaced.assign(static_cast<std::size_t>(t.cols), false);
    std::vector<const Cell*> last(static_cast<std::size_t>(t.cols), nullptr);
    // The header's extent: up to its rightmost labelled column. Empty fields beyond it (a trailing
    // tab on every line of a Word copy) are no columns a header cell can continue over.
    std::size_t extent = 0;
    for (std::size_t r : hdr)
      for (const Cell* c : rows.at(r).cells)
        if (!label_key(c->text).empty()) extent = std::max(extent, static_cast<std::size_t>(c->col + c->col_span));
    for (std::size_t hi = 0; hi < hdr.size(); ++hi) {
      const auto& cells = rows.at(hdr[hi]).cells;
      std::vector<std::string> by_col(static_cast<std::size_t>(t.cols));
      std::vector<const Cell*> owner(static_cast<std::size_t>(t.cols), nullptr);
      for (const Cell* c : cells) {
        h.cell_text.push_back(c->text);
        for (int k = c->col; k < c->col + c->col_span && k < t.cols; ++k) {
          by_col.at(static_cast<std::size_t>(k)) = label_key(c->text);
          owner.at(static_cast<std::size_t>(k)) = c;
          if (c->displaced) h.displaced.at(static_cast<std::size_t>(k)) = true;
        }
      }
      // In ragged tables an empty header cell continues its left neighbour (a colspan lost in the
      // copy), except on the bottom header row where each column has its own label.
      if (t.ragged && hi + 1 < hdr.size())
        for (std::size_t k = 1; k < by_col.size() && k < extent; ++k)
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

  // The header over rows below `hdr`; with no header rows of its own, a table continuing the
  // section's previous table as wide (a header table and its body table, or a table cut at a page
  // break) reads under that table's header.
  // Memoized: every data row below one header block reads the same header.
  const HeaderCols& header_of(const Table& t, const std::vector<GridRow>& rows, const std::vector<std::size_t>& hdr) {
    if (hdr.empty() && inherited_) return *inherited_;
    if (memo_table_ != &t || memo_rows_ != hdr) {
      memo_ = header_cols(t, rows, hdr);
      memo_table_ = &t;
      memo_rows_ = hdr;
    }
    return memo_;
  }

  // Ragged text: the columns of row `pr` a header block names, in its own left-to-right order,
  // read from the header lines as sequences of fields (Word copies a merged cell as one field, so
  // the columns of different lines need not line up). The lowest line naming columns gives a run
  // of leaves; the nearest line above naming columns gives the others, the run taking the place of
  // the one group cell there (法人或其他组织: a cell naming only an extra column such as 小计, or,
  // failing that, naming none, after the first column it names). Empty when the lines do not fit.
  static std::vector<std::string> header_sequence(const std::vector<GridRow>& rows, const std::vector<std::size_t>& hdr,
                                                  const ProfileTable& pt, const ProfileRow& pr,
                                                  const std::vector<std::string>& expected) {
    auto in = [](const std::vector<std::string>& v, const std::string& x) {
      return std::find(v.begin(), v.end(), x) != v.end();
    };
    // The codes of a header line's non-empty fields ("" for a field naming none of `expected`).
    auto codes_of_line = [&](std::size_t r) {
      std::vector<std::string> out;
      for (const Cell* c : rows.at(r).cells) {
        std::string key = label_key(c->text);
        if (key.empty()) continue;
        ColumnMatch cm = match_column(pt, key, key);
        out.push_back(cm.score >= 1000 && in(expected, cm.code) ? cm.code : std::string());
      }
      return out;
    };
    auto names_any = [](const std::vector<std::string>& codes) {
      return std::any_of(codes.begin(), codes.end(), [](const std::string& c) { return !c.empty(); });
    };
    std::size_t b = hdr.size();
    while (b > 0 && !names_any(codes_of_line(hdr[b - 1]))) --b;
    if (b == 0) return {};
    std::vector<std::string> leaves;
    for (const auto& c : codes_of_line(hdr[b - 1]))
      if (!c.empty()) leaves.push_back(c);
    std::size_t u = b - 1;
    while (u > 0 && !names_any(codes_of_line(hdr[u - 1]))) --u;
    std::vector<std::string> order;
    if (u == 0) {
      order = leaves;
    } else {
      std::vector<std::string> upper = codes_of_line(hdr[u - 1]);
      std::vector<std::size_t> extra_cells, unnamed_cells;
      bool seen = false;
      for (std::size_t i = 0; i < upper.size(); ++i) {
        if (!upper[i].empty() && !in(pr.cols, upper[i])) extra_cells.push_back(i);
        if (upper[i].empty() && seen) unnamed_cells.push_back(i);
        seen = seen || in(pr.cols, upper[i]);
      }
      const std::vector<std::size_t>& group = extra_cells.empty() ? unnamed_cells : extra_cells;
      if (group.size() != 1) return {};
      for (std::size_t i = 0; i < upper.size(); ++i) {
        if (i == group[0])
          order.insert(order.end(), leaves.begin(), leaves.end());
        else if (!upper[i].empty())
          order.push_back(upper[i]);
      }
    }
    for (std::size_t i = 0; i < order.size(); ++i)
      if (std::find(order.begin() + static_cast<long>(i) + 1, order.end(), order[i]) != order.end()) return {};
    return order;
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

  void take_row(const Table& t, const std::vector<GridRow>& rows, const Texts& texts, const std::vector<std::size_t>& hdr,
                std::size_t r, const ProfileTable& pt, const ProfileRow& pr, const std::vector<std::size_t>& label_idx,
                const std::string& label) {
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
      header_ours = header_ours || (!h.path[c].empty() && match_column(pt, h.bottom[c], h.path[c]).score >= 1000);
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
        ColumnMatch cm = match_column(pt, h.bottom[uc], h.path[uc]);
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
        ColumnMatch cm = match_column(pt, h.bottom[c], h.path[c]);
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
    bool ok = t.ragged ? (by_header(false) || in_sequence()) : by_header(false);
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

  bool take_header_rows(const Table& t, const std::vector<GridRow>& rows, const Texts& texts,
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
          ColumnMatch cm = match_column(pt, h.bottom[uc], h.path[uc]);
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

  // A row read crosswise: its label names a column of a profile table (结果维持) and the header
  // over each of its values names a row of the same table (行政复议, 未经复议直接起诉 …). Strict: every
  // non-empty value must sit under exactly one named row, each row once, and the column must be
  // one of that row's columns; otherwise the row is not crosswise and is mapped as usual.
  bool take_crosswise(const Table& t, const std::vector<GridRow>& rows, const Texts& texts,
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

  void emit() {
    // One occurrence of each (table,row): a row with values before one without (a row whose shape
    // failed), then one in its own section, then the first; the others are reported.
    auto rank = [](const FoundRow& fr) { return (fr.values.empty() ? 0 : 2) + (fr.home ? 1 : 0); };
    std::map<std::pair<std::string, std::string>, const FoundRow*> first;
    for (const auto& fr : found_) {
      auto key = std::make_pair(fr.table, fr.row);
      auto it = first.find(key);
      if (it == first.end()) {
        first[key] = &fr;
      } else if (rank(fr) > rank(*it->second)) {
        doc_.add_finding("map.duplicate_row", Severity::warning,
                         "row " + fr.table + "/" + fr.row + " appears again; this occurrence is used instead of " +
                             it->second->where + (fr.values.empty() == it->second->values.empty()
                                                      ? std::string(", which is outside section ") + fr.table
                                                      : std::string(", which has no values")),
                         fr.where);
        it->second = &fr;
      } else {
        doc_.add_finding("map.duplicate_row", Severity::warning,
                         "row " + fr.table + "/" + fr.row + " appears again; the first occurrence is used", fr.where);
      }
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
      emit_extras(pt);
    }
  }

  void emit_extras(const ProfileTable& pt) {
    int n = 0;
    for (const auto& er : extras_) {
      if (er.table != pt.code) continue;
      ++n;
      for (std::size_t k = 0; k < er.cells.size(); ++k) {
        CanonicalCell cc;
        cc.table = pt.code;
        cc.row = "extra_" + std::to_string(n);
        cc.col = "c" + std::to_string(k + 1);
        cc.extra = true;
        cc.label = er.label;
        cc.raw = er.cells[k].text;
        if (er.cells[k].cell) cc.from = er.cells[k].cell->from;
        CellReading rd = read_cell(cc.raw, false);
        cc.status = rd.status;
        if (rd.status == CellStatus::number) cc.value = rd.value;
        doc_.cells.push_back(std::move(cc));
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
    if (p.detect != "wording") continue;  // ogi-legacy is chosen by its table, never by wording
    int score = 0;
    std::vector<std::string> ev;
    for (const auto& e : p.evidence)
      if (text.find(simplified_key(strip_spaces(e.text))) != std::string::npos) {
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

bool is_report_prose(const Document& doc) {
  // The report's own wording in its title or first lines …
  std::string head = strip_spaces(doc.meta.title) + "\n";
  std::size_t lines = 0;
  auto take = [&](const std::vector<Block>& blocks) {
    for (const auto& b : blocks)
      if (auto* p = std::get_if<Paragraph>(&b); p && lines < 12 && head.size() < 4000) {
        head += strip_spaces(p->text).substr(0, 600) + "\n";
        ++lines;
      }
  };
  take(doc.blocks);
  for (const auto& s : doc.sections) {
    head += strip_spaces(s.heading) + "\n";
    take(s.blocks);
  }
  head = simplified_key(head);  // a traditional-character copy states the same wording
  bool wording = head.find("信息公开") != std::string::npos &&
                 (head.find("年度报告") != std::string::npos || head.find("工作报告") != std::string::npos ||
                  head.find("年报") != std::string::npos);
  // … and at least two of the report's section headings.
  int headings = 0;
  for (const auto& s : doc.sections) headings += s.code != "preamble" && s.code != "unknown";
  return wording && headings >= 2;
}

void map_profile(Document& doc) {
  ProfileChoice choice = detect_profile(doc);
  if (!choice.profile) {
    // No 2019/2021 wording: a legacy report when it has an indicator table.
    if (const Profile* legacy = indicator_profile()) {
      std::vector<std::string> evidence;
      if (has_indicator_table(doc, *legacy, &evidence) && map_indicator_tables(doc, *legacy)) {
        doc.profile = legacy->id;
        doc.profile_evidence = evidence;
        return;
      }
    }
  }
  std::size_t findings_before = doc.findings.size();
  bool assumed = !choice.profile;
  if (!choice.profile) {
    // No wording of either format: try the older one on the tables, since both share table 三.
    choice.profile = find_profile("ogi-2019");
    choice.evidence = {"(none: no format-specific wording; ogi-2019 assumed)"};
    doc.add_finding("profile.assumed", Severity::warning, "no profile evidence found; ogi-2019 assumed");
  }
  Mapper m(doc, *choice.profile);
  m.run();
  if (!m.found_any() && assumed && is_report_prose(doc)) {
    // A report with no statistics table at all (prose only): sections and source tables, no cells.
    doc.findings.resize(findings_before);
    doc.cells.clear();
    doc.profile = "none";
    doc.profile_evidence = {"(none: the report's wording and section headings, no statistics table)"};
    doc.add_finding("profile.none", Severity::info,
                    "a report with no statistics table of any known format: sections and source tables only");
    return;
  }
  if (!m.found_any())
    throw Error(ErrorCode::not_a_report, doc.meta.source,
                "no statistical table of the official format (政府信息公开工作年度报告) was found");
  doc.profile = choice.profile->id;
  doc.profile_evidence = choice.evidence;
}

}  // namespace ogix
