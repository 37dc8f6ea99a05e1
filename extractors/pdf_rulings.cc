// The only file that uses poppler's core (private) API: an OutputDev that records axis-aligned
// strokes and thin filled rectangles while poppler interprets a page.
#include "extractors/pdf_rulings.h"

#include <algorithm>
#include <cmath>
#include <string>

#include <poppler/GfxState.h>
#include <poppler/GlobalParams.h>
#include <poppler/OutputDev.h>
#include <poppler/PDFDoc.h>
#include <poppler/Stream.h>

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

class RulingDev : public OutputDev {
 public:
  explicit RulingDev(std::size_t cap) : cap_(cap) {}

  bool upsideDown() override { return true; }  // same orientation as TextOutputDev (text_list)
  bool useDrawChar() override { return false; }
  bool interpretType3Chars() override { return false; }
  bool needCharCount() override { return false; }

  void stroke(GfxState* state) override {
    if (state->getStrokeOpacity() <= 0.01 || is_white(state->getStrokeColorSpace(), state->getStrokeColor())) return;
    add_path(state, false);
  }
  void fill(GfxState* state) override { on_fill(state); }
  void eoFill(GfxState* state) override { on_fill(state); }

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

bool abort_when_full(void* data) { return static_cast<RulingDev*>(data)->full(); }

}  // namespace

struct RulingReader::Impl {
  GlobalParamsIniter params{quiet_error};  // poppler's global state must exist while a PDFDoc does
  std::unique_ptr<PDFDoc> doc;
};

RulingReader::RulingReader(std::string_view bytes) : impl_(std::make_unique<Impl>()) {
  // MemStream neither copies nor frees the buffer; PDFDoc owns the stream object.
  auto* stream = new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
  impl_->doc = std::make_unique<PDFDoc>(stream);
  if (!impl_->doc->isOk()) impl_->doc.reset();
}

RulingReader::~RulingReader() = default;

bool RulingReader::ok() const { return impl_->doc != nullptr; }

std::vector<Ruling> RulingReader::page(int page_index, std::size_t max_segments) const {
  if (!impl_->doc || page_index < 0 || page_index >= impl_->doc->getNumPages()) return {};
  RulingDev dev(max_segments);
  // The same parameters poppler-cpp's page::text_list() uses (72 dpi, no extra rotation, crop
  // box), so both land in one coordinate space.
  impl_->doc->displayPageSlice(&dev, page_index + 1, 72, 72, 0, false, false, false, -1, -1, -1, -1,
                               abort_when_full, &dev, nullptr, nullptr, true);
  return dev.take();
}

std::vector<Ruling> read_rulings(std::string_view bytes, int page_index) {
  RulingReader reader(bytes);
  return reader.page(page_index);
}

}  // namespace ogix
