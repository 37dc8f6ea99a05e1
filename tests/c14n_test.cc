#include <doctest/doctest.h>

#include <libxml/c14n.h>
#include <libxml/parser.h>

#include <filesystem>
#include <string>

#include "test_util.h"
#include "writers/xml_writer.h"

using namespace ogix;

namespace {

constexpr std::string_view kDecl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

// libxml2's Canonical XML 1.1 form of `xml` (no comments), or "" when it does not parse.
std::string c14n_11(const std::string& xml) {
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "c14n.xml", nullptr, XML_PARSE_NONET);
  if (!doc) return {};
  xmlChar* out = nullptr;
  int n = xmlC14NDocDumpMemory(doc, nullptr, XML_C14N_1_1, nullptr, 0, &out);
  std::string s = n >= 0 && out ? std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n)) : "";
  xmlFree(out);
  xmlFreeDoc(doc);
  return s;
}

// The document after its declaration line must be its own C14N 1.1 form, byte for byte.
void check_canonical(const std::string& xml) {
  REQUIRE(xml.substr(0, kDecl.size()) == kDecl);
  std::string body = xml.substr(kDecl.size());
  std::string canon = c14n_11(xml);
  REQUIRE(!canon.empty());
  CHECK(body == canon);
}

}  // namespace

TEST_CASE("every golden XML equals its own Canonical XML 1.1 form apart from the declaration") {
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test::source_path("fixtures"))) {
    auto path = entry.path() / "expected.xml";
    if (!std::filesystem::exists(path)) continue;
    CAPTURE(path.string());
    check_canonical(test::slurp(path));
    ++checked;
  }
  CHECK(checked >= 20);
}

TEST_CASE("characters C14N escapes differently in text and attributes come out canonical") {
  Document d;
  // Tab, LF, CR, quotes, <, > and & in attributes (source name, location) and in text (title,
  // finding); an empty table cell and empty lists are written as start and end tags.
  d.meta = Metadata{"a\t\"b\" <c> & 'd'\n.pdf", "00ff", 42, "application/pdf", "pdf", "", "", 3, "标题 \"x\" <y> & z\r\nw", "机构", "", "", "", "机构\tkey", "", ""};
  d.profile = "ogi-2021";
  Section s{"overview", "一、\"总体\"", {}, {}};
  Table t;
  t.id = "t1", t.rows = 1, t.cols = 1;
  t.cells.push_back(Cell{0, 0, 1, 1, false, "", {}});
  s.blocks.push_back(t);
  d.sections.push_back(s);
  d.findings.push_back(Finding{"rule.fail", Severity::warning, "a\tb", "a > b & \"c\" < d\r"});
  std::string xml = write_xml(d);
  check_canonical(xml);
  CHECK(xml.find("<cell c=\"1\" r=\"1\"></cell>") != std::string::npos);  // sorted, not <cell/>
  CHECK(xml.find("<rules></rules>") != std::string::npos);
  CHECK(xml.find("name=\"a&#x9;&quot;b&quot; &lt;c> &amp; 'd'&#xA;.pdf\"") != std::string::npos);
  CHECK(xml.find("a &gt; b &amp; \"c\" &lt; d&#xD;</finding>") != std::string::npos);
  CHECK(xml.back() == '>');  // nothing after the root element
}

TEST_CASE("every escaped character at every position of a long text or attribute comes out canonical") {
  // The writer passes over eight bytes at a time where none needs escaping; each character C14N
  // escapes, put at each character boundary of a text mixing ASCII and Chinese, must still be
  // escaped where it stands (libxml2's C14N is the reference).
  const std::string base = "0123456789年度abcdefgh报告ijklmnop";
  int checked = 0;
  for (char special : {'&', '<', '>', '"', '\t', '\n', '\r'})
    for (std::size_t at = 0; at <= base.size(); ++at) {
      if (at < base.size() && (static_cast<unsigned char>(base[at]) & 0xC0) == 0x80) continue;  // inside a character
      std::string s = base;
      s.insert(at, 1, special);
      Document d;
      d.profile = "ogi-2021";
      d.findings.push_back(Finding{"rule.fail", Severity::warning, s, s});  // an attribute and a text
      CAPTURE(at);
      check_canonical(write_xml(d));
      ++checked;
    }
  CHECK(checked == 7 * 31);
}
