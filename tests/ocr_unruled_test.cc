// OCR of unruled tables: phrases cut from a page bitmap, which of them stand in table rows, and a
// real page of the unruled 2019 fixture read by Tesseract from its render (--ocr=force), and a
// scanned sideways page whose label the line mode misread as Latin letters; the rules that pick
// which readings are read again.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "cli/job.h"
#include "extractors/pdf_extractor.h"
#include "extractors/phrase_cuts.h"
#include "model/table_grid.h"
#include "test_util.h"

using namespace ogix;
using ogix::test::read_gold_tsv;
using ogix::test::slurp;
using ogix::test::source_path;

namespace {

// A white bitmap with ink rectangles drawn into it.
struct Sheet {
  int width, height;
  std::vector<unsigned char> ink;
  Sheet(int w, int h) : width(w), height(h), ink(static_cast<std::size_t>(w) * static_cast<std::size_t>(h), 0) {}
  void fill(int x0, int y0, int x1, int y1) {
    for (int y = y0; y < y1; ++y)
      for (int x = x0; x < x1; ++x) ink.at(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) = 1;
  }
  // A "character" of `em` pixels: a solid block with a one-pixel hole, like a glyph's counter.
  void glyph(int x, int y, int em) {
    fill(x, y, x + em, y + em);
    ink.at(static_cast<std::size_t>(y + em / 2) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x + em / 2)) = 0;
  }
  // `n` characters side by side, `space` pixels apart.
  void word(int x, int y, int n, int em, int space = 2) {
    for (int i = 0; i < n; ++i) glyph(x + i * (em + space), y, em);
  }
};

bool has_box(const std::vector<PixelBox>& boxes, int x0, int y0, int x1, int y1) {
  for (const auto& b : boxes)
    if (b.x0 == x0 && b.y0 == y0 && b.x1 == x1 && b.y1 == y1) return true;
  return false;
}

// A scanned page read by OCR (the extractor alone): some table cell holds `label`, none `misread`.
void check_label_read(const char* scan, const std::string& label, const std::string& misread) {
  ExtractContext ctx;
  ctx.source = scan;
  ctx.ocr.mode = OcrMode::automatic;
  Document d = PdfExtractor{}.extract(slurp(source_path(scan)), ctx);
  std::vector<std::string> texts;
  for (const auto& b : d.blocks)
    if (auto* t = std::get_if<Table>(&b))
      for (const auto& c : t->cells) texts.push_back(c.text);
  REQUIRE(texts.size() > 100);
  CHECK(std::any_of(texts.begin(), texts.end(), [&](const std::string& s) { return s.find(label) != std::string::npos; }));
  CHECK(std::none_of(texts.begin(), texts.end(), [&](const std::string& s) { return s.find(misread) != std::string::npos; }));
}

}  // namespace

TEST_CASE("ocr unruled: phrases are cut at empty rows and at column gaps wider than a word space") {
  const int em = 20;
  Sheet s(600, 300);
  s.word(10, 10, 20, em);          // a line of running text: one phrase
  s.word(10, 60, 4, em);           // a table row: label, then two numbers far apart
  s.word(300, 60, 2, em);
  s.word(450, 60, 3, em);
  s.word(10, 100, 4, em);          // a second row, its label wrapped over two lines
  s.word(10, 100 + em + 4, 2, em);
  s.word(300, 110, 1, em);         // its number sits between the two label lines
  // A character of thin strokes (二): two strokes with a blank between them are one line.
  s.fill(450, 110, 470, 113);
  s.fill(452, 126, 468, 129);
  const auto phrases = cut_phrases(s.ink, s.width, s.height, em);
  CHECK(phrases.size() == 8);
  CHECK(has_box(phrases, 10, 10, 10 + 20 * em + 19 * 2, 10 + em));
  CHECK(has_box(phrases, 300, 60, 300 + 2 * em + 2, 60 + em));
  CHECK(has_box(phrases, 10, 100, 10 + 4 * em + 6, 100 + em));
  CHECK(has_box(phrases, 10, 100 + em + 4, 10 + 2 * em + 2, 100 + 2 * em + 4));
  CHECK(has_box(phrases, 300, 110, 300 + em, 110 + em));
  CHECK(has_box(phrases, 450, 110, 470, 129));
  // Empty and too small inputs give nothing (and never read outside the bitmap).
  CHECK(cut_phrases(std::vector<unsigned char>(100, 0), 10, 10, em).empty());
  CHECK(cut_phrases(std::vector<unsigned char>(10, 1), 10, 10, em).empty());
  // The number of phrases is capped (hostile input).
  Sheet dots(400, 400);
  for (int y = 0; y < 400; y += 10)
    for (int x = 0; x < 400; x += 40) dots.fill(x, y, x + 6, y + 6);
  CHECK(cut_phrases(dots.ink, dots.width, dots.height, 10, 50).size() == 50);
}

TEST_CASE("ocr unruled: table rows are the lines with a wide gap, and header lines aligned over them") {
  const int wide = 50, near = 40;
  std::vector<PixelBox> p = {
      {10, 10, 400, 30},    // 0: running text, alone on its line
      {10, 50, 100, 70},    // 1: a heading cut at a bracket's blank: narrow gaps only
      {125, 50, 165, 70},   // 2
      {190, 50, 210, 70},   // 3
      {200, 100, 240, 120}, // 4: header line of narrow columns (no wide gap) ...
      {260, 100, 300, 120}, // 5
      {320, 100, 360, 120}, // 6
      {210, 130, 220, 150}, // 7: ... right above the value row
      {270, 130, 280, 150}, // 8
      {330, 130, 340, 150}, // 9
      {10, 130, 100, 150},  // 10: the row's label, far left of its values
  };
  const auto t = tabular_phrases(p, wide, near);
  REQUIRE(t.size() == p.size());
  CHECK_FALSE(t[0]);
  CHECK_FALSE(t[1]);
  CHECK_FALSE(t[2]);
  CHECK_FALSE(t[3]);
  for (int i = 4; i <= 10; ++i) CHECK_MESSAGE(t[static_cast<std::size_t>(i)], i);
}

TEST_CASE("ocr unruled: an unruled page read from its image maps to the fixture's gold, none wrong silently") {
  ConvertOptions o;
  o.limits.max_seconds = 600;  // a busy CI machine: OCR of a page takes seconds
  o.ocr.mode = OcrMode::force;  // the text PDF's pages rendered and read as scans
  Document d = convert_bytes(slurp(source_path("fixtures/pdf-unruled-2019/input.pdf")), "unruled.pdf", o);
  auto gold = read_gold_tsv(source_path("fixtures/pdf-unruled-2019/gold.tsv"));  // table/row/col → (status, value)
  REQUIRE(gold.size() == 198);
  std::set<std::string> flagged;
  for (const auto& f : d.findings)
    if (f.code.rfind("ocr.", 0) == 0) flagged.insert(f.location);
  int right = 0;
  std::map<std::string, int> right_by_table;
  for (const auto& c : d.cells) {
    const std::string key = c.table + "/" + c.row + "/" + c.col;
    auto g = gold.find(key);
    if (g == gold.end()) continue;
    const bool ok = g->second.first == status_name(c.status) && g->second.second == c.value;
    right += ok;
    right_by_table[c.table] += ok;
    if (!ok && c.status == CellStatus::number) CHECK_MESSAGE(flagged.count(key) + flagged.count(c.table + "/" + c.row) > 0, key);
  }
  // Every table is unruled: tables 二 (20 cells, and 2 of procurement over the page break), 三 (23
  // rows of 7) and 四 (15).
  CHECK(right_by_table["proactive"] >= 20);
  CHECK(right_by_table["applications"] == 161);
  CHECK(right_by_table["review_litigation"] == 15);
  CHECK(right >= 196);
}

TEST_CASE("ocr unruled: a label the line mode read as Latin letters is read again, and its Chinese kept") {
  // Page 2 of scripts/make-scans.py fixtures/pdf-rotated-2019/input.pdf --dpi 200 --seed 2 (qpdf
  // --pages 2): table 三 set sideways. Line mode read the label 予以公开 as "PLATE" (confidence
  // 48), so the row 予以公开 was lost; read again (a raw line, a line at 3/4 size) it is Chinese.
  check_label_read("fixtures/ocr/rotated-2019-p2-200dpi-seed2.pdf", "予以公开", "PLATE");
}

TEST_CASE("ocr unruled: an unsure label is read again, Chinese or Latin, and punctuation alone is no Chinese") {
  // Chinese read with a character wrong, unsure (予以公开 as 也以公开 at 14), is read again as the
  // Latin misreadings are; a sure reading and a number-like one are not.
  CHECK(label_to_reread(U"也以公开", 14));
  CHECK(label_to_reread(U"PLATE", 48));
  CHECK(label_to_reread(U"（Pq）", 29));  // full-width brackets round letters: still Latin letters only
  CHECK_FALSE(label_to_reread(U"予以公开", 90));
  CHECK_FALSE(label_to_reread(U"“，", 20));    // punctuation alone: neither Chinese nor letters
  CHECK_FALSE(label_to_reread(U"2O19", 20));  // digits: the digit reading's business
  // Of the readings, the surest with an ideograph: CJK punctuation alone does not count.
  CHECK(surest_chinese_reading({{U"PLATE", 48}, {U"“，”", 70}, {U"予以公开", 52}}) == 2);
  CHECK(surest_chinese_reading({{U"也以公开", 14}, {U"PUI", 64}, {U"予以公开", 61}}) == 2);
  CHECK(surest_chinese_reading({{U"予以公开", 75}, {U"予以公幵", 40}}) == 0);
  CHECK(surest_chinese_reading({{U"PUI", 3}, {U"，", 50}}) == -1);
}

TEST_CASE("ocr unruled: the height of a text line comes from phrases with ideographs, not punctuation alone") {
  const double em = 30;
  std::vector<std::pair<std::u32string, int>> labels;
  for (int i = 0; i < 5; ++i) labels.emplace_back(U"予以公开", 40);
  // Six phrases of punctuation only (a comma, an enumeration mark), short ink: counted as Chinese
  // they would be the median and the line height would drop to 1.3 em.
  for (int i = 0; i < 6; ++i) labels.emplace_back(i % 2 ? U"，" : U"、", 12);
  CHECK(text_line_height(labels, em) == doctest::Approx(1.15 * 40));
  // Fewer than five Chinese phrases: no median to trust.
  labels.erase(labels.begin(), labels.begin() + 1);
  CHECK(text_line_height(labels, em) == doctest::Approx(1.3 * em));
}

TEST_CASE("ocr unruled: digits read with fewer letters are a misread number, a label with an ideograph is not") {
  CHECK(digits_read_as_letters(U"D7"));  // 57 of 政府集中采购 57 1864.35 (rotated-2019, 300 dpi, seed 4)
  CHECK(digits_read_as_letters(U"1O4"));
  CHECK_FALSE(digits_read_as_letters(U"A1B"));
  CHECK_FALSE(digits_read_as_letters(U"2019年"));
  CHECK_FALSE(digits_read_as_letters(U"57"));  // a number as read: no letter to doubt
  CHECK_FALSE(digits_read_as_letters(U"PLATE"));
}

TEST_CASE("ocr unruled: a label read as Chinese with a character wrong, unsure, is read again") {
  // Page 2 of scripts/make-scans.py fixtures/pdf-unruled-headsplit-2019/input.pdf --dpi 200 --seed 4
  // (qpdf --pages 2): line mode read the label 予以公开 as 也以公开 (confidence 14), so the row
  // applications/granted was lost; read again at 3/4 size it is 予以公开, surer.
  check_label_read("fixtures/ocr/unruled-headsplit-2019-p2-200dpi-seed4.pdf", "予以公开", "也以公开");
}
