// The phrases of a page image cut from its ink (empty rows, empty columns wider than a word space,
// recursively), and which of them stand in the rows of a table without rulings.
#pragma once

#include <cstddef>
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

}  // namespace ogix
