#include <doctest/doctest.h>

#include <stdexcept>

#include "model/error.h"
#include "normalizers/profile_mapper.h"
#include "normalizers/table_grid.h"

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

TEST_CASE("text in a number cell is status text with a finding; duplicates are reported") {
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
