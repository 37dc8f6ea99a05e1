#include "normalizers/metadata.h"

#include "normalizers/agency.h"
#include "normalizers/unicode.h"

namespace ogix {

namespace {

// Value of a Chinese numeral digit as written in years (〇 ○ 零 O 一 … 九), or -1.
int year_digit(char32_t c) {
  static constexpr std::u32string_view digits = U"〇一二三四五六七八九";
  if (c == U'○' || c == U'零' || c == U'Ｏ' || c == U'O' || c == U'o') return 0;
  auto p = digits.find(c);
  return p == std::u32string_view::npos ? -1 : static_cast<int>(p);
}

}  // namespace

std::string year_in(const std::string& s, std::size_t* byte_pos) {
  std::u32string u = utf8_to_u32(s);
  for (std::size_t i = 0; i + 4 < u.size(); ++i) {
    std::string year;
    bool ascii = true, chinese = true;
    for (std::size_t k = 0; k < 4; ++k) {
      char32_t c = u[i + k];
      ascii = ascii && c >= U'0' && c <= U'9';
      chinese = chinese && year_digit(c) >= 0;
    }
    if (ascii) {
      if (i > 0 && u[i - 1] >= U'0' && u[i - 1] <= U'9') continue;
      for (std::size_t k = 0; k < 4; ++k) year += static_cast<char>(u[i + k]);
    } else if (chinese) {
      if (i > 0 && year_digit(u[i - 1]) >= 0) continue;
      for (std::size_t k = 0; k < 4; ++k) year += static_cast<char>('0' + year_digit(u[i + k]));
    } else {
      continue;
    }
    std::size_t after = i + 4;
    while (after < u.size() && u[after] == U' ') ++after;
    if (after < u.size() && u[after] == U'年' && (year.rfind("19", 0) == 0 || year.rfind("20", 0) == 0)) {
      if (byte_pos) *byte_pos = u32_to_utf8(std::u32string_view(u).substr(0, i)).size();
      return year;
    }
  }
  return {};
}

namespace {

// The year of the statistics period ("统计期限自2021年1月1日起…"), which names the report year
// even when the title does not; or empty.
std::string period_year(const std::vector<const Paragraph*>& paras) {
  for (const auto* p : paras) {
    for (const char* key : {"统计期限", "统计时限", "统计时间"}) {
      std::size_t at = p->text.find(key);
      if (at != std::string::npos) {
        std::string y = year_in(p->text.substr(at, 80));
        if (!y.empty()) return y;
      }
    }
  }
  return {};
}

}  // namespace

std::string_view without_field_label(std::string_view s) {
  std::string_view t = s;
  while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
  for (std::string_view label : {"文章标题", "标题", "题目", "发布机构", "信息来源", "来源", "发文机关"}) {
    if (t.substr(0, label.size()) != label) continue;
    std::string_view rest = t.substr(label.size());
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    for (std::string_view colon : {"：", ":"})
      if (rest.substr(0, colon.size()) == colon) {
        rest.remove_prefix(colon.size());
        while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        return rest;
      }
  }
  return s;
}

void infer_metadata(Document& doc) {
  std::vector<const Paragraph*> paras;
  auto take = [&](const std::vector<Block>& blocks) {
    for (const auto& b : blocks)
      if (auto* p = std::get_if<Paragraph>(&b)) paras.push_back(p);
  };
  take(doc.blocks);
  for (const auto& s : doc.sections) take(s.blocks);
  std::string title_key = "年度报告";
  if (doc.meta.title.empty()) {
    // The title may be split over two short lines (agency / year + 年度报告).
    for (std::size_t i = 0; i < paras.size() && i < 6; ++i) {
      const std::string& t = paras[i]->text;
      if (t.find(title_key) != std::string::npos && t.size() < 200) {
        // A short line above belongs to the title when this line does not name the agency: it
        // names no government body, or it starts with the year (洪泽区人民政府 / 2023年…年度报告).
        std::size_t year_pos = std::string::npos;
        std::string title = t, year = year_in(t, &year_pos);
        bool starts_with_year = !year.empty() && year_pos == 0;
        if (i > 0 && paras[i - 1]->text.size() < 60 && (t.find("政府") == std::string::npos || starts_with_year))
          title = paras[i - 1]->text + title;
        doc.meta.title = normalize_text(strip_spaces(without_field_label(title)));
        break;
      }
    }
  }
  if (doc.meta.year.empty() && !doc.meta.title.empty()) doc.meta.year = year_in(doc.meta.title);
  if (doc.meta.year.empty()) doc.meta.year = period_year(paras);
  if (doc.meta.year.empty())
    for (std::size_t i = 0; i < paras.size() && i < 8 && doc.meta.year.empty(); ++i) doc.meta.year = year_in(paras[i]->text);
  identify_agency(doc);
}

}  // namespace ogix
