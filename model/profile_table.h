// Canonical profile cells and rule outcomes: what researchers read.
#pragma once

#include <string>
#include <vector>

#include "model/span.h"

namespace ogix {

enum class CellStatus { number, blank, na, text, missing };

// Stable lowercase name of a status, as written in XML and CSV.
const char* status_name(CellStatus s);

// One cell of a profile table, keyed by codes from the spec.
struct CanonicalCell {
  std::string table, row, col;
  CellStatus status = CellStatus::missing;
  std::string value;  // ASCII number for status number, else empty
  std::string raw;    // normalized source text of the cell
  std::vector<Span> from;
  bool extra = false;   // a row/column the source has beyond the profile
  std::string label;    // source row label, for extra rows
  std::string unit;     // the row's unit as the indicator table states it (money: 万元); empty otherwise
};

enum class RuleResult { pass, fail, unchecked };

// Stable lowercase name of a rule result.
const char* rule_result_name(RuleResult r);

// The outcome of one consistency rule over one column or row.
struct RuleOutcome {
  int rule = 0;            // 1..5 as numbered in the spec
  std::string table;       // profile table code
  std::string scope;       // column code (rules 1, 2) or row code (rules 3, 4, 5)
  RuleResult result = RuleResult::unchecked;
  std::string lhs, rhs;    // both sides as decimal text, empty when unchecked
  std::string detail;      // why unchecked, or the operands
  std::string id;          // the rule as its profile numbers it ("4", "L1"); empty = rule

  // The rule's name in every output (XML n, SQLite rules.rule): the id, or the number without one.
  std::string name() const { return id.empty() ? std::to_string(rule) : id; }
};

}  // namespace ogix
