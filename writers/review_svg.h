// Small inline SVG charts for the review index, drawn here (no chart library, no network).
#pragma once

#include <string>
#include <vector>

namespace ogix {

// One bar: its label, its count and a CSS class for its colour.
struct ChartBar {
  std::string label;
  long long value = 0;
  std::string css_class;
};

// A horizontal bar chart as an inline <svg> with a <title>; labels are HTML-escaped, bars scale
// to the largest value, each bar carries its count as text.
std::string svg_bar_chart(const std::string& title, const std::vector<ChartBar>& bars);

}  // namespace ogix
