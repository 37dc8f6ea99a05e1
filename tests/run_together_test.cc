#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "cli/job.h"
#include "normalizers/run_together.h"
#include "profiles/profile.h"

using namespace ogix;

namespace {

using Parts = std::vector<std::string>;

RunSlots row_run(const std::string& row, const std::string& run, const std::vector<std::string>& cols) {
  RunSlots r{run, {}};
  for (const auto& c : cols) r.slots.emplace_back(row, c);
  return r;
}

const std::vector<std::string> kApplicantCols = {"natural_person", "commercial",    "research", "social_welfare",
                                                  "legal_service",  "other_org", "total"};

const CanonicalCell& cell(const Document& d, const char* t, const char* r, const char* c) {
  for (const auto& x : d.cells)
    if (x.table == t && x.row == r && x.col == c) return x;
  FAIL("no cell ", t, "/", r, "/", c);
  throw 0;
}

int findings(const Document& d, const std::string& code) {
  int n = 0;
  for (const auto& f : d.findings) n += f.code == code;
  return n;
}

}  // namespace

TEST_CASE("run splits: one digit a cell is forced") {
  RunSplits s = enumerate_splits("000", 3);
  REQUIRE(s.splits.size() == 1);
  CHECK(s.splits[0] == Parts{"0", "0", "0"});
  CHECK(enumerate_splits("1000001", 7).splits.size() == 1);
}

TEST_CASE("run splits: spaces are cell boundaries, '.' binds, no leading zeros") {
  RunSplits s = enumerate_splits("500000 5", 7);
  REQUIRE(s.splits.size() == 1);
  CHECK(s.splits[0] == Parts{"5", "0", "0", "0", "0", "0", "5"});
  CHECK(enumerate_splits("0010", 2).splits.empty());  // 0|010, 00|10, 001|0 all have a leading zero
  RunSplits money = enumerate_splits("13575394432.52", 2);
  CHECK(money.splits.size() == 11);  // 1|3575394432.52 … 1357539443|2.52, and 13575394432.5|2
  for (const auto& p : money.splits) CHECK((p[0].find('.') == std::string::npos || p[0].back() != '.'));
  RunSplits one = enumerate_splits("24252.311082", 1);
  REQUIRE(one.splits.size() == 1);
  CHECK(one.splits[0][0] == "24252.311082");
  CHECK(enumerate_splits("1 234", 1).splits.empty());  // a space inside a one-cell run: not a number
  RunSplits neg = enumerate_splits("12-3", 2);
  REQUIRE(neg.splits.size() == 1);
  CHECK(neg.splits[0] == Parts{"12", "-3"});
}

TEST_CASE("run splits: table 二 has no rule, so only forced runs are decided") {
  const Profile* p = find_profile("ogi-2021");
  REQUIRE(p);
  auto d = split_runs(*p, "proactive",
                      {row_run("rules", "000", {"issued", "repealed", "in_force"}),
                       row_run("normative_documents", "693665", {"issued", "repealed", "in_force"})});
  REQUIRE(d.size() == 2);
  CHECK(d[0].cells == Parts{"0", "0", "0"});
  CHECK(d[1].cells.empty());
  CHECK(d[1].candidates == 10);
  CHECK_FALSE(d[1].capped);
}

TEST_CASE("run splits: rule 3 decides a row — rules 1 and 2 decide across rows") {
  const Profile* p = find_profile("ogi-2019");
  REQUIRE(p);
  auto one = split_runs(*p, "applications", {row_run("new_received", "230 000023", kApplicantCols)});
  CHECK(one[0].cells == Parts{"23", "0", "0", "0", "0", "0", "23"});

  // pingtan 2021: granted 270020130 passes rule 3 as 27|0|0|2|0|1|30 and as 2|7|0|0|20|1|30; only
  // the first satisfies rule 2 with the other rows of the table.
  const Profile* p21 = find_profile("ogi-2021");
  REQUIRE(p21);
  auto alone = split_runs(*p21, "applications", {row_run("granted", "270020130", kApplicantCols)});
  CHECK(alone[0].cells.empty());
  CHECK(alone[0].candidates >= 2);
  std::vector<RunSlots> runs = {
      row_run("new_received", "640020470", kApplicantCols),
      row_run("carried_over", "0000000", kApplicantCols),
      row_run("granted", "270020130", kApplicantCols),
      row_run("partially_granted", "500000 5", kApplicantCols),
      row_run("denied.internal_affairs", "1000001", kApplicantCols),
      row_run("denied.enforcement_case_file", "6000006", kApplicantCols),
      row_run("denied.administrative_query", "1000001", kApplicantCols),
      row_run("unavailable.not_held", "220000325", kApplicantCols),
      row_run("other.other", "1000001", kApplicantCols),
      row_run("total_processed", "630020469", kApplicantCols),
      row_run("carried_forward", "1000001", kApplicantCols),
  };
  auto d = split_runs(*p21, "applications", runs);
  CHECK(d[0].cells == Parts{"64", "0", "0", "2", "0", "4", "70"});
  CHECK(d[2].cells == Parts{"27", "0", "0", "2", "0", "1", "30"});
  CHECK(d[7].cells == Parts{"22", "0", "0", "0", "0", "3", "25"});
  CHECK(d[9].cells == Parts{"63", "0", "0", "2", "0", "4", "69"});
}

TEST_CASE("run splits: rule 4 splits the review/litigation run of fifteen cells") {
  const Profile* p = find_profile("ogi-2021");
  REQUIRE(p);
  RunSlots r{"10203120001200000", {}};
  for (const char* row : {"administrative_review", "litigation_direct", "litigation_after_review"})
    for (const char* col : {"upheld", "corrected", "other_result", "pending", "total"}) r.slots.emplace_back(row, col);
  auto d = split_runs(*p, "review_litigation", {r});
  CHECK(d[0].cells == Parts{"1", "0", "2", "0", "3", "12", "0", "0", "0", "12", "0", "0", "0", "0", "0"});
}

TEST_CASE("run splits: hostile runs are bounded") {
  auto t0 = std::chrono::steady_clock::now();
  RunSplits longrun = enumerate_splits(std::string(40, '7'), 7);
  CHECK(longrun.capped);
  CHECK(longrun.splits.empty());
  RunSplits many = enumerate_splits(std::string(29, '1'), 15);  // C(28,14) splits: far over the cap
  CHECK(many.capped);
  CHECK(many.splits.size() <= kMaxSplitsPerRun);
  RunSplits dead = enumerate_splits(std::string(28, '1') + "0" + "0", 12);  // many dead ends
  (void)dead;
  CHECK(enumerate_splits(std::string(100000, '0'), 100000).splits.size() == 1);  // forced, no search
  const Profile* p = find_profile("ogi-2021");
  auto d = split_runs(*p, "applications", {row_run("new_received", std::string(30, '1'), kApplicantCols)});
  CHECK(d[0].cells.empty());
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(20));
}

TEST_CASE("run-together pingtan 2021 text: sections, tables and a finding for the ambiguous run") {
  std::string bytes = read_file_capped(std::string(OGIX_SOURCE_DIR) + "/fixtures/text-pingtan-2021/input.txt", 1 << 20);
  Document d = convert_bytes(bytes, "input.txt", ConvertOptions{});
  CHECK(d.profile == "ogi-2021");
  std::vector<std::string> codes;
  for (const auto& s : d.sections) codes.push_back(s.code);
  CHECK(codes == std::vector<std::string>{"preamble", "overview", "proactive", "applications", "review_litigation",
                                          "problems", "other_matters"});
  CHECK(cell(d, "applications", "new_received", "total").value == "70");
  CHECK(cell(d, "applications", "total_processed", "natural_person").value == "63");
  CHECK(cell(d, "proactive", "administrative_fees", "fee_amount").value == "24252.311082");
  CHECK(cell(d, "review_litigation", "litigation_direct", "total").value == "12");
  CHECK(cell(d, "proactive", "normative_documents", "issued").status == CellStatus::text);
  CHECK(findings(d, "text.ambiguous_run") == 1);
  CHECK(findings(d, "text.run_together") == 1);
}

TEST_CASE("run-together detection does not fire on tab tables or ordinary text") {
  for (const char* f : {"/fixtures/text-seed-2020/input.txt", "/fixtures/text-2021-synthetic/input.txt"}) {
    std::string bytes = read_file_capped(std::string(OGIX_SOURCE_DIR) + f, 1 << 20);
    Document d = convert_bytes(bytes, "input.txt", ConvertOptions{});
    CHECK(findings(d, "text.run_together") == 0);
  }
  Document d;
  d.meta.extractor = "text";
  d.blocks.push_back(Paragraph{"本年新收政府信息公开申请数量12件，信息内容丰富。", 0, {}});
  CHECK_FALSE(is_run_together(d));
  d.blocks.push_back(Paragraph{"一、本年新收政府信息公开申请数量640020470", 0, {}});
  CHECK(is_run_together(d));
  d.meta.extractor = "html";
  CHECK_FALSE(is_run_together(d));
}
