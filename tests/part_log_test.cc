// The parts log: records read back whole, torn or damaged tails rejected, later runs supersede.
#include <doctest/doctest.h>

#include "tests/test_util.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "cli/part_log.h"
#include "model/error.h"

using namespace ogix;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> logs_in(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("part log: what is appended is read back, by name, from any writer") {
  test::TempDir tmp("ogix-part-log");
  fs::path dir = tmp.path / ".ogix-parts";
  PartLog log(dir.string(), false, 2);
  std::string binary("a\0b\xff", 4);
  log.append(0, "a.xml", "part of a");
  log.append(1, "b.xml", binary);
  log.append(0, "c.xml", "");
  CHECK(log.read("a.xml").value() == "part of a");
  CHECK(log.read("b.xml").value() == binary);
  CHECK(log.read("c.xml").value().empty());
  CHECK_FALSE(log.read("d.xml"));
  CHECK(logs_in(dir).size() == 2);  // one file per writer, not per part
  CHECK_THROWS_AS(log.append(2, "e.xml", "x"), Error);
  CHECK_THROWS_AS(log.append(0, "", "x"), Error);
  log.remove();
  CHECK_FALSE(fs::exists(dir));
}

TEST_CASE("part log: writers on threads of their own") {
  test::TempDir tmp("ogix-part-log");
  PartLog log((tmp.path / "p").string(), false, 4);
  std::vector<std::thread> pool;
  for (int w = 0; w < 4; ++w)
    pool.emplace_back([&log, w] {
      for (int i = 0; i < 200; ++i) log.append(w, std::to_string(w) + "-" + std::to_string(i), std::string(static_cast<std::size_t>(i), 'x'));
    });
  for (auto& t : pool) t.join();
  for (int w = 0; w < 4; ++w)
    for (int i = 0; i < 200; i += 37) CHECK(log.read(std::to_string(w) + "-" + std::to_string(i)).value() == std::string(static_cast<std::size_t>(i), 'x'));
}

TEST_CASE("part log: a resumed run reads what an earlier run left, and a torn or damaged record ends a log") {
  test::TempDir tmp("ogix-part-log");
  fs::path dir = tmp.path / "p";
  {
    PartLog first(dir.string(), false, 1);
    first.append(0, "a.xml", "A1");
    first.append(0, "b.xml", "B1");
    first.append(0, "c.xml", "C1");
  }
  auto logs = logs_in(dir);
  REQUIRE(logs.size() == 1);
  std::string bytes = test::slurp(logs[0]);
  SUBCASE("whole: every record is kept, and a record of the new run supersedes") {
    PartLog again(dir.string(), true, 1);
    CHECK(again.read("a.xml").value() == "A1");
    CHECK(again.read("c.xml").value() == "C1");
    again.append(0, "b.xml", "B2");
    CHECK(again.read("b.xml").value() == "B2");
    CHECK(logs_in(dir).size() == 2);  // the earlier log is never appended to
    PartLog third(dir.string(), true, 1);
    CHECK(third.read("b.xml").value() == "B2");  // the later run's record wins
  }
  SUBCASE("torn at every length: the whole records before the tear are kept, nothing after") {
    for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
      std::ofstream(logs[0], std::ios::binary | std::ios::trunc) << bytes.substr(0, cut);
      PartLog again(dir.string(), true, 1);
      // Each record is 80 header bytes + name + part: a.xml/A1 ends at 87, b.xml/B1 at 174.
      CHECK(again.read("a.xml").has_value() == (cut >= 87));
      CHECK(again.read("b.xml").has_value() == (cut >= 174));
      CHECK_FALSE(again.read("c.xml"));
      for (const auto& extra : logs_in(dir))
        if (extra != logs[0]) fs::remove(extra);
    }
  }
  SUBCASE("a changed byte in a part: that record and those after it are not trusted") {
    std::string damaged = bytes;
    damaged[87 + 80 + 5] ^= 1;  // the first byte of B1
    std::ofstream(logs[0], std::ios::binary | std::ios::trunc) << damaged;
    PartLog again(dir.string(), true, 1);
    CHECK(again.read("a.xml").value() == "A1");
    CHECK_FALSE(again.read("b.xml"));
    CHECK_FALSE(again.read("c.xml"));
  }
  SUBCASE("a length field asking for more than a part can be: rejected without reading it") {
    std::string damaged = bytes;
    for (int i = 8; i < 16; ++i) damaged[static_cast<std::size_t>(i)] = '\xff';
    std::ofstream(logs[0], std::ios::binary | std::ios::trunc) << damaged;
    PartLog again(dir.string(), true, 1);
    CHECK_FALSE(again.read("a.xml"));
  }
  SUBCASE("a fresh run empties the directory") {
    PartLog fresh(dir.string(), false, 1);
    CHECK_FALSE(fresh.read("a.xml"));
    CHECK(logs_in(dir).empty());
  }
}
