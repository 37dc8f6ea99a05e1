// The only file that uses poppler's core (private) API: one output device that is poppler's own
// text device (the one poppler-cpp's page::text_list() uses, with the same settings) and also
// records axis-aligned strokes and thin filled rectangles, so that each page is interpreted once.
#include "extractors/pdf_pages.h"

#include <algorithm>
#include <cmath>
#include <new>
#include <optional>
#include <string>

#include <cstdio>

#include <poppler/GfxFont.h>
#include <poppler/GfxState.h>
#include <poppler/GlobalParams.h>
#include <poppler/Page.h>
#include <poppler/PDFDoc.h>
#include <poppler/SplashOutputDev.h>
#include <poppler/Stream.h>
#include <poppler/TextOutputDev.h>
#include <poppler/goo/PNGWriter.h>
#include <poppler/splash/SplashBitmap.h>

#include "text/unicode.h"

namespace ogix {
namespace {

// poppler prints parse errors to stderr unless told otherwise; the CLI must stay quiet.
void quiet_error(ErrorCategory, Goffset, const char*) {}

// A fill thinner than this (points) is a drawn line, not cell shading.
constexpr double kThinFill = 3.0;
// Shorter segments are glyph parts, bullets or dots, not table borders.
constexpr double kMinLength = 3.0;
// Two points this close (points) in one coordinate make an axis-aligned segment.
constexpr double kAxisTolerance = 1.0;

bool is_white(GfxColorSpace* space, const GfxColor* color) {
  if (space == nullptr || color == nullptr) return false;
  GfxRGB rgb;
  space->getRGB(color, &rgb);
  return colToDbl(rgb.r) > 0.95 && colToDbl(rgb.g) > 0.95 && colToDbl(rgb.b) > 0.95;
}

// poppler's text device, which also keeps the ruling lines it is shown. The text device's own
// answers (upside-down coordinates, drawChar, no pattern or image interpretation) stay as they
// are: text comes out exactly as text_list() gives it, and paths reach stroke()/fill() as before.
class PageDev : public TextOutputDev {
 public:
  // The settings of poppler-cpp's text_list(): no file, reading order, no physical layout.
  explicit PageDev(std::size_t cap) : TextOutputDev(nullptr, false, 0, false, false), cap_(cap) {}

  void stroke(GfxState* state) override {
    TextOutputDev::stroke(state);
    if (state->getStrokeOpacity() <= 0.01 || is_white(state->getStrokeColorSpace(), state->getStrokeColor())) return;
    add_path(state, false);
  }
  void fill(GfxState* state) override {
    TextOutputDev::fill(state);
    on_fill(state);
  }
  void eoFill(GfxState* state) override {
    TextOutputDev::eoFill(state);
    on_fill(state);
  }

  bool full() const { return rulings_.size() >= cap_; }
  std::vector<Ruling> take() { return std::move(rulings_); }

 private:
  void on_fill(GfxState* state) {
    if (state->getFillOpacity() <= 0.01 || is_white(state->getFillColorSpace(), state->getFillColor())) return;
    add_path(state, true);
  }

  void add(double x0, double y0, double x1, double y1, bool horizontal) {
    if (full()) return;
    Ruling r;
    r.horizontal = horizontal;
    if (horizontal) {
      r.x0 = std::min(x0, x1), r.x1 = std::max(x0, x1), r.y0 = r.y1 = (y0 + y1) / 2;
      if (r.x1 - r.x0 < kMinLength) return;
    } else {
      r.y0 = std::min(y0, y1), r.y1 = std::max(y0, y1), r.x0 = r.x1 = (x0 + x1) / 2;
      if (r.y1 - r.y0 < kMinLength) return;
    }
    rulings_.push_back(r);
  }

  void add_path(GfxState* state, bool filled) {
    const GfxPath* path = state->getPath();
    if (path == nullptr) return;
    for (int i = 0; i < path->getNumSubpaths() && !full(); ++i) {
      const GfxSubpath* sub = path->getSubpath(i);
      const int n = sub->getNumPoints();
      if (n < 2) continue;
      std::vector<std::pair<double, double>> pts;
      pts.reserve(static_cast<std::size_t>(n));
      bool curved = false;
      for (int j = 0; j < n; ++j) {
        if (sub->getCurve(j)) curved = true;
        double dx = 0, dy = 0;
        state->transform(sub->getX(j), sub->getY(j), &dx, &dy);
        pts.emplace_back(dx, dy);
      }
      if (curved) continue;  // rounded shapes are decoration, not borders
      if (filled) {
        // A filled subpath draws a line only when it is a thin axis-aligned rectangle.
        double x0 = pts[0].first, x1 = x0, y0 = pts[0].second, y1 = y0;
        for (auto& p : pts) {
          x0 = std::min(x0, p.first), x1 = std::max(x1, p.first);
          y0 = std::min(y0, p.second), y1 = std::max(y1, p.second);
        }
        bool axis = true;
        for (std::size_t j = 0; j + 1 < pts.size(); ++j) {
          double ddx = std::abs(pts[j + 1].first - pts[j].first), ddy = std::abs(pts[j + 1].second - pts[j].second);
          if (ddx > kAxisTolerance && ddy > kAxisTolerance) axis = false;
        }
        if (!axis || n > 6) continue;
        const double w = x1 - x0, h = y1 - y0;
        if (h <= kThinFill && w > h) add(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2, true);
        else if (w <= kThinFill && h > w) add((x0 + x1) / 2, y0, (x0 + x1) / 2, y1, false);
        continue;
      }
      // A closed subpath already ends with its first point (GfxSubpath::close adds it).
      for (std::size_t j = 0; j + 1 < pts.size(); ++j) {
        auto a = pts[j], b = pts[j + 1];
        if (std::abs(a.second - b.second) <= kAxisTolerance) add(a.first, a.second, b.first, b.second, true);
        else if (std::abs(a.first - b.first) <= kAxisTolerance) add(a.first, a.second, b.first, b.second, false);
      }
    }
  }

  std::size_t cap_;
  std::vector<Ruling> rulings_;
};

// The text of an information-dictionary string: UTF-16 after a byte-order mark, otherwise one
// character per byte (how poppler-cpp's info_key() read it). A broken surrogate pair makes the
// whole string undecodable (empty), never a half-read title.
std::string decode_info_string(const GooString& s) {
  const std::string& raw = s.toStr();
  const bool be = raw.size() >= 2 && raw[0] == '\xFE' && raw[1] == '\xFF';
  const bool le = raw.size() >= 2 && raw[0] == '\xFF' && raw[1] == '\xFE';
  std::u32string out;
  if (!be && !le) {
    for (unsigned char c : raw) out += static_cast<char32_t>(c);
    return u32_to_utf8(out);
  }
  auto unit = [&](std::size_t i) -> char32_t {
    const auto a = static_cast<unsigned char>(raw[i]), b = static_cast<unsigned char>(raw[i + 1]);
    return be ? (char32_t{a} << 8 | b) : (char32_t{b} << 8 | a);
  };
  for (std::size_t i = 2; i + 1 < raw.size(); i += 2) {
    const char32_t u = unit(i);
    if (u >= 0xDC00 && u <= 0xDFFF) return {};
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 3 >= raw.size()) return {};
      const char32_t v = unit(i + 2);
      if (v < 0xDC00 || v > 0xDFFF) return {};
      out += 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
      i += 2;
      continue;
    }
    out += u;
  }
  return u32_to_utf8(out);
}

pdf::Rect rect_of(double x0, double y0, double x1, double y1) { return pdf::Rect{x0, y0, x1, y1}; }

// poppler's global state (GlobalParams: encodings, name-to-Unicode tables; 3.9 M instructions to
// build, 1.1 M to free) must exist while a PDFDoc does. Made once per process and never freed:
// held by each reader, it was built again for every PDF of a batch and freed at exit. poppler
// counts its users.
void keep_global_params() {
  // Placed in static storage, not the heap: a pointer nobody reads would be optimized away, and
  // the block reported as leaked.
  alignas(GlobalParamsIniter) static unsigned char storage[sizeof(GlobalParamsIniter)];
  static const bool made = (new (storage) GlobalParamsIniter(quiet_error), true);
  (void)made;
}

}  // namespace

struct PdfReader::Impl {
  Impl() { keep_global_params(); }
  std::unique_ptr<PDFDoc> doc;
  Status status = Status::damaged;
};

PdfReader::PdfReader(std::string_view bytes) : impl_(std::make_unique<Impl>()) {
  // MemStream neither copies nor frees the buffer; PDFDoc owns the stream object. Empty owner and
  // user passwords, as poppler-cpp's load_from_raw_data() passes them.
  auto* stream = new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
  impl_->doc = std::make_unique<PDFDoc>(stream, std::optional<GooString>(GooString("")),
                                        std::optional<GooString>(GooString("")));
  if (impl_->doc->isOk()) {
    impl_->status = Status::ok;
    return;
  }
  impl_->status = impl_->doc->getErrorCode() == errEncrypted ? Status::encrypted : Status::damaged;
  impl_->doc.reset();
}

PdfReader::~PdfReader() = default;

PdfReader::Status PdfReader::status() const { return impl_->status; }

int PdfReader::pages() const { return impl_->doc ? impl_->doc->getNumPages() : 0; }

std::string PdfReader::info_title() const {
  if (!impl_->doc) return {};
  std::unique_ptr<GooString> title = impl_->doc->getDocInfoStringEntry("Title");
  return title ? decode_info_string(*title) : std::string();
}

PdfPage PdfReader::read_page(int index, std::size_t max_rulings) const {
  PdfPage out;
  if (!impl_->doc || index < 0 || index >= impl_->doc->getNumPages()) return out;
  Page* page = impl_->doc->getPage(index + 1);
  if (page == nullptr) return out;
  out.readable = true;
  const PDFRectangle* crop = page->getCropBox();
  out.width = crop->x2 - crop->x1;
  out.height = crop->y2 - crop->y1;
  out.rotate = page->getRotate();

  PageDev dev(max_rulings);
  // text_list()'s parameters (72 dpi, no extra rotation, crop box, not printing), so boxes and
  // rulings share its coordinate space. The document's own xref is used: a document is read by
  // one thread, and copying the xref for every page costs time that grows with the file.
  impl_->doc->displayPageSlice(&dev, index + 1, 72, 72, 0, false, false, false, -1, -1, -1, -1, nullptr, nullptr,
                               nullptr, nullptr, false);
  out.rulings = dev.take();
  std::unique_ptr<TextWordList> words = dev.makeWordList();
  if (!words) return out;
  const int n = words->getLength();
  out.boxes.reserve(static_cast<std::size_t>(std::max(0, n)));
  for (int i = 0; i < n; ++i) {
    const TextWord* w = words->get(i);
    const int len = w->getLength();
    if (len <= 0) continue;
    PdfTextBox b;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    w->getBBox(&x0, &y0, &x1, &y1);
    b.box = rect_of(x0, y0, x1, y1);
    b.rotation = w->getRotation();
    b.font_size = w->getFontSize();
    b.space_after = w->hasSpaceAfter();
    b.vertical_font = w->getFontInfo(0)->getWMode() == 1;
    b.text.reserve(static_cast<std::size_t>(len));
    b.chars.reserve(static_cast<std::size_t>(len));
    for (int j = 0; j < len; ++j) {
      b.text += static_cast<char32_t>(*w->getChar(j));
      w->getCharBBox(j, &x0, &y0, &x1, &y1);
      b.chars.push_back(rect_of(x0, y0, x1, y1));
    }
    out.boxes.push_back(std::move(b));
  }
  return out;
}

bool PdfReader::page_size(int index, PdfPageBox box, double& width_pt, double& height_pt) const {
  if (!impl_->doc || index < 0 || index >= impl_->doc->getNumPages()) return false;
  Page* page = impl_->doc->getPage(index + 1);
  if (page == nullptr) return false;
  const PDFRectangle* r = box == PdfPageBox::crop ? page->getCropBox() : page->getMediaBox();
  const bool turned = page->getRotate() == 90 || page->getRotate() == 270;
  width_pt = turned ? r->y2 - r->y1 : r->x2 - r->x1;
  height_pt = turned ? r->x2 - r->x1 : r->y2 - r->y1;
  return width_pt > 0 && height_pt > 0;
}

GrayImage PdfReader::render_gray(int index, double xres, double yres, int x, int y, int w, int h) const {
  GrayImage out;
  if (!impl_->doc || index < 0 || index >= impl_->doc->getNumPages() || !(xres > 0) || !(yres > 0)) return out;
  if (impl_->doc->getPage(index + 1) == nullptr) return out;
  if (!(w > 0 && h > 0)) x = y = w = h = -1;
  // The settings of poppler-cpp's page_renderer with format_gray8 and both antialiasing hints
  // (what the OCR read before this was written here): a white paper, rows padded to 4 bytes, top
  // down, no hinting. tests/pdf_render_test.cc checks the pixels equal poppler-cpp's.
  SplashColor paper;
  paper[0] = paper[1] = paper[2] = 0xff;
  SplashOutputDev dev(splashModeMono8, 4, false, paper, true, splashThinLineDefault);
  dev.setFontAntialias(true);
  dev.setVectorAntialias(true);
  dev.setFreeTypeHinting(false, false);
  dev.startDoc(impl_->doc.get());
  impl_->doc->displayPageSlice(&dev, index + 1, xres, yres, 0, false, true, false, x, y, w, h, nullptr, nullptr,
                               nullptr, nullptr, false);
  SplashBitmap* bitmap = dev.getBitmap();
  if (bitmap == nullptr || bitmap->getWidth() <= 0 || bitmap->getHeight() <= 0 || bitmap->getRowSize() < bitmap->getWidth())
    return out;
  out.width = bitmap->getWidth(), out.height = bitmap->getHeight(), out.dpi = xres;
  const auto width = static_cast<std::size_t>(out.width);
  out.pixels.resize(width * static_cast<std::size_t>(out.height));
  const unsigned char* src = bitmap->getDataPtr();
  for (int row = 0; row < out.height; ++row)
    std::copy_n(src + static_cast<std::ptrdiff_t>(row) * bitmap->getRowSize(), width,
                out.pixels.begin() + static_cast<std::ptrdiff_t>(row) * static_cast<std::ptrdiff_t>(width));
  return out;
}

bool write_gray_png(const GrayImage& img, const std::string& path) {
  if (img.width <= 0 || img.height <= 0 ||
      img.pixels.size() != static_cast<std::size_t>(img.width) * static_cast<std::size_t>(img.height))
    return false;
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return false;
  PNGWriter png(PNGWriter::GRAY);
  const double dpi = img.dpi > 0 ? img.dpi : 72;
  bool ok = png.init(f, img.width, img.height, dpi, dpi);
  if (ok) {
    // PNGWriter takes rows through a non-const pointer; it only reads them.
    auto* row = const_cast<unsigned char*>(img.pixels.data());
    for (int y = 0; ok && y < img.height; ++y, row += img.width) ok = png.writeRow(&row);
    ok = png.close() && ok;
  }
  return std::fclose(f) == 0 && ok;
}

}  // namespace ogix
