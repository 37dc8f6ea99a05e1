#include <doctest/doctest.h>

#include "cli/dataset.h"

using namespace ogix;

namespace {
DatasetReport report(const char* source, const char* agency, const char* year, const char* over, const char* forward) {
  DatasetReport o;
  o.source = source;
  o.agency = agency;
  o.year = year;
  o.carried.push_back(CanonicalCell{"applications", "carried_over", "total", CellStatus::number, over, over, {}, false, {}, {}});
  o.carried.push_back(CanonicalCell{"applications", "carried_forward", "total", CellStatus::number, forward, forward, {}, false, {}, {}});
  return o;
}
}  // namespace

TEST_CASE("rule 6 pairs consecutive years of one agency") {
  std::vector<DatasetReport> in = {report("b.html", "某区", "2021", "3", "0"), report("a.html", "某区", "2020", "0", "3"),
                                  report("c.html", "某区", "2023", "9", "9"), report("d.html", "他区", "2022", "5", "5")};
  auto out = check_dataset_rules(in);
  REQUIRE(out.size() == 1);  // 2020→2021 only: 2023 has no 2022 of the same agency
  CHECK(out[0].result == RuleResult::pass);
  CHECK(out[0].source_before == "a.html");
  CHECK(out[0].source == "b.html");
  in[0].carried[0].value = "4";
  out = check_dataset_rules(in);
  CHECK(out.at(0).result == RuleResult::fail);
  CHECK(out.at(0).lhs == "4");
  CHECK(out.at(0).rhs == "3");
  in[0].carried[0].status = CellStatus::blank;
  CHECK(check_dataset_rules(in).at(0).result == RuleResult::unchecked);
}
