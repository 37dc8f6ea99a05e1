// The batch: parallel runs give the same bytes; outputs appear atomically; failures are listed.
#include <doctest/doctest.h>

#include "tests/test_util.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

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
  fs::path root = fs::temp_directory_path() / "ogix-batch-test";
  fs::remove_all(root);
  auto inputs = staged_inputs(root / "in");
  REQUIRE(inputs.size() >= 10);
  BatchOptions a, b;
  a.out_dir = (root / "a").string();
  b.out_dir = (root / "b").string();
  a.jobs = 1;
  b.jobs = 3;
  a.sync = b.sync = false;
  BatchResult ra = run_batch(inputs, a), rb = run_batch(inputs, b);
  CHECK(ra.failed() == 1);
  CHECK(rb.failed() == 1);
  CHECK(ra.inputs.back().error_code == "io");
  int files = 0;
  for (const auto& e : fs::directory_iterator(root / "a")) {
    ++files;
    std::string name = e.path().filename().string();
    CHECK_MESSAGE(name.find(".tmp-") == std::string::npos, "temporary file left: " << name);
    CHECK_MESSAGE(slurp(e.path()) == slurp(root / "b" / name), name << " differs between 1 and 3 jobs");
  }
  // XMLs + cells, manifest, dataset-rules, reports, panel, codebook
  CHECK(files == static_cast<int>(inputs.size()) - 1 + 6);
  fs::remove_all(root);
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
  fs::path root = fs::temp_directory_path() / "ogix-expand-test";
  fs::remove_all(root);
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
  fs::remove_all(root);
}
