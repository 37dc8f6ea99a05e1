// The cells CSV: the contract other tools read (spec "The cells CSV").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace ogix {

// The header line of the cells CSV (with CRLF).
std::string cells_csv_header();

// The CSV rows of one document's profile cells, in profile order (RFC 4180, CRLF line ends).
// Columns: source,profile,table,row,col,status,value,raw,extra,label,location,document, where
// `document` names the XML file written for the report (unique in a batch; source may not be).
std::string cells_csv_rows(const Document& doc, const std::string& document = {});

// Where cells came from, as the CSV's location column writes it: "p3:x0,y0,x1,y1" for PDF boxes,
// the node path or line otherwise; several joined by ';'.
std::string location(const std::vector<Span>& spans);

// Quotes a CSV field when it holds a comma, quote, CR or LF (RFC 4180).
std::string csv_field(const std::string& s);

// Appends `s` to `out` as csv_field writes it, without a temporary.
void append_csv_field(std::string& out, std::string_view s);

}  // namespace ogix
