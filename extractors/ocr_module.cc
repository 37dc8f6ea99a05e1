// The core's side of the OCR seam: finds and opens libogix_ocr.so on first use, and the parts of
// OCR that need no Tesseract (image sniffing, render resolution, the image extractor's checks).
#include "extractors/ocr_module.h"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>


#include "model/error.h"
#include "model/shared_library.h"
#include "text/unicode.h"

namespace ogix {

namespace {

constexpr int kMinDpi = 100;

// The loaded module, or why there is none.
struct LoadedModule {
  const OcrModule* module = nullptr;
  std::string error;
  ErrorCode code = ErrorCode::ocr_unavailable;
};

// The module file: $OGIX_OCR_MODULE when set (and only it: a named module that fails is an
// error, not a reason to pick up another); else beside the running executable (a build tree, or
// an install with the module next to the binary); else where an install puts it relative to the
// binary (bin/../lib/ogix: any prefix); else the configured install libdir (CMakeLists.txt).
// `tried` lists the places looked at, for the error message.
std::string module_path(std::string& tried) {
  if (const char* env = std::getenv("OGIX_OCR_MODULE"); env != nullptr && *env != '\0') {
    tried = std::string("$OGIX_OCR_MODULE=") + env;
    return env;
  }
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const std::filesystem::path beside = exe.parent_path() / OGIX_OCR_MODULE_NAME;
    tried = beside.string();
    if (std::filesystem::exists(beside, ec)) return beside.string();
    const std::filesystem::path relative = (exe.parent_path() / OGIX_OCR_MODULE_RELDIR / OGIX_OCR_MODULE_NAME).lexically_normal();
    tried += ", " + relative.string();
    if (std::filesystem::exists(relative, ec)) return relative.string();
  }
  const std::string installed = std::string(OGIX_OCR_MODULE_DIR "/") + OGIX_OCR_MODULE_NAME;
  tried += (tried.empty() ? "" : ", ") + installed;
  return installed;
}

LoadedModule load_module() {
  LoadedModule m;
  // libgomp reads OMP_THREAD_LIMIT once, when the module's dlopen loads it: unset then, Tesseract
  // could read with several threads and its results would depend on them.
  const char* limit = std::getenv("OMP_THREAD_LIMIT");
  if (limit == nullptr || std::strcmp(limit, "1") != 0) {
    m.code = ErrorCode::internal;
    m.error = "OMP_THREAD_LIMIT is not 1 when the OCR module is loaded (the program must call ocr_single_thread() first)";
    return m;
  }
  std::string tried;
  const std::string path = module_path(tried);
  // RTLD_NOW: a symbol missing from the module or its libraries is an error here, not a crash in
  // the middle of a page. RTLD_LOCAL: Tesseract's symbols stay out of the process's namespace.
  SharedLibrary so(path);
  if (!so.loaded()) {
    m.error = "cannot load the OCR module (looked for " + tried + "): " + so.open_error() +
              "; it needs Tesseract and Leptonica (Debian packages libtesseract5, liblept5); set OGIX_OCR_MODULE to its path, or convert with --ocr=off";
    return m;
  }
  const OcrModule* (*factory)() = nullptr;
  so.bind(factory, kOcrModuleFactory);
  const OcrModule* mod = factory ? factory() : nullptr;
  if (mod == nullptr) {
    m.error = path + " is not an ogix OCR module (no " + kOcrModuleFactory + ")";
    return m;
  }
  if (std::strcmp(mod->version(), OGIX_VERSION) != 0) {
    m.error = path + " is the OCR module of ogix " + mod->version() + ", not " OGIX_VERSION;
    return m;
  }
  m.module = mod;
  return m;
}

}  // namespace

const OcrModule& ocr_module(const std::string& source) {
  static const LoadedModule loaded = load_module();
  if (loaded.module == nullptr) throw Error(loaded.code, source, loaded.error);
  return *loaded.module;
}

std::unique_ptr<OcrEngine> open_ocr_engine(const OcrOptions& options, const std::string& source) {
  return ocr_module(source).open(options, source);
}

void ocr_single_thread() { ::setenv("OMP_THREAD_LIMIT", "1", 1); }

double ocr_render_dpi(double width_pt, double height_pt, std::size_t max_pixels) {
  if (!(width_pt > 0) || !(height_pt > 0)) return 0;
  const double area_in = (width_pt / 72.0) * (height_pt / 72.0);
  double dpi = kOcrDpi;
  if (area_in * dpi * dpi > static_cast<double>(max_pixels)) dpi = std::floor(std::sqrt(static_cast<double>(max_pixels) / area_in));
  return dpi >= kMinDpi ? dpi : 0;
}

// Brackets come in pairs: an opening 《 or 〈 whose next bracket is a closing ） or ) is the
// full-width （ the Chinese model misread ((《一）for （一）, which hides the numbering of a label).
std::u32string mend_ocr_brackets(std::u32string s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != U'《' && s[i] != U'〈') continue;
    for (std::size_t j = i + 1; j < s.size(); ++j) {
      const char32_t c = s[j];
      if (c == U'）' || c == U')') s[i] = U'（';
      if (c == U'）' || c == U')' || c == U'《' || c == U'〈' || c == U'》' || c == U'〉' || c == U'（' || c == U'(') break;
    }
  }
  return s;
}

std::u32string mend_ocr_one(std::u32string s) {
  // Chinese text sets no hyphen between two Han characters; a dash between words is a full-width
  // one (—, －), which stays.
  for (std::size_t i = 1; i + 1 < s.size(); ++i)
    if (s[i] == U'-' && is_cjk(s[i - 1]) && is_cjk(s[i + 1])) s[i] = U'一';
  return s;
}

bool is_image_file(std::string_view bytes) {
  return bytes.substr(0, 8) == std::string_view("\x89PNG\r\n\x1A\n", 8) || bytes.substr(0, 3) == "\xFF\xD8\xFF" ||
         bytes.substr(0, 4) == std::string_view("II*\0", 4) || bytes.substr(0, 4) == std::string_view("MM\0*", 4);
}

Document OcrExtractor::extract(std::string_view bytes, const ExtractContext& ctx) const {
  // Checked here too, so that an image refused anyway never loads the module.
  if (!is_image_file(bytes)) throw Error(ErrorCode::unsupported, ctx.source, "not a PNG, JPEG or TIFF image");
  if (ctx.ocr.mode == OcrMode::off)
    throw Error(ErrorCode::no_text_layer, ctx.source, "an image file has no text layer and OCR is off (--ocr=off)");
  ctx.grant_ocr_page();  // the image's own time, beyond --max-seconds
  return ocr_module(ctx.source).read_image(bytes, ctx);
}

}  // namespace ogix
