// The library's front door: one input file (or bytes) through the whole pipeline.
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"
#include "model/limits.h"
#include "model/ocr_options.h"
#include "model/panel.h"

namespace ogix {

// Options that change what a conversion does.
struct ConvertOptions {
  Limits limits;
  OcrOptions ocr;
};

// Runs sniff → extractor → normalizers (text, grid, sections, profile mapping, rules) on `bytes`.
// `source` is the file name written to the output. Throws ogix::Error when no report comes out.
Document convert_bytes(std::string_view bytes, const std::string& source, const ConvertOptions& options);

class Extractor;

// The same pipeline with a chosen extractor (no sniffing): for fuzzing one extractor at a time.
Document convert_with(const Extractor& extractor, std::string_view bytes, const std::string& source,
                      const ConvertOptions& options);

}  // namespace ogix

namespace ogix {

// What a batch run does.
struct BatchOptions {
  ConvertOptions convert;
  std::string out_dir;
  int jobs = 1;           // conversions in parallel; output is identical for any value
  bool write_csv = true;  // OUTDIR/cells.csv
  bool sync = true;       // fsync each output before its rename (durable across a power cut)
  bool csv_bom = false;   // start every CSV with a UTF-8 BOM (Excel reads Chinese text right)
  std::string sqlite_path;  // also write the dataset as one SQLite database there (empty: no)
};

// The outcome of one input of a batch.
struct InputOutcome {
  std::string path;    // as given
  std::string source;  // file name
  bool ok = false;
  std::string error_code, message;  // when !ok
  std::string output;               // XML file name written, when ok
  std::string sha256, profile;
  std::uint64_t size = 0;
  int cells[5] = {0, 0, 0, 0, 0};  // by CellStatus
  int rules[3] = {0, 0, 0};        // by RuleResult
  int findings = 0;
  int sections = 0;
  std::string csv_rows;  // this input's cells CSV rows
  std::string reports_row;  // this input's reports.csv row
  PanelRow panel;           // this input's panel row (duplicate_key set by the batch)
  std::string agency, year;  // as the report states them (for rule 6)
  std::vector<CanonicalCell> carried;  // applications carried_over / carried_forward cells (rule 6)
};

// Rule 6 of the spec, across a batch: for the same agency in consecutive years, this year's
// carried_over equals last year's carried_forward, per column.
struct DatasetOutcome {
  std::string agency, year_before, year, source_before, source, col;
  RuleResult result = RuleResult::unchecked;
  std::string lhs, rhs, detail;  // lhs = this year's carried_over, rhs = last year's carried_forward
};

// Evaluates rule 6 over the converted inputs, in agency, year, column order.
std::vector<DatasetOutcome> check_dataset_rules(const std::vector<InputOutcome>& inputs);

// The outcome of a batch, inputs in the order given.
struct BatchResult {
  std::vector<InputOutcome> inputs;
  std::vector<DatasetOutcome> dataset;  // rule 6 outcomes
  int converted() const;
  int failed() const;
};

// Converts every input, writing OUTDIR/<name>.xml (names from output_names), OUTDIR/cells.csv, OUTDIR/manifest.csv,
// OUTDIR/dataset-rules.csv (rule 6), the research files OUTDIR/reports.csv, panel.csv and codebook.csv, and the
// SQLite database when asked, each atomically. A failing input is recorded and the batch goes on. Throws Error(io) only when the
// output directory itself cannot be written.
BatchResult run_batch(const std::vector<std::string>& inputs, const BatchOptions& options);

// The output XML name of each input: <stem>.xml, or <stem>-<8+ hex digits of the SHA-256 of its
// path>.xml for every input whose stem another input shares (so a batch of …/page.html works).
std::vector<std::string> output_names(const std::vector<std::string>& inputs);

// The inputs named by command-line arguments: a file as given; a directory replaced by the
// report files under it (.pdf .html .htm .shtml .xhtml .txt .text .md, any case; hidden entries
// skipped), in sorted path order. A directory that cannot be read (wholly or in part) is kept as
// an input itself, so the batch lists it as failed.
std::vector<std::string> expand_inputs(const std::vector<std::string>& args);

// Paths one per line (CR LF or LF; empty lines skipped), as --files-from reads them.
std::vector<std::string> read_input_list(std::istream& in);

// The codebook of every built-in profile as CSV (what `ogix codebook` prints).
std::string codebook_text();

// Writes `bytes` to `path` via a temporary file in the same directory and a rename, so readers
// never see a half-written file. Throws Error(io).
void write_file_atomic(const std::string& path, std::string_view bytes, bool sync = true);

// Reads a whole file, refusing files larger than `max_bytes` before reading them. Throws Error.
std::string read_file_capped(const std::string& path, std::size_t max_bytes);

}  // namespace ogix
