// One review page per report: the statistics tables drawn in the printed layout with each cell's
// value and status, failing rules outlined, where each table was read, findings and sections.
// Knows only the model: crops are planned here but rendered by the caller (renderers/).
#pragma once

#include <string>
#include <vector>

#include "model/document.h"
#include "model/table_layout.h"

namespace ogix {

// A region of a source PDF page that one statistics table was read from, and its image.
struct ReviewCrop {
  std::string table;                      // profile table code
  int page = 0;                           // 1-based page of the source PDF
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // region in PDF points, origin top-left
  std::string file;                       // image path relative to the report page
  int width = 0, height = 0;              // image size in pixels (0 until rendered)
};

// What a report page shows besides the Document itself.
struct ReviewPageOptions {
  std::vector<TableLayout> layouts;  // printed layouts of the report's tables; a table without one
                                     // is drawn as a plain row × column grid
  std::vector<ReviewCrop> crops;     // rendered crops (width > 0) of PDF sources
  std::string source_note;           // shown instead of crops when the source could not be used
  std::string xml_href;              // link to the canonical XML, relative to the page
  std::string index_href = "../index.html";
  std::string css_href = "../review.css";
};

// The crops to render for a PDF report: per statistics table and page, the region of the source
// tables its cells were read from (plus a margin); `stem` names the image files
// img/<stem>-<table>-p<page>.png. Empty for other sources.
std::vector<ReviewCrop> plan_crops(const Document& doc, const std::string& stem);

// The report page as one static HTML document (no script, no external resource).
std::string review_page_html(const Document& doc, const ReviewPageOptions& options);

// The cells ("table/row/col") whose values take part in a failing rule, each with the rules
// (index into doc.rules) they fail in; derived from the rule's operand list.
std::vector<std::pair<std::string, std::vector<std::size_t>>> failing_rule_cells(const Document& doc);

}  // namespace ogix
