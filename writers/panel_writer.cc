#include "writers/panel_writer.h"

#include "writers/cells_csv_writer.h"

namespace ogix {

std::string panel_csv_header() {
  std::string s = "source,document,profile,agency,agency_key,agency_level,year";
  for (auto c : kPanelColumns) s += "," + std::string(c);
  return s + ",rules_fail,duplicate_key,notes\r\n";
}

std::string panel_csv_row(const PanelRow& r) {
  std::string s;
  for (const std::string* f : {&r.source, &r.document, &r.profile, &r.agency, &r.agency_key, &r.agency_level, &r.year})
    s += csv_field(*f) + ',';
  for (const auto& v : r.values) s += v + ',';
  s += std::to_string(r.rules_fail) + ',' + (r.duplicate_key ? "true" : "false") + ',' + csv_field(r.notes) + "\r\n";
  return s;
}

}  // namespace ogix
