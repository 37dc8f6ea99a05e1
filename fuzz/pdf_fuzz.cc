// libFuzzer target: the PDF extractor (poppler, rulings, layout) through the whole pipeline.
#include "extractors/pdf_extractor.h"
#include "fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const ogix::PdfExtractor ex;
  ogix::fuzz_pipeline(ex, data, size);
  return 0;
}
