// Input limits: hostile files must not exhaust memory or time.
#pragma once

#include <cstddef>

namespace ogix {

// Caps applied by every extractor; exceeding one raises ErrorCode::limit_exceeded naming it.
struct Limits {
  std::size_t max_input_bytes = 64u << 20;  // 64 MiB
  int max_pages = 500;                      // PDF pages
  int max_depth = 256;                      // HTML element nesting
  std::size_t max_table_cells = 100000;     // grid slots of one table
  int max_span = 1000;                      // a rowspan/colspan beyond this is clamped (finding)
  double max_seconds = 120;                 // per-document wall time, checked between pages/stages
  double ocr_page_seconds = 30;             // added to max_seconds for each page read by OCR
  std::size_t max_pixels = 40'000'000;      // one page image for OCR (decoded or rendered)
};

}  // namespace ogix
