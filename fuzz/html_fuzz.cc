// libFuzzer target: the HTML extractor through the whole pipeline.
#include "extractors/html_extractor.h"
#include "fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const ogix::HtmlExtractor ex;
  ogix::fuzz_pipeline(ex, data, size);
  return 0;
}
