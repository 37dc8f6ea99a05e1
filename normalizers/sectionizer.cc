#include "normalizers/sectionizer.h"

#include <algorithm>
#include <string_view>

#include "normalizers/indicator_table.h"
#include "normalizers/profile_mapper.h"
#include "text/unicode.h"
#include "profiles/profile.h"

namespace ogix {

namespace {

constexpr std::size_t kMaxHeadingChars = 40;  // longer paragraphs are body text with an inline heading

std::size_t char_count(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Index of the section a paragraph heads (in the profile's section order), or -1.
int section_of(const std::vector<ProfileSection>& sections, const std::string& text) {
  HeadingMarker m = heading_marker(text);
  if (m.level != 0 && m.level != 1) return -1;
  // A view: most paragraphs are body text, told by their length without a copy.
  std::string_view rest = std::string_view(text).substr(std::min(m.length, text.size()));
  if (char_count(rest) > kMaxHeadingChars) return -1;
  std::string key = label_key(rest);
  if (key.empty()) return -1;
  int best = -1;
  std::size_t best_len = 0;
  for (std::size_t i = 0; i < sections.size(); ++i)
    for (const auto& v : sections[i].variants) {
      bool hit = m.level == 1 ? key.find(v) != std::string::npos : key == v;
      // The legacy statistics annex is headed by its title: 附件 … / …统计表 / …统计数据.
      if (!hit && sections[i].code == "annex" && key.size() >= v.size())
        hit = key.compare(0, v.size(), v) == 0 || key.compare(key.size() - v.size(), v.size(), v) == 0;
      if (hit && v.size() > best_len) {
        best = static_cast<int>(i);
        best_len = v.size();
      }
    }
  return best;
}

}  // namespace

void split_sections(Document& doc) {
  // Section wording is the same in the 2019 and 2021 profiles; the first one holds it. A document
  // with neither format's wording nor their tables is read with the legacy outline (收费及减免 …
  // 附件), which words the shared sections alike.
  const auto& profiles = builtin_profiles();
  if (profiles.empty()) return;
  const Profile* legacy = indicator_profile();
  bool use_legacy = legacy && !detect_profile(doc).profile && !has_modern_table_words(doc);
  const auto& defs = use_legacy ? legacy->sections : profiles.front().sections;
  std::vector<Section> out;
  out.push_back(Section{"preamble", {}, {}, {}});
  int current = -1;
  for (auto& b : doc.blocks) {
    if (auto* p = std::get_if<Paragraph>(&b)) {
      int s = section_of(defs, p->text);
      // A PDF joins a heading wrapped over two lines to the paragraph above it (…加强人员培训。附件：
      // 示例局2016年度…统计数据): the annex title after the paragraph's last sentence heads the annex.
      std::size_t dot = p->text.rfind("。");
      if (s < 0 && dot != std::string::npos) {
        std::string tail = p->text.substr(dot + std::string_view("。").size());
        int t = section_of(defs, tail);
        bool titled = false;
        if (t > current) {
          const std::string key = label_key(tail);
          for (const auto& v : defs[static_cast<std::size_t>(t)].variants)
            titled = titled || (defs[static_cast<std::size_t>(t)].code == "annex" && key.compare(0, v.size(), v) == 0);
        }
        if (titled) {
          out.back().blocks.push_back(Paragraph{p->text.substr(0, dot + std::string_view("。").size()), p->level, p->from});
          current = t;
          out.push_back(Section{defs[static_cast<std::size_t>(t)].code, tail, {}, p->from});
          continue;
        }
      }
      if (s > current) {
        current = s;
        out.push_back(Section{defs[static_cast<std::size_t>(s)].code, p->text, {}, p->from});
        continue;
      }
      HeadingMarker m = heading_marker(p->text);
      if (m.level >= 2 && char_count(p->text) <= kMaxHeadingChars) p->level = m.level - 1;
    }
    out.back().blocks.push_back(std::move(b));
  }
  doc.blocks.clear();
  if (out.front().blocks.empty()) out.erase(out.begin());
  for (const auto& d : defs) {
    bool found = false;
    for (const auto& s : out) found = found || s.code == d.code;
    if (!found) doc.add_finding("section.missing", Severity::warning, "section " + d.code + " was not found", d.code);
  }
  doc.sections = std::move(out);
}

}  // namespace ogix
