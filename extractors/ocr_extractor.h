// OCR with Tesseract and Leptonica: scanned PDF pages and image files (PNG, JPEG, TIFF) read into
// the same words and ruling lines the PDF extractor lays out, tables read cell by cell inside the
// grid their rulings draw. OcrSession and read_image_file are built into the OCR module
// (libogix_ocr.so, extractors/ocr_module.h), not the core: the core reaches them through OcrModule.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/extractor.h"
#include "extractors/pdf_layout.h"
#include "extractors/pdf_pages.h"
#include "model/ocr_reading.h"

struct Pix;

namespace ogix {

// The resolution pages are read at, unless --max-pixels or the image itself says otherwise.
inline constexpr int kOcrDpi = 300;

// A page image to read: 8-bit grey, row-major, `stride` bytes per row, at `dpi`.
struct PageImage {
  int width = 0, height = 0, stride = 0;
  double dpi = 300;
  const unsigned char* gray = nullptr;  // not owned
};

// What OCR found on one page, in page points (origin top-left; the page is width × height pixels
// at dpi): words of the running text and one word per table cell, the ruling lines of the image,
// and each cell's reading with its confidences and per-character alternatives.
struct OcrPage {
  std::vector<pdf::Word> words;
  std::vector<Ruling> rulings;
  std::vector<OcrReading> readings;
  double width = 0, height = 0;  // points
  double skew_degrees = 0;       // the skew found and removed
  int quarter_turns = 0;         // clockwise quarter turns that made sideways text upright
};

// One Tesseract instance, for one document (never shared between threads). Construction throws
// Error(ocr_unavailable) naming the Debian package when a language's data is not installed.
class OcrSession {
 public:
  OcrSession(const OcrOptions& options, const std::string& source);
  ~OcrSession();
  OcrSession(const OcrSession&) = delete;
  OcrSession& operator=(const OcrSession&) = delete;

  // Deskews, finds the rulings, reads every table cell and the running text of page `page`
  // (1-based). Throws limit_exceeded beyond limits.max_pixels or the deadline.
  OcrPage read_page(const PageImage& image, int page, const ExtractContext& ctx);
  // The engine and its fixed parameters, for the XML's source element.
  std::string parameters() const;

 private:
  // Clockwise quarter turns (0, 1 or 3) that bring the text of an 8-bit page image upright: its
  // lines run vertically when the gaps between them show in the column profile, and the way is
  // the turn Tesseract reads with more confidence.
  int upright_turns(Pix* gray, int dpi);

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A cell's OCR text with each opening 《 or 〈 whose next bracket is a closing ） or ) made the
// full-width （ the Chinese model misread it for ((《一）→ （一）); all else unchanged.
std::u32string mend_ocr_brackets(std::u32string s);

// A cell's OCR text with each ASCII hyphen between two Han characters made 一, the character the
// models read as one (危及“三安全-稳定”); all else unchanged.
std::u32string mend_ocr_one(std::u32string s);

// The resolution a PDF page of `width_pt` × `height_pt` points is rendered at for OCR: 300 dpi,
// less when that would exceed `max_pixels` (never below 100 dpi; 0 when even that is too large).
double ocr_render_dpi(double width_pt, double height_pt, std::size_t max_pixels);

// An image file decoded by Leptonica and read as one scanned page (in the OCR module; the core
// calls it through OcrModule::read_image). Throws as OcrExtractor::extract does.
Document read_image_file(std::string_view bytes, const ExtractContext& ctx);

// Sets Leptonica up for the process, once, before its first image: messages off, raster memory
// from raster_alloc (ocr_extractor.cc). The module calls it when it is loaded.
void setup_leptonica();

// Image files (PNG, JPEG, TIFF): the image is one page, read by OCR and laid out as a scanned PDF
// page. Throws unsupported (not a readable image), limit_exceeded (more than max_pixels),
// ocr_unavailable (language data or the OCR module missing) or not-a-report downstream when it
// holds no table. Loads the OCR module only for an image it will read.
class OcrExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "ocr"; }
  Document extract(std::string_view bytes, const ExtractContext& ctx) const override;
};

// True when the bytes start like a PNG, JPEG or TIFF file.
bool is_image_file(std::string_view bytes);

}  // namespace ogix
