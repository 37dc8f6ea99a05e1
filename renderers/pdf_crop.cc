#include "renderers/pdf_crop.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "model/error.h"

namespace ogix {

PdfCropRenderer::PdfCropRenderer(std::string bytes, std::string source)
    : bytes_(std::move(bytes)), source_(std::move(source)) {
  reader_ = std::make_unique<PdfReader>(bytes_);
  if (reader_->status() == PdfReader::Status::encrypted)
    throw Error(ErrorCode::encrypted, source_, "PDF is encrypted with a password");
  if (reader_->status() != PdfReader::Status::ok) throw Error(ErrorCode::damaged, source_, "poppler cannot open the PDF");
}

PdfCropRenderer::~PdfCropRenderer() = default;

CropSize PdfCropRenderer::render(int page, double x0, double y0, double x1, double y1, const std::string& png_path,
                                 double max_scale, int max_width) const {
  if (page < 1 || page > reader_->pages()) throw Error(ErrorCode::io, source_, "no page " + std::to_string(page));
  if (!(x1 > x0) || !(y1 > y0) || !std::isfinite(x0 + y0 + x1 + y1))
    throw Error(ErrorCode::io, source_, "empty crop region on page " + std::to_string(page));
  // The region stays on the page (either orientation), whatever box a report file claims.
  double media_w = 0, media_h = 0;  // stay 0 when the box is missing or empty: the fallback below
  reader_->page_size(page - 1, PdfPageBox::media, media_w, media_h);
  double side = std::max(media_w, media_h);
  if (!(side > 0) || !std::isfinite(side)) side = 14400;  // PDF's largest page, 200 inches
  x0 = std::clamp(x0, 0.0, side), x1 = std::clamp(x1, 0.0, side);
  y0 = std::clamp(y0, 0.0, side), y1 = std::clamp(y1, 0.0, side);
  if (!(x1 - x0 >= 1) || !(y1 - y0 >= 1))
    throw Error(ErrorCode::io, source_, "crop region outside page " + std::to_string(page));
  // Pixels per point: at most max_scale, the width capped, and the whole image under 4 Mpixel.
  double scale = std::min(max_scale, max_width / (x1 - x0));
  scale = std::min(scale, std::sqrt(4e6 / ((x1 - x0) * (y1 - y0))));
  int px = static_cast<int>(std::floor(x0 * scale)), py = static_cast<int>(std::floor(y0 * scale));
  int w = std::max(1, static_cast<int>(std::ceil((x1 - x0) * scale)));
  int h = std::max(1, static_cast<int>(std::ceil((y1 - y0) * scale)));
  const GrayImage img = reader_->render_gray(page - 1, 72.0 * scale, 72.0 * scale, px, py, w, h);
  if (img.pixels.empty()) throw Error(ErrorCode::io, source_, "page " + std::to_string(page) + " cannot be rendered");
  std::string tmp = png_path + ".tmp";
  if (!write_gray_png(img, tmp)) {
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
    throw Error(ErrorCode::io, png_path, "cannot write the page image");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, png_path, ec);
  if (ec) throw Error(ErrorCode::io, png_path, "cannot write the page image: " + ec.message());
  return {img.width, img.height, x0, y0, x1, y1};
}

}  // namespace ogix
