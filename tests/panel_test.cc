#include <doctest/doctest.h>

#include "normalizers/panel.h"

using namespace ogix;

namespace {
CanonicalCell cell(const char* table, const char* row, const char* col, CellStatus s, const char* v) {
  return CanonicalCell{table, row, col, s, v, v, {}, false, {}, {}};
}
std::size_t column(std::string_view name) {
  for (std::size_t k = 0; k < kPanelColumns.size(); ++k)
    if (kPanelColumns[k] == name) return k;
  FAIL("no panel column " << name);
  return 0;
}
}  // namespace

TEST_CASE("panel: sums need every operand a number — the reason for an empty value is noted") {
  Document d;
  d.profile = "ogi-2021";
  d.meta.agency_key = "某县";
  d.meta.year = "2022";
  d.cells = {cell("applications", "new_received", "total", CellStatus::number, "12"),
             cell("applications", "denied.state_secret", "total", CellStatus::number, "1"),
             cell("applications", "denied.internal_affairs", "total", CellStatus::number, "2.5"),
             cell("review_litigation", "litigation_direct", "total", CellStatus::number, "3"),
             cell("review_litigation", "litigation_after_review", "total", CellStatus::blank, ""),
             cell("applications", "granted", "total", CellStatus::na, "")};
  d.rules.push_back(RuleOutcome{1, "applications", "total", RuleResult::fail, "1", "2", "", {}});
  PanelRow r = panel_row(d, "a.xml");
  CHECK(r.values[column("requests_new")] == "12");
  CHECK(r.values[column("refused")] == "3.5");  // the family of denied.* rows
  CHECK(r.values[column("litigation_total")] == "");
  CHECK(r.values[column("granted")] == "");
  CHECK(r.values[column("already_public")] == "");  // 2019/2021 do not report it: no note either
  CHECK(r.notes.find("blank:review_litigation.litigation_after_review.total") != std::string::npos);
  CHECK(r.notes.find("na:applications.granted.total") != std::string::npos);
  CHECK(r.notes.find("missing:applications.partially_granted.total") != std::string::npos);
  CHECK(r.notes.find("already_public") == std::string::npos);
  CHECK(r.rules_fail == 1);
  CHECK(r.document == "a.xml");
}

TEST_CASE("panel: legacy indicators under the same names — only rows the table has") {
  Document d;
  d.profile = "ogi-legacy";
  d.cells = {cell("indicators", "requests_received", "current", CellStatus::number, "9"),
             cell("indicators", "replies.not_this_agency", "current", CellStatus::number, "2"),
             cell("indicators", "replies.not_exist", "current", CellStatus::number, "1"),
             cell("indicators", "replies.not_exist", "cumulative", CellStatus::number, "40"),
             cell("indicators", "proactive_total", "current", CellStatus::number, "158")};
  PanelRow r = panel_row(d, "l.xml");
  CHECK(r.values[column("requests_new")] == "9");
  CHECK(r.values[column("not_held")] == "3");
  CHECK(r.values[column("proactive_total")] == "158");
  CHECK(r.values[column("requests_carried_over")] == "");  // not reported before 2019
  CHECK(r.values[column("granted")] == "");
  CHECK(r.notes.find("missing:indicators.replies.granted.current") != std::string::npos);
}

TEST_CASE("panel: a report without a profile table has an empty row — duplicates are flagged, never chosen") {
  Document d;
  d.profile = "none";
  PanelRow r = panel_row(d, "n.xml");
  for (const auto& v : r.values) CHECK(v.empty());
  CHECK(r.notes.empty());
  std::vector<PanelRow> rows(4);
  rows[0].agency_key = rows[1].agency_key = rows[2].agency_key = "某县";
  rows[0].year = rows[1].year = "2020";
  rows[2].year = "2021";
  mark_duplicate_keys(rows);
  CHECK(rows[0].duplicate_key);
  CHECK(rows[1].duplicate_key);
  CHECK(!rows[2].duplicate_key);
  CHECK(!rows[3].duplicate_key);  // no key: never a duplicate
}
