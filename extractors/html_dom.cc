#include "extractors/html_dom.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <map>
#include <vector>

namespace ogix::html {

namespace {

// Locale-free ASCII lowercase: the per-character std::tolower call showed up in profiles.
inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

// True when `style` contains "display", "mso-hide" or "visibility" in any ASCII case: the
// properties that can hide an element. Each of the three has one 's', at a fixed offset, so only
// the places of an 's' or 'S' are tried, and those are found eight bytes at a time: Word gives
// every cell and span a long style, and is_invisible_element asks this of each of them.
bool names_hiding_property(std::string_view style) {
  auto at = [&](std::size_t start, std::string_view needle) {
    if (start > style.size() || needle.size() > style.size() - start) return false;
    for (std::size_t k = 0; k < needle.size(); ++k)
      if (ascii_lower(style[start + k]) != needle[k]) return false;
    return true;
  };
  auto tried = [&](std::size_t j) {  // style[j] is 's' or 'S'
    // The letter after the s tells which of the three it can be (x | 0x20 is 'p', 'i' or 'o'
    // exactly for that letter in either case): one comparison for each s of Word's many mso-…
    // properties, not three.
    if (j + 1 >= style.size()) return false;
    const char next = static_cast<char>(style[j + 1] | 0x20);
    if (next == 'p') return j >= 2 && at(j - 2, "display");
    if (next == 'i') return j >= 2 && at(j - 2, "visibility");
    if (next == 'o') return j >= 1 && at(j - 1, "mso-hide");
    return false;
  };
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  std::size_t i = 0;
  for (; i + 8 <= style.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, style.data() + i, 8);
    // Bytes equal to 's' after OR-ing in the case bit become zero; a zero byte sets its high bit.
    const std::uint64_t x = (w | 0x20 * kOnes) ^ ('s' * kOnes);
    if (((x - kOnes) & ~x & kHigh) == 0) continue;
    for (std::size_t j = i; j < i + 8; ++j)
      if ((style[j] | 0x20) == 's' && tried(j)) return true;
  }
  for (; i < style.size(); ++i)
    if ((style[i] | 0x20) == 's' && tried(i)) return true;
  return false;
}

}  // namespace

std::string_view element_name(const xmlNode* n) {
  if (n == nullptr || n->type != XML_ELEMENT_NODE || n->name == nullptr) return {};
  return reinterpret_cast<const char*>(n->name);
}

bool is_element(const xmlNode* n, std::string_view name) { return element_name(n) == name; }

std::string attribute(const xmlNode* n, std::string_view name) {
  if (n == nullptr || n->type != XML_ELEMENT_NODE) return {};
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    std::string_view an = reinterpret_cast<const char*>(a->name);
    if (an.size() != name.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < an.size() && same; ++i) same = ascii_lower(an[i]) == name[i];
    if (!same) continue;
    std::string v;
    for (const xmlNode* c = a->children; c != nullptr; c = c->next)
      if (c->content != nullptr) v += reinterpret_cast<const char*>(c->content);
    return v;
  }
  return {};
}

namespace {

std::string lower_no_space(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c))) out += ascii_lower(c);
  return out;
}

// Splits class and id values into lowercase tokens at spaces, '_' and '-' ("article_content" →
// article, content) so that tokens, not substrings, are compared.
std::vector<std::string> class_tokens(const xmlNode* n) {
  std::vector<std::string> out;
  for (const char* a : {"class", "id"}) {
    std::string v = attribute(n, a);
    std::string cur;
    for (char c : v) {
      if (std::isspace(static_cast<unsigned char>(c)) || c == '_' || c == '-') {
        if (!cur.empty()) out.push_back(std::move(cur));
        cur.clear();
      } else {
        cur += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
  }
  return out;
}

bool name_in(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Element-name sets as sorted arrays: every element of a page is looked up on entry and exit.
constexpr std::array<std::string_view, 31> kInvisible = {
    "applet", "area",   "audio",  "base",     "button", "canvas", "embed",    "frame",  "frameset", "head",  "iframe",
    "input",  "link",   "map",    "math",     "meta",   "noscript", "object", "option", "param",    "script", "select",
    "source", "style",  "svg",    "template", "textarea", "title", "track",  "video",  "xml"};
static_assert(std::is_sorted(kInvisible.begin(), kInvisible.end()));

constexpr std::array<std::string_view, 38> kBlock = {
    "address", "article", "aside",  "blockquote", "body",   "caption", "center", "dd",      "details", "div",
    "dl",      "dt",      "fieldset", "figcaption", "figure", "footer", "form",  "header",  "hr",      "html",
    "legend",  "li",      "main",   "marquee",    "menu",   "nav",     "ol",     "p",       "pre",     "section",
    "summary", "table",   "tbody",  "td",         "tfoot",  "th",      "thead",  "tr"};
static_assert(std::is_sorted(kBlock.begin(), kBlock.end()));

}  // namespace

bool is_invisible_element(const xmlNode* n) {
  std::string_view name = element_name(n);
  if (name.empty()) return false;
  if (std::binary_search(kInvisible.begin(), kInvisible.end(), name)) return true;
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    std::string_view an = reinterpret_cast<const char*>(a->name);
    if (an == "hidden") return true;
    if (an != "style") continue;
    // The value as libxml2 keeps it (one text node) without a copy; attribute() joins the rare
    // values split over several nodes.
    std::string joined;
    std::string_view raw;
    if (a->children != nullptr && a->children->next == nullptr && a->children->content != nullptr)
      raw = reinterpret_cast<const char*>(a->children->content);
    else
      raw = joined = attribute(n, "style");
    // Most styles (Word's are long) name none of these properties: skip the normalizing copy.
    if (!names_hiding_property(raw)) continue;
    std::string style = lower_no_space(raw);
    if (style.find("display:none") != std::string::npos || style.find("mso-hide:all") != std::string::npos ||
        style.find("visibility:hidden") != std::string::npos)
      return true;
  }
  return false;
}

bool is_block_element(const xmlNode* n) {
  std::string_view name = element_name(n);
  if (name.empty()) return false;
  // libxml2 drops namespace prefixes, so Word's inline <o:p> arrives as a <p> nested in a <p> —
  // which real markup cannot produce (a <p> start tag closes the open <p>). Read it as inline.
  if (name == "p") {
    for (const xmlNode* a = n->parent; a != nullptr && a->type == XML_ELEMENT_NODE; a = a->parent) {
      std::string_view an = element_name(a);
      if (an == "p") return false;
      if (an == "td" || an == "th" || an == "div" || an == "li" || an == "body") break;
    }
  }
  if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') return true;
  return std::binary_search(kBlock.begin(), kBlock.end(), name);
}

bool is_chrome_element(const xmlNode* n) {
  std::string_view name = element_name(n);
  if (name.empty()) return false;
  if (name_in(name, {"nav", "aside", "header", "footer", "menu"})) return true;
  if (n->properties == nullptr) return false;
  for (const auto& t : class_tokens(n))
    if (name_in(t, {"nav", "navbar", "navigation", "menu", "footer", "foot", "breadcrumb", "breadcrumbs", "crumb",
                    "crumbs", "share", "bdsharebuttonbox", "toolbar", "pagination", "pager", "related", "xglj",
                    "sidebar", "copyright", "position", "location", "dqwz", "header", "topbar", "print", "fontsize",
                    "prevnext", "nextprev", "comment", "comments", "advert", "ads", "banner", "login", "search"}))
      return true;
  return false;
}

bool has_content_class(const xmlNode* n) {
  if (n == nullptr || n->properties == nullptr) return false;
  for (const auto& t : class_tokens(n))
    if (name_in(t, {"trs", "editor", "zoom", "article", "content", "con", "detail", "details", "text", "main",
                    "zw", "zwnr", "body", "view", "cont", "wzy", "pages", "entry", "post"}))
      return true;
  return false;
}

int element_depth(const xmlNode* root, int limit) {
  int depth = 0, max_depth = 0;
  bool over = false;
  walk(
      root,
      [&](const xmlNode* n) {
        if (n->type != XML_ELEMENT_NODE) return false;
        ++depth;
        max_depth = std::max(max_depth, depth);
        if (depth > limit) over = true;
        return !over;
      },
      [&](const xmlNode* n) {
        if (n->type == XML_ELEMENT_NODE) --depth;
      });
  return over ? limit + 1 : max_depth;
}

int NodePaths::position(const xmlNode* n) {
  if (auto it = position_.find(n); it != position_.end()) return it->second;
  const xmlNode* parent = n->parent;
  if (parent == nullptr || parent->type != XML_ELEMENT_NODE) return position_[n] = 1;
  // Index every element child of this parent at once: one pass per parent in total.
  std::map<std::string_view, int> counts;
  for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
    std::string_view name = element_name(c);
    if (!name.empty()) position_[c] = ++counts[name];
  }
  return position_.at(n);
}

std::string NodePaths::path(const xmlNode* n) {
  // Up to the nearest ancestor whose path is known: the cells of a table share all but their
  // last steps, and a page asks for thousands of them.
  std::vector<const xmlNode*>& chain = chain_;  // reused: no allocation per call
  chain.clear();
  const std::string* known = nullptr;
  std::size_t steps = 0;  // bytes the new steps take, to size `out` once
  for (const xmlNode* p = n; p != nullptr && p->type == XML_ELEMENT_NODE; p = p->parent) {
    if (auto it = path_.find(p); it != path_.end()) {
      known = &it->second;
      break;
    }
    chain.push_back(p);
    steps += element_name(p).size() + 14;  // '/' name '[' position ']'
  }
  std::string out;
  out.reserve((known ? known->size() : 0) + steps);
  if (known) out = *known;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    std::string_view name = element_name(*it);
    out += '/';
    out += name;
    // html, head and body occur once; every other step carries its 1-based position.
    if (name != "html" && name != "body" && name != "head") {
      char digits[16];
      auto r = std::to_chars(digits, digits + sizeof digits, position(*it));
      out += '[';
      out.append(digits, r.ptr);
      out += ']';
    }
    // Ancestors are kept for the next path below them; the asked-for element itself is most
    // often a leaf (a table cell) that no later path passes through.
    if (*it != n) path_.emplace(*it, out);
  }
  return out;
}

}  // namespace ogix::html
