#include "writers/cells_csv_writer.h"

#include "writers/xml_writer.h"

namespace ogix {

void append_csv_field(std::string& out, std::string_view s) {
  // One pass over the bytes: find_first_of with a set searches the set once per byte, which made
  // quoting a visible cost of writing the CSVs.
  bool quote = false;
  for (char c : s)
    if (c == ',' || c == '"' || c == '\r' || c == '\n') {
      quote = true;
      break;
    }
  if (!quote) {
    out += s;
    return;
  }
  out.reserve(out.size() + s.size() + 8);
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string csv_field(const std::string& s) {
  std::string out;
  append_csv_field(out, s);
  return out;
}

std::string cells_csv_header() { return "source,profile,table,row,col,status,value,raw,extra,label,location,document,unit\r\n"; }

std::string location(const std::vector<Span>& spans) {
  std::string out;
  for (const auto& s : spans) {
    if (!out.empty()) out += ';';
    if (s.page > 0) {
      // Appended piece by piece (a chain of `+` copies the text so far at each step).
      out += 'p';
      out += std::to_string(s.page);
      out += ':';
      out += format_coord(s.x0);
      out += ',';
      out += format_coord(s.y0);
      out += ',';
      out += format_coord(s.x1);
      out += ',';
      out += format_coord(s.y1);
    } else
      out += s.path;
  }
  return out;
}

std::string cells_csv_rows(const Document& doc, const std::string& document) {
  std::string out;
  // Appended field by field: each temporary a chain of `+` builds is a copy of the line so far.
  auto field = [&out](std::string_view f, char sep = ',') {
    append_csv_field(out, f);
    out += sep;
  };
  for (const auto& c : doc.cells) {
    std::string raw = c.raw, label = c.label;
    sanitize_xml_text(raw);  // the same text the XML carries
    sanitize_xml_text(label);
    field(doc.meta.source);
    field(doc.profile);
    field(c.table);
    field(c.row);
    field(c.col);
    field(status_name(c.status));
    field(c.value);
    field(raw);
    field(c.extra ? "true" : "false");
    field(label);
    field(location(c.from));
    field(document);
    append_csv_field(out, c.unit);
    out += "\r\n";
  }
  return out;
}

}  // namespace ogix
