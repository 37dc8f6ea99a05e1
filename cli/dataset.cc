#include "cli/dataset.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include "cli/job.h"
#include "model/error.h"
#include "normalizers/unicode.h"
#include "writers/cells_csv_writer.h"
#include "writers/xml_reader.h"

namespace fs = std::filesystem;

namespace ogix {

namespace {

std::string out_path(const DatasetOptions& o, const char* name) { return (fs::path(o.out_dir) / name).string(); }

// cells.csv: the rows of every converted report, streamed to disk.
class CellsCsvConsumer : public DatasetConsumer {
 public:
  explicit CellsCsvConsumer(const DatasetOptions& o) : file_(out_path(o, "cells.csv"), o.sync) { file_.write(cells_csv_header()); }
  void add(const DatasetEntry& e) override {
    if (e.doc) file_.write(cells_csv_rows(*e.doc, e.record.output));
  }
  void finish() override { file_.commit(); }

 private:
  AtomicFileWriter file_;
};

// manifest.csv: one row per input, failed ones included.
class ManifestConsumer : public DatasetConsumer {
 public:
  explicit ManifestConsumer(const DatasetOptions& o) : file_(out_path(o, "manifest.csv"), o.sync) { file_.write(manifest_header()); }
  void add(const DatasetEntry& e) override { file_.write(manifest_row(e.record)); }
  void finish() override { file_.commit(); }

 private:
  AtomicFileWriter file_;
};

// dataset-rules.csv: rule 6 across the batch. Entries arrive in source order, so the first report
// of an agency and year is the one rule 6 keeps; later ones are not held.
class DatasetRulesConsumer : public DatasetConsumer {
 public:
  explicit DatasetRulesConsumer(const DatasetOptions& o) : path_(out_path(o, "dataset-rules.csv")), sync_(o.sync) {}
  void add(const DatasetEntry& e) override {
    if (!e.doc) return;
    DatasetReport r = dataset_report_of(*e.doc);
    if (r.agency.empty() || r.year.size() != 4) return;
    if (!seen_.insert({r.agency, r.year}).second) return;
    for (auto& c : r.carried) c.from.clear();  // provenance is not part of rule 6's file
    reports_.push_back(std::move(r));
  }
  void finish() override {
    std::string ds = "rule,agency,year_before,year,source_before,source,col,result,carried_over,carried_forward_before,detail\r\n";
    for (const auto& o : check_dataset_rules(reports_))
      ds += "6," + csv_field(o.agency) + ',' + o.year_before + ',' + o.year + ',' + csv_field(o.source_before) + ',' +
            csv_field(o.source) + ',' + o.col + ',' + rule_result_name(o.result) + ',' + o.lhs + ',' + o.rhs + ',' +
            csv_field(o.detail) + "\r\n";
    write_file_atomic(path_, ds, sync_);
  }

 private:
  std::string path_;
  bool sync_;
  std::set<std::pair<std::string, std::string>> seen_;
  std::vector<DatasetReport> reports_;
};

}  // namespace

std::vector<std::unique_ptr<DatasetConsumer>> make_dataset_consumers(const DatasetOptions& options) {
  std::vector<std::unique_ptr<DatasetConsumer>> out;
  if (options.write_csv) out.push_back(std::make_unique<CellsCsvConsumer>(options));
  out.push_back(std::make_unique<DatasetRulesConsumer>(options));
  out.push_back(std::make_unique<ManifestConsumer>(options));  // last: its presence marks a finished batch
  return out;
}

void assemble_dataset(std::size_t count, const std::function<ManifestRecord(std::size_t)>& record_at,
                      const DatasetOptions& options, const std::function<void(const DatasetEntry&)>& on_entry) {
  auto consumers = make_dataset_consumers(options);
  // Reports are read back in parallel a window at a time and handed on in order: the consumers
  // see one ordered stream, memory holds one window, and -j N speeds up this step too.
  int jobs = std::clamp(options.jobs, 1, 64);
  std::size_t window = static_cast<std::size_t>(8 * jobs);
  std::vector<ManifestRecord> recs;
  std::vector<Document> docs;
  std::vector<std::exception_ptr> errors;
  for (std::size_t start = 0; start < count; start += window) {
    std::size_t n = std::min(window, count - start);
    recs.assign(n, ManifestRecord{});
    docs.assign(n, Document{});
    errors.assign(n, nullptr);
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t k = next++; k < n; k = next++) {
        try {
          recs[k] = record_at(start + k);
          if (recs[k].ok) {
            // Canonical XML of any size ogix wrote; the cap only keeps a stray huge file from exhausting memory.
            std::string xml = read_file_capped((fs::path(options.out_dir) / recs[k].output).string(), std::size_t{1} << 31);
            docs[k] = read_xml(xml, recs[k].output).doc;
          }
        } catch (...) {
          errors[k] = std::current_exception();
        }
      }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < jobs && static_cast<std::size_t>(t) < n; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    for (std::size_t k = 0; k < n; ++k) {
      if (errors[k]) std::rethrow_exception(errors[k]);
      DatasetEntry entry{recs[k], recs[k].ok ? &docs[k] : nullptr};
      for (auto& c : consumers) c->add(entry);
      if (on_entry) on_entry(entry);
    }
  }
  for (auto& c : consumers) c->finish();
}

DatasetReport dataset_report_of(const Document& doc) {
  DatasetReport r;
  r.source = doc.meta.source;
  // Rule 6 pairs reports by the agency their titles name (pages of one agency state its name
  // differently in their metadata: 平潭综合实验区管委会 / 平潭综合实验区).
  r.agency = strip_spaces(doc.meta.agency);
  if (!doc.meta.title.empty() && !doc.meta.year.empty()) {
    std::string t = strip_spaces(doc.meta.title);
    auto at = t.find(doc.meta.year);
    if (at != std::string::npos && at > 0) r.agency = t.substr(0, at);
  }
  r.year = doc.meta.year;
  for (const auto& c : doc.cells)
    if (c.table == "applications" && (c.row == "carried_over" || c.row == "carried_forward")) r.carried.push_back(c);
  return r;
}

std::vector<DatasetOutcome> check_dataset_rules(const std::vector<DatasetReport>& reports) {
  // agency → year → report; a year reported twice keeps the smallest source name.
  std::map<std::string, std::map<int, const DatasetReport*>> by_agency;
  for (const auto& i : reports) {
    if (i.agency.empty() || i.year.size() != 4 || i.year.find_first_not_of("0123456789") != std::string::npos) continue;
    auto& slot = by_agency[i.agency][std::stoi(i.year)];
    if (!slot || i.source < slot->source) slot = &i;
  }
  std::vector<DatasetOutcome> out;
  for (const auto& [agency, years] : by_agency)
    for (const auto& [year, cur] : years) {
      auto prev = years.find(year - 1);
      if (prev == years.end()) continue;
      auto find = [](const DatasetReport& i, const char* row, const std::string& col) -> const CanonicalCell* {
        for (const auto& c : i.carried)
          if (c.row == row && c.col == col) return &c;
        return nullptr;
      };
      for (const auto& c : cur->carried) {
        if (c.row != "carried_over") continue;
        DatasetOutcome o{agency, prev->second->year, cur->year, prev->second->source, cur->source, c.col, RuleResult::unchecked, {}, {}, {}};
        const CanonicalCell* before = find(*prev->second, "carried_forward", c.col);
        if (!before || before->status != CellStatus::number || c.status != CellStatus::number) {
          o.detail = !before ? "no carried_forward cell last year"
                             : std::string("operand is ") + status_name(c.status != CellStatus::number ? c.status : before->status);
        } else {
          o.lhs = c.value;
          o.rhs = before->value;
          o.result = c.value == before->value ? RuleResult::pass : RuleResult::fail;
        }
        out.push_back(std::move(o));
      }
    }
  return out;
}

}  // namespace ogix
