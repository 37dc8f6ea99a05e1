// Phrases of a page bitmap by recursive cuts, which of them stand in table rows, and which readings
// of them to read again (pure: the OCR module reads them, units test them without Tesseract).
#include "extractors/phrase_cuts.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "text/unicode.h"

namespace ogix {
namespace {

// More phrases than a page of text has (a dense table page has some hundreds).
constexpr std::size_t kMaxTabularPhrases = 4000;

// Ink runs of a profile separated by at least `min_gap` empty positions: [begin, end) pairs.
std::vector<std::pair<int, int>> runs_of(const std::vector<unsigned char>& profile, int min_gap) {
  std::vector<std::pair<int, int>> runs;
  int start = -1, last = -1;
  for (int i = 0; i < static_cast<int>(profile.size()); ++i) {
    if (!profile[static_cast<std::size_t>(i)]) continue;
    if (start < 0) {
      start = i;
    } else if (i - last - 1 >= min_gap) {
      runs.emplace_back(start, last + 1);
      start = i;
    }
    last = i;
  }
  if (start >= 0) runs.emplace_back(start, last + 1);
  return runs;
}

// Runs thinner than `min_size` join their nearer neighbour (the strokes of 二 are not lines).
void merge_thin(std::vector<std::pair<int, int>>& runs, int min_size) {
  bool merged = true;
  while (merged && runs.size() > 1) {
    merged = false;
    for (std::size_t k = 0; k < runs.size(); ++k) {
      if (runs[k].second - runs[k].first >= min_size) continue;
      std::size_t j = 0;
      if (k == 0) j = 1;
      else if (k + 1 == runs.size()) j = k - 1;
      else j = runs[k].first - runs[k - 1].second <= runs[k + 1].first - runs[k].second ? k - 1 : k + 1;
      const std::size_t a = std::min(j, k), b = std::max(j, k);
      runs[a].second = runs[b].second;
      runs.erase(runs.begin() + static_cast<std::ptrdiff_t>(b));
      merged = true;
      break;
    }
  }
}

bool ascii_letter(char32_t c) { return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z'); }
bool ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

// Latin letters and no digit or ideograph (brackets and punctuation may surround them): a word of
// English, or Chinese the English model read as letters, （四） as "(Pq)".
bool latin_letters_only(const std::u32string& s) {
  bool letter = false;
  for (char32_t c : s) {
    if (ascii_digit(c) || is_ideographic(c)) return false;
    letter = letter || ascii_letter(c);
  }
  return letter;
}

}  // namespace

std::vector<PixelBox> cut_phrases(const std::vector<unsigned char>& ink, int width, int height, double em, std::size_t max_boxes) {
  std::vector<PixelBox> out;
  if (width <= 0 || height <= 0 || ink.size() < static_cast<std::size_t>(width) * static_cast<std::size_t>(height)) return out;
  auto at = [&](int x, int y) { return ink[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)]; };
  struct Piece {
    PixelBox box;
    bool rows_first;  // cut along empty rows first (else along empty columns)
    int depth;
  };
  // Text needs a few levels of cuts (lines, columns, wrapped lines, characters of a stack); a
  // nested spiral of ink would need one per turn, each scanning most of the page.
  constexpr int kMaxDepth = 32;
  std::vector<Piece> todo{{PixelBox{0, 0, width, height}, true, 0}};
  while (!todo.empty() && out.size() < max_boxes) {
    Piece p = todo.back();
    todo.pop_back();
    std::vector<unsigned char> rows(static_cast<std::size_t>(p.box.h()), 0), cols(static_cast<std::size_t>(p.box.w()), 0);
    for (int y = p.box.y0; y < p.box.y1; ++y)
      for (int x = p.box.x0; x < p.box.x1; ++x)
        if (at(x, y)) rows[static_cast<std::size_t>(y - p.box.y0)] = 1, cols[static_cast<std::size_t>(x - p.box.x0)] = 1;
    std::vector<std::pair<int, int>> by_rows = runs_of(rows, 1);
    if (by_rows.empty()) continue;  // no ink
    // A line is at least half a character high.
    merge_thin(by_rows, std::max(2, static_cast<int>(std::lround(0.45 * em))));
    // A column gap is wider than a word space (a quarter of a character), narrower than the space
    // between table columns (the blank beside a full-width bracket may be as wide).
    const int column_gap = std::max(2, static_cast<int>(std::lround(0.8 * em)));
    std::vector<std::pair<int, int>> by_cols = runs_of(cols, column_gap);
    // A block of lines that neither cut parts (headers staggered over two lines: 尚未审 / 结 beside
    // 总计) is parted at a narrower gap still wider than the blank inside a character.
    if (by_rows.size() == 1 && by_cols.size() == 1 && by_rows.front().second - by_rows.front().first > 1.8 * em)
      by_cols = runs_of(cols, std::max(2, static_cast<int>(std::lround(0.35 * em))));
    // The piece shrunk to its ink.
    const PixelBox ink_box{p.box.x0 + by_cols.front().first, p.box.y0 + by_rows.front().first, p.box.x0 + by_cols.back().second,
                           p.box.y0 + by_rows.back().second};
    const bool rows_split = by_rows.size() > 1, cols_split = by_cols.size() > 1;
    if ((!rows_split && !cols_split) || p.depth >= kMaxDepth) {
      out.push_back(ink_box);
      continue;
    }
    // Cut the preferred way when it splits, else the other; the pieces try the other way first.
    const bool use_rows = rows_split && (p.rows_first || !cols_split);
    // Pushed in reverse so that pieces come out top to bottom, left to right.
    if (use_rows) {
      for (auto r = by_rows.rbegin(); r != by_rows.rend(); ++r)
        todo.push_back({PixelBox{ink_box.x0, p.box.y0 + r->first, ink_box.x1, p.box.y0 + r->second}, false, p.depth + 1});
    } else {
      for (auto c = by_cols.rbegin(); c != by_cols.rend(); ++c)
        todo.push_back({PixelBox{p.box.x0 + c->first, ink_box.y0, p.box.x0 + c->second, ink_box.y1}, true, p.depth + 1});
    }
  }
  return out;
}

std::vector<bool> tabular_phrases(const std::vector<PixelBox>& phrases, int wide_gap, int near) {
  const std::size_t n = phrases.size();
  std::vector<bool> out(n, false);
  // Pairwise work: a page of noise cut into thousands of bits is no table (the text pass reads it).
  if (n > kMaxTabularPhrases) return out;
  // The phrases on each one's line: they share at least 40 % of the lower one's height.
  std::vector<std::vector<std::size_t>> line(n);
  for (std::size_t i = 0; i < n; ++i) {
    const PixelBox& a = phrases[i];
    line[i].push_back(i);
    for (std::size_t j = 0; j < n; ++j) {
      const PixelBox& b = phrases[j];
      const int overlap = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
      if (i != j && overlap > 0 && 5 * overlap >= 2 * std::min(a.h(), b.h())) line[i].push_back(j);
    }
    std::vector<std::pair<int, int>> spans;
    for (auto j : line[i]) spans.emplace_back(phrases[j].x0, phrases[j].x1);
    std::sort(spans.begin(), spans.end());
    int right = spans.front().second;
    for (std::size_t k = 1; k < spans.size() && !out[i]; ++k) {
      out[i] = spans[k].first - right > wide_gap;
      right = std::max(right, spans[k].second);
    }
  }
  // A header line of narrow columns has no wide gap: a line of several phrases joins the table
  // when at least two of them stand right above or below phrases of the table's columns.
  for (int round = 0, grown = 1; grown && round < 8; ++round) {
    grown = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (out[i] || line[i].size() < 2) continue;
      int aligned = 0;
      for (auto j : line[i]) {
        const PixelBox& a = phrases[j];
        for (std::size_t k = 0; k < n; ++k) {
          const PixelBox& b = phrases[k];
          if (!out[k] || std::min(a.x1, b.x1) <= std::max(a.x0, b.x0)) continue;
          if (std::max(b.y0 - a.y1, a.y0 - b.y1) <= near) {
            ++aligned;
            break;
          }
        }
      }
      if (aligned >= 2) {
        for (auto j : line[i]) out[j] = true;
        grown = 1;
      }
    }
  }
  return out;
}

bool label_to_reread(const std::u32string& text, float confidence) {
  return confidence < kUnsureLabel && (has_ideograph(text) || latin_letters_only(text));
}

int surest_chinese_reading(const std::vector<std::pair<std::u32string, float>>& readings) {
  int best = -1;
  for (std::size_t i = 0; i < readings.size(); ++i)
    if (has_ideograph(readings[i].first) && (best < 0 || readings[i].second > readings[static_cast<std::size_t>(best)].second))
      best = static_cast<int>(i);
  return best;
}

double text_line_height(const std::vector<std::pair<std::u32string, int>>& labels, double em) {
  double line_h = 1.3 * em;
  std::vector<int> heights;
  for (const auto& [text, h] : labels)
    if (has_ideograph(text)) heights.push_back(h);
  if (heights.size() >= 5) {
    std::nth_element(heights.begin(), heights.begin() + static_cast<std::ptrdiff_t>(heights.size() / 2), heights.end());
    line_h = std::max(line_h, 1.15 * heights[heights.size() / 2]);
  }
  return line_h;
}

bool digits_read_as_letters(const std::u32string& text) {
  int digits = 0, letters = 0;
  for (char32_t c : text) {
    if (is_ideographic(c)) return false;
    digits += ascii_digit(c), letters += ascii_letter(c);
  }
  return digits > 0 && letters > 0 && digits >= letters;
}

}  // namespace ogix
