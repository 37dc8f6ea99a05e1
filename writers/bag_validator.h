// Verifying a BagIt bag that ogix made: fixity (both algorithms, one read per file), completeness,
// Payload-Oxum, and the content (schema-valid documents that agree with cells.csv and manifest.csv).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ogix {

// The outcome of validating one bag.
struct BagCheck {
  std::vector<std::string> problems;  // one sentence each, naming the file; empty when valid
  std::uint64_t payload_files = 0, payload_octets = 0, documents = 0;
};

// Checks the bag in `dir` against RFC 8493 (bagit.txt, every payload file in every payload
// manifest and nothing else, every checksum of every manifest and tag manifest, Payload-Oxum) and
// against what ogix writes (every data/*.xml schema-valid; manifest.csv and cells.csv naming the
// same reports with the same cell counts). Never throws for a bad bag: every problem is listed.
BagCheck validate_bag(const std::string& dir);

}  // namespace ogix
