// The HTML extractor: a saved agency web page (or a fragment of one) → paragraphs and table grids
// of the report body, with metadata and node-path provenance. Built on libxml2's HTML parser.
#pragma once

#include <string>
#include <string_view>

#include "extractors/extractor.h"

namespace ogix {

// A charset a page declares about itself, and where: "meta" (<meta charset>), "http-equiv"
// (<meta http-equiv="Content-Type" content="…; charset=…">) or "xml-declaration".
struct HtmlCharsetDeclaration {
  std::string label;  // as written (gb2312, utf-8, …); empty when the page declares none
  std::string basis;
};

// Finds the first charset declaration in the first 64 KiB of `bytes` (comments skipped).
HtmlCharsetDeclaration find_html_charset(std::string_view bytes);

// Reads HTML pages: decodes them itself (BOM, declaration, ICU detection; gb2312/gbk as GB18030),
// finds the report body inside the site chrome by the report's own structure (section headings and
// statistics tables), and emits it as Paragraphs and Tables in reading order. Throws
// Error(not_a_report) for a page with neither a statistics table nor a report heading.
class HtmlExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "html"; }
  Document extract(std::string_view bytes, const ExtractContext& ctx) const override;
};

}  // namespace ogix
