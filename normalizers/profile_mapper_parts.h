// The profile mapper's parts shared by its files: the found rows, the header and row matching
// helpers, and the Mapper that walks a document's tables (profile_mapper.cc: the walk, profile
// detection and the emitted cells; profile_mapper_header.cc: header reading; profile_mapper_rows.cc:
// row matching; profile_mapper_table4.cc: table 四 layouts). Internal to normalizers/.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model/document.h"
#include "profiles/profile.h"

namespace ogix::mapping {

// The distinct cells of one grid row in column order.
struct GridRow {
  std::vector<const Cell*> cells;  // distinct, left to right
};

// The distinct cells of each grid row of `t`, in column order.
std::vector<GridRow> grid_rows(const Table& t);

// A value cell of a matched row: the source cell, or the text read for it (ragged carry, header row).
struct FoundCell {
  const Cell* cell = nullptr;
  std::string text;  // used when the cell came from a ragged carry or a header-derived row
};

// A source row matched to profile row `row` of table `table`, with its value cells by column code.
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

// The profile column a header path names and how well (0 = none; 1000+ = by its bottom label).
struct ColumnMatch {
  std::string code;
  int score = 0;
};

// True when `leaf` occurs in `key` as a label of its own. A short label (two Han characters:
// 其他, 总计, 维持) counts only at the start or end of the key: 其他 inside 法人或其他组织 is part of
// another label, not the column 其他.
bool label_in(const std::string& key, const std::string& leaf);

// Best column code of `table` for a header path (bottom label first, then the whole path).
ColumnMatch match_column(const ProfileTable& table, const std::string& bottom, const std::string& path);

// The profile table and row a row label names and how well (0 = none).
struct RowMatch {
  const ProfileTable* table = nullptr;
  const ProfileRow* row = nullptr;
  int score = 0;
};

// True when `key` is a header text: it is (or holds, when 3+ Han characters long) a column label.
bool header_like(const Profile& p, const std::string& key);

// The profile row a header path names (table 四's 行政复议 / 未经复议直接起诉 over value columns).
const ProfileRow* row_named_by(const ProfileTable& pt, const std::string& path);

// Maps the tables of one document to the cells of one profile: walks the tables in reading order
// (run), collects the rows found in each, then emits every profile cell once (emit).
class Mapper {
 public:
  // A mapper writing into `doc` the cells of profile `p`.
  Mapper(Document& doc, const Profile& p) : doc_(doc), p_(p) {}

  // Maps every table of the document and emits doc.cells with their findings.
  void run();

  // True when some source row matched a profile row.
  bool found_any() const { return !found_.empty(); }

 private:
  // header_like(p_, key), remembered per key: every row of every table asks it of its cells.
  bool header_key(const std::string& key);
  std::unordered_map<std::string, bool> header_like_;
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

    // match_column(pt, bottom[c], path[c]): the same for every row under this header, so it is
    // computed once per profile table and column (rows × cells × tables calls otherwise).
    const ColumnMatch& column_match(const ProfileTable& pt, std::size_t c) const;

   private:
    mutable std::vector<std::pair<const ProfileTable*, std::vector<ColumnMatch>>> matches_;
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

  // The allowed profile table and row whose variants best match a row label (leaf, full path).
  RowMatch match_row(const std::string& leaf, const std::string& full) const;

  // Like match_row, but only variants that name a group (其他处理>其他): used with the label of a
  // group heading row above, which must not otherwise change what a row is.
  RowMatch match_row_in_group(const std::string& leaf, const std::string& full) const;

  // For labels read by OCR (a character or two misread: 未 as 末, 具 as 县): the one profile row with
  // a variant of at least 5 characters found in `full` with at most one edit in six, or of 4
  // characters that is the whole of `full` but one replaced character (可 as 叮). Groups must
  // still be named exactly, and a tie between two rows is no match. Score 1: below every exact
  // match. `matched_len` receives the matched variant's length in characters.
  RowMatch match_row_approx(const std::string& full, std::size_t* matched_len = nullptr) const;

  // Decides which profile tables the rows of a table in `section` may belong to. A table in 二/三/四
  // belongs to that section's profile table, unless its header rows name columns only another
  // profile table has (table 四 under a missing 四、 heading sits in section 三): a 合计 row in table
  // 二 or a 总计 row in table 四 is then never taken for table 三's （七）总计.
  void set_scope(const std::string& section, const Texts& texts);

  // True when a header row (a row with no value-like cell) names a column of `pt` that the home
  // table has no label for; `header_keys`: the non-empty keys of those rows' cells.
  bool header_names(const ProfileTable& pt, const std::vector<std::string>& header_keys) const;

  // Finds the header block and matches each row of table `t` (in section `section`) to profile rows.
  void map_table(const Table& t, const std::string& section);

  // Whether dropping the surplus empty cells at the ends of `idx` (cells of a row's texts `tx`) to
  // leave `want` cells is one choice: not so when both ends have empty cells and only some must
  // go — which of them is a blank value cell cannot be told.
  static bool surplus_unambiguous(const std::vector<std::string>& tx, const std::vector<std::size_t>& idx,
                                  std::size_t want);

  // Whether the text row `pending` can be the first line of row r's label: in a real grid its text
  // must lie left of row r's values (a header band over the value columns is no label line).
  static bool pending_fits(const Table& t, const std::vector<GridRow>& rows, std::size_t pending, std::size_t r,
                           std::size_t first_value, const std::vector<std::size_t>& label_idx);

  // The non-empty texts of a row joined with " | " (how findings quote a source row).
  static std::string join_text(const std::vector<std::string>& tx);

  // The fields of text line r: up to its last field, without a line-ending tab (row_ends_).
  std::vector<std::string> line_fields(const std::vector<GridRow>& rows, std::size_t r) const;

  // A text copy's header read as Word writes a table with merged cells: each line holds one field
  // per cell of its row, a cell merged down from the line above leaving an empty field. Going
  // down, each field of a line is either continued (an empty field below) or has the next run of
  // non-empty fields as its sub-headers; a run shared by several fields is split where its words
  // change kind (column names, row names, neither) or else into equal parts with the same column
  // names (结果维持…总计 twice). Returns the leaf columns in order, or nothing when the lines do not
  // fit this reading (then only the grid's own columns are used).
  std::vector<HeaderCols::Leaf> header_leaves(const std::vector<GridRow>& rows, const std::vector<std::size_t>& hdr) const;

  // The header path over each grid column of `t` from the header rows `hdr` (keys, top down).
  HeaderCols header_cols(const Table& t, const std::vector<GridRow>& rows, const std::vector<std::size_t>& hdr) const;

  // The header over rows below `hdr`; with no header rows of its own, a table continuing the
  // section's previous table as wide (a header table and its body table, or a table cut at a page
  // break) reads under that table's header.
  // Memoized: every data row below one header block reads the same header.
  const HeaderCols& header_of(const Table& t, const std::vector<GridRow>& rows, const std::vector<std::size_t>& hdr);

  // Ragged text: the columns of row `pr` a header block names, in its own left-to-right order,
  // read from the header lines as sequences of fields (Word copies a merged cell as one field, so
  // the columns of different lines need not line up). The lowest line naming columns gives a run
  // of leaves; the nearest line above naming columns gives the others, the run taking the place of
  // the one group cell there (法人或其他组织: a cell naming only an extra column such as 小计, or,
  // failing that, naming none, after the first column it names). Empty when the lines do not fit.
  static std::vector<std::string> header_sequence(const std::vector<GridRow>& rows, const std::vector<std::size_t>& hdr,
                                                  const ProfileTable& pt, const ProfileRow& pr,
                                                  const std::vector<std::string>& expected);

  // The money unit the header states for column `col` of `pt` (万元), or "" when it states none.
  std::string money_unit(const ProfileTable& pt, const std::string& col, const HeaderCols& h) const;

  // Reads the value cells of row `r` (profile row `pr` of `pt`) under header `hdr` into found_:
  // by header, else in order where nothing contradicts it, else a finding (map.row_shape).
  // `field_shift`: a text line that continues a wrapped cell of the line above starts inside that
  // cell, so its field k is the row's field k + field_shift.
  void take_row(const Table& t, const std::vector<GridRow>& rows, const Texts& texts, const std::vector<std::size_t>& hdr,
                std::size_t r, const ProfileTable& pt, const ProfileRow& pr, const std::vector<std::size_t>& label_idx,
                const std::string& label, int field_shift = 0);

  // A row whose values stand under headers naming profile rows (table 四 with 行政复议 / 未经复议直接
  // 起诉 as column groups): records each value under its (row, column); false when not that layout.
  bool take_header_rows(const Table& t, const std::vector<GridRow>& rows, const Texts& texts,
                        const std::vector<std::size_t>& hdr, std::size_t r, std::size_t after_label);

  // A row read crosswise: its label names a column of a profile table (结果维持) and the header
  // over each of its values names a row of the same table (行政复议, 未经复议直接起诉 …). Strict: every
  // non-empty value must sit under exactly one named row, each row once, and the column must be
  // one of that row's columns; otherwise the row is not crosswise and is mapped as usual.
  bool take_crosswise(const Table& t, const std::vector<GridRow>& rows, const Texts& texts,
                      const std::vector<std::size_t>& hdr, std::size_t r, std::size_t after_label,
                      const std::string& label, Crosswise& out);

  // Writes doc.cells: one occurrence of each profile row (others reported), every cell once.
  void emit();

  // Writes the extra rows found in the section of `pt` as extra_<n> rows with columns c1, c2, ….
  void emit_extras(const ProfileTable& pt);

  // Writes cell (`pr`, `col`) of `pt` from the found row `fr` (missing when none), with findings.
  void emit_cell(const ProfileTable& pt, const ProfileRow& pr, const std::string& col, const FoundRow* fr);
};

}  // namespace ogix::mapping
