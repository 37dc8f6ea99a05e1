// End-to-end acceptance on the seed: the whole pipeline through convert_bytes.
#include <doctest/doctest.h>

#include "tests/test_util.h"

#include <fstream>
#include <map>
#include <sstream>

#include "cli/job.h"
#include "model/error.h"
#include "text/unicode.h"
#include "writers/cells_csv_writer.h"
#include "writers/xml_writer.h"

using namespace ogix;
using ogix::test::slurp;

namespace {

const std::string kSeed = std::string(OGIX_SOURCE_DIR) + "/fixtures/text-seed-2020/input.txt";

}  // namespace

TEST_CASE("seed: profile, sections, every cell 0, rules 1-4 pass") {
  std::string bytes = slurp(kSeed);
  REQUIRE_FALSE(bytes.empty());
  Document d = convert_bytes(bytes, "seed.txt", ConvertOptions{});
  CHECK(d.profile == "ogi-2019");
  CHECK_FALSE(d.profile_evidence.empty());
  std::vector<std::string> codes;
  for (const auto& s : d.sections) codes.push_back(s.code);
  CHECK(codes == std::vector<std::string>{"overview", "proactive", "applications", "review_litigation", "problems",
                                          "other_matters"});
  std::map<std::string, int> per_table;
  for (const auto& c : d.cells) {
    CHECK(c.status == CellStatus::number);
    CHECK(c.value == "0");
    ++per_table[c.table];
  }
  CHECK(per_table["applications"] == 161);
  CHECK(per_table["review_litigation"] == 15);
  CHECK(per_table["proactive"] == 22);
  int checked = 0;
  for (const auto& r : d.rules)
    if (r.rule <= 4) {
      CHECK(r.result == RuleResult::pass);
      ++checked;
    }
  CHECK(checked == 7 + 7 + 23 + 3);
}

TEST_CASE("seed: no paragraph text is lost between the source and the output") {
  std::string bytes = slurp(kSeed);
  Document d = convert_bytes(bytes, "seed.txt", ConvertOptions{});
  std::string all;
  for (const auto& s : d.sections) {
    all += s.heading + "\n";
    for (const auto& b : s.blocks)
      if (auto* p = std::get_if<Paragraph>(&b)) all += p->text + "\n";
  }
  std::istringstream in(bytes);
  std::string line;
  int lines = 0;
  while (std::getline(in, line)) {
    if (line.find('\t') != std::string::npos) continue;  // table rows are checked as cells
    std::string n = normalize_text(line);
    if (n.empty()) continue;
    ++lines;
    CHECK_MESSAGE(all.find(n) != std::string::npos, "lost: " << n);
  }
  CHECK(lines > 20);
}

TEST_CASE("same input, same bytes out") {
  std::string bytes = slurp(kSeed);
  Document a = convert_bytes(bytes, "seed.txt", ConvertOptions{});
  Document b = convert_bytes(bytes, "seed.txt", ConvertOptions{});
  CHECK(write_xml(a) == write_xml(b));
  CHECK(cells_csv_rows(a) == cells_csv_rows(b));
}

TEST_CASE("typed errors for empty, binary and oversized inputs") {
  auto code_of = [](const std::string& bytes, ConvertOptions o = {}) {
    try {
      convert_bytes(bytes, "x", o);
    } catch (const Error& e) {
      CHECK(e.source() == "x");
      return e.code();
    }
    return ErrorCode::internal;
  };
  CHECK(code_of("") == ErrorCode::empty_input);
  CHECK(code_of(std::string("PK\x03\x04rest-of-zip", 16)) == ErrorCode::unsupported);
  CHECK(code_of("just some words\nno tables here\n") == ErrorCode::not_a_report);
  ConvertOptions small;
  small.limits.max_input_bytes = 4;
  CHECK(code_of("0123456789", small) == ErrorCode::limit_exceeded);
}
