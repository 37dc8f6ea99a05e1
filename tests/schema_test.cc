// Every golden XML output validates against schema/ogix.xsd (what archivists ingest).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/job.h"
#include "writers/xml_validator.h"
#include "writers/xml_writer.h"

using namespace ogix;
namespace fs = std::filesystem;

namespace {

// Validates `xml` against the built-in schema (the file schema/ogix.xsd, compiled in); 0 = valid.
int validate(const std::string& xml) { return validate_xml(xml).empty() ? 0 : 1; }

}  // namespace

TEST_CASE("every fixture's XML output is schema-valid") {
  int n = 0;
  std::vector<fs::path> inputs;
  for (const auto& e : fs::directory_iterator(std::string(OGIX_SOURCE_DIR) + "/fixtures"))
    for (const auto& f : fs::directory_iterator(e.path()))
      if (f.path().stem() == "input") inputs.push_back(f.path());
  std::sort(inputs.begin(), inputs.end());
  for (const auto& p : inputs) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    Document d = convert_bytes(ss.str(), p.filename().string(), ConvertOptions{});
    CHECK_MESSAGE(validate(write_xml(d)) == 0, p.string());
    ++n;
  }
  CHECK(n >= 2);
}

TEST_CASE("the schema rejects what the format forbids") {
  Document d;
  d.meta.source = "x";
  d.meta.sha256 = std::string(64, 'a');
  d.profile = "ogi-2019";
  d.cells.push_back(CanonicalCell{"applications", "total_processed", "total", CellStatus::number, "12", "12", {}, false, {}, {}});
  std::string xml = write_xml(d);
  CHECK(validate(xml) == 0);
  std::string bad = xml;
  bad.replace(bad.find("status=\"number\""), 15, "status=\"zero\"");
  CHECK(validate(bad) != 0);
  bad = xml;
  bad.replace(bad.find("value=\"12\""), 10, "value=\"1e1\"");
  CHECK(validate(bad) != 0);
}

TEST_CASE("the built-in schema is the schema file") {
  std::ifstream in(std::string(OGIX_SOURCE_DIR) + "/schema/ogix.xsd", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  CHECK(ss.str() == std::string(embedded_schema()));
  CHECK(validate_xml("<report").at(0) == "not well-formed XML");
}
