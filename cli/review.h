// ogix review: review pages (static HTML, CSS, PNG) for an output directory of ogix convert.
#pragma once

#include <string>
#include <vector>

namespace ogix {

// What a review run does.
struct ReviewOptions {
  std::string out_dir;  // an ogix convert output directory (manifest.csv + <name>.xml)
  bool sync = true;     // fsync each page before its rename
};

// What a review run wrote.
struct ReviewResult {
  int reports = 0;        // report pages written
  int failed_inputs = 0;  // inputs listed as failed (manifest errors, unreadable XML)
  int crops = 0;          // page images rendered
  std::vector<std::string> notes;  // sources not found or changed, crops not rendered
};

// Writes OUTDIR/review/index.html, review.css and reports/<name>.html (+ reports/img/*.png for
// PDF sources, whose paths in manifest.csv are resolved from the current directory and used only
// when their SHA-256 matches the report's). Throws Error(io) when manifest.csv cannot be read or
// the review directory cannot be written; a report that cannot be read is listed as failed.
ReviewResult write_review(const ReviewOptions& options);

}  // namespace ogix
