#include "writers/cells_csv_writer.h"

#include <array>
#include <cstdint>

#include "text/byte_scan.h"
#include "writers/xml_writer.h"

namespace ogix {

namespace {

// The bytes that make a field quoted, as a table: one load a byte instead of four comparisons.
constexpr std::array<bool, 256> kQuoteBytes = [] {
  std::array<bool, 256> t{};
  t[','] = t['"'] = t['\r'] = t['\n'] = true;
  return t;
}();

// Whether `s` holds a byte that makes it a quoted field. Every field of every CSV row is scanned:
// eight bytes at a time, then byte by byte.
bool needs_quotes(std::string_view s) {
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    const std::uint64_t w = load8(s.data() + i);
    if (has_byte(w, ',') || has_byte(w, '"') || has_byte(w, '\r') || has_byte(w, '\n')) return true;
  }
  for (; i < s.size(); ++i)
    if (kQuoteBytes[static_cast<unsigned char>(s[i])]) return true;
  return false;
}

}  // namespace

void append_csv_field(std::string& out, std::string_view s) {
  const bool quote = needs_quotes(s);
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
      append_coord(out, s.x0);
      out += ',';
      append_coord(out, s.y0);
      out += ',';
      append_coord(out, s.x1);
      out += ',';
      append_coord(out, s.y1);
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
  std::string raw_scratch, label_scratch;
  for (const auto& c : doc.cells) {
    // The same text the XML carries (copied only when it needs cleaning).
    const std::string_view raw = xml_text_of(c.raw, raw_scratch), label = xml_text_of(c.label, label_scratch);
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
