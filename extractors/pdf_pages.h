// The pages of a PDF as poppler reads them: text boxes and ruling lines from one interpretation of
// each page, over one open document.
//
// This file pair is the only user of poppler's core (private) API (PDFDoc, OutputDev, GfxState,
// TextOutputDev, SplashOutputDev, PNGWriter), which is not stable across poppler versions: keep
// every use of it here, behind this small interface. No poppler type appears in this header.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/pdf_layout.h"

namespace ogix {

// A horizontal or vertical segment in page points, origin top-left, in the same coordinate space
// as the text boxes (page rotation applied). For a horizontal ruling y0 == y1 and x0 < x1; for a
// vertical one x0 == x1 and y0 < y1.
struct Ruling {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool horizontal = true;
};

// One text box of poppler's text layout (roughly a word; a run of Chinese characters), exactly as
// poppler-cpp's page::text_list(text_list_include_font) reports it: same boxes, same order.
struct PdfTextBox {
  std::u32string text;          // the box's characters, one code point each, unfiltered
  pdf::Rect box;                // page coordinates, origin top-left
  std::vector<pdf::Rect> chars; // one box per code point of `text`
  int rotation = 0;             // 0..3: quarter turns of the text's baseline
  bool vertical_font = false;   // the first character's font writes top to bottom (WMode 1)
  double font_size = 0;
  bool space_after = false;     // poppler saw a space after this box
};

// An 8-bit grey page image: width × height pixels, row-major, no padding, at `dpi`.
struct GrayImage {
  int width = 0, height = 0;
  double dpi = 0;
  std::vector<unsigned char> pixels;
};

// Which of a page's boxes page_size() measures.
enum class PdfPageBox { crop, media };

// One page after its single interpretation.
struct PdfPage {
  bool readable = false;            // false: the page object is missing or broken
  double width = 0, height = 0;     // crop box size, before /Rotate
  int rotate = 0;                   // the page's /Rotate: 0, 90, 180 or 270
  std::vector<PdfTextBox> boxes;    // in poppler's reading order
  std::vector<Ruling> rulings;      // drawn strokes and thin filled rectangles, in drawing order
};

// An open PDF document. Pages are read one at a time; nothing of a page is kept by the reader
// once read_page() returns.
class PdfReader {
 public:
  enum class Status { ok, damaged, encrypted };

  // Parses `bytes` (which must outlive the reader). Never throws: status() says whether it opened.
  explicit PdfReader(std::string_view bytes);
  ~PdfReader();
  PdfReader(const PdfReader&) = delete;
  PdfReader& operator=(const PdfReader&) = delete;

  // Whether the document opened, or why not.
  Status status() const;
  // Number of pages (0 unless status() is ok).
  int pages() const;
  // The document information dictionary's Title as UTF-8 (empty when absent or undecodable).
  std::string info_title() const;
  // Interprets page `index` (0-based) once, collecting its text boxes and ruling lines. At most
  // `max_rulings` rulings are kept (hostile files can draw millions); the text is read in full.
  PdfPage read_page(int index, std::size_t max_rulings = 20000) const;
  // Page `index`'s `box` in points, with its /Rotate applied (width and height swapped for a
  // quarter turn); false when the document or the page cannot be read.
  bool page_size(int index, PdfPageBox box, double& width_pt, double& height_pt) const;
  // Renders page `index` upright (its /Rotate applied) at `xres` × `yres` dpi, antialiased, in grey
  // on white; only the pixel region x, y, w, h when w > 0 and h > 0. Empty on failure.
  GrayImage render_gray(int index, double xres, double yres, int x = -1, int y = -1, int w = -1, int h = -1) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Writes `img` as an 8-bit grey PNG file at `path` (replaced if it exists); false on failure.
bool write_gray_png(const GrayImage& img, const std::string& path);

}  // namespace ogix
