// Word .docx reports (Office Open XML): paragraphs and tables of word/document.xml.
#pragma once

#include "extractors/extractor.h"

namespace ogix {

// Reads word/document.xml in body order: paragraphs (with automatic list numbering rendered, so
// 一、 and 1. that Word generates reach the sectionizer and the label matcher as text) and tables
// (gridSpan and vMerge become col/row spans; gridBefore, legacy hMerge, tblHeader rows). Deleted
// and hidden text, field codes, headers and footers are left out. Provenance: element paths such as
// /w:body/w:tbl[2]/w:tr[4]/w:tc[2]. Errors: damaged, encrypted, unsupported (a ZIP that is not a
// Word document), limit_exceeded (document.xml inflating past --max-input-mb).
class DocxExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "docx"; }
  Document extract(std::string_view bytes, const ExtractContext& ctx) const override;
};

// The XML parts a .docx is read from, already out of the ZIP container (styles and numbering may
// be empty).
struct DocxParts {
  std::string document, styles, numbering;
};

// What DocxExtractor does once the parts are unzipped: for tests and fuzzing without a container.
Document extract_docx_parts(const DocxParts& parts, const ExtractContext& ctx);

}  // namespace ogix
