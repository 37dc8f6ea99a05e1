#include "normalizers/cell_value.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

#include "text/unicode.h"

namespace ogix {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Strips grouping and sign noise; returns false if `s` is not a plain decimal number.
bool canonical_number(std::string_view s, std::string* out) {
  std::string t;
  bool neg = false;
  std::size_t i = 0;
  // Minus signs as Chinese documents write them: ASCII, full-width, U+2212.
  for (std::string_view m : {std::string_view("-"), std::string_view("－"), std::string_view("−")})
    if (s.substr(0, m.size()) == m && s.size() > m.size()) {
      neg = true;
      i = m.size();
      break;
    }
  if (!neg && !s.empty() && s[0] == '+') i = 1;
  std::string digits;
  bool seen_point = false;
  int group_len = -1;  // digits since the last grouping comma, -1 when no comma seen
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (is_digit(c)) {
      digits += c;
      if (group_len >= 0 && !seen_point) ++group_len;
    } else if (c == '.' && !seen_point && !digits.empty()) {
      if (group_len >= 0 && group_len != 3) return false;
      seen_point = true;
      digits += '.';
    } else if (c == ',' && !seen_point && !digits.empty()) {
      if (group_len >= 0 && group_len != 3) return false;
      if (group_len < 0 && digits.size() > 3) return false;
      group_len = 0;
    } else if (c == ' ') {
      continue;  // "1 234" is a layout artefact in PDF copies
    } else {
      return false;
    }
  }
  if (digits.empty() || digits.back() == '.') return false;
  if (group_len >= 0 && !seen_point && group_len != 3) return false;
  // Drop leading zeros of the integer part ("007" → "7") and trailing zeros of the fraction.
  std::size_t point = digits.find('.');
  std::string ip = digits.substr(0, point), fp = point == std::string::npos ? "" : digits.substr(point + 1);
  std::size_t nz = ip.find_first_not_of('0');
  ip = nz == std::string::npos ? "0" : ip.substr(nz);
  while (!fp.empty() && fp.back() == '0') fp.pop_back();
  t = ip + (fp.empty() ? "" : "." + fp);
  if (neg && t != "0") t = "-" + t;
  *out = t;
  return true;
}

constexpr std::array<std::string_view, 14> kNa = {"/", "／", "-", "－", "—", "——", "–", "−", "无", "不涉及",
                                                  "不适用", "//", "\\", "~"};

// The longest na marker, in bytes.
constexpr std::size_t kNaMaxBytes = [] {
  std::size_t n = 0;
  for (auto na : kNa) n = std::max(n, na.size());
  return n;
}();

bool is_strip_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }  // as strip_spaces

// False only for a text that can be no number, na marker or count: one that does not start (after
// spaces) as a number can (a digit, a sign) and is longer than every na marker. Most labels are,
// and they are told so without read_cell's copies.
bool may_be_value(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && is_strip_space(text[i])) ++i;
  std::string_view rest = text.substr(i);
  if (rest.empty()) return true;
  if (is_digit(rest[0]) || rest[0] == '-' || rest[0] == '+' || rest.starts_with("－") || rest.starts_with("−")) return true;
  std::size_t bytes = 0;
  for (char c : rest) bytes += !is_strip_space(c);
  return bytes <= kNaMaxBytes;
}

}  // namespace

CellReading read_cell(std::string_view raw, bool money) {
  CellReading r;
  std::string text = strip_spaces(raw);
  if (text.empty()) return r;  // blank
  for (auto na : kNa)
    if (text == na) {
      r.status = CellStatus::na;
      return r;
    }
  // Full-width grouping commas and decimal points (１２，３４５．６ after digit folding): the
  // same number; the grouping check below still rejects a list such as 1，2.
  for (auto [from, to] : {std::pair<std::string_view, char>{"，", ','}, {"．", '.'}})
    for (std::size_t p = text.find(from); p != std::string::npos; p = text.find(from, p + 1))
      text.replace(p, from.size(), 1, to);
  std::string value;
  if (canonical_number(text, &value)) {
    r.status = CellStatus::number;
    r.value = value;
    return r;
  }
  if (money) {
    for (std::string_view unit : {std::string_view("万元"), std::string_view("千元"), std::string_view("亿元"),
                                  std::string_view("元")}) {
      if (text.size() > unit.size() && text.compare(text.size() - unit.size(), unit.size(), unit) == 0 &&
          canonical_number(std::string_view(text).substr(0, text.size() - unit.size()), &value)) {
        r.status = CellStatus::number;
        r.value = value;
        r.unit = std::string(unit);
        return r;
      }
    }
  }
  r.status = CellStatus::text;
  return r;
}

bool is_value_like(std::string_view text) {
  // A number (also before a unit or measure word) starts as canonical_number accepts, and an na
  // marker is short: anything else is a label, without reading it.
  if (!may_be_value(text)) return false;
  CellReading r = read_cell(text, true);
  if (r.status == CellStatus::number || r.status == CellStatus::na) return true;
  // A count with its measure word (12件, ３ 项) stands where a value stands: it is no label word,
  // though the spec reads it as text.
  // Most texts end in no unit: their last bytes tell, without decoding the whole text. (A unit at
  // the end of the decoded text is its own UTF-8 bytes at the end of `text`.)
  static const std::vector<std::string> units_utf8 = [] {
    std::vector<std::string> v;
    for (const auto& unit : value_units()) v.push_back(u32_to_utf8(unit));
    return v;
  }();
  bool unit_at_end = false;
  for (const auto& u : units_utf8)
    if (text.size() > u.size() && text.compare(text.size() - u.size(), u.size(), u) == 0) {
      unit_at_end = true;
      break;
    }
  if (!unit_at_end) return false;
  std::u32string t = utf8_to_u32(text);
  for (const auto& unit : value_units()) {
    if (t.size() <= unit.size() || t.compare(t.size() - unit.size(), unit.size(), unit) != 0) continue;
    std::string number = u32_to_utf8(std::u32string_view(t).substr(0, t.size() - unit.size()));
    while (!number.empty() && number.back() == ' ') number.pop_back();
    if (read_cell(number, false).status == CellStatus::number) return true;
  }
  return false;
}

std::string convert_unit(const std::string& value, const std::string& from, const std::string& to) {
  auto exp10 = [](const std::string& u) -> int {
    if (u == "元") return 0;
    if (u == "千元") return 3;
    if (u == "万元") return 4;
    if (u == "亿元") return 8;
    return -100;
  };
  int a = exp10(from), b = exp10(to);
  if (a < -50 || b < -50) return {};
  int shift = a - b;  // multiply by 10^shift
  bool neg = !value.empty() && value[0] == '-';
  std::string v = neg ? value.substr(1) : value;
  std::size_t point = v.find('.');
  std::string ip = v.substr(0, point), fp = point == std::string::npos ? "" : v.substr(point + 1);
  std::string digits = ip + fp;
  long pos = static_cast<long>(ip.size()) + shift;  // new position of the decimal point
  if (pos <= 0) {
    digits = std::string(static_cast<std::size_t>(-pos), '0') + digits;
    pos = 0;
  }
  while (static_cast<long>(digits.size()) < pos) digits += '0';
  std::string out_ip = digits.substr(0, static_cast<std::size_t>(pos)), out_fp = digits.substr(static_cast<std::size_t>(pos));
  std::size_t nz = out_ip.find_first_not_of('0');
  out_ip = nz == std::string::npos ? "0" : out_ip.substr(nz);
  while (!out_fp.empty() && out_fp.back() == '0') out_fp.pop_back();
  std::string out = out_ip + (out_fp.empty() ? "" : "." + out_fp);
  if (neg && out != "0") out = "-" + out;
  return out;
}

std::string unit_in_label(std::string_view text) {
  std::string t = strip_spaces(text);
  auto p = t.find("单位");
  if (p == std::string::npos) return {};
  std::string tail = t.substr(p + std::string("单位").size());
  for (std::string_view sep : {std::string_view("："), std::string_view(":")})
    if (tail.substr(0, sep.size()) == sep) tail = tail.substr(sep.size());
  for (std::string_view unit : {std::string_view("万元"), std::string_view("千元"), std::string_view("亿元"),
                                std::string_view("元")})
    if (tail.substr(0, unit.size()) == unit) return std::string(unit);
  return {};
}

bool decimal_to_micros(const std::string& value, long long* out) {
  bool neg = !value.empty() && value[0] == '-';
  std::string v = neg ? value.substr(1) : value;
  std::size_t point = v.find('.');
  std::string ip = v.substr(0, point), fp = point == std::string::npos ? "" : v.substr(point + 1);
  if (ip.empty() || ip.size() > 12 || fp.size() > 6) return false;
  for (char c : ip + fp)
    if (!is_digit(c)) return false;
  while (fp.size() < 6) fp += '0';
  long long x = std::stoll(ip) * 1000000LL + std::stoll(fp);
  *out = neg ? -x : x;
  return true;
}

std::string micros_to_decimal(long long micros) {
  bool neg = micros < 0;
  unsigned long long m = neg ? static_cast<unsigned long long>(-(micros + 1)) + 1 : static_cast<unsigned long long>(micros);
  std::string ip = std::to_string(m / 1000000ULL);
  std::string fp = std::to_string(m % 1000000ULL);
  fp = std::string(6 - fp.size(), '0') + fp;
  while (!fp.empty() && fp.back() == '0') fp.pop_back();
  std::string out = ip + (fp.empty() ? "" : "." + fp);
  return neg && out != "0" ? "-" + out : out;
}

}  // namespace ogix
