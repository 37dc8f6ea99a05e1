#include <doctest/doctest.h>

#include <algorithm>
#include <stdexcept>

#include "cli/job.h"
#include "model/error.h"
#include "normalizers/profile_mapper.h"
#include "normalizers/profile_mapper_parts.h"
#include "model/table_grid.h"

using namespace ogix;

namespace {

Table table_of(const std::vector<std::vector<std::string>>& rows, bool ragged = false) {
  std::vector<std::vector<SourceCell>> src;
  for (const auto& r : rows) {
    src.emplace_back();
    for (const auto& t : r) src.back().push_back(SourceCell{t, 1, 1, false, {}});
  }
  Table t = grid_from_rows(src, Limits{}, nullptr);
  t.id = "t1";
  t.ragged = ragged;
  return t;
}

const CanonicalCell& cell(const Document& d, const char* t, const char* r, const char* c) {
  for (const auto& x : d.cells)
    if (x.table == t && x.row == r && x.col == c) return x;
  throw std::runtime_error(std::string("no cell ") + t + "/" + r + "/" + c);
}

}  // namespace

TEST_CASE("profile detection uses the tables' wording and says why") {
  Document d;
  d.blocks.push_back(table_of({{"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"}, {"规章", "1", "2", "3"}}));
  ProfileChoice c = detect_profile(d);
  REQUIRE(c.profile);
  CHECK(c.profile->id == "ogi-2021");
  CHECK(c.evidence.at(0) == "本年制发件数");
}

TEST_CASE("profile detection answers each document by its own text when asked again and again") {
  // detect_profile keeps its last answer: alternating documents must each get their own.
  Document d2021, d2019, none;
  d2021.blocks.push_back(table_of({{"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"}, {"规章", "1", "2", "3"}}));
  d2019.blocks.push_back(table_of({{"第二十条第（一）项", "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"},
                                   {"规章", "1", "2", "3", "4"}}));
  none.blocks.push_back(Paragraph{"本机关无统计数据。", 0, {}});
  for (int round = 0; round < 2; ++round) {
    ProfileChoice a = detect_profile(d2021);
    ProfileChoice b = detect_profile(d2019);
    ProfileChoice c = detect_profile(none);
    REQUIRE(a.profile);
    REQUIRE(b.profile);
    CHECK(a.profile->id == "ogi-2021");
    CHECK(b.profile->id == "ogi-2019");
    CHECK(c.profile == nullptr);
    CHECK(c.evidence.empty());
  }
  // A line that strips to nothing (an empty heading) does not join the lines around it: the
  // phrase 本年新制作数量 split over two paragraphs is no evidence, with or without an empty one.
  Document split, split_gap;
  split.blocks.push_back(Paragraph{"本年新制作", 0, {}});
  split.blocks.push_back(Paragraph{"数量", 0, {}});
  split_gap.blocks.push_back(Paragraph{"本年新制作", 0, {}});
  split_gap.blocks.push_back(Paragraph{" ", 0, {}});
  split_gap.blocks.push_back(Paragraph{"数量", 0, {}});
  CHECK(detect_profile(split).evidence == detect_profile(split_gap).evidence);
  CHECK(std::find(detect_profile(split).evidence.begin(), detect_profile(split).evidence.end(), "本年新制作数量") ==
        detect_profile(split).evidence.end());
}

TEST_CASE("columns are taken from the header, wherever they sit") {
  Document d;
  // Columns in a non-official order: the header decides, not the position.
  d.blocks.push_back(table_of({{"信息内容", "现行有效件数", "本年制发件数", "本年废止件数"},
                               {"规章", "30", "10", "20"},
                               {"行政规范性文件", "", "/", "7"}}));
  map_profile(d);
  CHECK(d.profile == "ogi-2021");
  CHECK(cell(d, "proactive", "rules", "issued").value == "10");
  CHECK(cell(d, "proactive", "rules", "repealed").value == "20");
  CHECK(cell(d, "proactive", "rules", "in_force").value == "30");
  CHECK(cell(d, "proactive", "normative_documents", "in_force").status == CellStatus::blank);
  CHECK(cell(d, "proactive", "normative_documents", "issued").status == CellStatus::na);
  CHECK(cell(d, "proactive", "administrative_license", "decisions").status == CellStatus::missing);
}

TEST_CASE("a value cell under two headers falls back to reading in order") {
  Document d;
  // The header has 本年增/减 spanning two columns while the data's first value spans the first two.
  std::vector<std::vector<SourceCell>> src = {
      {{"信息内容", 1, 1, false, {}}, {"上一年项目数量", 1, 1, false, {}}, {"本年增/减", 1, 2, false, {}}, {"处理决定数量", 1, 1, false, {}}},
      {{"行政许可", 1, 1, false, {}}, {"5", 1, 2, false, {}}, {"-2", 1, 1, false, {}}, {"9", 1, 1, false, {}}},
      {{"本年新制作数量", 1, 1, false, {}}}};
  Table t = grid_from_rows(src, Limits{}, nullptr);
  t.id = "t1";
  d.blocks.push_back(t);
  map_profile(d);
  CHECK(d.profile == "ogi-2019");
  CHECK(cell(d, "proactive", "administrative_license", "previous_year_items").value == "5");
  CHECK(cell(d, "proactive", "administrative_license", "change").value == "-2");
  CHECK(cell(d, "proactive", "administrative_license", "decisions").value == "9");
}

TEST_CASE("table 四 as one row of 15 numbers under a three-level header") {
  Document d;
  std::vector<std::vector<SourceCell>> src = {
      {{"行政复议", 1, 5, false, {}}, {"行政诉讼", 1, 10, false, {}}},
      {{"结果维持", 2, 1, false, {}}, {"结果纠正", 2, 1, false, {}}, {"其他结果", 2, 1, false, {}}, {"尚未审结", 2, 1, false, {}},
       {"总计", 2, 1, false, {}}, {"未经复议直接起诉", 1, 5, false, {}}, {"复议后起诉", 1, 5, false, {}}},
      {},
      {}};
  for (int k = 0; k < 2; ++k)
    for (const char* h : {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}) src[2].push_back({h, 1, 1, false, {}});
  for (int v = 1; v <= 15; ++v) src[3].push_back({std::to_string(v), 1, 1, false, {}});
  Table t = grid_from_rows(src, Limits{}, nullptr);
  t.id = "t1";
  d.blocks.push_back(t);
  d.blocks.push_back(table_of({{"本年新制作数量"}}));
  map_profile(d);
  CHECK(cell(d, "review_litigation", "administrative_review", "upheld").value == "1");
  CHECK(cell(d, "review_litigation", "administrative_review", "total").value == "5");
  CHECK(cell(d, "review_litigation", "litigation_direct", "upheld").value == "6");
  CHECK(cell(d, "review_litigation", "litigation_after_review", "total").value == "15");
}

TEST_CASE("ragged text rows: group labels carried, wrapped labels joined") {
  Document d;
  d.blocks.push_back(table_of({{"本年新制作数量"},
                               {"", "（五）不予处理", "1.信访举报投诉类申请", "1", "0", "0", "0", "0", "0", "1"},
                               {"", "", "5.要求行政机关确认或重新出具"},
                               {"已获取信息", "", "2", "0", "0", "0", "0", "0", "2", ""}},
                              true));
  map_profile(d);
  CHECK(cell(d, "applications", "not_processed.petition_complaint", "natural_person").value == "1");
  CHECK(cell(d, "applications", "not_processed.confirm_or_reissue", "natural_person").value == "2");
  CHECK(cell(d, "applications", "not_processed.confirm_or_reissue", "total").value == "2");
}

TEST_CASE("money units: the cell's unit wins over the header's, with an info finding") {
  Document d;
  d.blocks.push_back(table_of({{"信息内容", "采购项目数量", "采购总金额（单位：万元）"}, {"政府集中采购", "6", "251000元"}}));
  map_profile(d);
  CHECK(cell(d, "proactive", "government_procurement", "procurement_amount").value == "25.1");
  CHECK(cell(d, "proactive", "government_procurement", "procurement_amount").raw == "251000元");
  bool info = false;
  for (const auto& f : d.findings) info = info || (f.code == "unit.converted" && f.severity == Severity::info);
  CHECK(info);
  Document e;
  e.blocks.push_back(table_of({{"信息内容", "采购项目数量", "采购总金额（单位：元）"}, {"政府集中采购", "6", "1000"}}));
  map_profile(e);
  CHECK(cell(e, "proactive", "government_procurement", "procurement_amount").value == "0.1");
}

TEST_CASE("text in a number cell is status text with a finding — duplicates are reported") {
  Document d;
  d.blocks.push_back(table_of({{"信息内容", "本年处理决定数量"}, {"行政许可", "约20件"}, {"行政许可", "20"}}));
  map_profile(d);
  CHECK(cell(d, "proactive", "administrative_license", "decisions").status == CellStatus::text);
  bool text = false, dup = false;
  for (const auto& f : d.findings) {
    text = text || f.code == "cell.text";
    dup = dup || f.code == "map.duplicate_row";
  }
  CHECK(text);
  CHECK(dup);
}

TEST_CASE("no official table is not a report") {
  Document d;
  d.blocks.push_back(Paragraph{"通知公告", 0, {}});
  d.blocks.push_back(table_of({{"姓名", "电话"}, {"张三", "123"}}));
  CHECK_THROWS_AS(map_profile(d), Error);
}

// --- Layouts beyond the real documents, and what the mapper must never do ----------------------

namespace {

SourceCell sc(const std::string& text, int row_span = 1, int col_span = 1) { return SourceCell{text, row_span, col_span, false, {}}; }

Table grid_of(const std::vector<std::vector<SourceCell>>& rows) {
  Table t = grid_from_rows(rows, Limits{}, nullptr);
  t.id = "t1";
  return t;
}

// A document already split into sections, each holding the given tables (ids t1, t2, … in order).
Document sectioned(const std::vector<std::pair<std::string, std::vector<Table>>>& secs) {
  Document d;
  int n = 0;
  for (const auto& [code, tables] : secs) {
    Section s;
    s.code = code;
    for (Table t : tables) {
      t.id = "t" + std::to_string(++n);
      s.blocks.push_back(std::move(t));
    }
    d.sections.push_back(std::move(s));
  }
  return d;
}

bool has_finding(const Document& d, const std::string& code) {
  for (const auto& f : d.findings)
    if (f.code == code) return true;
  return false;
}

// True when a profile cell (not a row kept beyond the profile) holds `v`.
bool any_value(const Document& d, const std::string& v) {
  for (const auto& c : d.cells)
    if (c.value == v && c.row.rfind("extra_", 0) != 0) return true;
  return false;
}

// The label of the extra row of `table` holding `v`, or empty.
std::string extra_label(const Document& d, const std::string& table, const std::string& v) {
  for (const auto& c : d.cells)
    if (c.table == table && c.value == v && c.row.rfind("extra_", 0) == 0) return c.label;
  return {};
}

const std::vector<std::string> kApplicants = {"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"};

std::vector<std::string> row_of(const std::string& label, const std::vector<std::string>& values) {
  std::vector<std::string> r{label};
  r.insert(r.end(), values.begin(), values.end());
  return r;
}

const std::vector<std::string> kProactive2021Header = {"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"};

}  // namespace

TEST_CASE("a narrative table of years in 一、总体情况 yields no cell, not even a year, and hides no real row") {
  Document d = sectioned(
      {{"overview", {table_of({{"类别", "2022", "2023", "2024"}, {"规章", "5", "7", "9"}, {"行政许可", "1,502", "1,877", "2,004"}})}},
       {"proactive",
        {table_of({kProactive2021Header, {"规章", "1", "2", "3"}}), table_of({{"信息内容", "本年处理决定数量"}, {"行政许可", "40"}})}}});
  map_profile(d);
  CHECK(d.profile == "ogi-2021");
  CHECK(cell(d, "proactive", "rules", "issued").value == "1");
  CHECK(cell(d, "proactive", "rules", "in_force").value == "3");
  CHECK(cell(d, "proactive", "administrative_license", "decisions").value == "40");
  for (const char* v : {"2022", "2023", "2024", "5", "7", "9", "1502", "2004"}) CHECK_FALSE(any_value(d, v));
  CHECK(has_finding(d, "map.foreign_row"));
  CHECK_FALSE(has_finding(d, "map.duplicate_row"));
}

TEST_CASE("a header row of bare years is no header of the profile: the numbers below it are not read in sequence") {
  // First table of section 二, 3 numbers after 规章 — exactly as many as rules has columns.
  Document d = sectioned({{"proactive",
                           {table_of({{"类别", "2022", "2023", "2024"}, {"规章", "5", "7", "9"}}),
                            table_of({{"信息内容", "本年处理决定数量"}, {"行政许可", "40"}})}}});
  map_profile(d);
  CHECK(cell(d, "proactive", "rules", "issued").status == CellStatus::missing);
  CHECK(cell(d, "proactive", "rules", "in_force").status == CellStatus::missing);
  CHECK(cell(d, "proactive", "administrative_license", "decisions").value == "40");
  // A caption holding only the year above table 四 is not a value either.
  std::vector<std::vector<SourceCell>> src = {
      {sc("2024", 1, 15)},
      {sc("行政复议", 1, 5), sc("行政诉讼", 1, 10)},
      {sc("结果维持", 2), sc("结果纠正", 2), sc("其他结果", 2), sc("尚未审结", 2), sc("总计", 2), sc("未经复议直接起诉", 1, 5),
       sc("复议后起诉", 1, 5)},
      {},
      {}};
  for (int k = 0; k < 2; ++k)
    for (const char* h : {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}) src[3].push_back(sc(h));
  for (int v = 1; v <= 15; ++v) src[4].push_back(sc(std::to_string(v)));
  Document e = sectioned({{"proactive", {table_of({kProactive2021Header, {"规章", "1", "2", "3"}})}},
                          {"review_litigation", {grid_of(src)}}});
  map_profile(e);
  CHECK(cell(e, "review_litigation", "administrative_review", "upheld").value == "1");
  CHECK(cell(e, "review_litigation", "litigation_after_review", "total").value == "15");
  CHECK_FALSE(any_value(e, "2024"));
}

TEST_CASE("a 合计 row of table 二 or a 总计 row of table 四 is never table 三's （七）总计") {
  auto app = table_of({row_of("项目", kApplicants), row_of("（七）总计", {"1", "2", "3", "4", "5", "6", "21"})});
  auto pro = table_of({{"信息内容", "本年处理决定数量"}, {"行政许可", "40"}, {"行政处罚", "12"}, {"合计", "52"}});
  auto rev = table_of({{"类别", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"},
                       {"行政复议", "1", "2", "3", "4", "10"},
                       {"未经复议直接起诉", "2", "2", "2", "2", "8"},
                       {"复议后起诉", "0", "1", "0", "1", "2"},
                       {"合计", "3", "5", "5", "7", "20"}});
  // In sections: each table belongs to its own section's profile table.
  Document d = sectioned({{"proactive", {pro}}, {"review_litigation", {rev}}, {"applications", {app}}});
  map_profile(d);
  CHECK(cell(d, "applications", "total_processed", "natural_person").value == "1");
  CHECK(cell(d, "applications", "total_processed", "total").value == "21");
  CHECK(cell(d, "review_litigation", "litigation_direct", "total").value == "8");
  CHECK_FALSE(any_value(d, "52"));
  CHECK_FALSE(any_value(d, "20"));
  // The 合计 rows are the source's beyond the profile: kept as extra rows of their own tables.
  CHECK(extra_label(d, "proactive", "52") == "合计");
  CHECK(extra_label(d, "review_litigation", "20") == "合计");
  // Without sections (no heading recognized), the later real row still wins over the 合计 rows.
  Document e;
  for (auto t : {pro, rev, app}) e.blocks.push_back(t);
  map_profile(e);
  CHECK(cell(e, "applications", "total_processed", "natural_person").value == "1");
  CHECK(cell(e, "applications", "total_processed", "total").value == "21");
  CHECK_FALSE(any_value(e, "52"));
}

TEST_CASE("table 四 under a missing 四、 heading (in section 三) is still table 四: its header says so") {
  auto app = table_of({row_of("项目", kApplicants), row_of("（七）总计", {"1", "2", "3", "4", "5", "6", "21"})});
  auto rev = table_of({{"类别", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"},
                       {"行政复议", "1", "2", "3", "4", "10"},
                       {"未经复议直接起诉", "2", "2", "2", "2", "8"},
                       {"复议后起诉", "0", "1", "0", "1", "2"}});
  Document d = sectioned({{"applications", {app, rev}}});
  map_profile(d);
  CHECK(cell(d, "review_litigation", "administrative_review", "total").value == "10");
  CHECK(cell(d, "review_litigation", "litigation_after_review", "pending").value == "1");
  CHECK(cell(d, "applications", "total_processed", "total").value == "21");
}

TEST_CASE("a label cell one column too narrow does not shift values into the neighbouring columns") {
  std::vector<SourceCell> header{sc("项目", 1, 2)};
  for (const auto& h : kApplicants) header.push_back(sc(h));
  std::vector<SourceCell> good{sc("一、本年新收政府信息公开申请数量", 1, 2)};
  for (const char* v : {"10", "20", "30", "40", "50", "60", "210"}) good.push_back(sc(v));
  // The label spans one column instead of two: its seven values start one column early and the
  // last column is left empty — by column, 自然人 would get 20 and 总计 nothing.
  std::vector<SourceCell> skewed{sc("二、上年结转政府信息公开申请数量")};
  for (const char* v : {"1", "2", "3", "4", "5", "6", "21"}) skewed.push_back(sc(v));
  Document d = sectioned({{"applications", {grid_of({header, good, skewed})}}});
  map_profile(d);
  CHECK(cell(d, "applications", "new_received", "natural_person").value == "10");
  CHECK(cell(d, "applications", "new_received", "total").value == "210");
  CHECK(cell(d, "applications", "carried_over", "natural_person").value == "1");
  CHECK(cell(d, "applications", "carried_over", "other_org").value == "6");
  CHECK(cell(d, "applications", "carried_over", "total").value == "21");
}

TEST_CASE("其他 inside 法人或其他组织 is not the column 其他 — a lone 法人或其他组织 column is the 小计") {
  Document d = sectioned({{"applications",
                           {table_of({{"项目", "自然人", "法人或其他组织", "总计"},
                                      {"一、本年新收政府信息公开申请数量", "5", "7", "12"},
                                      {"（七）总计", "4", "6", "10"}})}}});
  map_profile(d);
  CHECK(cell(d, "applications", "new_received", "natural_person").value == "5");
  CHECK(cell(d, "applications", "new_received", "legal_person_subtotal").value == "7");
  CHECK(cell(d, "applications", "new_received", "total").value == "12");
  CHECK(cell(d, "applications", "new_received", "other_org").status == CellStatus::missing);
  CHECK(cell(d, "applications", "new_received", "commercial").status == CellStatus::missing);
  CHECK(cell(d, "applications", "total_processed", "legal_person_subtotal").value == "6");
}

TEST_CASE("a 小计 column and 总计 first: every value under its own header") {
  std::vector<std::vector<SourceCell>> src = {
      {sc("项目", 3), sc("申请人情况", 1, 8)},
      {sc("总计", 2), sc("自然人", 2), sc("法人或其他组织", 1, 6)},
      {}};
  for (const char* h : {"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "小计"}) src[2].push_back(sc(h));
  src.push_back({sc("一、本年新收政府信息公开申请数量")});
  for (const char* v : {"36", "11", "2", "3", "4", "5", "6", "20"}) src.back().push_back(sc(v));
  Document d = sectioned({{"applications", {grid_of(src)}}});
  map_profile(d);
  CHECK(cell(d, "applications", "new_received", "total").value == "36");
  CHECK(cell(d, "applications", "new_received", "natural_person").value == "11");
  CHECK(cell(d, "applications", "new_received", "commercial").value == "2");
  CHECK(cell(d, "applications", "new_received", "other_org").value == "6");
  CHECK(cell(d, "applications", "new_received", "legal_person_subtotal").value == "20");
}

TEST_CASE("group headings as rows of their own: 3.其他 below （六）其他处理 is other.other, even when left blank") {
  auto blank7 = std::vector<std::string>(7, "");
  for (bool blank_other : {false, true}) {
    CAPTURE(blank_other);
    Document d = sectioned(
        {{"applications",
          {table_of({row_of("项目", kApplicants),
                     row_of("（六）其他处理", blank7),
                     row_of("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", {"1", "0", "0", "0", "0", "0", "1"}),
                     row_of("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", {"0", "1", "0", "0", "0", "0", "1"}),
                     row_of("3.其他", blank_other ? blank7 : std::vector<std::string>{"2", "0", "0", "0", "0", "1", "3"}),
                     row_of("（七）总计", {"3", "1", "0", "0", "0", "1", "5"})})}}});
    map_profile(d);
    CHECK(d.profile == "ogi-2021");
    if (blank_other) {
      CHECK(cell(d, "applications", "other.other", "natural_person").status == CellStatus::blank);
      CHECK(cell(d, "applications", "other.other", "total").status == CellStatus::blank);
    } else {
      CHECK(cell(d, "applications", "other.other", "natural_person").value == "2");
      CHECK(cell(d, "applications", "other.other", "total").value == "3");
    }
    // The blank row is no header: the rows below it keep their columns.
    CHECK(cell(d, "applications", "total_processed", "natural_person").value == "3");
    CHECK(cell(d, "applications", "total_processed", "total").value == "5");
    // The empty group row does not become the 2019-style single row.
    for (const auto& c : d.cells) CHECK(c.row != "other");
  }
}

TEST_CASE("table 四 transposed, crosswise, in blocks, and in one row with a label") {
  auto check = [](const Document& d) {
    CHECK(cell(d, "review_litigation", "administrative_review", "upheld").value == "1");
    CHECK(cell(d, "review_litigation", "administrative_review", "total").value == "10");
    CHECK(cell(d, "review_litigation", "litigation_direct", "corrected").value == "6");
    CHECK(cell(d, "review_litigation", "litigation_after_review", "pending").value == "14");
    CHECK(cell(d, "review_litigation", "litigation_after_review", "total").value == "50");
  };
  const std::vector<std::vector<std::string>> v = {{"1", "2", "3", "4", "10"}, {"5", "6", "7", "8", "26"}, {"11", "12", "13", "14", "50"}};
  const std::vector<std::string> heads = {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};
  SUBCASE("3 rows × 5 columns, 行政诉讼 a rowspan cell") {
    std::vector<std::vector<SourceCell>> src = {{sc("", 1, 2)}, {sc("行政复议", 1, 2)}, {sc("行政诉讼", 2), sc("未经复议直接起诉")}, {sc("复议后起诉")}};
    for (const auto& h : heads) src[0].push_back(sc(h));
    for (std::size_t r = 0; r < 3; ++r)
      for (const auto& x : v[r]) src[r + 1].push_back(sc(x));
    Document d = sectioned({{"review_litigation", {grid_of(src)}}});
    map_profile(d);
    check(d);
  }
  SUBCASE("results as rows, kinds of case as columns") {
    std::vector<std::vector<SourceCell>> src = {{sc("项目", 2), sc("行政复议", 2), sc("行政诉讼", 1, 2)},
                                                {sc("未经复议直接起诉"), sc("复议后起诉")}};
    for (std::size_t c = 0; c < 5; ++c) src.push_back({sc(heads[c]), sc(v[0][c]), sc(v[1][c]), sc(v[2][c])});
    Document d = sectioned({{"review_litigation", {grid_of(src)}}});
    map_profile(d);
    check(d);
    CHECK_FALSE(has_finding(d, "map.unmatched_row"));
  }
  SUBCASE("three blocks of a title row, a header row and a data row") {
    std::vector<std::vector<std::string>> rows;
    const char* titles[] = {"行政复议", "行政诉讼—未经复议直接起诉", "行政诉讼—复议后起诉"};
    std::vector<std::vector<SourceCell>> src;
    for (std::size_t b = 0; b < 3; ++b) {
      src.push_back({sc(titles[b], 1, 5)});
      src.emplace_back();
      for (const auto& h : heads) src.back().push_back(sc(h));
      src.emplace_back();
      for (const auto& x : v[b]) src.back().push_back(sc(x));
    }
    Document d = sectioned({{"review_litigation", {grid_of(src)}}});
    map_profile(d);
    check(d);
  }
  SUBCASE("one row of 15 under the three-level header, with a label column 项目 / 件数") {
    std::vector<std::vector<SourceCell>> src = {
        {sc("项目", 3), sc("行政复议", 1, 5), sc("行政诉讼", 1, 10)},
        {sc("结果维持", 2), sc("结果纠正", 2), sc("其他结果", 2), sc("尚未审结", 2), sc("总计", 2), sc("未经复议直接起诉", 1, 5),
         sc("复议后起诉", 1, 5)},
        {},
        {sc("件数")}};
    for (int k = 0; k < 2; ++k)
      for (const auto& h : heads) src[2].push_back(sc(h));
    for (const auto& r : v)
      for (const auto& x : r) src[3].push_back(sc(x));
    Document d = sectioned({{"review_litigation", {grid_of(src)}}});
    map_profile(d);
    check(d);
  }
}

TEST_CASE("a row whose cells fit no shape does not hide a later occurrence with values") {
  // The row's second value spans 本年废止件数 and 现行有效件数, and two values are too few to read in
  // order: the row is reported (map.row_shape), and the later complete row is used.
  std::vector<std::vector<SourceCell>> bad = {
      {sc("信息内容"), sc("本年制发件数"), sc("本年废止件数", 1, 2), sc("现行有效件数")},
      {sc("规章"), sc("1"), sc("2", 1, 3)}};
  Document d = sectioned({{"proactive", {grid_of(bad), table_of({kProactive2021Header, {"规章", "10", "20", "30"}})}}});
  map_profile(d);
  CHECK(cell(d, "proactive", "rules", "issued").value == "10");
  CHECK(cell(d, "proactive", "rules", "in_force").value == "30");
  CHECK(has_finding(d, "map.row_shape"));
}

TEST_CASE("table 二 as one table per item, the item title a paragraph above it") {
  Document d = sectioned({{"proactive",
                           {table_of({{"信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"}, {"规章", "2", "2", "31"},
                                      {"规范性文件", "17", "16", "245"}}),
                            table_of({{"信息内容", "上一年项目数量", "本年增/减", "处理决定数量"}, {"行政许可", "412", "-6", "15,873"},
                                      {"其他对外管理服务事项", "58", "3", "924"}}),
                            table_of({{"信息内容", "采购项目数量", "采购总金额（单位：万元）"}, {"政府集中采购", "146", "8215.37"}})}}});
  map_profile(d);
  CHECK(d.profile == "ogi-2019");
  CHECK(cell(d, "proactive", "normative_documents", "total_published").value == "245");
  CHECK(cell(d, "proactive", "administrative_license", "change").value == "-6");
  CHECK(cell(d, "proactive", "administrative_license", "decisions").value == "15873");
  CHECK(cell(d, "proactive", "other_external_services", "decisions").value == "924");
  CHECK(cell(d, "proactive", "government_procurement", "procurement_amount").value == "8215.37");
}

TEST_CASE("table 四's header and its row of numbers as two tables") {
  std::vector<std::vector<SourceCell>> head = {
      {sc("行政复议", 1, 5), sc("行政诉讼", 1, 10)},
      {sc("结果维持", 2), sc("结果纠正", 2), sc("其他结果", 2), sc("尚未审结", 2), sc("总计", 2), sc("未经复议直接起诉", 1, 5),
       sc("复议后起诉", 1, 5)},
      {}};
  for (int k = 0; k < 2; ++k)
    for (const char* h : {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}) head[2].push_back(sc(h));
  std::vector<std::string> body;
  for (int v = 1; v <= 15; ++v) body.push_back(std::to_string(v));
  Document d = sectioned({{"proactive", {table_of({kProactive2021Header, {"规章", "1", "2", "3"}})}},
                          {"review_litigation", {grid_of(head), table_of({body})}}});
  map_profile(d);
  CHECK(cell(d, "review_litigation", "administrative_review", "upheld").value == "1");
  CHECK(cell(d, "review_litigation", "litigation_direct", "upheld").value == "6");
  CHECK(cell(d, "review_litigation", "litigation_after_review", "total").value == "15");
  // A body of another width is no continuation: its numbers are not read under that header.
  Document e = sectioned({{"proactive", {table_of({kProactive2021Header, {"规章", "1", "2", "3"}})}},
                          {"review_litigation", {grid_of(head), table_of({{"1", "2", "3", "4", "10"}})}}});
  map_profile(e);
  CHECK(cell(e, "review_litigation", "administrative_review", "upheld").status == CellStatus::missing);
}

TEST_CASE("a header-less continuation of table 三 under a missed 三、 heading is still table 三") {
  // Heading 三 not recognized: both parts of table 三 sit in section 二 after table 二.
  Document d = sectioned(
      {{"proactive",
        {table_of({kProactive2021Header, {"规章", "1", "2", "3"}}),
         table_of({row_of("项目", kApplicants), row_of("一、本年新收政府信息公开申请数量", {"1", "2", "3", "4", "5", "6", "21"})}),
         table_of({row_of("（七）总计", {"7", "0", "0", "0", "0", "1", "8"}),
                   row_of("四、结转下年度继续办理", {"2", "0", "0", "0", "0", "0", "2"})})}}});
  map_profile(d);
  CHECK(cell(d, "proactive", "rules", "in_force").value == "3");
  CHECK(cell(d, "applications", "new_received", "total").value == "21");
  CHECK(cell(d, "applications", "total_processed", "natural_person").value == "7");
  CHECK(cell(d, "applications", "carried_forward", "total").value == "2");
}

TEST_CASE("table 三's header and body as two tables read under that header, 总计 first") {
  std::vector<std::string> header{"项目", "总计"};
  header.insert(header.end(), kApplicants.begin(), kApplicants.end() - 1);
  Document d = sectioned({{"applications",
                           {table_of({header}),
                            table_of({row_of("一、本年新收政府信息公开申请数量", {"21", "1", "2", "3", "4", "5", "6"}),
                                      row_of("（七）总计", {"8", "7", "0", "0", "0", "0", "1"})})}}});
  map_profile(d);
  CHECK(cell(d, "applications", "new_received", "total").value == "21");
  CHECK(cell(d, "applications", "new_received", "natural_person").value == "1");
  CHECK(cell(d, "applications", "new_received", "other_org").value == "6");
  CHECK(cell(d, "applications", "total_processed", "total").value == "8");
}

TEST_CASE("a row that fits its header neither as it stands nor shifted is never read in an order the header contradicts") {
  std::vector<std::string> header{"项目", "总计"};
  header.insert(header.end(), kApplicants.begin(), kApplicants.end() - 1);
  std::vector<SourceCell> head;
  for (const auto& h : header) head.push_back(sc(h));
  // 总计 first; the second value spans 自然人 and 商业企业. In profile order 自然人 would get 21.
  std::vector<SourceCell> row{sc("一、本年新收政府信息公开申请数量"), sc("21"), sc("1", 1, 2)};
  for (const char* v : {"2", "3", "4", "5", "6"}) row.push_back(sc(v));
  // The same row misplaced by one column as a whole (its label one column too narrow) is realigned.
  std::vector<SourceCell> narrow_header{sc("项目", 1, 2)};
  for (std::size_t k = 1; k < header.size(); ++k) narrow_header.push_back(sc(header[k]));
  std::vector<SourceCell> narrow{sc("一、本年新收政府信息公开申请数量")};
  for (const char* v : {"21", "1", "2", "3", "4", "5", "6"}) narrow.push_back(sc(v));
  Document d = sectioned({{"applications", {grid_of({head, row})}}});
  map_profile(d);
  CHECK(cell(d, "applications", "new_received", "natural_person").status == CellStatus::missing);
  CHECK_FALSE(any_value(d, "21"));
  CHECK(has_finding(d, "map.row_shape"));
  Document e = sectioned({{"applications", {grid_of({narrow_header, narrow})}}});
  map_profile(e);
  CHECK(cell(e, "applications", "new_received", "total").value == "21");
  CHECK(cell(e, "applications", "new_received", "natural_person").value == "1");
  CHECK(cell(e, "applications", "new_received", "other_org").value == "6");
  CHECK(has_finding(e, "map.row_realigned"));
}

// --- Word copies as plain text: tab-separated tables through the whole pipeline -----------------

namespace {

const char* const kT3Heading = "三、收到和处理政府信息公开申请情况\n\n";
const char* const kT4Heading = "四、政府信息公开行政复议、行政诉讼情况\n\n";
const char* const kCorner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

Document text_report(const std::string& body) { return convert_bytes(body, "t.txt", ConvertOptions{}); }

std::string value(const Document& d, const char* t, const char* r, const char* c) {
  const CanonicalCell& x = cell(d, t, r, c);
  return x.status == CellStatus::number ? x.value : "<" + std::to_string(static_cast<int>(x.status)) + ">";
}

}  // namespace

TEST_CASE("text: 总计 first — values read in the header's order, whether the lines line up or not") {
  SUBCASE("merged header cells copied as one field each: the header lines tell the order") {
    Document d = text_report(std::string(kT3Heading) + kCorner + "\t申请人情况\n\t总计\t自然人\t法人或其他组织\n" +
                             "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n" +
                             "一、本年新收政府信息公开申请数量\t28\t7\t6\t5\t4\t3\t3\n" +
                             "三、本年度办理结果\t（一）予以公开\t9\t1\t2\t3\t1\t1\t1\n");
    CHECK(value(d, "applications", "new_received", "total") == "28");
    CHECK(value(d, "applications", "new_received", "natural_person") == "7");
    CHECK(value(d, "applications", "new_received", "commercial") == "6");
    CHECK(value(d, "applications", "new_received", "other_org") == "3");
    CHECK(value(d, "applications", "granted", "total") == "9");
    CHECK(value(d, "applications", "granted", "natural_person") == "1");
  }
  SUBCASE("every merged slot a field of its own: read by position") {
    Document d = text_report(std::string(kT3Heading) + kCorner + "\t\t\t申请人情况\t\t\t\t\t\t\n" +
                             "\t\t\t总计\t自然人\t法人或其他组织\t\t\t\t\n" +
                             "\t\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n" +
                             "一、本年新收政府信息公开申请数量\t\t\t28\t7\t6\t5\t4\t3\t3\n" +
                             "三、本年度办理结果\t（一）予以公开\t\t9\t1\t2\t3\t1\t1\t1\n");
    CHECK(value(d, "applications", "new_received", "total") == "28");
    CHECK(value(d, "applications", "new_received", "natural_person") == "7");
    CHECK(value(d, "applications", "granted", "total") == "9");
    CHECK(value(d, "applications", "granted", "other_org") == "1");
  }
}

TEST_CASE("text: a blank last cell never shifts the row — when a blank cannot be placed, nothing is read") {
  const std::string pad_header = std::string(kT3Heading) + kCorner + "\t\t\t申请人情况\t\t\t\t\t\t\n" +
                                 "\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n" +
                                 "\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\n";
  SUBCASE("the row stands under its header: read by position, the last cell blank") {
    Document d = text_report(pad_header + "一、本年新收政府信息公开申请数量\t\t\t10\t1\t1\t1\t1\t1\t15\n" +
                             "三、本年度办理结果\t（一）予以公开\t\t4\t2\t1\t6\t3\t3\t\n");
    CHECK(value(d, "applications", "granted", "natural_person") == "4");
    CHECK(value(d, "applications", "granted", "other_org") == "3");
    CHECK(cell(d, "applications", "granted", "total").status == CellStatus::blank);
  }
  SUBCASE("merged header fields: an empty cell at both ends of the values is a finding, not a guess") {
    Document d = text_report(std::string(kT3Heading) + kCorner + "\t申请人情况\n\t自然人\t法人或其他组织\t总计\n" +
                             "\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\n" +
                             "一、本年新收政府信息公开申请数量\t10\t1\t1\t1\t1\t1\t15\n" +
                             "三、本年度办理结果\t（一）予以公开\t\t4\t2\t1\t6\t3\t3\t\n");
    CHECK(value(d, "applications", "new_received", "total") == "15");
    CHECK(cell(d, "applications", "granted", "natural_person").status == CellStatus::missing);
    CHECK(cell(d, "applications", "granted", "commercial").status == CellStatus::missing);
    CHECK(has_finding(d, "map.row_shape"));
  }
}

TEST_CASE("text: a label wrapped inside its cell moves the next line's fields right, blanks and all") {
  // Word copies a cell's line break as a line break: the row's fields go on in the next line,
  // starting inside the wrapped cell. Its values stand as many fields to the right as the line
  // above had fields before its last; read by their own positions they would each move two
  // columns left under the wrong heading (the blanks of 自然人 and 商业企业 lost).
  const std::string header = std::string(kT3Heading) + kCorner + "\t\t\t申请人情况\t\t\t\t\t\t\t\n" +
                             "\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计\t\n" +
                             "\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\t\n" +
                             "一、本年新收政府信息公开申请数量\t\t\t443\t103\t55\t70\t59\t62\t792\t\n";
  SUBCASE("the wrapped line's label matches a row on its own") {
    Document d = text_report(header + "\t（四）无法提供\t(1)本机关\n不掌握相关政府信息\t\t \t3\t6\t6\t1\t53\t\n" +
                             "\t\t(2)没有现成信息需要另行制作\t/\t2\t2\t2\t1\t1\t19\t\n");
    CHECK(cell(d, "applications", "unavailable.not_held", "natural_person").status == CellStatus::blank);
    CHECK(cell(d, "applications", "unavailable.not_held", "commercial").status == CellStatus::blank);
    CHECK(value(d, "applications", "unavailable.not_held", "research") == "3");
    CHECK(value(d, "applications", "unavailable.not_held", "other_org") == "1");
    CHECK(value(d, "applications", "unavailable.not_held", "total") == "53");
    CHECK(value(d, "applications", "unavailable.needs_creation", "commercial") == "2");
  }
  SUBCASE("the label needs the line above: a note wrapped under （二）部分公开") {
    Document d = text_report(header + "三、本年度办理结果\t（一）予以公开\t\t7530\t2028\t2210\t100\t733\t1334\t13935\t\n" +
                             "\t（二）部分公开\n（区分处理的，只计这一情形，不计其他情形）\t\t\t\t1669\t1552\t49\t2350\t18197\t\n");
    CHECK(value(d, "applications", "granted", "natural_person") == "7530");
    CHECK(cell(d, "applications", "partially_granted", "natural_person").status == CellStatus::blank);
    CHECK(cell(d, "applications", "partially_granted", "commercial").status == CellStatus::blank);
    CHECK(value(d, "applications", "partially_granted", "research") == "1669");
    CHECK(value(d, "applications", "partially_granted", "total") == "18197");
  }
  SUBCASE("a label wrapped in the first field keeps the line's own positions") {
    Document d = text_report(header + "二、上年结转政府信息\n公开申请数量\t\t\t\t\t2\t4\t2\t3\t11\t\n");
    CHECK(cell(d, "applications", "carried_over", "natural_person").status == CellStatus::blank);
    CHECK(value(d, "applications", "carried_over", "research") == "2");
    CHECK(value(d, "applications", "carried_over", "total") == "11");
  }
}

TEST_CASE("text: a 小计 column with a tab ending every line, or an empty line under the header") {
  SUBCASE("a tab at the end of every line") {
    Document d = text_report(std::string(kT3Heading) + kCorner + "\t\t\t申请人情况\t\t\t\t\t\t\t\t\n" +
                             "\t\t\t自然人\t法人或其他组织\t\t\t\t\t\t总计\t\n" +
                             "\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t小计\t\t\n" +
                             "一、本年新收政府信息公开申请数量\t\t\t366\t107\t61\t91\t52\t63\t374\t740\t\n" +
                             "二、上年结转政府信息公开申请数量\t\t\t2\t2\t1\t4\t2\t3\t12\t14\t\n");
    CHECK(value(d, "applications", "new_received", "natural_person") == "366");
    CHECK(value(d, "applications", "new_received", "legal_person_subtotal") == "374");
    CHECK(value(d, "applications", "new_received", "total") == "740");
    CHECK(value(d, "applications", "carried_over", "total") == "14");
    CHECK_FALSE(has_finding(d, "map.row_shape"));
  }
  SUBCASE("a line of tabs under the header") {
    Document d = text_report(std::string(kT3Heading) + kCorner + "\t\t\t申请人情况\t\t\t\t\t\t\t\n" +
                             "\t\t\t自然人\t法人或其他组织\t\t\t\t\t\t总计\n" +
                             "\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t小计\t\n" +
                             "\t\t\t\t\t\t\t\t\t\t\n" +
                             "一、本年新收政府信息公开申请数量\t\t\t366\t107\t61\t91\t52\t63\t374\t740\n");
    CHECK(value(d, "applications", "new_received", "legal_person_subtotal") == "374");
    CHECK(value(d, "applications", "new_received", "total") == "740");
  }
  SUBCASE("merged header fields with a tab ending every line and a blank first cell") {
    Document d = text_report(std::string(kT3Heading) + kCorner + "\t申请人情况\t\n\t自然人\t法人或其他组织\t合计\t\n\n" +
                             "\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t小计\t\t\n" +
                             "一、本年新收政府信息公开申请数量\t10\t1\t1\t1\t1\t1\t5\t15\t\n" +
                             "二、上年结转政府信息公开申请数量\t\t1\t1\t1\t1\t1\t5\t5\t\n");
    CHECK(value(d, "applications", "new_received", "total") == "15");
    CHECK(cell(d, "applications", "carried_over", "natural_person").status == CellStatus::blank);
    CHECK(value(d, "applications", "carried_over", "commercial") == "1");
    CHECK(value(d, "applications", "carried_over", "legal_person_subtotal") == "5");
    CHECK(value(d, "applications", "carried_over", "total") == "5");
  }
}

TEST_CASE("text: a row label wrapped at a numbered line without a tab stays in the table") {
  Document d = text_report(std::string(kT3Heading) + kCorner + "\t申请人情况\n\t自然人\t法人或其他组织\t总计\n" +
                           "\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n" +
                           "一、本年新收政府信息公\n开申请数量\t10\t1\t1\t1\t1\t1\t15\n" +
                           "\n二、上年结转政府\n信息公开申请数量\t2\t0\t0\t0\t0\t0\t2\n" +
                           "（三）不予公开\t1.属于国家秘密\t1\t0\t0\t0\t0\t0\t1\n\t2.其他\n法律行政法规禁止公开\t3\t0\t0\t0\t0\t0\t3\n");
  CHECK(value(d, "applications", "new_received", "natural_person") == "10");
  CHECK(value(d, "applications", "new_received", "total") == "15");
  CHECK(value(d, "applications", "carried_over", "total") == "2");
  CHECK(value(d, "applications", "denied.prohibited_by_law", "natural_person") == "3");
  CHECK_FALSE(has_finding(d, "map.unmatched_row"));
  // A wrapped label's first line is no group heading: 3.其他 below is still under （六）其他处理.
  Document e = text_report(std::string(kT3Heading) + kCorner + "\t申请人情况\n\t自然人\t法人或其他组织\t总计\n" +
                           "\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n" +
                           "（六）其他处理\t\t\t\t\t\t\t\n（1）申请人无正当理由逾期不补正、\n" +
                           "行政机关不再处理其政府信息公开申请\t1\t0\t0\t0\t0\t0\t1\n" +
                           "（2）申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t2\t0\t0\t0\t0\t0\t2\n" +
                           "（3）其他\t3\t0\t0\t0\t0\t0\t3\n");
  CHECK(value(e, "applications", "other.no_correction", "natural_person") == "1");
  CHECK(value(e, "applications", "other.other", "natural_person") == "3");
  CHECK_FALSE(has_finding(e, "map.unmatched_row"));
}

TEST_CASE("text: table 四 in the layouts Word copies") {
  auto check = [](const Document& d) {
    CHECK(value(d, "review_litigation", "administrative_review", "upheld") == "7");
    CHECK(value(d, "review_litigation", "administrative_review", "total") == "22");
    CHECK(value(d, "review_litigation", "litigation_direct", "corrected") == "8");
    CHECK(value(d, "review_litigation", "litigation_after_review", "pending") == "4");
    CHECK(value(d, "review_litigation", "litigation_after_review", "total") == "13");
    CHECK_FALSE(has_finding(d, "map.unmatched_row"));
  };
  const std::string five = "结果维持\t结果纠正\t其他结果\t尚未审结\t总计";
  SUBCASE("one row of 15 with merged header cells one field each") {
    check(text_report(std::string(kT4Heading) + "行政复议\t行政诉讼\n" + five + "\t未经复议直接起诉\t复议后起诉\n" +
                      "\t\t\t\t\t" + five + "\t" + five + "\n7\t4\t2\t9\t22\t3\t8\t9\t6\t26\t3\t3\t3\t4\t13\n"));
  }
  SUBCASE("行政诉讼 first and 行政复议 over two lines with a tab ending every line") {
    check(text_report(std::string(kT4Heading) + "行政诉讼\t行政复议\t\n未经复议直接起诉\t复议后起诉\t\t\n" + five + "\t" +
                      five + "\t" + five + "\t\n3\t8\t9\t6\t26\t3\t3\t3\t4\t13\t7\t4\t2\t9\t22\t\n"));
  }
  SUBCASE("results as rows") {
    check(text_report(std::string(kT4Heading) + "项目\t行政复议\t行政诉讼\t\n\t\t未经复议直接起诉\t复议后起诉\n" +
                      "结果维持\t7\t3\t3\n结果纠正\t4\t8\t3\n其他结果\t2\t9\t3\n尚未审结\t9\t6\t4\n总计\t22\t26\t13\n"));
  }
  SUBCASE("two tables with the second right under the first") {
    check(text_report(std::string(kT4Heading) + "行政复议\t\t\t\t\n" + five + "\n7\t4\t2\t9\t22\n\n" +
                      "行政诉讼\t\t\t\t\t\t\t\t\t\n未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t\n" + five + "\t" + five +
                      "\n3\t8\t9\t6\t26\t3\t3\t3\t4\t13\n"));
  }
  SUBCASE("blocks of a title and a header and a row with a tab ending every line") {
    check(text_report(std::string(kT4Heading) + "行政复议\t\t\t\t\t\n" + five + "\t\n7\t4\t2\t9\t22\t\n" +
                      "行政诉讼—未经复议直接起诉\t\t\t\t\t\n" + five + "\t\n3\t8\t9\t6\t26\t\n" + "行政诉讼—复议后起诉\t\t\t\t\t\n" +
                      five + "\t\n3\t3\t3\t4\t13\t\n"));
  }
  SUBCASE("block titles on lines of their own (merged cells copied without a tab)") {
    check(text_report(std::string(kT4Heading) + "行政复议\n" + five + "\n7\t4\t2\t9\t22\n\n行政诉讼\n" +
                      "未经复议直接起诉\t复议后起诉\n" + five + "\t" + five + "\n3\t8\t9\t6\t26\t3\t3\t3\t4\t13\n"));
  }
}

TEST_CASE("a value under a header cell the grid had to displace is no cell: map.row_shape, not a shifted number") {
  Document d;
  Table t = table_of({{"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"}, {"规章", "1", "2", "3"},
                      {"行政规范性文件", "4", "5", "6"}});
  // As grid_from_rows marks a header cell that moved left because a cell before it lost columns.
  for (auto& c : t.cells)
    if (c.text == "本年废止件数") c.displaced = true;
  d.blocks.push_back(t);
  map_profile(d);
  CHECK(cell(d, "proactive", "rules", "issued").status == CellStatus::missing);
  CHECK(cell(d, "proactive", "rules", "repealed").status == CellStatus::missing);
  CHECK(cell(d, "proactive", "normative_documents", "in_force").status == CellStatus::missing);
  bool said = false;
  for (const auto& f : d.findings) said = said || (f.code == "map.row_shape" && f.message.find("without a shift") != std::string::npos);
  CHECK(said);
}

TEST_CASE("label_in: a long label anywhere in the key, a short one only at its start or end") {
  using ogix::mapping::label_in;
  CHECK(label_in("申请人数量自然人", "申请人数量自然人"));
  CHECK(label_in("三、本年度办理结果予以公开", "本年度办理结果"));            // inside
  CHECK(label_in("本年度办理结果", "本年度办理结果"));                          // whole key
  CHECK(label_in("xx本年度办理结果", "本年度办理结果"));                        // at the end
  CHECK_FALSE(label_in("本年度办理结", "本年度办理结果"));                      // key shorter
  CHECK_FALSE(label_in("本年度办理结果", ""));
  CHECK_FALSE(label_in("三、本年度办理结论予以公开", "本年度办理结果"));        // last character differs
  CHECK_FALSE(label_in("三、本年度办里结果予以公开", "本年度办理结果"));        // a middle one differs
  CHECK(label_in("其他", "其他"));
  CHECK(label_in("其他组织", "其他"));                                          // short: at the start
  CHECK_FALSE(label_in("法人或其他组织", "其他"));                              // short: not inside
}
