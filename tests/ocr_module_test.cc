// The OCR seam: the module this build made is found beside the test binary, is of this version,
// and a typed Error thrown inside it reaches the core with its code, source and message.
#include <doctest/doctest.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include "extractors/ocr_module.h"
#include "model/error.h"

using namespace ogix;

TEST_CASE("ocr module: loaded beside the binary, of this build's version, with OpenMP limited to one thread") {
  const char* limit = std::getenv("OMP_THREAD_LIMIT");  // set by tests/main.cc, as by the CLI
  REQUIRE(limit != nullptr);
  CHECK(std::string(limit) == "1");
  const OcrModule& m = ocr_module("probe");
  CHECK(std::strcmp(m.version(), OGIX_VERSION) == 0);
}

TEST_CASE("ocr module: an Error thrown inside the module keeps its type, code, source and message") {
  OcrOptions o;
  o.lang = "eng+xx_nolang";
  bool caught = false;
  try {
    open_ocr_engine(o, "scan-17.pdf");
  } catch (const Error& e) {
    caught = true;
    CHECK(e.code() == ErrorCode::ocr_unavailable);
    CHECK(e.source() == "scan-17.pdf");
    CHECK(std::string(e.what()).find("tesseract-ocr-xx-nolang") != std::string::npos);
  }
  CHECK(caught);
  // An installed language opens an engine that names Tesseract in its parameters.
  o.lang = "eng";
  const auto engine = open_ocr_engine(o, "scan-17.pdf");
  REQUIRE(engine != nullptr);
  CHECK(engine->parameters().rfind("tesseract ", 0) == 0);
}
