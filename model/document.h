// The document model: the one structure every stage reads and writes. Data only, no I/O.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "model/finding.h"
#include "model/ocr_reading.h"
#include "model/profile_table.h"
#include "model/span.h"

namespace ogix {

// A run of text in reading order: body text (level 0) or a sub-heading (level 1 = （一）, 2 = 1.).
struct Paragraph {
  std::string text;
  int level = 0;
  std::vector<Span> from;
};

// One slot-owning cell of a table grid; spans cover row..row+row_span-1, col..col+col_span-1.
struct Cell {
  int row = 0, col = 0, row_span = 1, col_span = 1;
  bool header = false;
  std::string text;
  std::vector<Span> from;
  // Placed left of where its markup puts it: an earlier cell of its row had to lose columns
  // (overlapping or oversized spans). Values under or in such a cell are not read by position.
  bool displaced = false;
};

// A table as the source laid it out: a grid of cells with no holes or overlaps once normalized.
struct Table {
  std::string id;  // "t1", "t2", … in document order
  int rows = 0, cols = 0;
  std::vector<Cell> cells;  // sorted by (row, col)
  std::vector<Span> from;
  // True when the grid columns are not reliable (text copies with ragged tab rows); the mapper then
  // reads each row's values in sequence instead of by column position.
  bool ragged = false;
};

using Block = std::variant<Paragraph, Table>;

// A top-level section of the report (preamble, overview, …, other_matters).
struct Section {
  std::string code;     // canonical code from the profile, or "unknown"
  std::string heading;  // as the source wrote it, normalized; empty for the preamble
  std::vector<Block> blocks;
  std::vector<Span> from;
};

// Facts about the input and how it was read: provenance and fixity for archivists.
struct Metadata {
  std::string source;        // input file name, no directory
  std::string sha256;        // of the input bytes
  std::uint64_t size = 0;    // input bytes
  std::string media_type;    // application/pdf, text/html, text/plain
  std::string extractor;     // "pdf", "html", "text"
  std::string encoding;      // the decoding used (UTF-8, GB18030, …); empty for PDF
  std::string encoding_basis;  // how the encoding was decided: bom, meta, http-equiv, detected, utf8-valid, default
  int pages = 0;             // PDF pages, 0 otherwise
  std::string title, agency, year, publish_date, source_url;
  std::string agency_key;    // the agency normalized for pairing reports across years (normalizers/agency.h)
  std::string agency_level;  // ministry, province, city, county, township, department[:level]; empty when unstated
  std::string ocr;  // the OCR engine and its fixed parameters, when a page was read by OCR
};

// Everything ogix knows about one report.
struct Document {
  Metadata meta;
  std::vector<Block> blocks;      // extractor output in reading order, before sectioning
  std::vector<Section> sections;  // filled by the sectionizer (blocks are moved here)
  std::string profile;            // "ogi-2019", "ogi-2021", or empty when undetected
  std::vector<std::string> profile_evidence;
  std::vector<CanonicalCell> cells;  // profile cells in profile order
  std::vector<RuleOutcome> rules;
  std::vector<Finding> findings;
  std::vector<OcrReading> ocr_readings;  // table cells read by OCR, with confidences and alternatives

  // Records a finding (keeps the order stages report them in).
  void add_finding(std::string code, Severity severity, std::string message, std::string location = {}) {
    findings.push_back(Finding{std::move(code), severity, std::move(location), std::move(message)});
  }
};

}  // namespace ogix
