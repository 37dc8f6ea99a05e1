#include "normalizers/sectionizer.h"

#include "text/unicode.h"
#include "profiles/profile.h"

namespace ogix {

namespace {

constexpr std::size_t kMaxHeadingChars = 40;  // longer paragraphs are body text with an inline heading

std::size_t char_count(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Index of the section a paragraph heads (in the profile's section order), or -1.
int section_of(const std::vector<ProfileSection>& sections, const std::string& text) {
  HeadingMarker m = heading_marker(text);
  if (m.level != 0 && m.level != 1) return -1;
  std::string rest = text.substr(m.length);
  if (char_count(rest) > kMaxHeadingChars) return -1;
  std::string key = label_key(rest);
  if (key.empty()) return -1;
  int best = -1;
  std::size_t best_len = 0;
  for (std::size_t i = 0; i < sections.size(); ++i)
    for (const auto& v : sections[i].variants) {
      bool hit = m.level == 1 ? key.find(v) != std::string::npos : key == v;
      if (hit && v.size() > best_len) {
        best = static_cast<int>(i);
        best_len = v.size();
      }
    }
  return best;
}

}  // namespace

void split_sections(Document& doc) {
  // Section wording is the same in every built-in profile; the first one holds it.
  const auto& profiles = builtin_profiles();
  if (profiles.empty()) return;
  const auto& defs = profiles.front().sections;
  std::vector<Section> out;
  out.push_back(Section{"preamble", {}, {}, {}});
  int current = -1;
  for (auto& b : doc.blocks) {
    if (auto* p = std::get_if<Paragraph>(&b)) {
      int s = section_of(defs, p->text);
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
