// The seam between the core and the OCR module (libogix_ocr.so): everything that links Tesseract
// and Leptonica lives in the module, which the core opens with dlopen the first time a page or an
// image needs OCR. A process that reads no scan never loads Tesseract, Leptonica, OpenMP, curl…
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "extractors/extractor.h"
#include "extractors/ocr_extractor.h"

namespace ogix {

// One OCR engine for one document (never shared between threads): the module's OcrSession
// behind a virtual interface, so the core calls it without linking it.
class OcrEngine {
 public:
  virtual ~OcrEngine() = default;
  // Reads page `page` (1-based) of a page image; see OcrSession::read_page.
  virtual OcrPage read_page(const PageImage& image, int page, const ExtractContext& ctx) = 0;
  // The engine and its fixed parameters, for the XML's source element.
  virtual std::string parameters() const = 0;
};

// What the module exports, through one factory symbol (kOcrModuleFactory, extern "C").
//
// An abstract class rather than a C function table: the module is built in the same build as the
// core, from the same headers, against the same libstdc++, and its code already works on the
// core's types (Document, words, typed Error) — a C table would force every result through a
// copy into plain structs and every exception through an error code and back, for no gain. The
// version string guards against a module of another build found on the lookup path.
class OcrModule {
 public:
  virtual ~OcrModule() = default;
  // OGIX_VERSION of the build that made the module.
  virtual const char* version() const = 0;
  // A Tesseract instance for one document; throws Error(ocr_unavailable) naming the Debian
  // package when a language's data is not installed.
  virtual std::unique_ptr<OcrEngine> open(const OcrOptions& options, const std::string& source) const = 0;
  // An image file (PNG, JPEG, TIFF) decoded, read and laid out as one scanned page.
  virtual Document read_image(std::string_view bytes, const ExtractContext& ctx) const = 0;
};

// The factory the module exports: `const OcrModule* ogix_ocr_module_v1()`.
inline constexpr const char* kOcrModuleFactory = "ogix_ocr_module_v1";

// The module, loaded at the first call (thread-safe, once per process, never unloaded) from
// $OGIX_OCR_MODULE if set, else the directory of /proc/self/exe, else the install libdir.
// Throws Error(ocr_unavailable) naming `source` and what is missing (the module file, a library
// it needs, or its factory); Error(internal) when OMP_THREAD_LIMIT is not 1 (see ocr_single_thread).
const OcrModule& ocr_module(const std::string& source);

// A Tesseract instance for one document, from the module (see OcrModule::open).
std::unique_ptr<OcrEngine> open_ocr_engine(const OcrOptions& options, const std::string& source);

// Makes OCR single-threaded (hence deterministic): sets OMP_THREAD_LIMIT=1 in this process's
// environment, which OpenMP reads when the module loads it. Call first thing in main(), before
// any thread starts (setenv is not safe beside other threads reading the environment).
void ocr_single_thread();

}  // namespace ogix
