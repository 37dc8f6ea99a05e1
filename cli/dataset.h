// The dataset files of an output directory (cells.csv, manifest.csv, dataset-rules.csv, …) and the
// ONE step that assembles them.
//
// The seam: assemble_dataset() walks the reports of a finished batch one at a time, in the dataset
// order (ManifestRecord::operator<), taking each converted report from its part (cli/dataset_part.h:
// what the conversion left of the Document it had in memory) or, when the part has none (a report
// kept by --resume from a finished run, a shard's report in ogix merge), from its XML in OUTDIR
// (read_xml), and hands each to every DatasetConsumer; then asks each consumer to finish, which
// writes its file atomically. `ogix convert` (fresh or --resume) and `ogix merge` both end in this
// step, so a dataset file depends only on the set of reports, never on how the work was split,
// killed, resumed or ordered. Memory stays bounded: a ring of 8×-j Documents at a time (read back by
// -j threads, which also make what each consumer writes of them — DatasetConsumer::prepare —
// while the calling thread hands them on in order); a consumer keeps only
// what its file needs across reports (rule 6 keeps one small entry per agency and year).
// A new dataset file is one more DatasetConsumer added in make_dataset_consumers().
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "cli/dataset_part.h"
#include "cli/manifest.h"
#include "model/document.h"

namespace ogix {

// One report as the assembly step streams it.
struct DatasetEntry {
  const ManifestRecord& record;  // the manifest row (failed inputs too)
  const Document* doc;           // the report (from its part or its XML), null when !record.ok; its
                                 // metadata, profile, cells, rules and findings only
};

// A dataset file built from the stream of reports.
class DatasetConsumer {
 public:
  virtual ~DatasetConsumer() = default;
  // What add() is to write of a report, made beforehand on a reading thread (-j of them at once)
  // so that the one ordered thread only writes it. Must not touch the consumer's state.
  virtual std::string prepare(const DatasetEntry&) const { return {}; }
  // Takes the next report, in dataset order, with what prepare() made of it. Throws Error(io)
  // when its file cannot be written.
  virtual void add(const DatasetEntry& entry, std::string prepared) = 0;
  // Writes the rest of the file, sealed and still unnamed (AtomicFileWriter::seal). Throws Error(io).
  virtual void finish() = 0;
  // Puts the finished file at its path (atomically), after every consumer has finished: the
  // files' data goes to disk together. Throws Error(io).
  virtual void publish() {}
};

// What the dataset files are made of.
struct DatasetOptions {
  std::string out_dir;
  bool write_csv = true;  // OUTDIR/cells.csv
  bool sync = true;       // fsync each file before its rename
  int jobs = 1;           // threads reading reports back (the files do not depend on it)
  bool csv_bom = false;   // start every CSV with a UTF-8 BOM (Excel reads Chinese text right)
  std::string sqlite_path;  // also write the dataset as one SQLite database there (empty: no)
};

// The consumers of a batch, in this order: cells.csv (unless !write_csv), reports.csv, panel.csv,
// codebook.csv, the SQLite database (when asked), dataset-rules.csv, manifest.csv (last).
std::vector<std::unique_ptr<DatasetConsumer>> make_dataset_consumers(const DatasetOptions& options);

// Assembles the dataset files from `count` parts that part_at(0..count-1) returns in dataset order
// (called by the reading threads), reading the XML from out_dir of each ok record whose part holds
// no document. `on_entry` (optional) sees every entry after the consumers; `publish_first`
// (optional) runs once every file is written and before any is published (the caller's own sealed
// files committed there share the dataset files' trip to disk). Returns the CPU seconds the calling
// thread spent handing reports to the consumers and finishing them: the step's serial part, which
// no -j shortens. Throws Error (io, or damaged when an XML in out_dir cannot be read back).
double assemble_dataset(std::size_t count, const std::function<DatasetPart(std::size_t)>& part_at,
                        const DatasetOptions& options, const std::function<void(const DatasetEntry&)>& on_entry = {},
                        const std::function<void()>& publish_first = {});

// What rule 6 needs of one report.
struct DatasetReport {
  std::string source;
  std::string agency, year;            // as the report states them
  std::vector<CanonicalCell> carried;  // applications carried_over / carried_forward cells
};

// The rule-6 view of a converted report.
DatasetReport dataset_report_of(const Document& doc);

// Rule 6 of the spec, across a batch: for the same agency in consecutive years, this year's
// carried_over equals last year's carried_forward, per column.
struct DatasetOutcome {
  std::string agency, year_before, year, source_before, source, col;
  RuleResult result = RuleResult::unchecked;
  std::string lhs, rhs, detail;  // lhs = this year's carried_over, rhs = last year's carried_forward
};

// Evaluates rule 6 over the reports (a year reported twice keeps the smallest source name, the
// first given on a tie), in agency, year, column order.
std::vector<DatasetOutcome> check_dataset_rules(const std::vector<DatasetReport>& reports);

}  // namespace ogix
