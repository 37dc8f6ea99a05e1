// manifest.csv: one row per input of a batch — what happened to it, its fixity and its counts.
// The same row, alone in a file, is the on-disk part a batch leaves per finished input (so a
// killed run can be resumed) and what `ogix merge` reads from each shard.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ogix {

// One input's outcome, as manifest.csv states it.
struct ManifestRecord {
  std::string source;  // file name
  std::string path;    // as given
  bool ok = false;
  std::string error_code, message;  // when !ok
  std::string sha256;               // of the input bytes; empty when they could not be read
  std::uint64_t size = 0;           // input bytes (meaningful when sha256 is set)
  std::string profile;
  std::string output;  // XML file name written, when ok
  int sections = 0;
  int cells[5] = {0, 0, 0, 0, 0};  // by CellStatus
  int rules[3] = {0, 0, 0};        // by RuleResult
  int findings = 0;
  std::string generator;  // "ogix <version>" that made the row
  std::string settings;   // the conversion settings that made it (settings_key in cli/job.h)

  // The dataset order: by source, then path, then output name (independent of input order).
  bool operator<(const ManifestRecord& o) const;
};

// The generator string of this build ("ogix 0.1.0"), as the XML's generator attribute.
std::string ogix_generator();

// The header line of manifest.csv (with CRLF).
std::string manifest_header();

// One record as a CSV line (RFC 4180, CRLF).
std::string manifest_row(const ManifestRecord& r);

// Splits RFC 4180 CSV text into records of fields (quoted fields may hold commas, quotes, CR/LF).
std::vector<std::vector<std::string>> parse_csv(std::string_view text);

// Parses manifest.csv text (with its header) or a header-less part (one row). Columns are found by
// name, so a manifest with more columns reads too. Throws Error(damaged) naming `name` when a row
// does not fit.
std::vector<ManifestRecord> parse_manifest(std::string_view text, const std::string& name, bool has_header = true);

}  // namespace ogix
