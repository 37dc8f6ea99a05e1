// The PDF extractor: poppler text boxes → lines → paragraphs in reading order, and table grids
// recovered from ruling lines (or from value alignment where a table has none), with page/box
// provenance on every paragraph and cell.
#pragma once

#include <string_view>

#include <vector>

#include "extractors/extractor.h"
#include "extractors/ocr_extractor.h"

namespace ogix {

// Reads text PDFs (WPS/Word/LibreOffice exports). Reads pages turned by /Rotate or drawn sideways
// upright. Removes running headers, footers and page numbers; joins wrapped Chinese lines without a
// space; joins a table continued on the next page (dropping repeated header rows, rejoining a row
// the break cut in two, taking in an unruled table's rows that start the next page). Throws Error with unsupported (no %PDF- header), damaged,
// encrypted (a user password), no_text_layer (a scan with --ocr=off, or one OCR finds no text in), garbled_text (fonts without a usable
// Unicode mapping) or limit_exceeded (pages, size, time).
class PdfExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "pdf"; }
  Document extract(std::string_view bytes, const ExtractContext& ctx) const override;
};

// Lays out pages OCR read from image files exactly as scanned PDF pages are laid out (tables,
// lines, paragraphs, provenance). Throws no_text_layer when OCR found no text at all.
Document layout_ocr_pages(std::vector<OcrPage> pages, const ExtractContext& ctx);

}  // namespace ogix
