// libFuzzer target: image files (PNG, JPEG, TIFF) through Leptonica, OCR and the whole pipeline,
// with a small --max-pixels cap so a page stays fast to read and hostile headers are refused.
#include "extractors/ocr_extractor.h"
#include "fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const ogix::OcrExtractor ex;
  ogix::ConvertOptions opt;
  opt.limits.max_input_bytes = 1u << 20;
  opt.limits.max_seconds = 10;
  opt.limits.max_pixels = 400'000;  // about A4 at 75 dpi: OCR per input stays well under a second
  try {
    ogix::Document d = ogix::convert_with(ex, std::string_view(reinterpret_cast<const char*>(data), size), "fuzz", opt);
    if (ogix::write_xml(d).empty()) __builtin_trap();
  } catch (const ogix::Error&) {
  }
  return 0;
}
