#include "model/finding.h"
#include "model/profile_table.h"

namespace ogix {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

const char* status_name(CellStatus s) {
  switch (s) {
    case CellStatus::number: return "number";
    case CellStatus::blank: return "blank";
    case CellStatus::na: return "na";
    case CellStatus::text: return "text";
    case CellStatus::missing: return "missing";
  }
  return "missing";
}

const char* rule_result_name(RuleResult r) {
  switch (r) {
    case RuleResult::pass: return "pass";
    case RuleResult::fail: return "fail";
    case RuleResult::unchecked: return "unchecked";
  }
  return "unchecked";
}

}  // namespace ogix
