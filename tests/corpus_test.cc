// The pieces of corpus runs: manifest rows read back, shard arithmetic, temporary names, progress.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <set>

#include "cli/batch.h"
#include "cli/manifest.h"
#include "cli/progress.h"
#include "model/error.h"
#include "test_util.h"

using namespace ogix;

TEST_CASE("a manifest row reads back as the record it was written from, quotes and line breaks included") {
  ManifestRecord a;
  a.source = "年报,2021.pdf";
  a.path = "dir/\"quoted\"/年报,2021.pdf";
  a.ok = true;
  a.sha256 = std::string(64, 'a');
  a.size = 12345;
  a.profile = "ogi-2021";
  a.output = "年报,2021.xml";
  a.sections = 7;
  a.cells[0] = 180;
  a.cells[4] = 2;
  a.rules[1] = 3;
  a.findings = 9;
  a.generator = ogix_generator();
  ManifestRecord b;
  b.source = "bad.txt";
  b.path = "bad.txt";
  b.error_code = "not-a-report";
  b.message = "line one\r\nline \"two\"";
  b.generator = a.generator;
  std::string text = manifest_header() + manifest_row(a) + manifest_row(b);
  auto back = parse_manifest(text, "manifest.csv");
  REQUIRE(back.size() == 2);
  CHECK(manifest_row(back[0]) == manifest_row(a));
  CHECK(manifest_row(back[1]) == manifest_row(b));
  CHECK(back[0].cells[0] == 180);
  CHECK(back[1].message == b.message);
  CHECK_FALSE(back[1].ok);
  // A part is the row alone.
  auto part = parse_manifest(manifest_row(b), "part", false);
  REQUIRE(part.size() == 1);
  CHECK(part[0].error_code == "not-a-report");
  // Damage is a typed error, not a guess.
  CHECK_THROWS_AS(parse_manifest("source,path\r\nx,y\r\n", "m"), Error);
  CHECK_THROWS_AS(parse_manifest(manifest_header() + "a,b,maybe,,,,,,,,,,,,,,,,,\r\n", "m"), Error);
  CHECK_THROWS_AS(parse_manifest(manifest_header() + "a,b,ok,,,,12x,,,,,,,,,,,,,\r\n", "m"), Error);
}

TEST_CASE("the dataset order is source, then path, then output name") {
  ManifestRecord x, y, z;
  x.source = "a.html", x.path = "z/a.html";
  y.source = "b.html", y.path = "a/b.html";
  z.source = "a.html", z.path = "y/a.html";
  CHECK(z < x);
  CHECK(x < y);
  CHECK_FALSE(x < x);
}

TEST_CASE("--shard K/N: every path in exactly one shard, the same on every machine") {
  int k = 0, n = 0;
  CHECK(parse_shard("2/3", k, n));
  CHECK((k == 2 && n == 3));
  for (const char* bad : {"0/3", "4/3", "3", "/3", "1/", "a/b", "1/0", "-1/3", "1/3/4"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_shard(bad, k, n));
  }
  std::set<int> used;
  for (int i = 0; i < 300; ++i) {
    std::string path = "corpus/agency-" + std::to_string(i) + "/report.pdf";
    int s = shard_of(path, 3);
    CHECK(s >= 1);
    CHECK(s <= 3);
    CHECK(shard_of(path, 3) == s);
    used.insert(s);
  }
  CHECK(used.size() == 3);  // 300 paths do not all hash into one shard
  CHECK(shard_of("anything", 1) == 1);
}

TEST_CASE("only the temporary names of atomic writes count as leftovers") {
  CHECK(is_temporary_output("cells.csv.tmp-1234-0"));
  CHECK(is_temporary_output("a.xml.tmp-99-17"));
  CHECK_FALSE(is_temporary_output("notes.tmp"));
  CHECK_FALSE(is_temporary_output("report.tmp-draft.xml"));
  CHECK_FALSE(is_temporary_output(".tmp-1-2"));
  CHECK_FALSE(is_temporary_output("a.tmp-12-"));
}

TEST_CASE("the progress line counts done, failed and kept inputs") {
  ProgressReporter p(ProgressMode::off, 10, 10);
  CHECK(p.line().rfind("ogix: 0/10 done", 0) == 0);
  p.finished(true);
  p.finished(false);
  p.finished(true, true);
  std::string s = p.line();
  CAPTURE(s);
  CHECK(s.rfind("ogix: 3/10 done", 0) == 0);
  CHECK(s.find("docs/s") != std::string::npos);
  CHECK(s.find("ETA") != std::string::npos);
  CHECK(s.find("1 failed") != std::string::npos);
  CHECK(s.find("1 kept") != std::string::npos);
  ProgressMode m;
  CHECK(parse_progress_mode("plain", m));
  CHECK(m == ProgressMode::plain);
  CHECK_FALSE(parse_progress_mode("tty", m));
}

TEST_CASE("dataset assembly with -j N hands reports on in order and stops all readers on an error") {
  test::TempDir tmp("ogix-assembly-test");
  // Failed inputs only: no XML is read back, so the records alone make the dataset files.
  auto record = [](std::size_t k) {
    ManifestRecord r;
    char name[16];
    std::snprintf(name, sizeof name, "in%03zu.txt", k);
    r.source = r.path = name;
    r.error_code = "damaged";
    r.message = "test";
    r.generator = ogix_generator();
    return DatasetPart{r, std::nullopt};
  };
  for (int jobs : {1, 2, 5}) {
    DatasetOptions o;
    o.out_dir = (tmp.path / ("j" + std::to_string(jobs))).string();
    o.sync = false;
    o.jobs = jobs;
    std::filesystem::create_directories(o.out_dir);
    std::vector<std::string> seen;
    double ordered = assemble_dataset(100, record, o, [&](const DatasetEntry& e) { seen.push_back(e.record.source); });
    CHECK(ordered >= 0);
    REQUIRE(seen.size() == 100);
    CHECK(std::is_sorted(seen.begin(), seen.end()));
    CHECK(test::slurp(std::filesystem::path(o.out_dir) / "manifest.csv") == test::slurp(tmp.path / "j1" / "manifest.csv"));
    // A record that cannot be read ends the step with its error (no reader left running, no file).
    DatasetOptions bad = o;
    bad.out_dir = (tmp.path / ("bad" + std::to_string(jobs))).string();
    std::filesystem::create_directories(bad.out_dir);
    auto failing = [&](std::size_t k) {
      if (k == 37) throw Error(ErrorCode::io, "part", "cannot be read back");
      return record(k);
    };
    CHECK_THROWS_AS(assemble_dataset(100, failing, bad), Error);
    CHECK_FALSE(std::filesystem::exists(std::filesystem::path(bad.out_dir) / "manifest.csv"));
  }
}

TEST_CASE("the timing line states both phases' wall and CPU seconds") {
  BatchTimings t;
  t.conversions = {10, 19.5};
  t.busiest_worker_cpu = 9.8;
  t.assembly = {1.5, 2.25};
  t.assembly_ordered_cpu = 0.25;
  t.tail = 0.35;
  std::string s = timing_line(t, 1000, 2);
  CHECK(s.find("-j2, 1000 inputs") != std::string::npos);
  CHECK(s.find("conversions 10.00 s wall 19.50 s CPU (19.50 ms CPU per input, busiest thread 9.80 s)") != std::string::npos);
  CHECK(s.find("dataset files 1.50 s wall 2.25 s CPU (ordered thread 0.25 s); tail 0.35 s") != std::string::npos);
  double a = thread_cpu_seconds(), b = process_cpu_seconds();
  volatile double x = 0;
  for (int i = 0; i < 1000000; ++i) x = x + i;  // some CPU, so the clocks move
  CHECK(thread_cpu_seconds() >= a);
  CHECK(process_cpu_seconds() >= b);
  CHECK(process_cpu_seconds() >= thread_cpu_seconds());
}

TEST_CASE("an atomic output appears whole on commit, replaces an older file, and leaves nothing when dropped") {
  test::TempDir dir("ogix-atomic");
  auto names = [&] {
    std::set<std::string> s;
    for (const auto& e : std::filesystem::directory_iterator(dir.path)) s.insert(e.path().filename().string());
    return s;
  };
  auto read = [](const std::filesystem::path& p) { return read_file_capped(p.string(), 1 << 20); };
  std::string path = (dir.path / "out.xml").string();
  {
    AtomicFileWriter w(path, false);
    w.write("first ");
    CHECK(names().count("out.xml") == 0);  // not under its name before commit
    w.write("version");
    w.commit();
  }
  CHECK(read(path) == "first version");
  write_file_atomic(path, "second", false);  // an existing file is replaced
  CHECK(read(path) == "second");
  { AtomicFileWriter dropped(path, true); dropped.write("never committed"); }
  CHECK(read(path) == "second");
  CHECK(names() == std::set<std::string>{"out.xml"});
  CHECK_THROWS_AS(write_file_atomic((dir.path / "missing" / "x.xml").string(), "x", false), Error);
}

TEST_CASE("a sealed output stays unnamed until commit, takes no more bytes, and vanishes when dropped") {
  test::TempDir dir("ogix-sealed");
  auto names = [&] {
    std::set<std::string> s;
    for (const auto& e : std::filesystem::directory_iterator(dir.path)) s.insert(e.path().filename().string());
    return s;
  };
  std::string a = (dir.path / "a.csv").string(), b = (dir.path / "b.csv").string();
  {
    AtomicFileWriter wa(a, true), wb(b, true);  // synced: seal starts the writeback, commit fsyncs
    wa.write("a,1\r\n");
    wb.write(std::string(100000, 'b'));  // past the write buffer: written straight through
    wa.seal();
    wb.seal();
    wa.seal();  // a second seal does nothing
    CHECK(names().empty());
    CHECK_THROWS_AS(wa.write("late"), Error);
    wa.commit();
    CHECK(names() == std::set<std::string>{"a.csv"});
    wb.commit();
  }
  CHECK(read_file_capped(a, 1 << 20) == "a,1\r\n");
  CHECK(read_file_capped(b, 1 << 20) == std::string(100000, 'b'));
  { AtomicFileWriter dropped((dir.path / "c.csv").string(), true); dropped.write("sealed, never committed"); dropped.seal(); }
  CHECK(names() == std::set<std::string>{"a.csv", "b.csv"});
}
