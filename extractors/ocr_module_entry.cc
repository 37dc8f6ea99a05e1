// The OCR module's entry point (built into libogix_ocr.so only): the factory the core looks up
// with dlsym, and the OcrSession behind the core's OcrEngine interface. The module resolves the
// core's functions it calls (layout, grids, Unicode helpers) against the executable that loads
// it: the executables export their symbols (ENABLE_EXPORTS in CMakeLists.txt).
#include "extractors/ocr_extractor.h"
#include "extractors/ocr_module.h"

namespace ogix {
namespace {

class TesseractEngine final : public OcrEngine {
 public:
  TesseractEngine(const OcrOptions& options, const std::string& source) : session_(options, source) {}
  OcrPage read_page(const PageImage& image, int page, const ExtractContext& ctx) override {
    return session_.read_page(image, page, ctx);
  }
  std::string parameters() const override { return session_.parameters(); }

 private:
  OcrSession session_;
};

class TesseractModule final : public OcrModule {
 public:
  // Before any image exists: a raster must be freed by the allocator that made it.
  TesseractModule() { setup_leptonica(); }
  const char* version() const override { return OGIX_VERSION; }
  std::unique_ptr<OcrEngine> open(const OcrOptions& options, const std::string& source) const override {
    return std::make_unique<TesseractEngine>(options, source);
  }
  Document read_image(std::string_view bytes, const ExtractContext& ctx) const override { return read_image_file(bytes, ctx); }
};

}  // namespace
}  // namespace ogix

// The one symbol the core looks up (kOcrModuleFactory); the module object lives as long as the
// process (the module is never unloaded).
extern "C" __attribute__((visibility("default"))) const ogix::OcrModule* ogix_ocr_module_v1() {
  static const ogix::TesseractModule module;
  return &module;
}
