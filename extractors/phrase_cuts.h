// The phrases of a page image cut from its ink (empty rows, empty columns wider than a word space,
// recursively), which of them stand in the rows of a table without rulings, and which of their
// readings to read again (pure: the OCR module reads them, units test them without Tesseract).
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

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

// A label read below this confidence may be misread (予以公开 as 也以公开 at 14, as "PLATE" at 48).
constexpr float kUnsureLabel = 60;

// True for a label's reading to read again: unsure (below kUnsureLabel) and either Chinese (an
// ideograph in it) or Latin letters only (Chinese the English model won). The caller leaves numbers out.
bool label_to_reread(const std::u32string& text, float confidence);

// Of readings of one label as (text, confidence), the index of the surest with an ideograph in it
// (Chinese punctuation alone is no Chinese reading); -1 when none has one.
int surest_chinese_reading(const std::vector<std::pair<std::u32string, float>>& readings);

// The height of a line of text (1.15 × the median ink height, at least 1.3 `em`) from the
// (text, ink height) of an unruled page's label phrases: those with an ideograph only (a phrase of
// punctuation alone, a comma or a bracket, is no line's height); 1.3 `em` from fewer than five.
double text_line_height(const std::vector<std::pair<std::u32string, int>>& labels, double em);

// Digits mixed with Latin letters, at least as many digits as letters and no ideograph ("D7" for
// 57): a number some of whose digits the text model read as letters.
bool digits_read_as_letters(const std::u32string& text);

}  // namespace ogix
