// What OCR read in one table cell: the text, how sure it was, and the other readings it offered
// per character — the data the rule-checked digit correction works from.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/span.h"

namespace ogix {

// One character as OCR read it, with the alternatives it weighed (best first, own reading included).
struct OcrSymbol {
  std::string text;   // UTF-8, usually one code point
  float confidence = 0;  // 0..100
  std::vector<std::pair<std::string, float>> choices;  // (reading, probability 0..1), best first
};

// One table cell read by OCR.
struct OcrReading {
  Span from;          // page + box of the text read (PDF points)
  std::string text;   // as read, before normalization
  float confidence = 0;  // the least confident word of the cell, 0..100
  bool digits_only = false;  // read with the digit whitelist
  std::vector<OcrSymbol> symbols;
  // Whole other readings of a digits-only cell (the same crop read by another page segmentation
  // mode), each a candidate for the rule-checked correction like a per-character alternative.
  std::vector<std::string> other_readings;
};

}  // namespace ogix
