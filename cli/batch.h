// Batch conversion: many inputs into one output directory, in parallel, resumable and shardable.
//
// Each input, once converted, leaves OUTDIR/<name>.xml (written atomically) and then its part (the
// manifest row and what the dataset files need) in its thread's log in OUTDIR/.ogix-parts/
// (cli/part_log.h), so a run killed at any point loses at most the inputs in flight. When every input has its part, assemble_dataset() (cli/dataset.h) writes the
// dataset files from the parts and the XMLs in dataset order, and the parts are removed.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "cli/dataset.h"
#include "cli/job.h"
#include "cli/manifest.h"
#include "cli/progress.h"

namespace ogix {

// What a batch run does: the dataset files as DatasetOptions says (its `jobs` are the conversions
// in parallel; the output is identical for any value), and how the inputs are converted.
struct BatchOptions : DatasetOptions {
  ConvertOptions convert;
  bool resume = false;    // keep reports already in OUTDIR whose input SHA-256 and generator match
  int shard = 0, shards = 0;  // convert only shard `shard` (1-based) of `shards`; 0/0 = all inputs
  ProgressMode progress = ProgressMode::off;
  double progress_interval = 10;  // seconds between plain progress lines
};

// The outcome of a batch.
struct BatchResult {
  std::size_t inputs = 0;     // inputs of this run (of this shard)
  std::size_t converted = 0;  // ok, converted now or kept
  std::size_t failed = 0;
  std::size_t kept = 0;       // taken over from OUTDIR by --resume (ok or failed)
  BatchTimings timings;       // where the time went (stderr only: no output depends on it)
};

// Converts every input (of the shard), writing OUTDIR/<name>.xml (names from output_names over
// ALL inputs, so shards name as the whole run does), then the dataset files. A failing input is
// recorded and the batch goes on. `on_entry` sees each report in dataset order as the files are
// assembled (for the command line's messages). Throws Error(io) only when the output directory
// itself cannot be written.
BatchResult run_batch(const std::vector<std::string>& inputs, const BatchOptions& options,
                      const std::function<void(const DatasetEntry&)>& on_entry = {});

// The shard (1..shards) of an input path: from the SHA-256 of the path as given, so every machine
// given the same list splits it the same way.
int shard_of(const std::string& path, int shards);

// Reads --shard "K/N" (1 <= K <= N). Returns false when malformed.
bool parse_shard(const std::string& text, int& shard, int& shards);

// The directory of per-input parts inside an output directory.
std::string parts_dir(const std::string& out_dir);

// The file a sharded run leaves in OUTDIR for `ogix merge`: "shard,shards,inputs" and one row.
constexpr const char* kShardFile = "shard.csv";

}  // namespace ogix
