// BagIt 1.0 (RFC 8493) packages of an output directory: payload under data/, SHA-256 and SHA-512
// manifests and tag manifests, bag-info.txt; assembled beside the directory and renamed into place.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ogix {

// An original input file to carry in the bag, under data/sources/.
struct BagSource {
  std::string path;     // where it is read from
  std::string name;     // its name under data/sources/ (a file name, unique in the bag)
  std::string sha256;   // what manifest.csv recorded; a source that no longer matches is refused
};

// What a bag records beyond the files.
struct BagOptions {
  std::string bag_id;        // External-Identifier in bag-info.txt (none when empty)
  std::string bagging_date;  // YYYY-MM-DD for Bagging-Date (see bagging_date())
  std::vector<BagSource> sources;  // copied byte for byte under data/sources/
  bool sync = true;          // fsync what is written before the bag is renamed into place
};

// What was bagged.
struct BagSummary {
  std::uint64_t octets = 0;  // Payload-Oxum octet count
  std::uint64_t files = 0;   // Payload-Oxum stream count
};

// Both digests and the length of one file.
struct FileDigests {
  std::string sha256, sha512;  // lowercase hex
  std::uint64_t size = 0;
};

// Hashes the file at `path` with SHA-256 and SHA-512 in one streaming read (bounded memory); when
// `copy_to` is not empty, writes the same bytes there (fsync'd when `sync`). Throws Error(io).
FileDigests digest_file(const std::string& path, const std::string& copy_to = {}, bool sync = false);

// The RFC 8493 file names and contents ogix writes.
inline constexpr std::string_view kBagitTxt = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";

// Turns the finished output directory `out_dir` into a bag in place: every file under it (XML
// documents, CSV datasets, review/ …) becomes payload under data/ with the same relative path. The
// bag is built in a hidden folder beside `out_dir` (payload hard-linked, or copied where links are
// not possible) and swapped in with one rename; an interrupted run leaves `out_dir` as it was.
// Throws Error(io) naming the file at fault (a symlink, an unreadable file, a changed source,
// `out_dir` already a bag).
BagSummary make_bag(const std::string& out_dir, const BagOptions& options);

// Bagging-Date for a run: the UTC date of `source_date_epoch` (seconds, the reproducible-builds
// SOURCE_DATE_EPOCH) when given, today's UTC date when null. Throws Error(io) when it is not a
// non-negative integer.
std::string bagging_date(const char* source_date_epoch);

// A manifest path as RFC 8493 §2.1.3 writes it: CR, LF and % percent-encoded, nothing else.
std::string bagit_encode_path(std::string_view path);

// The inverse of bagit_encode_path; false when `encoded` holds a % not starting %0A, %0D or %25
// (any case).
bool bagit_decode_path(std::string_view encoded, std::string& path);

}  // namespace ogix
