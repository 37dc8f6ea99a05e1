// Findings: recoverable problems and facts worth reporting, with stable codes.
#pragma once

#include <string>

namespace ogix {

enum class Severity { info, warning, error };

// Stable lowercase name of a severity ("info", "warning", "error").
const char* severity_name(Severity s);

// One thing a stage noticed; `code` is stable across versions (documented in the README).
struct Finding {
  std::string code;      // e.g. "rule.fail", "cell.text", "unit.converted"
  Severity severity = Severity::info;
  std::string location;  // e.g. "applications/new_received/total" or a node path
  std::string message;
};

}  // namespace ogix
