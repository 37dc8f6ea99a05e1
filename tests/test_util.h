// Helpers shared by the unit tests.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#include <stdlib.h>

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

// A fresh directory of this test's own, made by mkdtemp under the system's temporary directory and
// removed with its contents when the object goes: the tests of two checkouts (or two ctest -j
// processes) running at once never share a path.
struct TempDir {
  std::filesystem::path path;
  // Creates <tmp>/<prefix>-XXXXXX. Throws std::runtime_error when it cannot.
  explicit TempDir(const std::string& prefix) {
    std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    if (!::mkdtemp(buf.data())) throw std::runtime_error("mkdtemp failed for " + pattern);
    path = buf.data();
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

}  // namespace ogix::test
