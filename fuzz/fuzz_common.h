// Shared body of the extractor fuzz targets: the whole pipeline with one extractor.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cli/job.h"
#include "extractors/extractor.h"
#include "extractors/ocr_module.h"
#include "model/error.h"
#include "writers/cells_csv_writer.h"
#include "writers/xml_writer.h"

// libFuzzer calls this once, before the first input and any thread: OCR (scanned pages, images)
// must run single-threaded, and OpenMP reads the limit when the OCR module loads it. Not inline:
// libFuzzer finds it by name, and this header is included by one translation unit per target.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  ogix::ocr_single_thread();
  return 0;
}

namespace ogix {

// Runs `bytes` through extractor, normalizers, mapping, rules and both writers. A typed
// ogix::Error is the expected outcome for junk; anything else escapes and libFuzzer reports it.
inline void fuzz_pipeline(const Extractor& ex, const std::uint8_t* data, std::size_t size) {
  ConvertOptions opt;
  opt.limits.max_input_bytes = 1u << 20;
  opt.limits.max_seconds = 10;
  opt.limits.max_table_cells = 20000;
  opt.limits.max_pages = 20;
  opt.limits.max_pixels = 400000;  // scanned pages are read by OCR: keep each fast
  try {
    Document d = convert_with(ex, std::string_view(reinterpret_cast<const char*>(data), size), "fuzz", opt);
    std::string xml = write_xml(d);
    std::string csv = cells_csv_rows(d);
    if (xml.empty()) __builtin_trap();
  } catch (const Error&) {
  }
}

}  // namespace ogix
