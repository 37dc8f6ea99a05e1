// OCR of a scanned ruled table's grid: the header cells above its first row of numbers stay
// headers, however unsure their reading (page 2 of the ruled 2021 fixture, scanned at 200 dpi with
// seed 3, whose 总计 header was read again as digits and took table 三 apart).
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "cli/job.h"
#include "test_util.h"

using namespace ogix;
using ogix::test::read_gold_tsv;
using ogix::test::slurp;
using ogix::test::source_path;

TEST_CASE("ocr grid: a number column's unsure header is no number, and the table under it maps") {
  ConvertOptions o;
  o.limits.max_seconds = 600;  // a busy CI machine: OCR of a page takes seconds
  // scripts/make-scans.py fixtures/pdf-ruled-2021/input.pdf --dpi 200 --seed 3, page 2 (NOTES.md).
  Document d = convert_bytes(slurp(source_path("fixtures/ocr/ruled-2021-p2-200dpi-seed3.pdf")), "scan.pdf", o);
  auto gold = read_gold_tsv(source_path("fixtures/pdf-ruled-2021/gold.tsv"));  // table/row/col → (status, value)
  std::set<std::string> flagged;
  for (const auto& f : d.findings)
    if (f.code.rfind("ocr.", 0) == 0) flagged.insert(f.location);
  // The header row of the applicant columns is a header: its 总计 is not read as a value.
  for (const auto& f : d.findings) CHECK_MESSAGE(f.code != "map.foreign_row", f.location);
  int read = 0, right = 0;
  std::set<std::string> rows;
  for (const auto& c : d.cells) {
    if (c.table != "applications" || c.status == CellStatus::missing) continue;
    const auto g = gold.find(c.table + "/" + c.row + "/" + c.col);
    if (g == gold.end()) {  // a row beyond the profile: a table row that matched none
      FAIL_CHECK(std::string(c.row + "/" + c.col));
      continue;
    }
    ++read;
    rows.insert(c.row);
    const bool ok = g->second.first == status_name(c.status) && g->second.second == c.value;
    right += ok;
    // Never a silent wrong number.
    if (!ok && c.status == CellStatus::number)
      CHECK_MESSAGE(flagged.count(c.table + "/" + c.row + "/" + c.col) + flagged.count(c.table + "/" + c.row) > 0, std::string(c.row + "/" + c.col));
  }
  // The page holds table 三 from 新收 down to 无正当理由大量反复申请: 19 rows of 7 values
  // (main read 10 of them: every row of the table was foreign).
  CHECK(rows.size() == 19);
  CHECK(read == 19 * 7);
  CHECK(right >= 19 * 7 - 2);
  CHECK(rows.count("new_received") == 1);
  CHECK(rows.count("not_processed.vexatious") == 1);
}
