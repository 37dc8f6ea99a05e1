// HTML table grids: span expansion (also from broken markup), header rows, Word colspan skew,
// phantom columns and the joining of split tables.
#include <doctest/doctest.h>

#include <libxml/HTMLparser.h>

#include <cstring>

#include "profiles/profile.h"
#include "extractors/html_table.h"
#include "extractors/html_text.h"
#include "model/error.h"

using namespace ogix;
using namespace ogix::html;

namespace {

// A source cell with provenance, as read_table_markup makes them.
SourceCell src(const char* text, int rs = 1, int cs = 1) {
  static int n = 0;
  return SourceCell{text, rs, cs, false, {Span{0, 0, 0, 0, 0, "/td[" + std::to_string(++n) + "]"}}};
}

std::string at(const Table& t, int r, int c) {
  const Cell* cell = cell_at(t, r, c);
  return cell ? cell->text : "<none>";
}

}  // namespace

TEST_CASE("html grid: rowspan and colspan expand into a grid with no holes or overlaps") {
  // The applications header: a corner cell over three rows, 申请人情况 over seven columns.
  std::vector<std::vector<SourceCell>> rows = {
      {src("corner", 3, 3), src("申请人情况", 1, 7)},
      {src("自然人", 2), src("法人或其他组织", 1, 5), src("总计", 2)},
      {src("商业企业"), src("科研机构"), src("社会公益组织"), src("法律服务机构"), src("其他")},
      {src("一、本年新收政府信息公开申请数量", 1, 3), src("1"), src("2"), src("3"), src("4"), src("5"), src("6"),
       src("21")},
  };
  Table t = grid_from_html_rows(rows, Limits{}, nullptr, "t");
  CHECK(check_grid(t));
  CHECK(t.rows == 4);
  CHECK(t.cols == 10);
  CHECK(at(t, 2, 1) == "corner");
  CHECK(at(t, 2, 3) == "自然人");
  CHECK(at(t, 2, 4) == "商业企业");
  CHECK(at(t, 1, 8) == "法人或其他组织");
  CHECK(at(t, 2, 9) == "总计");
  CHECK(at(t, 3, 3) == "1");
  CHECK(at(t, 3, 9) == "21");
  // Header rows are the three rows without numbers; the data row's label is not a header.
  CHECK(cell_at(t, 0, 0)->header);
  CHECK(cell_at(t, 2, 8)->header);
  CHECK_FALSE(cell_at(t, 3, 0)->header);
  CHECK_FALSE(cell_at(t, 3, 5)->header);
}

TEST_CASE("html grid: overlapping spans from broken markup never overwrite a placed cell") {
  std::vector<Finding> f;
  // Row 0's rowspan=3 in col 0 collides with row 1's colspan=3; row 2 is over-long.
  std::vector<std::vector<SourceCell>> rows = {
      {src("X", 3), src("Y"), src("Y2")},
      {src("Z", 2, 3)},
      {src("W"), src("V"), src("U"), src("T")},
  };
  Table t = grid_from_html_rows(rows, Limits{}, &f, "t");
  std::string why;
  CHECK_MESSAGE(check_grid(t, &why), why);
  CHECK(at(t, 2, 0) == "X");
  CHECK(at(t, 1, 1) == "Z");
  // Every source text is still somewhere in the grid.
  std::string all;
  for (const auto& c : t.cells) all += c.text + "|";
  for (const char* s : {"X", "Y", "Y2", "Z", "W", "V", "U", "T"}) CHECK(all.find(std::string(s) + "|") != std::string::npos);
}

TEST_CASE("html grid: oversized spans are capped to the table, not to 1000 columns") {
  std::vector<Finding> f;
  std::vector<std::vector<SourceCell>> rows = {
      {src("title", 1, 1000)},
      {src("a"), src("b"), src("c")},
      {src("label", 65534), src("1"), src("2")},
      {src("3"), src("4")},
  };
  Table t = grid_from_html_rows(rows, Limits{}, &f, "t");
  CHECK(check_grid(t));
  CHECK(t.cols == 3);
  CHECK(t.rows == 4);
  CHECK(cell_at(t, 0, 2)->text == "title");
  CHECK(cell_at(t, 3, 0)->text == "label");  // rowspan clamped to the last row
  CHECK(at(t, 3, 1) == "3");
  CHECK_FALSE(f.empty());
}

TEST_CASE("html grid: a hostile table still respects max_table_cells") {
  Limits lim;
  lim.max_table_cells = 50;
  std::vector<std::vector<SourceCell>> rows(20, std::vector<SourceCell>(5, src("1")));
  CHECK_THROWS_AS(grid_from_html_rows(rows, lim, nullptr, "t"), Error);
}

TEST_CASE("html grid: trailing columns in which no cell starts are removed, interior ones kept") {
  // Row 0 is two cells of colspan 3 although no row has more than two cells: the markup's
  // arithmetic makes six columns, but nothing starts after column 3.
  std::vector<std::vector<SourceCell>> rows = {
      {src("信息内容", 1, 3), src("本年新公开数量", 1, 3)},
      {src("规章"), src("13")},
      {src("a"), src("b"), src("c"), src("d")},
  };
  Table t = grid_from_html_rows(rows, Limits{}, nullptr, "t");
  CHECK(check_grid(t));
  CHECK(t.cols == 4);
  CHECK(at(t, 0, 3) == "本年新公开数量");
  CHECK(at(t, 2, 3) == "d");
}

TEST_CASE("html grid: Word-skewed value colspans are re-aligned under their header cells") {
  // shanghai 2019 第二十条第（五）项: header 上一年项目数量 | 本年增/减 (cs2) | 处理决定数量,
  // data 7 (cs2) | 8 | 9, while the first row keeps the table 5 columns wide.
  std::vector<Finding> f;
  std::vector<std::vector<SourceCell>> rows = {
      {src("信息内容"), src("本年新制作数量"), src("本年新公开数量", 1, 2), src("对外公开总数量")},
      {src("规章"), src("13"), src("13", 1, 2), src("524")},
      {src("第二十条第（五）项", 1, 5)},
      {src("信息内容"), src("上一年项目数量"), src("本年增/减", 1, 2), src("处理决定数量")},
      {src("行政许可"), src("7", 1, 2), src("8"), src("9")},
  };
  Table t = grid_from_html_rows(rows, Limits{}, &f, "t");
  CHECK(check_grid(t));
  CHECK(t.cols == 5);
  CHECK(at(t, 4, 1) == "7");
  CHECK(at(t, 4, 2) == "8");
  CHECK(at(t, 4, 3) == "8");
  CHECK(at(t, 4, 4) == "9");
  REQUIRE(f.size() == 1);
  CHECK(f[0].code == "html.table_realigned");
  // Rows that agree with their header are left alone.
  CHECK(at(t, 1, 1) == "13");
  CHECK(at(t, 1, 3) == "13");
}

TEST_CASE("html grid: a value row that cannot be matched to its header is left as the markup says") {
  std::vector<Finding> f;
  std::vector<std::vector<SourceCell>> rows = {
      {src("信息内容"), src("甲"), src("乙"), src("丙")},
      {src("行"), src("1", 1, 2), src("2")},  // three header cells over two values
  };
  Table t = grid_from_html_rows(rows, Limits{}, &f, "t");
  CHECK(check_grid(t));
  CHECK(at(t, 1, 2) == "1");
  CHECK(at(t, 1, 3) == "2");
  CHECK(f.empty());
}

TEST_CASE("html grid: header rows need text and no numbers — blank data rows are not headers") {
  Table t = grid_from_html_rows({{src("第二十条第（一）项", 1, 3)},
                                 {src("信息内容"), src("本年新制作数量"), src("对外公开总数量")},
                                 {src("规章"), src(""), src("")},
                                 {src("规范性文件"), src("/"), src("0")}},
                                Limits{}, nullptr, "t");
  CHECK(cell_at(t, 0, 0)->header);
  CHECK(cell_at(t, 1, 2)->header);
  CHECK_FALSE(cell_at(t, 2, 0)->header);
  CHECK_FALSE(cell_at(t, 3, 0)->header);
}

TEST_CASE("html tables: a body table continuing a header table is joined") {
  Table head = grid_from_html_rows({{src("信息内容"), src("本年制发件数"), src("本年废止件数")}}, Limits{}, nullptr, "a");
  Table body = grid_from_html_rows({{src("规章"), src("1"), src("0")}, {src("行政规范性文件"), src("3"), src("1")}},
                                   Limits{}, nullptr, "b");
  REQUIRE(join_continuation(head, body));
  CHECK(check_grid(head));
  CHECK(head.rows == 3);
  CHECK(at(head, 2, 0) == "行政规范性文件");
  CHECK(cell_at(head, 0, 1)->header);
}

TEST_CASE("html tables: a header repeated after a page break is dropped when joining") {
  auto part = [](const char* label, const char* v) {
    return grid_from_html_rows({{src("项目"), src("自然人"), src("总计")}, {src(label), src(v), src(v)}}, Limits{},
                               nullptr, "p");
  };
  Table a = part("（一）予以公开", "5");
  Table b = part("（二）部分公开", "2");
  REQUIRE(join_continuation(a, b));
  CHECK(a.rows == 3);
  CHECK(at(a, 2, 0) == "（二）部分公开");
  CHECK(check_grid(a));
}

TEST_CASE("html tables: different tables are not joined") {
  Table a = grid_from_html_rows({{src("信息内容"), src("本年制发件数")}, {src("规章"), src("1")}}, Limits{}, nullptr, "a");
  Table b = grid_from_html_rows({{src("行政复议"), src("行政诉讼")}, {src("1"), src("2")}}, Limits{}, nullptr, "b");
  CHECK_FALSE(join_continuation(a, b));
  Table c = grid_from_html_rows({{src("x"), src("1"), src("2")}}, Limits{}, nullptr, "c");
  CHECK_FALSE(join_continuation(a, c));  // different width
  CHECK(a.rows == 2);
}

TEST_CASE("html text: cell classes") {
  CHECK(classify_cell("12") == CellClass::number);
  CHECK(classify_cell(" -18 ") == CellClass::number);
  CHECK(classify_cell("1,234") == CellClass::number);
  CHECK(classify_cell("75394432.52元") == CellClass::number);
  CHECK(classify_cell("１２") == CellClass::number);
  CHECK(classify_cell("/") == CellClass::na);
  CHECK(classify_cell("—") == CellClass::na);
  CHECK(classify_cell("无") == CellClass::na);
  CHECK(classify_cell("\u00a0 ") == CellClass::empty);
  CHECK(classify_cell("规章") == CellClass::text);
  CHECK(classify_cell("12件以上") == CellClass::text);
}

TEST_CASE("html text: lines join as a reader sees them") {
  LineBuilder lb;
  lb.add("  本年新\n   制作数量 ");
  lb.add("\u00a0\u00a0(单位: 件)");
  CHECK(lb.take() == "本年新制作数量 (单位: 件)");
  CHECK(join_cell_lines({"本年新", "制作数量"}) == "本年新制作数量");
  CHECK(join_cell_lines({"73802895.90", "元"}) == "73802895.90元");
  CHECK(join_cell_lines({"12", "34"}) == "12 34");
}

TEST_CASE("html text: ASCII runs, spaces around them and the character counts") {
  LineBuilder lb;
  lb.add("  2019\n年 ");     // a space before Chinese after ASCII is kept, leading space is not
  lb.add("GB/T\x7F" "15834", true);  // DEL is invisible; link characters counted
  lb.add(" 中 文 ");
  CHECK(lb.chars() == 16);
  CHECK(lb.link_chars() == 9);
  CHECK(lb.take() == "2019 年 GB/T15834 中文");
  CHECK(lb.chars() == 0);
  lb.add("a\tb  c");
  lb.add("d");
  CHECK(lb.take() == "a b cd");
}

TEST_CASE("html text: report headings, years and dates") {
  CHECK(report_heading("一、总体情况", builtin_cues()) == 1);
  CHECK(report_heading("二、主动公开政府信息情况 ", builtin_cues()) == 2);
  CHECK(report_heading("三、收到和处理政府信息公开申请情况", builtin_cues()) == 3);
  CHECK(report_heading("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", builtin_cues()) == 4);
  CHECK(report_heading("五、政府信息公开工作存在的主要问题及改进情况", builtin_cues()) == 5);
  CHECK(report_heading("六、其他需要报告的事项", builtin_cues()) == 6);
  CHECK(report_heading("行政复议", builtin_cues()) == 0);  // a table label, not a heading
  CHECK(report_heading("（二）主动公开方面", builtin_cues()) == 0);
  CHECK(report_heading("三、本年度办理结果", builtin_cues()) == 0);
  CHECK(find_year("平潭综合实验区2019年度政府信息公开工作年度报告") == "2019");
  CHECK(find_date("时间：2020-01-20 15:22") == "2020-01-20");
  CHECK(find_date("发布日期：2020年1月31日") == "2020-01-31");
  CHECK(find_date("电话：0591-23165250") == "");
}

TEST_CASE("html grid: a header-only table is as wide as its spans, rowspans from above included") {
  // Table 三's header published alone: the corner holds columns 1–3 of rows 2 and 3, so row 3's
  // five cells start at column 5 and the table is 10 wide, not 7 (its busiest row's cell count + 2).
  std::vector<Finding> f;
  std::vector<std::vector<SourceCell>> rows = {
      {src("corner", 3, 3), src("申请人情况", 1, 7)},
      {src("自然人", 2, 1), src("法人或其他组织", 1, 5), src("总计", 2, 1)},
      {src("商业企业"), src("科研机构"), src("社会公益组织"), src("法律服务机构"), src("其他")},
  };
  Table t = grid_from_html_rows(rows, Limits{}, &f, "t");
  CHECK(check_grid(t));
  CHECK(t.cols == 10);
  CHECK(f.empty());
  CHECK(cell_at(t, 0, 3)->col_span == 7);
  CHECK(at(t, 2, 8) == "其他");
  CHECK(at(t, 1, 9) == "总计");
  for (const auto& c : t.cells) CHECK_FALSE(c.displaced);
}

TEST_CASE("html grid: a <colgroup> vouches for spans no row confirms") {
  // One header row of two cells: its spans alone cannot tell a 10-column header from broken markup.
  std::vector<std::vector<SourceCell>> rows = {{src("corner", 1, 3), src("申请人情况", 1, 7)}};
  std::vector<Finding> f;
  Table with = grid_from_html_rows(rows, Limits{}, &f, "t", 10);
  CHECK(with.cols == 10);  // and no trailing column trimmed: the colgroup declares them
  CHECK(cell_at(with, 0, 3)->col_span == 7);
  CHECK(f.empty());
  Table without = grid_from_html_rows(rows, Limits{}, &f, "t");
  CHECK(without.cols < 10);  // the spans clamped (a finding), as for any unvouched colspan
  CHECK_FALSE(f.empty());
}

TEST_CASE("html markup: <col> and <colgroup span> are counted") {
  const char* html = "<table><colgroup><col span=\"2\"><col></colgroup><colgroup span=\"4\"></colgroup>"
                     "<tr><td>a</td><td>b</td></tr><tr><td>1</td><td>2</td></tr></table>";
  xmlDocPtr doc = htmlReadMemory(html, static_cast<int>(strlen(html)), nullptr, "UTF-8",
                                 HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  REQUIRE(doc != nullptr);
  const xmlNode* table = nullptr;
  walk(
      xmlDocGetRootElement(doc),
      [&](const xmlNode* n) {
        if (table == nullptr && is_element(n, "table")) table = n;
        return table == nullptr;
      },
      [](const xmlNode*) {});
  REQUIRE(table != nullptr);
  NodePaths paths;
  TableMarkup m = read_table_markup(table, paths, builtin_cues());
  CHECK(m.colgroup_cols == 7);
  CHECK(m.rows.size() == 2);
  xmlFreeDoc(doc);
}

TEST_CASE("grid: a row under a rowspan is as wide as its cells plus the held columns") {
  // Row 2 needs 1 (held by A) + 1 + 2 columns; counting its own spans only gave 3 and cut D to 1.
  std::vector<std::vector<SourceCell>> rows = {{src("A", 2, 1), src("B")}, {src("C"), src("D", 1, 2)}};
  Table t = grid_from_rows(rows, Limits{}, nullptr);
  CHECK(t.cols == 4);
  CHECK(cell_at(t, 1, 2)->col_span == 2);
  CHECK(widest_row(rows, 1000) == 4);
  CHECK(held_columns(rows, 1000) == std::vector<long>{0, 1});
}

TEST_CASE("grid: the cells after one that had to lose columns are marked displaced") {
  // B's colspan 3 runs into the rowspan of X: it keeps one column, and C moves left of where the
  // markup puts it.
  std::vector<std::vector<SourceCell>> rows = {{src("L"), src("M"), src("X", 2, 1)},
                                               {src("B", 1, 3), src("C")}};
  std::vector<Finding> f;
  Table t = grid_from_rows(rows, Limits{}, &f);
  CHECK(check_grid(t));
  const Cell* c = nullptr;
  for (const auto& x : t.cells)
    if (x.text == "C") c = &x;
  REQUIRE(c != nullptr);
  CHECK(c->displaced);
  CHECK_FALSE(cell_at(t, 1, 0)->displaced);
}
