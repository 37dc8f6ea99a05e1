#include "cli/bag_job.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "cli/job.h"
#include "model/error.h"
#include "writers/csv_reader.h"

namespace fs = std::filesystem;

namespace ogix {

std::vector<BagSource> manifest_sources(const std::string& out_dir) {
  fs::path mf = fs::path(out_dir) / "manifest.csv";
  std::ifstream in(mf, std::ios::binary);
  if (!in) throw Error(ErrorCode::io, "manifest.csv", "cannot read " + mf.string() + " (is this an ogix output directory?)");
  CsvRecordReader csv(in);
  std::vector<std::string> head, f;
  std::vector<std::string> paths, sums;
  try {
    csv.next(head);
    auto col = [&](const char* name) {
      auto it = std::find(head.begin(), head.end(), name);
      if (it == head.end()) throw Error(ErrorCode::io, "manifest.csv", std::string("no ") + name + " column in " + mf.string());
      return static_cast<std::size_t>(it - head.begin());
    };
    std::size_t c_path = col("path"), c_sha = col("sha256");
    while (csv.next(f)) {
      if (f.size() != head.size()) throw Error(ErrorCode::io, "manifest.csv", "row " + std::to_string(csv.record_number()) + " is short in " + mf.string());
      paths.push_back(f.at(c_path));
      sums.push_back(f.at(c_sha));
    }
  } catch (const Error& e) {
    throw Error(ErrorCode::io, "manifest.csv", e.what());
  }
  std::vector<std::string> names = output_names(paths);
  std::vector<BagSource> out;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (sums[i].empty()) continue;  // never read: nothing to carry
    std::string name = names[i].substr(0, names[i].size() - 4) + fs::path(paths[i]).extension().string();
    out.push_back(BagSource{paths[i], name, sums[i]});
  }
  std::sort(out.begin(), out.end(), [](const BagSource& a, const BagSource& b) { return a.name < b.name; });
  return out;
}

}  // namespace ogix
