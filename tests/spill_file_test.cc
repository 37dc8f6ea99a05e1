#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli/spill_file.h"
#include "model/error.h"

using namespace ogix;

namespace {
// Records of varied sizes, empty fields and bytes a text reader would stop at included.
std::vector<std::vector<std::string>> sample_records() {
  std::vector<std::vector<std::string>> out;
  for (int i = 0; i < 200; ++i) {
    std::vector<std::string> r = {"source-" + std::to_string(i), "", std::string(static_cast<std::size_t>(i * 7), 'x')};
    r.push_back(std::string("a\0b\r\n,\"", 7));
    if (i % 3 == 0) r.clear();  // a record of no fields
    out.push_back(r);
  }
  return out;
}

void check_round_trip(std::size_t memory_bytes, bool expect_spilled) {
  SpillFile spill(memory_bytes);
  auto records = sample_records();
  std::vector<long> at;
  for (const auto& r : records) at.push_back(spill.put(r));
  CHECK(spill.spilled() == expect_spilled);
  // Read back out of order, and again after more records were put.
  for (std::size_t k = records.size(); k-- > 0;) CHECK(spill.get(at[k]) == records[k]);
  long more = spill.put({"late", "record"});
  CHECK(spill.get(at[0]) == records[0]);
  CHECK(spill.get(more) == std::vector<std::string>{"late", "record"});
}
}  // namespace

TEST_CASE("a spill file keeps a small batch's records in memory") { check_round_trip(std::size_t{1} << 20, false); }

TEST_CASE("a spill file moves its records to a temporary file past its bound") {
  check_round_trip(0, true);     // the first record spills
  check_round_trip(4096, true);  // some records in memory first, then all of them in the file
}

TEST_CASE("a spill file refuses an offset it did not hand out") {
  SpillFile spill;
  spill.put({"one"});
  CHECK_THROWS_AS(spill.get(-1), Error);
  CHECK_THROWS_AS(spill.get(1000), Error);
  CHECK_THROWS_AS(spill.get(2), Error);  // inside the record: its bytes do not decode as one
}
