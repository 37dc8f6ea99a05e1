// OCR of unruled tables: the rows and columns of a table without rulings found in the page image
// itself (recursive cuts along empty rows and wide empty columns), each phrase read on its own.
#pragma once

#include <vector>

#include "extractors/extractor.h"
#include "extractors/pdf_layout.h"
#include "model/ocr_reading.h"

struct Pix;
namespace tesseract {
class TessBaseAPI;
}

namespace ogix {

// A rectangle of page pixels, x1 and y1 exclusive.
struct PixelBox {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int w() const { return x1 - x0; }
  int h() const { return y1 - y0; }
};

// The phrases of a binary page (1 = ink, row-major `width` × `height`) whose characters are about
// `em` pixels high: cut recursively along empty pixel rows and along empty columns wider than a
// word space, until a piece splits no more; a piece thinner than half a character (a stroke of 二
// or 三) stays with its nearer neighbour. At most `max_boxes` boxes (hostile input).
std::vector<PixelBox> cut_phrases(const std::vector<unsigned char>& ink, int width, int height, double em,
                                  std::size_t max_boxes = 20000);

// The phrases that stand in a table row: their line has a gap wider than `wide_gap` pixels between
// phrases (running text and headings have none: a bracket's blank cuts them, but narrowly), or
// the line has two phrases or more within `near` pixels above or below phrases of a table row.
std::vector<bool> tabular_phrases(const std::vector<PixelBox>& phrases, int wide_gap, int near);

// Reads the unruled table rows of an upright, deskewed 8-bit page image whose ruled tables are
// already blanked out: each phrase of a table row is read as one line (numbers again by `digits`
// with the digit whitelist), appended to `words` and `readings` in page points (`scale` points per
// pixel), and painted white in `gray` so that the running-text pass does not read it twice.
void read_unruled_rows(Pix* gray, int dpi, double scale, int page, tesseract::TessBaseAPI& text,
                       tesseract::TessBaseAPI& digits, std::vector<pdf::Word>& words, std::vector<OcrReading>& readings,
                       const ExtractContext& ctx);

}  // namespace ogix
