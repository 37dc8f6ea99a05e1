// The codebook of the built-in profiles, made at build time (cli/tools/builtin_gen.cc runs the
// profile parser and the codebook code over profiles/*.profile), so a process does not build it.
#pragma once

#include <string_view>

#include "writers/reports_writer.h"

namespace ogix {

// codebook.csv of the built-in profiles: codebook_csv(codebook_entries()), computed at build time.
std::string_view builtin_codebook_csv();

// reports_columns(codebook_entries()) of the built-in profiles, built once from build-time tables.
const ReportsColumns& builtin_reports_columns();

}  // namespace ogix
