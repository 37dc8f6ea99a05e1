// Inputs that once crashed a fuzz target run through the same path in every test run.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/job.h"
#include "extractors/extractor.h"
#include "model/error.h"
#include "writers/cells_csv_writer.h"
#include "writers/xml_writer.h"

using namespace ogix;
namespace fs = std::filesystem;

TEST_CASE("fuzz regressions: every saved extractor input converts or fails with a typed error") {
  int n = 0;
  for (const auto& e : fs::directory_iterator(std::string(OGIX_SOURCE_DIR) + "/fixtures/fuzz-regressions")) {
    std::string name = e.path().filename().string();
    InputKind kind = name.rfind("text-", 0) == 0   ? InputKind::text
                     : name.rfind("html-", 0) == 0 ? InputKind::html
                     : name.rfind("pdf-", 0) == 0  ? InputKind::pdf
                     : name.rfind("docx-", 0) == 0 ? InputKind::docx
                                                   : InputKind::unsupported;
    if (kind == InputKind::unsupported) continue;  // xml_writer inputs drive a synthetic Document
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    ++n;
    // A small input that spends seconds is a pathological-input bug (one once looped until the
    // deadline): the time budget here is tight, and running out of it fails the test.
    ConvertOptions opt;
    opt.limits.max_seconds = 20;
    try {
      Document d = convert_with(*extractor_for(kind), ss.str(), name, opt);
      CHECK_FALSE(write_xml(d).empty());
      (void)cells_csv_rows(d);
    } catch (const Error& err) {
      CHECK_MESSAGE(err.code() != ErrorCode::internal, name << ": " << err.what());
      CHECK_MESSAGE(std::string(err.what()).find("time limit") == std::string::npos, name << ": " << err.what());
    }
  }
  MESSAGE(n << " extractor regression inputs replayed");
}
