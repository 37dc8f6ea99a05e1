// Page images from the PDF reader (OCR's input, review crops) against poppler-cpp's page renderer,
// which rendered them before: the same settings must give the same pixels.
#include <doctest/doctest.h>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <cstring>
#include <filesystem>
#include <memory>

#include <unistd.h>

#include "extractors/pdf_pages.h"
#include "renderers/pdf_crop.h"
#include "test_util.h"

namespace ogix {
using test::slurp;
using test::source_path;
namespace {

void quiet_poppler(const std::string&, void*) {}

// poppler-cpp's grey rendering of a page (or of the pixel region x, y, w, h), without row padding.
GrayImage oracle_render(poppler::page& page, double dpi, int x = -1, int y = -1, int w = -1, int h = -1) {
  poppler::page_renderer r;
  r.set_image_format(poppler::image::format_gray8);
  r.set_render_hint(poppler::page_renderer::antialiasing, true);
  r.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  const poppler::image img = r.render_page(&page, dpi, dpi, x, y, w, h);
  GrayImage out;
  REQUIRE(img.is_valid());
  out.width = img.width(), out.height = img.height(), out.dpi = dpi;
  out.pixels.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height));
  for (int row = 0; row < out.height; ++row)
    std::memcpy(out.pixels.data() + static_cast<std::size_t>(row) * static_cast<std::size_t>(out.width),
                img.const_data() + static_cast<std::ptrdiff_t>(row) * img.bytes_per_row(),
                static_cast<std::size_t>(out.width));
  return out;
}

// The number of ink pixels (darker than mid-grey): a render of a page with text has some.
std::size_t ink(const GrayImage& img) {
  std::size_t n = 0;
  for (unsigned char p : img.pixels) n += p < 128;
  return n;
}

}  // namespace

TEST_CASE("pdf render: every page of text, turned and scanned PDFs is poppler-cpp's image, pixel for pixel") {
  poppler::set_debug_error_function(quiet_poppler, nullptr);
  // Text pages, pages turned by /Rotate (rotated-2021's pages 2 and 3), and an image-only scan.
  for (const char* rel : {"fixtures/pdf-hzq-2023/input.pdf", "fixtures/pdf-rotated-2021/input.pdf",
                          "fixtures/ocr/ruled-2021-p3-200dpi.pdf"}) {
    CAPTURE(rel);
    const std::string bytes = slurp(source_path(rel));
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    REQUIRE(doc);
    PdfReader reader(bytes);
    REQUIRE(reader.status() == PdfReader::Status::ok);
    REQUIRE(reader.pages() == doc->pages());
    for (int i = 0; i < doc->pages(); ++i) {
      CAPTURE(i);
      std::unique_ptr<poppler::page> page(doc->create_page(i));
      REQUIRE(page);
      const GrayImage theirs = oracle_render(*page, 40);
      const GrayImage ours = reader.render_gray(i, 40, 40);
      CHECK(ours.width == theirs.width);
      CHECK(ours.height == theirs.height);
      CHECK(ours.dpi == 40);
      CHECK(ours.pixels == theirs.pixels);
      CHECK(ink(ours) > 100);
      // A region, as the review crops ask for it.
      const GrayImage region = reader.render_gray(i, 60, 60, 30, 40, 120, 70);
      CHECK(region.width == 120);
      CHECK(region.height == 70);
      CHECK(region.pixels == oracle_render(*page, 60, 30, 40, 120, 70).pixels);
      // The size OCR renders at: the crop box, turned with the page.
      double w = 0, h = 0;
      REQUIRE(reader.page_size(i, PdfPageBox::crop, w, h));
      const poppler::rectf box = page->page_rect(poppler::crop_box);
      const bool turned = page->orientation() == poppler::page::landscape || page->orientation() == poppler::page::seascape;
      CHECK(w == doctest::Approx(turned ? box.height() : box.width()));
      CHECK(h == doctest::Approx(turned ? box.width() : box.height()));
    }
  }
}

TEST_CASE("pdf render: pages that do not exist and documents that do not open render nothing") {
  const std::string bytes = slurp(source_path("fixtures/pdf-hzq-2023/input.pdf"));
  PdfReader reader(bytes);
  CHECK(reader.render_gray(-1, 72, 72).pixels.empty());
  CHECK(reader.render_gray(reader.pages(), 72, 72).pixels.empty());
  CHECK(reader.render_gray(0, 0, 72).pixels.empty());
  double w = 0, h = 0;
  CHECK_FALSE(reader.page_size(reader.pages(), PdfPageBox::crop, w, h));
  const PdfReader broken(std::string_view("%PDF-1.4 not a PDF at all"));
  CHECK(broken.status() == PdfReader::Status::damaged);
  CHECK_FALSE(broken.page_size(0, PdfPageBox::crop, w, h));
  CHECK(broken.render_gray(0, 72, 72).pixels.empty());
}

TEST_CASE("pdf render: a crop is written as an 8-bit grey PNG of the size it reports") {
  const std::string bytes = slurp(source_path("fixtures/pdf-hzq-2023/input.pdf"));
  PdfCropRenderer crops(bytes, "hzq.pdf");
  const auto dir = std::filesystem::temp_directory_path() / ("ogix-render-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string png = (dir / "crop.png").string();
  const CropSize size = crops.render(1, 100, 100, 300, 160, png);
  CHECK(size.width == 400);  // 2 pixels a point
  CHECK(size.height == 120);
  const std::string file = slurp(png);
  REQUIRE(file.size() > 33);
  CHECK(file.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  CHECK(file.compare(12, 4, "IHDR") == 0);
  auto be32 = [&](std::size_t at) {
    return (static_cast<unsigned>(static_cast<unsigned char>(file[at])) << 24) |
           (static_cast<unsigned>(static_cast<unsigned char>(file[at + 1])) << 16) |
           (static_cast<unsigned>(static_cast<unsigned char>(file[at + 2])) << 8) |
           static_cast<unsigned>(static_cast<unsigned char>(file[at + 3]));
  };
  CHECK(be32(16) == 400);
  CHECK(be32(20) == 120);
  CHECK(file[24] == 8);  // bit depth
  CHECK(file[25] == 0);  // colour type 0: grey
  CHECK_FALSE(std::filesystem::exists(png + ".tmp"));
  std::filesystem::remove_all(dir);
}

}  // namespace ogix
