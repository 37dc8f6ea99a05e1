// Page geometry for the PDF extractor: words, lines, text joining and the layout frame of a page.
// Everything here is plain geometry on poppler-cpp text boxes; no poppler types leak out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/span.h"

namespace ogix::pdf {

// An axis-aligned rectangle in points, origin top-left (y grows downwards).
struct Rect {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double w() const { return x1 - x0; }
  double h() const { return y1 - y0; }
  double cx() const { return (x0 + x1) / 2; }
  double cy() const { return (y0 + y1) / 2; }
  // The smallest rectangle holding both (an all-zero rectangle counts as empty).
  Rect united(const Rect& o) const;
  bool contains(double x, double y, double tol = 0) const {
    return x >= x0 - tol && x <= x1 + tol && y >= y0 - tol && y <= y1 + tol;
  }
};

// Length of the overlap of [a0,a1] and [b0,b1] (0 when disjoint).
double overlap(double a0, double a1, double b0, double b1);

// How a page's layout frame relates to poppler's page coordinates: pages whose text runs
// sideways (a landscape table printed on a portrait page) are turned upright for layout.
struct Frame {
  int quarter_turns = 0;  // 0..3: the text rotation (text_box::rotation()) made upright
  double width = 0, height = 0;  // page size in page coordinates
  // Page coordinates → layout frame.
  Rect to_layout(const Rect& r) const;
  // Layout frame → page coordinates (for provenance).
  Rect to_page(const Rect& r) const;
  // Size of the layout frame.
  double layout_width() const { return quarter_turns % 2 ? height : width; }
  double layout_height() const { return quarter_turns % 2 ? width : height; }
};

// One text box of poppler (roughly a word; a run of Chinese characters), in the layout frame.
struct Word {
  std::u32string text;
  Rect box;                 // layout frame
  Rect orig;                // page coordinates as poppler reported them (provenance)
  std::vector<Rect> chars;  // per code point, layout frame; empty when unknown
  double size = 0;          // font size in points
  bool space_after = false;
  bool vertical = false;    // reads top to bottom (vertical font or rotated against the page)
  int page = 0;             // 1-based
};

// Words of one visual line, left to right (or one vertical run, top to bottom).
struct Line {
  std::vector<Word> words;
  Rect box;
  double size = 0;  // largest font size on the line
  bool vertical = false;
  int page = 0;
  std::u32string text() const;  // words joined, a space where the source leaves one
};

// Groups horizontal words into lines (reading order: top to bottom, left to right) and joins
// vertical words stacked in one column into vertical lines. `gap_split` > 0 splits a line where
// two words are further apart than gap_split × font size (table columns).
std::vector<Line> build_lines(std::vector<Word> words, double gap_split = 0);

// Joins the lines of one block or cell as a reader reads them: no space between Chinese
// characters or inside a number wrapped across lines, one space between Latin words.
std::u32string join_lines(const std::vector<std::u32string>& lines);

// A table value as written: a number (12, 1,234, 96171.6, -185, １２, 251000元, 50%) or a
// not-applicable mark (/, -, —, 无, 不涉及, 不适用).
bool is_value_token(std::u32string_view s);

// Page-number text of a running footer/header: -3-, — 4 —, 第 3 页, 第3页 共5页, 3/5, 3.
bool is_page_number(std::u32string_view s);

// A heading or list marker at the start (一、 （一） (1) 1. 1、 ①): text that starts a new item.
bool starts_with_marker(std::u32string_view s);

// Text with spaces removed and digits replaced by '#': running headers that differ only by the
// page number compare equal.
std::u32string header_key(std::u32string_view s);

// A Span for a rectangle of page `page` (page coordinates).
Span span_of(int page, const Rect& r);

}  // namespace ogix::pdf
