// Ruling lines of PDF pages (table borders) read through poppler's core API.
//
// poppler-cpp exposes text but not graphics, so this one file uses poppler's private core API
// (OutputDev/GfxState), which is not stable across poppler versions: keep every use of it here,
// behind this small interface.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

namespace ogix {

// A horizontal or vertical segment in page points, origin top-left, in the same coordinate space
// as poppler-cpp's page::text_list() boxes (page rotation applied). For a horizontal ruling
// y0 == y1 and x0 < x1; for a vertical one x0 == x1 and y0 < y1.
struct Ruling {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool horizontal = true;
};

// Reads the ruling lines of one PDF, page by page. Drawn strokes and thin filled rectangles count;
// curves, white (invisible) paint and large filled areas (cell shading) do not.
class RulingReader {
 public:
  // Parses `bytes` (which must outlive the reader). Never throws on a damaged file: ok() is then
  // false and every page has no rulings.
  explicit RulingReader(std::string_view bytes);
  ~RulingReader();
  RulingReader(const RulingReader&) = delete;
  RulingReader& operator=(const RulingReader&) = delete;

  // True when the core API could open the document.
  bool ok() const;
  // The rulings of page `page_index` (0-based); empty when the page cannot be read. At most
  // `max_segments` are returned (hostile files can draw millions).
  std::vector<Ruling> page(int page_index, std::size_t max_segments = 20000) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Convenience for one page: opens the document, reads page `page_index`'s rulings.
std::vector<Ruling> read_rulings(std::string_view bytes, int page_index);

}  // namespace ogix
