#include "cli/batch.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <set>
#include <thread>

#include "cli/dataset_part.h"
#include "cli/part_log.h"
#include "model/error.h"
#include "model/sha256.h"
#include "writers/xml_reader.h"
#include "writers/xml_writer.h"

namespace fs = std::filesystem;

namespace ogix {

namespace {

// Converts one input whose bytes are read (or failed to read) and writes its XML (`xml_size` its
// bytes): committed, or, when `held` is given, sealed and left there for the caller to commit.
// Returns its part (cli/dataset_part.h): the record and, when converted, what the dataset files
// read of the report.
std::string convert_one(ManifestRecord& out, const std::string* bytes, const BatchOptions& opt, const std::string& xml_name,
                        std::uint64_t& xml_size, std::unique_ptr<AtomicFileWriter>* held = nullptr) {
  std::string again;
  // Failed inputs are listed with their fixity too; a converted one has it from convert_bytes.
  auto fixity = [&] {
    if (bytes && out.sha256.empty()) out.sha256 = sha256_hex(*bytes);
  };
  try {
    if (!bytes) {  // the first read failed: this one throws the typed error for the manifest
      again = read_file_capped(out.path, opt.convert.limits.max_input_bytes);
      bytes = &again;
    }
    out.size = bytes->size();
    Document doc = convert_bytes(*bytes, out.source, opt.convert);
    out.sha256 = doc.meta.sha256;
    std::string xml = write_xml(doc);
    xml_size = xml.size();
    std::string xml_path = (fs::path(opt.out_dir) / xml_name).string();
    if (held) {
      *held = std::make_unique<AtomicFileWriter>(xml_path, opt.sync);
      (*held)->write(xml);
      (*held)->seal();
    } else {
      write_file_atomic(xml_path, xml, opt.sync);
    }
    out.ok = true;
    out.output = xml_name;
    out.profile = doc.profile;
    for (const auto& c : doc.cells) ++out.cells[static_cast<int>(c.status)];
    for (const auto& r : doc.rules) ++out.rules[static_cast<int>(r.result)];
    out.findings = static_cast<int>(doc.findings.size());
    out.sections = static_cast<int>(doc.sections.size());
    return encode_dataset_part(out, &doc);
  } catch (const Error& e) {
    out.error_code = error_code_name(e.code());
    out.message = e.what();
    fixity();
  } catch (const std::bad_alloc&) {
    out.error_code = error_code_name(ErrorCode::limit_exceeded);
    out.message = "out of memory while converting";
    fixity();
  } catch (const std::exception& e) {
    out.error_code = error_code_name(ErrorCode::internal);
    out.message = std::string("internal error: ") + e.what();
    fixity();
  }
  if (held) held->reset();  // a failed input has no XML
  return encode_dataset_part(out, nullptr);
}

// What the log holds per input: the size of the XML written before it (8 bytes, little-endian; 0
// without one), then the part. --resume keeps a report only when its XML still has that size: with
// --no-sync, a power cut can leave the part on disk and the XML empty or short.
std::string logged_part(std::uint64_t xml_size, std::string_view part) {
  std::string out;
  out.reserve(8 + part.size());
  for (int k = 0; k < 8; ++k) out.push_back(static_cast<char>((xml_size >> (8 * k)) & 0xff));
  out += part;
  return out;
}

// Splits what logged_part made. Throws Error(damaged) when too short.
std::pair<std::uint64_t, std::string_view> split_logged_part(std::string_view logged, const std::string& name) {
  if (logged.size() < 8) throw Error(ErrorCode::damaged, name, name + " is not a complete ogix part");
  std::uint64_t size = 0;
  for (int k = 7; k >= 0; --k) size = (size << 8) | static_cast<unsigned char>(logged[static_cast<std::size_t>(k)]);
  return {size, logged.substr(8)};
}

// The record of an input's part and its XML's size, when an earlier run left them. Null when absent
// or unreadable (an unreadable one is not ours: the input is converted again).
std::unique_ptr<ManifestRecord> read_part_record(const PartLog& parts, const std::string& name, std::uint64_t& xml_size) {
  try {
    if (auto bytes = parts.read(name)) {
      auto [size, part] = split_logged_part(*bytes, name);
      xml_size = size;
      return std::make_unique<ManifestRecord>(decode_dataset_part(part, name, false).record);
    }
  } catch (const Error&) {
  }
  return nullptr;
}

// Removes what a killed writer left: temporary files of this directory.
void remove_temporaries(const std::string& dir) {
  std::error_code ec;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
    if (is_temporary_output(it->path().filename().string())) fs::remove(it->path(), ec);
}

// What an earlier finished run recorded (OUTDIR/manifest.csv), by path, for --resume.
std::multimap<std::string, ManifestRecord> finished_records(const std::string& out_dir) {
  std::multimap<std::string, ManifestRecord> out;
  std::string path = (fs::path(out_dir) / "manifest.csv").string();
  std::error_code ec;
  if (!fs::exists(path, ec)) return out;
  try {
    for (auto& r : parse_manifest(read_file_capped(path, std::size_t{1} << 31), "manifest.csv")) out.emplace(r.path, std::move(r));
  } catch (const Error&) {
    // A manifest we cannot read keeps nothing: every input is converted again.
  }
  return out;
}

}  // namespace

std::string parts_dir(const std::string& out_dir) { return (fs::path(out_dir) / ".ogix-parts").string(); }

int shard_of(const std::string& path, int shards) {
  std::string h = sha256_hex(path);
  std::uint64_t v = std::stoull(h.substr(0, 15), nullptr, 16);
  return static_cast<int>(v % static_cast<std::uint64_t>(shards)) + 1;
}

bool parse_shard(const std::string& text, int& shard, int& shards) {
  auto slash = text.find('/');
  if (slash == std::string::npos) return false;
  std::string k = text.substr(0, slash), n = text.substr(slash + 1);
  auto digits = [](const std::string& d) { return !d.empty() && d.size() <= 6 && d.find_first_not_of("0123456789") == std::string::npos; };
  if (!digits(k) || !digits(n)) return false;
  shard = std::stoi(k);
  shards = std::stoi(n);
  return shards >= 1 && shard >= 1 && shard <= shards;
}

BatchResult run_batch(const std::vector<std::string>& inputs, const BatchOptions& opt,
                      const std::function<void(const DatasetEntry&)>& on_entry) {
  double wall0 = monotonic_seconds(), cpu0 = process_cpu_seconds();
  std::error_code ec;
  fs::create_directories(opt.out_dir, ec);
  if (!fs::is_directory(opt.out_dir, ec)) throw Error(ErrorCode::io, opt.out_dir, "cannot create output directory " + opt.out_dir);
  std::multimap<std::string, ManifestRecord> finished;
  if (opt.resume) {
    finished = finished_records(opt.out_dir);
    remove_temporaries(opt.out_dir);
  }
  int jobs = std::clamp(opt.jobs, 1, 64);
  // A single input's part stays in memory: no directory, log, fsync, read-back and removal for
  // what the assembly reads at once (a killed run leaves no part: --resume converts the input again).
  const bool part_in_memory = !opt.resume && inputs.size() == 1;
  std::optional<PartLog> parts;
  std::string memory_part;
  // A single input's XML, sealed: committed with the dataset files, so that all of a one-report
  // run's files share their trips to disk (the XML first, manifest.csv last, as in any batch).
  std::unique_ptr<AtomicFileWriter> memory_xml;
  if (part_in_memory)
    fs::remove_all(parts_dir(opt.out_dir), ec);  // parts of another run are not this run's
  else
    parts.emplace(parts_dir(opt.out_dir), opt.resume, jobs);

  // Names over all inputs, before sharding: a shard names its outputs as the whole run would.
  std::vector<std::string> names = output_names(inputs);
  std::vector<std::size_t> selected;
  for (std::size_t i = 0; i < inputs.size(); ++i)
    if (opt.shards <= 1 || shard_of(inputs[i], opt.shards) == opt.shard) selected.push_back(i);
  // The conversion order: the costliest inputs first, so that -j threads do not end waiting on
  // one big input started last (the tail). PDFs and images come before the rest whatever their
  // size (a 1 KB scanned page costs an OCR pass), each group largest first. Outputs do not depend
  // on it: the assembly sorts.
  std::vector<std::size_t> order = selected;
  {
    static const std::set<std::string> heavy_ext = {".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"};
    std::vector<std::pair<bool, std::uintmax_t>> cost(inputs.size());
    for (std::size_t i : selected) {
      std::string ext = fs::path(inputs[i]).extension().string();
      std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      std::uintmax_t n = fs::file_size(inputs[i], ec);
      cost[i] = {heavy_ext.count(ext) > 0, ec ? 0 : n};
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return cost[a] > cost[b]; });
  }
  std::string shard_file = (fs::path(opt.out_dir) / kShardFile).string();
  if (opt.shards >= 1 && opt.shard >= 1)
    write_file_atomic(shard_file, "shard,shards,inputs\r\n" + std::to_string(opt.shard) + "," + std::to_string(opt.shards) +
                                      "," + std::to_string(inputs.size()) + "\r\n", opt.sync);
  else
    fs::remove(shard_file, ec);

  BatchResult result;
  result.inputs = selected.size();
  double wall1 = monotonic_seconds(), cpu1 = process_cpu_seconds();
  result.timings.setup = {wall1 - wall0, cpu1 - cpu0};
  std::atomic<double> busiest{0}, last_start{0};
  std::string generator = ogix_generator(), settings = settings_key(opt.convert);
  std::atomic<std::size_t> kept{0};
  std::atomic<bool> io_failed{false};
  std::string io_message;
  std::mutex io_mu;
  {
    ProgressReporter progress(opt.progress, selected.size(), opt.progress_interval);
    std::atomic<std::size_t> next{0};
    auto worker = [&](int slot) {
      double thread_cpu0 = thread_cpu_seconds();
      // Records this thread's CPU however the loop ends (the busiest thread bounds the phase).
      struct Busiest {
        std::atomic<double>& max;
        double start;
        ~Busiest() {
          double used = thread_cpu_seconds() - start;
          for (double seen = max; used > seen && !max.compare_exchange_weak(seen, used);) {
          }
        }
      } busiest_guard{busiest, thread_cpu0};
      for (std::size_t k = next++; k < order.size() && !io_failed; k = next++) {
        std::size_t i = order[k];
        if (k + 1 == order.size()) last_start = monotonic_seconds();
        try {
          ManifestRecord rec;
          rec.path = inputs[i];
          rec.source = fs::path(inputs[i]).filename().string();
          rec.generator = generator;
          rec.settings = settings;
          std::string bytes;
          bool readable = true;
          try {
            bytes = read_file_capped(rec.path, opt.convert.limits.max_input_bytes);
          } catch (const Error&) {
            readable = false;
          }
          if (opt.resume && readable) {
            // Kept when an earlier run of this ogix version with the same settings saw the same
            // bytes at the same path and its XML (for a converted input) is there.
            std::string sha = sha256_hex(bytes);
            auto usable = [&](const ManifestRecord& r) {
              return r.path == rec.path && r.generator == generator && r.settings == settings && r.sha256 == sha &&
                     (r.ok ? r.output == names[i] : r.output.empty()) && (!r.ok || fs::is_regular_file(fs::path(opt.out_dir) / r.output));
            };
            std::uint64_t xml_size = 0;
            std::error_code size_ec;  // this thread's: the run's `ec` is not shared with the workers
            std::unique_ptr<ManifestRecord> old = read_part_record(*parts, names[i], xml_size);
            if (old && usable(*old) && (!old->ok || fs::file_size(fs::path(opt.out_dir) / old->output, size_ec) == xml_size)) {
              ++kept;
              progress.finished(old->ok, true);
              continue;
            }
            auto [from, to] = finished.equal_range(rec.path);
            const ManifestRecord* match = nullptr;
            for (auto it = from; it != to && !match; ++it)
              if (usable(it->second)) match = &it->second;
            // A finished run's report is kept only when its XML still reads back as the report of
            // these bytes: after a power cut on a --no-sync run it can be empty or cut short (the
            // manifest records no size), and is then converted again. Read here, in parallel, the
            // document goes into the part, so the assembly does not read the XML a second time.
            std::optional<Document> kept_doc;
            if (match && match->ok) {
              try {
                std::string xml = read_file_capped((fs::path(opt.out_dir) / match->output).string(), std::size_t{1} << 31);
                kept_doc = read_xml(xml, match->output).doc;
                if (kept_doc->meta.sha256 != match->sha256) match = nullptr;
              } catch (const Error&) {
                match = nullptr;
              }
            }
            if (match) {
              std::uintmax_t size = match->ok ? fs::file_size(fs::path(opt.out_dir) / match->output, size_ec) : 0;
              parts->append(slot, names[i],
                            logged_part(size_ec ? 0 : size, encode_dataset_part(*match, kept_doc ? &*kept_doc : nullptr)));
              ++kept;
              progress.finished(match->ok, true);
              continue;
            }
          }
          std::uint64_t xml_size = 0;
          std::string part = convert_one(rec, readable ? &bytes : nullptr, opt, names[i], xml_size,
                                         part_in_memory ? &memory_xml : nullptr);
          // The part is written after the XML: a part on disk means the input is finished.
          if (part_in_memory)
            memory_part = std::move(part);
          else
            parts->append(slot, names[i], logged_part(xml_size, part));
          progress.finished(rec.ok);
        } catch (const Error& e) {
          // Only writing into OUTDIR throws here; the batch cannot produce reliable outputs.
          std::lock_guard lock(io_mu);
          if (!io_failed.exchange(true)) io_message = e.what();
        }
      }
    };
    std::vector<std::thread> pool;
    for (int k = 1; k < jobs; ++k) pool.emplace_back(worker, k);
    worker(0);
    for (auto& t : pool) t.join();
  }
  if (io_failed) throw Error(ErrorCode::io, opt.out_dir, io_message);
  result.kept = kept;
  double wall2 = monotonic_seconds(), cpu2 = process_cpu_seconds();
  result.timings.conversions = {wall2 - wall1, cpu2 - cpu1};
  result.timings.busiest_worker_cpu = busiest;
  result.timings.tail = last_start > 0 ? wall2 - last_start : 0;

  // The dataset order, whatever the input order or the number of jobs.
  std::sort(selected.begin(), selected.end(), [&](std::size_t a, std::size_t b) {
    std::string sa = fs::path(inputs[a]).filename().string(), sb = fs::path(inputs[b]).filename().string();
    return std::tie(sa, inputs[a], names[a]) < std::tie(sb, inputs[b], names[b]);
  });
  auto part_at = [&](std::size_t k) {
    const std::string& name = names[selected[k]];
    try {
      if (part_in_memory) return decode_dataset_part(memory_part, name);
      std::optional<std::string> bytes = parts->read(name);
      if (!bytes) throw Error(ErrorCode::io, name, "no part was recorded");
      return decode_dataset_part(split_logged_part(*bytes, name).second, name);
    } catch (const Error& e) {
      throw Error(ErrorCode::io, opt.out_dir, "the part of " + inputs[selected[k]] + " cannot be read back: " + e.what());
    }
  };
  auto publish_xml = [&] {
    if (auto xml = std::move(memory_xml)) xml->commit();
  };
  try {
    result.timings.assembly_ordered_cpu = assemble_dataset(
        selected.size(), part_at, opt,
        [&](const DatasetEntry& e) {
          ++(e.record.ok ? result.converted : result.failed);
          if (on_entry) on_entry(e);
        },
        publish_xml);
  } catch (const Error&) {
    // The report was converted: its XML is kept even when a dataset file cannot be written.
    try {
      publish_xml();
    } catch (const Error&) {
    }
    throw;
  }
  if (parts) parts->remove();
  result.timings.assembly = {monotonic_seconds() - wall2, process_cpu_seconds() - cpu2};
  return result;
}

}  // namespace ogix
