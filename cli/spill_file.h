// Records of strings that a dataset file needs across all reports of a batch, kept in memory up
// to a bound and spilled to an anonymous temporary file beyond it (gone with the process, even
// when killed): memory stays bounded for a corpus, and a small batch creates no file at all.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace ogix {

class SpillFile {
 public:
  // Keeps up to `memory_bytes` of encoded records in memory before the first spill.
  explicit SpillFile(std::size_t memory_bytes = std::size_t{1} << 20);
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;
  ~SpillFile();
  // Appends a record; returns its offset. Throws Error(io).
  long put(const std::vector<std::string>& fields);
  // Reads the record at an offset put() returned. Throws Error(io).
  std::vector<std::string> get(long offset);
  // True once records went to the temporary file.
  bool spilled() const { return file_ != nullptr; }

 private:
  std::size_t memory_bytes_;
  std::string memory_;     // every record while !spilled(): offsets index it
  std::FILE* file_ = nullptr;
  long size_ = 0;          // bytes of records put so far (the next offset)
};

}  // namespace ogix
