// Helpers the OCR reading of ruled cells (ocr_extractor.cc) and of unruled rows (ocr_unruled.cc)
// share: Leptonica image ownership and what a reading's characters look like.
#pragma once

#include <string>

#include <leptonica/allheaders.h>

#include "model/ocr_reading.h"

namespace tesseract {
class ResultIterator;
}

namespace ogix {

// Leptonica images are freed on every path out.
struct PixPtr {
  Pix* p = nullptr;
  PixPtr() = default;
  explicit PixPtr(Pix* q) : p(q) {}
  PixPtr(const PixPtr&) = delete;
  PixPtr& operator=(const PixPtr&) = delete;
  PixPtr(PixPtr&& o) noexcept : p(o.p) { o.p = nullptr; }
  PixPtr& operator=(PixPtr&& o) noexcept {
    if (this != &o) reset(o.p), o.p = nullptr;
    return *this;
  }
  ~PixPtr() { reset(nullptr); }
  void reset(Pix* q) {
    if (p) pixDestroy(&p);
    p = q;
  }
  Pix* get() const { return p; }
};

// White pixels around a text image handed to Tesseract (it reads text at an edge badly).
constexpr int kOcrMargin = 12;
// Faint ink (grow_strokes): lighter than solid ink's threshold (160), darker than this grey and
// darker than the paper by kPaperMargin (JPEG noise on white paper stays within ~10 greys).
constexpr int kFaintInk = 215;
constexpr int kPaperMargin = 25;
// What a number cell is read with: digits, a minus, a decimal point and the thousands separator
// (without it, 2,332 was read 2.332: every such cell lost to a flag). A separator misread for a
// decimal point still fails the cell's rule (ocr.rule_fail) or is reported unchecked.
#define OGIX_OCR_DIGIT_WHITELIST "-0123456789.,"
constexpr const char* kDigitWhitelist = OGIX_OCR_DIGIT_WHITELIST;

// The strokes of `solid` (1 bpp: the ink clearly dark, specks removed) grown into the fainter ink
// of `gray` (8 bpp, same size) they touch: a glyph's strokes as far as they are darker than the
// crop's paper by a clear margin. Null when either image is missing or of another size.
Pix* grow_strokes(Pix* solid, Pix* gray);
// Takes text Tesseract allocated with new[] (null gives "").
std::string ocr_take(char* s);
// The symbol at `it` (a RIL_SYMBOL position): its text, confidence and at most 8 alternative
// readings, best first.
OcrSymbol ocr_symbol(const tesseract::ResultIterator& it);
// A Chinese character or a full-width form or punctuation mark.
bool cjk_or_fullwidth(char32_t c);
// The text without the spaces Tesseract puts between Chinese characters (Chinese text has none).
std::u32string drop_cjk_spaces(const std::u32string& s);
// Digits and the characters OCR confuses with them only, at least one digit among them.
bool looks_numeric(const std::u32string& s);
// The text without leading and trailing spaces.
std::u32string trim_spaces(std::u32string s);
// A cell's own not-applicable marks (/, -, 无…), never re-read as digits.
bool is_na_mark(const std::u32string& s);

}  // namespace ogix
