#include <doctest/doctest.h>

#include <algorithm>
#include <stdexcept>

#include "model/rule_detail.h"
#include "normalizers/rules.h"
#include "profiles/profile.h"

using namespace ogix;

namespace {

// A document with every profile cell set to `v` (status number), in profile order.
Document filled(const char* profile, const char* v) {
  Document d;
  d.profile = profile;
  const Profile* p = find_profile(profile);
  for (const auto& t : p->tables)
    for (const auto& r : t.rows) {
      if (r.extra) continue;
      for (const auto& c : r.cols) d.cells.push_back(CanonicalCell{t.code, r.code, c, CellStatus::number, v, v, {}, false, {}, {}});
    }
  return d;
}

CanonicalCell& cell(Document& d, const char* t, const char* r, const char* c) {
  for (auto& x : d.cells)
    if (x.table == t && x.row == r && x.col == c) return x;
  throw std::runtime_error("no cell");
}

const RuleOutcome& outcome(const Document& d, int n, const char* scope) {
  for (const auto& o : d.rules)
    if (o.rule == n && o.scope == scope) return o;
  throw std::runtime_error("no outcome");
}

}  // namespace

TEST_CASE("all-zero reports pass rules 1-4") {
  Document d = filled("ogi-2019", "0");
  check_rules(d);
  for (const auto& o : d.rules) CHECK(o.result == RuleResult::pass);
  CHECK(d.findings.empty());
}

TEST_CASE("rule 1 fails with both sides named") {
  Document d = filled("ogi-2019", "0");
  cell(d, "applications", "new_received", "natural_person").value = "5";
  check_rules(d);
  const RuleOutcome& o = outcome(d, 1, "natural_person");
  CHECK(o.result == RuleResult::fail);
  CHECK(o.lhs == "5");
  CHECK(o.rhs == "0");
  CHECK(outcome(d, 1, "commercial").result == RuleResult::pass);
  REQUIRE_FALSE(d.findings.empty());
  CHECK(d.findings[0].code == "rule.fail");
}

TEST_CASE("rule 2 sums every result row — rule 3 the applicant columns") {
  Document d = filled("ogi-2021", "0");
  cell(d, "applications", "denied.state_secret", "research").value = "2";
  cell(d, "applications", "other.other", "research").value = "1";
  cell(d, "applications", "total_processed", "research").value = "3";
  check_rules(d);
  CHECK(outcome(d, 2, "research").result == RuleResult::pass);
  CHECK(outcome(d, 3, "total_processed").result == RuleResult::fail);  // total column still 0
  CHECK(outcome(d, 3, "total_processed").lhs == "0");
  CHECK(outcome(d, 3, "total_processed").rhs == "3");
}

TEST_CASE("rule 2 uses the single 其他处理 row when the 2021 sub-rows are missing") {
  Document d = filled("ogi-2021", "0");
  for (auto& c : d.cells)
    if (c.row.rfind("other.", 0) == 0) {
      c.status = CellStatus::missing;
      c.value.clear();
    }
  for (const char* col : {"natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"})
    d.cells.push_back(CanonicalCell{"applications", "other", col, CellStatus::number, "0", "0", {}, true, "（六）其他处理", {}});
  cell(d, "applications", "total_processed", "natural_person").value = "4";
  cell(d, "applications", "new_received", "natural_person").value = "4";
  d.cells.back().value = "0";
  for (auto& c : d.cells)
    if (c.row == "other" && c.col == "natural_person") c.value = "4";
  check_rules(d);
  CHECK(outcome(d, 2, "natural_person").result == RuleResult::pass);
  CHECK(outcome(d, 1, "natural_person").result == RuleResult::pass);
}

TEST_CASE("blank, na, text and missing operands make a rule unchecked, never failed") {
  for (CellStatus s : {CellStatus::blank, CellStatus::na, CellStatus::text, CellStatus::missing}) {
    Document d = filled("ogi-2019", "1");
    CanonicalCell& c = cell(d, "review_litigation", "administrative_review", "total");
    c.status = s;
    c.value.clear();
    check_rules(d);
    const RuleOutcome& o = outcome(d, 4, "administrative_review");
    CHECK(o.result == RuleResult::unchecked);
    CHECK(o.detail.find(status_name(s)) != std::string::npos);
  }
}

TEST_CASE("rule 4 and rule 5") {
  Document d = filled("ogi-2019", "0");
  cell(d, "review_litigation", "administrative_review", "upheld").value = "10";
  cell(d, "review_litigation", "administrative_review", "corrected").value = "1";
  cell(d, "proactive", "administrative_penalty", "change").value = "-18";  // change may be negative
  cell(d, "proactive", "rules", "new_made").value = "-1";
  cell(d, "proactive", "rules", "total_published").value = "1.5";
  check_rules(d);
  CHECK(outcome(d, 4, "administrative_review").result == RuleResult::fail);
  CHECK(outcome(d, 4, "administrative_review").lhs == "0");
  CHECK(outcome(d, 4, "administrative_review").rhs == "11");
  CHECK(outcome(d, 5, "administrative_penalty/nonneg").result == RuleResult::pass);
  CHECK(outcome(d, 5, "rules/nonneg").result == RuleResult::fail);
  CHECK(outcome(d, 5, "rules/integer").result == RuleResult::fail);
  CHECK(outcome(d, 5, "government_procurement/integer").result == RuleResult::pass);
}

TEST_CASE("rule details: what the rules write, the review reads back as operands") {
  std::string sum = sum_rule_detail({"new_received", "carried_over"}, {"total_processed", "carried_forward"}, "3 + 1", "4",
                                    "2 + 1", "3");
  CHECK(sum == "new_received + carried_over = total_processed + carried_forward: 3 + 1 = 4; 2 + 1 = 3");
  CHECK(rule_detail_operands(sum) ==
        std::vector<std::string>{"new_received", "carried_over", "total_processed", "carried_forward"});
  std::string not_less = not_less_rule_detail("cumulative", "current", "0", "74");
  CHECK(not_less == "cumulative >= current: 0 >= 74");
  CHECK(rule_detail_operands(not_less) == std::vector<std::string>{"cumulative", "current"});
  std::string values;
  append_value_check(values, "change", "-1");
  append_value_check(values, "procurement_amount", "2.5");
  CHECK(values == "change = -1; procurement_amount = 2.5");
  CHECK(rule_detail_operands(values) == std::vector<std::string>{"change", "procurement_amount"});
  CHECK(rule_detail_operands("applications/other/total is missing").empty());
  CHECK(rule_detail_operands("fewer than two parts present").empty());
  CHECK(rule_detail_operands("").empty());
  // Every detail the rules write on a document parses back to codes of its table.
  Document d = filled("ogi-2021", "1");
  check_rules(d);
  const Profile* p = find_profile("ogi-2021");
  for (const auto& o : d.rules) {
    if (o.result == RuleResult::unchecked) continue;
    const ProfileTable* t = p->table(o.table);
    REQUIRE(t);
    for (const auto& code : rule_detail_operands(o.detail)) {
      bool known = std::any_of(t->rows.begin(), t->rows.end(), [&](const auto& r) { return r.code == code; }) ||
                   std::any_of(t->cols.begin(), t->cols.end(), [&](const auto& c) { return c.code == code; });
      CHECK_MESSAGE(known, o.table << " " << o.scope << ": " << code);
    }
  }
}
