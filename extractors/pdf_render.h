// Page images of a PDF for OCR, rendered by poppler-cpp's page renderer. The poppler-cpp document
// is opened only when the first page needs rendering (text PDFs never open it).
#pragma once

#include <memory>
#include <string_view>
#include <vector>

namespace ogix {

// An 8-bit grey page image: width × height pixels, row-major, no padding, at `dpi`.
struct GrayImage {
  int width = 0, height = 0;
  double dpi = 0;
  std::vector<unsigned char> pixels;
};

// Renders pages of one PDF (its bytes must outlive the renderer).
class PdfPageRenderer {
 public:
  explicit PdfPageRenderer(std::string_view bytes);
  ~PdfPageRenderer();
  PdfPageRenderer(const PdfPageRenderer&) = delete;
  PdfPageRenderer& operator=(const PdfPageRenderer&) = delete;

  // Page `index` (0-based) size in points with its /Rotate applied, as rendered; false when the
  // document or page cannot be opened.
  bool page_size(int index, double& width_pt, double& height_pt);
  // Renders page `index` upright (its /Rotate applied) at `dpi`; an empty image on failure.
  GrayImage render(int index, double dpi);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ogix
