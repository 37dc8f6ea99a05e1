// Shared geometry of PDF table recovery (pdf_table, pdf_ruled, pdf_unruled, pdf_join): clustering
// of edges and the text and provenance of a cell made of words.
#pragma once

#include <string>
#include <vector>

#include "extractors/pdf_layout.h"
#include "extractors/pdf_pages.h"
#include "model/span.h"

namespace ogix::pdf {

// Ruling positions closer than this (points) are one line (double borders, rounding).
inline constexpr double kLineMerge = 2.5;

// Greedy 1-D clustering: sorted values closer than `tol` to the running group start are one.
std::vector<double> cluster(std::vector<double> v, double tol);

// Index of the representative nearest to `x`.
int nearest(const std::vector<double>& reps, double x);

// Text of a set of words as a reader reads a cell: lines top to bottom, joined.
std::u32string cell_text(std::vector<Word> words);

// Provenance of a cell: its words' page boxes (one Span per page), or the cell box when empty.
std::vector<Span> cell_spans(const std::vector<Word>& words, const Rect& layout_rect, const Frame& frame, int page);

}  // namespace ogix::pdf
