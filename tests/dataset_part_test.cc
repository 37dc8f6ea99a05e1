#include <doctest/doctest.h>

#include <filesystem>

#include "cli/dataset.h"
#include "cli/dataset_part.h"
#include "cli/job.h"
#include "model/error.h"
#include "test_util.h"
#include "writers/xml_reader.h"
#include "writers/xml_writer.h"

using namespace ogix;

namespace {

ManifestRecord record_of(const Document& doc) {
  ManifestRecord r;
  r.source = r.path = doc.meta.source;
  r.ok = true;
  r.sha256 = doc.meta.sha256;
  r.output = "input.xml";
  r.profile = doc.profile;
  r.generator = ogix_generator();
  r.settings = settings_key(ConvertOptions{});
  return r;
}

// Checks field by field (for the message) what encoding both compares at once.
void check_same_fields(const Document& a, const Document& b) {
  const Metadata &x = a.meta, &y = b.meta;
  CHECK(x.source == y.source);
  CHECK(x.sha256 == y.sha256);
  CHECK(x.size == y.size);
  CHECK(x.media_type == y.media_type);
  CHECK(x.extractor == y.extractor);
  CHECK(x.encoding == y.encoding);
  CHECK(x.encoding_basis == y.encoding_basis);
  CHECK(x.pages == y.pages);
  CHECK(x.title == y.title);
  CHECK(x.agency == y.agency);
  CHECK(x.year == y.year);
  CHECK(x.publish_date == y.publish_date);
  CHECK(x.source_url == y.source_url);
  CHECK(x.agency_key == y.agency_key);
  CHECK(x.agency_level == y.agency_level);
  CHECK(x.ocr == y.ocr);
  CHECK(a.profile == b.profile);
  REQUIRE(a.cells.size() == b.cells.size());
  for (std::size_t k = 0; k < a.cells.size(); ++k) {
    const auto &c = a.cells[k], &d = b.cells[k];
    CAPTURE(k);
    CHECK(c.table + "." + c.row + "." + c.col == d.table + "." + d.row + "." + d.col);
    CHECK(c.status == d.status);
    CHECK(c.value == d.value);
    CHECK(c.raw == d.raw);
    CHECK(c.extra == d.extra);
    CHECK(c.label == d.label);
    CHECK(c.unit == d.unit);
    REQUIRE(c.from.size() == d.from.size());
    for (std::size_t s = 0; s < c.from.size(); ++s) {
      CHECK(c.from[s].page == d.from[s].page);
      CHECK(c.from[s].path == d.from[s].path);
      CHECK(c.from[s].x0 == d.from[s].x0);
      CHECK(c.from[s].y1 == d.from[s].y1);
    }
  }
  REQUIRE(a.rules.size() == b.rules.size());
  for (std::size_t k = 0; k < a.rules.size(); ++k) {
    const auto &r = a.rules[k], &q = b.rules[k];
    CAPTURE(k);
    CHECK(r.rule == q.rule);
    CHECK(r.table == q.table);
    CHECK(r.scope == q.scope);
    CHECK(r.result == q.result);
    CHECK(r.lhs == q.lhs);
    CHECK(r.rhs == q.rhs);
    CHECK(r.detail == q.detail);
    CHECK(r.id == q.id);
  }
  REQUIRE(a.findings.size() == b.findings.size());
  for (std::size_t k = 0; k < a.findings.size(); ++k) {
    CAPTURE(k);
    CHECK(a.findings[k].code == b.findings[k].code);
    CHECK(a.findings[k].severity == b.findings[k].severity);
    CHECK(a.findings[k].location == b.findings[k].location);
    CHECK(a.findings[k].message == b.findings[k].message);
  }
}

// Encodes `doc`'s part, decodes it, and checks it against `doc` written as XML and read back, field by
// field and byte for byte; returns the part's bytes.
std::string check_part_round_trip(const ManifestRecord& rec, const Document& doc, const std::string& name) {
  std::string bytes = encode_dataset_part(rec, &doc);
  DatasetPart part = decode_dataset_part(bytes, name + ".part");
  REQUIRE(part.doc);
  CHECK(manifest_row(part.record) == manifest_row(rec));
  Document back = read_xml(write_xml(doc), name + ".xml").doc;
  check_same_fields(*part.doc, back);
  // Encoding both compares every field a part carries, coordinates bit for bit.
  CHECK(encode_dataset_part(rec, &*part.doc) == encode_dataset_part(rec, &back));
  CHECK(encode_dataset_part(rec, &*part.doc) == bytes);
  CHECK(part.doc->cells.size() == doc.cells.size());
  return bytes;
}

}  // namespace

TEST_CASE("every fixture's part holds exactly what its XML reads back as, for every dataset field") {
  // The dataset files of a fresh run come from parts, those of --resume and ogix merge from the
  // XML: the two must be the same Document in every field a dataset file reads.
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test::source_path("fixtures"))) {
    for (const char* ext : {".pdf", ".html", ".txt", ".md", ".docx"}) {
      auto input = entry.path() / (std::string("input") + ext);
      if (!std::filesystem::exists(input)) continue;
      CAPTURE(input.string());
      Document doc;
      try {
        doc = convert_bytes(test::slurp(input), input.filename().string(), ConvertOptions{});
      } catch (const Error&) {
        continue;  // not a report: no part with a document
      }
      check_part_round_trip(record_of(doc), doc, "input");
      ++checked;
    }
  }
  CHECK(checked >= 30);
}

TEST_CASE("a part carries what XML forbids as the XML carries it, and a damaged part is a typed error") {
  Document d;
  d.meta.source = "a\x01" "b.html";
  d.meta.agency = "机构\x7f";
  d.profile = "ogi-2021";
  d.cells.push_back(CanonicalCell{"applications", "new_received", "total", CellStatus::number, "21", "2\x02" "1",
                                  {Span{3, 1.005, 2.344999, -0.001, 1e12, {}}, Span{0, 5, 6, 7, 8, "line:7"}}, false, {}, {}});
  d.rules.push_back(RuleOutcome{4, "t", "s", RuleResult::fail, "0", "11", "d", "L1"});
  d.findings.push_back(Finding{"rule.fail", Severity::warning, "loc", "m\r\n"});
  ManifestRecord rec;
  rec.source = rec.path = "a,\"b\".html";
  rec.ok = true;
  rec.output = "a.xml";
  rec.generator = ogix_generator();
  std::string bytes = check_part_round_trip(rec, d, "a");
  DatasetPart p = decode_dataset_part(bytes, "a.part");
  REQUIRE(p.doc);
  CHECK(p.doc->meta.source == read_xml(write_xml(d), "a.xml").doc.meta.source);  // sanitized as the XML is
  CHECK(p.doc->cells.at(0).from.at(1).x0 == 0);  // no page: no box, as the XML reads back
  CHECK(p.record.source == rec.source);
  // Only the record: failed inputs, kept reports, or a caller that needs no document.
  CHECK_FALSE(decode_dataset_part(bytes, "a.part", false).doc);
  DatasetPart failed = decode_dataset_part(encode_dataset_part(rec, nullptr), "f.part");
  CHECK_FALSE(failed.doc);
  // Every truncation and a wrong magic are damage, never a partial document.
  for (std::size_t n = 0; n < bytes.size(); n += 7) CHECK_THROWS_AS(decode_dataset_part(bytes.substr(0, n), "a.part"), Error);
  CHECK_THROWS_AS(decode_dataset_part("ogix-part 9\n" + bytes.substr(12), "a.part"), Error);
  CHECK_THROWS_AS(decode_dataset_part(bytes + "x", "a.part"), Error);
}

TEST_CASE("the settings key names every option that changes a document and differs when one does") {
  ConvertOptions a;
  std::string key = settings_key(a);
  CHECK(key == "ocr=auto;ocr-lang=chi_sim+eng;max-input-bytes=67108864;max-pages=500;max-depth=256;max-cells=100000;"
               "max-span=1000;max-seconds=120;max-pixels=40000000;ocr-page-seconds=30");
  std::vector<ConvertOptions> changed(10, a);
  changed[0].ocr.mode = OcrMode::off;
  changed[1].ocr.lang = "chi_tra";
  changed[2].limits.max_input_bytes = 1;
  changed[3].limits.max_pages = 1;
  changed[4].limits.max_depth = 1;
  changed[5].limits.max_table_cells = 1;
  changed[6].limits.max_span = 1;
  changed[7].limits.max_seconds = 0.5;
  changed[8].limits.max_pixels = 1;
  changed[9].limits.ocr_page_seconds = 0;
  for (const auto& c : changed) CHECK(settings_key(c) != key);
}
