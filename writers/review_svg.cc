#include "writers/review_svg.h"

#include <algorithm>

#include "writers/html_escape.h"

namespace ogix {

std::string svg_bar_chart(const std::string& title, const std::vector<ChartBar>& bars) {
  constexpr int kLabel = 110, kBar = 220, kRow = 18, kTop = 20;
  long long most = 1;
  for (const auto& b : bars) most = std::max(most, b.value);
  int height = kTop + kRow * static_cast<int>(bars.size()) + 4;
  int width = kLabel + kBar + 60;
  std::string s = "<svg class=\"chart\" role=\"img\" width=\"" + std::to_string(width) + "\" height=\"" +
                  std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(width) + " " + std::to_string(height) +
                  "\"><title>" + html_escape(title) + "</title><text class=\"ct\" x=\"0\" y=\"13\">" + html_escape(title) +
                  "</text>";
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const ChartBar& b = bars[i];
    int y = kTop + kRow * static_cast<int>(i);
    // A non-zero count always gets a visible bar, however small next to the largest.
    long long w = b.value <= 0 ? 0 : std::max<long long>(2, b.value * kBar / most);
    s += "<text x=\"" + std::to_string(kLabel - 4) + "\" y=\"" + std::to_string(y + 12) + "\" text-anchor=\"end\">" +
         html_escape(b.label) + "</text><rect class=\"" + html_escape(b.css_class) + "\" x=\"" +
         std::to_string(kLabel) + "\" y=\"" + std::to_string(y + 2) + "\" width=\"" + std::to_string(w) +
         "\" height=\"" + std::to_string(kRow - 5) + "\"><title>" + html_escape(b.label) + ": " +
         std::to_string(b.value) + "</title></rect><text x=\"" + std::to_string(kLabel + w + 4) + "\" y=\"" +
         std::to_string(y + 12) + "\">" + std::to_string(b.value) + "</text>";
  }
  return s + "</svg>";
}

}  // namespace ogix
