#include "cli/job.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <tuple>
#include <new>
#include <thread>

#include <unistd.h>

#include "extractors/extractor.h"
#include "model/error.h"
#include "model/sha256.h"
#include "normalizers/indicator_text.h"
#include "normalizers/metadata.h"
#include "profiles/profile.h"
#include "normalizers/panel.h"
#include "normalizers/profile_mapper.h"
#include "normalizers/ocr_check.h"
#include "normalizers/rules.h"
#include "normalizers/run_together.h"
#include "normalizers/sectionizer.h"
#include "model/table_grid.h"
#include "text/unicode.h"
#include "profiles/codebook.h"
#include "writers/cells_csv_writer.h"
#include "writers/codebook_writer.h"
#include "writers/panel_writer.h"
#include "writers/reports_writer.h"
#include "writers/sqlite_writer.h"
#include "writers/xml_reader.h"
#include "writers/xml_writer.h"

namespace fs = std::filesystem;

namespace ogix {

namespace {

// The wide table's columns: every cell code of the built-in profiles.
const ReportsColumns& wide_columns() {
  static const ReportsColumns columns = reports_columns(codebook_entries());
  return columns;
}

// Every official cell exactly once: the invariant the writers rely on.
void check_cells(const Document& doc) {
  std::map<std::tuple<std::string, std::string, std::string>, int> seen;
  for (const auto& c : doc.cells)
    if (++seen[{c.table, c.row, c.col}] > 1)
      throw Error(ErrorCode::internal, doc.meta.source, "profile cell " + c.table + "/" + c.row + "/" + c.col + " emitted twice");
}

void normalize_tables(Document& doc) {
  for (auto& b : doc.blocks)
    if (auto* t = std::get_if<Table>(&b)) {
      int repairs = normalize_grid(*t);
      if (repairs > 0)
        doc.add_finding("table.grid_repaired", Severity::info,
                        std::to_string(repairs) + " overlapping or out-of-grid cells repaired", t->id);
      std::string why;
      if (!check_grid(*t, &why)) throw Error(ErrorCode::internal, doc.meta.source, "grid invariant broken: " + why);
    }
}

// Counts characters that normalization removes because XML cannot carry them.
int count_forbidden(const Document& doc) {
  int n = 0;
  auto scan = [&](const std::string& s) {
    for (unsigned char c : s) n += (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
  };
  for (const auto& b : doc.blocks) {
    if (auto* p = std::get_if<Paragraph>(&b)) scan(p->text);
    if (auto* t = std::get_if<Table>(&b))
      for (const auto& c : t->cells) scan(c.text);
  }
  return n;
}

}  // namespace

Document convert_bytes(std::string_view bytes, const std::string& source, const ConvertOptions& options) {
  if (bytes.empty()) throw Error(ErrorCode::empty_input, source, "the file is empty");
  if (bytes.size() > options.limits.max_input_bytes)
    throw Error(ErrorCode::limit_exceeded, source,
                "input of " + std::to_string(bytes.size()) + " bytes exceeds --max-input-mb");
  InputKind kind = sniff_kind(bytes);
  const Extractor* ex = extractor_for(kind);
  if (!ex) {
    if (bytes.substr(0, 4) == "\xD0\xCF\x11\xE0")
      throw Error(ErrorCode::unsupported, source,
                  "an OLE2 compound file (Word 97-2003 .doc, or a password-protected Office file): save it as .docx or PDF");
    throw Error(ErrorCode::unsupported, source, "not a PDF, Word .docx, HTML, text or image (PNG, JPEG, TIFF) report (unrecognized content)");
  }
  return convert_with(*ex, bytes, source, options);
}

Document convert_with(const Extractor& extractor, std::string_view bytes, const std::string& source,
                      const ConvertOptions& options) {
  if (bytes.size() > options.limits.max_input_bytes)
    throw Error(ErrorCode::limit_exceeded, source,
                "input of " + std::to_string(bytes.size()) + " bytes exceeds --max-input-mb");
  ExtractContext ctx;
  ctx.source = source;
  ctx.limits = options.limits;
  ctx.cues = builtin_cues();  // the extractors find the report's structure by the profiles' wording
  ctx.ocr = options.ocr;
  ctx.deadline = std::chrono::steady_clock::now() +
                 std::chrono::milliseconds(static_cast<long long>(options.limits.max_seconds * 1000));
  Document doc;
  try {
    doc = extractor.extract(bytes, ctx);
  } catch (Error& e) {
    if (e.source().empty()) throw Error(e.code(), source, e.what());
    throw;
  }
  doc.meta.source = source;
  doc.meta.size = bytes.size();
  doc.meta.sha256 = sha256_hex(bytes);
  if (int bad = count_forbidden(doc))
    doc.add_finding("text.control_removed", Severity::warning,
                    std::to_string(bad) + " control characters that XML cannot carry were removed");
  normalize_document_text(doc);
  normalize_tables(doc);
  reflow_run_together(doc);
  reflow_indicator_text(doc);
  ctx.check_deadline();
  split_sections(doc);
  infer_metadata(doc);
  map_profile(doc);
  ctx.check_deadline();  // mapping is the one normalizer whose cost grows with hostile tables
  check_rules(doc);
  check_ocr_cells(doc);
  check_cells(doc);
  return doc;
}

std::string read_file_capped(const std::string& path, std::size_t max_bytes) {
  std::string name = fs::path(path).filename().string();
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) throw Error(ErrorCode::io, name, "not a readable regular file: " + path);
  auto size = fs::file_size(path, ec);
  if (ec) throw Error(ErrorCode::io, name, "cannot stat " + path + ": " + ec.message());
  if (size > max_bytes)
    throw Error(ErrorCode::limit_exceeded, name,
                "file of " + std::to_string(size) + " bytes exceeds --max-input-mb (" + std::to_string(max_bytes) + " bytes)");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::io, name, "cannot open " + path);
  std::string data(static_cast<std::size_t>(size), '\0');
  in.read(data.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::uintmax_t>(in.gcount()) != size) throw Error(ErrorCode::io, name, "short read on " + path);
  return data;
}

void write_file_atomic(const std::string& path, std::string_view bytes, bool sync) {
  fs::path target(path);
  fs::path tmp = target;
  tmp += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id()) % 100000);
  {
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) throw Error(ErrorCode::io, target.filename().string(), "cannot create " + tmp.string());
    bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    ok = (std::fflush(f) == 0) && ok;
    if (sync) ok = (::fsync(fileno(f)) == 0) && ok;
    ok = (std::fclose(f) == 0) && ok;
    if (!ok) {
      std::error_code ec;
      fs::remove(tmp, ec);
      throw Error(ErrorCode::io, target.filename().string(), "cannot write " + tmp.string());
    }
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw Error(ErrorCode::io, target.filename().string(), "cannot rename into " + target.string());
  }
}

int BatchResult::converted() const {
  return static_cast<int>(std::count_if(inputs.begin(), inputs.end(), [](const auto& i) { return i.ok; }));
}
int BatchResult::failed() const { return static_cast<int>(inputs.size()) - converted(); }

namespace {

void convert_one(InputOutcome& out, const BatchOptions& opt, const std::string& xml_name) {
  try {
    std::string bytes = read_file_capped(out.path, opt.convert.limits.max_input_bytes);
    out.size = bytes.size();
    Document doc;
    try {
      doc = convert_bytes(bytes, out.source, opt.convert);
    } catch (...) {
      out.sha256 = sha256_hex(bytes);  // failed inputs are listed with their fixity too
      throw;
    }
    out.sha256 = doc.meta.sha256;  // hashed once, by the pipeline
    std::string xml = write_xml(doc);
    write_file_atomic((fs::path(opt.out_dir) / xml_name).string(), xml, opt.sync);
    out.ok = true;
    out.output = xml_name;
    out.profile = doc.profile;
    for (const auto& c : doc.cells) ++out.cells[static_cast<int>(c.status)];
    for (const auto& r : doc.rules) ++out.rules[static_cast<int>(r.result)];
    out.findings = static_cast<int>(doc.findings.size());
    out.sections = static_cast<int>(doc.sections.size());
    out.csv_rows = cells_csv_rows(doc, xml_name);
    out.reports_row = reports_csv_row(doc, xml_name, wide_columns());
    out.panel = panel_row(doc, xml_name);
    // Rule 6 pairs reports by agency key (normalizers/agency.h): pages of one agency name it
    // differently (平潭综合实验区管委会 / 平潭综合实验区, 淮安市人民政府 / 淮安市政府).
    out.agency = doc.meta.agency_key.empty() ? strip_spaces(doc.meta.agency) : doc.meta.agency_key;
    out.year = doc.meta.year;
    for (const auto& c : doc.cells)
      if (c.table == "applications" && (c.row == "carried_over" || c.row == "carried_forward")) out.carried.push_back(c);
  } catch (const Error& e) {
    out.error_code = error_code_name(e.code());
    out.message = e.what();
  } catch (const std::bad_alloc&) {
    out.error_code = error_code_name(ErrorCode::limit_exceeded);
    out.message = "out of memory while converting";
  } catch (const std::exception& e) {
    out.error_code = error_code_name(ErrorCode::internal);
    out.message = std::string("internal error: ") + e.what();
  }
}

std::string manifest_csv(const BatchResult& r) {
  std::string s =
      "source,path,status,error_code,message,sha256,size,profile,output,sections,cells_number,cells_blank,cells_na,"
      "cells_text,cells_missing,rules_pass,rules_fail,rules_unchecked,findings\r\n";
  // Rows in a stable order, as cells.csv: the same inputs listed in any order give the same file.
  std::vector<const InputOutcome*> rows;
  for (const auto& i : r.inputs) rows.push_back(&i);
  std::sort(rows.begin(), rows.end(), [](auto* a, auto* b) { return std::tie(a->source, a->path, a->output) < std::tie(b->source, b->path, b->output); });
  for (const auto* row : rows) {
    const InputOutcome& i = *row;
    s += csv_field(i.source) + ',' + csv_field(i.path) + ',' + (i.ok ? "ok" : "error") + ',' + csv_field(i.error_code) +
         ',' + csv_field(i.message) + ',' + i.sha256 + ',' + (i.sha256.empty() ? "" : std::to_string(i.size)) + ',' +
         i.profile + ',' + csv_field(i.output) + ',' + (i.ok ? std::to_string(i.sections) : "");
    for (int k = 0; k < 5; ++k) s += ',' + (i.ok ? std::to_string(i.cells[k]) : "");
    for (int k = 0; k < 3; ++k) s += ',' + (i.ok ? std::to_string(i.rules[k]) : "");
    s += ',' + (i.ok ? std::to_string(i.findings) : "");
    s += "\r\n";
  }
  return s;
}

}  // namespace

std::vector<DatasetOutcome> check_dataset_rules(const std::vector<InputOutcome>& inputs) {
  // agency → year → input; a year reported twice keeps the first input (by source name).
  std::map<std::string, std::map<int, const InputOutcome*>> by_agency;
  for (const auto& i : inputs) {
    if (!i.ok || i.agency.empty() || i.year.size() != 4) continue;
    auto& slot = by_agency[i.agency][std::stoi(i.year)];
    if (!slot || i.source < slot->source) slot = &i;
  }
  std::vector<DatasetOutcome> out;
  for (const auto& [agency, years] : by_agency)
    for (const auto& [year, cur] : years) {
      auto prev = years.find(year - 1);
      if (prev == years.end()) continue;
      auto find = [](const InputOutcome& i, const char* row, const std::string& col) -> const CanonicalCell* {
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

std::vector<std::string> output_names(const std::vector<std::string>& inputs) {
  std::map<std::string, std::vector<std::size_t>> by_stem;
  for (std::size_t i = 0; i < inputs.size(); ++i) by_stem[fs::path(inputs[i]).stem().string()].push_back(i);
  std::vector<std::string> names(inputs.size());
  std::set<std::string> taken;
  for (const auto& [stem, users] : by_stem) {
    if (users.size() == 1) {
      names[users[0]] = stem + ".xml";
      taken.insert(names[users[0]]);
    }
  }
  // A shared stem: every user is named by its path, so a name does not depend on the order of the
  // inputs or on which other files are in the batch.
  for (const auto& [stem, users] : by_stem) {
    if (users.size() == 1) continue;
    for (std::size_t i : users) {
      std::string hash = sha256_hex(inputs[i]);
      std::string name = stem + "-" + hash.substr(0, 8) + ".xml";
      for (std::size_t len = 12; taken.count(name) && len <= hash.size(); len += 4)
        name = stem + "-" + hash.substr(0, len) + ".xml";  // the same path given twice, or a clash
      for (int k = 2; taken.count(name); ++k) name = stem + "-" + hash + "-" + std::to_string(k) + ".xml";
      names[i] = name;
      taken.insert(name);
    }
  }
  return names;
}

std::string codebook_text() { return codebook_csv(codebook_entries()); }

std::vector<std::string> expand_inputs(const std::vector<std::string>& args) {
  static const std::set<std::string> report_ext = {".pdf", ".html", ".htm", ".shtml", ".xhtml", ".txt", ".text", ".md"};
  std::vector<std::string> out;
  for (const auto& a : args) {
    std::error_code ec;
    if (!fs::is_directory(a, ec)) {
      out.push_back(a);  // a file, or a path whose error the batch will report
      continue;
    }
    std::vector<std::string> found;
    auto it = fs::recursive_directory_iterator(a, fs::directory_options::skip_permission_denied, ec);
    for (auto end = fs::recursive_directory_iterator(); !ec && it != end; it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();  // .git, .cache: not reports
        continue;
      }
      std::string ext = it->path().extension().string();
      std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (it->is_regular_file(ec) && report_ext.count(ext)) found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());  // directory order is the file system's, not ours
    out.insert(out.end(), found.begin(), found.end());
    if (ec) out.push_back(a);  // unreadable: listed as a failed input, the batch goes on
  }
  return out;
}

std::vector<std::string> read_input_list(std::istream& in) {
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

BatchResult run_batch(const std::vector<std::string>& inputs, const BatchOptions& opt) {
  std::error_code ec;
  fs::create_directories(opt.out_dir, ec);
  if (!fs::is_directory(opt.out_dir, ec)) throw Error(ErrorCode::io, opt.out_dir, "cannot create output directory " + opt.out_dir);
  BatchResult result;
  result.inputs.resize(inputs.size());
  std::vector<std::string> names = output_names(inputs);
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    auto& o = result.inputs[i];
    o.path = inputs[i];
    o.source = fs::path(inputs[i]).filename().string();
  }
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < inputs.size(); i = next++)
      if (!names[i].empty()) convert_one(result.inputs[i], opt, names[i]);
  };
  int jobs = std::clamp(opt.jobs, 1, 64);
  std::vector<std::thread> pool;
  for (int k = 1; k < jobs; ++k) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();

  std::vector<const InputOutcome*> ok;
  for (const auto& i : result.inputs)
    if (i.ok) ok.push_back(&i);
  // Stable order: by source name, then by output name (sources can share a name; outputs cannot).
  std::sort(ok.begin(), ok.end(), [](auto* a, auto* b) { return std::tie(a->source, a->output) < std::tie(b->source, b->output); });
  const std::string bom = opt.csv_bom ? "\xEF\xBB\xBF" : "";
  auto write_out = [&](const char* name, const std::string& bytes) {
    write_file_atomic((fs::path(opt.out_dir) / name).string(), bytes, opt.sync);
  };
  if (opt.write_csv) {
    std::string csv = bom + cells_csv_header();
    for (auto* i : ok) csv += i->csv_rows;
    write_out("cells.csv", csv);
  }
  std::string wide = bom + reports_csv_header(wide_columns());
  for (auto* i : ok) wide += i->reports_row;
  write_out("reports.csv", wide);
  std::vector<PanelRow> panel;
  for (auto* i : ok) panel.push_back(i->panel);
  mark_duplicate_keys(panel);
  std::string panel_csv = bom + panel_csv_header();
  for (const auto& row : panel) panel_csv += panel_csv_row(row);
  write_out("panel.csv", panel_csv);
  write_out("codebook.csv", bom + codebook_text());
  if (!opt.sqlite_path.empty()) {
    // The database holds every cell, rule and finding: read each document back from its XML in
    // the stable order rather than keeping every document in memory.
    SqliteDatasetWriter db(opt.sqlite_path);
    for (auto* i : ok) {
      std::string path = (fs::path(opt.out_dir) / i->output).string();
      db.add_report(read_xml(read_file_capped(path, std::size_t{1} << 31), i->output).doc, i->output);
    }
    db.add_panel(panel);
    db.add_codebook(codebook_entries());
    db.commit();
  }
  result.dataset = check_dataset_rules(result.inputs);
  std::string ds = bom + "rule,agency,year_before,year,source_before,source,col,result,carried_over,carried_forward_before,detail\r\n";
  for (const auto& o : result.dataset)
    ds += "6," + csv_field(o.agency) + ',' + o.year_before + ',' + o.year + ',' + csv_field(o.source_before) + ',' +
          csv_field(o.source) + ',' + o.col + ',' + rule_result_name(o.result) + ',' + o.lhs + ',' + o.rhs + ',' +
          csv_field(o.detail) + "\r\n";
  write_file_atomic((fs::path(opt.out_dir) / "dataset-rules.csv").string(), ds, opt.sync);
  write_file_atomic((fs::path(opt.out_dir) / "manifest.csv").string(), bom + manifest_csv(result), opt.sync);
  return result;
}

}  // namespace ogix
