#include <doctest/doctest.h>

#include "profiles/profile.h"
#include "tests/test_util.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include "extractors/pdf_extractor.h"
#include "extractors/pdf_layout.h"
#include "extractors/pdf_pages.h"
#include "extractors/pdf_table.h"
#include "model/table_grid.h"
#include "text/unicode.h"

using namespace ogix;
using ogix::test::slurp;

namespace {

Document extract(const std::string& rel) {
  ExtractContext ctx;
  ctx.cues = builtin_cues();  // as the pipeline hands them down
  ctx.source = "input.pdf";
  return PdfExtractor{}.extract(slurp(rel), ctx);
}

ErrorCode error_of(const std::string& rel, OcrMode ocr = OcrMode::off) {
  ExtractContext ctx;
  ctx.cues = builtin_cues();  // as the pipeline hands them down
  ctx.source = "x.pdf";
  ctx.ocr.mode = ocr;
  try {
    PdfExtractor{}.extract(slurp(rel), ctx);
  } catch (const Error& e) {
    CHECK(e.source() == "x.pdf");
    return e.code();
  }
  FAIL("no error for " << rel);
  return ErrorCode::internal;
}

std::vector<const Table*> tables(const Document& d) {
  std::vector<const Table*> out;
  for (const auto& b : d.blocks)
    if (auto* t = std::get_if<Table>(&b)) out.push_back(t);
  return out;
}

bool has_paragraph(const Document& d, const std::string& text) {
  for (const auto& b : d.blocks)
    if (auto* p = std::get_if<Paragraph>(&b); p && normalize_text(p->text) == text) return true;
  return false;
}

bool has_finding(const Document& d, const std::string& code) {
  for (const auto& f : d.findings)
    if (f.code == code) return true;
  return false;
}

// The text of the row of `t` whose cells contain `label`, cells joined with '|'.
std::string row_with(const Table& t, const std::string& label) {
  for (const auto& c : t.cells) {
    if (normalize_text(c.text) != label) continue;
    std::string out;
    for (const auto& d : t.cells)
      if (d.row == c.row) out += normalize_text(d.text) + "|";
    return out;
  }
  return "";
}

}  // namespace

TEST_CASE("pdf layout helpers: page numbers, values, markers, line joins") {
  using pdf::is_page_number;
  CHECK(is_page_number(U"-3-"));
  CHECK(is_page_number(U"— 4 —"));
  CHECK(is_page_number(U"第 3 页"));
  CHECK(is_page_number(U"第3页 共5页"));
  CHECK(is_page_number(U"3/5"));
  CHECK(is_page_number(U"12"));
  CHECK_FALSE(is_page_number(U"2023 年"));
  CHECK_FALSE(is_page_number(U"第二十条第（一）项"));
  CHECK(pdf::is_value_token(U"1,234"));
  CHECK(pdf::is_value_token(U"96171.6"));
  CHECK(pdf::is_value_token(U"-185"));
  CHECK(pdf::is_value_token(U"/"));
  CHECK(pdf::is_value_token(U"无"));
  CHECK_FALSE(pdf::is_value_token(U"2.重复申请"));
  CHECK(pdf::starts_with_marker(U"（三）不予公开"));
  CHECK(pdf::starts_with_marker(U"三、本年度办理结果"));
  CHECK(pdf::starts_with_marker(U"2.其他法律行政法规禁止公开"));
  CHECK_FALSE(pdf::starts_with_marker(U"1.5"));
  CHECK_FALSE(pdf::starts_with_marker(U"予公开"));
  // Chinese wraps without a space, a wrapped number is one number, Latin words keep their space.
  CHECK(u32_to_utf8(pdf::join_lines({U"（二）部分公开（区分处理的，", U"只计这一情形）"})) == "（二）部分公开（区分处理的，只计这一情形）");
  CHECK(u32_to_utf8(pdf::join_lines({U"29", U"0"})) == "290");
  CHECK(u32_to_utf8(pdf::join_lines({U"open government", U"information"})) == "open government information");
}

TEST_CASE("pdf frame: sideways pages turn upright and back") {
  for (int q = 0; q < 4; ++q) {
    pdf::Frame f;
    f.quarter_turns = q;
    f.width = 595, f.height = 842;
    pdf::Rect r{100, 200, 150, 260};
    pdf::Rect l = f.to_layout(r), back = f.to_page(l);
    CHECK(back.x0 == doctest::Approx(r.x0));
    CHECK(back.y1 == doctest::Approx(r.y1));
    CHECK(l.x1 <= f.layout_width());
    CHECK(l.y1 <= f.layout_height());
  }
}

TEST_CASE("pdf rulings: the drawn table borders of a WPS page") {
  std::string bytes = slurp("fixtures/pdf-hzq-2023/input.pdf");
  PdfReader reader(bytes);
  REQUIRE(reader.status() == PdfReader::Status::ok);
  CHECK(reader.pages() == 5);
  const auto rs = reader.read_page(2).rulings;  // page 3: table 三
  int h = 0, v = 0;
  for (const auto& r : rs) (r.horizontal ? h : v)++;
  CHECK(h >= 15);
  CHECK(v >= 10);
  // Same space as the text: the table's left border near x = 77, inside the A4 page.
  bool left = false;
  for (const auto& r : rs) left = left || (!r.horizontal && r.x0 > 76 && r.x0 < 78 && r.y1 > 700);
  CHECK(left);
  // The cap on rulings keeps the first ones drawn and still reads the whole text.
  const PdfPage capped = reader.read_page(2, 5);
  CHECK(capped.rulings.size() == 5);
  CHECK(capped.boxes.size() == reader.read_page(2).boxes.size());
  CHECK(PdfReader("%PDF-1.4 junk").status() == PdfReader::Status::damaged);
  CHECK(PdfReader("%PDF-1.4 junk").read_page(0).readable == false);
  CHECK(reader.read_page(5).readable == false);
}

namespace {

std::u32string u32_of(const poppler::ustring& u) {
  auto bytes = u.to_utf8();
  return utf8_to_u32(std::string_view(bytes.data(), bytes.size()));
}

// Compares the reader's text boxes of every page of `path` with poppler-cpp's text_list(), box by
// box: same text, same box and character boxes (bit for bit), rotation, writing mode, font size
// and space mark. Returns the number of boxes compared.
std::size_t compare_with_text_list(const std::string& path) {
  const std::string bytes = slurp(path);
  std::unique_ptr<poppler::document> pd(poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  PdfReader reader(bytes);
  if (!pd || pd->is_locked()) {
    CHECK(reader.status() != PdfReader::Status::ok);
    return 0;
  }
  REQUIRE(reader.status() == PdfReader::Status::ok);
  REQUIRE(reader.pages() == pd->pages());
  auto title = pd->info_key("Title").to_utf8();
  CHECK(reader.info_title() == std::string(title.data(), title.size()));
  std::size_t compared = 0;
  for (int i = 0; i < pd->pages(); ++i) {
    std::unique_ptr<poppler::page> pg(pd->create_page(i));
    const PdfPage mine = reader.read_page(i);
    REQUIRE(mine.readable == (pg != nullptr));
    if (!pg) continue;
    const poppler::rectf pr = pg->page_rect();
    CHECK(mine.width == pr.width());
    CHECK(mine.height == pr.height());
    const auto theirs = pg->text_list(poppler::page::text_list_include_font);
    REQUIRE(mine.boxes.size() == theirs.size());
    for (std::size_t k = 0; k < theirs.size(); ++k) {
      const auto& t = theirs[k];
      const auto& m = mine.boxes[k];
      INFO(path << " page " << i + 1 << " box " << k);
      REQUIRE(m.text == u32_of(t.text()));
      const poppler::rectf bb = t.bbox();
      CHECK(m.box.x0 == bb.x());
      CHECK(m.box.y0 == bb.y());
      CHECK(m.box.w() == bb.width());
      CHECK(m.box.h() == bb.height());
      CHECK(m.rotation == t.rotation());
      CHECK(m.vertical_font == (t.get_wmode() == poppler::text_box::vertical_wmode));
      CHECK(m.font_size == t.get_font_size());
      CHECK(m.space_after == t.has_space_after());
      REQUIRE(m.chars.size() == m.text.size());
      for (std::size_t c = 0; c < m.chars.size(); ++c) {
        const poppler::rectf cb = t.char_bbox(c);
        CHECK(m.chars[c].x0 == cb.x());
        CHECK(m.chars[c].y0 == cb.y());
        CHECK(m.chars[c].w() == cb.width());
        CHECK(m.chars[c].h() == cb.height());
      }
      ++compared;
    }
  }
  return compared;
}

void quiet_poppler(const std::string&, void*) {}

}  // namespace

TEST_CASE("pdf reader: one pass gives exactly poppler-cpp's text_list() boxes") {
  poppler::set_debug_error_function(quiet_poppler, nullptr);
  std::vector<std::string> files;
  // Every PDF of the fixtures: rendered, real, rotated, and the bad corpus (damaged, scanned,
  // garbled, encrypted).
  for (const auto& e : std::filesystem::recursive_directory_iterator("fixtures")) {
    const auto name = e.path().string();
    if (e.is_regular_file() && name.size() > 4 && name.substr(name.size() - 4) == ".pdf") files.push_back(name);
  }
  std::sort(files.begin(), files.end());
  CHECK(files.size() >= 10);
  std::size_t boxes = 0;
  for (const auto& f : files) boxes += compare_with_text_list(f);
  CHECK(boxes > 1000);
}

TEST_CASE("pdf extractor: a real WPS report (hzq 2023)") {
  Document d = extract("fixtures/pdf-hzq-2023/input.pdf");
  CHECK(d.meta.pages == 5);
  CHECK(d.meta.extractor == "pdf");
  CHECK(d.meta.year == "2023");
  CHECK(has_paragraph(d, "一、总体情况"));
  CHECK(has_paragraph(d, "六、其他需要报告的事项"));
  CHECK(has_finding(d, "pdf.page_number_removed"));
  for (const auto& b : d.blocks)
    if (auto* p = std::get_if<Paragraph>(&b)) {
      CHECK(p->text.find("-3-") == std::string::npos);
      CHECK_FALSE(p->from.empty());
    }
  auto ts = tables(d);
  REQUIRE(ts.size() == 3);  // proactive (pp. 2-3 joined), applications (pp. 3-4 joined), review
  const Table& a = *ts[1];
  CHECK(check_grid(a));
  // The vertical label is one cell spanning every result row, across the page break.
  bool vertical = false;
  for (const auto& c : a.cells)
    if (normalize_text(c.text) == "三、本年度办理结果") vertical = c.row_span >= 20 && c.from.size() >= 2;
  CHECK(vertical);
  CHECK(row_with(a, "3.补正后申请内容仍不明确") == "3.补正后申请内容仍不明确|0|0|0|0|0|0|0|");
  CHECK(row_with(a, "（七）总计") == "（七）总计|21|0|0|0|0|0|21|");
  // Provenance: a value cell says where it was read.
  for (const auto& c : a.cells)
    if (c.text == "21") {
      REQUIRE_FALSE(c.from.empty());
      CHECK(c.from[0].page >= 3);
      CHECK(c.from[0].x1 > c.from[0].x0);
    }
  CHECK(ts[2]->cols == 15);
}

TEST_CASE("pdf extractor: a real WPS report (huaian 2024)") {
  Document d = extract("fixtures/pdf-huaian-2024/input.pdf");
  auto ts = tables(d);
  REQUIRE(ts.size() == 3);
  CHECK(row_with(*ts[0], "行政处罚") == "行政处罚|3985758|");
  CHECK(row_with(*ts[0], "行政事业性收费") == "行政事业性收费|96171.6|");
  // The group label cut by the page break ("（四）无" / "法提供") is one cell again.
  bool joined = false;
  for (const auto& c : ts[1]->cells) joined = joined || (normalize_text(c.text) == "（四）无法提供" && c.row_span == 3);
  CHECK(joined);
  CHECK(row_with(*ts[1], "3、其他") == "3、其他|108|2|0|0|0|0|110|");
}

TEST_CASE("pdf extractor: rendered ruled ogi-2021 fixture (page-break join, repeated header, wrapped total)") {
  Document d = extract("fixtures/pdf-ruled-2021/input.pdf");
  auto ts = tables(d);
  REQUIRE(ts.size() == 3);
  CHECK(normalize_text(cell_at(*ts[0], 0, 0)->text) == "第二十条第（一）项");  // the row cut off on page 1
  const Table& a = *ts[1];
  CHECK(row_with(a, "2.重复申请") == "2.重复申请|251|39|0|0|0|0|290|");
  int headers = 0;
  for (const auto& c : a.cells) headers += normalize_text(c.text) == "申请人情况" ? 1 : 0;
  CHECK(headers == 1);  // the header repeated on the next page was dropped
  bool dropped = false;
  for (const auto& f : d.findings) dropped = dropped || (f.code == "pdf.table_joined" && f.message.find("repeated header") != std::string::npos);
  CHECK(dropped);
}

TEST_CASE("pdf extractor: rendered unruled ogi-2019 fixture (grid from alignment)") {
  Document d = extract("fixtures/pdf-unruled-2019/input.pdf");
  CHECK(has_finding(d, "pdf.unruled_table"));
  const Table* apps = nullptr;
  for (auto* t : tables(d))
    if (!row_with(*t, "（七）总计").empty()) apps = t;
  REQUIRE(apps != nullptr);
  CHECK(check_grid(*apps));
  CHECK(row_with(*apps, "（七）总计") == "（七）总计|155|58|25|14|14|10|276|");
  bool group = false, vertical = false;
  for (const auto& c : apps->cells) {
    group = group || (normalize_text(c.text) == "（三）不予公开" && c.row_span == 8);
    vertical = vertical || (normalize_text(c.text) == "三、本年度办理结果" && c.row_span == 20);
  }
  CHECK(group);
  CHECK(vertical);
}

namespace {

// The cell of `t` whose text is `text` (the first one), or nullptr.
const Cell* find_cell(const Table& t, const std::string& text) {
  for (const auto& c : t.cells)
    if (normalize_text(c.text) == text) return &c;
  return nullptr;
}

// The table of `d` holding a cell with text `text`, or nullptr.
const Table* table_with(const Document& d, const std::string& text) {
  for (auto* t : tables(d))
    if (find_cell(*t, text)) return t;
  return nullptr;
}

// The unruled table split by a page break: its header ends page 1, its only row starts page 2.
void check_split_procurement_table(const Document& d) {
  const Table* t = table_with(d, "政府集中采购");
  REQUIRE(t != nullptr);
  CHECK(check_grid(*t));
  CHECK(row_with(*t, "政府集中采购") == "政府集中采购|57|1864.35|");
  CHECK(row_with(*t, "信息内容") == "信息内容|采购项目数量|采购总金额|");
  const Cell* head = find_cell(*t, "采购总金额");
  const Cell* value = find_cell(*t, "1864.35");
  REQUIRE(head != nullptr);
  REQUIRE(value != nullptr);
  CHECK(head->col == value->col);
  // Each part keeps the page it was read on.
  REQUIRE(!head->from.empty());
  REQUIRE(!value->from.empty());
  CHECK(head->from[0].page == 1);
  CHECK(value->from[0].page == 2);
  CHECK(t->from.size() == 2);
  CHECK(has_finding(d, "pdf.rows_continued"));
  CHECK_FALSE(has_paragraph(d, "政府集中采购 57 1864.35"));
}

// The review table's centred three-level header: each group spans its columns.
void check_review_header(const Document& d) {
  const Table* t = table_with(d, "行政复议");
  REQUIRE(t != nullptr);
  CHECK(check_grid(*t));
  auto spans = [&](const std::string& text) {
    const Cell* c = find_cell(*t, text);
    return c ? c->col_span : 0;
  };
  CHECK(spans("行政复议") == 5);
  CHECK(spans("行政诉讼") == 10);
  CHECK(spans("未经复议直接起诉") == 5);
  CHECK(spans("复议后起诉") == 5);
  const Cell* review = find_cell(*t, "行政复议");
  const Cell* suit = find_cell(*t, "行政诉讼");
  const Cell* direct = find_cell(*t, "未经复议直接起诉");
  REQUIRE((review && suit && direct));
  CHECK(suit->col == review->col + 5);
  CHECK(direct->col == suit->col);
  CHECK(direct->row > suit->row);
  // Every one of the 15 values stands under exactly one leaf header and one group.
  int values = 0;
  for (const auto& c : t->cells) {
    if (c.header || c.text.empty()) continue;
    ++values;
    int groups = 0;
    for (const Cell* g : {review, suit})
      groups += c.col >= g->col && c.col < g->col + g->col_span ? 1 : 0;
    CHECK(groups == 1);
  }
  CHECK(values == 15);
  // The applications table's header: 申请人情况 over all seven columns, 法人或其他组织 over five.
  const Table* a = table_with(d, "申请人情况");
  REQUIRE(a != nullptr);
  const Cell* who = find_cell(*a, "申请人情况");
  const Cell* org = find_cell(*a, "法人或其他组织");
  REQUIRE((who && org));
  CHECK(who->col_span == 7);
  CHECK(org->col_span == 5);
  CHECK(org->col == who->col + 1);
}

}  // namespace

TEST_CASE("pdf extractor: an unruled table whose only row starts the next page") {
  Document d = extract("fixtures/pdf-unruled-2019/input.pdf");
  check_split_procurement_table(d);
  // The row's box is where it stands on page 2 (its top), not where it was stacked for reading.
  const Cell* value = find_cell(*table_with(d, "政府集中采购"), "1864.35");
  CHECK(value->from[0].y1 < 100);
  CHECK(value->from[0].y0 > 0);
}

TEST_CASE("pdf extractor: centred multi-level headers of unruled tables span their columns") {
  check_review_header(extract("fixtures/pdf-unruled-2019/input.pdf"));
}

TEST_CASE("pdf extractor: rotated pages (a /Rotate page and a page drawn sideways)") {
  // pdf-ruled-2021 with page 2 turned by /Rotate 90 and page 3 drawn turned by 270°.
  Document d = extract("fixtures/pdf-rotated-2021/input.pdf");
  auto ts = tables(d);
  REQUIRE(ts.size() == 3);
  int rotated = 0;
  for (const auto& f : d.findings) rotated += f.code == "pdf.rotated_page" ? 1 : 0;
  CHECK(rotated == 2);
  // The applications table runs from page 1 over both rotated pages and is joined into one grid.
  const Table& a = *ts[1];
  CHECK(check_grid(a));
  CHECK(row_with(a, "2.重复申请") == "2.重复申请|251|39|0|0|0|0|290|");
  int headers = 0;
  for (const auto& c : a.cells) headers += normalize_text(c.text) == "申请人情况" ? 1 : 0;
  CHECK(headers == 1);
  // Provenance stays on the page it was read from, inside that page.
  std::set<int> pages;
  for (const auto& c : a.cells)
    for (const auto& s : c.from) {
      pages.insert(s.page);
      CHECK(s.x0 >= 0);
      CHECK(s.y0 >= 0);
      CHECK(s.x1 <= 842);
      CHECK(s.y1 <= 842);
    }
  CHECK(pages.size() >= 2);
  CHECK(has_paragraph(d, "五、存在的主要问题及改进情况"));

  // pdf-unruled-2019 with page 2 drawn sideways: the row continued from page 1 is still found,
  // and the headers still span their columns.
  Document u = extract("fixtures/pdf-rotated-2019/input.pdf");
  check_split_procurement_table(u);
  check_review_header(u);
}

TEST_CASE("pdf extractor: page breaks inside tables (a ruled row cut in two, an unruled header cut)") {
  // Ruled: row 2.重复申请 ends page 2 with `29`; page 3 repeats the header, then `0` alone.
  Document r = extract("fixtures/pdf-ruled-rowsplit-2021/input.pdf");
  const Table* apps = table_with(r, "2.重复申请");
  REQUIRE(apps != nullptr);
  CHECK(check_grid(*apps));
  CHECK(row_with(*apps, "2.重复申请") == "2.重复申请|251|39|0|0|0|0|290|");
  CHECK(row_with(*apps, "3.要求提供公开出版物").rfind("3.要求提供公开出版物|", 0) == 0);
  const Cell* total = find_cell(*apps, "290");
  REQUIRE(total != nullptr);
  std::set<int> pages;
  for (const auto& s : total->from) pages.insert(s.page);
  CHECK(pages == std::set<int>{2, 3});  // read on both pages
  for (const auto& c : apps->cells)  // no row of its own for the cut-off digit
    CHECK_FALSE((c.text == "0" && c.row == total->row + 1 && c.col == total->col));

  // Unruled: the review table's header starts on page 2, its leaf headers and row are on page 3.
  Document u = extract("fixtures/pdf-unruled-headsplit-2019/input.pdf");
  check_review_header(u);
  CHECK(has_finding(u, "pdf.rows_continued"));
}

namespace {

// A GeoCell of a hand-made table (layout points; no provenance needed by to_table).
pdf::GeoCell geo(double x0, double y0, double x1, double y1, const std::u32string& text) {
  pdf::GeoCell c;
  c.rect = pdf::Rect{x0, y0, x1, y1};
  c.text = text;
  return c;
}

}  // namespace

TEST_CASE("pdf tables: a header drawn as a table of its own over the body's table") {
  // The body: a label column [0,100] and value columns [100,150] [150,200]; a blank in the first
  // value column of row 1 (so a shift would move 7 under 自然人).
  auto body = [](pdf::GeoTable& g) {
    g.cells.push_back(geo(0, 20, 100, 30, U"一、本年新收"));
    g.cells.push_back(geo(100, 20, 150, 30, U""));
    g.cells.push_back(geo(150, 20, 200, 30, U"7"));
    g.cells.push_back(geo(0, 30, 100, 40, U"二、上年结转"));
    g.cells.push_back(geo(100, 30, 150, 40, U"3"));
    g.cells.push_back(geo(150, 30, 200, 40, U"4"));
  };
  SUBCASE("as many value columns: the header's borders move onto the body's, in order") {
    pdf::GeoTable g;
    g.ruled = true;
    g.cells.push_back(geo(0, 0, 112, 20, U"项目"));  // the header laid out wider in its label area
    g.cells.push_back(geo(112, 0, 163, 20, U"自然人"));
    g.cells.push_back(geo(163, 0, 200, 20, U"总计"));
    body(g);
    Table t = pdf::to_table(g, "t1", Limits{}, "x.pdf");
    CHECK(t.cols == 3);
    CHECK(check_grid(t));
    REQUIRE(cell_at(t, 0, 1) != nullptr);
    CHECK(cell_at(t, 0, 1)->text == "自然人");
    CHECK(cell_at(t, 0, 2)->text == "总计");
    CHECK(cell_at(t, 1, 1)->text.empty());  // the blank stays under 自然人 …
    CHECK(cell_at(t, 1, 2)->text == "7");   // … and 7 under 总计
    for (const auto& c : t.cells) CHECK_FALSE(c.displaced);
  }
  SUBCASE("an empty first body row is the body's, not the header's") {
    pdf::GeoTable g;
    g.ruled = true;
    g.cells.push_back(geo(0, 0, 112, 10, U"项目"));
    g.cells.push_back(geo(112, 0, 163, 10, U"自然人"));
    g.cells.push_back(geo(163, 0, 200, 10, U"总计"));
    g.cells.push_back(geo(0, 10, 100, 20, U""));
    g.cells.push_back(geo(100, 10, 150, 20, U""));
    g.cells.push_back(geo(150, 10, 200, 20, U""));
    body(g);
    Table t = pdf::to_table(g, "t1", Limits{}, "x.pdf");
    CHECK(t.cols == 3);
    REQUIRE(cell_at(t, 0, 2) != nullptr);
    CHECK(cell_at(t, 0, 2)->text == "总计");
    CHECK(cell_at(t, 2, 2)->text == "7");
  }
  SUBCASE("value columns that do not pair up: the header cells are displaced, nothing is guessed") {
    pdf::GeoTable g;
    g.ruled = true;
    g.cells.push_back(geo(0, 0, 112, 20, U"项目"));
    g.cells.push_back(geo(112, 0, 140, 20, U"自然人"));
    g.cells.push_back(geo(140, 0, 170, 20, U"商业企业"));
    g.cells.push_back(geo(170, 0, 200, 20, U"总计"));
    body(g);
    Table t = pdf::to_table(g, "t1", Limits{}, "x.pdf");
    CHECK(check_grid(t));
    int displaced = 0;
    for (const auto& c : t.cells) {
      if (c.displaced) CHECK(c.header);
      displaced += c.displaced;
    }
    CHECK(displaced == 4);  // every header cell has a border the body lacks
  }
  SUBCASE("an unruled grid (columns from the values, no borders) is left as found") {
    pdf::GeoTable g;
    g.cells.push_back(geo(0, 0, 112, 20, U"项目"));
    g.cells.push_back(geo(112, 0, 163, 20, U"自然人"));
    g.cells.push_back(geo(163, 0, 200, 20, U"总计"));
    body(g);
    Table t = pdf::to_table(g, "t1", Limits{}, "x.pdf");
    CHECK(t.cols == 5);
    for (const auto& c : t.cells) CHECK_FALSE(c.displaced);
  }
  SUBCASE("one table whose header borders continue into the body is left as drawn") {
    pdf::GeoTable g;
    g.ruled = true;
    g.cells.push_back(geo(0, 0, 100, 20, U"项目"));
    g.cells.push_back(geo(100, 0, 200, 10, U"申请人情况"));
    g.cells.push_back(geo(100, 10, 150, 20, U"自然人"));
    g.cells.push_back(geo(150, 10, 200, 20, U"总计"));
    body(g);
    Table t = pdf::to_table(g, "t1", Limits{}, "x.pdf");
    CHECK(t.cols == 3);
    CHECK(cell_at(t, 0, 1)->col_span == 2);
    for (const auto& c : t.cells) CHECK_FALSE(c.displaced);
  }
}

TEST_CASE("pdf extractor: typed errors name the file") {
  CHECK(error_of("fixtures/bad/pdf-not-a-pdf.pdf") == ErrorCode::unsupported);
  CHECK(error_of("fixtures/bad/pdf-damaged.pdf") == ErrorCode::damaged);
  CHECK(error_of("fixtures/bad/pdf-encrypted.pdf") == ErrorCode::encrypted);
  CHECK(error_of("fixtures/bad/pdf-scan.pdf") == ErrorCode::no_text_layer);
  CHECK(error_of("fixtures/bad/pdf-garbled.pdf") == ErrorCode::garbled_text);
}
