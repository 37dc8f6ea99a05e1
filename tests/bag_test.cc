#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "cli/batch.h"
#include "cli/job.h"
#include "model/error.h"
#include "model/sha256.h"
#include "model/sha512.h"
#include "test_util.h"
#include "writers/bag_validator.h"
#include "writers/bag_writer.h"
#include "writers/csv_reader.h"

using namespace ogix;
namespace fs = std::filesystem;

namespace {

bool mentions(const BagCheck& c, const std::string& what) {
  for (const auto& p : c.problems)
    if (p.find(what) != std::string::npos) return true;
  return false;
}

using ScratchDir = test::TempDir;

}  // namespace

TEST_CASE("manifest paths are percent-encoded as RFC 8493 §2.1.3 says, CR LF and % only") {
  CHECK(bagit_encode_path("data/a b 平潭 100%.xml") == "data/a b 平潭 100%25.xml");
  CHECK(bagit_encode_path("data/x\r\ny") == "data/x%0D%0Ay");
  std::string back;
  CHECK(bagit_decode_path("data/a%25b%0a%0D", back));
  CHECK(back == "data/a%b\n\r");
  CHECK_FALSE(bagit_decode_path("data/a%20b", back));  // only the three codes are encoded
  CHECK_FALSE(bagit_decode_path("data/a%2", back));
}

TEST_CASE("Bagging-Date comes from SOURCE_DATE_EPOCH in UTC, and a bad value is refused") {
  CHECK(bagging_date("0") == "1970-01-01");
  CHECK(bagging_date("1700000000") == "2023-11-14");
  CHECK(bagging_date(nullptr).size() == 10);
  CHECK_THROWS_AS(bagging_date("yesterday"), Error);
  CHECK_THROWS_AS(bagging_date("-5"), Error);
  CHECK_THROWS_AS(bagging_date(""), Error);
}

TEST_CASE("the CSV reader reads quoted commas, quotes and line breaks, and refuses an open quote") {
  std::istringstream in("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",,x\n");
  CsvRecordReader r(in);
  std::vector<std::string> f;
  REQUIRE(r.next(f));
  CHECK(f == std::vector<std::string>{"a", "b,c", "say \"hi\""});
  REQUIRE(r.next(f));
  CHECK(f == std::vector<std::string>{"two\r\nlines", "", "x"});
  CHECK_FALSE(r.next(f));
  std::istringstream broken("a,\"open\r\n");
  CsvRecordReader rb(broken);
  CHECK_THROWS_AS(rb.next(f), Error);
}

TEST_CASE("digest_file hashes with both algorithms in one read and copies the same bytes") {
  ScratchDir d("ogix-digest");
  std::string bytes(3 * (1 << 20) + 17, 'q');  // more than one read buffer
  { std::ofstream(d.path / "f", std::ios::binary) << bytes; }
  FileDigests g = digest_file((d.path / "f").string(), (d.path / "g").string());
  CHECK(g.size == bytes.size());
  CHECK(g.sha256 == sha256_hex(bytes));
  CHECK(g.sha512 == sha512_hex(bytes));
  CHECK(test::slurp(d.path / "g") == bytes);
}

TEST_CASE("a converted directory becomes a valid bag in place — a changed byte and an added file are named") {
  ScratchDir d("ogix-bag");
  BatchOptions bo;
  bo.out_dir = (d.path / "out").string();
  bo.sync = false;
  auto r = run_batch({test::source_path("fixtures/text-seed-2020/input.txt").string()}, bo);
  REQUIRE(r.converted == 1);
  BagOptions opt;
  opt.bagging_date = "2023-11-14";
  opt.sync = false;
  std::uint64_t loose = 0;  // input.xml and every dataset file the batch wrote
  for (const auto& e : fs::directory_iterator(bo.out_dir)) loose += e.is_regular_file();
  CHECK(loose >= 4);
  BagSummary s = make_bag(bo.out_dir, opt);
  CHECK(s.files == loose);
  CHECK(test::slurp(d.path / "out" / "bagit.txt") == kBagitTxt);
  CHECK(fs::exists(d.path / "out" / "data" / "input.xml"));
  CHECK_FALSE(fs::exists(d.path / "out" / "input.xml"));
  int entries = 0;
  for (const auto& e : fs::directory_iterator(d.path)) entries += e.path().filename() != "out";
  CHECK(entries == 0);  // no temporary folder left beside it
  BagCheck c = validate_bag(bo.out_dir);
  CHECK(c.problems.empty());
  CHECK(c.documents == 1);
  CHECK_THROWS_AS(make_bag(bo.out_dir, opt), Error);  // already a bag

  { std::ofstream(d.path / "out" / "data" / "extra.txt") << "x"; }
  c = validate_bag(bo.out_dir);
  CHECK(mentions(c, "data/extra.txt: not listed in manifest-sha256.txt"));
  CHECK(mentions(c, "Payload-Oxum is"));
  fs::remove(d.path / "out" / "data" / "extra.txt");
  std::string csv = test::slurp(d.path / "out" / "data" / "cells.csv");
  csv[csv.size() / 2] ^= 1;
  { std::ofstream(d.path / "out" / "data" / "cells.csv", std::ios::binary) << csv; }
  c = validate_bag(bo.out_dir);
  CHECK(mentions(c, "data/cells.csv: changed (sha256"));
  CHECK(mentions(c, "data/cells.csv: changed (sha512"));
  CHECK(c.payload_files == loose);  // every payload file was read, the changed one too
  // A tag file changed after bagging is named through the tag manifests.
  { std::ofstream(d.path / "out" / "bag-info.txt", std::ios::app) << "Contact-Name: someone\n"; }
  c = validate_bag(bo.out_dir);
  CHECK(mentions(c, "bag-info.txt: changed (sha256"));
  CHECK(mentions(c, "bag-info.txt: changed (sha512"));
}

TEST_CASE("a directory that is not a bag is named as such") {
  ScratchDir d("ogix-notbag");
  BagCheck c = validate_bag(d.path.string());
  REQUIRE(c.problems.size() == 1);
  CHECK(c.problems[0].find("bagit.txt: missing") != std::string::npos);
}
