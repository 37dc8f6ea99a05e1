// libFuzzer target: the text extractor through the whole pipeline.
#include "extractors/text_extractor.h"
#include "fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const ogix::TextExtractor ex;
  ogix::fuzz_pipeline(ex, data, size);
  return 0;
}
