// ogix merge: the outputs of shard runs (ogix convert --shard K/N) unioned into one output
// directory, byte-identical to the output of one unsharded run over the same inputs.
#pragma once

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/dataset.h"

namespace ogix {

// A merge that must not happen (the message says why, naming the directories).
struct MergeRefused : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// What a merge does: the dataset files as DatasetOptions says (its `jobs` read the reports back;
// the output does not depend on it).
using MergeOptions = DatasetOptions;

// The outcome of a merge.
struct MergeResult {
  std::size_t converted = 0, failed = 0;
};

// Copies every report of `shard_dirs` into out_dir and assembles the dataset files from all of
// them (assemble_dataset), so rule 6 holds across shards. Refuses (MergeRefused) outputs of another ogix version or
// other conversion settings (settings_key), unfinished outputs (no
// manifest.csv), overlapping shards (one input in two outputs, a shard given twice), shards of
// different splits or a missing shard of a split; nothing is written before these checks pass.
// Throws Error when a shard cannot be read or out_dir cannot be written.
MergeResult merge_outputs(const std::vector<std::string>& shard_dirs, const MergeOptions& options,
                          const std::function<void(const DatasetEntry&)>& on_entry = {});

}  // namespace ogix
