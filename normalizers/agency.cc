#include "normalizers/agency.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <array>
#include <memory>

#include "normalizers/metadata.h"
#include "normalizers/unicode.h"

namespace ogix {

namespace {

// Traditional characters read as simplified (ICU's Traditional-Simplified transform). A
// transliterator is not safe to share between threads, so each thread builds its own once.
std::string to_simplified(const std::string& s) {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> p(
        icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, err));
    return U_SUCCESS(err) ? std::move(p) : nullptr;
  }();
  if (!t) return s;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  t->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

bool starts_with(std::string_view s, std::string_view head) { return s.substr(0, head.size()) == head; }

// A name folded for comparison: widths, spaces, traditional characters, 人民政府 → 政府,
// 管理委员会 → 管委会, a leading field label removed.
std::string fold(std::string_view name) {
  std::string s = to_simplified(strip_spaces(normalize_text(without_field_label(normalize_text(name)))));
  replace_all(s, "人民政府", "政府");
  replace_all(s, "管理委员会", "管委会");
  return s;
}

// Characters that end a place name (省 市 县 区 …), as UTF-8.
constexpr std::array<std::string_view, 9> kPlaceEnds = {"省", "市", "县", "区", "旗", "州", "盟", "镇", "乡"};

// Words of department names in which a place character does not end a place: 市场监督管理局,
// 城乡建设局, 园区管委会 … (the character at `offset` within the word is the place character).
struct FalseEnd {
  std::string_view word;
  std::size_t offset;  // bytes before the place character inside `word`
};
constexpr std::array<FalseEnd, 14> kFalseEnds = {{{"市场", 0},
                                                  {"市容", 0},
                                                  {"市政工程", 0},
                                                  {"城市", 3},
                                                  {"城乡", 3},
                                                  {"乡村", 0},
                                                  {"城镇", 3},
                                                  {"社区", 3},
                                                  {"园区", 3},
                                                  {"景区", 3},
                                                  {"区域", 0},
                                                  {"县域", 0},
                                                  {"州际", 0},
                                                  {"市民", 0}}};

bool false_end(const std::string& s, std::size_t at) {
  for (const auto& f : kFalseEnds)
    if (at >= f.offset && s.compare(at - f.offset, f.word.size(), f.word) == 0) return true;
  return false;
}

// Byte length of the place prefix of a folded name (up to and including its last place
// character), or 0 when the name starts with no place.
std::size_t place_prefix(const std::string& s) {
  std::size_t end = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0xF0) len = 4;
    else if (c >= 0xE0) len = 3;
    else if (c >= 0xC0) len = 2;
    std::string_view ch(s.data() + i, std::min(len, s.size() - i));
    bool place = false;
    for (auto p : kPlaceEnds) place = place || ch == p;
    // A place needs a name before its suffix (区 alone is no place), and the body after it must
    // not continue a department word (市场, 城乡 …).
    if (place && i > 0 && !false_end(s, i)) end = i + ch.size();
    i += len;
    // The last place character wins (淮安市洪泽区), but not one inside the government's own
    // offices (某县政府办公室 stops at 县).
    std::string_view rest(s.data() + i, s.size() - i);
    if (end == i && (starts_with(rest, "政府") || starts_with(rest, "管委会") || starts_with(rest, "街道"))) break;
  }
  return end;
}

// The level a place prefix states by its last suffix.
std::string place_level(std::string_view place) {
  for (std::string_view zone : {"实验区", "新区", "开发区", "高新区", "经济区", "示范区", "园区", "保税区", "合作区"})
    if (ends_with(place, zone)) return {};  // zones are set up at every level: the name does not say
  for (std::string_view m : {"北京市", "天津市", "上海市", "重庆市"})
    if (place == m) return "province";
  if (ends_with(place, "省") || ends_with(place, "自治区")) return "province";
  if (ends_with(place, "市") || ends_with(place, "州") || ends_with(place, "盟") || ends_with(place, "地区")) return "city";
  if (ends_with(place, "县") || ends_with(place, "区") || ends_with(place, "旗")) return "county";
  if (ends_with(place, "镇") || ends_with(place, "乡")) return "township";
  return {};
}

// The body a title names: the words before its year or before 政府信息公开, after a leading year,
// after the last 关于 (某县政府办公室关于某县人民政府2019年… is the government's report).
std::string title_body(std::string_view title) {
  std::string t = strip_spaces(normalize_text(without_field_label(normalize_text(title))));
  std::size_t about = t.rfind("关于");
  if (about != std::string::npos) t = t.substr(about + std::string_view("关于").size());
  std::size_t at = std::string::npos;
  if (!year_in(t, &at).empty() && at == 0) {
    // A leading year (2019年上海市…): drop its four digits and 年/年度.
    std::u32string u = utf8_to_u32(t);
    std::size_t k = 4;
    if (u.size() > k && u[k] == U'年') ++k;
    if (u.size() > k && u[k] == U'度') ++k;
    t = u32_to_utf8(std::u32string_view(u).substr(k));
  }
  std::size_t cut = t.size();
  if (!year_in(t, &at).empty()) cut = at;
  for (std::string_view w : {"政府信息公开", "信息公开", "年度报告"}) cut = std::min(cut, t.find(w));
  return t.substr(0, cut);
}

}  // namespace

std::string agency_key(std::string_view name) {
  std::string s = fold(name);
  for (std::string_view gov : {"政府", "管委会"})
    if (ends_with(s, gov) && s.size() > gov.size() && place_prefix(s) == s.size() - gov.size()) {
      s.resize(s.size() - gov.size());
      break;
    }
  return s;
}

std::string agency_level(std::string_view name) {
  std::string s = fold(name);
  for (std::string_view national : {"国务院", "中华人民共和国", "国家"})
    if (starts_with(s, national)) return "ministry";
  if (ends_with(s, "街道办事处") || ends_with(s, "街道")) return "township";
  std::size_t place = place_prefix(s);
  if (place == 0) return ends_with(s, "部") || ends_with(s, "署") || ends_with(s, "总局") ? "ministry" : std::string();
  std::string level = place_level(std::string_view(s).substr(0, place));
  std::string_view body = std::string_view(s).substr(place);
  bool government = body.empty() || body == "政府" || body == "管委会";
  if (government) return level;
  return level.empty() ? std::string("department") : "department:" + level;
}

void identify_agency(Document& doc) {
  Metadata& m = doc.meta;
  std::string named = title_body(m.title);
  std::string stated = std::string(without_field_label(m.agency));
  m.agency = stated.empty() ? named : stated;  // as published: the page's own statement first
  std::string body = named.empty() ? strip_spaces(stated) : named;
  if (body.empty()) return;
  m.agency_key = agency_key(body);
  m.agency_level = agency_level(body);
  if (!stated.empty() && !named.empty() && agency_key(stated) != m.agency_key)
    doc.add_finding("agency.ambiguous", Severity::info,
                    "the title names " + named + ", the page names " + stated + "; reports are paired by the title's (" +
                        m.agency_key + ")",
                    "metadata/agency");
}

}  // namespace ogix
