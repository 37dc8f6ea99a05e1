#include "extractors/html_extractor.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <unordered_map>
#include <vector>

#include "text/encoding.h"
#include "extractors/html_dom.h"
#include "extractors/html_table.h"
#include "extractors/html_text.h"

namespace ogix {

namespace {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Attributes of one start tag at `p` (just after "<meta"), lowercased names, raw values.
std::map<std::string, std::string> tag_attributes(std::string_view s, std::size_t p) {
  std::map<std::string, std::string> attrs;
  while (p < s.size() && s[p] != '>') {
    while (p < s.size() && (std::isspace(static_cast<unsigned char>(s[p])) || s[p] == '/')) ++p;
    std::size_t b = p;
    while (p < s.size() && s[p] != '=' && s[p] != '>' && s[p] != '/' && !std::isspace(static_cast<unsigned char>(s[p]))) ++p;
    std::string name = ascii_lower(s.substr(b, p - b));
    while (p < s.size() && std::isspace(static_cast<unsigned char>(s[p]))) ++p;
    std::string value;
    if (p < s.size() && s[p] == '=') {
      ++p;
      while (p < s.size() && std::isspace(static_cast<unsigned char>(s[p]))) ++p;
      if (p < s.size() && (s[p] == '"' || s[p] == '\'')) {
        char q = s[p++];
        std::size_t e = s.find(q, p);
        if (e == std::string_view::npos) e = s.size();
        value = s.substr(p, e - p);
        p = e + 1;
      } else {
        std::size_t e = p;
        while (e < s.size() && s[e] != '>' && !std::isspace(static_cast<unsigned char>(s[e]))) ++e;
        value = s.substr(p, e - p);
        p = e;
      }
    }
    if (name.empty()) {
      if (p < s.size() && s[p] != '>') ++p;  // stray character: skip it
      continue;
    }
    attrs.emplace(std::move(name), std::move(value));
  }
  return attrs;
}

// The charset named in a Content-Type value ("text/html; charset=gb2312").
std::string charset_param(std::string_view content) {
  std::string l = ascii_lower(content);
  std::size_t p = l.find("charset");
  if (p == std::string::npos) return {};
  p += 7;
  while (p < l.size() && (l[p] == ' ' || l[p] == '=')) ++p;
  std::size_t e = p;
  while (e < l.size() && (std::isalnum(static_cast<unsigned char>(l[e])) || l[e] == '-' || l[e] == '_' || l[e] == ':' ||
                          l[e] == '.'))
    ++e;
  return std::string(content.substr(p, e - p));
}

}  // namespace

HtmlCharsetDeclaration find_html_charset(std::string_view bytes) {
  std::string_view s = bytes.substr(0, 64 * 1024);
  // <?xml version="1.0" encoding="gb2312"?> at the very start of an XHTML page.
  if (s.substr(0, 5) == "<?xml") {
    std::size_t e = s.find("?>");
    std::string decl = ascii_lower(s.substr(0, e == std::string_view::npos ? s.size() : e));
    std::size_t p = decl.find("encoding");
    if (p != std::string::npos) {
      p = decl.find_first_of("\"'", p);
      if (p != std::string::npos) {
        std::size_t q = decl.find(decl[p], p + 1);
        if (q != std::string::npos) return {std::string(s.substr(p + 1, q - p - 1)), "xml-declaration"};
      }
    }
  }
  for (std::size_t p = 0; p < s.size();) {
    std::size_t lt = s.find('<', p);
    if (lt == std::string_view::npos) break;
    if (s.substr(lt, 4) == "<!--") {
      std::size_t end = s.find("-->", lt + 4);
      if (end == std::string_view::npos) break;
      p = end + 3;
      continue;
    }
    // The first letter before the lowered copy: most tags are not <meta.
    if (lt + 5 < s.size() && (s[lt + 1] | 0x20) == 'm' && ascii_lower(s.substr(lt + 1, 4)) == "meta" &&
        (std::isspace(static_cast<unsigned char>(s[lt + 5])) || s[lt + 5] == '/')) {
      auto attrs = tag_attributes(s, lt + 5);
      if (auto it = attrs.find("charset"); it != attrs.end() && !it->second.empty()) return {it->second, "meta"};
      if (auto it = attrs.find("http-equiv"); it != attrs.end() && ascii_lower(it->second) == "content-type") {
        if (auto c = attrs.find("content"); c != attrs.end()) {
          std::string cs = charset_param(c->second);
          if (!cs.empty()) return {cs, "http-equiv"};
        }
      }
    }
    p = lt + 1;
  }
  return {};
}

namespace {

using namespace html;

// A hyperlink (navigation); <a name="…"> anchors around headings are not links.
bool is_link(const xmlNode* n) { return is_element(n, "a") && !attribute(n, "href").empty(); }

// One unit of the page in reading order: a line of text or a data table.
struct Item {
  bool is_table = false;
  std::string text;
  const xmlNode* node = nullptr;  // the block element owning the line, or the <table>
  std::size_t chars = 0, link_chars = 0;
  int heading = 0;  // report section heading 1..6, or 0
  Table grid;
  bool statistics = false;
};

// Walks a page body without recursion and lists its lines and data tables in reading order.
// Block elements and <br> end lines; layout tables are read as blocks; data tables become grids.
class FlowWalker {
 public:
  FlowWalker(NodePaths& paths, const ExtractContext& ctx, std::vector<Finding>& findings)
      : paths_(paths), ctx_(ctx), findings_(findings) {}

  std::vector<Item> run(const xmlNode* root) {
    root_ = root;
    owners_.assign(1, root);
    walk(
        root, [&](const xmlNode* n) { return enter(n); }, [&](const xmlNode* n) { leave(n); });
    flush();
    return std::move(items_);
  }

 private:
  bool enter(const xmlNode* n) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content != nullptr) {
        if (line_.empty()) owner_ = owners_.back();
        line_.add(reinterpret_cast<const char*>(n->content), links_ > 0);
      }
      return false;
    }
    if (n->type != XML_ELEMENT_NODE || (n != root_ && is_invisible_element(n)) || is_element(n, "br") ||
        is_element(n, "hr")) {
      if (is_element(n, "br") || is_element(n, "hr")) flush();
      skipped_ = n;
      return false;
    }
    if (n != root_ && is_element(n, "table")) {
      TableMarkup m = read_table_markup(n, paths_, ctx_.cues);
      if (!m.layout) {
        flush();
        emit_table(n, std::move(m));
        skipped_ = n;
        return false;
      }
    }
    if (is_link(n)) ++links_;
    if (n != root_ && is_block_element(n)) {
      flush();
      owners_.push_back(n);
    }
    return true;
  }

  void leave(const xmlNode* n) {
    if (n == skipped_) {
      skipped_ = nullptr;
      return;
    }
    if (n->type != XML_ELEMENT_NODE) return;
    if (is_link(n)) --links_;
    if (n != root_ && is_block_element(n)) {
      flush();
      owners_.pop_back();
    }
  }

  // Every line and cell carries a node path (up to max_depth steps long), so a hostile page of
  // millions of tiny cells must stop at a budget rather than exhaust memory.
  void spend(std::size_t units) {
    budget_used_ += units;
    if (budget_used_ > 4 * ctx_.limits.max_table_cells)
      throw Error(ErrorCode::limit_exceeded, ctx_.source,
                  "the page has more than " + std::to_string(4 * ctx_.limits.max_table_cells) +
                      " paragraphs and table cells (4 x max-table-cells)");
  }

  void flush() {
    if (line_.empty()) return;
    spend(1);
    Item it;
    it.chars = line_.chars();
    it.link_chars = line_.link_chars();
    it.text = line_.take();
    it.node = owner_;
    it.heading = report_heading(it.text, ctx_.cues);
    items_.push_back(std::move(it));
  }

  void emit_table(const xmlNode* table, TableMarkup m) {
    const std::string where = paths_.path(table);
    // A <caption> is the table's title line: it reads before the grid.
    for (const xmlNode* c = table->children; c != nullptr; c = c->next) {
      if (!is_element(c, "caption")) continue;
      LineBuilder lb;
      walk(
          c,
          [&](const xmlNode* n) {
            if (n->type == XML_TEXT_NODE && n->content != nullptr) lb.add(reinterpret_cast<const char*>(n->content));
            return n->type == XML_ELEMENT_NODE && !is_invisible_element(n);
          },
          [](const xmlNode*) {});
      if (!lb.empty()) {
        spend(1);
        Item cap;
        cap.chars = lb.chars();
        cap.text = lb.take();
        cap.node = c;
        items_.push_back(std::move(cap));
      }
    }
    Item it;
    it.is_table = true;
    it.node = table;
    it.grid = grid_from_html_rows(std::move(m.rows), ctx_.limits, &findings_, where, m.colgroup_cols);
    spend(it.grid.cells.size());
    it.grid.from.push_back(Span{0, 0, 0, 0, 0, where});
    it.statistics = is_statistics_table(it.grid, ctx_.cues);
    items_.push_back(std::move(it));
    ctx_.check_deadline();
  }

  NodePaths& paths_;
  const ExtractContext& ctx_;
  std::vector<Finding>& findings_;
  const xmlNode* root_ = nullptr;
  std::vector<const xmlNode*> owners_;
  const xmlNode* owner_ = nullptr;
  const xmlNode* skipped_ = nullptr;
  LineBuilder line_;
  int links_ = 0;
  std::size_t budget_used_ = 0;
  std::vector<Item> items_;
};

bool link_dominated(const Item& it) { return !it.is_table && it.link_chars * 2 > it.chars; }

bool is_anchor(const Item& it) {
  return (it.is_table && it.statistics) || (!it.is_table && it.heading > 0 && !link_dominated(it));
}

int depth_of(const xmlNode* n) {
  int d = 0;
  for (; n != nullptr; n = n->parent) ++d;
  return d;
}

const xmlNode* common_ancestor(const xmlNode* a, const xmlNode* b) {
  int da = depth_of(a), db = depth_of(b);
  for (; da > db; --da) a = a->parent;
  for (; db > da; --db) b = b->parent;
  while (a != b) {
    a = a->parent;
    b = b->parent;
  }
  return a;
}

// Chooses the element holding the report body. The report's own structure decides: the smallest
// element containing all its section headings and statistics tables. Only when the page shows too
// little of that structure does a text-density score (non-link text, minus link text, a bonus for
// CMS content containers) pick among the candidates.
const xmlNode* choose_container(const std::vector<Item>& items, const xmlNode* root) {
  std::vector<const Item*> anchors;
  std::set<int> headings;
  int tables = 0;
  for (const auto& it : items)
    if (is_anchor(it)) {
      anchors.push_back(&it);
      if (it.is_table) ++tables;
      else headings.insert(it.heading);
    }
  if (headings.size() >= 2 || (!headings.empty() && tables >= 1) || tables >= 2) {
    const xmlNode* c = anchors.front()->node;
    for (const Item* a : anchors) c = common_ancestor(c, a->node);
    return c != nullptr ? c : root;
  }
  // Weak evidence: score the candidates by text density. Each item counts for its own element,
  // then one post-order pass adds every element's totals to its parent: O(nodes) at any depth.
  std::unordered_map<const xmlNode*, std::pair<long, long>> stats;  // non-link, link characters
  for (const auto& it : items) {
    auto& st = stats[it.node];
    // A table counts as a few characters per cell: it is content, not navigation.
    st.first += static_cast<long>(it.is_table ? 5 * it.grid.cells.size() : it.chars - it.link_chars);
    st.second += static_cast<long>(it.is_table ? 0 : it.link_chars);
  }
  std::vector<const xmlNode*> order;  // elements holding text, children before parents
  walk(
      root, [](const xmlNode* n) { return n->type == XML_ELEMENT_NODE; },
      [&](const xmlNode* n) {
        auto it = stats.find(n);
        if (it == stats.end()) return;
        order.push_back(n);
        std::pair<long, long> own = it->second;  // copied: the insertion below may rehash
        if (n != root && n->parent != nullptr && n->parent->type == XML_ELEMENT_NODE) {
          auto& up = stats[n->parent];
          up.first += own.first;
          up.second += own.second;
        }
      });
  std::vector<const xmlNode*> candidates;
  if (!anchors.empty()) {
    for (const xmlNode* a = anchors.front()->node; a != nullptr && a->type == XML_ELEMENT_NODE; a = a->parent) {
      if (!(anchors.front()->is_table && a == anchors.front()->node)) candidates.push_back(a);
      if (a == root) break;
    }
  } else {
    candidates = order;
  }
  const xmlNode* best = root;
  double best_score = -1e300;
  for (const xmlNode* c : candidates) {
    auto it = stats.find(c);
    if (it == stats.end() || is_chrome_element(c)) continue;
    double score = static_cast<double>(it->second.first) - 2.0 * static_cast<double>(it->second.second);
    if (has_content_class(c)) score *= 1.25;
    if (score > best_score) {
      best_score = score;
      best = c;
    }
  }
  return best;
}

// Items inside `container`, minus chrome subtrees and navigation (link-only) lines. Each node's
// verdict is computed once and memoized, so the cost is O(nodes), not O(items × depth).
std::vector<Item*> select_items(std::vector<Item>& items, const xmlNode* container) {
  enum class Verdict : char { outside, inside, chrome };
  std::unordered_map<const xmlNode*, Verdict> memo{{container, Verdict::inside}};
  std::vector<const xmlNode*> chain;
  auto verdict = [&](const xmlNode* n) {
    chain.clear();
    Verdict v = Verdict::outside;
    for (const xmlNode* a = n; a != nullptr; a = a->parent) {
      if (auto f = memo.find(a); f != memo.end()) {
        v = f->second;
        break;
      }
      chain.push_back(a);
    }
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      if (v == Verdict::inside && is_chrome_element(*it)) v = Verdict::chrome;
      memo.emplace(*it, v);
    }
    return v;
  };
  std::vector<Item*> out;
  for (auto& it : items) {
    if (verdict(it.node) != Verdict::inside) continue;
    if (link_dominated(it)) continue;  // navigation, even when it names a report heading
    out.push_back(&it);
  }
  return out;
}

// Page-level metadata the markup states: <meta> name/property → content, <title>, canonical URL.
struct PageFacts {
  std::map<std::string, std::string> meta;  // lowercased name → first non-empty content
  std::string title, canonical, base;
};

PageFacts read_page_facts(const xmlNode* root) {
  PageFacts f;
  walk(
      root,
      [&](const xmlNode* n) {
        if (n->type != XML_ELEMENT_NODE) return false;
        std::string_view name = element_name(n);
        if (name == "meta") {
          std::string key = ascii_lower(attribute(n, "name"));
          if (key.empty()) key = ascii_lower(attribute(n, "property"));
          if (key.empty()) key = ascii_lower(attribute(n, "itemprop"));
          std::string content = attribute(n, "content");
          LineBuilder lb;
          lb.add(content);
          content = lb.take();
          if (!key.empty() && !content.empty()) f.meta.emplace(key, content);
          return false;
        }
        if (name == "title" && f.title.empty()) {
          LineBuilder lb;
          for (const xmlNode* c = n->children; c != nullptr; c = c->next)
            if (c->content != nullptr) lb.add(reinterpret_cast<const char*>(c->content));
          f.title = lb.take();
          return false;
        }
        if (name == "link" && ascii_lower(attribute(n, "rel")) == "canonical" && f.canonical.empty()) {
          f.canonical = attribute(n, "href");
          return false;
        }
        if (name == "base" && f.base.empty()) {
          f.base = attribute(n, "href");
          return false;
        }
        return name != "script" && name != "style";
      },
      [](const xmlNode*) {});
  return f;
}

std::string first_meta(const PageFacts& f, std::initializer_list<const char*> keys) {
  for (const char* k : keys)
    if (auto it = f.meta.find(k); it != f.meta.end() && !it->second.empty()) return it->second;
  return {};
}

// The text after "label：" (or ':') in `line` up to the next space, or empty.
std::string after_label(std::string_view line, std::string_view label) {
  std::size_t p = line.find(label);
  if (p == std::string_view::npos) return {};
  p += label.size();
  while (p < line.size() && line[p] == ' ') ++p;
  if (line.substr(p, 3) == "：") p += 3;
  else if (line.substr(p, 1) == ":") p += 1;
  else return {};
  while (p < line.size() && line[p] == ' ') ++p;
  std::size_t e = line.find(' ', p);
  return std::string(line.substr(p, e == std::string_view::npos ? std::string_view::npos : e - p));
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool looks_like_agency(std::string_view s) {
  if (s.size() < 6) return false;  // two Chinese characters at least
  for (std::string_view suf : {"政府", "办公厅", "办公室", "委员会", "管委会", "局", "厅", "委", "院", "办", "署", "中心",
                               "部", "会", "所", "站", "队", "馆", "处", "司", "室", "公司", "集团", "法院", "检察院"})
    if (ends_with(s, suf)) return true;
  return false;
}

// The agency a title names: the text before "2019年度…" or between the year and 政府信息公开.
std::string agency_from_title(std::string_view title) {
  std::string year = find_year(title);
  if (year.empty()) return {};
  std::size_t y = title.find(year);
  if (y == std::string_view::npos) return {};
  std::string before(title.substr(0, y));
  while (!before.empty() && before.back() == ' ') before.pop_back();
  if (!before.empty()) return before;
  std::size_t p = y + year.size();
  if (title.substr(p, 6) == "年度") p += 6;
  else if (title.substr(p, 3) == "年") p += 3;
  std::size_t e = title.find("政府信息公开", p);
  if (e == std::string_view::npos || e == p) return {};
  return std::string(title.substr(p, e - p));
}

void fill_metadata(Document& doc, const PageFacts& facts, const std::vector<Item>& all,
                   const std::vector<Item*>& kept) {
  Metadata& m = doc.meta;
  // Title: the CMS's article-title meta, else <title> without the site suffix, else the body's
  // own title line(s).
  m.title = first_meta(facts, {"articletitle", "og:title", "dc.title", "title"});
  if (m.title.empty() && facts.title.find("报告") != std::string::npos) {
    std::string t = facts.title;
    for (std::string_view sep : {"_", " - ", "|", "－", "——", " – "}) {
      std::size_t p = t.find(sep);
      if (p != std::string::npos && t.substr(0, p).find("报告") != std::string::npos) t = t.substr(0, p);
    }
    m.title = t;
  }
  if (m.title.empty()) {
    for (std::size_t i = 0; i < kept.size() && i < 8; ++i) {
      const Item* it = kept[i];
      if (it->is_table || it->heading > 0) break;
      if (it->text.find("报告") == std::string::npos || it->text.size() > 150) continue;
      m.title = it->text;
      // A title broken over two centred lines (平潭综合实验区2019年 / 政府信息公开工作年度报告).
      if (i > 0 && !kept[i - 1]->is_table && it->text.rfind("政府信息公开", 0) == 0 && kept[i - 1]->text.size() < 90)
        m.title = kept[i - 1]->text + it->text;
      break;
    }
  }
  m.year = find_year(m.title);
  if (m.year.empty())
    for (const Item* it : kept)
      if (!it->is_table && it->text.find("统计") != std::string::npos) {
        m.year = find_year(it->text);
        if (!m.year.empty()) break;
      }
  m.publish_date = find_date(first_meta(facts, {"pubdate", "publishdate", "article:published_time", "dc.date",
                                                 "dcterms.issued", "firstpublishedtime", "dc.date.issued"}));
  std::string source_line;
  for (const auto& it : all) {
    if (it.is_table || it.text.size() > 300) continue;
    if (m.publish_date.empty())
      for (std::string_view label : {"发布日期", "发布时间", "发文日期", "时间", "日期"}) {
        std::string v = after_label(it.text, label);
        std::size_t p = it.text.find(label);
        if (p != std::string::npos && !v.empty()) m.publish_date = find_date(it.text.substr(p));
        if (!m.publish_date.empty()) break;
      }
    if (source_line.empty()) source_line = after_label(it.text, "来源");
    if (source_line.empty()) source_line = after_label(it.text, "发布机构");
  }
  for (const char* k : {"url", "og:url"}) {
    std::string u = first_meta(facts, {k});
    if (u.rfind("http://", 0) == 0 || u.rfind("https://", 0) == 0) {
      m.source_url = u;
      break;
    }
  }
  for (const std::string& u : {facts.canonical, facts.base})
    if (m.source_url.empty() && (u.rfind("http://", 0) == 0 || u.rfind("https://", 0) == 0)) m.source_url = u;
  // Agency: the title's own wording when it names an agency; else a meta author/source that
  // extends the title's name (平潭综合实验区 → 平潭综合实验区管委会); else the title's name; else
  // what the page says it is from (来源：).
  std::string from_title = agency_from_title(m.title);
  if (looks_like_agency(from_title)) {
    m.agency = from_title;
  } else {
    for (const std::string& cand : {first_meta(facts, {"contentsource"}), first_meta(facts, {"author"})})
      if (looks_like_agency(cand) && (from_title.empty() || cand.find(from_title) != std::string::npos)) {
        m.agency = cand;
        break;
      }
    if (m.agency.empty()) m.agency = from_title;
    if (m.agency.empty() && looks_like_agency(source_line)) m.agency = source_line;
  }
}

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct CtxtFree {
  void operator()(htmlParserCtxt* c) const { htmlFreeParserCtxt(c); }
};

}  // namespace

Document HtmlExtractor::extract(std::string_view bytes, const ExtractContext& ctx) const {
  if (bytes.size() > ctx.limits.max_input_bytes)
    throw Error(ErrorCode::limit_exceeded, ctx.source,
                "input is " + std::to_string(bytes.size()) + " bytes, over the max-input-bytes limit");
  Document doc;
  doc.meta.extractor = "html";
  doc.meta.media_type = "text/html";

  // Encoding: BOM, then the page's declaration, then UTF-8 validity, then ICU detection. libxml2
  // gets UTF-8 with the encoding forced, so a gb2312 declaration cannot make it truncate a page
  // at its first GBK-only character.
  HtmlCharsetDeclaration declared = find_html_charset(bytes);
  DecodedText text;
  try {
    text = decode_to_utf8(bytes, declared.label);
  } catch (const Error& e) {
    throw Error(ErrorCode::encoding, ctx.source, e.what());
  }
  doc.meta.encoding = text.encoding;
  doc.meta.encoding_basis = text.basis == "declared" ? declared.basis : text.basis;
  if (!declared.label.empty() && text.basis != "declared" && text.basis != "bom")
    doc.add_finding("html.encoding_mismatch", Severity::warning,
                    "the page declares charset '" + declared.label + "' but its bytes are not that encoding; read as " +
                        text.encoding + " (" + text.basis + ")");
  else if (declared.label.empty() && (text.basis == "detected" || text.basis == "default"))
    doc.add_finding("html.encoding_fallback", Severity::info,
                    "the page declares no charset; read as " + text.encoding + " (" + text.basis + ")");
  if (text.lossy)
    doc.add_finding("html.encoding_lossy", Severity::warning,
                    "bytes undecodable as " + text.encoding + " were replaced by U+FFFD");
  ctx.check_deadline();

  if (text.utf8.size() > static_cast<std::size_t>(INT_MAX))
    throw Error(ErrorCode::limit_exceeded, ctx.source, "decoded page too large for the HTML parser");
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  std::unique_ptr<htmlParserCtxt, CtxtFree> pctx(htmlNewParserCtxt());
  if (!pctx) throw Error(ErrorCode::internal, ctx.source, "cannot create an HTML parser context");
  int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
                HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT;
  // libxml2 stops parsing at 256 levels unless told otherwise; a higher --max-depth lifts that and
  // our own (iterative) depth check below enforces the limit instead.
  if (ctx.limits.max_depth > 256) options |= XML_PARSE_HUGE;
  std::unique_ptr<xmlDoc, DocFree> tree(htmlCtxtReadMemory(pctx.get(), text.utf8.data(), static_cast<int>(text.utf8.size()),
                                                           nullptr, "UTF-8", options));
  if (pctx->disableSAX != 0 && pctx->lastError.message != nullptr &&
      std::string_view(pctx->lastError.message).find("depth") != std::string_view::npos)
    throw Error(ErrorCode::limit_exceeded, ctx.source,
                "HTML elements nested deeper than " + std::to_string(std::min(ctx.limits.max_depth, 256)) +
                    " levels (max-depth)");
  if (pctx->disableSAX != 0)
    doc.add_finding("html.parse_stopped", Severity::warning,
                    "the HTML parser stopped early: " +
                        std::string(pctx->lastError.message != nullptr ? pctx->lastError.message : "unknown error"));
  const xmlNode* root = tree ? xmlDocGetRootElement(tree.get()) : nullptr;
  if (root == nullptr) throw Error(ErrorCode::not_a_report, ctx.source, "the page has no HTML content");
  if (element_depth(root, ctx.limits.max_depth) > ctx.limits.max_depth)
    throw Error(ErrorCode::limit_exceeded, ctx.source,
                "HTML elements nested deeper than " + std::to_string(ctx.limits.max_depth) + " levels (max-depth)");
  ctx.check_deadline();

  const xmlNode* body = root;
  for (const xmlNode* c = root->children; c != nullptr; c = c->next)
    if (is_element(c, "body")) body = c;

  NodePaths paths;
  std::vector<Item> items;
  try {
    FlowWalker walker(paths, ctx, doc.findings);
    items = walker.run(body);
  } catch (const Error& e) {
    if (!e.source().empty()) throw;
    throw Error(e.code(), ctx.source, e.what());
  }
  ctx.check_deadline();

  bool any_statistics = false, any_heading = false;
  for (const auto& it : items) {
    any_statistics = any_statistics || (it.is_table && it.statistics);
    any_heading = any_heading || (!it.is_table && it.heading > 0 && !link_dominated(it));
  }
  if (!any_statistics && !any_heading)
    throw Error(ErrorCode::not_a_report, ctx.source,
                "the page has no statistics table and no report section heading (一、总体情况 … "
                "六、其他需要报告的事项): not a 政府信息公开工作年度报告");

  const xmlNode* container = choose_container(items, body);
  std::vector<Item*> kept = select_items(items, container);
  if (container != body)
    doc.add_finding("html.content_selected", Severity::info,
                    "report body found in " + paths.path(container) + "; the rest of the page is site chrome",
                    paths.path(container));
  fill_metadata(doc, read_page_facts(root), items, kept);

  // Blocks in reading order; a table continuing the one right above it is joined to it.
  int table_no = 0;
  bool last_was_table = false;
  for (Item* it : kept) {
    if (it->is_table) {
      if (last_was_table) {
        Table& prev = std::get<Table>(doc.blocks.back());
        if (join_continuation(prev, it->grid)) {
          doc.add_finding("html.tables_joined", Severity::info,
                          "table " + it->grid.from.front().path + " continues " + prev.id + " and was joined to it",
                          it->grid.from.front().path);
          continue;
        }
      }
      it->grid.id = "t" + std::to_string(++table_no);
      doc.blocks.emplace_back(std::move(it->grid));
      last_was_table = true;
    } else {
      Paragraph p;
      p.text = std::move(it->text);
      p.from.push_back(Span{0, 0, 0, 0, 0, paths.path(it->node)});
      doc.blocks.emplace_back(std::move(p));
      last_was_table = false;
    }
  }
  return doc;
}

}  // namespace ogix
