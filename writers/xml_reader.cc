#include "writers/xml_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <charconv>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "model/error.h"

namespace ogix {

namespace {

using XmlDocPtr = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

bool is(const xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

std::string attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, BAD_CAST name);
  if (!v) return {};
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

std::string content(const xmlNode* n) {
  xmlChar* v = xmlNodeGetContent(n);
  if (!v) return {};
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

// Integer attributes come from a file that may have been edited: a bad one is damage, not UB.
int int_attr(const xmlNode* n, const char* name, int fallback, const std::string& file) {
  std::string s = attr(n, name);
  if (s.empty()) return fallback;
  int v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size())
    throw Error(ErrorCode::damaged, file, std::string("attribute ") + name + "=\"" + s + "\" is not an integer");
  return v;
}

double coord(const char*& p) {
  char* end = nullptr;
  double v = std::strtod(p, &end);  // the writer formats in the classic locale; ogix never sets another
  p = end;
  return v;
}

std::vector<Span> spans(const xmlNode* parent, const std::string& file) {
  std::vector<Span> out;
  for (const xmlNode* n = parent->children; n; n = n->next) {
    if (!is(n, "from")) continue;
    Span s;
    s.page = int_attr(n, "page", 0, file);
    std::string bbox = attr(n, "bbox");
    if (!bbox.empty()) {
      const char* p = bbox.c_str();
      s.x0 = coord(p), s.y0 = coord(p), s.x1 = coord(p), s.y1 = coord(p);
    }
    s.path = attr(n, "path");
    out.push_back(std::move(s));
  }
  return out;
}

std::string child_text(const xmlNode* parent, const char* name) {
  for (const xmlNode* n = parent->children; n; n = n->next)
    if (is(n, name)) return content(n);
  return {};
}

Table read_table(const xmlNode* t, const std::string& file) {
  Table table;
  table.id = attr(t, "id");
  table.rows = int_attr(t, "rows", 0, file);
  table.cols = int_attr(t, "cols", 0, file);
  table.ragged = attr(t, "ragged") == "true";
  table.from = spans(t, file);
  for (const xmlNode* n = t->children; n; n = n->next) {
    if (!is(n, "cell")) continue;
    Cell c;
    c.row = int_attr(n, "r", 1, file) - 1;
    c.col = int_attr(n, "c", 1, file) - 1;
    c.row_span = int_attr(n, "rowspan", 1, file);
    c.col_span = int_attr(n, "colspan", 1, file);
    c.header = attr(n, "header") == "true";
    c.text = child_text(n, "text");
    c.from = spans(n, file);
    table.cells.push_back(std::move(c));
  }
  return table;
}

std::vector<Block> read_blocks(const xmlNode* parent, const std::string& file) {
  std::vector<Block> out;
  for (const xmlNode* n = parent->children; n; n = n->next) {
    if (is(n, "p") || is(n, "heading")) {
      Paragraph p;
      p.level = is(n, "heading") ? int_attr(n, "level", 1, file) : 0;
      p.text = child_text(n, "text");
      p.from = spans(n, file);
      out.emplace_back(std::move(p));
    } else if (is(n, "table")) {
      out.emplace_back(read_table(n, file));
    }
  }
  return out;
}

template <typename Enum, std::size_t N>
Enum by_name(const std::string& s, const Enum (&values)[N], const char* (*name)(Enum), const std::string& what,
             const std::string& file) {
  for (Enum v : values)
    if (s == name(v)) return v;
  throw Error(ErrorCode::damaged, file, "unknown " + what + " \"" + s + "\"");
}

constexpr CellStatus kStatuses[] = {CellStatus::number, CellStatus::blank, CellStatus::na, CellStatus::text,
                                    CellStatus::missing};
constexpr RuleResult kResults[] = {RuleResult::pass, RuleResult::fail, RuleResult::unchecked};
constexpr Severity kSeverities[] = {Severity::info, Severity::warning, Severity::error};

void read_data(const xmlNode* data, Document& doc, const std::string& file) {
  for (const xmlNode* t = data->children; t; t = t->next) {
    if (!is(t, "table")) continue;
    std::string code = attr(t, "code");
    for (const xmlNode* n = t->children; n; n = n->next) {
      if (!is(n, "cell")) continue;
      CanonicalCell c;
      c.table = code;
      c.row = attr(n, "row");
      c.col = attr(n, "col");
      c.status = by_name(attr(n, "status"), kStatuses, status_name, "cell status", file);
      c.value = attr(n, "value");
      c.extra = attr(n, "extra") == "true";
      c.label = attr(n, "label");
      c.unit = attr(n, "unit");
      c.raw = child_text(n, "raw");
      c.from = spans(n, file);
      doc.cells.push_back(std::move(c));
    }
  }
}

}  // namespace

ReadReport read_xml(std::string_view xml, const std::string& name) {
  if (xml.size() > static_cast<std::size_t>(INT32_MAX)) throw Error(ErrorCode::limit_exceeded, name, "XML larger than 2 GiB");
  // No DTD, entity expansion or network: the file may come from anywhere.
  XmlDocPtr parsed(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), name.c_str(), nullptr,
                                 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
                   &xmlFreeDoc);
  if (!parsed) throw Error(ErrorCode::damaged, name, "not well-formed XML");
  const xmlNode* root = xmlDocGetRootElement(parsed.get());
  if (!root || !is(root, "report") || !root->ns ||
      std::strcmp(reinterpret_cast<const char*>(root->ns->href), "urn:ogix:report:1") != 0)
    throw Error(ErrorCode::damaged, name, "not an ogix report (no <report xmlns=\"urn:ogix:report:1\">)");

  ReadReport out;
  out.generator = attr(root, "generator");
  Document& doc = out.doc;
  for (const xmlNode* n = root->children; n; n = n->next) {
    if (is(n, "source")) {
      Metadata& m = doc.meta;
      m.source = attr(n, "name");
      m.sha256 = attr(n, "sha256");
      std::string size = attr(n, "size");
      std::from_chars(size.data(), size.data() + size.size(), m.size);
      m.media_type = attr(n, "media-type");
      m.extractor = attr(n, "extractor");
      m.encoding = attr(n, "encoding");
      m.encoding_basis = attr(n, "encoding-basis");
      m.pages = int_attr(n, "pages", 0, name);
      m.ocr = attr(n, "ocr");
    } else if (is(n, "metadata")) {
      Metadata& m = doc.meta;
      m.title = child_text(n, "title");
      m.agency = child_text(n, "agency");
      m.agency_key = child_text(n, "agency-key");
      m.agency_level = child_text(n, "agency-level");
      m.year = child_text(n, "year");
      m.publish_date = child_text(n, "publish-date");
      m.source_url = child_text(n, "source-url");
    } else if (is(n, "profile")) {
      doc.profile = attr(n, "id");
      for (const xmlNode* e = n->children; e; e = e->next)
        if (is(e, "evidence")) doc.profile_evidence.push_back(content(e));
    } else if (is(n, "sections")) {
      for (const xmlNode* s = n->children; s; s = s->next) {
        if (!is(s, "section")) continue;
        std::string code = attr(s, "code");
        if (code == "unsectioned") {
          // The writer puts blocks the sectionizer left over into this pseudo-section.
          auto blocks = read_blocks(s, name);
          for (auto& b : blocks) doc.blocks.push_back(std::move(b));
          continue;
        }
        Section sec;
        sec.code = std::move(code);
        sec.heading = attr(s, "heading");
        sec.from = spans(s, name);
        sec.blocks = read_blocks(s, name);
        doc.sections.push_back(std::move(sec));
      }
    } else if (is(n, "data")) {
      read_data(n, doc, name);
    } else if (is(n, "rules")) {
      for (const xmlNode* r = n->children; r; r = r->next) {
        if (!is(r, "rule")) continue;
        RuleOutcome o;
        std::string n_attr = attr(r, "n");
        if (!n_attr.empty() && n_attr[0] == 'L') {  // a legacy rule, L1–L7
          o.id = n_attr;
          o.rule = std::atoi(n_attr.c_str() + 1);
        } else {
          o.rule = int_attr(r, "n", 0, name);
        }
        o.table = attr(r, "table");
        o.scope = attr(r, "scope");
        o.result = by_name(attr(r, "result"), kResults, rule_result_name, "rule result", name);
        o.lhs = attr(r, "lhs");
        o.rhs = attr(r, "rhs");
        o.detail = content(r);
        doc.rules.push_back(std::move(o));
      }
    } else if (is(n, "findings")) {
      for (const xmlNode* f = n->children; f; f = f->next) {
        if (!is(f, "finding")) continue;
        doc.findings.push_back(Finding{attr(f, "code"),
                                       by_name(attr(f, "severity"), kSeverities, severity_name, "severity", name),
                                       attr(f, "location"), content(f)});
      }
    }
  }
  return out;
}

}  // namespace ogix
