// Helpers shared by the unit tests.
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>
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

// A fixture's gold.tsv (table, row, col, status, value; a header line first) keyed "table/row/col",
// each with its (status, value). Lines of another width are skipped.
inline std::map<std::string, std::pair<std::string, std::string>> read_gold_tsv(const std::filesystem::path& path) {
  std::map<std::string, std::pair<std::string, std::string>> gold;
  std::istringstream in(slurp(path));
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::size_t a = 0;
    for (std::size_t b; (b = line.find('\t', a)) != std::string::npos; a = b + 1) f.push_back(line.substr(a, b - a));
    f.push_back(line.substr(a));
    if (f.size() == 5) gold[f[0] + "/" + f[1] + "/" + f[2]] = {f[3], f[4]};
  }
  return gold;
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
