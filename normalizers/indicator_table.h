// Indicator tables (ogi-legacy, reports on 2008–2018): one row per indicator, a unit column, one or
// two period columns. Label reading shared by the table mapper and the crawler-text reader.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"
#include "profiles/profile.h"

namespace ogix {

// A row label as an indicator table writes it: 其中：1.政府网站公开数（不同渠道…计1条）.
struct IndicatorLabel {
  std::string label;  // the label without numbering, 其中：, spaces or a bracketed remark
  std::string key;    // its label_key, for matching
  int level = 1;      // 1 = 一、 or unnumbered, 2 = （一）, 3 = 1., 4 = 其中 without a number
  int number = 0;     // the ordinal its numbering states, 0 when none
};

// Reads a label cell's text.
IndicatorLabel read_indicator_label(std::string_view text);

// Tracks the groups a row stands under (by numbering level) and names rows by label with that
// context: 被依法纠错数 under 行政复议数量 is review.corrected, under 行政诉讼数量 litigation.corrected.
class IndicatorOutline {
 public:
  // `approximate`: labels were read by OCR, and one that names no indicator exactly may name the
  // one indicator it is within a misread character or two of (labels of at least 5 characters).
  explicit IndicatorOutline(const ProfileTable& table, bool approximate = false) : table_(table), approximate_(approximate) {}
  // Places the next row; returns its profile row (nullptr: no indicator of that name).
  const ProfileRow* place(const IndicatorLabel& label, bool has_values);
  // True when the last row placed was named approximately (an OCR misreading, to be reported).
  bool last_approximate() const { return last_approximate_; }
  // Index (in placement order) of the row the last placed row is a part of, or -1: the nearest
  // row above it at a higher level that carries values.
  int parent() const { return parent_; }

 private:
  struct Entry {
    std::string key;
    int level = 1;
    int index = 0;
    bool values = false;
  };
  const ProfileTable& table_;
  std::vector<Entry> stack_;
  std::vector<std::string> history_;  // keys of the rows placed so far
  int placed_ = 0, parent_ = -1;
  bool approximate_ = false, last_approximate_ = false;
};

// The column codes of an indicator table's value columns from their headers: `current`,
// `cumulative` (by the profile's variants, or a "YYYY年(度)" header naming `year`), others c<n>
// (n = the value column's position). A table with one value column: `current`.
std::vector<std::string> period_codes(const ProfileTable& table, const std::vector<std::string>& headers,
                                      const std::string& year);

// True when the document shows the 2019/2021 tables (two of 本年新收, 结转下年度, 商业企业 …: words
// no legacy report uses), so it is never read with the legacy outline.
bool has_modern_table_words(const Document& doc);

// True when `text` names the label column (指标名称) or the unit column (计量单位) of `table`.
bool is_label_header(const ProfileTable& table, std::string_view text);
bool is_unit_header(const ProfileTable& table, std::string_view text);

// The indicator-table profile among the built-in ones (ogi-legacy), or nullptr.
const Profile* indicator_profile();

// True when the document has an indicator table (a header naming the label and unit columns, or
// three rows whose labels name indicators and carry numbers). Evidence strings go to `evidence`.
bool has_indicator_table(const Document& doc, const Profile& profile, std::vector<std::string>* evidence);

// Maps every indicator table of the document into doc.cells (table `indicators`: only the rows
// the source has, each with its unit; money in 万元; unnamed rows as extra_N with label and unit).
// Returns false when the document has none.
bool map_indicator_tables(Document& doc, const Profile& profile);

}  // namespace ogix
