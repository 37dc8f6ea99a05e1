#include "writers/reports_writer.h"

#include "writers/cells_csv_writer.h"

namespace ogix {

ReportsColumns reports_columns(const std::vector<CodebookEntry>& codebook) {
  ReportsColumns out;
  auto& index = out.index;
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
  std::size_t size = s.size() + 2;  // the line as long as it is when nothing needs quotes
  for (const auto& c : columns.codes) size += 2 * c.size() + 9;
  s.reserve(size);  // tens of kilobytes: not copied each time the string doubles
  std::string status;  // one buffer for every "CODE.status", not a new string per column
  for (const auto& c : columns.codes) {
    s += ',';
    const std::size_t at = s.size();
    append_csv_field(s, c);
    s += ',';
    if (s.size() == at + c.size() + 1) {
      // The code went in unquoted, so "CODE.status" needs no quotes either: not scanned again.
      s.append(c).append(".status");
      continue;
    }
    status.assign(c).append(".status");
    append_csv_field(s, status);
  }
  s += "\r\n";
  return s;
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
  // Each cell finds its column once (the first cell of a code wins), instead of each of the
  // hundreds of columns searching the cells by string comparisons.
  std::vector<const CanonicalCell*> at(columns.codes.size(), nullptr);
  std::string code;
  for (const auto& c : doc.cells) {
    if (c.row.rfind("extra_", 0) == 0) continue;
    code.assign(c.table).append(1, '.').append(c.row).append(1, '.').append(c.col);
    auto it = columns.index.find(code);
    if (it != columns.index.end() && !at[it->second]) at[it->second] = &c;
  }
  const std::vector<bool>* has = nullptr;
  for (const auto& [profile, flags] : columns.by_profile)
    if (profile == doc.profile) has = &flags;
  s.reserve(s.size() + 4 * columns.codes.size());
  for (std::size_t i = 0; i < columns.codes.size(); ++i) {
    if (const CanonicalCell* c = at[i]) {
      s += ',';
      if (c->status == CellStatus::number) s.append(c->value).append(1, ',');
      else s.append(1, ',').append(status_name(c->status));
    } else {
      s += has && (*has)[i] ? ",,missing" : ",,";
    }
  }
  s += "\r\n";  // appended, not a copy of the whole row
  return s;
}

}  // namespace ogix
