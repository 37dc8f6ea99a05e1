#include "writers/bag_validator.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "model/error.h"
#include "writers/bag_writer.h"
#include "writers/cells_csv_writer.h"
#include "writers/csv_reader.h"
#include "writers/xml_reader.h"
#include "writers/xml_validator.h"

namespace fs = std::filesystem;

namespace ogix {

namespace {

// Tag files and manifests are small; a larger one is not ours (hostile or broken).
constexpr std::uintmax_t kMaxTagFile = std::uintmax_t{256} << 20;
// The largest document validated (ogix's own outputs are far smaller).
constexpr std::uintmax_t kMaxDocument = std::uintmax_t{1} << 30;

bool read_small(const fs::path& p, std::uintmax_t cap, std::string& out) {
  std::error_code ec;
  auto size = fs::file_size(p, ec);
  if (ec || size > cap) return false;
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return out.size() == size;
}

// The lines of a tag file; LF, CRLF or CR end a line (RFC 8493 §2.1.3 allows each).
std::vector<std::string> tag_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::string cur;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      lines.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) lines.push_back(std::move(cur));
  return lines;
}

bool is_hex(const std::string& s, std::size_t len) {
  return s.size() == len && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isxdigit(c); });
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// A manifest: path → checksum, as read; problems appended for malformed lines.
struct Manifest {
  std::string file, algorithm;  // "manifest-sha256.txt", "sha256"
  bool payload = true;
  std::map<std::string, std::string> entries;
};

bool safe_relative(const std::string& p) {
  if (p.empty() || p[0] == '/' || p.find('\\') != std::string::npos) return false;
  std::size_t start = 0;
  for (;;) {
    std::size_t slash = p.find('/', start);
    std::string part = p.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (part.empty() || part == "." || part == "..") return false;
    if (slash == std::string::npos) return true;
    start = slash + 1;
  }
}

Manifest read_manifest(const fs::path& dir, const std::string& name, bool payload, std::vector<std::string>& problems) {
  Manifest m;
  m.file = name;
  m.payload = payload;
  m.algorithm = name.substr(name.find('-') + 1, name.size() - name.find('-') - 1 - 4);
  std::string text;
  if (!read_small(dir / name, kMaxTagFile, text)) {
    problems.push_back(name + ": cannot be read");
    return m;
  }
  std::size_t hex_len = m.algorithm == "sha256" ? 64 : 128;
  int n = 0;
  for (const auto& line : tag_lines(text)) {
    ++n;
    std::string where = name + " line " + std::to_string(n) + ": ";
    std::size_t sp = line.find_first_of(" \t");
    std::size_t at = sp == std::string::npos ? sp : line.find_first_not_of(" \t", sp);
    std::string sum = line.substr(0, sp), path;
    if (at == std::string::npos || !is_hex(sum, hex_len)) {
      problems.push_back(where + "not '<" + m.algorithm + " checksum> <path>'");
      continue;
    }
    if (!bagit_decode_path(line.substr(at), path)) {
      problems.push_back(where + "a % that is not %0A, %0D or %25 in the path");
      continue;
    }
    if (!safe_relative(path)) {
      problems.push_back(where + "path outside the bag: " + path);
      continue;
    }
    bool in_data = path.rfind("data/", 0) == 0;
    if (payload && !in_data) problems.push_back(where + "a payload manifest lists a file outside data/: " + path);
    if (!payload && in_data) problems.push_back(where + "a tag manifest lists a payload file: " + path);
    if (!m.entries.emplace(path, lower(sum)).second) problems.push_back(where + "lists " + path + " twice");
  }
  return m;
}

// manifest.csv counts per report, and cells.csv rows per document and status.
void check_content(const fs::path& data, const std::map<std::string, std::array<int, 5>>& doc_cells,
                   const std::map<std::string, std::pair<std::string, std::string>>& doc_source,
                   const std::set<std::string>& broken, BagCheck& r) {
  // manifest.csv: each converted report names its document; the counts are the document's.
  std::ifstream mf(data / "manifest.csv", std::ios::binary);
  std::set<std::string> listed;
  if (!mf) {
    r.problems.push_back("data/manifest.csv: missing");
  } else {
    try {
      CsvRecordReader csv(mf);
      std::vector<std::string> f, head;
      csv.next(head);
      auto col = [&](const char* name) {
        auto it = std::find(head.begin(), head.end(), name);
        return it == head.end() ? -1 : static_cast<int>(it - head.begin());
      };
      int c_status = col("status"), c_out = col("output"), c_sha = col("sha256"), c_source = col("source"),
          c_num = col("cells_number");
      if (c_status < 0 || c_out < 0 || c_sha < 0 || c_source < 0 || c_num < 0) {
        r.problems.push_back("data/manifest.csv: not an ogix manifest (header " + std::to_string(head.size()) + " columns)");
      } else {
        while (csv.next(f)) {
          std::string where = "data/manifest.csv row " + std::to_string(csv.record_number()) + ": ";
          if (f.size() != head.size()) {
            r.problems.push_back(where + std::to_string(f.size()) + " fields, the header has " + std::to_string(head.size()));
            continue;
          }
          if (f.at(c_status) != "ok") continue;
          const std::string& out = f.at(c_out);
          listed.insert(out);
          if (broken.count(out)) continue;  // already reported as invalid
          auto it = doc_cells.find(out);
          if (it == doc_cells.end()) {
            r.problems.push_back(where + "report " + out + " is not in the bag");
            continue;
          }
          const auto& [source, sha] = doc_source.at(out);
          if (f.at(c_source) != source || f.at(c_sha) != sha)
            r.problems.push_back(where + out + " names source " + f.at(c_source) + " (" + f.at(c_sha) +
                                 ") but the document says " + source + " (" + sha + ")");
          for (int k = 0; k < 5; ++k)
            if (f.at(c_num + k) != std::to_string(it->second[k]))
              r.problems.push_back(where + out + ": " + head.at(c_num + k) + " is " + f.at(c_num + k) +
                                   ", the document has " + std::to_string(it->second[k]));
        }
      }
    } catch (const Error& e) {
      r.problems.push_back(std::string("data/manifest.csv: ") + e.what());
    }
  }
  for (const auto& [doc, counts] : doc_cells)
    if (!listed.count(doc)) r.problems.push_back("data/" + doc + ": not listed as converted in manifest.csv");

  // cells.csv (absent after --no-csv): one row per cell of each document, with its status.
  std::ifstream cf(data / "cells.csv", std::ios::binary);
  if (!cf) return;
  std::map<std::string, std::array<int, 5>> rows;
  try {
    CsvRecordReader csv(cf);
    std::vector<std::string> f;
    csv.next(f);
    std::string header;
    for (std::size_t i = 0; i < f.size(); ++i) header += (i ? "," : "") + f[i];
    if (header + "\r\n" != cells_csv_header()) {
      r.problems.push_back("data/cells.csv: header is not ogix's cells CSV header");
      return;
    }
    static const char* statuses[] = {"number", "blank", "na", "text", "missing"};
    // The header was checked above: its width and the document column follow from it.
    const std::size_t width = f.size();
    const auto doc_col = static_cast<std::size_t>(std::find(f.begin(), f.end(), "document") - f.begin());
    while (csv.next(f)) {
      if (f.size() != width) {
        r.problems.push_back("data/cells.csv row " + std::to_string(csv.record_number()) + ": " + std::to_string(f.size()) +
                             " fields, not " + std::to_string(width));
        continue;
      }
      auto st = std::find(std::begin(statuses), std::end(statuses), f.at(5));
      if (st == std::end(statuses)) {
        r.problems.push_back("data/cells.csv row " + std::to_string(csv.record_number()) + ": unknown status " + f.at(5));
        continue;
      }
      ++rows[f.at(doc_col)][st - std::begin(statuses)];
    }
  } catch (const Error& e) {
    r.problems.push_back(std::string("data/cells.csv: ") + e.what());
    return;
  }
  for (const auto& [doc, counts] : rows)
    if (!doc_cells.count(doc) && !broken.count(doc)) r.problems.push_back("data/cells.csv: rows for document " + doc + ", which is not in the bag");
  for (const auto& [doc, counts] : doc_cells) {
    auto it = rows.find(doc);
    std::array<int, 5> got = it == rows.end() ? std::array<int, 5>{} : it->second;
    if (got != counts) {
      int want = 0, have = 0;
      for (int k = 0; k < 5; ++k) want += counts[k], have += got[k];
      r.problems.push_back("data/cells.csv: " + std::to_string(have) + " rows for " + doc + " (by status), the document has " +
                           std::to_string(want) + " cells" + (have == want ? " with other statuses" : ""));
    }
  }
}

}  // namespace

BagCheck validate_bag(const std::string& dir_name) {
  BagCheck r;
  fs::path dir(dir_name);
  std::error_code ec;
  std::string bagit;
  if (!read_small(dir / "bagit.txt", kMaxTagFile, bagit)) {
    r.problems.push_back("bagit.txt: missing or unreadable (not a bag)");
    return r;
  }
  auto decl = tag_lines(bagit);
  if (decl.size() != 2 || decl[0] != "BagIt-Version: 1.0" || decl[1] != "Tag-File-Character-Encoding: UTF-8")
    r.problems.push_back("bagit.txt: not the BagIt 1.0 declaration with UTF-8 tag files");

  // Every file of the bag: payload (under data/) and tag files (the rest).
  std::set<std::string> payload, tag_files;
  std::set<std::string> payload_manifests, tag_manifests;
  for (auto it = fs::recursive_directory_iterator(dir, ec), end = fs::recursive_directory_iterator(); !ec && it != end;
       it.increment(ec)) {
    auto st = it->symlink_status(ec);
    if (ec) break;
    if (fs::is_directory(st)) continue;
    std::string rel = it->path().lexically_relative(dir).generic_string();
    if (!fs::is_regular_file(st)) {
      r.problems.push_back(rel + ": not a regular file");
      continue;
    }
    if (rel.rfind("data/", 0) == 0) {
      payload.insert(rel);
      continue;
    }
    tag_files.insert(rel);
    if (rel.find('/') != std::string::npos) continue;
    if (rel.rfind("manifest-", 0) == 0 && rel.size() > 13 && rel.ends_with(".txt")) payload_manifests.insert(rel);
    if (rel.rfind("tagmanifest-", 0) == 0 && rel.size() > 16 && rel.ends_with(".txt")) tag_manifests.insert(rel);
  }
  if (ec) r.problems.push_back(dir_name + ": cannot be listed: " + ec.message());
  if (!fs::is_directory(dir / "data", ec)) r.problems.push_back("data/: missing (the payload directory)");

  std::vector<Manifest> manifests;
  for (bool pay : {true, false})
    for (const auto& name : pay ? payload_manifests : tag_manifests) {
      std::string alg = name.substr(name.find('-') + 1, name.size() - name.find('-') - 5);
      if (alg != "sha256" && alg != "sha512") {
        r.problems.push_back(name + ": algorithm " + alg + " is not one ogix verifies (sha256, sha512)");
        continue;
      }
      manifests.push_back(read_manifest(dir, name, pay, r.problems));
    }
  for (const char* alg : {"sha256", "sha512"})
    if (!payload_manifests.count(std::string("manifest-") + alg + ".txt"))
      r.problems.push_back(std::string("manifest-") + alg + ".txt: missing");

  // Completeness: every payload file in every payload manifest; every tag file other than the tag
  // manifests in every tag manifest; everything listed present.
  for (const auto& m : manifests) {
    const auto& have = m.payload ? payload : tag_files;
    for (const auto& [path, sum] : m.entries)
      if (!have.count(path)) r.problems.push_back(path + ": missing (listed in " + m.file + ")");
    for (const auto& path : have) {
      if (!m.payload && tag_manifests.count(path)) continue;
      if (!m.entries.count(path))
        r.problems.push_back(path + ": not listed in " + m.file + (m.payload ? " (a file added to data/?)" : ""));
    }
  }

  // Fixity: each file read once, both digests compared with every manifest that lists it.
  std::set<std::string> listed;
  for (const auto& m : manifests)
    for (const auto& [path, sum] : m.entries) listed.insert(path);
  for (const auto* files : {&payload, &tag_files})
    for (const auto& path : *files) {
      if (!listed.count(path)) continue;
      FileDigests d;
      try {
        d = digest_file((dir / path).string());
      } catch (const Error& e) {
        r.problems.push_back(path + ": " + e.what());
        continue;
      }
      if (files == &payload) {
        ++r.payload_files;
        r.payload_octets += d.size;
      }
      for (const auto& m : manifests) {
        auto it = m.entries.find(path);
        if (it == m.entries.end()) continue;
        const std::string& got = m.algorithm == "sha256" ? d.sha256 : d.sha512;
        if (got != it->second)
          r.problems.push_back(path + ": changed (" + m.algorithm + " " + got + ", " + m.file + " says " + it->second + ")");
      }
    }
  // Payload files never listed still count for the oxum (they are in data/).
  std::uint64_t octets = 0, streams = 0;
  for (const auto& path : payload) {
    auto size = fs::file_size(dir / path, ec);
    if (!ec) octets += size;
    ++streams;
  }

  // bag-info.txt: Payload-Oxum must be exact.
  std::string info;
  if (read_small(dir / "bag-info.txt", kMaxTagFile, info)) {
    bool oxum = false;
    for (const auto& line : tag_lines(info)) {
      if (line.rfind("Payload-Oxum:", 0) != 0) continue;
      oxum = true;
      std::string v = line.substr(13);
      v.erase(0, v.find_first_not_of(" \t"));
      std::string want = std::to_string(octets) + "." + std::to_string(streams);
      if (v != want) r.problems.push_back("bag-info.txt: Payload-Oxum is " + v + ", the payload is " + want + " (octets.files)");
    }
    if (!oxum) r.problems.push_back("bag-info.txt: no Payload-Oxum");
  } else {
    r.problems.push_back("bag-info.txt: missing or unreadable");
  }

  // Content: every report document directly under data/ is schema-valid and reads back.
  std::map<std::string, std::array<int, 5>> doc_cells;
  std::map<std::string, std::pair<std::string, std::string>> doc_source;
  std::set<std::string> broken;  // documents already reported unreadable or invalid
  for (const auto& path : payload) {
    std::string name = path.substr(5);
    if (name.find('/') != std::string::npos || !name.ends_with(".xml")) continue;
    std::string xml;
    if (!read_small(dir / path, kMaxDocument, xml)) {
      broken.insert(name);
      r.problems.push_back(path + ": cannot be read as a document");
      continue;
    }
    auto invalid = validate_xml(xml);
    if (!invalid.empty()) {
      broken.insert(name);
      r.problems.push_back(path + ": invalid document: " + invalid.front() +
                           (invalid.size() > 1 ? " (and " + std::to_string(invalid.size() - 1) + " more)" : ""));
      continue;
    }
    try {
      ReadReport rep = read_xml(xml, path);
      std::array<int, 5> counts{};
      for (const auto& c : rep.doc.cells) ++counts.at(static_cast<std::size_t>(c.status));
      doc_cells[name] = counts;
      doc_source[name] = {rep.doc.meta.source, rep.doc.meta.sha256};
      ++r.documents;
    } catch (const Error& e) {
      broken.insert(name);
      r.problems.push_back(path + ": " + e.what());
    }
  }
  check_content(dir / "data", doc_cells, doc_source, broken, r);
  return r;
}

}  // namespace ogix
