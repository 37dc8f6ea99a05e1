// Ruling lines of a page image (a scan): long thin dark runs found by Leptonica morphology.
#pragma once

#include <vector>

#include "extractors/pdf_pages.h"

struct Pix;

namespace ogix {

// A ruling in pixels of the image it was found in (y0 == y1 horizontal, x0 == x1 vertical), with
// its stroke thickness in pixels.
struct PixelRuling {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int thickness = 1;
  bool horizontal = true;
};

// The rulings of a 1-bpp page image (1 = ink) and, in `line_mask` when given, a 1-bpp image of
// their pixels (for removing them before reading cells; the caller destroys it). A horizontal
// ruling is at least dpi/3 long, a vertical one dpi/4 — longer than any stroke of a character
// at body sizes — and at most dpi/20 thick. At most `max_rulings` of each direction are kept.
std::vector<PixelRuling> find_image_rulings(Pix* binary, int dpi, Pix** line_mask = nullptr,
                                            std::size_t max_rulings = 2000);

// The 1-bpp image (1 = ink) rulings are looked for in, from a greyscale page: the pixels clearly
// darker than their neighbourhood (a black top-hat wider than any ruling), so that a light grey
// ruling on white paper counts as ink and a shaded table row does not (its fill is background;
// the rulings around and inside it stay ink). Null when the image is not 8 bpp.
Pix* ruling_ink(Pix* gray, int dpi);

// Pixel rulings → page-point rulings (scale = points per pixel), each end extended by `slack`
// points so that lines which a scan broke at a crossing still meet.
std::vector<Ruling> to_page_rulings(const std::vector<PixelRuling>& rulings, double scale, double slack);

}  // namespace ogix
