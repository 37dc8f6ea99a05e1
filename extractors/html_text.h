// Text helpers of the HTML extractor: visible-text lines, cell text classes, report headings.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/report_cues.h"

namespace ogix::html {

// Builds one line of visible text the way a reader sees it: whitespace runs (ASCII, NBSP,
// ideographic space) collapse to one space, a space between two Chinese characters disappears
// (wrapped source lines), zero-width characters vanish, leading/trailing space is trimmed.
class LineBuilder {
 public:
  // Appends the raw content of a text node (UTF-8); `in_link` counts it as link text.
  void add(std::string_view utf8, bool in_link = false);
  // True when no visible character has been added since the last take().
  bool empty() const { return buf_.empty(); }
  // Visible characters (code points) added since the last take(), and those inside links.
  std::size_t chars() const { return chars_; }
  std::size_t link_chars() const { return link_chars_; }
  // Returns the line (without Word's <![if …]>/<![endif]> markers) and starts a new one.
  std::string take();

 private:
  std::string buf_;
  bool pending_space_ = false;
  char32_t last_ = 0;
  std::size_t chars_ = 0, link_chars_ = 0;
};

// Removes Word's downlevel-revealed conditional markers (<![if !supportLists]>, <![endif]>), which
// libxml2 leaves in text nodes; what they enclose is kept, as browsers show it.
std::string strip_conditional_markers(std::string_view text);

// Joins the lines of one table cell (<p>/<br>/<div> inside it) as a reader sees them: no space
// where either side of the join is a Chinese character, one space otherwise.
std::string join_cell_lines(const std::vector<std::string>& lines);

// What a table cell's text is, as far as the table's structure is concerned.
enum class CellClass { empty, number, na, text };

// Classifies cell text: `12`, `-18`, `1,234`, `75394432.52元`, `１２` are numbers; `/`, `-`, `—`,
// `无`, `不涉及`, `不适用` are na; empty or whitespace-only is empty; anything else is text.
CellClass classify_cell(std::string_view text);

// The report section (1 = 一、总体情况 … 6 = 六、其他需要报告的事项) a line is the heading of, or 0.
// Needs a 一、-style marker (or the heading wording alone on a short line) and the section wording
// of `cues`.
int report_heading(std::string_view line, const ReportCues& cues);

// True when `text` holds a row or column label of the statistics tables (自然人, 行政许可, …).
bool has_report_table_keyword(std::string_view text, const ReportCues& cues);

// True when a cell line is the label header (指标名称) or a row label of an indicator table (the
// legacy profile's wording): such a table is statistics, though its group rows read as headings.
bool is_indicator_table_line(std::string_view line, const ReportCues& cues);

// The first year (1990..2099) written as "2019年" in `text`, or empty.
std::string find_year(std::string_view text);

// The first date in `text` (2020-01-31, 2020/1/31, 2020.01.31, 2020年1月31日) as YYYY-MM-DD, or empty.
std::string find_date(std::string_view text);

}  // namespace ogix::html
