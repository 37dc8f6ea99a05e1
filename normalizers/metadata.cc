#include "normalizers/metadata.h"

#include "normalizers/unicode.h"

namespace ogix {

namespace {

// The first "19xx/20xx年" in `s`, or empty.
std::string year_in(const std::string& s) {
  for (std::size_t i = 0; i + 4 < s.size(); ++i) {
    bool digits = true;
    for (std::size_t k = 0; k < 4; ++k) digits = digits && s[i + k] >= '0' && s[i + k] <= '9';
    if (!digits || (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')) continue;
    std::size_t after = i + 4;
    while (after < s.size() && s[after] == ' ') ++after;
    if (s.compare(after, 3, "年") == 0 && (s.compare(i, 2, "19") == 0 || s.compare(i, 2, "20") == 0))
      return s.substr(i, 4);
  }
  return {};
}

}  // namespace

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
        std::string title = t, year = year_in(t);
        bool starts_with_year = !year.empty() && t.rfind(year, 0) == 0;
        if (i > 0 && paras[i - 1]->text.size() < 60 && (t.find("政府") == std::string::npos || starts_with_year))
          title = paras[i - 1]->text + title;
        doc.meta.title = normalize_text(strip_spaces(title));
        break;
      }
    }
  }
  if (doc.meta.year.empty() && !doc.meta.title.empty()) doc.meta.year = year_in(doc.meta.title);
  if (doc.meta.year.empty())
    for (std::size_t i = 0; i < paras.size() && i < 8 && doc.meta.year.empty(); ++i) doc.meta.year = year_in(paras[i]->text);
  if (doc.meta.agency.empty() && !doc.meta.title.empty()) {
    // The agency is what precedes the year (or 政府信息公开) in the title.
    std::string t = doc.meta.title;
    std::size_t cut = doc.meta.year.empty() ? std::string::npos : t.find(doc.meta.year);
    std::size_t g = t.find("政府信息公开");
    if (cut == std::string::npos || (g != std::string::npos && g < cut)) cut = g;
    if (cut != std::string::npos && cut > 0) doc.meta.agency = t.substr(0, cut);
  }
}

}  // namespace ogix
