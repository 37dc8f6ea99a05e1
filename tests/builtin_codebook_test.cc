#include <doctest/doctest.h>

#include "cli/builtin_codebook.h"
#include "cli/job.h"
#include "profiles/codebook.h"
#include "writers/codebook_writer.h"

using namespace ogix;

// The build-time codebook must be what the profiles give at run time: a profile edited without a
// rebuild of the generated file, or a generator that escapes a byte wrongly, fails here.
TEST_CASE("the build-time codebook.csv equals the codebook built from the profiles at run time") {
  const std::string runtime = codebook_csv(codebook_entries());
  REQUIRE(runtime.size() > 10000);  // every profile's cells, not an empty table
  CHECK(std::string(builtin_codebook_csv()) == runtime);
  CHECK(codebook_text() == runtime);
}

TEST_CASE("the build-time wide-table columns equal reports_columns of the run-time codebook") {
  const ReportsColumns runtime = reports_columns(codebook_entries());
  const ReportsColumns& built = builtin_reports_columns();
  REQUIRE(runtime.codes.size() > 100);
  CHECK(built.codes == runtime.codes);
  CHECK(built.by_profile == runtime.by_profile);
  CHECK(built.index == runtime.index);
  CHECK(&built == &builtin_reports_columns());  // built once
}
