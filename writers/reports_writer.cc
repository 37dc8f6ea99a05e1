#include "writers/reports_writer.h"

#include <map>

#include "writers/cells_csv_writer.h"

namespace ogix {

ReportsColumns reports_columns(const std::vector<CodebookEntry>& codebook) {
  ReportsColumns out;
  std::map<std::string, std::size_t> index;
  for (const auto& e : codebook) {
    if (e.kind != "cell" || e.row == "extra_N") continue;
    if (index.emplace(e.code, out.codes.size()).second) out.codes.push_back(e.code);
  }
  for (const auto& e : codebook) {
    if (e.kind != "cell" || e.row == "extra_N") continue;
    if (out.by_profile.empty() || out.by_profile.back().first != e.profile)
      out.by_profile.push_back({e.profile, std::vector<bool>(out.codes.size(), false)});
    out.by_profile.back().second[index.at(e.code)] = true;
  }
  return out;
}

std::string reports_csv_header(const ReportsColumns& columns) {
  std::string s = "document,source,sha256,profile,agency,agency_key,agency_level,year,rules_pass,rules_fail,rules_unchecked";
  for (const auto& c : columns.codes) {
    s += ',';
    append_csv_field(s, c);
    s += ',';
    append_csv_field(s, c + ".status");
  }
  return s + "\r\n";
}

std::string reports_csv_row(const Document& doc, const std::string& document, const ReportsColumns& columns) {
  const Metadata& m = doc.meta;
  std::string s;
  for (const std::string* f : {&document, &m.source, &m.sha256, &doc.profile, &m.agency, &m.agency_key, &m.agency_level, &m.year}) {
    append_csv_field(s, *f);
    s += ',';
  }
  int rules[3] = {0, 0, 0};
  for (const auto& r : doc.rules) ++rules[static_cast<int>(r.result)];
  s += std::to_string(rules[0]) + ',' + std::to_string(rules[1]) + ',' + std::to_string(rules[2]);
  std::map<std::string, const CanonicalCell*> cells;
  for (const auto& c : doc.cells)
    if (c.row.rfind("extra_", 0) != 0) cells.emplace(c.table + "." + c.row + "." + c.col, &c);
  const std::vector<bool>* has = nullptr;
  for (const auto& [profile, flags] : columns.by_profile)
    if (profile == doc.profile) has = &flags;
  for (std::size_t i = 0; i < columns.codes.size(); ++i) {
    auto it = cells.find(columns.codes[i]);
    if (it != cells.end()) {
      const CanonicalCell& c = *it->second;
      s += c.status == CellStatus::number ? ',' + c.value + ',' : std::string(",,") + status_name(c.status);
    } else {
      s += has && (*has)[i] ? ",,missing" : ",,";
    }
  }
  return s + "\r\n";
}

}  // namespace ogix
