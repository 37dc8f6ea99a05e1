// Unruled tables in a page image: phrases found by recursive cuts (empty rows, then empty columns
// wider than a word space, and so on until nothing splits), the phrases that share their line
// with others read one by one — the same single-line reading and digit re-reading as ruled cells.
#include "extractors/ocr_unruled.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <memory>

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include "extractors/ocr_shared.h"
#include "extractors/phrase_cuts.h"
#include "text/unicode.h"

namespace ogix {
namespace {

// One word as Tesseract read it, in the pixels of the image it was given.
struct ReadWord {
  std::u32string text;
  PixelBox box;
  float confidence = 0;
  std::vector<OcrSymbol> symbols;
};

// The words of the image last set on `api`, with per-character alternatives.
std::vector<ReadWord> read_words(tesseract::TessBaseAPI& api) {
  std::vector<ReadWord> out;
  if (api.Recognize(nullptr) != 0) return out;
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (!it) return out;
  it->Begin();
  do {
    if (it->Empty(tesseract::RIL_SYMBOL)) continue;
    if (it->IsAtBeginningOf(tesseract::RIL_WORD) || out.empty()) {
      ReadWord w;
      w.confidence = it->Confidence(tesseract::RIL_WORD);
      it->BoundingBox(tesseract::RIL_WORD, &w.box.x0, &w.box.y0, &w.box.x1, &w.box.y1);
      out.push_back(std::move(w));
    }
    OcrSymbol sym = ocr_symbol(*it);
    out.back().text += utf8_to_u32(sym.text);
    out.back().symbols.push_back(std::move(sym));
  } while (it->Next(tesseract::RIL_SYMBOL));
  return out;
}

// A digit reading below this confidence may have lost or merged a digit.
constexpr float kUnsureDigits = 60;

// The least sure word's confidence (100 for none).
float least_confidence(const std::vector<ReadWord>& words) {
  float c = 100;
  for (const auto& w : words) c = std::min(c, w.confidence);
  return c;
}

// The characters of the words, spaces aside.
std::size_t characters(const std::vector<ReadWord>& words) {
  std::size_t n = 0;
  for (const auto& w : words) n += static_cast<std::size_t>(std::count_if(w.text.begin(), w.text.end(), [](char32_t c) { return c != U' '; }));
  return n;
}

// `image` read as one line of digits by `digits` (its whitelist set): in line mode, else as one
// raw line (a lone narrow digit can be left out by the line's layout analysis, as in a ruled cell).
std::vector<ReadWord> read_digit_line(tesseract::TessBaseAPI& digits, Pix* image, int dpi) {
  std::vector<ReadWord> words;
  for (const auto mode : {tesseract::PSM_SINGLE_LINE, tesseract::PSM_RAW_LINE}) {
    digits.SetPageSegMode(mode);
    digits.SetImage(image);
    digits.SetSourceResolution(dpi);
    words = read_words(digits);
    if (!words.empty()) break;
  }
  return words;
}

}  // namespace

void read_unruled_rows(Pix* gray, int dpi, double scale, int page, tesseract::TessBaseAPI& text, tesseract::TessBaseAPI& digits,
                       std::vector<pdf::Word>& words, std::vector<OcrReading>& readings, const ExtractContext& ctx) {
  if (!gray || pixGetDepth(gray) != 8) return;
  const int width = pixGetWidth(gray), height = pixGetHeight(gray);
  PixPtr bin(pixThresholdToBinary(gray, 160));
  if (!bin.get()) return;
  // Speckle is not text.
  const int speck = std::max(3, dpi / 75);
  PixPtr solid(pixSelectBySize(bin.get(), speck, speck, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GT, nullptr));
  if (!solid.get()) return;
  // The text's size: the median height of character-sized ink components (parts of Chinese
  // characters count too, so this is somewhat below the font size).
  double em = dpi / 9.0;
  {
    Boxa* boxes = pixConnCompBB(solid.get(), 8);
    std::vector<int> heights;
    for (int i = 0; boxes && i < boxaGetCount(boxes); ++i) {
      l_int32 bx = 0, by = 0, bw = 0, bh = 0;
      boxaGetBoxGeometry(boxes, i, &bx, &by, &bw, &bh);
      if (bh >= dpi / 40 && bh <= dpi / 4 && bw <= dpi / 4) heights.push_back(bh);
    }
    boxaDestroy(&boxes);
    if (heights.size() >= 20) {
      std::nth_element(heights.begin(), heights.begin() + static_cast<std::ptrdiff_t>(heights.size() / 2), heights.end());
      em = heights[heights.size() / 2];
    }
  }
  std::vector<unsigned char> ink(static_cast<std::size_t>(width) * static_cast<std::size_t>(height), 0);
  {
    const l_uint32* d = pixGetData(solid.get());
    const int wpl = pixGetWpl(solid.get());
    for (int y = 0; y < height; ++y)
      for (int x = 0; x < width; ++x)
        ink[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)] =
            static_cast<unsigned char>(GET_DATA_BIT(d + static_cast<std::ptrdiff_t>(y) * wpl, x));
  }
  ctx.check_deadline();
  const std::vector<PixelBox> phrases = cut_phrases(ink, width, height, em);
  const std::vector<bool> tabular = tabular_phrases(phrases, static_cast<int>(std::lround(2.5 * em)), static_cast<int>(std::lround(2 * em)));

  // First pass: every table phrase read as text (a lone character as one character: in line
  // mode Tesseract splits 本 into two Latin letters).
  struct PhraseRead {
    PixelBox box;
    int cx0 = 0, cy0 = 0;  // page pixels of the framed image's inside
    PixPtr framed;
    std::vector<ReadWord> words;
    std::u32string text;
    float confidence = 0;
    bool numeric = false, digits_only = false;
  };
  std::vector<PhraseRead> reads;
  // A phrase read as text in `mode`: its words, their text joined and the least sure word's confidence.
  auto read_text = [&](PhraseRead& pr, tesseract::PageSegMode mode) {
    text.SetVariable("tessedit_char_whitelist", "");
    text.SetPageSegMode(mode);
    text.SetImage(pr.framed.get());
    text.SetSourceResolution(dpi);
    pr.words = read_words(text);
    pr.text.clear();
    pr.confidence = pr.words.empty() ? 0.0f : 100.0f;
    for (const auto& w : pr.words) {
      if (!pr.text.empty()) pr.text += ' ';
      pr.text += w.text;
      pr.confidence = std::min(pr.confidence, w.confidence);
    }
    pr.text = trim_spaces(drop_cjk_spaces(pr.text));
  };
  for (std::size_t i = 0; i < phrases.size(); ++i) {
    const PixelBox& p = phrases[i];
    // Taller than a few lines: a picture or a stamp, not a table row (left to the text pass).
    if (!tabular[i] || p.h() > 4 * em) continue;
    ctx.check_deadline();
    // The grey text alone: what lies away from the phrase's solid strokes is painted white.
    const int pad = 2;
    const int cx0 = std::max(0, p.x0 - pad), cy0 = std::max(0, p.y0 - pad);
    const int cx1 = std::min(width, p.x1 + pad), cy1 = std::min(height, p.y1 + pad);
    Box* b = boxCreate(cx0, cy0, cx1 - cx0, cy1 - cy0);
    PixPtr crop(pixClipRectangle(gray, b, nullptr));
    PixPtr strokes(pixClipRectangle(solid.get(), b, nullptr));
    boxDestroy(&b);
    if (!crop.get() || !strokes.get()) continue;
    {
      // Only the phrase's own ink: a neighbour's strokes inside the padding are not its text.
      const int ox = p.x0 - cx0, oy = p.y0 - cy0;
      PixPtr mine(pixCreate(pixGetWidth(strokes.get()), pixGetHeight(strokes.get()), 1));
      if (mine.get()) {
        pixRasterop(mine.get(), ox, oy, p.w(), p.h(), PIX_SRC, strokes.get(), ox, oy);
        strokes = std::move(mine);
      }
      const int near = std::max(5, dpi / 40) | 1;
      PixPtr around(pixDilateBrick(nullptr, strokes.get(), near, near));
      if (around.get()) {
        PixPtr away(pixInvert(nullptr, around.get()));
        if (away.get()) pixSetMasked(crop.get(), away.get(), 255);
      }
    }
    PhraseRead pr;
    pr.box = p, pr.cx0 = cx0, pr.cy0 = cy0;
    pr.framed.reset(pixAddBorder(crop.get(), kOcrMargin, 255));
    if (!pr.framed.get()) continue;
    pixSetResolution(pr.framed.get(), dpi, dpi);
    // One line of text, unless the phrase is taller than a line (a label wrapped in overlapping
    // lines) or a lone square character.
    const bool one_char = p.h() >= 1.05 * em && p.h() <= 1.7 * em && p.w() >= 0.75 * p.h() && p.w() <= 1.3 * p.h();
    const auto mode = p.h() > 1.8 * em ? tesseract::PSM_SINGLE_BLOCK : one_char ? tesseract::PSM_SINGLE_CHAR : tesseract::PSM_SINGLE_LINE;
    read_text(pr, mode);
    pr.numeric = looks_numeric(pr.text);
    reads.push_back(std::move(pr));
  }
  // Columns and rows that hold numbers: most phrases above and below it (overlapping it across),
  // or beside it on its line, read as digits (a table 四 has one value row under its headers).
  std::vector<bool> numeric_column(reads.size(), false), beside_numbers(reads.size(), false);
  for (std::size_t i = 0; i < reads.size(); ++i) {
    int column = 0, column_all = 0, row = 0, row_all = 0;
    const PixelBox& a = reads[i].box;
    for (std::size_t j = 0; j < reads.size(); ++j) {
      const PixelBox& b = reads[j].box;
      if (j == i) continue;
      if (std::min(a.x1, b.x1) > std::max(a.x0, b.x0)) ++column_all, column += reads[j].numeric;
      const int overlap = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
      if (overlap > 0 && 5 * overlap >= 2 * std::min(a.h(), b.h())) ++row_all, row += reads[j].numeric;
    }
    numeric_column[i] = (column >= 2 && 2 * column >= column_all) || (row >= 2 && 2 * row >= row_all);
    // Half the phrases on its line or more are numbers, if only one (a table of one row:
    // 政府集中采购 57 1864.35, its 57 read "D7").
    beside_numbers[i] = row >= 1 && 2 * row >= row_all;
  }
  // Second pass: numbers read again as one line of digits, so 0 is not O and 6 not b.
  for (std::size_t i = 0; i < reads.size(); ++i) {
    PhraseRead& pr = reads[i];
    ctx.check_deadline();
    // In a number column, a reading that is no mark of its own (/, -, 无…) and has no Chinese in
    // it (or one or two unsure characters) is a number OCR did not see as one; so is, beside
    // numbers, a reading of digits and fewer letters.
    const bool doubtful = !pr.numeric && !is_na_mark(pr.text) &&
                          ((numeric_column[i] && (!has_ideograph(pr.text) || (pr.text.size() <= 2 && pr.confidence < 70))) ||
                           (beside_numbers[i] && digits_read_as_letters(pr.text)));
    if (!pr.numeric && !doubtful) continue;
    digits.SetVariable("tessedit_char_whitelist", kDigitWhitelist);
    std::vector<ReadWord> again = read_digit_line(digits, pr.framed.get(), dpi);
    // An unsure reading (11 read as 1 at confidence 0: its two narrow strokes taken for one) is
    // read again at 3/4 size, and that reading kept when it is surer and has no fewer digits (a
    // surer reading of fewer digits is the same merge: 11 read as 1 there at 62-69 against 11 at
    // 31-48), its boxes brought back to the phrase's pixels.
    if (!again.empty() && least_confidence(again) < kUnsureDigits) {
      PixPtr small(pixScale(pr.framed.get(), 0.75f, 0.75f));
      std::vector<ReadWord> smaller = small.get() ? read_digit_line(digits, small.get(), dpi) : std::vector<ReadWord>{};
      if (!smaller.empty() && least_confidence(smaller) > least_confidence(again) && characters(smaller) >= characters(again)) {
        const int fw = pixGetWidth(pr.framed.get()), fh = pixGetHeight(pr.framed.get());
        const double back_x = static_cast<double>(fw) / pixGetWidth(small.get()), back_y = static_cast<double>(fh) / pixGetHeight(small.get());
        for (auto& w : smaller) {
          w.box.x0 = static_cast<int>(std::lround(w.box.x0 * back_x)), w.box.x1 = static_cast<int>(std::lround(w.box.x1 * back_x));
          w.box.y0 = static_cast<int>(std::lround(w.box.y0 * back_y)), w.box.y1 = static_cast<int>(std::lround(w.box.y1 * back_y));
        }
        again = std::move(smaller);
      }
    }
    digits.SetVariable("tessedit_char_whitelist", "");
    if (again.empty()) continue;
    // A reading the first one did not agree with is only as sure as the less sure of the two.
    if (doubtful)
      for (auto& w : again) w.confidence = std::min(w.confidence, pr.confidence);
    pr.words = std::move(again);
    pr.digits_only = true;
  }
  // A label read unsure: as Latin letters (予以公开 as "PLATE" at 48, （四） as "(Pq)" at 29: the
  // English model won a line of Chinese whose layout it split into letters), or as Chinese with a
  // character wrong (予以公开 as 也以公开 at 14). Read again as one raw line (no layout analysis)
  // and as a line at 3/4 size; of the three readings the surest with Chinese in it is kept (a
  // label with none keeps the first).
  // After the digit reading: a phrase that reads as a number stays one, and no digit is made up here.
  for (auto& pr : reads) {
    if (pr.box.h() > 1.8 * em || pr.digits_only || pr.numeric || !label_to_reread(pr.text, pr.confidence)) continue;
    ctx.check_deadline();
    std::vector<PhraseRead> again(2);
    std::vector<std::pair<std::u32string, float>> candidates{{pr.text, pr.confidence}};
    for (const bool raw : {true, false}) {
      PhraseRead& a = again[raw ? 0 : 1];
      // Line mode failed at this size; at three quarters the glyphs come nearer the height the
      // Chinese model reads best (a 10.5 pt label is ~31 pixels high at 300 dpi).
      a.framed.reset(raw ? pixClone(pr.framed.get()) : pixScale(pr.framed.get(), 0.75f, 0.75f));
      if (a.framed.get()) read_text(a, raw ? tesseract::PSM_RAW_LINE : tesseract::PSM_SINGLE_LINE);
      candidates.emplace_back(a.text, a.confidence);
    }
    const int best = surest_chinese_reading(candidates);
    if (best <= 0) continue;
    PhraseRead& b = again[static_cast<std::size_t>(best - 1)];
    pr.words = std::move(b.words);
    pr.text = std::move(b.text);
    pr.confidence = b.confidence;
  }
  // Words get the height of a line of text, as a text PDF's font boxes have: the layout joins
  // words into lines by their overlap, and an ink box (a comma, a digit beside Chinese) is shorter.
  std::vector<std::pair<std::u32string, int>> labels;
  for (const auto& pr : reads)
    if (!pr.digits_only && pr.box.h() < 1.8 * em) labels.emplace_back(pr.text, pr.box.h());
  const double line_h = text_line_height(labels, em);
  for (auto& pr : reads) {
    auto emit = [&](std::u32string t, const PixelBox& ink, float conf, std::vector<OcrSymbol> symbols) {
      t = trim_spaces(t);
      if (t.empty()) return;
      const pdf::Rect r{ink.x0 * scale, ink.y0 * scale, ink.x1 * scale, ink.y1 * scale};
      pdf::Word w;
      w.text = t;
      w.page = page;
      w.box = r;
      if (ink.h() < line_h) {
        const double cy = (ink.y0 + ink.y1) / 2.0;
        w.box.y0 = (cy - line_h / 2) * scale, w.box.y1 = (cy + line_h / 2) * scale;
      }
      w.orig = r;
      w.size = std::max(4.0, std::min(w.box.h(), 30.0));
      w.space_after = true;
      words.push_back(w);
      OcrReading reading;
      reading.from = pdf::span_of(page, r);
      reading.text = u32_to_utf8(t);
      reading.confidence = conf;
      reading.digits_only = pr.digits_only;
      reading.symbols = std::move(symbols);
      readings.push_back(std::move(reading));
    };
    if (pr.words.empty()) continue;
    if (pr.digits_only) {
      // Numbers side by side are values of their own (the layout splits them into cells).
      for (auto& w : pr.words) {
        const PixelBox ink{pr.cx0 + w.box.x0 - kOcrMargin, pr.cy0 + w.box.y0 - kOcrMargin, pr.cx0 + w.box.x1 - kOcrMargin,
                           pr.cy0 + w.box.y1 - kOcrMargin};
        emit(w.text, ink, w.confidence, std::move(w.symbols));
      }
    } else {
      // Words and labels: one word for the phrase, as a text PDF gives one run of text.
      std::vector<OcrSymbol> symbols;
      for (auto& w : pr.words)
        for (auto& s : w.symbols) symbols.push_back(std::move(s));
      emit(pr.text, pr.box, pr.confidence, std::move(symbols));
    }
  }
  text.Clear();
  digits.Clear();
  // Read once: the running-text pass sees the page without them.
  for (const auto& pr : reads) {
    const PixelBox& p = pr.box;
    Box* b = boxCreate(std::max(0, p.x0 - 2), std::max(0, p.y0 - 2), p.w() + 4, p.h() + 4);
    pixSetInRect(gray, b);
    boxDestroy(&b);
  }
}

}  // namespace ogix
