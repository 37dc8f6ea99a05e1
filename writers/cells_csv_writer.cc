#include "writers/cells_csv_writer.h"

#include "writers/xml_writer.h"

namespace ogix {

std::string csv_field(const std::string& s) {
  // One pass over the bytes: find_first_of with a set searches the set once per byte, which made
  // quoting a visible cost of writing the CSVs.
  bool quote = false;
  for (char c : s)
    if (c == ',' || c == '"' || c == '\r' || c == '\n') {
      quote = true;
      break;
    }
  if (!quote) return s;
  std::string out;
  out.reserve(s.size() + 8);
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string cells_csv_header() { return "source,profile,table,row,col,status,value,raw,extra,label,location,document,unit\r\n"; }

std::string location(const std::vector<Span>& spans) {
  std::string out;
  for (const auto& s : spans) {
    if (!out.empty()) out += ';';
    if (s.page > 0)
      out += "p" + std::to_string(s.page) + ":" + format_coord(s.x0) + "," + format_coord(s.y0) + "," +
             format_coord(s.x1) + "," + format_coord(s.y1);
    else
      out += s.path;
  }
  return out;
}

std::string cells_csv_rows(const Document& doc, const std::string& document) {
  std::string out;
  for (const auto& c : doc.cells) {
    std::string raw = c.raw, label = c.label;
    sanitize_xml_text(raw);  // the same text the XML carries
    sanitize_xml_text(label);
    out += csv_field(doc.meta.source) + ',' + csv_field(doc.profile) + ',' + csv_field(c.table) + ',' +
           csv_field(c.row) + ',' + csv_field(c.col) + ',' + status_name(c.status) + ',' + csv_field(c.value) + ',' +
           csv_field(raw) + ',' + (c.extra ? "true" : "false") + ',' + csv_field(label) + ',' +
           csv_field(location(c.from)) + ',' + csv_field(document) + ',' + csv_field(c.unit) + "\r\n";
  }
  return out;
}

}  // namespace ogix
