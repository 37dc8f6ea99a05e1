// What the pipeline tells an extractor about the official report format, so that extractors find a
// report's structure without reading the profiles: built from them by the pipeline (cli/job).
#pragma once

#include <string>
#include <vector>

namespace ogix {

// Structural cues of the official format, as label keys (text/label_key.h).
struct ReportCues {
  // Per top-level section in order (1 = 一、总体情况 … 6 = 六、其他需要报告的事项): its heading wordings.
  std::vector<std::vector<std::string>> section_wording;
  // Row and column labels only the statistics tables have (three characters or longer).
  std::vector<std::string> table_wording;
  // Label header (指标名称) and row labels of indicator tables (ogi-legacy), as label keys.
  std::vector<std::string> indicator_wording;
  // The label-column headers of indicator tables alone (指标名称 | 指标), as label keys.
  std::vector<std::string> indicator_header_wording;
};

}  // namespace ogix
