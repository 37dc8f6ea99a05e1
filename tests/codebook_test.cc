#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "profiles/codebook.h"
#include "test_util.h"

using namespace ogix;

namespace {

// The fields of one CSV line without quotes (the golden cells CSVs quote only locations and raw
// text, which come after the columns read here).
std::vector<std::string> leading_fields(const std::string& line, int n) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (static_cast<int>(out.size()) < n) {
    std::size_t comma = line.find(',', at);
    out.push_back(line.substr(at, comma - at));
    if (comma == std::string::npos) break;
    at = comma + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("every cell a golden output holds has a codebook line") {
  std::set<std::string> known;
  for (const auto& e : codebook_entries())
    if (e.kind == "cell") known.insert(e.profile + " " + e.code);
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test::source_path("fixtures"))) {
    std::istringstream csv(test::slurp(entry.path() / "expected.cells.csv"));
    std::string line;
    std::getline(csv, line);  // header
    while (std::getline(csv, line)) {
      auto f = leading_fields(line, 5);
      REQUIRE(f.size() == 5);
      std::string row = f[3].rfind("extra_", 0) == 0 ? "extra_N" : f[3];
      std::string col = row == "extra_N" ? "c<n>" : f[4];
      CHECK_MESSAGE(known.count(f[1] + " " + f[2] + "." + row + "." + col), entry.path().filename().string() << ": " << line);
      ++checked;
    }
  }
  CHECK(checked > 5000);
}

TEST_CASE("every codebook line is reachable from its profile, labelled in both languages") {
  auto entries = codebook_entries();
  REQUIRE(!entries.empty());
  std::set<std::string> codes;
  for (const auto& e : entries) {
    CAPTURE(e.profile + " " + e.code);
    CHECK(codes.insert(e.profile + " " + e.kind + " " + e.code).second);  // no line twice
    const Profile* p = find_profile(e.profile);
    REQUIRE(p != nullptr);
    CHECK(!e.label_zh.empty());
    CHECK(!e.label_en.empty());
    CHECK(e.label_zh.find(e.row + " /") == std::string::npos);  // a label, not the code it stands for
    if (e.kind == "section") {
      bool declared = e.code == "preamble";
      for (const auto& s : p->sections) declared = declared || s.code == e.code;
      CHECK(declared);
      continue;
    }
    const ProfileTable* t = p->table(e.table);
    REQUIRE(t != nullptr);
    if (e.row == "extra_N") continue;
    CHECK(t->row(e.row) != nullptr);
    CHECK(t->col(e.col) != nullptr);
    CHECK(e.code == e.table + "." + e.row + "." + e.col);
  }
  // Every row and column of every profile table is in the codebook.
  for (const auto& p : builtin_profiles())
    for (const auto& t : p.tables) {
      for (const auto& r : t.rows) CHECK_MESSAGE(p.label("row", t.code, r.code), p.id << " row " << r.code << " has no label");
      for (const auto& c : t.cols) CHECK_MESSAGE(p.label("col", t.code, c.code), p.id << " col " << c.code << " has no label");
    }
}

TEST_CASE("the codebook names the rules a cell takes part in and the money unit") {
  std::map<std::string, CodebookEntry> by;
  for (const auto& e : codebook_entries()) by[e.profile + " " + e.code] = e;
  CHECK(by.at("ogi-2021 applications.new_received.total").rules == "1;3");
  CHECK(by.at("ogi-2021 applications.granted.natural_person").rules == "2;3");
  CHECK(by.at("ogi-2021 applications.other.no_correction.commercial").rules == "2;3");
  CHECK(by.at("ogi-2021 applications.granted.legal_person_subtotal").rules == "2;3");
  CHECK(by.at("ogi-2019 review_litigation.litigation_direct.pending").rules == "4");
  CHECK(by.at("ogi-2021 proactive.administrative_fees.fee_amount").unit == "万元");
  CHECK(by.at("ogi-2021 proactive.administrative_fees.fee_amount").rules == "5");
  CHECK(by.at("ogi-2019 applications.new_received.natural_person").label_zh == "一、本年新收政府信息公开申请数量 / 自然人");
  CHECK(by.at("ogi-2019 applications.new_received.natural_person").label_en == "New requests received this year / Natural persons");
}

TEST_CASE("label statements are checked like the rest of a profile") {
  CHECK_THROWS_AS(parse_profile("profile x\ntable t\ncol a = A\nlabel col b = 乙 | B\n"), std::invalid_argument);
  CHECK_THROWS_AS(parse_profile("profile x\nlabel col a = 甲 | A\n"), std::invalid_argument);  // outside a table
  CHECK_THROWS_AS(parse_profile("profile x\ntable t\ncol a = A\nlabel col a = 甲\n"), std::invalid_argument);  // no English
  Profile p = parse_profile("profile x\nlabel section s = 节 | Section\ntable t\nlabel table = 表 | Table\ncol a = A\nlabel col a = 甲 | A\n");
  REQUIRE(p.labels.size() == 3);
  CHECK(p.label("table", "t", "t")->en == "Table");
  CHECK(p.label("col", "t", "a")->zh == "甲");
}
