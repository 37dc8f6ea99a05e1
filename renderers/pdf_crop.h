// Page images for the review pages: a region of a source PDF page rendered by the PDF reader
// (extractors/pdf_pages.h) and saved as a grey PNG. Knows PDFs, not the Document model (the CLI
// wires it to the writers).
#pragma once

#include <memory>
#include <string>

#include "extractors/pdf_pages.h"

namespace ogix {

// Pixel size of a rendered crop and the region it shows (the one asked for, kept on the page).
struct CropSize {
  int width = 0, height = 0;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// One source PDF opened for rendering crops of its pages.
class PdfCropRenderer {
 public:
  // Opens the PDF bytes (kept by the renderer); throws Error(damaged/encrypted) naming `source`.
  PdfCropRenderer(std::string bytes, std::string source);
  ~PdfCropRenderer();
  PdfCropRenderer(const PdfCropRenderer&) = delete;
  PdfCropRenderer& operator=(const PdfCropRenderer&) = delete;

  // Renders the region x0..x1 × y0..y1 (points, origin top-left of the upright page) of page
  // `page` (1-based) in grey at up to `max_scale` pixels per point, at most `max_width` pixels
  // wide and 4 Mpixel in all, and writes it as PNG to `png_path` (temporary file + rename).
  // Throws Error(io) when the page does not exist, cannot be rendered or the file not written.
  CropSize render(int page, double x0, double y0, double x1, double y1, const std::string& png_path,
                  double max_scale = 2.0, int max_width = 900) const;

 private:
  std::string bytes_, source_;
  std::unique_ptr<PdfReader> reader_;
};

}  // namespace ogix
