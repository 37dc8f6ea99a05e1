// OCR of unruled tables: the rows and columns of a table without rulings found in the page image
// itself (recursive cuts along empty rows and wide empty columns), each phrase read on its own.
#pragma once

#include <vector>

#include "extractors/extractor.h"
#include "extractors/pdf_layout.h"
#include "extractors/phrase_cuts.h"
#include "model/ocr_reading.h"

struct Pix;
namespace tesseract {
class TessBaseAPI;
}

namespace ogix {

// Reads the unruled table rows of an upright, deskewed 8-bit page image whose ruled tables are
// already blanked out: each phrase of a table row is read as one line (numbers again by `digits`
// with the digit whitelist), appended to `words` and `readings` in page points (`scale` points per
// pixel), and painted white in `gray` so that the running-text pass does not read it twice.
void read_unruled_rows(Pix* gray, int dpi, double scale, int page, tesseract::TessBaseAPI& text,
                       tesseract::TessBaseAPI& digits, std::vector<pdf::Word>& words, std::vector<OcrReading>& readings,
                       const ExtractContext& ctx);

}  // namespace ogix
