#include "cli/dataset.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "cli/builtin_codebook.h"
#include "cli/job.h"
#include "cli/progress.h"
#include "cli/spill_file.h"
#include "model/error.h"
#include "text/unicode.h"
#include "normalizers/panel.h"
#include "profiles/codebook.h"
#include "writers/cells_csv_writer.h"
#include "writers/panel_writer.h"
#include "writers/reports_writer.h"
#include "writers/sqlite_writer.h"
#include "writers/xml_reader.h"

namespace fs = std::filesystem;

namespace ogix {

namespace {

std::string out_path(const DatasetOptions& o, const char* name) { return (fs::path(o.out_dir) / name).string(); }

const char* bom(const DatasetOptions& o) { return o.csv_bom ? "\xEF\xBB\xBF" : ""; }

// The wide table's columns: every cell code of the built-in profiles.
const ReportsColumns& wide_columns() { return builtin_reports_columns(); }

// Panel rows of every report, spilled: their duplicate_key flags need every row's key first.
class PanelSpill {
 public:
  void add(const PanelRow& r) {
    counter_.count(r);
    std::vector<std::string> f = {r.source, r.document, r.profile, r.agency, r.agency_key, r.agency_level, r.year,
                                  std::to_string(r.rules_fail), r.notes};
    f.insert(f.end(), r.values.begin(), r.values.end());
    offsets_.push_back(spill_.put(f));
  }
  // Calls `fn` with each row in the order added, its duplicate_key set.
  void for_each(const std::function<void(const PanelRow&)>& fn) {
    for (long at : offsets_) {
      auto f = spill_.get(at);
      PanelRow r;
      r.source = f.at(0), r.document = f.at(1), r.profile = f.at(2), r.agency = f.at(3), r.agency_key = f.at(4);
      r.agency_level = f.at(5), r.year = f.at(6), r.rules_fail = std::stoi(f.at(7)), r.notes = f.at(8);
      for (std::size_t k = 0; k < r.values.size(); ++k) r.values[k] = f.at(9 + k);
      r.duplicate_key = counter_.is_duplicate(r);
      fn(r);
    }
  }

 private:
  SpillFile spill_;
  std::vector<long> offsets_;  // 8 bytes a report
  DuplicateKeyCounter counter_;
};

// cells.csv: the rows of every converted report, streamed to disk.
class CellsCsvConsumer : public DatasetConsumer {
 public:
  explicit CellsCsvConsumer(const DatasetOptions& o) : file_(out_path(o, "cells.csv"), o.sync) {
    file_.write(std::string(bom(o)) + cells_csv_header());
  }
  std::string prepare(const DatasetEntry& e) const override { return e.doc ? cells_csv_rows(*e.doc, e.record.output) : ""; }
  void add(const DatasetEntry&, std::string rows) override { file_.write(rows); }
  void finish() override { file_.seal(); }
  void publish() override { file_.commit(); }

 private:
  AtomicFileWriter file_;
};

// reports.csv: the wide table, a row per converted report, streamed to disk.
class ReportsCsvConsumer : public DatasetConsumer {
 public:
  explicit ReportsCsvConsumer(const DatasetOptions& o) : file_(out_path(o, "reports.csv"), o.sync) {
    file_.write(std::string(bom(o)) + reports_csv_header(wide_columns()));
  }
  std::string prepare(const DatasetEntry& e) const override {
    return e.doc ? reports_csv_row(*e.doc, e.record.output, wide_columns()) : "";
  }
  void add(const DatasetEntry&, std::string row) override { file_.write(row); }
  void finish() override { file_.seal(); }
  void publish() override { file_.commit(); }

 private:
  AtomicFileWriter file_;
};

// panel.csv: the harmonized panel (spec panel.md).
class PanelCsvConsumer : public DatasetConsumer {
 public:
  explicit PanelCsvConsumer(const DatasetOptions& o) : opt_(o) {}
  void add(const DatasetEntry& e, std::string) override {
    if (e.doc) rows_.add(panel_row(*e.doc, e.record.output));
  }
  void finish() override {
    file_.emplace(out_path(opt_, "panel.csv"), opt_.sync);
    file_->write(std::string(bom(opt_)) + panel_csv_header());
    rows_.for_each([&](const PanelRow& r) { file_->write(panel_csv_row(r)); });
    file_->seal();
  }
  void publish() override { file_->commit(); }

 private:
  DatasetOptions opt_;
  PanelSpill rows_;
  std::optional<AtomicFileWriter> file_;  // made at finish(): the panel is sorted first
};

// codebook.csv: every section and cell code of every profile (the same for every batch).
class CodebookConsumer : public DatasetConsumer {
 public:
  explicit CodebookConsumer(const DatasetOptions& o) : opt_(o) {}
  void add(const DatasetEntry&, std::string) override {}
  void finish() override {
    file_.emplace(out_path(opt_, "codebook.csv"), opt_.sync);
    file_->write(bom(opt_));
    file_->write(builtin_codebook_csv());
    file_->seal();
  }
  void publish() override { file_->commit(); }

 private:
  DatasetOptions opt_;
  std::optional<AtomicFileWriter> file_;
};

// --sqlite FILE: reports inserted as they stream past, the panel at the end.
class SqliteConsumer : public DatasetConsumer {
 public:
  explicit SqliteConsumer(const DatasetOptions& o) : db_(o.sqlite_path) {}
  void add(const DatasetEntry& e, std::string) override {
    if (!e.doc) return;
    db_.add_report(*e.doc, e.record.output);
    panel_.add(panel_row(*e.doc, e.record.output));
  }
  void finish() override {
    std::vector<PanelRow> chunk;
    panel_.for_each([&](const PanelRow& r) {
      chunk.push_back(r);
      if (chunk.size() == 1000) db_.add_panel(chunk), chunk.clear();
    });
    db_.add_panel(chunk);
    db_.add_codebook(codebook_entries());
    db_.commit();
  }

 private:
  SqliteDatasetWriter db_;
  PanelSpill panel_;
};

// manifest.csv: one row per input, failed ones included.
class ManifestConsumer : public DatasetConsumer {
 public:
  explicit ManifestConsumer(const DatasetOptions& o) : file_(out_path(o, "manifest.csv"), o.sync) {
    file_.write(std::string(bom(o)) + manifest_header());
  }
  std::string prepare(const DatasetEntry& e) const override { return manifest_row(e.record); }
  void add(const DatasetEntry&, std::string row) override { file_.write(row); }
  void finish() override { file_.seal(); }
  void publish() override { file_.commit(); }

 private:
  AtomicFileWriter file_;
};

// dataset-rules.csv: rule 6 across the batch. Entries arrive in source order, so the first report
// of an agency and year is the one rule 6 keeps; its carried cells are spilled to disk and only
// the (agency, year) index stays in memory.
class DatasetRulesConsumer : public DatasetConsumer {
 public:
  explicit DatasetRulesConsumer(const DatasetOptions& o) : opt_(o) {}
  void add(const DatasetEntry& e, std::string) override {
    if (!e.doc) return;
    DatasetReport r = dataset_report_of(*e.doc);
    if (r.agency.empty() || r.year.size() != 4 || r.year.find_first_not_of("0123456789") != std::string::npos) return;
    auto [it, fresh] = index_.try_emplace({r.agency, std::stoi(r.year)}, 0);
    if (!fresh) return;
    std::vector<std::string> f = {r.source, r.agency, r.year};
    for (const auto& c : r.carried) f.insert(f.end(), {c.row, c.col, std::to_string(static_cast<int>(c.status)), c.value});
    it->second = spill_.put(f);
  }
  void finish() override {
    std::string ds = std::string(bom(opt_)) +
                     "rule,agency,year_before,year,source_before,source,col,result,carried_over,carried_forward_before,detail\r\n";
    for (const auto& [key, at] : index_) {
      auto prev = index_.find({key.first, key.second - 1});
      if (prev == index_.end()) continue;
      for (const auto& o : check_dataset_rules({load(prev->second), load(at)}))
        ds += "6," + csv_field(o.agency) + ',' + o.year_before + ',' + o.year + ',' + csv_field(o.source_before) + ',' +
              csv_field(o.source) + ',' + o.col + ',' + rule_result_name(o.result) + ',' + o.lhs + ',' + o.rhs + ',' +
              csv_field(o.detail) + "\r\n";
    }
    file_.emplace(out_path(opt_, "dataset-rules.csv"), opt_.sync);
    file_->write(ds);
    file_->seal();
  }
  void publish() override { file_->commit(); }

 private:
  DatasetReport load(long at) {
    auto f = spill_.get(at);
    DatasetReport r;
    r.source = f.at(0), r.agency = f.at(1), r.year = f.at(2);
    for (std::size_t k = 3; k + 4 <= f.size(); k += 4) {
      CanonicalCell c;
      c.table = "applications", c.row = f.at(k), c.col = f.at(k + 1), c.value = f.at(k + 3);
      c.status = static_cast<CellStatus>(std::stoi(f.at(k + 2)));
      r.carried.push_back(std::move(c));
    }
    return r;
  }
  DatasetOptions opt_;
  SpillFile spill_;
  std::map<std::pair<std::string, int>, long> index_;
  std::optional<AtomicFileWriter> file_;
};

}  // namespace

std::vector<std::unique_ptr<DatasetConsumer>> make_dataset_consumers(const DatasetOptions& options) {
  std::vector<std::unique_ptr<DatasetConsumer>> out;
  if (options.write_csv) out.push_back(std::make_unique<CellsCsvConsumer>(options));
  out.push_back(std::make_unique<ReportsCsvConsumer>(options));
  out.push_back(std::make_unique<PanelCsvConsumer>(options));
  out.push_back(std::make_unique<CodebookConsumer>(options));
  if (!options.sqlite_path.empty()) out.push_back(std::make_unique<SqliteConsumer>(options));
  out.push_back(std::make_unique<DatasetRulesConsumer>(options));
  out.push_back(std::make_unique<ManifestConsumer>(options));  // last: its presence marks a finished batch
  return out;
}

double assemble_dataset(std::size_t count, const std::function<DatasetPart(std::size_t)>& part_at,
                        const DatasetOptions& options, const std::function<void(const DatasetEntry&)>& on_entry,
                        const std::function<void()>& publish_first) {
  auto consumers = make_dataset_consumers(options);
  int jobs = std::clamp(options.jobs, 1, 64);
  // One report read back: its manifest row, its document, or what went wrong.
  struct Slot {
    ManifestRecord rec;
    Document doc;
    std::vector<std::string> prepared;  // by consumer
    std::exception_ptr error;
    bool ready = false;
  };
  auto read_into = [&](Slot& slot, std::size_t k) {
    try {
      DatasetPart part = part_at(k);
      slot.rec = std::move(part.record);
      if (slot.rec.ok && part.doc) {
        slot.doc = std::move(*part.doc);
      } else if (slot.rec.ok) {
        // Canonical XML of any size ogix wrote; the cap only keeps a stray huge file from exhausting memory.
        std::string xml = read_file_capped((fs::path(options.out_dir) / slot.rec.output).string(), std::size_t{1} << 31);
        slot.doc = read_xml(xml, slot.rec.output).doc;
      }
      DatasetEntry entry{slot.rec, slot.rec.ok ? &slot.doc : nullptr};
      slot.prepared.resize(consumers.size());
      for (std::size_t c = 0; c < consumers.size(); ++c) slot.prepared[c] = consumers[c]->prepare(entry);
    } catch (...) {
      slot.error = std::current_exception();
    }
  };
  double ordered_cpu = 0;
  // Hands one report on to every consumer, in order; rethrows a reading error.
  auto hand_on = [&](Slot& slot) {
    if (slot.error) std::rethrow_exception(slot.error);
    double before = thread_cpu_seconds();
    DatasetEntry entry{slot.rec, slot.rec.ok ? &slot.doc : nullptr};
    for (std::size_t c = 0; c < consumers.size(); ++c) consumers[c]->add(entry, std::move(slot.prepared[c]));
    if (on_entry) on_entry(entry);
    ordered_cpu += thread_cpu_seconds() - before;
  };

  if (jobs == 1) {
    for (std::size_t k = 0; k < count; ++k) {
      Slot slot;
      read_into(slot, k);
      hand_on(slot);
    }
  } else {
    // -j N: N threads read reports back into a ring of slots while this thread hands them on in
    // order, so the ordered part overlaps the reading instead of waiting for a whole window. A
    // reader never runs more than the ring ahead of the consumers: memory holds one ring.
    std::vector<Slot> ring(static_cast<std::size_t>(8 * jobs));
    std::mutex mu;
    std::condition_variable slot_ready, slot_free;
    std::size_t claimed = 0, consumed = 0;
    bool stop = false;
    auto reader = [&] {
      for (;;) {
        std::size_t k;
        {
          std::unique_lock lock(mu);
          slot_free.wait(lock, [&] { return stop || claimed >= count || claimed < consumed + ring.size(); });
          if (stop || claimed >= count) return;
          k = claimed++;
        }
        Slot& slot = ring[k % ring.size()];
        read_into(slot, k);
        {
          std::lock_guard lock(mu);
          slot.ready = true;
        }
        slot_ready.notify_all();
      }
    };
    std::vector<std::thread> pool;
    // Stops and joins the readers on every way out (an exception from a consumer included).
    struct Joiner {
      std::vector<std::thread>& pool;
      std::mutex& mu;
      bool& stop;
      std::condition_variable& cv;
      ~Joiner() {
        {
          std::lock_guard lock(mu);
          stop = true;
        }
        cv.notify_all();
        for (auto& t : pool) t.join();
      }
    } joiner{pool, mu, stop, slot_free};
    for (int t = 0; t < jobs; ++t) pool.emplace_back(reader);
    for (std::size_t k = 0; k < count; ++k) {
      Slot& slot = ring[k % ring.size()];
      {
        std::unique_lock lock(mu);
        slot_ready.wait(lock, [&] { return slot.ready; });
      }
      hand_on(slot);
      slot = Slot{};  // frees the document before the slot is reused
      {
        std::lock_guard lock(mu);
        ++consumed;
      }
      slot_free.notify_all();
    }
  }
  double before = thread_cpu_seconds();
  for (auto& c : consumers) c->finish();
  if (publish_first) publish_first();
  for (auto& c : consumers) c->publish();  // in order: manifest.csv, the mark of a finished batch, last
  return ordered_cpu + thread_cpu_seconds() - before;
}

DatasetReport dataset_report_of(const Document& doc) {
  DatasetReport r;
  r.source = doc.meta.source;
  // Rule 6 pairs reports by agency key (normalizers/agency.h): pages of one agency name it
  // differently (平潭综合实验区管委会 / 平潭综合实验区, 淮安市人民政府 / 淮安市政府).
  r.agency = doc.meta.agency_key.empty() ? strip_spaces(doc.meta.agency) : doc.meta.agency_key;
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
