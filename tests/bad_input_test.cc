// The bad-input corpus: every file in fixtures/bad/ ends as fixtures/bad/EXPECTED.tsv says.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "cli/job.h"
#include "model/error.h"
#include "writers/xml_writer.h"
#include "test_util.h"

using namespace ogix;
namespace fs = std::filesystem;

namespace {

struct Expectation {
  std::string outcome;
  std::vector<std::string> findings;
};

std::map<std::string, Expectation> expectations() {
  std::map<std::string, Expectation> out;
  std::ifstream in(std::string(OGIX_SOURCE_DIR) + "/fixtures/bad/EXPECTED.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ls(line);
    std::string file, outcome, findings;
    std::getline(ls, file, '\t');
    std::getline(ls, outcome, '\t');
    std::getline(ls, findings, '\t');
    Expectation e{outcome, {}};
    std::istringstream fs_(findings);
    std::string f;
    while (std::getline(fs_, f, ','))
      if (!f.empty()) e.findings.push_back(f);
    out[file] = e;
  }
  return out;
}

}  // namespace

TEST_CASE("bad-input corpus: typed errors and findings as EXPECTED.tsv says") {
  auto want = expectations();
  REQUIRE(want.size() >= 25);
  std::set<std::string> seen;
  for (const auto& e : fs::directory_iterator(std::string(OGIX_SOURCE_DIR) + "/fixtures/bad")) {
    std::string name = e.path().filename().string();
    if (name == "EXPECTED.tsv" || e.path().extension() == ".md") continue;
    seen.insert(name);
    auto it = want.find(name);
    CHECK_MESSAGE(it != want.end(), name << " has no line in EXPECTED.tsv");
    if (it == want.end()) continue;
    std::string outcome = "ok";
    std::vector<Finding> findings;
    try {
      std::string bytes = read_file_capped(e.path().string(), Limits{}.max_input_bytes);
      Document d = convert_bytes(bytes, name, ConvertOptions{});
      findings = d.findings;
    } catch (const Error& err) {
      outcome = error_code_name(err.code());
      CHECK_MESSAGE(err.source() == name, "error does not name the file: " << err.what());
      CHECK_MESSAGE(std::string(err.what()).size() > 10, "error message too thin: " << err.what());
    }
    CHECK_MESSAGE(outcome == it->second.outcome, name);
    for (const auto& code : it->second.findings) {
      bool found = false;
      for (const auto& f : findings) found = found || f.code == code;
      CHECK_MESSAGE(found, name << " lacks finding " << code);
    }
  }
  for (const auto& [name, e] : want) CHECK_MESSAGE(seen.count(name), "EXPECTED.tsv names missing file " << name);
}

TEST_CASE("an oversized input is refused before it is read") {
  test::TempDir tmp("ogix-big-input");
  fs::path p = tmp.path / "ogix-big-input.txt";
  {
    std::ofstream out(p, std::ios::binary);
    out << std::string(3 << 20, 'x');
  }
  try {
    read_file_capped(p.string(), 1 << 20);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::limit_exceeded);
    CHECK(e.source() == "ogix-big-input.txt");
  }
}

TEST_CASE("external entities and the network are never read") {
  std::string bytes = read_file_capped(std::string(OGIX_SOURCE_DIR) + "/fixtures/bad/external-entity.html", 1 << 20);
  Document d = convert_bytes(bytes, "x.html", ConvertOptions{});
  // The page was really read (its table mapped) and nothing of /etc/passwd reached the output.
  bool mapped = false;
  for (const auto& c : d.cells) mapped = mapped || (c.row == "rules" && c.col == "new_made" && c.value == "1");
  CHECK(mapped);
  std::string xml = write_xml(d);
  CHECK(xml.find("root:") == std::string::npos);
  CHECK(xml.find("/bin/") == std::string::npos);
}
