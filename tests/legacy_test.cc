// Legacy reports (2008–2018): the ogi-legacy profile, indicator tables by label and group,
// crawler-text splitting decided by evidence only, rules L1–L7, and profile none.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "cli/job.h"
#include "model/error.h"
#include "normalizers/indicator_table.h"
#include "profiles/profile.h"

using namespace ogix;

namespace {

const CanonicalCell* cell(const Document& d, const std::string& row, const std::string& col) {
  for (const auto& c : d.cells)
    if (c.table == "indicators" && c.row == row && c.col == col) return &c;
  return nullptr;
}

bool has_finding(const Document& d, const std::string& code) {
  return std::any_of(d.findings.begin(), d.findings.end(), [&](const Finding& f) { return f.code == code; });
}

const RuleOutcome* rule(const Document& d, const std::string& id, const std::string& scope) {
  for (const auto& r : d.rules)
    if (r.id == id && r.scope == scope) return &r;
  return nullptr;
}

// A crawler copy: title lines, then the report body with the table flattened at its end.
std::string crawl(const std::string& prose, const std::string& table) {
  return "示例局2016年度政府信息公开工作年度报告\n\n一、概述 " + prose +
         " 二、主动公开政府信息情况 略。 三、依申请公开政府信息情况 略。 四、存在的主要问题及改进措施 略。 附件 示例局政府信息公开情况统计表 " +
         table + "\n";
}

}  // namespace

TEST_CASE("ogi-legacy profile: detected by its table, rules L1-L7, money rows, stated phrases") {
  const Profile* p = find_profile("ogi-legacy");
  REQUIRE(p != nullptr);
  CHECK(p->detect == "indicator-table");
  CHECK(indicator_profile() == p);
  const ProfileTable* t = p->table("indicators");
  REQUIRE(t != nullptr);
  CHECK(is_label_header(*t, "指 标 名 称"));
  CHECK(is_unit_header(*t, "计量 单位"));
  REQUIRE(t->row("capacity.budget") != nullptr);
  CHECK(t->row("capacity.budget")->unit == "万元");
  CHECK_FALSE(t->row("proactive_total")->stated.empty());
  std::vector<std::string> ids;
  for (const auto& r : p->rules) ids.push_back(r.id);
  CHECK(ids.front() == "L1");
  CHECK(ids.back() == "L7");
  CHECK_THROWS_AS(parse_profile("profile x\ntable t\nrule X1 t parts a = b\n"), std::invalid_argument);
}

TEST_CASE("indicator labels: numbering, 其中 and a bracketed remark are no part of the label") {
  IndicatorLabel l = read_indicator_label("其中：1.政府网站公开数（不同渠道和方式公开相同信息计1条）");
  CHECK(l.key == "政府网站公开数");
  CHECK(l.level == 3);
  CHECK(l.number == 1);
  CHECK(read_indicator_label("（二）被依法纠错数").level == 2);
  CHECK(read_indicator_label("其中：涉及国家秘密").level == 4);
}

TEST_CASE("group context: 被依法纠错数 is review or litigation by the nearest group above") {
  const ProfileTable& t = *find_profile("ogi-legacy")->table("indicators");
  IndicatorOutline o(t);
  CHECK(o.place(read_indicator_label("四、行政复议数量"), true)->code == "review_total");
  CHECK(o.place(read_indicator_label("（二）被依法纠错数"), true)->code == "review.corrected");
  CHECK(o.place(read_indicator_label("五、行政诉讼数量"), true)->code == "litigation_total");
  CHECK(o.place(read_indicator_label("被依法纠错数"), true)->code == "litigation.corrected");  // unnumbered
  CHECK(o.place(read_indicator_label("接受行政诉讼、举报数"), true) == nullptr);  // a typo names nothing
  IndicatorOutline bare(t);
  CHECK(bare.place(read_indicator_label("被依法纠错数"), true) == nullptr);  // no group: not guessed
}

TEST_CASE("OCR'd labels: one misread character names the one indicator that close, only when asked") {
  const ProfileTable& t = *find_profile("ogi-legacy")->table("indicators");
  IndicatorOutline exact(t);
  CHECK(exact.place(read_indicator_label("（二）信国申请数"), true) == nullptr);  // text: never approximate
  IndicatorOutline o(t, true);
  const ProfileRow* r = o.place(read_indicator_label("（二）信国申请数"), true);  // 函 read as 国
  REQUIRE(r != nullptr);
  CHECK(r->code == "requests_channel.mail");
  CHECK(o.last_approximate());
  CHECK(o.place(read_indicator_label("（三）信函申请数"), true)->code == "requests_channel.mail");
  CHECK_FALSE(o.last_approximate());  // an exact name is no approximation
  CHECK(o.place(read_indicator_label("（四）信国申博数"), true) == nullptr);  // two edits in five characters
  CHECK_FALSE(o.last_approximate());
  CHECK(o.place(read_indicator_label("五、行政诉讼数量"), true)->code == "litigation_total");
  // The group still decides: 驭 for 驳, under 行政诉讼.
  CHECK(o.place(read_indicator_label("（一）维持具体行政行为或者驭回原告诉讼请求数"), true)->code == "litigation.upheld");
}

TEST_CASE("period columns by header: the report year, cumulative, other columns c<n>") {
  const ProfileTable& t = *find_profile("ogi-legacy")->table("indicators");
  CHECK(period_codes(t, {"2013年度", "历年累计"}, "2013") == std::vector<std::string>{"current", "cumulative"});
  CHECK(period_codes(t, {"2012年", "2013年"}, "2013") == std::vector<std::string>{"c1", "current"});
  CHECK(period_codes(t, {"年末统计"}, "2010") == std::vector<std::string>{"current"});
  CHECK(period_codes(t, {"本年", "总计"}, "") == std::vector<std::string>{"current", "cumulative"});
}

TEST_CASE("crawler text, run together: the prose's figure decides 740 = 74|0 although L7 then fails") {
  std::string table =
      "指标名称单位2016年历年累计主动公开文件数条740 其中：1.政府网站公开数条740 2.政府公报公开数条00"
      "受理政府信息公开申请总数条00";
  Document d = convert_bytes(crawl("我局2016年主动公开政府信息74条。", table), "a.txt", ConvertOptions{});
  CHECK(d.profile == "ogi-legacy");
  REQUIRE(cell(d, "proactive_total", "current") != nullptr);
  CHECK(cell(d, "proactive_total", "current")->value == "74");
  CHECK(cell(d, "proactive_total", "cumulative")->value == "0");
  // The website row is a part of the total: 7|40 would exceed it.
  CHECK(cell(d, "proactive_channel.website", "current")->value == "74");
  CHECK(cell(d, "proactive_total", "current")->unit == "条");
  REQUIRE(rule(d, "L7", "proactive_total") != nullptr);
  CHECK(rule(d, "L7", "proactive_total")->result == RuleResult::fail);
}

TEST_CASE("crawler text, run together: without a stated figure the split is not guessed") {
  std::string table = "指标名称单位2016年历年累计主动公开文件数条740 其中：1.政府网站公开数条740 2.政府公报公开数条00";
  Document d = convert_bytes(crawl("我局认真做好信息公开工作。", table), "a.txt", ConvertOptions{});
  REQUIRE(cell(d, "proactive_total", "current") != nullptr);
  CHECK(cell(d, "proactive_total", "current")->status == CellStatus::text);
  CHECK(cell(d, "proactive_total", "cumulative")->status == CellStatus::text);
  CHECK(has_finding(d, "text.ambiguous_run"));
  CHECK(cell(d, "proactive_channel.gazette", "current")->value == "0");
}

// The report's year heads the current column (crawl() writes a 2016 report).
TEST_CASE("crawler text, spaced: a token is a cell — a missing token is not split out of another") {
  std::string table =
      "指 标 名 称 计量 单位 2016年度 历年累计 主动公开信息数 条 20 其中：1.政府网站公开数 条 235 440 "
      "受理政府信息公开申请总数 条 25 - 对申请的答复总数 条 3 3";
  Document d = convert_bytes(crawl("略。", table), "a.txt", ConvertOptions{});
  REQUIRE(cell(d, "proactive_total", "current") != nullptr);
  CHECK(cell(d, "proactive_total", "current")->status == CellStatus::text);  // "20": 2|0 is no reading
  CHECK(cell(d, "proactive_channel.website", "cumulative")->value == "440");
  CHECK(cell(d, "requests_received", "current")->value == "25");
  CHECK(cell(d, "requests_received", "cumulative")->status == CellStatus::na);
  CHECK(cell(d, "replies_total", "current")->value == "3");
}

TEST_CASE("crawler text, spaced, no unit column: a unit against the digits is the cell's own (43160元 = 4.316 万元)") {
  std::string table =
      "指标名称 2013年度 主动公开政府信息数 358条 政府网站公开数 370 受理政府信息公开申请总数 19件 "
      "依申请公开信息收取的费用 43160元 政府信息公开收费减免金额 14032元 行政复议数 7 行政诉讼数 6件";
  Document d = convert_bytes(crawl("略。", table), "a.txt", ConvertOptions{});
  CHECK(d.profile == "ogi-legacy");
  REQUIRE(cell(d, "fees_collected", "current") != nullptr);
  CHECK(cell(d, "fees_collected", "current")->status == CellStatus::number);
  CHECK(cell(d, "fees_collected", "current")->value == "4.316");
  CHECK(cell(d, "fees_collected", "current")->unit == "万元");
  // The unit is no part of the next row's label: that row is found too.
  REQUIRE(cell(d, "fees_waived", "current") != nullptr);
  CHECK(cell(d, "fees_waived", "current")->value == "1.4032");
  CHECK(cell(d, "proactive_total", "current")->value == "358");
  CHECK(cell(d, "proactive_total", "current")->unit == "条");
  CHECK(cell(d, "requests_received", "current")->value == "19");
  CHECK(cell(d, "review_total", "current")->value == "7");
}

TEST_CASE("money cell with no unit anywhere: text with a finding, never a number in a guessed unit") {
  std::string html =
      "<html><head><meta charset='utf-8'><title>示例局2013年度政府信息公开工作年度报告</title></head><body>"
      "<p>一、概述</p><p>略。</p><p>附件</p><table>"
      "<tr><td>指标名称</td><td>2013年度</td></tr>"
      "<tr><td>主动公开政府信息数</td><td>35</td></tr>"
      "<tr><td>受理政府信息公开申请总数</td><td>3</td></tr>"
      "<tr><td>对申请的答复总数</td><td>3</td></tr>"
      "<tr><td>依申请公开信息收取的费用</td><td>43160</td></tr>"
      "<tr><td>政府信息公开收费减免金额</td><td>12元</td></tr>"
      "<tr><td>行政复议数</td><td>2件</td></tr>"
      "<tr><td>行政诉讼数</td><td>1万元</td></tr>"
      "</table></body></html>";
  Document d = convert_bytes(html, "a.html", ConvertOptions{});
  CHECK(d.profile == "ogi-legacy");
  REQUIRE(cell(d, "fees_collected", "current") != nullptr);
  CHECK(cell(d, "fees_collected", "current")->status == CellStatus::text);
  CHECK(cell(d, "fees_collected", "current")->value.empty());
  CHECK(has_finding(d, "unit.unknown"));
  CHECK(cell(d, "fees_waived", "current")->value == "0.0012");
  CHECK(cell(d, "review_total", "current")->value == "2");
  // A money unit on a count row contradicts the row: not decided, text.
  CHECK(cell(d, "litigation_total", "current")->status == CellStatus::text);
}

TEST_CASE("Word-copy text: a group row merged across the table (no tab) stays in the indicator table") {
  std::string text =
      "示例县交通局2015年政府信息公开工作年度报告\n\n一、概述\n略。\n\n二、主动公开政府信息情况\n略。\n\n附件\n\n"
      "示例县交通局2015年度政府信息公开工作统计数据\n\n"
      "指标\t计量单位\t数量\t累计\n"
      "一、主动公开情况\n"
      "（一）主动公开政府信息数\n"  // a label wrapped below a group row: two tab-less lines
      "（不同渠道和方式公开相同信息计1条）\t条\t11,137\t66,725\n"
      "其中：主动公开规范性文件数\t条\t961\t961\n"
      "二、依申请公开情况\n"
      "（一）受理政府信息公开申请总数\t件\t5\t9\n";
  Document d = convert_bytes(text, "a.txt", ConvertOptions{});
  CHECK(d.profile == "ogi-legacy");
  REQUIRE(cell(d, "proactive_total", "current") != nullptr);
  CHECK(cell(d, "proactive_total", "current")->value == "11137");
  CHECK(cell(d, "proactive_total", "cumulative")->value == "66725");
  CHECK(cell(d, "requests_received", "cumulative")->value == "9");
  CHECK(std::none_of(d.cells.begin(), d.cells.end(), [](const CanonicalCell& c) { return c.col == "c1" || c.col == "c2"; }));
}

TEST_CASE("indicator table as HTML: a row whose only value cell is blank is that indicator, not a wrapped label") {
  std::string html =
      "<html><head><meta charset='utf-8'><title>示例局2015年度政府信息公开工作年度报告</title></head><body>"
      "<p>一、概述</p><p>略。</p><p>附件</p><table>"
      "<tr><td>指标名称</td><td>2015年度</td></tr>"
      "<tr><td>对申请的答复总数</td><td>9</td></tr>"
      "<tr><td>不予公开答复数</td><td>9</td></tr>"
      "<tr><td>其中：涉及国家秘密</td><td>&nbsp;</td></tr>"
      "<tr><td>涉及商业秘密</td><td>0</td></tr>"
      "<tr><td>涉及个人隐私</td><td>9</td></tr>"
      "<tr><td>主动公开政府信息数</td><td>5</td></tr>"
      "</table></body></html>";
  Document d = convert_bytes(html, "a.html", ConvertOptions{});
  CHECK(d.profile == "ogi-legacy");
  REQUIRE(cell(d, "replies.refused.state_secret", "current") != nullptr);
  CHECK(cell(d, "replies.refused.state_secret", "current")->status == CellStatus::blank);
  REQUIRE(cell(d, "replies.refused.commercial_secret", "current") != nullptr);
  CHECK(cell(d, "replies.refused.commercial_secret", "current")->value == "0");
  CHECK(std::none_of(d.cells.begin(), d.cells.end(), [](const CanonicalCell& c) { return c.extra; }));
  // L3 over the parts present holds (9 = blank + 0 + 9): no false finding.
  for (const auto& r : d.rules) CHECK(r.result != RuleResult::fail);
}

TEST_CASE("crawler text, spaced, no unit column: a label-digit space still separates cells after normalization") {
  std::string table =
      "指标名称 本年度 累计 不同意公开答复数 31 108 其中：涉及国家秘密 24 涉及商业秘密 6 14 涉及个人隐私 4 4";
  Document d = convert_bytes(crawl("略。", table), "a.txt", ConvertOptions{});
  CHECK(d.profile == "ogi-legacy");
  // One token for two periods: the blank cell cannot be placed, so 24 is not split into 2|4.
  const CanonicalCell* c = cell(d, "replies.refused.state_secret", "current");
  CHECK((c == nullptr || c->status == CellStatus::text));
  const CanonicalCell* k = cell(d, "replies.refused.state_secret", "cumulative");
  CHECK((k == nullptr || k->status == CellStatus::text));
  REQUIRE(cell(d, "replies.refused.commercial_secret", "cumulative") != nullptr);
  CHECK(cell(d, "replies.refused.commercial_secret", "current")->value == "6");
  CHECK(cell(d, "replies.refused.commercial_secret", "cumulative")->value == "14");
}

TEST_CASE("outline: an annex title run into the paragraph above it (a PDF's joined lines) heads the annex") {
  std::string html =
      "<html><head><meta charset='utf-8'><title>示例局2015年度政府信息公开工作年度报告</title></head><body>"
      "<p>一、概述</p><p>略。</p><p>二、存在的主要问题及改进措施</p>"
      "<p>公开内容还不够丰富，下一步将加强人员培训。附件：示例局2015年度政府信息公开工作统计数据</p><table>"
      "<tr><td>指标名称</td><td>计量单位</td><td>2015年度</td></tr>"
      "<tr><td>主动公开政府信息数</td><td>条</td><td>3</td></tr>"
      "<tr><td>受理政府信息公开申请总数</td><td>件</td><td>1</td></tr>"
      "<tr><td>对申请的答复总数</td><td>件</td><td>1</td></tr>"
      "</table></body></html>";
  Document d = convert_bytes(html, "a.html", ConvertOptions{});
  CHECK(d.profile == "ogi-legacy");
  const Section* annex = nullptr;
  for (const auto& sec : d.sections)
    if (sec.code == "annex") annex = &sec;
  REQUIRE(annex != nullptr);
  CHECK(annex->heading == "附件：示例局2015年度政府信息公开工作统计数据");
  CHECK(d.sections.at(d.sections.size() - 2).code == "problems");  // the sentence stays in its section
}

TEST_CASE("crawler text, spaced: an na cell right after the unit is a cell, not label text") {
  std::string table =
      "指标名称 计量单位 2016年度 历年累计 回应公众关注热点或重大舆情数 次 — 39 "
      "1.参加或举办新闻发布会总次数 次 4 26 受理政府信息公开申请总数 件 16 151";
  Document d = convert_bytes(crawl("略。", table), "a.txt", ConvertOptions{});
  REQUIRE(cell(d, "responses_hot_topics", "current") != nullptr);
  CHECK(cell(d, "responses_hot_topics", "current")->status == CellStatus::na);
  CHECK(cell(d, "responses_hot_topics", "cumulative")->value == "39");
  REQUIRE(cell(d, "requests_received", "cumulative") != nullptr);  // the table goes on after it
  CHECK(cell(d, "requests_received", "cumulative")->value == "151");
}

TEST_CASE("crawler text, spaced: the row's unit repeated in one cell, then a cell, then the next numbering, and 无 is a cell") {
  std::string table =
      "指标名称 计量单位 2016年度 历年累计 （二）通过不同渠道和方式公开政府信息的情况 1.政府公报公开数 条 8,503条 8,503 "
      "2.政府网站公开数 条 0 34,821 网上咨询数 件 无 103 咨询电话接听数 件 5 9";
  Document d = convert_bytes(crawl("略。", table), "a.txt", ConvertOptions{});
  REQUIRE(cell(d, "proactive_channel.gazette", "cumulative") != nullptr);
  CHECK(cell(d, "proactive_channel.gazette", "current")->value == "8503");
  CHECK(cell(d, "proactive_channel.gazette", "cumulative")->value == "8503");
  CHECK(cell(d, "proactive_channel.website", "cumulative")->value == "34821");
  REQUIRE(cell(d, "consultations.online", "current") != nullptr);
  CHECK(cell(d, "consultations.online", "current")->status == CellStatus::na);
  CHECK(cell(d, "consultations.online", "cumulative")->value == "103");
  CHECK(cell(d, "consultations.phone", "cumulative")->value == "9");
}

TEST_CASE("crawler text, no unit column: 指标 with period headers is a header, and a row with blank cells leaves two labels run together") {
  std::string table =
      "指标 本年度 主动公开政府信息数 35 受理政府信息公开申请总数 3 其他形式申请数 对申请的答复总数 14 行政复议数 2";
  Document d = convert_bytes(crawl("略。", table), "a.txt", ConvertOptions{});
  CHECK(d.profile == "ogi-legacy");
  REQUIRE(cell(d, "proactive_total", "current") != nullptr);
  CHECK(cell(d, "proactive_total", "current")->value == "35");
  REQUIRE(cell(d, "requests_channel.other", "current") != nullptr);
  CHECK(cell(d, "requests_channel.other", "current")->status == CellStatus::blank);
  CHECK(cell(d, "replies_total", "current")->value == "14");
  CHECK(std::none_of(d.cells.begin(), d.cells.end(), [](const CanonicalCell& c) { return c.extra; }));
}

TEST_CASE("crawler text with a unit column: blank rows run into a group heading and into each other") {
  std::string table =
      "指标名称 计量单位 2016年度 历年累计 （二）通过不同渠道和方式公开政府信息的情况 政府公报公开政府信息数 条 "
      "政府网站公开政府信息数 条 7 9 现场接待人数 人次 网上咨询数 件 咨询电话接听数 件 12 30 "
      "（四）申请办结数 件 16 20 1.按时办结数 件 2.延期办结数 件 4 6";
  Document d = convert_bytes(crawl("略。", table), "a.txt", ConvertOptions{});
  REQUIRE(cell(d, "proactive_channel.gazette", "current") != nullptr);
  CHECK(cell(d, "proactive_channel.gazette", "current")->status == CellStatus::blank);
  CHECK(cell(d, "proactive_channel.website", "cumulative")->value == "9");
  REQUIRE(cell(d, "consultations.online", "current") != nullptr);
  CHECK(cell(d, "consultations.online", "current")->status == CellStatus::blank);
  CHECK(cell(d, "consultations.phone", "current")->value == "12");
  REQUIRE(cell(d, "requests_closed.on_time", "current") != nullptr);  // blank, before a numbered row
  CHECK(cell(d, "requests_closed.on_time", "current")->status == CellStatus::blank);
  CHECK(cell(d, "requests_closed.extended", "cumulative")->value == "6");
  CHECK(std::none_of(d.cells.begin(), d.cells.end(), [](const CanonicalCell& c) { return c.extra; }));
}

TEST_CASE("indicator table as HTML: money in 元 to 万元, unnamed rows kept as extra with label and unit") {
  std::string html =
      "<html><head><meta charset='utf-8'><title>示例局2015年度政府信息公开工作年度报告</title></head><body>"
      "<p>一、概述</p><p>略。</p><p>二、主动公开政府信息情况</p><p>略。</p><p>附件</p><table>"
      "<tr><td>指标名称</td><td>计量单位</td><td>2015年度</td><td>历年累计</td></tr>"
      "<tr><td>受理政府信息公开申请总数</td><td>件</td><td>3</td><td>9</td></tr>"
      "<tr><td>其中：1.当面申请数</td><td>件</td><td>1</td><td>4</td></tr>"
      "<tr><td>2.网上申请数</td><td>件</td><td>1</td><td>5</td></tr>"
      "<tr><td>政府信息公开收费减免金额</td><td>元</td><td>500</td><td>28010</td></tr>"
      "<tr><td>编印公开指南册数</td><td>册</td><td>20</td><td>/</td></tr>"
      "</table></body></html>";
  Document d = convert_bytes(html, "a.html", ConvertOptions{});
  CHECK(d.profile == "ogi-legacy");
  CHECK(cell(d, "fees_waived", "current")->value == "0.05");
  CHECK(cell(d, "fees_waived", "cumulative")->value == "2.801");
  CHECK(cell(d, "fees_waived", "current")->unit == "万元");
  const CanonicalCell* extra = cell(d, "extra_1", "current");
  REQUIRE(extra != nullptr);
  CHECK(extra->label == "编印公开指南册数");
  CHECK(extra->unit == "册");
  CHECK(cell(d, "extra_1", "cumulative")->status == CellStatus::na);
  // L1 over the channels present: 3 ≠ 1 + 1 is a finding, never a fix.
  REQUIRE(rule(d, "L1", "requests_received/current") != nullptr);
  CHECK(rule(d, "L1", "requests_received/current")->result == RuleResult::fail);
  CHECK(rule(d, "L1", "requests_received/cumulative")->result == RuleResult::pass);
  CHECK(cell(d, "requests_channel.in_person", "current")->value == "1");
  CHECK(cell(d, "replies_total", "current") == nullptr);  // only the rows the source has
}

TEST_CASE("profile none: a prose-only report converts — a notice stays not-a-report") {
  std::string report =
      "示例县质量技术监督局2010年度信息公开年度报告\n\n一、工作开展情况\n我局认真做好信息公开工作。\n"
      "二、工作中存在的不足\n公开内容还不够丰富。\n";
  Document d = convert_bytes(report, "a.txt", ConvertOptions{});
  CHECK(d.profile == "none");
  CHECK(d.cells.empty());
  CHECK(has_finding(d, "profile.none"));
  CHECK(d.sections.size() >= 2);
  std::string notice = "关于开展春季植树活动的通知\n\n各单位：\n为改善环境，定于三月十二日开展植树活动。\n";
  CHECK_THROWS_AS(convert_bytes(notice, "b.txt", ConvertOptions{}), Error);
}
