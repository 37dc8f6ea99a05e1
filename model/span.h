// Where a piece of text came from in the source.
#pragma once

#include <string>

namespace ogix {

// A PDF box (page >= 1, bbox in points, origin top-left) or a node path / line in HTML and text.
struct Span {
  int page = 0;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::string path;  // HTML: "/html/body/div[2]/table[1]/tr[3]/td[2]"; text: "line:42"
};

}  // namespace ogix
