// The pieces of corpus runs: manifest rows read back, shard arithmetic, temporary names, progress.
#include <doctest/doctest.h>

#include <set>

#include "cli/batch.h"
#include "cli/manifest.h"
#include "cli/progress.h"
#include "model/error.h"

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
