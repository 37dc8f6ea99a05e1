// The HTML extractor on small pages written for these tests: content selection, paragraphs,
// Word noise, provenance, metadata, layout/nested/split tables, limits and not-a-report.
#include <doctest/doctest.h>

#include "profiles/profile.h"
#include "tests/test_util.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "extractors/html_extractor.h"
#include "model/error.h"
#include "model/table_grid.h"

using namespace ogix;
using ogix::test::slurp;

namespace {

Document run(const std::string& html, const Limits& limits = Limits{}) {
  ExtractContext ctx;
  ctx.cues = builtin_cues();  // as the pipeline hands them down
  ctx.source = "page.html";
  ctx.limits = limits;
  return HtmlExtractor{}.extract(html, ctx);
}

std::vector<std::string> paragraphs(const Document& d) {
  std::vector<std::string> out;
  for (const auto& b : d.blocks)
    if (auto* p = std::get_if<Paragraph>(&b)) out.push_back(p->text);
  return out;
}

std::vector<const Table*> tables(const Document& d) {
  std::vector<const Table*> out;
  for (const auto& b : d.blocks)
    if (auto* t = std::get_if<Table>(&b)) out.push_back(t);
  return out;
}

std::string all_text(const Document& d) {
  std::string s;
  for (const auto& b : d.blocks) {
    if (auto* p = std::get_if<Paragraph>(&b)) s += p->text + "\n";
    if (auto* t = std::get_if<Table>(&b))
      for (const auto& c : t->cells) s += c.text + "\n";
  }
  return s;
}

std::string text_at(const Table& t, int r, int c) {
  const Cell* cell = cell_at(t, r, c);
  return cell ? cell->text : "<none>";
}

// The six headings and a small applications table: enough report structure to be found.
const char* kReportBody = R"(
<p>示例县2022年政府信息公开工作年度报告</p>
<p>本报告依据《条例》编制。</p>
<p>一、总体情况</p><p>2022年，本县……</p>
<p>二、主动公开政府信息情况</p>
<p>三、收到和处理政府信息公开申请情况</p>
<table border="1">
<tr><td colspan="2" rowspan="2">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="2">申请人情况</td></tr>
<tr><td>自然人</td><td>总计</td></tr>
<tr><td colspan="2"><p>一、本年新收政府信息</p><p>公开申请数量</p></td><td><span>1</span><span>2</span></td><td>12</td></tr>
<tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td>&nbsp;</td><td>/</td></tr>
<tr><td>（二）部分公开</td><td><o:p>&nbsp;</o:p></td><td>0</td></tr>
</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<p>五、存在的主要问题及改进情况</p>
<p>六、其他需要报告的事项</p><p>无。</p>
)";

}  // namespace

TEST_CASE("html: the report body is found inside site chrome — no chrome text is emitted") {
  // The chrome carries class names that look like content (content, article) and the body a
  // meaningless one: the report's own structure must decide.
  std::string page = std::string(R"(<html><head><meta charset="utf-8"><title>年报_示例县人民政府</title></head><body>
<div class="content"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li></ul>
<p>当前位置：首页 &gt; 政务公开</p></div>
<div class="article"><p>热点新闻：全县召开大会</p><p>通知公告栏目持续更新</p></div>
<div class="x9"><div class="y">)") +
                     kReportBody + R"(</div></div>
<div class="content"><p>相关链接</p><a href="/a">上一篇：示例</a></div>
<div>版权所有：示例县人民政府 地址：示例路1号</div>
<script>document.write("一、总体情况")</script>
</body></html>)";
  Document d = run(page);
  auto ps = paragraphs(d);
  REQUIRE_FALSE(ps.empty());
  CHECK(ps.front() == "示例县2022年政府信息公开工作年度报告");
  CHECK(ps.back() == "无。");
  std::string text = all_text(d);
  for (const char* chrome : {"首页", "当前位置", "热点新闻", "通知公告", "相关链接", "上一篇", "版权所有", "document"})
    CHECK_MESSAGE(text.find(chrome) == std::string::npos, chrome);
  // Each heading is its own paragraph.
  for (const char* h : {"一、总体情况", "二、主动公开政府信息情况", "六、其他需要报告的事项"})
    CHECK(std::find(ps.begin(), ps.end(), h) != ps.end());
  REQUIRE(tables(d).size() == 1);
}

TEST_CASE("html: a fragment without chrome keeps every line — node paths name the source") {
  Document d = run(kReportBody);
  auto ps = paragraphs(d);
  CHECK(ps.size() == 10);
  const auto& first = std::get<Paragraph>(d.blocks.front());
  REQUIRE(first.from.size() == 1);
  CHECK(first.from[0].path == "/html/body/p[1]");
  const Table& t = *tables(d).at(0);
  CHECK(t.from.at(0).path == "/html/body/table[1]");
  const Cell* c = cell_at(t, 2, 2);
  REQUIRE(c != nullptr);
  CHECK(c->from.at(0).path == "/html/body/table[1]/tr[3]/td[2]");
}

TEST_CASE("html: cell text as a reader sees it — &nbsp — is blank — header rows flagged") {
  Document d = run(kReportBody);
  const Table& t = *tables(d).at(0);
  CHECK(check_grid(t));
  CHECK(t.rows == 5);
  CHECK(t.cols == 4);
  CHECK(text_at(t, 2, 0) == "一、本年新收政府信息公开申请数量");  // two <p> joined, no space
  CHECK(text_at(t, 2, 2) == "12");                                 // two spans
  CHECK(text_at(t, 3, 2) == "");                                   // &nbsp;
  CHECK(text_at(t, 4, 2) == "");                                   // Word's <o:p>&nbsp;</o:p>
  CHECK(text_at(t, 3, 3) == "/");                                  // kept, never 0
  CHECK(text_at(t, 4, 0) == "三、本年度办理结果");                 // rowspan group label
  CHECK(cell_at(t, 0, 0)->header);
  CHECK(cell_at(t, 1, 2)->header);
  CHECK_FALSE(cell_at(t, 2, 0)->header);
  CHECK_FALSE(t.ragged);
}

TEST_CASE("html: <br> lines are paragraphs — inline runs join — Word noise and hidden text vanish") {
  Document d = run(R"(<body>
<!--[if gte mso 9]><xml><w:WordDocument>一、总体情况</w:WordDocument></xml><![endif]-->
<p class=MsoNormal style="mso-line-height-rule:exactly"><span style="mso-spacerun:yes">  </span><span lang=EN-US>2019</span><span>年</span>
<span>报告</span><o:p></o:p></p>
<p>一、总体情况<br/>本年度，<b>各项</b>工作<br>
   稳步推进。</p>
<div style="display:none">隐藏文字</div>
<p><![if !supportLists]>1.<![endif]>第一条</p>
<p><!--[if gte vml 1]><v:shape><v:textbox>图形</v:textbox></v:shape><![endif]--><![if !vml]><img src="a.png"><![endif]>正文<o:p></o:p>续</p>
<table><tr><td>规章</td><td>1</td><td>2</td></tr><tr><td>自然人</td><td>3</td><td>4</td></tr></table>
</body>)");
  auto ps = paragraphs(d);
  REQUIRE(ps.size() >= 5);
  CHECK(ps[0] == "2019年报告");
  CHECK(ps[1] == "一、总体情况");
  CHECK(ps[2] == "本年度，各项工作");
  CHECK(ps[3] == "稳步推进。");
  std::string text = all_text(d);
  CHECK(text.find("隐藏") == std::string::npos);
  CHECK(text.find("WordDocument") == std::string::npos);
  CHECK(text.find("图形") == std::string::npos);
  CHECK(std::find(ps.begin(), ps.end(), "1.第一条") != ps.end());
  CHECK(std::find(ps.begin(), ps.end(), "正文续") != ps.end());
}

TEST_CASE("html: styles that hide an element, in any case and at any offset of a long Word style") {
  // The property names are found at every place of their 's' (is_invisible_element reads the
  // style eight bytes at a time): at the start, straddling a word, at the end, in capitals.
  const std::string pad = "mso-bidi-font-size:10.5pt;font-family:SimSun;";
  Document d = run("<body><p>一、总体情况</p><p>可见一</p>"
                   "<p style=\"DISPLAY: NONE\">隐藏甲</p>"
                   "<p style=\"" + pad + "display:none\">隐藏乙</p>"
                   "<p style=\"" + pad.substr(0, 5) + "Visibility:Hidden\">隐藏丙</p>"
                   "<p style=\"x;MSO-HIDE:ALL\">隐藏丁</p>"
                   "<p style=\"" + pad + pad + "mso-hide:all;" + pad + "\">隐藏戊</p>"
                   "<p style=\"" + pad + "display:block;visibility:visible\">可见二</p>"
                   "<p style=\"dis play:none\">可见三</p>"
                   "<table><tr><td style=\"" + pad + "display:none\">隐藏己</td><td>规章</td></tr>"
                   "<tr><td>1</td><td style=\"" + pad + "mso-hide:all\"><span>隐藏庚</span></td></tr></table>"
                   "</body>");
  std::string text = all_text(d);
  CHECK(text.find("可见一") != std::string::npos);
  CHECK(text.find("可见二") != std::string::npos);
  CHECK(text.find("可见三") != std::string::npos);  // not a property name: as before
  CHECK(text.find("规章") != std::string::npos);
  CHECK(text.find("隐藏") == std::string::npos);
}

TEST_CASE("html: a layout table around the report is read as flow — a nested data table is a table") {
  std::string page = std::string(R"(<body><table width="100%"><tr><td><a href="/">首页</a> <a href="/x">栏目</a></td></tr>
<tr><td class="main">)") + kReportBody + R"(</td></tr><tr><td><a href="/y">网站地图</a></td></tr></table></body>)";
  Document d = run(page);
  REQUIRE(tables(d).size() == 1);
  CHECK(tables(d)[0]->rows == 5);
  auto ps = paragraphs(d);
  CHECK(std::find(ps.begin(), ps.end(), "一、总体情况") != ps.end());
  CHECK(all_text(d).find("首页") == std::string::npos);
}

TEST_CASE("html: a small table nested in a data cell becomes that cell's text") {
  Document d = run(R"(<body><p>一、总体情况</p><p>二、主动公开政府信息情况</p>
<table><tr><td>信息内容</td><td>本年制发件数</td></tr>
<tr><td>规章</td><td><table><tr><td>3</td></tr></table></td></tr>
<tr><td>行政规范性文件</td><td>4</td></tr><tr><td>行政许可</td><td>5</td></tr></table></body>)");
  REQUIRE(tables(d).size() == 1);
  const Table& t = *tables(d)[0];
  CHECK(t.rows == 4);
  CHECK(text_at(t, 1, 1) == "3");
}

TEST_CASE("html: a header table and its body table are joined into one table") {
  Document d = run(R"(<body><p>二、主动公开政府信息情况</p>
<table><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr></table>
<p>&nbsp;</p>
<table><tr><td>规章</td><td>1</td><td>0</td><td>5</td></tr><tr><td>行政规范性文件</td><td>2</td><td>1</td><td>9</td></tr></table>
<p>三、收到和处理政府信息公开申请情况</p>
<table><tr><td>项目</td><td>自然人</td></tr><tr><td>（一）予以公开</td><td>3</td></tr></table>
</body>)");
  auto ts = tables(d);
  REQUIRE(ts.size() == 2);
  CHECK(ts[0]->rows == 3);
  CHECK(ts[0]->id == "t1");
  CHECK(ts[1]->id == "t2");
  CHECK(text_at(*ts[0], 2, 3) == "9");
  CHECK(ts[0]->from.size() == 2);
  CHECK(check_grid(*ts[0]));
}

TEST_CASE("html: metadata from meta tags and the page's own lines") {
  Document d = run(R"(<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="ArticleTitle" content="示例市生态环境局2021年政府信息公开工作年度报告">
<meta name="PubDate" content="2022-01-28 09:30"><meta name="Url" content="http://www.example.gov.cn/a/t1.html">
</head><body><div class="info">来源：示例市生态环境局 发布时间：2022-01-28</div><div id="zoom">)" +
                   std::string(kReportBody) + "</div></body></html>");
  CHECK(d.meta.extractor == "html");
  CHECK(d.meta.media_type == "text/html");
  CHECK(d.meta.title == "示例市生态环境局2021年政府信息公开工作年度报告");
  CHECK(d.meta.agency == "示例市生态环境局");
  CHECK(d.meta.year == "2021");
  CHECK(d.meta.publish_date == "2022-01-28");
  CHECK(d.meta.source_url == "http://www.example.gov.cn/a/t1.html");
  CHECK(d.meta.encoding == "UTF-8");
  CHECK(d.meta.encoding_basis == "http-equiv");

  Document f = run(std::string("<p>2019年上海市某局政府信息公开工作年度报告</p><p>发布日期：2020年1月31日</p>") + kReportBody);
  CHECK(f.meta.title == "2019年上海市某局政府信息公开工作年度报告");
  CHECK(f.meta.agency == "上海市某局");
  CHECK(f.meta.publish_date == "2020-01-31");
}

TEST_CASE("html: a page with no statistics table and no report heading is not a report") {
  std::string index = slurp(std::string(OGIX_SOURCE_DIR) + "/fixtures/bad/index-page.html");
  REQUIRE_FALSE(index.empty());
  try {
    ExtractContext ctx;
    ctx.cues = builtin_cues();  // as the pipeline hands them down
    ctx.source = "index-page.html";
    (void)HtmlExtractor{}.extract(index, ctx);
    FAIL("expected not_a_report");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::not_a_report);
    CHECK(e.source() == "index-page.html");
  }
  CHECK_THROWS_AS(run("<html><body><p>欢迎访问</p></body></html>"), Error);
  CHECK_THROWS_AS(run(""), Error);
}

TEST_CASE("html: nesting deeper than max_depth is limit_exceeded, not a stack overflow") {
  std::string deep = "<html><body><p>一、总体情况</p>";
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "x";
  try {
    (void)run(deep);
    FAIL("expected limit_exceeded");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::limit_exceeded);
  }
  Limits shallow;
  shallow.max_depth = 20;
  std::string mid = "<html><body><p>一、总体情况</p>";
  for (int i = 0; i < 30; ++i) mid += "<span>";
  CHECK_THROWS_AS(run(mid, shallow), Error);
  // Within the limit the page is read.
  std::string ok = "<html><body><p>一、总体情况</p>";
  for (int i = 0; i < 100; ++i) ok += "<span>";
  ok += "深处</body></html>";
  CHECK(all_text(run(ok)).find("深处") != std::string::npos);
}

TEST_CASE("html: a raised max_depth reads deep pages with the iterative walk") {
  Limits deep_ok;
  deep_ok.max_depth = 200000;
  std::string deep = "<html><body><p>一、总体情况</p>";
  for (int i = 0; i < 50000; ++i) deep += "<div>";
  deep += "最深处";
  Document d = run(deep, deep_ok);
  CHECK(all_text(d).find("最深处") != std::string::npos);
}

TEST_CASE("html: the synthetic agency page (GBK declared gb2312, chrome, split skewed table)") {
  std::string bytes = slurp(std::string(OGIX_SOURCE_DIR) + "/fixtures/html-2021-synthetic/input.html");
  REQUIRE_FALSE(bytes.empty());
  Document d = run(bytes);
  CHECK(d.meta.encoding == "GB18030");
  CHECK(d.meta.encoding_basis == "http-equiv");
  CHECK(d.meta.title == "示例市生态环境局2021年政府信息公开工作年度报告");
  CHECK(d.meta.publish_date == "2022-01-28");
  auto ps = paragraphs(d);
  REQUIRE(ps.size() > 3);
  CHECK(ps[0] == "示例市生态环境局");
  CHECK(ps.back() == "2022年1月28日");
  CHECK(std::find(ps.begin(), ps.end(), "1. 主动公开工作") != ps.end());
  std::string text = all_text(d);
  CHECK(text.find("朱镕基") != std::string::npos);
  for (const char* chrome : {"首页", "当前位置", "相关文章", "发布时间", "分享到", "上一篇", "主办单位", "订阅", "var title"})
    CHECK_MESSAGE(text.find(chrome) == std::string::npos, chrome);
  auto ts = tables(d);
  REQUIRE(ts.size() == 3);  // the applications table's two parts are joined
  CHECK(ts[1]->rows == 28);
  CHECK(ts[1]->cols == 11);
  CHECK(check_grid(*ts[1]));
  CHECK(text_at(*ts[1], 2, 4) == "商业企业");
  CHECK(text_at(*ts[1], 1, 3) == "自然人");
  bool joined = false;
  for (const auto& f : d.findings) joined = joined || f.code == "html.tables_joined";
  CHECK(joined);
}

TEST_CASE("html: heading links (a table of contents) are navigation — <a name> anchors are not links") {
  std::string page = std::string(R"(<body><div class="c"><ul>
<li><a href="#s1">一、总体情况</a></li><li><a href="#s2">二、主动公开政府信息情况</a></li></ul>
<p><a name="s1"></a>一、总体情况</p><p>正文。</p><p><a name="s2">二、主动公开政府信息情况</a></p>
<table><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>1</td></tr>
<tr><td>行政规范性文件</td><td>2</td></tr><tr><td>行政许可</td><td>3</td></tr></table>
<p>六、其他需要报告的事项</p></div></body>)");
  auto ps = paragraphs(run(page));
  CHECK(std::count(ps.begin(), ps.end(), "一、总体情况") == 1);
  CHECK(std::count(ps.begin(), ps.end(), "二、主动公开政府信息情况") == 1);
  CHECK(ps.front() == "一、总体情况");
}

TEST_CASE("html: a page of millions of tiny cells stops at a budget, not at the memory limit") {
  Limits small;
  small.max_table_cells = 10;  // budget: 40 paragraphs and cells
  std::string page = "<body><p>一、总体情况</p>";
  for (int i = 0; i < 50; ++i) page += "<p>第" + std::to_string(i) + "段</p>";
  try {
    (void)run(page, small);
    FAIL("expected limit_exceeded");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::limit_exceeded);
  }
}

TEST_CASE("html: a legacy indicator table with section wording in its labels and group rows is a data table") {
  // 主动公开政府信息数 holds the section wording 主动公开政府信息; 一、主动公开情况 is a numbered one:
  // with a grid of numbers beside them the table is data, not a layout wrapper.
  Document d = run(R"(<body><p>一、概述</p><p>附件</p><table border="1">
<tr><td>指标名称</td><td>计量单位</td><td>本年度</td><td>累计</td></tr>
<tr><td>一、主动公开情况</td><td></td><td></td><td></td></tr>
<tr><td>（一）主动公开政府信息数</td><td>条</td><td>143</td><td>900</td></tr>
<tr><td>三、依申请公开情况</td><td></td><td></td><td></td></tr>
<tr><td>（一）收到申请数</td><td>件</td><td>3</td><td>10</td></tr></table></body>)");
  REQUIRE(tables(d).size() == 1);
  const Table& t = *tables(d)[0];
  CHECK(t.rows == 5);
  CHECK(text_at(t, 2, 2) == "143");
  CHECK(text_at(t, 4, 3) == "10");
  // The same headings with no numbers beside them still lay out the page.
  Document w = run(R"(<body><table><tr><td>一、总体情况</td><td>本机关全年持续推进政务公开。</td></tr>
<tr><td>二、主动公开政府信息情况</td><td>详见下表。</td></tr></table></body>)");
  CHECK(tables(w).empty());
}
