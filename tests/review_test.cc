#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include <unistd.h>

#include "cli/batch.h"
#include "cli/job.h"
#include "cli/manifest.h"
#include "cli/review.h"
#include "model/error.h"
#include "profiles/profile.h"
#include "renderers/pdf_crop.h"
#include "test_util.h"
#include "writers/html_escape.h"
#include "writers/review_index.h"
#include "writers/review_page.h"
#include "writers/review_svg.h"
#include "writers/xml_reader.h"

using namespace ogix;
namespace fs = std::filesystem;

namespace {

Document golden(const std::string& fixture) {
  return read_xml(test::slurp(test::source_path("fixtures/" + fixture + "/expected.xml")), fixture).doc;
}

ReviewPageOptions layouts_for(const Document& doc) {
  ReviewPageOptions o;
  if (const Profile* p = find_profile(doc.profile))
    for (const auto& t : p->tables) o.layouts.push_back(printed_layout(*p, t));
  return o;
}

std::size_t count(const std::string& hay, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

// The <td …> opening tag of one canonical cell in a page.
std::string cell_tag(const std::string& page, const std::string& key) {
  auto p = page.find("data-cell=\"" + key + "\"");
  if (p == std::string::npos) return {};
  auto start = page.rfind("<td", p);
  return page.substr(start, page.find('>', p) - start + 1);
}

}  // namespace

TEST_CASE("html_escape leaves no markup, url_path_escape no fragment or query") {
  CHECK(html_escape("<script>alert('x')</script> & \"q\"") ==
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
  CHECK(html_escape("淮安 2023") == "淮安 2023");
  CHECK(url_path_escape("reports/a b#1?.html") == "reports/a%20b%231%3F.html");
  CHECK(url_path_escape("报告") == "%E6%8A%A5%E5%91%8A");
}

TEST_CASE("parse_csv reads quoted fields, doubled quotes and both line ends") {
  auto rows = parse_csv("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\r\n\"multi\nline\",2,3\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[1] == std::vector<std::string>{"x, y", "say \"hi\"", ""});
  CHECK(rows[2] == std::vector<std::string>{"multi\nline", "2", "3"});
}

TEST_CASE("the printed layouts come from the profiles: groups, printed labels, table 四 in one row") {
  const Profile* p = find_profile("ogi-2021");
  REQUIRE(p);
  TableLayout apps = printed_layout(*p, *p->table("applications"));
  auto row = [&](const std::string& code) {
    for (const auto& r : apps.rows)
      if (r.code == code) return r;
    FAIL("no row " << code);
    return LayoutLine{};
  };
  CHECK(row("denied.state_secret").path ==
        std::vector<std::string>{"三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"});
  CHECK(row("new_received").path == std::vector<std::string>{"一、本年新收政府信息公开申请数量"});
  CHECK(row("other").extra);
  CHECK(apps.cols.size() == 8);
  CHECK(apps.cols.at(1).path == std::vector<std::string>{"申请人情况", "法人或其他组织", "商业企业"});
  CHECK_FALSE(apps.one_row);
  TableLayout review = printed_layout(*p, *p->table("review_litigation"));
  CHECK(review.one_row);
  CHECK(review.rows.at(1).path == std::vector<std::string>{"行政诉讼", "未经复议直接起诉"});
  CHECK(printed_layout(*p, *p->table("proactive")).cols.back().path == std::vector<std::string>{"本年收费金额（单位：万元）"});
  // Every row and column of every built-in profile has a label to print.
  for (const auto& prof : builtin_profiles())
    for (const auto& t : prof.tables) {
      TableLayout l = printed_layout(prof, t);
      for (const auto& x : l.rows) CHECK_MESSAGE(!x.path.empty(), prof.id << " " << x.code);
      for (const auto& x : l.cols) CHECK_MESSAGE(!x.path.empty(), prof.id << " " << x.code);
    }
  CHECK_THROWS_AS(parse_profile("profile x\ntable t\ncol a = A\ngroup-row nope = X\n"), std::invalid_argument);
  CHECK_THROWS_AS(parse_profile("profile x\ntable t\nprint-layout sideways\n"), std::invalid_argument);
}

TEST_CASE("hzq 2023: the two rule-4 failures outline their cells, with both sides") {
  Document doc = golden("pdf-hzq-2023");
  auto failing = failing_rule_cells(doc);
  std::vector<std::string> keys;
  for (const auto& [k, r] : failing) keys.push_back(k);
  for (const char* k : {"review_litigation/administrative_review/total", "review_litigation/administrative_review/upheld",
                        "review_litigation/litigation_after_review/total", "review_litigation/litigation_after_review/pending"})
    CHECK_MESSAGE(std::find(keys.begin(), keys.end(), k) != keys.end(), k);
  CHECK(keys.size() == 10);  // five cells of each failing row
  std::string page = review_page_html(doc, layouts_for(doc));
  std::string tag = cell_tag(page, "review_litigation/administrative_review/total");
  CHECK(tag.find("fail") != std::string::npos);
  CHECK(cell_tag(page, "review_litigation/litigation_direct/total").find("fail") == std::string::npos);
  CHECK(count(page, "<li data-rule=\"4\">") == 2);
  CHECK(page.find("0 ≠ 11") != std::string::npos);
  // Table 四 printed as one line of fifteen under the three-level header.
  CHECK(page.find(">行政诉讼</th>") != std::string::npos);
  CHECK(page.find("colspan=\"10\">行政诉讼") != std::string::npos);
  // The mixed layout's single 其他处理 row is shown, the three sub-rows marked missing.
  CHECK(cell_tag(page, "applications/other/natural_person").find("extra") != std::string::npos);
  CHECK(cell_tag(page, "applications/other.other/total").find("st-missing") != std::string::npos);
  CHECK(page.find("<script") == std::string::npos);
}

TEST_CASE("legacy 2016: a failing not-less rule (L7) outlines both of its cells") {
  Document doc = golden("html-legacy-nyn-2016");
  auto failing = failing_rule_cells(doc);
  std::vector<std::string> keys;
  for (const auto& [k, r] : failing) keys.push_back(k);
  CHECK(keys == std::vector<std::string>{"indicators/proactive_channel.website/cumulative",
                                         "indicators/proactive_channel.website/current",
                                         "indicators/proactive_total/cumulative", "indicators/proactive_total/current"});
  std::string page = review_page_html(doc, layouts_for(doc));
  CHECK(cell_tag(page, "indicators/proactive_total/cumulative").find("fail") != std::string::npos);
  CHECK(cell_tag(page, "indicators/proactive_total/current").find("fail") != std::string::npos);
}

TEST_CASE("extra rows are drawn where they stood in the source") {
  Document doc = golden("variant-2021-group-subtotals");
  std::string page = review_page_html(doc, layouts_for(doc));
  auto group = page.find("data-cell=\"applications/extra_1/c1\"");
  auto first_denied = page.find("data-cell=\"applications/denied.state_secret/natural_person\"");
  auto partial = page.find("data-cell=\"applications/partially_granted/natural_person\"");
  REQUIRE(group != std::string::npos);
  REQUIRE(first_denied != std::string::npos);
  CHECK(partial < group);
  CHECK(group < first_denied);
}

TEST_CASE("a table of an unknown profile is drawn as a plain grid with every cell") {
  Document doc = golden("html-pingtan-2019");
  doc.profile = "ogi-unknown";
  std::string page = review_page_html(doc, {});
  for (const auto& c : doc.cells)
    CHECK_MESSAGE(page.find("data-cell=\"" + c.table + "/" + c.row + "/" + c.col + "\"") != std::string::npos,
                  c.table << "/" << c.row << "/" << c.col);
}

TEST_CASE("HTML and text reports link each cell to its source cell, re-drawn with its path") {
  for (const char* f : {"html-pingtan-2020", "text-pingtan-2021"}) {
    Document doc = golden(f);
    std::string page = review_page_html(doc, layouts_for(doc));
    std::string tag = cell_tag(page, "applications/new_received/natural_person");
    CAPTURE(f);
    CHECK(tag.find("data-status=\"number\"") != std::string::npos);
    auto a = page.find("<a class=\"v\" href=\"#s-", page.find("data-cell=\"applications/new_received/natural_person\""));
    REQUIRE(a != std::string::npos);
    std::string id = page.substr(a + 20, page.find('"', a + 20) - a - 20);
    CHECK(count(page, "id=\"" + id + "\"") == 1);
  }
}

TEST_CASE("hostile text in a title, a cell, a finding and a source name shows as text") {
  Document doc = golden("html-pingtan-2019");
  const std::string evil = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>";
  doc.meta.title = evil;
  doc.meta.source = evil + ".html";
  doc.meta.agency = evil;
  for (auto& c : doc.cells)
    if (c.table == "applications" && c.row == "granted") c.status = CellStatus::text, c.raw = evil, c.value.clear();
  doc.findings.push_back({"cell.text", Severity::warning, evil, evil});
  doc.cells.push_back({"applications", "extra_9", "c1\"><script>x()</script>", CellStatus::text, "", evil, {}, true, evil, {}});
  std::string page = review_page_html(doc, layouts_for(doc));
  CHECK(page.find("<script") == std::string::npos);
  CHECK(page.find("<img src=x") == std::string::npos);
  CHECK(page.find("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;") != std::string::npos);
  ReviewIndexEntry e = review_entry(doc);
  e.page = "reports/" + evil + ".html";
  ReviewIndexEntry bad;
  bad.source = bad.path = evil;
  bad.error_code = "damaged";
  bad.message = evil;
  std::string index = review_index_html({e, bad});
  CHECK(count(index, "<script") == 1);  // only the index's own sorting script
  CHECK(index.find("<img src=x") == std::string::npos);
  CHECK(index.find("href=\"reports/%3Cscript%3E") != std::string::npos);
  CHECK(svg_bar_chart(evil, {{evil, 3, "x"}}).find("<script") == std::string::npos);
}

TEST_CASE("the index lists reports needing attention first, then the failed inputs' codes") {
  ReviewIndexEntry clean = review_entry(golden("html-shanghai-2019"));
  clean.page = "reports/a.html";
  ReviewIndexEntry hzq = review_entry(golden("pdf-hzq-2023"));
  hzq.page = "reports/hzq.html";
  CHECK(needs_attention(hzq));
  ReviewIndexEntry failed;
  failed.source = failed.path = "scan.pdf";
  failed.error_code = "no-text-layer";
  std::string index = review_index_html({clean, failed, hzq});
  CHECK(index.find("reports/hzq.html") < index.find("reports/a.html"));
  CHECK(index.find("<td class=\"code\">no-text-layer</td>") != std::string::npos);
  CHECK(index.find("<svg class=\"chart\"") != std::string::npos);
  CHECK(index.find("Content-Security-Policy\" content=\"script-src 'sha256-") != std::string::npos);
}

TEST_CASE("crops of a PDF report: regions planned from the model, rendered as PNG by poppler") {
  Document doc = golden("pdf-hzq-2023");
  auto crops = plan_crops(doc, "hzq");
  REQUIRE(crops.size() >= 3);
  std::set<std::string> tables;
  for (const auto& c : crops) {
    tables.insert(c.table);
    CHECK(c.x1 > c.x0);
    CHECK(c.y1 > c.y0);
    CHECK(c.page >= 1);
    CHECK(c.page <= doc.meta.pages);
  }
  CHECK(tables.size() == 3);
  CHECK(plan_crops(golden("html-pingtan-2020"), "x").empty());
  test::TempDir tmp("ogix-review-crop-test");
  const fs::path& dir = tmp.path;
  PdfCropRenderer r(test::slurp(test::source_path("fixtures/pdf-hzq-2023/input.pdf")), "input.pdf");
  const auto& c = crops.front();
  CropSize size = r.render(c.page, c.x0, c.y0, c.x1, c.y1, (dir / "a.png").string());
  CHECK(size.width > 100);
  CHECK(size.width <= 900);
  CHECK(size.height > 20);
  CHECK(test::slurp(dir / "a.png").substr(0, 8) == "\x89PNG\r\n\x1a\n");
  CHECK_THROWS_AS(r.render(99, 0, 0, 10, 10, (dir / "b.png").string()), Error);
  CHECK_FALSE(fs::exists(dir / "b.png"));
  CHECK_FALSE(fs::exists(dir / "b.png.tmp"));
  // A hostile region is capped, not allocated.
  CropSize big = r.render(1, 0, 0, 1e6, 1e6, (dir / "c.png").string());
  CHECK(static_cast<double>(big.width) * big.height <= 4.1e6);
  CHECK_THROWS_AS(PdfCropRenderer("not a pdf", "x.pdf"), Error);
}

TEST_CASE("ogix review on an output directory: pages, crops, failed inputs, a changed source said so") {
  test::TempDir tmp("ogix-review-test");
  const fs::path& root = tmp.path;
  fs::create_directories(root / "in");
  fs::copy_file(test::source_path("fixtures/pdf-hzq-2023/input.pdf"), root / "in" / "hzq.pdf");
  fs::copy_file(test::source_path("fixtures/html-pingtan-2020/input.html"), root / "in" / "pingtan.html");
  fs::copy_file(test::source_path("fixtures/bad/empty.txt"), root / "in" / "empty.txt");
  BatchOptions bo;
  bo.out_dir = (root / "out").string();
  bo.sync = false;
  std::vector<std::string> inputs{(root / "in" / "empty.txt").string(), (root / "in" / "hzq.pdf").string(),
                                  (root / "in" / "pingtan.html").string()};
  run_batch(inputs, bo);
  ReviewResult r = write_review({bo.out_dir, false});
  CHECK(r.reports == 2);
  CHECK(r.failed_inputs == 1);
  CHECK(r.crops >= 3);
  CHECK(r.notes.empty());
  std::string index = test::slurp(root / "out" / "review" / "index.html");
  CHECK(index.find("empty-input") != std::string::npos);
  CHECK(index.find("href=\"reports/hzq.html\"") != std::string::npos);
  std::string page = test::slurp(root / "out" / "review" / "reports" / "hzq.html");
  CHECK(page.find("<img src=\"img/hzq-applications-p") != std::string::npos);
  CHECK(page.find("href=\"#b-review_litigation/administrative_review/total") != std::string::npos);
  CHECK(fs::exists(root / "out" / "review" / "review.css"));
  for (const auto& e : fs::recursive_directory_iterator(root / "out" / "review"))
    CHECK_MESSAGE(e.path().string().find(".tmp") == std::string::npos, e.path());

  // The same bytes again: deterministic.
  write_review({bo.out_dir, false});
  CHECK(test::slurp(root / "out" / "review" / "reports" / "hzq.html") == page);

  // The source changed after conversion: no crop of a different file, a note instead.
  { std::ofstream(root / "in" / "hzq.pdf", std::ios::app) << "\n% appended\n"; }
  fs::remove_all(root / "out" / "review");
  r = write_review({bo.out_dir, false});
  CHECK(r.crops == 0);
  REQUIRE(r.notes.size() == 1);
  page = test::slurp(root / "out" / "review" / "reports" / "hzq.html");
  CHECK(page.find("<img") == std::string::npos);
  CHECK(page.find("is not the source this report was converted from") != std::string::npos);
  fs::remove(root / "in" / "hzq.pdf");
  r = write_review({bo.out_dir, false});
  CHECK(test::slurp(root / "out" / "review" / "reports" / "hzq.html").find("is not at") != std::string::npos);
  CHECK_THROWS_AS(write_review({(root / "nothing-here").string(), false}), Error);
}

TEST_CASE("every golden report draws a page with every cell once and no script, and a one-script index") {
  int checked = 0;
  std::vector<ReviewIndexEntry> entries;
  for (const auto& entry : fs::directory_iterator(test::source_path("fixtures"))) {
    auto xml_path = entry.path() / "expected.xml";
    if (!fs::exists(xml_path)) continue;
    Document doc = read_xml(test::slurp(xml_path), xml_path.string()).doc;
    CAPTURE(xml_path.string());
    ReviewPageOptions o = layouts_for(doc);
    o.crops = plan_crops(doc, "x");
    for (auto& c : o.crops) c.width = 400, c.height = 300;
    std::string page = review_page_html(doc, o);
    CHECK(page.find("<script") == std::string::npos);
    for (const auto& c : doc.cells)
      CHECK_MESSAGE(count(page, "data-cell=\"" + html_escape(c.table + "/" + c.row + "/" + c.col) + "\"") == 1,
                    c.table << "/" << c.row << "/" << c.col);
    entries.push_back(review_entry(doc));
    ++checked;
  }
  CHECK(checked >= 20);
  CHECK(count(review_index_html(entries), "<script") == 1);
}
