// The batch: parallel runs give the same bytes; outputs appear atomically; failures are listed.
#include <doctest/doctest.h>

#include "tests/test_util.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <unistd.h>

#include "cli/batch.h"
#include "cli/job.h"

using namespace ogix;
using ogix::test::slurp;
namespace fs = std::filesystem;

namespace {

// Copies every fixture input under a unique name (they are all called input.*).
std::vector<std::string> staged_inputs(const fs::path& dir) {
  fs::create_directories(dir);
  std::vector<std::string> out;
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator(std::string(OGIX_SOURCE_DIR) + "/fixtures")) cases.push_back(e.path());
  std::sort(cases.begin(), cases.end());
  for (const auto& c : cases)
    for (const auto& f : fs::directory_iterator(c))
      if (f.path().stem() == "input") {
        fs::path to = dir / (c.filename().string() + f.path().extension().string());
        fs::copy_file(f.path(), to, fs::copy_options::overwrite_existing);
        out.push_back(to.string());
      }
  out.push_back((dir / "missing-file.pdf").string());  // one failure in the batch
  return out;
}

}  // namespace

TEST_CASE("a batch gives identical bytes with 1 and 3 jobs, and lists its failure") {
  // A directory of its own: other checkouts on this machine run this test at the same time.
  test::TempDir tmp("ogix-batch-test");
  const fs::path& root = tmp.path;
  auto inputs = staged_inputs(root / "in");
  REQUIRE(inputs.size() >= 10);
  BatchOptions a, b;
  a.out_dir = (root / "a").string();
  b.out_dir = (root / "b").string();
  a.jobs = 1;
  b.jobs = 3;
  a.sync = b.sync = false;
  std::vector<std::string> errors;
  BatchResult ra = run_batch(inputs, a, [&](const DatasetEntry& e) {
    if (!e.record.ok) errors.push_back(e.record.source + ":" + e.record.error_code);
  });
  BatchResult rb = run_batch(inputs, b);
  CHECK(ra.failed == 1);
  CHECK(rb.failed == 1);
  CHECK(ra.converted == inputs.size() - 1);
  CHECK(errors == std::vector<std::string>{"missing-file.pdf:io"});
  CHECK_FALSE(fs::exists(root / "a" / ".ogix-parts"));  // parts are gone once the dataset is assembled
  int files = 0;
  for (const auto& e : fs::directory_iterator(root / "a")) {
    ++files;
    std::string name = e.path().filename().string();
    CHECK_MESSAGE(name.find(".tmp-") == std::string::npos, "temporary file left: " << name);
    CHECK_MESSAGE(slurp(e.path()) == slurp(root / "b" / name), name << " differs between 1 and 3 jobs");
  }
  // XMLs + cells, manifest, dataset-rules, reports, panel, codebook
  CHECK(files == static_cast<int>(inputs.size()) - 1 + 6);
}

TEST_CASE("output names: a stem used once keeps <stem>.xml — a shared stem is named by each path") {
  auto names = output_names({"x/a/page.html", "report.pdf", "x/b/page.html", "x/b/page.txt"});
  REQUIRE(names.size() == 4);
  CHECK(names[1] == "report.xml");
  std::set<std::string> unique(names.begin(), names.end());
  CHECK(unique.size() == 4);
  for (std::size_t i : {0u, 2u, 3u}) {
    CAPTURE(names[i]);
    CHECK(names[i].rfind("page-", 0) == 0);
    CHECK(names[i].size() == std::string("page-12345678.xml").size());
  }
  // Independent of the order and of the other inputs sharing the stem.
  auto reversed = output_names({"x/b/page.txt", "x/b/page.html", "report.pdf", "x/a/page.html"});
  CHECK(reversed[0] == names[3]);
  CHECK(reversed[3] == names[0]);
  CHECK(output_names({"x/a/page.html", "x/c/page.html"})[0] == names[0]);
  // The same path twice still gets two outputs.
  auto twice = output_names({"same.txt", "same.txt"});
  CHECK(twice[0] != twice[1]);
}

TEST_CASE("a directory input means the report files under it, sorted — hidden and other files skipped") {
  test::TempDir tmp("ogix-expand-test");
  const fs::path& root = tmp.path;
  for (const char* f : {"b/2.pdf", "a/z.HTML", "a/y.txt", "a/notes.json", "a/.hidden.txt", ".git/x.txt", "c.md"}) {
    fs::create_directories((root / f).parent_path());
    std::ofstream(root / f) << "x";
  }
  auto got = expand_inputs({(root / "missing.pdf").string(), root.string()});
  std::vector<std::string> want = {(root / "missing.pdf").string(), (root / "a/y.txt").string(),
                                   (root / "a/z.HTML").string(), (root / "b/2.pdf").string(), (root / "c.md").string()};
  CHECK(got == want);
  std::istringstream list("one.pdf\r\n\r\ntwo dir/three.html\n");
  CHECK(read_input_list(list) == std::vector<std::string>{"one.pdf", "two dir/three.html"});
}

TEST_CASE("a single input's part stays in memory: its dataset files match a batch's, no parts are left") {
  test::TempDir tmp("ogix-batch-single-test");
  const fs::path& root = tmp.path;
  fs::path in = root / "in";
  fs::create_directories(in);
  fs::path pdf = in / "hzq.pdf", html = in / "pingtan.html";
  fs::copy_file(std::string(OGIX_SOURCE_DIR) + "/fixtures/pdf-hzq-2023/input.pdf", pdf);
  fs::copy_file(std::string(OGIX_SOURCE_DIR) + "/fixtures/html-pingtan-2020/input.html", html);
  BatchOptions one, two;
  one.out_dir = (root / "one").string();
  two.out_dir = (root / "two").string();
  one.sync = two.sync = false;
  // Parts an earlier killed run left are not this run's, in memory or not.
  fs::create_directories(fs::path(parts_dir(one.out_dir)));
  std::ofstream(fs::path(parts_dir(one.out_dir)) / "r1-w0.log") << "stale";
  BatchResult r1 = run_batch({pdf.string()}, one);
  BatchResult r2 = run_batch({pdf.string(), html.string()}, two);
  CHECK(r1.converted == 1);
  CHECK(r2.converted == 2);
  CHECK_FALSE(fs::exists(parts_dir(one.out_dir)));
  CHECK(slurp(root / "one" / "hzq.xml") == slurp(root / "two" / "hzq.xml"));
  // The single input's rows are the batch's rows of that input (the part decoded from memory).
  for (const char* name : {"cells.csv", "reports.csv", "panel.csv"}) {
    std::istringstream a(slurp(root / "one" / name)), b(slurp(root / "two" / name));
    std::set<std::string> batch_rows;
    for (std::string line; std::getline(b, line);) batch_rows.insert(line);
    int rows = 0;
    for (std::string line; std::getline(a, line); ++rows) CHECK_MESSAGE(batch_rows.count(line) == 1, name << ": " << line);
    CHECK(rows > 1);
  }
  CHECK(slurp(root / "one" / "codebook.csv") == slurp(root / "two" / "codebook.csv"));
}
