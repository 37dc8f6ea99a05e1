#include "extractors/html_text.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "text/label_key.h"
#include "text/unicode.h"
#include "text/value_units.h"

namespace ogix::html {

namespace {

// Characters HTML renders as (collapsible) space; NBSP and the ideographic space included because
// Word and CMS editors use them for indentation and padding, never for content.
bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x00A0 ||
         c == 0x3000 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x1680;
}

// Characters that occupy no space in a rendered page.
bool is_invisible(char32_t c) {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD ||
         (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F;
}

char32_t first_code_point(std::string_view s) {
  if (s.empty()) return 0;
  std::size_t i = 0;
  return next_code_point(s, i);
}

char32_t last_code_point(std::string_view s) {
  if (s.empty()) return 0;
  std::size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return next_code_point(s, i);
}

// The text with every space-like character removed, for matching wording.
std::u32string compact(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());  // at most a code point a byte: one allocation, not a doubling series
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = next_code_point(s, i);
    if (!is_space(c) && !is_invisible(c)) out += c;
  }
  return out;
}

// compact(s) into `out` when it has at most `limit` characters; false, without decoding the rest,
// as soon as it has more (a paragraph of body text is no heading, and may be thousands long).
bool compact_at_most(std::string_view s, std::size_t limit, std::u32string& out) {
  out.clear();
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = next_code_point(s, i);
    if (is_space(c) || is_invisible(c)) continue;
    if (out.size() == limit) return false;
    out += c;
  }
  return true;
}

int chinese_digit(char32_t c) {
  static constexpr std::u32string_view digits = U"一二三四五六七八九";
  auto p = digits.find(c);
  return p == std::u32string_view::npos ? 0 : static_cast<int>(p) + 1;
}

char32_t fold_digit(char32_t c) { return c >= U'０' && c <= U'９' ? c - U'０' + U'0' : c; }

}  // namespace

void LineBuilder::add(std::string_view utf8, bool in_link) {
  for (std::size_t i = 0; i < utf8.size();) {
    // A run of printable ASCII other than space (0x21-0x7E) is neither space nor invisible nor
    // Chinese: appended whole, as the loop below would append it byte by byte.
    if (utf8[i] > 0x20 && utf8[i] < 0x7F) {
      std::size_t j = i + 1;
      while (j < utf8.size() && utf8[j] > 0x20 && utf8[j] < 0x7F) ++j;
      if (pending_space_) buf_ += ' ';  // kept whatever came before: this character is not Chinese
      pending_space_ = false;
      buf_.append(utf8, i, j - i);
      last_ = static_cast<unsigned char>(utf8[j - 1]);
      chars_ += j - i;
      if (in_link) link_chars_ += j - i;
      i = j;
      continue;
    }
    // U+4000-U+9FFF (lead byte E4-E9, most Chinese text): neither space nor invisible, and
    // written back as the same three bytes.
    if (const auto lead = static_cast<unsigned char>(utf8[i]); lead >= 0xE4 && lead <= 0xE9 && i + 3 <= utf8.size() &&
        (static_cast<unsigned char>(utf8[i + 1]) & 0xC0) == 0x80 && (static_cast<unsigned char>(utf8[i + 2]) & 0xC0) == 0x80) {
      const char32_t c = (static_cast<char32_t>(lead & 0x0F) << 12) |
                         (static_cast<char32_t>(static_cast<unsigned char>(utf8[i + 1]) & 0x3F) << 6) |
                         static_cast<char32_t>(static_cast<unsigned char>(utf8[i + 2]) & 0x3F);
      if (pending_space_ && !(is_cjk(last_) && is_cjk(c))) buf_ += ' ';
      pending_space_ = false;
      buf_.append(utf8, i, 3);
      last_ = c;
      ++chars_;
      if (in_link) ++link_chars_;
      i += 3;
      continue;
    }
    char32_t c = next_code_point(utf8, i);
    if (is_invisible(c)) continue;
    if (is_space(c)) {
      pending_space_ = !buf_.empty();
      continue;
    }
    // A collapsed space between two Chinese characters is a wrapped line, not a word break.
    if (pending_space_ && !(is_cjk(last_) && is_cjk(c))) buf_ += ' ';
    pending_space_ = false;
    append_utf8(buf_, c);
    last_ = c;
    ++chars_;
    if (in_link) ++link_chars_;
  }
}

std::string LineBuilder::take() {
  std::string out;
  out.swap(buf_);
  // Word's downlevel-revealed markers reach us as text, sometimes split over several text nodes:
  // remove them from the whole line, then collapse the spaces they leave.
  if (out.find("<![") != std::string::npos) {
    LineBuilder clean;
    clean.add(strip_conditional_markers(out));
    out.swap(clean.buf_);
  }
  pending_space_ = false;
  last_ = 0;
  chars_ = link_chars_ = 0;
  return out;
}

std::string strip_conditional_markers(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t p = 0;
  while (p < text.size()) {
    std::size_t m = text.find("<![", p);
    if (m == std::string_view::npos) break;
    std::string_view rest = text.substr(m + 3);
    bool marker = rest.substr(0, 2) == "if" || rest.substr(0, 5) == "endif";
    std::size_t end = text.find("]>", m);
    if (!marker || end == std::string_view::npos) {
      out += text.substr(p, m + 3 - p);
      p = m + 3;
      continue;
    }
    out += text.substr(p, m - p);
    p = end + 2;
  }
  out += text.substr(p);
  return out;
}

std::string join_cell_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) {
    if (l.empty()) continue;
    if (!out.empty() && !is_cjk(last_code_point(out)) && !is_cjk(first_code_point(l))) out += ' ';
    out += l;
  }
  return out;
}

CellClass classify_cell(std::string_view text) {
  std::u32string t = compact(text);
  if (t.empty()) return CellClass::empty;
  static constexpr std::array<std::u32string_view, 14> na = {
      U"/", U"／", U"-", U"－", U"—", U"——", U"–", U"−", U"无", U"不涉及", U"不适用", U"\\", U"--", U"／／"};
  for (auto n : na)
    if (t == n) return CellClass::na;
  // Strip a trailing unit the official tables use inside value cells.
  for (const std::u32string& unit : value_units()) {
    if (t.size() > unit.size() && t.compare(t.size() - unit.size(), unit.size(), unit) == 0) {
      t.resize(t.size() - unit.size());
      break;
    }
  }
  std::size_t i = 0;
  if (i < t.size() && (t[i] == '-' || t[i] == '+' || t[i] == U'－' || t[i] == U'−' || t[i] == U'＋')) ++i;
  bool digit = false, dot = false;
  for (; i < t.size(); ++i) {
    char32_t c = fold_digit(t[i]);
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if ((c == '.' || c == U'．') && !dot) {
      dot = true;
    } else if ((c == ',' || c == U'，') && digit && !dot) {
      // thousands separator
    } else {
      return CellClass::text;
    }
  }
  return digit ? CellClass::number : CellClass::text;
}

int report_heading(std::string_view line, const ReportCues& cues) {
  std::u32string t;
  if (!compact_at_most(line, 60, t) || t.empty()) return 0;
  // HTML pages number top headings loosely: 一、 一， 1. 1、 as well as the official 一、.
  bool marker = false;
  if ((chinese_digit(t[0]) > 0 && chinese_digit(t[0]) <= 6) || (fold_digit(t[0]) >= '1' && fold_digit(t[0]) <= '6'))
    marker = t.size() > 1 && (t[1] == U'、' || t[1] == U'．' || t[1] == '.' || t[1] == U'，');
  // Without a marker only a short line that is the heading wording itself counts.
  if (!marker && t.size() > 24) return 0;
  std::string key = label_key(line);  // numbering, digits and punctuation dropped
  const auto& sections = cues.section_wording;
  int best = 0;
  std::size_t best_len = 0;
  for (std::size_t i = 0; i < sections.size(); ++i)
    for (const auto& v : sections[i]) {
      // Unnumbered, the line must be the wording, or hold a long one (not a table label: 行政复议).
      bool hit = marker ? contains(key, v)
                        : key == v || (v.size() >= 18 && contains(key, v));
      if (hit && v.size() > best_len) {
        best = static_cast<int>(i) + 1;
        best_len = v.size();
      }
    }
  return best;
}

bool has_report_table_keyword(std::string_view text, const ReportCues& cues) {
  std::string key = label_key(text);
  for (const auto& k : cues.table_wording)
    if (contains(key, k)) return true;
  return false;
}

bool is_indicator_table_line(std::string_view line, const ReportCues& cues) {
  const auto& keys = cues.indicator_wording;
  std::string key = label_key(line);
  if (key.rfind("其中", 0) == 0) key = key.substr(std::string_view("其中").size());
  return !key.empty() && std::find(keys.begin(), keys.end(), key) != keys.end();
}

std::string find_year(std::string_view text) {
  std::u32string t = compact(text);
  for (std::size_t i = 0; i + 4 < t.size(); ++i) {
    bool four = true;
    for (std::size_t k = 0; k < 4; ++k) {
      char32_t c = fold_digit(t[i + k]);
      four = four && c >= '0' && c <= '9';
    }
    if (!four || t[i + 4] != U'年') continue;
    if (i > 0 && fold_digit(t[i - 1]) >= '0' && fold_digit(t[i - 1]) <= '9') continue;
    std::string y;
    for (std::size_t k = 0; k < 4; ++k) y += static_cast<char>(fold_digit(t[i + k]));
    if (y >= "1990" && y <= "2099") return y;
  }
  return {};
}

std::string find_date(std::string_view text) {
  std::u32string t = compact(text);
  auto num = [&](std::size_t& i, std::size_t max_digits) {
    int v = 0;
    std::size_t k = 0;
    while (i < t.size() && k < max_digits && fold_digit(t[i]) >= '0' && fold_digit(t[i]) <= '9') {
      v = v * 10 + static_cast<int>(fold_digit(t[i]) - '0');
      ++i;
      ++k;
    }
    return k == 0 ? -1 : v;
  };
  for (std::size_t s = 0; s + 5 < t.size(); ++s) {
    if (s > 0 && fold_digit(t[s - 1]) >= '0' && fold_digit(t[s - 1]) <= '9') continue;
    std::size_t i = s;
    int y = num(i, 4);
    if (y < 1990 || y > 2099 || i - s != 4 || i >= t.size()) continue;
    char32_t sep = t[i];
    if (sep != '-' && sep != '/' && sep != '.' && sep != U'年') continue;
    ++i;
    int m = num(i, 2);
    if (m < 1 || m > 12 || i >= t.size()) continue;
    char32_t sep2 = t[i];
    if (sep == U'年' ? sep2 != U'月' : sep2 != sep) continue;
    ++i;
    int d = num(i, 2);
    if (d < 1 || d > 31) continue;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
  }
  return {};
}

}  // namespace ogix::html
