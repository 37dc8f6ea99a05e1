#include "extractors/docx_extractor.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <array>
#include <climits>
#include <map>
#include <mutex>
#include <tuple>

#include "extractors/html_table.h"
#include "extractors/html_text.h"
#include "extractors/zip_reader.h"
#include "model/table_grid.h"
#include "text/unicode.h"

namespace ogix {

namespace {

// WordprocessingML in its transitional and strict namespaces.
bool is_w_ns(const xmlNode* n) {
  if (n->ns == nullptr || n->ns->href == nullptr) return false;
  std::string_view href = reinterpret_cast<const char*>(n->ns->href);
  return href == "http://schemas.openxmlformats.org/wordprocessingml/2006/main" ||
         href == "http://purl.oclc.org/ooxml/wordprocessingml/main";
}

bool is_w(const xmlNode* n, std::string_view local) {
  return n != nullptr && n->type == XML_ELEMENT_NODE && is_w_ns(n) && local == reinterpret_cast<const char*>(n->name);
}

bool is_local(const xmlNode* n, std::string_view local) {
  return n != nullptr && n->type == XML_ELEMENT_NODE && local == reinterpret_cast<const char*>(n->name);
}

const xmlNode* w_child(const xmlNode* n, std::string_view local) {
  if (n == nullptr) return nullptr;
  for (const xmlNode* c = n->children; c != nullptr; c = c->next)
    if (is_w(c, local)) return c;
  return nullptr;
}

// The w:val (or another w: attribute) of an element, or empty.
std::string w_attr(const xmlNode* n, std::string_view local = "val") {
  if (n == nullptr) return {};
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (local != reinterpret_cast<const char*>(a->name)) continue;
    if (a->children != nullptr && a->children->content != nullptr) return reinterpret_cast<const char*>(a->children->content);
    return {};
  }
  return {};
}

int int_attr(const xmlNode* n, int fallback, int lo, int hi) {
  std::string v = w_attr(n);
  if (v.empty() || v.size() > 9) return fallback;
  int x = 0;
  for (char c : v) {
    if (c < '0' || c > '9') return fallback;
    x = x * 10 + (c - '0');
  }
  return std::clamp(x, lo, hi);
}

// An on/off property (<w:vanish/>, <w:tblHeader w:val="false"/>): present and not switched off.
bool on(const xmlNode* n) {
  if (n == nullptr) return false;
  std::string v = w_attr(n);
  return v != "0" && v != "false" && v != "off";
}

// 1–99 in Chinese counting numerals with `digits` (0–9) and `ten` (十 or 拾): 十一, 二十, 二十一.
std::string tens_numeral(int n, const char* const (&digits)[10], const char* ten) {
  if (n <= 0 || n >= 100) return std::to_string(n);
  if (n < 10) return digits[n];
  std::string s = n / 10 == 1 ? "" : digits[n / 10];
  s += ten;
  if (n % 10) s += digits[n % 10];
  return s;
}

std::string roman(int n, bool upper) {
  if (n <= 0 || n >= 4000) return std::to_string(n);
  static const std::pair<int, const char*> parts[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                                                      {90, "xc"},  {50, "l"},   {40, "xl"},  {10, "x"},   {9, "ix"},
                                                      {5, "v"},    {4, "iv"},   {1, "i"}};
  std::string s;
  for (auto [v, t] : parts)
    for (; n >= v; n -= v) s += t;
  if (upper)
    for (char& c : s) c = static_cast<char>(c - 'a' + 'A');
  return s;
}

// A list number as Word shows it for a w:numFmt.
std::string format_number(int n, const std::string& fmt) {
  static const char* const common[10] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  static const char* const legal[10] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
  if (fmt == "chineseCounting" || fmt == "chineseCountingThousand" || fmt == "japaneseCounting" ||
      fmt == "taiwaneseCounting" || fmt == "taiwaneseCountingThousand")
    return tens_numeral(n, common, "十");
  if (fmt == "chineseLegalSimplified" || fmt == "ideographLegalTraditional") return tens_numeral(n, legal, "拾");
  if (fmt == "ideographDigital" || fmt == "taiwaneseDigital" || fmt == "japaneseDigitalTenThousand") {
    std::string s;
    for (char c : std::to_string(n)) s += c == '-' ? "-" : common[c - '0'];
    return s;
  }
  if (fmt == "ideographTraditional") {
    static const char* d[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
    return n >= 1 && n <= 10 ? d[n - 1] : std::to_string(n);
  }
  if (fmt == "decimalEnclosedCircle" || fmt == "decimalEnclosedCircleChinese") {
    if (n >= 1 && n <= 20) {
      std::string s;
      append_utf8(s, U'①' + static_cast<char32_t>(n - 1));
      return s;
    }
    return std::to_string(n);
  }
  if (fmt == "decimalFullWidth" || fmt == "decimalFullWidth2") {
    std::string s;
    for (char c : std::to_string(n)) {
      s += "\xEF\xBC";
      s += static_cast<char>(0x90 + (c - '0'));
    }
    return s;
  }
  if (fmt == "decimalZero") return (n >= 0 && n < 10 ? "0" : "") + std::to_string(n);
  if (fmt == "lowerLetter" || fmt == "upperLetter") {
    if (n <= 0) return std::to_string(n);
    char c = static_cast<char>((fmt == "lowerLetter" ? 'a' : 'A') + (n - 1) % 26);
    return std::string(static_cast<std::size_t>((n - 1) / 26 + 1), c);
  }
  if (fmt == "lowerRoman" || fmt == "upperRoman") return roman(n, fmt == "upperRoman");
  return std::to_string(n);  // decimal and anything we do not know
}

constexpr int kLevels = 9;

struct NumLevel {
  int start = 1;
  std::string fmt = "decimal";
  std::string text;
  bool has_text = false;
};

// word/numbering.xml and the numbering of paragraph styles: renders automatic list markers.
class Numbering {
 public:
  void read_numbering(const xmlNode* root) {
    for (const xmlNode* c = root ? root->children : nullptr; c != nullptr; c = c->next) {
      if (is_w(c, "abstractNum")) {
        int id = int_id(c, "abstractNumId");
        auto& levels = abstract_[id];
        for (const xmlNode* l = c->children; l != nullptr; l = l->next) {
          if (!is_w(l, "lvl")) continue;
          int ilvl = int_id(l, "ilvl");
          if (ilvl < 0 || ilvl >= kLevels) continue;
          NumLevel& lv = levels.at(static_cast<std::size_t>(ilvl));
          lv.start = int_attr(w_child(l, "start"), 1, 0, 1000000);
          if (const xmlNode* f = w_child(l, "numFmt")) lv.fmt = w_attr(f);
          if (const xmlNode* t = w_child(l, "lvlText")) {
            lv.text = w_attr(t);
            lv.has_text = true;
          }
        }
      } else if (is_w(c, "num")) {
        int id = int_id(c, "numId");
        nums_[id].abstract = int_attr(w_child(c, "abstractNumId"), -1, 0, INT_MAX);
        for (const xmlNode* o = c->children; o != nullptr; o = o->next) {
          if (!is_w(o, "lvlOverride")) continue;
          int ilvl = int_id(o, "ilvl");
          if (const xmlNode* s = w_child(o, "startOverride"); s && ilvl >= 0 && ilvl < kLevels)
            nums_[id].start_override[ilvl] = int_attr(s, 1, 0, 1000000);
        }
      }
    }
  }

  void read_styles(const xmlNode* root) {
    std::map<std::string, std::string> based_on;
    for (const xmlNode* c = root ? root->children : nullptr; c != nullptr; c = c->next) {
      if (!is_w(c, "style")) continue;
      std::string id = w_attr(c, "styleId");
      if (const xmlNode* b = w_child(c, "basedOn")) based_on[id] = w_attr(b);
      const xmlNode* num = w_child(w_child(c, "pPr"), "numPr");
      if (num != nullptr)
        style_num_[id] = {int_attr(w_child(num, "numId"), -1, 0, INT_MAX), int_attr(w_child(num, "ilvl"), 0, 0, kLevels - 1)};
    }
    // Inherit along basedOn chains (bounded: a cycle in a hostile file must not loop).
    for (const auto& [id, parent] : based_on) {
      if (style_num_.count(id)) continue;
      std::string p = parent;
      for (int hop = 0; hop < 16 && !p.empty(); ++hop) {
        auto it = style_num_.find(p);
        if (it != style_num_.end()) {
          style_num_[id] = it->second;
          break;
        }
        auto b = based_on.find(p);
        p = b == based_on.end() ? std::string() : b->second;
      }
    }
  }

  // The marker of a paragraph with these properties (empty when it is not numbered); advances the
  // list's counters, as Word does when it lays out the paragraph.
  std::string marker(const xmlNode* ppr) {
    int num_id = -1, ilvl = 0;
    if (const xmlNode* style = w_child(ppr, "pStyle")) {
      auto it = style_num_.find(w_attr(style));
      if (it != style_num_.end()) std::tie(num_id, ilvl) = it->second;
    }
    if (const xmlNode* np = w_child(ppr, "numPr")) {
      if (const xmlNode* id = w_child(np, "numId")) num_id = int_attr(id, -1, 0, INT_MAX);
      if (const xmlNode* l = w_child(np, "ilvl")) ilvl = int_attr(l, 0, 0, kLevels - 1);
    }
    if (num_id <= 0) return {};  // numId 0 switches numbering off
    auto n = nums_.find(num_id);
    if (n == nums_.end()) return {};
    auto a = abstract_.find(n->second.abstract);
    if (a == abstract_.end()) return {};
    const auto& levels = a->second;
    auto start = [&](int l) {
      auto o = n->second.start_override.find(l);
      return o != n->second.start_override.end() ? o->second : levels.at(static_cast<std::size_t>(l)).start;
    };
    auto& count = counters_[num_id];
    int& mine = count.at(static_cast<std::size_t>(ilvl));
    mine = mine == 0 ? start(ilvl) : mine + 1;
    for (int k = ilvl + 1; k < kLevels; ++k) count.at(static_cast<std::size_t>(k)) = 0;
    const NumLevel& lv = levels.at(static_cast<std::size_t>(ilvl));
    if (lv.fmt == "bullet" || lv.fmt == "none" || !lv.has_text) return {};
    std::string out;
    for (std::size_t i = 0; i < lv.text.size(); ++i) {
      char c = lv.text[i];
      if (c == '%' && i + 1 < lv.text.size() && lv.text[i + 1] >= '1' && lv.text[i + 1] <= '9') {
        int l = lv.text[i + 1] - '1';
        int v = count.at(static_cast<std::size_t>(l));
        if (v == 0) v = start(l);
        out += format_number(v, levels.at(static_cast<std::size_t>(l)).fmt);
        ++i;
      } else {
        out += c;
      }
    }
    return out;
  }

 private:
  static int int_id(const xmlNode* n, std::string_view attr) {
    std::string v = w_attr(n, attr);
    if (v.empty() || v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos) return -1;
    return std::stoi(v);
  }

  struct Num {
    int abstract = -1;
    std::map<int, int> start_override;
  };
  std::map<int, std::array<NumLevel, kLevels>> abstract_;
  std::map<int, Num> nums_;
  std::map<std::string, std::pair<int, int>> style_num_;
  std::map<int, std::array<int, kLevels>> counters_;
};

// The text of a paragraph, split where Word breaks the line.
struct Lines {
  std::vector<std::string> done;
  std::string cur;
  void add(std::string_view s) { cur += s; }
  void brk() {
    if (!cur.empty()) done.push_back(std::move(cur));
    cur.clear();
  }
};

struct XmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

class BodyReader {
 public:
  BodyReader(const ExtractContext& ctx, Numbering& numbering, Document& doc) : ctx_(ctx), num_(numbering), doc_(doc) {}

  void blocks(const xmlNode* parent, const std::string& path) {
    std::map<std::string, int> seen;
    for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      std::string name = reinterpret_cast<const char*>(c->name);
      std::string here = path + "/w:" + name + "[" + std::to_string(++seen[name]) + "]";
      if (is_w(c, "p")) {
        paragraph(c, here);
      } else if (is_w(c, "tbl")) {
        table(c, here);
      } else if (is_w(c, "sdt")) {
        if (const xmlNode* content = w_child(c, "sdtContent")) blocks(content, here + "/w:sdtContent");
      } else if (is_w(c, "customXml") || is_w(c, "ins") || is_w(c, "moveTo")) {
        blocks(c, here);
      } else if (is_local(c, "AlternateContent")) {
        alternate(c, [&](const xmlNode* choice) { blocks(choice, here); });
      }
    }
  }

 private:
  // mc:AlternateContent holds the same content several times: read the first choice only.
  template <typename F>
  static void alternate(const xmlNode* ac, F&& f) {
    for (const xmlNode* c = ac->children; c != nullptr; c = c->next)
      if (c->type == XML_ELEMENT_NODE) {
        f(c);
        return;
      }
  }

  void runs(const xmlNode* n, Lines& out) {
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      if (is_w(c, "t")) {
        for (const xmlNode* t = c->children; t != nullptr; t = t->next)
          if ((t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) && t->content != nullptr)
            out.add(reinterpret_cast<const char*>(t->content));
      } else if (is_w(c, "tab") || is_w(c, "ptab")) {
        out.add(" ");
      } else if (is_w(c, "br") || is_w(c, "cr")) {
        out.brk();
      } else if (is_w(c, "noBreakHyphen")) {
        out.add("-");
      } else if (is_w(c, "pPr") || is_w(c, "rPr") || is_w(c, "del") || is_w(c, "moveFrom") || is_w(c, "delText") ||
                 is_w(c, "instrText") || is_w(c, "fldData") || is_w(c, "footnoteReference") ||
                 is_w(c, "endnoteReference") || is_w(c, "commentReference")) {
        continue;  // properties, deleted text, field codes: not what the page shows
      } else if (is_w(c, "r")) {
        if (!on(w_child(w_child(c, "rPr"), "vanish"))) runs(c, out);  // hidden text is not shown
      } else if (is_w(c, "p")) {
        out.brk();  // a paragraph inside a text box
        runs(c, out);
        out.brk();
      } else if (is_local(c, "AlternateContent")) {
        alternate(c, [&](const xmlNode* choice) { runs(choice, out); });
      } else {
        runs(c, out);  // hyperlink, ins, smartTag, sdt, fldSimple, drawing/txbxContent, …
      }
    }
  }

  std::vector<std::string> paragraph_lines(const xmlNode* p) {
    Lines l;
    l.add(num_.marker(w_child(p, "pPr")));
    runs(p, l);
    l.brk();
    return std::move(l.done);
  }

  void paragraph(const xmlNode* p, const std::string& path) {
    for (auto& line : paragraph_lines(p)) {
      if (line.find_first_not_of(" \t\r\n") == std::string::npos) continue;
      doc_.blocks.emplace_back(Paragraph{std::move(line), 0, {Span{0, 0, 0, 0, 0, path}}});
    }
  }

  // Every line of text in a cell, nested tables included (their rows read as lines).
  void cell_lines(const xmlNode* n, std::vector<std::string>& out) {
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      if (is_w(c, "p")) {
        for (auto& l : paragraph_lines(c)) out.push_back(std::move(l));
      } else if (is_w(c, "tcPr")) {
        continue;
      } else if (is_local(c, "AlternateContent")) {
        alternate(c, [&](const xmlNode* choice) { cell_lines(choice, out); });
      } else {
        cell_lines(c, out);  // w:tbl, w:tr, w:tc, w:sdt, w:customXml
      }
    }
  }

  // Rows (or cells) possibly wrapped in w:sdt/w:customXml content controls.
  static void children_named(const xmlNode* n, std::string_view local, std::vector<const xmlNode*>& out) {
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (is_w(c, local)) {
        out.push_back(c);
      } else if (is_w(c, "sdt")) {
        if (const xmlNode* content = w_child(c, "sdtContent")) children_named(content, local, out);
      } else if (is_w(c, "customXml")) {
        children_named(c, local, out);
      }
    }
  }

  void table(const xmlNode* tbl, const std::string& path) {
    ctx_.check_deadline();
    std::vector<std::vector<SourceCell>> rows;
    std::map<int, std::pair<std::size_t, std::size_t>> open;  // grid column → vMerge owner (row, cell)
    std::vector<const xmlNode*> trs;
    children_named(tbl, "tr", trs);
    int max_span = std::max(1, ctx_.limits.max_span);
    for (std::size_t r = 0; r < trs.size(); ++r) {
      const xmlNode* tr = trs[r];
      std::string tr_path = path + "/w:tr[" + std::to_string(r + 1) + "]";
      const xmlNode* trpr = w_child(tr, "trPr");
      bool header = on(w_child(trpr, "tblHeader"));
      rows.emplace_back();
      auto& row = rows.back();
      int col = 0;
      if (int before = int_attr(w_child(trpr, "gridBefore"), 0, 0, max_span); before > 0) {
        SourceCell pad;
        pad.col_span = before;
        row.push_back(std::move(pad));
        col += before;
      }
      std::vector<const xmlNode*> tcs;
      children_named(tr, "tc", tcs);
      for (std::size_t k = 0; k < tcs.size(); ++k) {
        const xmlNode* tc = tcs[k];
        const xmlNode* tcpr = w_child(tc, "tcPr");
        int span = int_attr(w_child(tcpr, "gridSpan"), 1, 1, max_span);
        const xmlNode* vmerge = w_child(tcpr, "vMerge");
        std::string vm = vmerge ? w_attr(vmerge) : std::string();
        if (vmerge != nullptr && vm != "restart") {
          // Continues the cell above in this grid column: that cell grows, this one is not a cell.
          auto it = open.find(col);
          if (it != open.end()) {
            SourceCell& owner = rows.at(it->second.first).at(it->second.second);
            owner.row_span = static_cast<int>(r - it->second.first + 1);
            col += span;
            continue;
          }
        }
        const xmlNode* hmerge = w_child(tcpr, "hMerge");
        if (hmerge != nullptr && w_attr(hmerge) != "restart" && !row.empty()) {
          row.back().col_span += span;  // legacy horizontal merge: widens the cell on the left
          col += span;
          continue;
        }
        for (int c = col; c < col + span; ++c) open.erase(c);
        SourceCell cell;
        std::vector<std::string> lines;
        cell_lines(tc, lines);
        cell.text = html::join_cell_lines(lines);
        cell.col_span = span;
        cell.header = header;
        cell.from.push_back(Span{0, 0, 0, 0, 0, tr_path + "/w:tc[" + std::to_string(k + 1) + "]"});
        if (vm == "restart") open[col] = {r, row.size()};
        row.push_back(std::move(cell));
        col += span;
      }
      // A column this row does not continue ends its merge.
      for (auto it = open.begin(); it != open.end();) {
        bool continued = it->second.first == r || rows.at(it->second.first).at(it->second.second).row_span ==
                                                      static_cast<int>(r - it->second.first + 1);
        it = continued ? std::next(it) : open.erase(it);
      }
    }
    std::vector<Finding> findings;
    Table t = html::grid_from_html_rows(std::move(rows), ctx_.limits, &findings, path);
    for (auto& f : findings) doc_.findings.push_back(std::move(f));
    t.from.push_back(Span{0, 0, 0, 0, 0, path});
    if (!doc_.blocks.empty()) {
      if (auto* prev = std::get_if<Table>(&doc_.blocks.back()); prev != nullptr && html::join_continuation(*prev, t)) {
        doc_.add_finding("docx.tables_joined", Severity::info, "table " + path + " continues " + prev->id + " and was joined to it",
                         path);
        return;
      }
    }
    t.id = "t" + std::to_string(++tables_);
    doc_.blocks.emplace_back(std::move(t));
  }

  const ExtractContext& ctx_;
  Numbering& num_;
  Document& doc_;
  int tables_ = 0;
};

std::unique_ptr<xmlDoc, XmlDocFree> parse_part(const std::string& xml, const ExtractContext& ctx, const std::string& part) {
  if (xml.size() > static_cast<std::size_t>(INT_MAX))
    throw Error(ErrorCode::limit_exceeded, ctx.source, part + " too large for the XML parser");
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  // No network, no DTD loading, no entity substitution: a hostile part cannot reach out or expand.
  std::unique_ptr<xmlDoc, XmlDocFree> d(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), part.c_str(), nullptr,
                                                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  return d;
}

}  // namespace

namespace {

// The main document part named by the package relationships (_rels/.rels), for producers that do
// not call it word/document.xml; empty when there is none.
std::string main_part_from_rels(const ZipReader& zip, const ExtractContext& ctx) {
  if (!zip.has("_rels/.rels")) return {};
  std::string rels;
  try {
    rels = zip.read("_rels/.rels", 1 << 20, "1 MiB for _rels/.rels");
  } catch (const Error&) {
    return {};
  }
  auto d = parse_part(rels, ctx, "_rels/.rels");
  const xmlNode* root = d ? xmlDocGetRootElement(d.get()) : nullptr;
  for (const xmlNode* c = root ? root->children : nullptr; c != nullptr; c = c->next) {
    if (!is_local(c, "Relationship")) continue;
    std::string type = w_attr(c, "Type"), target = w_attr(c, "Target");
    if (type.size() >= 15 && type.compare(type.size() - 15, 15, "/officeDocument") == 0 && !target.empty())
      return target.front() == '/' ? target.substr(1) : target;
  }
  return {};
}

}  // namespace

Document DocxExtractor::extract(std::string_view bytes, const ExtractContext& ctx) const {
  ZipReader zip(bytes, ctx.source);
  std::string main = "word/document.xml";
  if (!zip.has(main)) main = main_part_from_rels(zip, ctx);
  if (main.empty() || !zip.has(main))
    throw Error(ErrorCode::unsupported, ctx.source, "a ZIP archive without a Word main document part: not a Word document");
  // Inflated parts count against the input size limit: a zip bomb stops there.
  std::size_t cap = ctx.limits.max_input_bytes;
  DocxParts parts;
  parts.document = zip.read(main, cap, "--max-input-mb");
  std::vector<Finding> part_findings;
  for (auto [name, into] : {std::pair{"word/styles.xml", &parts.styles}, std::pair{"word/numbering.xml", &parts.numbering}}) {
    if (!zip.has(name)) continue;
    try {
      *into = zip.read(name, cap, "--max-input-mb");
    } catch (const Error& e) {
      if (e.code() == ErrorCode::limit_exceeded) throw;
      part_findings.push_back(Finding{"docx.part_unreadable", Severity::warning, name, std::string(e.what()) + "; ignored"});
    }
  }
  ctx.check_deadline();
  Document doc = extract_docx_parts(parts, ctx);
  doc.findings.insert(doc.findings.begin(), part_findings.begin(), part_findings.end());
  return doc;
}

Document extract_docx_parts(const DocxParts& parts, const ExtractContext& ctx) {
  Document doc;
  doc.meta.extractor = "docx";
  doc.meta.media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  Numbering numbering;
  // Styles and numbering only add list markers: a damaged one costs the markers, not the report.
  for (auto [name, xml] : {std::pair{"word/styles.xml", &parts.styles}, std::pair{"word/numbering.xml", &parts.numbering}}) {
    if (xml->empty()) continue;
    auto d = parse_part(*xml, ctx, name);
    const xmlNode* root = d ? xmlDocGetRootElement(d.get()) : nullptr;
    if (root == nullptr) {
      doc.add_finding("docx.part_unreadable", Severity::warning, std::string(name) + " is not well-formed XML; ignored", name);
      continue;
    }
    if (std::string_view(name) == "word/styles.xml") numbering.read_styles(root);
    else numbering.read_numbering(root);
  }
  xmlResetLastError();
  auto tree = parse_part(parts.document, ctx, "word/document.xml");
  const xmlNode* root = tree ? xmlDocGetRootElement(tree.get()) : nullptr;
  if (root == nullptr) {
    const xmlError* e = xmlGetLastError();
    std::string why = e != nullptr && e->message != nullptr ? e->message : "";
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    // libxml2 refuses elements nested deeper than 256 levels: that is a limit, not damage.
    if (why.find("depth") != std::string::npos)
      throw Error(ErrorCode::limit_exceeded, ctx.source, "word/document.xml nests elements deeper than 256 levels (max-depth)");
    throw Error(ErrorCode::damaged, ctx.source, "word/document.xml is not well-formed XML" + (why.empty() ? "" : ": " + why));
  }
  const xmlNode* body = w_child(root, "body");
  if (!is_w(root, "document") || body == nullptr)
    throw Error(ErrorCode::damaged, ctx.source, "word/document.xml has no w:document/w:body");
  BodyReader reader(ctx, numbering, doc);
  reader.blocks(body, "/w:body");
  if (doc.blocks.empty()) throw Error(ErrorCode::not_a_report, ctx.source, "the Word document has no text");
  return doc;
}

}  // namespace ogix
