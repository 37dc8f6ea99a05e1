// Page geometry for the PDF extractor: frames, lines and the text rules of Chinese reports.
#include "extractors/pdf_layout.h"

#include <algorithm>
#include <cmath>

#include "text/value_units.h"
#include "text/unicode.h"

namespace ogix::pdf {

Rect Rect::united(const Rect& o) const {
  const bool a_empty = x0 == 0 && y0 == 0 && x1 == 0 && y1 == 0;
  const bool b_empty = o.x0 == 0 && o.y0 == 0 && o.x1 == 0 && o.y1 == 0;
  if (a_empty) return o;
  if (b_empty) return *this;
  return Rect{std::min(x0, o.x0), std::min(y0, o.y0), std::max(x1, o.x1), std::max(y1, o.y1)};
}

double overlap(double a0, double a1, double b0, double b1) { return std::max(0.0, std::min(a1, b1) - std::max(a0, b0)); }

Rect Frame::to_layout(const Rect& r) const {
  switch (quarter_turns) {
    case 1: return Rect{r.y0, width - r.x1, r.y1, width - r.x0};
    case 2: return Rect{width - r.x1, height - r.y1, width - r.x0, height - r.y0};
    case 3: return Rect{height - r.y1, r.x0, height - r.y0, r.x1};
    default: return r;
  }
}

Rect Frame::to_page(const Rect& r) const {
  switch (quarter_turns) {
    case 1: return Rect{width - r.y1, r.x0, width - r.y0, r.x1};
    case 2: return Rect{width - r.x1, height - r.y1, width - r.x0, height - r.y0};
    case 3: return Rect{r.y0, height - r.x1, r.y1, height - r.x0};
    default: return r;
  }
}

namespace {

bool is_digit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }
bool is_latin_alnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c < 0x250);
}
bool is_dash(char32_t c) {
  return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 || c == 0x2014 || c == 0x2015 ||
         c == 0xFF0D || c == 0x2212 || c == '~' || c == 0x00B7 || c == 0x2022 || c == '_' || c == 0x2500;
}
bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == 0x00A0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200B); }

std::u32string strip_all_spaces(std::u32string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (char32_t c : s)
    if (!is_space(c)) out += c;
  return out;
}

bool is_chinese_numeral(char32_t c) {
  static const std::u32string_view digits = U"〇零一二三四五六七八九十百";
  return digits.find(c) != std::u32string_view::npos;
}

// Sorts words left to right and joins them into one line.
Line make_line(std::vector<Word> words) {
  std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) { return a.box.x0 < b.box.x0; });
  Line line;
  for (auto& w : words) {
    line.box = line.box.united(w.box);
    line.size = std::max(line.size, w.size);
    line.page = w.page;
  }
  line.words = std::move(words);
  return line;
}

}  // namespace

std::u32string Line::text() const {
  std::u32string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0 && !vertical) {
      const Word& a = words[i - 1];
      const Word& b = words[i];
      // poppler marks a space after a box; a wide gap without that mark is a space too.
      if (a.space_after || b.box.x0 - a.box.x1 > 0.25 * std::max(a.size, 1.0)) out += U' ';
    }
    out += words[i].text;
  }
  return out;
}

std::vector<Line> build_lines(std::vector<Word> words, double gap_split) {
  std::vector<Word> horizontal, vertical;
  for (auto& w : words) (w.vertical ? vertical : horizontal).push_back(std::move(w));

  // Horizontal words: a word joins the line whose vertical band it overlaps by at least half of
  // the smaller height (digits of a Latin font sit a little higher than the Chinese around them).
  std::stable_sort(horizontal.begin(), horizontal.end(), [](const Word& a, const Word& b) {
    if (a.box.y0 != b.box.y0) return a.box.y0 < b.box.y0;
    return a.box.x0 < b.box.x0;
  });
  struct Open {
    std::vector<Word> words;
    double y0, y1, h;  // band of the line's first word
  };
  std::vector<Open> open;
  for (auto& w : horizontal) {
    Open* best = nullptr;
    double best_ov = 0;
    // Only recent lines can still overlap: scan backwards a few.
    for (std::size_t k = open.size(); k-- > 0 && open.size() - k <= 8;) {
      Open& o = open[k];
      double ov = overlap(o.y0, o.y1, w.box.y0, w.box.y1);
      if (ov >= 0.5 * std::min(o.h, w.box.h()) && ov > best_ov) best = &o, best_ov = ov;
    }
    if (best) {
      best->words.push_back(std::move(w));
    } else {
      Open o{{}, w.box.y0, w.box.y1, w.box.h()};
      o.words.push_back(std::move(w));
      open.push_back(std::move(o));
    }
  }
  std::vector<Line> lines;
  for (auto& o : open) {
    Line line = make_line(std::move(o.words));
    if (gap_split > 0 && line.words.size() > 1) {
      std::vector<Word> part;
      for (auto& w : line.words) {
        if (!part.empty() && w.box.x0 - part.back().box.x1 > gap_split * std::max(1.0, std::max(w.size, part.back().size))) {
          lines.push_back(make_line(std::move(part)));
          part.clear();
        }
        part.push_back(std::move(w));
      }
      lines.push_back(make_line(std::move(part)));
    } else {
      lines.push_back(std::move(line));
    }
  }

  // Vertical words: runs stacked in one column join top to bottom (a label set one or two
  // characters per box, like 三 / 、本 / 年 / 度办 / 理 / 结果).
  std::stable_sort(vertical.begin(), vertical.end(), [](const Word& a, const Word& b) {
    if (std::abs(a.box.cx() - b.box.cx()) > 2) return a.box.cx() < b.box.cx();
    return a.box.y0 < b.box.y0;
  });
  std::vector<Line> vlines;
  for (auto& w : vertical) {
    Line* into = nullptr;
    for (auto& l : vlines) {
      const double ov = overlap(l.box.x0, l.box.x1, w.box.x0, w.box.x1);
      const double gap = w.box.y0 - l.box.y1;
      if (ov >= 0.5 * std::min(l.box.w(), w.box.w()) && gap < 1.2 * std::max(1.0, w.size) && gap > -0.5 * w.size) into = &l;
    }
    if (into) {
      into->box = into->box.united(w.box);
      into->size = std::max(into->size, w.size);
      into->words.push_back(std::move(w));
    } else {
      Line l;
      l.vertical = true;
      l.box = w.box;
      l.size = w.size;
      l.page = w.page;
      l.words.push_back(std::move(w));
      vlines.push_back(std::move(l));
    }
  }
  for (auto& l : vlines) lines.push_back(std::move(l));
  std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    if (std::abs(a.box.y0 - b.box.y0) > 0.5 * std::min(a.box.h(), b.box.h()) || a.vertical != b.vertical)
      return a.box.y0 < b.box.y0;
    return a.box.x0 < b.box.x0;
  });
  return lines;
}

std::u32string join_lines(const std::vector<std::u32string>& lines) {
  std::u32string out;
  for (const auto& raw : lines) {
    std::u32string_view l = raw;
    while (!l.empty() && is_space(l.front())) l.remove_prefix(1);
    while (!l.empty() && is_space(l.back())) l.remove_suffix(1);
    if (l.empty()) continue;
    if (!out.empty()) {
      const char32_t a = out.back(), b = l.front();
      // Chinese wraps anywhere without a space; a number wrapped in a narrow cell (29 / 0) is one
      // number; a hyphenated break keeps its hyphen. Latin words keep their space.
      const bool glue = is_cjk(a) || is_cjk(b) || (is_digit(a) && is_digit(b)) || a == '-' || a == '/' ||
                        !(is_latin_alnum(a) || a == ',' || a == '.' || a == ';' || a == ':' || a == ')') ||
                        !(is_latin_alnum(b) || b == '(');
      if (!glue) out += U' ';
    }
    out += l;
  }
  return out;
}

bool is_value_token(std::u32string_view raw) {
  // A copy without spaces only when there are spaces: most tokens have none, and this runs for
  // every cell and word of a table.
  std::u32string stripped;
  std::u32string_view s = raw;
  if (std::any_of(raw.begin(), raw.end(), is_space)) s = stripped = strip_all_spaces(raw);
  if (s.empty()) return false;
  static const std::u32string_view na[] = {U"/", U"／", U"-", U"—", U"——", U"－", U"–", U"无", U"不涉及", U"不适用", U"—-"};
  for (auto m : na)
    if (s == m) return true;
  std::size_t i = 0;
  if (s[i] == '-' || s[i] == '+' || s[i] == 0x2212 || s[i] == 0xFF0D) ++i;
  std::size_t digits = 0;
  bool dot = false;
  for (; i < s.size(); ++i) {
    char32_t c = s[i];
    if (is_digit(c)) ++digits;
    else if ((c == ',' || c == 0xFF0C) && digits > 0) continue;
    else if ((c == '.' || c == 0xFF0E) && !dot && digits > 0) dot = true;
    else break;
  }
  if (digits == 0) return false;
  std::u32string_view unit = s.substr(i);
  if (unit.empty()) return true;
  for (const auto& u : value_units())
    if (unit == u) return true;
  return false;
}

bool is_page_number(std::u32string_view raw) {
  std::u32string s = strip_all_spaces(raw);
  if (s.empty()) return false;
  // Page 3 / Page 3 of 5
  std::u32string lower;
  for (char32_t c : s) lower += (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (lower.rfind(U"page", 0) == 0) s = s.substr(4), lower = lower.substr(4);
  std::size_t b = 0, e = s.size();
  while (b < e && is_dash(s[b])) ++b;
  while (e > b && is_dash(s[e - 1])) --e;
  std::u32string core = s.substr(b, e - b);
  if (core.empty()) return false;
  auto all_digits = [](std::u32string_view v) {
    if (v.empty() || v.size() > 4) return false;
    for (char32_t c : v)
      if (!is_digit(c)) return false;
    return true;
  };
  if (all_digits(core)) return true;
  // 3/5, 3of5
  for (std::u32string_view sep : {std::u32string_view(U"/"), std::u32string_view(U"of"), std::u32string_view(U"／")}) {
    auto p = core.find(sep);
    if (p != std::u32string::npos && all_digits(std::u32string_view(core).substr(0, p)) &&
        all_digits(std::u32string_view(core).substr(p + sep.size())))
      return true;
  }
  // 第3页, 第三页, 第3页共5页, 第3页/共5页
  if (core.front() == U'第') {
    std::size_t i = 1;
    while (i < core.size() && (is_digit(core[i]) || is_chinese_numeral(core[i]))) ++i;
    if (i == 1 || i >= core.size() || core[i] != U'页') return false;
    std::u32string_view rest = std::u32string_view(core).substr(i + 1);
    while (!rest.empty() && (rest.front() == ',' || rest.front() == U'，' || rest.front() == '/' || is_dash(rest.front())))
      rest.remove_prefix(1);
    if (rest.empty()) return true;
    if (rest.front() != U'共') return false;
    rest.remove_prefix(1);
    std::size_t j = 0;
    while (j < rest.size() && (is_digit(rest[j]) || is_chinese_numeral(rest[j]))) ++j;
    return j > 0 && j + 1 == rest.size() && rest[j] == U'页';
  }
  return false;
}

bool starts_with_marker(std::u32string_view raw) {
  std::u32string s = strip_all_spaces(raw);
  if (s.empty()) return false;
  if (s[0] >= 0x2460 && s[0] <= 0x2473) return true;  // ① … ⑳
  std::size_t i = 0;
  if (s[0] == U'（' || s[0] == '(') {
    i = 1;
    std::size_t n = 0;
    while (i < s.size() && (is_digit(s[i]) || is_chinese_numeral(s[i]))) ++i, ++n;
    return n > 0 && i < s.size() && (s[i] == U'）' || s[i] == ')');
  }
  std::size_t n = 0;
  while (i < s.size() && is_chinese_numeral(s[i])) ++i, ++n;
  if (n > 0) return i < s.size() && s[i] == U'、';
  while (i < s.size() && is_digit(s[i])) ++i, ++n;
  if (n == 0 || n > 2 || i >= s.size()) return false;
  // 1. 1、 1． but not a decimal number (1.5) or a value.
  if (s[i] == U'、' || s[i] == U'．') return true;
  return s[i] == '.' && (i + 1 >= s.size() || !is_digit(s[i + 1]));
}

std::u32string header_key(std::u32string_view s) {
  std::u32string out;
  for (char32_t c : s) {
    if (is_space(c)) continue;
    out += is_digit(c) ? U'#' : c;
  }
  return out;
}

Span span_of(int page, const Rect& r) {
  Span s;
  s.page = page;
  // Two decimals are plenty for points and keep output stable across platforms.
  auto round2 = [](double v) { return std::round(v * 100) / 100; };
  s.x0 = round2(r.x0), s.y0 = round2(r.y0), s.x1 = round2(r.x1), s.y1 = round2(r.y1);
  return s;
}

}  // namespace ogix::pdf
