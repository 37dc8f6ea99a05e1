// The bag step of the command line: which input files a bag carries, read from OUTDIR/manifest.csv.
#pragma once

#include <string>
#include <vector>

#include "writers/bag_writer.h"

namespace ogix {

// Every input that manifest.csv records with a SHA-256 (converted or not, it was read), named
// under data/sources/ as its XML is named (output_names) with the input's own extension, so
// inputs sharing a file name stay apart. Throws Error(io) when manifest.csv cannot be read.
std::vector<BagSource> manifest_sources(const std::string& out_dir);

}  // namespace ogix
