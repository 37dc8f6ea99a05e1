// Ruling lines from a page image by morphology: opening with a long thin brick keeps only runs of
// ink longer than any character stroke; their connected components are the rulings.
#include "extractors/image_rulings.h"

#include <algorithm>

#include <leptonica/allheaders.h>

namespace ogix {
namespace {

// Components of `lines` (1 bpp) as rulings in one direction.
void collect(Pix* lines, bool horizontal, int min_len, int max_thick, std::size_t cap, std::vector<PixelRuling>& out) {
  Boxa* boxes = pixConnCompBB(lines, 8);
  if (!boxes) return;
  const int n = boxaGetCount(boxes);
  std::vector<PixelRuling> found;
  for (int i = 0; i < n; ++i) {
    l_int32 x = 0, y = 0, w = 0, h = 0;
    if (boxaGetBoxGeometry(boxes, i, &x, &y, &w, &h) != 0) continue;
    PixelRuling r;
    r.horizontal = horizontal;
    if (horizontal) {
      // A skewed line's component is a little taller than its stroke; its centre line is the ruling.
      if (w < min_len || h > max_thick + w / 100) continue;
      r.x0 = x, r.x1 = x + w - 1, r.y0 = r.y1 = y + h / 2, r.thickness = h;
    } else {
      if (h < min_len || w > max_thick + h / 100) continue;
      r.y0 = y, r.y1 = y + h - 1, r.x0 = r.x1 = x + w / 2, r.thickness = w;
    }
    found.push_back(r);
  }
  boxaDestroy(&boxes);
  // Hostile images can hold thousands of lines: keep the longest, in a fixed order.
  if (found.size() > cap) {
    std::stable_sort(found.begin(), found.end(), [](const PixelRuling& a, const PixelRuling& b) {
      return (a.x1 - a.x0) + (a.y1 - a.y0) > (b.x1 - b.x0) + (b.y1 - b.y0);
    });
    found.resize(cap);
  }
  out.insert(out.end(), found.begin(), found.end());
}

}  // namespace

std::vector<PixelRuling> find_image_rulings(Pix* binary, int dpi, Pix** line_mask, std::size_t max_rulings) {
  std::vector<PixelRuling> out;
  if (line_mask) *line_mask = nullptr;
  if (!binary || pixGetDepth(binary) != 1) return out;
  const int hlen = std::max(20, dpi / 3), vlen = std::max(15, dpi / 4), thick = std::max(3, dpi / 20);
  // Opening with a 1-pixel-thin brick keeps runs at least that long; a short closing then bridges
  // the gaps JPEG and speckle leave in a scanned line.
  Pix* h = pixOpenBrick(nullptr, binary, hlen, 1);
  Pix* v = pixOpenBrick(nullptr, binary, 1, vlen);
  if (h) {
    Pix* hc = pixCloseBrick(nullptr, h, std::max(3, dpi / 50), 1);
    if (hc) pixDestroy(&h), h = hc;
    collect(h, true, hlen, thick, max_rulings, out);
  }
  if (v) {
    Pix* vc = pixCloseBrick(nullptr, v, 1, std::max(3, dpi / 50));
    if (vc) pixDestroy(&v), v = vc;
    collect(v, false, vlen, thick, max_rulings, out);
  }
  if (line_mask && h && v) *line_mask = pixOr(nullptr, h, v);
  pixDestroy(&h);
  pixDestroy(&v);
  return out;
}

Pix* ruling_ink(Pix* gray, int dpi) {
  if (!gray || pixGetDepth(gray) != 8) return nullptr;
  // Wider than the thickest ruling (dpi/20) so a ruling is filled by the closing, narrower than a
  // shaded row, whose fill the closing keeps as it is. Odd, as Leptonica's grey bricks must be.
  const int size = 2 * std::max(3, dpi / 20) + 1;
  Pix* hat = pixTophat(gray, size, size, L_TOPHAT_BLACK);
  if (!hat) return nullptr;
  // 40 levels below the paper: a 0.5 pt line scans as two pixels of ~180 on white (255), and a
  // threshold this low keeps the grey run JPEG and blur leave of it.
  Pix* ink = pixThresholdToBinary(hat, 40);
  pixDestroy(&hat);
  if (ink) pixInvert(ink, ink);  // the threshold marks what is below 40 as 1: the paper
  return ink;
}

std::vector<Ruling> to_page_rulings(const std::vector<PixelRuling>& rulings, double scale, double slack) {
  std::vector<Ruling> out;
  out.reserve(rulings.size());
  for (const auto& p : rulings) {
    Ruling r;
    r.horizontal = p.horizontal;
    r.x0 = p.x0 * scale, r.y0 = p.y0 * scale, r.x1 = p.x1 * scale, r.y1 = p.y1 * scale;
    if (r.horizontal) r.x0 -= slack, r.x1 += slack;
    else r.y0 -= slack, r.y1 += slack;
    out.push_back(r);
  }
  return out;
}

}  // namespace ogix
