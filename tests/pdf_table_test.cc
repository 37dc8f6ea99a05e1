// Unit tests of the PDF table geometry on hand-built layouts: rows continued over a page break,
// group headers spanning their columns, and which unruled tables continue each other.
#include <doctest/doctest.h>

#include "extractors/pdf_layout.h"
#include "extractors/pdf_table.h"
#include "text/unicode.h"

using namespace ogix;
using ogix::pdf::Rect;

namespace {

// A word of `text` (no per-character boxes) at x0..x1 on the line y..y+13, font size 10.
pdf::Word word(const std::u32string& text, double x0, double x1, double y, int page = 1) {
  pdf::Word w;
  w.text = text;
  w.box = w.orig = Rect{x0, y, x1, y + 13};
  w.size = 10;
  w.page = page;
  return w;
}

// One line built from words, the way the extractor builds it.
pdf::Line line(std::vector<pdf::Word> words) {
  auto lines = pdf::build_lines(std::move(words));
  REQUIRE(lines.size() == 1);
  return lines.front();
}

// The header row of a proactive-disclosure block ending page 1 (信息内容 | 采购项目数量 | 采购总金额).
pdf::Line procurement_header() {
  return line({word(U"信息内容", 59, 99, 780), word(U"采购项目数量", 292, 352, 780), word(U"采购总金额", 465, 515, 780)});
}

pdf::HeaderPiece piece(double x0, double x1, double y0, double y1, int c0, int c1) {
  return pdf::HeaderPiece{Rect{x0, y0, x1, y1}, c0, c1};
}

// A value cell (or label cell) of a hand-built unruled table.
pdf::GeoCell cell(const std::u32string& text, double x0, double x1, double y0) {
  pdf::GeoCell c;
  c.text = text;
  c.rect = Rect{x0, y0, x1, y0 + 18};
  return c;
}

}  // namespace

TEST_CASE("pdf continued rows: a table's only row at the top of the next page, under its header") {
  const pdf::Line tail = procurement_header();
  // Page 2: the row, then the next section's heading.
  std::vector<pdf::Line> page2{
      line({word(U"政府集中采购", 59, 119, 32, 2), word(U"57", 317, 328, 32, 2), word(U"1864.35", 472, 508, 32, 2)}),
      line({word(U"三、收到和处理政府信息公开申请情况", 57, 295, 60, 2)}),
  };
  CHECK(pdf::continued_rows({tail}, page2) == 1);

  // Values that stand under no column of the header do not continue it.
  std::vector<pdf::Line> shifted{line({word(U"政府集中采购", 59, 119, 32, 2), word(U"57", 200, 211, 32, 2), word(U"1864.35", 380, 416, 32, 2)})};
  CHECK(pdf::continued_rows({tail}, shifted) == 0);
  // Two values under one header text are no row of that header.
  std::vector<pdf::Line> crowded{line({word(U"政府集中采购", 59, 119, 32, 2), word(U"57", 300, 311, 32, 2), word(U"12", 330, 341, 32, 2)})};
  CHECK(pdf::continued_rows({tail}, crowded) == 0);
  // A paragraph at the top of the page does not either.
  std::vector<pdf::Line> prose{line({word(U"本年度共收到申请57件，均已按时答复。", 57, 400, 32, 2)})};
  CHECK(pdf::continued_rows({tail}, prose) == 0);
  // A one-column line above the page's table is no header to continue.
  CHECK(pdf::continued_rows({line({word(U"第二十条第（九）项", 57, 165, 755)})}, page2) == 0);
  CHECK(pdf::continued_rows({tail}, {}) == 0);
}

TEST_CASE("pdf continued rows: a value row under a header whose texts wrap over several lines") {
  // 结果维 / 持 … wrapped in narrow columns, 总计 on a line of its own between them; no row label.
  std::vector<pdf::Line> page1{
      line({word(U"行政复议", 122, 162, 700)}),
      line({word(U"结果维", 60, 90, 717), word(U"结果纠", 97, 127, 717), word(U"其他结", 133, 163, 717), word(U"尚未审", 170, 200, 717)}),
      line({word(U"总计", 205, 225, 724)}),
      line({word(U"持", 70, 80, 731), word(U"正", 107, 117, 731), word(U"果", 143, 153, 731), word(U"结", 180, 190, 731)}),
  };
  std::vector<pdf::Line> page2{
      line({word(U"1", 73, 78, 32, 2), word(U"0", 109, 115, 32, 2), word(U"1", 146, 151, 32, 2), word(U"0", 182, 188, 32, 2),
            word(U"2", 212, 218, 32, 2)}),
  };
  CHECK(pdf::continued_rows(page1, page2) == 1);
}

TEST_CASE("pdf continued rows: several rows with a wrapped label between them") {
  const pdf::Line tail = line({word(U"信息内容", 59, 99, 700), word(U"上一年项目数量", 297, 367, 700), word(U"本年增/减", 478, 522, 700),
                               word(U"处理决定数量", 540, 580, 700)});
  std::vector<pdf::Line> page2{
      line({word(U"行政许可", 59, 99, 32, 2), word(U"312", 320, 336, 32, 2), word(U"-7", 494, 504, 32, 2), word(U"10456", 545, 572, 32, 2)}),
      line({word(U"其他对外管理服务事项（含备", 59, 189, 50, 2), word(U"48", 322, 333, 50, 2), word(U"3", 497, 502, 50, 2),
            word(U"977", 550, 566, 50, 2)}),
      line({word(U"案）", 59, 79, 64, 2)}),
      line({word(U"第二十条第（六）项", 57, 165, 95, 2)}),
  };
  CHECK(pdf::continued_rows({tail}, page2) == 3);
}

TEST_CASE("pdf header spans: a review table's centred multi-level header") {
  // 15 value columns, 34 points apart, from x = 60.
  std::vector<double> edges;
  for (int j = 0; j <= 15; ++j) edges.push_back(60 + 34.0 * j);
  auto centre = [&](int a, int b) { return (edges[static_cast<std::size_t>(a)] + edges[static_cast<std::size_t>(b) + 1]) / 2; };
  std::vector<pdf::HeaderPiece> hs;
  // Top line: 行政复议 centred over columns 0-4, 行政诉讼 over 5-14; each overlaps only the
  // column(s) under its text.
  hs.push_back(piece(centre(0, 4) - 20, centre(0, 4) + 20, 617, 630, 2, 2));
  hs.push_back(piece(centre(5, 14) - 20, centre(5, 14) + 20, 617, 630, 9, 10));
  // Second line, under 行政诉讼: 未经复议直接起诉 over 5-9, 复议后起诉 over 10-14.
  hs.push_back(piece(centre(5, 9) - 40, centre(5, 9) + 40, 634, 647, 6, 8));
  hs.push_back(piece(centre(10, 14) - 25, centre(10, 14) + 25, 634, 647, 12, 12));
  // Leaves: one per column (结果维持 … 总计), set two lines high.
  for (int c = 0; c < 15; ++c) hs.push_back(piece(centre(c, c) - 15, centre(c, c) + 15, 651, 679, c, c));
  pdf::widen_header_spans(hs, edges);
  CHECK(hs[0].c0 == 0);
  CHECK(hs[0].c1 == 4);
  CHECK(hs[1].c0 == 5);
  CHECK(hs[1].c1 == 14);
  CHECK(hs[2].c0 == 5);
  CHECK(hs[2].c1 == 9);
  CHECK(hs[3].c0 == 10);
  CHECK(hs[3].c1 == 14);
  for (int c = 0; c < 15; ++c) {  // leaves head nothing: they keep their column
    CHECK(hs[static_cast<std::size_t>(c) + 4].c0 == c);
    CHECK(hs[static_cast<std::size_t>(c) + 4].c1 == c);
  }
}

TEST_CASE("pdf header spans: an applications header with equal columns") {
  // 自然人 | 法人或其他组织 (商业企业 … 其他) | 总计 under 申请人情况; 7 columns 40 points wide.
  std::vector<double> edges;
  for (int j = 0; j <= 7; ++j) edges.push_back(280 + 40.0 * j);
  std::vector<pdf::HeaderPiece> hs{
      piece(395, 445, 86, 99, 3, 3),     // 申请人情况, centred over all seven
      piece(385, 455, 104, 117, 2, 4),   // 法人或其他组织, centred over columns 1-5
      piece(285, 315, 113, 126, 0, 0),   // 自然人: a cell two rows high, its text level with both rows
      piece(525, 555, 113, 126, 6, 6),   // 总计: the same
  };
  for (int c = 1; c < 6; ++c) hs.push_back(piece(285 + 40.0 * c, 315 + 40.0 * c, 122, 135, c, c));
  pdf::widen_header_spans(hs, edges);
  CHECK(hs[0].c0 == 0);
  CHECK(hs[0].c1 == 6);
  CHECK(hs[1].c0 == 1);
  CHECK(hs[1].c1 == 5);
  CHECK(hs[2].c1 == 0);
  CHECK(hs[3].c0 == 6);
}

TEST_CASE("pdf header spans: what does not widen") {
  std::vector<double> edges;
  for (int j = 0; j <= 6; ++j) edges.push_back(100 + 40.0 * j);
  // A header text over leaves but set flush left over its columns (not centred): no group is
  // centred on it, so it keeps the columns it overlaps.
  std::vector<pdf::HeaderPiece> hs{piece(101, 141, 100, 113, 0, 0)};
  for (int c = 0; c < 6; ++c) hs.push_back(piece(105 + 40.0 * c, 135 + 40.0 * c, 120, 133, c, c));
  pdf::widen_header_spans(hs, edges);
  CHECK(hs[0].c0 == 0);
  CHECK(hs[0].c1 == 0);
  // Neighbours on one line delimit each other: a text centred over columns 1-4 between texts over
  // columns 0 and 5 takes all four, not just the two under its text.
  hs = {piece(190, 250, 100, 113, 2, 3), piece(105, 135, 101, 114, 0, 0), piece(305, 335, 101, 114, 5, 5)};
  for (int c = 1; c < 5; ++c) hs.push_back(piece(105 + 40.0 * c, 135 + 40.0 * c, 120, 133, c, c));
  pdf::widen_header_spans(hs, edges);
  CHECK(hs[0].c0 == 1);
  CHECK(hs[0].c1 == 4);
  CHECK(hs[1].c1 == 0);
  CHECK(hs[2].c0 == 5);
  // Unequal columns: the text is centred on columns 1-4 only. A header text beside it (set lower
  // than its line, so not its neighbour on the line, but level with it) keeps column 1.
  edges = {100, 130, 170, 220, 260, 310, 330};
  std::vector<pdf::HeaderPiece> leaves;
  for (int c = 0; c < 6; ++c) {
    const double mid = (edges[static_cast<std::size_t>(c)] + edges[static_cast<std::size_t>(c) + 1]) / 2;
    leaves.push_back(piece(mid - 10, mid + 10, 130, 143, c, c));
  }
  hs = leaves;
  hs.insert(hs.begin(), piece(200, 240, 100, 113, 2, 3));
  pdf::widen_header_spans(hs, edges);
  CHECK(hs[0].c0 == 1);
  CHECK(hs[0].c1 == 4);
  hs = leaves;
  hs.insert(hs.begin(), piece(200, 240, 100, 113, 2, 3));
  hs.push_back(piece(140, 160, 108, 121, 1, 1));  // overlaps the line by 5 of 13 points
  pdf::widen_header_spans(hs, edges);
  CHECK(hs[0].c0 == 2);
  CHECK(hs[0].c1 == 3);
  // Over the label area (c0 < 0): left alone.
  hs = {piece(20, 90, 100, 113, -1, -1)};
  pdf::widen_header_spans(hs, edges);
  CHECK(hs[0].c0 == -1);
}

TEST_CASE("pdf continues: unruled tables continue only when their value columns line up") {
  pdf::GeoTable upper, lower, other;
  upper.first_page = upper.last_page = 1;
  lower.first_page = lower.last_page = 2;
  other.first_page = other.last_page = 2;
  for (double y : {700.0, 720.0}) {
    upper.cells.push_back(cell(U"行政许可", 50, 280, y));
    upper.cells.push_back(cell(U"312", 280, 420, y));
    upper.cells.push_back(cell(U"-7", 420, 530, y));
  }
  lower.cells.push_back(cell(U"行政强制", 55, 285, 40));
  lower.cells.push_back(cell(U"19", 290, 410, 40));
  lower.cells.push_back(cell(U"/", 430, 525, 40));
  other.cells.push_back(cell(U"自然人", 55, 120, 40));
  for (int c = 0; c < 7; ++c) other.cells.push_back(cell(U"3", 120 + 60.0 * c, 180 + 60.0 * c, 60));
  CHECK(pdf::continues(upper, lower));
  CHECK_FALSE(pdf::continues(upper, other));  // columns elsewhere: another table
  lower.first_page = 3;
  CHECK_FALSE(pdf::continues(upper, lower));  // not the next page
}

namespace {

// One ruled row of label + two values, its cells from y0 to y0 + 18.
std::vector<pdf::GeoCell> ruled_row(const std::u32string& label, const std::u32string& a, const std::u32string& b, double y0) {
  return {cell(label, 50, 200, y0), cell(a, 200, 260, y0), cell(b, 260, 320, y0)};
}

pdf::GeoTable ruled_table(std::vector<std::vector<pdf::GeoCell>> rows, int page) {
  pdf::GeoTable t;
  t.ruled = true;
  t.closed_top = true;
  t.first_page = t.last_page = page;
  for (auto& r : rows)
    for (auto& c : r) t.cells.push_back(std::move(c));
  for (const auto& c : t.cells) t.box = t.box.united(c.rect);
  return t;
}

// The text of the cell of `t` at the top left corner (x0, y0), or "?".
std::string text_at(const pdf::GeoTable& t, double x0, double y0) {
  for (const auto& c : t.cells)
    if (std::abs(c.rect.x0 - x0) < 0.5 && std::abs(c.rect.y0 - y0) < 0.5) return u32_to_utf8(c.text);
  return "?";
}

}  // namespace

TEST_CASE("pdf join: a ruled row the page break cut in two is one row again") {
  // Page 2 ends with 2.重复申请 | 251 | 29; page 3 starts with the rest of that row: no label, the
  // last digit of its total (290 wrapped in a narrow column), then the next row.
  pdf::GeoTable upper = ruled_table({ruled_row(U"1.信访举报投诉类申请", U"7", U"11", 700), ruled_row(U"2.重复申请", U"251", U"29", 718)}, 2);
  pdf::GeoTable lower = ruled_table({ruled_row(U"", U"", U"0", 60), ruled_row(U"3.要求提供公开出版物", U"0", U"2", 78)}, 3);
  REQUIRE(pdf::continues(upper, lower));
  pdf::join_tables(upper, lower);
  CHECK(text_at(upper, 260, 718) == "290");
  CHECK(text_at(upper, 50, 718) == "2.重复申请");
  CHECK(upper.cells.size() == 9);  // three rows, the cut one counted once
  CHECK(text_at(upper, 50, 754) == "3.要求提供公开出版物");  // stacked right under the joined row

  // The rest of a wrapped label (no marker, no values) joins the label of the row above.
  upper = ruled_table({ruled_row(U"5.要求行政机关确认或重新出具已获取", U"3", U"8", 718)}, 2);
  lower = ruled_table({ruled_row(U"信息", U"", U"", 60), ruled_row(U"（六）其他处理", U"0", U"2", 78)}, 3);
  pdf::join_tables(upper, lower);
  CHECK(text_at(upper, 50, 718) == "5.要求行政机关确认或重新出具已获取信息");
  CHECK(upper.cells.size() == 6);

  // A row of its own (its label, its values) stays a row.
  upper = ruled_table({ruled_row(U"2.重复申请", U"251", U"29", 718)}, 2);
  lower = ruled_table({ruled_row(U"3.要求提供公开出版物", U"0", U"2", 60)}, 3);
  pdf::join_tables(upper, lower);
  CHECK(text_at(upper, 260, 718) == "29");
  CHECK(upper.cells.size() == 6);
}

TEST_CASE("pdf join: a row whose label and values both wrap over the page break is one row again") {
  // A narrow ruled table: 2.其他法律行政法规禁止公 | 13,32 | 1,70 on page 1, 开 | 1 | 7 on page 2.
  // The cut grouping (13,32) proves the values continue.
  pdf::GeoTable upper = ruled_table({ruled_row(U"2.其他法律行政法规禁止公", U"13,32", U"1,70", 718)}, 1);
  pdf::GeoTable lower = ruled_table({ruled_row(U"开", U"1", U"7", 60), ruled_row(U"3.危及“三安全一稳定”", U"4", U"5", 78)}, 2);
  pdf::join_tables(upper, lower);
  CHECK(text_at(upper, 50, 718) == "2.其他法律行政法规禁止公开");
  CHECK(text_at(upper, 200, 718) == "13,321");
  CHECK(text_at(upper, 260, 718) == "1,707");
  CHECK(upper.cells.size() == 6);

  // Without commas, a short tail of a numbered label with values is the same row.
  upper = ruled_table({ruled_row(U"3.危及“三安全一稳", U"61", U"15", 718)}, 1);
  lower = ruled_table({ruled_row(U"定”", U"7", U"4", 60)}, 2);
  pdf::join_tables(upper, lower);
  CHECK(text_at(upper, 50, 718) == "3.危及“三安全一稳定”");
  CHECK(text_at(upper, 200, 718) == "617");
  CHECK(upper.cells.size() == 3);

  // A total row under a numbered row, and a numbered row: rows of their own.
  upper = ruled_table({ruled_row(U"3.其他", U"61", U"15", 718)}, 1);
  lower = ruled_table({ruled_row(U"合计", U"7", U"4", 60)}, 2);
  pdf::join_tables(upper, lower);
  CHECK(text_at(upper, 200, 718) == "61");
  CHECK(upper.cells.size() == 6);
  upper = ruled_table({ruled_row(U"2.其他法律行政法规禁止公开", U"13", U"1", 718)}, 1);
  lower = ruled_table({ruled_row(U"3.危及", U"1", U"7", 60)}, 2);
  pdf::join_tables(upper, lower);
  CHECK(upper.cells.size() == 6);
}
