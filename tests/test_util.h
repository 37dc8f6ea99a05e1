// Helpers shared by the unit tests.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace ogix::test {

// The whole file as bytes ("" when it cannot be read).
inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A path below the source tree (fixtures, schema, …).
inline std::filesystem::path source_path(const std::string& relative) {
  return std::filesystem::path(OGIX_SOURCE_DIR) / relative;
}

}  // namespace ogix::test
