// Extractors turn input bytes into a Document (blocks in reading order); one per input kind.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "model/document.h"
#include "model/error.h"
#include "model/limits.h"
#include "model/ocr_options.h"
#include "model/report_cues.h"

namespace ogix {

// What an extractor knows besides the bytes.
struct ExtractContext {
  std::string source;  // input file name (no directory), used in errors and metadata
  Limits limits;
  OcrOptions ocr;
  // Mutable: each page read by OCR extends it (grant_ocr_page), through the const context.
  mutable std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
  ReportCues cues;  // the official format's wording, handed down by the pipeline (none: no structure found)

  // Throws limit_exceeded when the per-document time budget is spent; call between pages/stages.
  void check_deadline() const;
  // Extends the deadline by limits.ocr_page_seconds: OCR takes seconds a page where text takes
  // milliseconds, so a scan's budget grows with the pages it reads. Call before reading a page.
  void grant_ocr_page() const;
};

// Bytes → Document. Throws ogix::Error only when no document can be produced.
class Extractor {
 public:
  virtual ~Extractor() = default;
  // Short stable name ("text", "html", "pdf"), written to the metadata.
  virtual std::string_view name() const = 0;
  // Extracts blocks and metadata (meta.source/sha256/size are filled by the caller).
  virtual Document extract(std::string_view bytes, const ExtractContext& ctx) const = 0;
};

enum class InputKind { pdf, html, text, docx, image, unsupported };

// Decides the kind from the bytes (never the file name): %PDF, a ZIP holding word/, a PNG, JPEG or
// TIFF image, markup, text.
InputKind sniff_kind(std::string_view bytes);

// The registry: the extractor for a kind (nullptr for unsupported). Adding a format is one row.
const Extractor* extractor_for(InputKind kind);

}  // namespace ogix
