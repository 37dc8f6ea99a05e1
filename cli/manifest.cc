#include "cli/manifest.h"

#include <charconv>
#include <map>
#include <tuple>

#include "model/error.h"
#include "writers/cells_csv_writer.h"

namespace ogix {

namespace {

const char* const kColumns[] = {"source",        "path",        "status",         "error_code",    "message",
                                "sha256",        "size",        "profile",        "output",        "sections",
                                "cells_number",  "cells_blank", "cells_na",       "cells_text",    "cells_missing",
                                "rules_pass",    "rules_fail",  "rules_unchecked", "findings",     "generator",
                                "settings"};
constexpr int kColumnCount = sizeof(kColumns) / sizeof(kColumns[0]);

template <typename T>
bool parse_number(const std::string& s, T& out) {
  if (s.empty()) {
    out = 0;
    return true;
  }
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

bool ManifestRecord::operator<(const ManifestRecord& o) const {
  return std::tie(source, path, output) < std::tie(o.source, o.path, o.output);
}

std::string ogix_generator() { return std::string("ogix ") + OGIX_VERSION; }

std::string manifest_header() {
  std::string s;
  for (int i = 0; i < kColumnCount; ++i) s += std::string(i ? "," : "") + kColumns[i];
  return s + "\r\n";
}

std::string manifest_row(const ManifestRecord& i) {
  std::string s = csv_field(i.source) + ',' + csv_field(i.path) + ',' + (i.ok ? "ok" : "error") + ',' +
                  csv_field(i.error_code) + ',' + csv_field(i.message) + ',' + i.sha256 + ',' +
                  (i.sha256.empty() ? "" : std::to_string(i.size)) + ',' + csv_field(i.profile) + ',' +
                  csv_field(i.output) + ',' + (i.ok ? std::to_string(i.sections) : "");
  for (int k = 0; k < 5; ++k) s += ',' + (i.ok ? std::to_string(i.cells[k]) : "");
  for (int k = 0; k < 3; ++k) s += ',' + (i.ok ? std::to_string(i.rules[k]) : "");
  s += ',' + (i.ok ? std::to_string(i.findings) : "");
  s += ',' + csv_field(i.generator) + ',' + csv_field(i.settings);
  return s + "\r\n";
}

std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = any = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !field.empty()) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
      }
      row.clear();
      field.clear();
      any = false;
    } else {
      field += c;
      any = true;
    }
  }
  if (any || !field.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<ManifestRecord> parse_manifest(std::string_view text, const std::string& name, bool has_header) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // written with --csv-bom
  auto rows = parse_csv(text);
  std::map<std::string, std::size_t> at;
  std::size_t first = 0;
  if (has_header) {
    if (rows.empty()) throw Error(ErrorCode::damaged, name, "no header line");
    for (std::size_t k = 0; k < rows[0].size(); ++k) at[rows[0][k]] = k;
    first = 1;
  } else {
    for (int k = 0; k < kColumnCount; ++k) at[kColumns[k]] = static_cast<std::size_t>(k);
  }
  for (const char* c : kColumns)
    // Manifests made before the generator or settings column read them as "" (never kept by --resume).
    if (!at.count(c) && std::string(c) != "generator" && std::string(c) != "settings")
      throw Error(ErrorCode::damaged, name, std::string("no column ") + c);
  std::vector<ManifestRecord> out;
  for (std::size_t n = first; n < rows.size(); ++n) {
    const auto& row = rows[n];
    auto get = [&](const char* col) -> std::string {
      auto it = at.find(col);
      return it == at.end() || it->second >= row.size() ? std::string() : row[it->second];
    };
    ManifestRecord r;
    r.source = get("source");
    r.path = get("path");
    std::string status = get("status");
    if (status != "ok" && status != "error")
      throw Error(ErrorCode::damaged, name, "row " + std::to_string(n + 1) + ": status '" + status + "'");
    r.ok = status == "ok";
    r.error_code = get("error_code");
    r.message = get("message");
    r.sha256 = get("sha256");
    r.profile = get("profile");
    r.output = get("output");
    r.generator = get("generator");
    r.settings = get("settings");
    bool good = parse_number(get("size"), r.size) && parse_number(get("sections"), r.sections) &&
                parse_number(get("findings"), r.findings);
    const char* cells[] = {"cells_number", "cells_blank", "cells_na", "cells_text", "cells_missing"};
    const char* rules[] = {"rules_pass", "rules_fail", "rules_unchecked"};
    for (int k = 0; k < 5; ++k) good = parse_number(get(cells[k]), r.cells[k]) && good;
    for (int k = 0; k < 3; ++k) good = parse_number(get(rules[k]), r.rules[k]) && good;
    if (!good || row.size() < at.size()) throw Error(ErrorCode::damaged, name, "row " + std::to_string(n + 1) + " does not fit the columns");
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace ogix
