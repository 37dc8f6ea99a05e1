#include <doctest/doctest.h>

#include <filesystem>

#include "model/error.h"
#include "test_util.h"
#include "writers/cells_csv_writer.h"
#include "writers/xml_reader.h"
#include "writers/xml_writer.h"

using namespace ogix;

TEST_CASE("every golden XML reads back into a Document that writes the same bytes and the same cells CSV") {
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test::source_path("fixtures"))) {
    auto xml_path = entry.path() / "expected.xml";
    if (!std::filesystem::exists(xml_path)) continue;
    std::string xml = test::slurp(xml_path);
    CAPTURE(xml_path.string());
    ReadReport r = read_xml(xml, xml_path.string());
    CHECK(r.generator == std::string("ogix ") + OGIX_VERSION);
    CHECK(write_xml(r.doc) == xml);
    std::string csv = test::slurp(entry.path() / "expected.cells.csv");
    CHECK(cells_csv_header() + cells_csv_rows(r.doc, "input.xml") == csv);
    ++checked;
  }
  CHECK(checked >= 20);
}

TEST_CASE("a document with every kind of block, span and outcome survives the round trip") {
  Document d;
  d.meta = Metadata{"a&b.pdf", "00ff", 42, "application/pdf", "pdf", "", "", 3, "标题<x>", "机构", "2023", "2024-01-31", "http://x/?a=1&b=2", "机构key", "department:city", "tesseract 5; lang=chi_sim"};
  d.profile = "ogi-2021";
  d.profile_evidence = {"本年制发件数"};
  Section s{"overview", "一、总体情况", {}, {Span{1, 72, 180.2, 523.1, 195.4, {}}}};
  s.blocks.push_back(Paragraph{"（一）主动公开", 1, {Span{1, 1, 2, 3, 4, {}}}});
  s.blocks.push_back(Paragraph{"  spaced  text ", 0, {Span{0, 0, 0, 0, 0, "line:7"}}});
  Table t;
  t.id = "t1", t.rows = 2, t.cols = 2, t.ragged = true;
  t.cells.push_back(Cell{0, 0, 1, 2, true, "头", {Span{0, 0, 0, 0, 0, "/html/body/table[1]/tr[1]/td[1]"}}});
  t.cells.push_back(Cell{1, 0, 1, 1, false, "", {}});
  t.cells.push_back(Cell{1, 1, 1, 1, false, "12", {}});
  s.blocks.push_back(t);
  d.sections.push_back(s);
  d.blocks.push_back(Paragraph{"left over", 0, {}});
  d.cells.push_back(CanonicalCell{"applications", "new_received", "total", CellStatus::number, "21", "21", {Span{3, 1, 2, 3, 4, {}}}, false, {}, {}});
  d.cells.push_back(CanonicalCell{"applications", "extra_1", "c1", CellStatus::text, "", "见说明", {}, true, "（三）不予公开", {}});
  d.rules.push_back(RuleOutcome{4, "review_litigation", "administrative_review", RuleResult::fail, "0", "11", "0 = 0; 10 + 1 = 11", {}});
  d.findings.push_back(Finding{"rule.fail", Severity::warning, "review_litigation/administrative_review", "a < b & c"});
  std::string xml = write_xml(d);
  ReadReport r = read_xml(xml, "t.xml");
  CHECK(write_xml(r.doc) == xml);
  CHECK(r.doc.meta.title == "标题<x>");
  CHECK(r.doc.blocks.size() == 1);
  REQUIRE(r.doc.cells.size() == 2);
  CHECK(r.doc.cells[1].extra);
  CHECK(r.doc.cells[1].label == "（三）不予公开");
  CHECK(r.doc.rules.at(0).result == RuleResult::fail);
  CHECK(r.doc.findings.at(0).message == "a < b & c");
}

TEST_CASE("what is not an ogix report is a typed error naming the file") {
  auto code_of = [](const std::string& xml) {
    try {
      read_xml(xml, "bad.xml");
    } catch (const Error& e) {
      CHECK(e.source() == "bad.xml");
      return std::string(error_code_name(e.code()));
    }
    return std::string("ok");
  };
  CHECK(code_of("") == "damaged");
  CHECK(code_of("<report") == "damaged");
  CHECK(code_of("<report/>") == "damaged");  // no namespace
  CHECK(code_of("<html xmlns=\"urn:ogix:report:1\"/>") == "damaged");
  CHECK(code_of("<report xmlns=\"urn:ogix:report:1\"><data><table code=\"a\"><cell row=\"r\" col=\"c\" status=\"maybe\"/></table></data></report>") == "damaged");
  CHECK(code_of("<report xmlns=\"urn:ogix:report:1\"><sections><section code=\"x\"><table rows=\"1e9x\"/></section></sections></report>") == "damaged");
}

TEST_CASE("an external entity in a report read back is never loaded") {
  ReadReport r = read_xml("<!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><report xmlns=\"urn:ogix:report:1\">"
                          "<metadata><title>x&e;y</title></metadata></report>",
                          "entity.xml");
  CHECK(r.doc.meta.title.find("root") == std::string::npos);
  CHECK(r.doc.meta.title.rfind("x", 0) == 0);
}
