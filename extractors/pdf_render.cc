// poppler-cpp rendering of PDF pages for OCR (the core API stays in pdf_pages.cc).
#include "extractors/pdf_render.h"

#include <cstring>
#include <mutex>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

namespace ogix {
namespace {

void quiet(const std::string&, void*) {}

}  // namespace

struct PdfPageRenderer::Impl {
  std::string_view bytes;
  bool tried = false;
  std::unique_ptr<poppler::document> doc;

  poppler::document* open() {
    if (!tried) {
      tried = true;
      // poppler-cpp reports parse problems on stderr; the CLI's output stays clean (errors are typed).
      static std::once_flag once;
      std::call_once(once, [] { poppler::set_debug_error_function(quiet, nullptr); });
      if (bytes.size() <= static_cast<std::size_t>(INT32_MAX))
        doc.reset(poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
      if (doc && doc->is_locked()) doc.reset();
    }
    return doc.get();
  }
};

PdfPageRenderer::PdfPageRenderer(std::string_view bytes) : impl_(std::make_unique<Impl>()) { impl_->bytes = bytes; }
PdfPageRenderer::~PdfPageRenderer() = default;

bool PdfPageRenderer::page_size(int index, double& width_pt, double& height_pt) {
  poppler::document* d = impl_->open();
  if (!d || index < 0 || index >= d->pages()) return false;
  std::unique_ptr<poppler::page> p(d->create_page(index));
  if (!p) return false;
  const poppler::rectf r = p->page_rect(poppler::crop_box);
  const int rot = p->orientation();  // landscape/seascape: the rendered image is turned
  const bool swapped = rot == poppler::page::landscape || rot == poppler::page::seascape;
  width_pt = swapped ? r.height() : r.width();
  height_pt = swapped ? r.width() : r.height();
  return width_pt > 0 && height_pt > 0;
}

GrayImage PdfPageRenderer::render(int index, double dpi) {
  GrayImage out;
  poppler::document* d = impl_->open();
  if (!d || index < 0 || index >= d->pages() || !(dpi > 0)) return out;
  std::unique_ptr<poppler::page> p(d->create_page(index));
  if (!p) return out;
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  const poppler::image img = renderer.render_page(p.get(), dpi, dpi);
  if (!img.is_valid() || img.width() <= 0 || img.height() <= 0 || img.bytes_per_row() < img.width()) return out;
  out.width = img.width(), out.height = img.height(), out.dpi = dpi;
  out.pixels.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height));
  const char* src = img.const_data();
  for (int y = 0; y < out.height; ++y)
    std::memcpy(out.pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(out.width),
                src + static_cast<std::ptrdiff_t>(y) * img.bytes_per_row(), static_cast<std::size_t>(out.width));
  return out;
}

}  // namespace ogix
