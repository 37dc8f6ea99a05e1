// libFuzzer target: the Word extractor through the whole pipeline. Inputs starting with "PK" go
// through the ZIP container; any other input is taken as word/document.xml itself, so mutations
// reach the WordprocessingML reader instead of dying at the container's checksums.
#include "extractors/docx_extractor.h"
#include "fuzz/fuzz_common.h"

namespace {

class DocumentXmlExtractor final : public ogix::Extractor {
 public:
  std::string_view name() const override { return "docx"; }
  ogix::Document extract(std::string_view bytes, const ogix::ExtractContext& ctx) const override {
    return ogix::extract_docx_parts(ogix::DocxParts{std::string(bytes), {}, {}}, ctx);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const ogix::DocxExtractor container;
  static const DocumentXmlExtractor xml;
  bool zip = size >= 2 && data[0] == 'P' && data[1] == 'K';
  ogix::fuzz_pipeline(zip ? static_cast<const ogix::Extractor&>(container) : xml, data, size);
  return 0;
}
