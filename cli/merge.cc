#include "cli/merge.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "cli/batch.h"
#include "cli/job.h"
#include "cli/manifest.h"
#include "model/error.h"

namespace fs = std::filesystem;

namespace ogix {

namespace {

// One shard output directory as merge reads it.
struct ShardOutput {
  std::string dir;
  std::vector<ManifestRecord> records;
  int shard = 0, shards = 0;  // from shard.csv; 0/0 when the run was not sharded
  std::size_t inputs = 0;
};

ShardOutput read_shard(const std::string& dir) {
  ShardOutput s;
  s.dir = dir;
  fs::path manifest = fs::path(dir) / "manifest.csv";
  std::error_code ec;
  if (!fs::is_regular_file(manifest, ec))
    throw MergeRefused(dir + " is not a finished ogix output (no manifest.csv): finish it with 'ogix convert --resume'");
  s.records = parse_manifest(read_file_capped(manifest.string(), std::size_t{1} << 31), manifest.string());
  fs::path shard_file = fs::path(dir) / kShardFile;
  if (fs::exists(shard_file, ec)) {
    auto rows = parse_csv(read_file_capped(shard_file.string(), 4096));
    if (rows.size() != 2 || rows[1].size() != 3 || !parse_shard(rows[1][0] + "/" + rows[1][1], s.shard, s.shards) ||
        rows[1][2].empty() || rows[1][2].find_first_not_of("0123456789") != std::string::npos)
      throw Error(ErrorCode::damaged, dir, shard_file.string() + " is not a shard record");
    s.inputs = std::stoull(rows[1][2]);
  }
  return s;
}

}  // namespace

MergeResult merge_outputs(const std::vector<std::string>& shard_dirs, const MergeOptions& opt,
                          const std::function<void(const DatasetEntry&)>& on_entry) {
  std::vector<ShardOutput> shards;
  for (const auto& d : shard_dirs) shards.push_back(read_shard(d));
  std::error_code ec;
  for (const auto& s : shards)
    if (fs::exists(opt.out_dir, ec) && fs::equivalent(s.dir, opt.out_dir, ec))
      throw MergeRefused("the merged output must be a directory other than the shards");

  // One ogix version throughout: reports of two versions would make a dataset no single run makes.
  std::string generator = ogix_generator();
  for (const auto& s : shards)
    for (const auto& r : s.records)
      if (r.generator != generator)
        throw MergeRefused(
                    s.dir + " was made by " + (r.generator.empty() ? std::string("an older ogix") : r.generator) + ", not " +
                        generator + ": convert it again with this version (ogix convert --resume keeps nothing of another version)");

  // One set of conversion settings throughout (settings_key): the same reasoning.
  const ShardOutput* first = nullptr;
  for (const auto& s : shards)
    for (const auto& r : s.records) {
      if (!first) first = &s;
      if (r.settings != first->records.front().settings)
        throw MergeRefused(s.dir + " was converted with settings '" + r.settings + "', " + first->dir + " with '" +
                           first->records.front().settings + "': convert the shards with the same options");
    }

  // The shards of one split: same N and same input list size, each K once, none missing.
  std::map<int, std::string> seen_shard;
  int split = -1;
  std::size_t split_inputs = 0;
  for (const auto& s : shards) {
    if (s.shards == 0) continue;
    if (split == -1) {
      split = s.shards;
      split_inputs = s.inputs;
    } else if (s.shards != split || s.inputs != split_inputs) {
      throw MergeRefused(
                  s.dir + " is shard " + std::to_string(s.shard) + "/" + std::to_string(s.shards) + " of " + std::to_string(s.inputs) +
                      " inputs, another is of a split into " + std::to_string(split) + " of " + std::to_string(split_inputs) +
                      " inputs: shards of different runs cannot be merged");
    }
    auto [it, fresh] = seen_shard.emplace(s.shard, s.dir);
    if (!fresh)
      throw MergeRefused("overlapping shards: " + it->second + " and " + s.dir + " are both shard " +
                                            std::to_string(s.shard) + "/" + std::to_string(s.shards));
  }
  if (split > 0)
    for (int k = 1; k <= split; ++k)
      if (!seen_shard.count(k))
        throw MergeRefused("shard " + std::to_string(k) + "/" + std::to_string(split) + " is missing from the merge");

  // An input in two outputs: overlapping shards (a shard run twice under two names, or runs over
  // overlapping input lists).
  std::map<std::string, const std::string*> owner;
  std::set<std::string> outputs;
  std::vector<std::pair<ManifestRecord, const std::string*>> all;
  for (const auto& s : shards) {
    std::set<std::string> mine;
    for (const auto& r : s.records) {
      auto [it, fresh] = owner.emplace(r.path, &s.dir);
      if (!fresh && *it->second != s.dir)
        throw MergeRefused("overlapping shards: input " + r.path + " is in both " + *it->second + " and " + s.dir);
      if (r.ok && !outputs.insert(r.output).second)
        throw MergeRefused("overlapping shards: output " + r.output + " is in two shards");
      all.emplace_back(r, &s.dir);
    }
  }
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first < b.first; });

  fs::create_directories(opt.out_dir, ec);
  if (!fs::is_directory(opt.out_dir, ec)) throw Error(ErrorCode::io, opt.out_dir, "cannot create output directory " + opt.out_dir);
  for (const auto& [r, dir] : all)
    if (r.ok)
      write_file_atomic((fs::path(opt.out_dir) / r.output).string(),
                        read_file_capped((fs::path(*dir) / r.output).string(), std::size_t{1} << 31), opt.sync);
  fs::remove(fs::path(opt.out_dir) / kShardFile, ec);  // the merged output is the whole run's

  MergeResult result;
  assemble_dataset(all.size(), [&](std::size_t k) { return DatasetPart{all[k].first, std::nullopt}; }, opt, [&](const DatasetEntry& e) {
    ++(e.record.ok ? result.converted : result.failed);
    if (on_entry) on_entry(e);
  });
  return result;
}

}  // namespace ogix
