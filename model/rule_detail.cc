#include "model/rule_detail.h"

namespace ogix {

namespace {

constexpr std::string_view kPlus = " + ", kEquals = " = ", kNotLess = " >= ", kValues = ": ", kNext = "; ";

std::string join_codes(const std::vector<std::string>& codes) {
  std::string s;
  for (const auto& c : codes) {
    if (!s.empty()) s += kPlus;
    s += c;
  }
  return s;
}

// Appends the non-empty pieces of `s` between separators `sep`.
void split_into(std::string_view s, std::string_view sep, std::vector<std::string>& out) {
  while (true) {
    std::size_t p = s.find(sep);
    std::string_view piece = s.substr(0, p);
    if (!piece.empty()) out.emplace_back(piece);
    if (p == std::string_view::npos) return;
    s.remove_prefix(p + sep.size());
  }
}

}  // namespace

std::string sum_rule_detail(const std::vector<std::string>& lhs_codes, const std::vector<std::string>& rhs_codes,
                            const std::string& lhs_values, const std::string& lhs, const std::string& rhs_values,
                            const std::string& rhs) {
  std::string d = join_codes(lhs_codes);
  d += kEquals;
  d += join_codes(rhs_codes);
  d += kValues;
  d += lhs_values;
  d += kEquals;
  d += lhs;
  d += kNext;
  d += rhs_values;
  d += kEquals;
  d += rhs;
  return d;
}

std::string not_less_rule_detail(const std::string& big, const std::string& small, const std::string& big_value,
                                 const std::string& small_value) {
  return big + std::string(kNotLess) + small + std::string(kValues) + big_value + std::string(kNotLess) + small_value;
}

void append_value_check(std::string& detail, const std::string& col, const std::string& value) {
  if (!detail.empty()) detail += kNext;
  detail += col;
  detail += kEquals;
  detail += value;
}

std::vector<std::string> rule_detail_operands(std::string_view detail) {
  std::vector<std::string> out;
  std::size_t colon = detail.find(kValues);
  if (colon != std::string_view::npos) {
    // A sum or a comparison: the codes stand before the values.
    std::string_view codes = detail.substr(0, colon);
    std::size_t not_less = codes.find(kNotLess);
    if (not_less != std::string_view::npos) {
      split_into(codes.substr(0, not_less), kPlus, out);
      split_into(codes.substr(not_less + kNotLess.size()), kPlus, out);
      return out;
    }
    std::size_t eq = codes.find(kEquals);
    split_into(codes.substr(0, eq), kPlus, out);
    if (eq != std::string_view::npos) split_into(codes.substr(eq + kEquals.size()), kPlus, out);
    return out;
  }
  // Value checks: "col = v" pieces; an unchecked reason has none.
  std::vector<std::string> pieces;
  split_into(detail, kNext, pieces);
  for (const auto& p : pieces) {
    std::size_t eq = p.find(kEquals);
    if (eq != std::string::npos && eq > 0) out.push_back(p.substr(0, eq));
  }
  return out;
}

}  // namespace ogix
