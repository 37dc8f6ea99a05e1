// ogix command line: parses options, runs the library, maps outcomes to exit codes.
#include <cxxopts.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "cli/bag_job.h"
#include "cli/batch.h"
#include "cli/job.h"
#include "cli/merge.h"
#include "cli/review.h"
#include "writers/bag_validator.h"
#include "writers/bag_writer.h"
#include "extractors/ocr_module.h"
#include "writers/xml_validator.h"
#include "model/error.h"

namespace {

// Exit codes (documented in the README).
constexpr int kExitOk = 0;           // every input converted
constexpr int kExitSomeFailed = 1;   // at least one input failed; the others were converted
constexpr int kExitUsage = 2;        // bad command line
constexpr int kExitFatal = 3;        // outputs could not be written; nothing reliable was produced

const char* kUsage =
    "ogix " OGIX_VERSION " - Open Government Information annual reports to canonical XML\n"
    "\n"
    "usage: ogix convert [options] INPUT... -o OUTDIR [--bag [--bag-id ID] [--include-sources]]\n"
    "       ogix merge [options] OUTDIR1 OUTDIR2... -o OUTDIR\n"
    "       ogix bag OUTDIR [--bag-id ID] [--include-sources]\n"
    "       ogix validate FILE.xml... | BAGDIR...\n"
    "       ogix review OUTDIR\n"
    "       ogix codebook\n"
    "       ogix --help | --version\n"
    "\n"
    "commands:\n"
    "  convert   convert PDF (scans by OCR), Word .docx, HTML, text or image (PNG, JPEG, TIFF) reports\n"
    "            into OUTDIR/<name>.xml, OUTDIR/cells.csv and OUTDIR/manifest.csv (see 'ogix convert --help')\n"
    "  merge     union the outputs of 'ogix convert --shard K/N' runs into one (see 'ogix merge --help')\n"
    "  bag       turn an output directory into a BagIt 1.0 bag (RFC 8493) with SHA-256 and SHA-512 fixity\n"
    "  validate  check canonical XML files against ogix's schema, or verify a bag (see 'ogix validate --help')\n"
    "  review    write review pages (static HTML) for a convert output directory into OUTDIR/review/\n"
    "  codebook  print the codebook (every section and cell code of every profile) as CSV\n"
    "\n"
    "exit codes: 0 all converted, 1 some inputs failed, 2 usage error, 3 output not writable\n";

// Prints a bag check: problems on stderr, a summary on stdout; true when the bag is valid.
bool report_bag(const std::string& dir) {
  ogix::BagCheck c = ogix::validate_bag(dir);
  for (const auto& p : c.problems) std::cerr << "ogix: invalid bag: " << dir << ": " << p << "\n";
  if (c.problems.empty())
    std::cout << dir << ": valid bag (" << c.payload_files << " payload files, " << c.payload_octets << " bytes, "
              << c.documents << " documents)\n";
  return c.problems.empty();
}

// Prints a typed error as "ogix: error: SOURCE: CODE: MESSAGE" followed by `tail`.
void print_error(const ogix::Error& e, const char* tail = "") {
  std::cerr << "ogix: error: " << e.source() << ": " << ogix::error_code_name(e.code()) << ": " << e.what() << tail << "\n";
}

// Parses a subcommand's arguments into `args`; on a bad command line prints why with the help and
// returns false.
bool parse_args(cxxopts::Options& opts, int argc, char** argv, cxxopts::ParseResult& args) {
  try {
    args = opts.parse(argc, argv);
    return true;
  } catch (const std::exception& e) {
    std::cerr << opts.program() << ": " << e.what() << "\n" << opts.help();
    return false;
  }
}

// The options every subcommand with options has.
void add_common_options(cxxopts::Options& opts) {
  opts.add_options()("q,quiet", "print errors only")("h,help", "show this help");
}

// The options of the dataset files, shared by convert and merge.
void add_dataset_options(cxxopts::Options& opts) {
  opts.add_options()
      ("no-csv", "do not write OUTDIR/cells.csv")
      ("no-sync", "do not fsync outputs (faster bulk runs; still written atomically)")
      ("sqlite", "also write the dataset as one SQLite database FILE (replaced atomically)", cxxopts::value<std::string>())
      ("csv-bom", "start every CSV with a UTF-8 byte order mark (for Excel)");
}

// Reads -o and the options of add_dataset_options (and -j) into `d`.
void read_dataset_options(const cxxopts::ParseResult& args, ogix::DatasetOptions& d) {
  d.out_dir = args["output"].as<std::string>();
  d.jobs = args["jobs"].as<int>();
  d.write_csv = !args.count("no-csv");
  d.sync = !args.count("no-sync");
  d.csv_bom = args.count("csv-bom") > 0;
  if (args.count("sqlite")) d.sqlite_path = args["sqlite"].as<std::string>();
}

// The options of the steps after a convert or a merge (PostSteps).
void add_post_step_options(cxxopts::Options& opts) {
  opts.add_options()
      ("review", "also write review pages into OUTDIR/review/ (as 'ogix review OUTDIR')")
      ("bag", "when done, turn OUTDIR into a BagIt 1.0 bag (as 'ogix bag OUTDIR')")
      ("bag-id", "with --bag: External-Identifier written to bag-info.txt", cxxopts::value<std::string>())
      ("include-sources", "with --bag: carry the original input files under data/sources/");
}

// ogix validate FILE.xml… | BAGDIR…: each file against the built-in schema, each directory as a
// bag; exit 0 when all are valid.
int validate(int argc, char** argv) {
  if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
    std::cout << "usage: ogix validate FILE.xml... | BAGDIR...\n"
                 "  FILE.xml: checks the file against ogix's schema (urn:ogix:report:1)\n"
                 "  BAGDIR:   verifies a bag made by 'ogix bag' or 'ogix convert --bag': both checksums of every\n"
                 "            file, no file missing or added, Payload-Oxum, every document schema-valid and in\n"
                 "            agreement with manifest.csv and cells.csv; each problem is named on stderr\n"
                 "exit codes: 0 all valid, 1 some invalid or unreadable, 2 usage error\n";
    return argc < 2 ? kExitUsage : kExitOk;
  }
  int bad = 0;
  for (int i = 1; i < argc; ++i) {
    std::error_code ec;
    if (std::filesystem::is_directory(argv[i], ec)) {
      bad += !report_bag(argv[i]);
      continue;
    }
    std::string bytes;
    try {
      bytes = ogix::read_file_capped(argv[i], std::size_t{1} << 30);
    } catch (const ogix::Error& e) {
      std::cerr << "ogix: error: " << argv[i] << ": " << e.what() << "\n";
      ++bad;
      continue;
    }
    auto problems = ogix::validate_xml(bytes);
    if (problems.empty()) {
      std::cout << argv[i] << ": valid\n";
    } else {
      ++bad;
      for (const auto& p : problems) std::cout << argv[i] << ": " << p << "\n";
    }
  }
  return bad ? kExitSomeFailed : kExitOk;
}

// Writes OUTDIR/review/ and prints what it wrote; returns an exit code.
int run_review(const std::string& out_dir, bool sync, bool quiet) {
  ogix::ReviewResult r;
  try {
    r = ogix::write_review({out_dir, sync});
  } catch (const ogix::Error& e) {
    print_error(e);
    return kExitFatal;
  }
  for (const auto& n : r.notes) std::cerr << "ogix: review: " << n << "\n";
  if (!quiet)
    std::cout << "review: " << r.reports << " report pages, " << r.failed_inputs << " failed inputs listed, " << r.crops
              << " page images -> " << (std::filesystem::path(out_dir) / "review" / "index.html").string() << "\n";
  return kExitOk;
}

// ogix review OUTDIR: review pages for an existing output directory.
int review(int argc, char** argv) {
  if (argc != 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
    std::cout << "usage: ogix review OUTDIR\n  writes OUTDIR/review/index.html and a page per report (static HTML, CSS and\n"
                 "  PNG page images of PDF sources, whose paths in OUTDIR/manifest.csv are resolved from the current\n"
                 "  directory)\nexit codes: 0 written, 2 usage error, 3 OUTDIR unreadable or review/ not writable\n";
    return argc == 2 ? kExitOk : kExitUsage;
  }
  return run_review(argv[1], true, false);
}

// The bag options shared by 'ogix bag' and 'ogix convert --bag'; Bagging-Date from
// SOURCE_DATE_EPOCH (reproducible builds) when set. Throws ogix::Error on a bad SOURCE_DATE_EPOCH.
ogix::BagOptions bag_options(const cxxopts::ParseResult& args) {
  ogix::BagOptions bo;
  if (args.count("bag-id")) bo.bag_id = args["bag-id"].as<std::string>();
  bo.bagging_date = ogix::bagging_date(std::getenv("SOURCE_DATE_EPOCH"));
  return bo;
}

// Makes the bag of a finished output directory; exit code kExitOk or kExitFatal.
int make_bag_of(const std::string& out_dir, ogix::BagOptions bo, bool include_sources, bool quiet) {
  try {
    if (include_sources) bo.sources = ogix::manifest_sources(out_dir);
    ogix::BagSummary s = ogix::make_bag(out_dir, bo);
    if (!quiet) std::cout << "bag: " << out_dir << " (Payload-Oxum " << s.octets << "." << s.files << ")\n";
    return kExitOk;
  } catch (const ogix::Error& e) {
    print_error(e, " (no bag was made)");
    return kExitFatal;
  }
}

// ogix bag OUTDIR: an existing output directory becomes a bag in place.
int bag(int argc, char** argv) {
  cxxopts::Options opts("ogix bag", "Turn an ogix output directory into a BagIt 1.0 bag (RFC 8493).");
  opts.custom_help("OUTDIR [--bag-id ID] [--include-sources]");
  opts.positional_help("");
  opts.add_options()
      ("bag-id", "External-Identifier written to bag-info.txt", cxxopts::value<std::string>())
      ("include-sources", "carry the original input files (paths from manifest.csv) under data/sources/")
      ("no-sync", "do not fsync the bag's files")
      ("outdir", "output directory", cxxopts::value<std::vector<std::string>>());
  add_common_options(opts);
  opts.parse_positional({"outdir"});
  cxxopts::ParseResult args;
  if (!parse_args(opts, argc, argv, args)) return kExitUsage;
  if (args.count("help")) {
    std::cout << opts.help() << "\nexit codes: 0 bag made, 2 usage error, 3 no bag could be made\n";
    return kExitOk;
  }
  if (args.count("outdir") != 1 || args["outdir"].as<std::vector<std::string>>().size() != 1) {
    std::cerr << "ogix bag: need exactly one OUTDIR (see ogix bag --help)\n";
    return kExitUsage;
  }
  ogix::BagOptions bo;
  try {
    bo = bag_options(args);
  } catch (const ogix::Error& e) {
    std::cerr << "ogix bag: " << e.what() << "\n";
    return kExitUsage;
  }
  bo.sync = !args.count("no-sync");
  return make_bag_of(args["outdir"].as<std::vector<std::string>>()[0], bo, args.count("include-sources") > 0,
                     args.count("quiet") > 0);
}

// The steps after a batch or a merge, on the finished output directory: review pages, then the
// bag (the bag carries the review pages as payload).
struct PostSteps {
  bool review = false;
  bool bag = false;
  bool include_sources = false;
  ogix::BagOptions bag_options;
};

// Reads --review/--bag/--bag-id/--include-sources of `command`; returns kExitOk or kExitUsage
// (with the message printed).
int parse_post_steps(const cxxopts::ParseResult& args, const std::string& command, const std::string& out_dir, bool sync,
                     PostSteps& steps) {
  steps.review = args.count("review") > 0;
  steps.bag = args.count("bag") > 0;
  steps.include_sources = args.count("include-sources") > 0;
  if (!steps.bag && (args.count("bag-id") || steps.include_sources)) {
    std::cerr << command << ": --bag-id and --include-sources go with --bag\n";
    return kExitUsage;
  }
  if (!steps.bag) return kExitOk;
  std::error_code ec;
  if (std::filesystem::exists(std::filesystem::path(out_dir) / "bagit.txt", ec)) {
    std::cerr << command << ": " << out_dir << " is already a bag; write into a new directory\n";
    return kExitUsage;
  }
  try {
    steps.bag_options = bag_options(args);
  } catch (const ogix::Error& e) {
    std::cerr << command << ": " << e.what() << "\n";
    return kExitUsage;
  }
  steps.bag_options.sync = sync;
  return kExitOk;
}

// Runs the post-steps asked for; returns kExitOk or kExitFatal.
int run_post_steps(const PostSteps& steps, const std::string& out_dir, bool sync, bool quiet) {
  if (steps.review && run_review(out_dir, sync, quiet) != kExitOk) return kExitFatal;
  // The bag is made from the finished directory, after the batch, as 'ogix bag' makes it.
  if (steps.bag && make_bag_of(out_dir, steps.bag_options, steps.include_sources, quiet) != kExitOk) return kExitFatal;
  return kExitOk;
}

// One report's line: an error on stderr, or (unless quiet) its counts on stdout.
void report(const ogix::DatasetEntry& e, bool quiet) {
  const auto& i = e.record;
  if (!i.ok) {
    std::cerr << "ogix: error: " << i.path << ": " << i.error_code << ": " << i.message << "\n";
  } else if (!quiet) {
    std::cout << i.source << ": " << i.profile << ", " << i.cells[0] << " number / " << i.cells[1] << " blank / "
              << i.cells[2] << " na / " << i.cells[3] << " text / " << i.cells[4] << " missing cells; rules "
              << i.rules[0] << " pass, " << i.rules[1] << " fail, " << i.rules[2] << " unchecked\n";
  }
}

// Reads the --max-* limits into `lim`; returns what is wrong with them, or "" when all are usable.
std::string parse_limits(const cxxopts::ParseResult& args, ogix::Limits& lim) {
  // The largest input accepted is bounded so that MiB → bytes cannot overflow (1 TiB).
  constexpr double kMaxInputMb = 1024.0 * 1024.0;
  double mb = args["max-input-mb"].as<double>();
  if (!(mb > 0 && mb <= kMaxInputMb)) return "--max-input-mb must be above 0 and at most 1048576 (1 TiB)";
  double seconds = args["max-seconds"].as<double>(), per_page = args["ocr-page-seconds"].as<double>();
  if (!(seconds > 0 && std::isfinite(seconds))) return "--max-seconds must be a positive number";
  if (!(per_page >= 0 && std::isfinite(per_page))) return "--ocr-page-seconds must be 0 or more";
  if (args["max-pages"].as<int>() < 1 || args["max-depth"].as<int>() < 1 || args["max-span"].as<int>() < 1 ||
      args["max-cells"].as<std::size_t>() < 1 || args["max-pixels"].as<std::size_t>() < 1)
    return "--max-pages, --max-depth, --max-span, --max-cells and --max-pixels must be at least 1";
  lim.max_input_bytes = static_cast<std::size_t>(mb * 1024 * 1024);
  lim.max_pages = args["max-pages"].as<int>();
  lim.max_depth = args["max-depth"].as<int>();
  lim.max_table_cells = args["max-cells"].as<std::size_t>();
  lim.max_span = args["max-span"].as<int>();
  lim.max_seconds = seconds;
  lim.ocr_page_seconds = per_page;
  lim.max_pixels = args["max-pixels"].as<std::size_t>();
  return {};
}

int convert(int argc, char** argv) {
  cxxopts::Options opts("ogix convert", "Convert reports into canonical XML, a cells CSV and a manifest.");
  opts.custom_help("[options] INPUT... -o OUTDIR   (INPUT: a file, or a directory searched for reports)");
  opts.positional_help("");
  ogix::Limits def;
  opts.add_options()
      ("o,output", "output directory (created if missing)", cxxopts::value<std::string>())
      ("files-from", "read more inputs from FILE, one path per line ('-': standard input)", cxxopts::value<std::string>())
      ("j,jobs", "conversions in parallel (output is identical for any value)", cxxopts::value<int>()->default_value("1"))
      ("resume", "keep the reports already in OUTDIR whose input SHA-256, ogix version and settings (--ocr, --ocr-lang, --max-*) match; convert the rest")
      ("shard", "convert only shard K of N (by path hash; 'ogix merge' unions the N outputs)", cxxopts::value<std::string>(), "K/N")
      ("progress", "progress on stderr: auto (a live line on a terminal only), plain (a line every --progress-every seconds), off",
       cxxopts::value<std::string>()->default_value("auto"))
      ("progress-every", "seconds between plain progress lines", cxxopts::value<double>()->default_value("10"))
      ("max-input-mb", "largest input accepted, MiB", cxxopts::value<double>()->default_value(std::to_string(def.max_input_bytes >> 20)))
      ("max-pages", "most PDF pages read", cxxopts::value<int>()->default_value(std::to_string(def.max_pages)))
      ("max-depth", "deepest HTML nesting accepted", cxxopts::value<int>()->default_value(std::to_string(def.max_depth)))
      ("max-cells", "most grid slots in one table", cxxopts::value<std::size_t>()->default_value(std::to_string(def.max_table_cells)))
      ("max-span", "largest rowspan/colspan honoured (larger ones are clamped)", cxxopts::value<int>()->default_value(std::to_string(def.max_span)))
      ("max-seconds", "time budget per document", cxxopts::value<double>()->default_value("120"))
      ("ocr-page-seconds", "time added to --max-seconds for each page read by OCR", cxxopts::value<double>()->default_value("30"))
      ("max-pixels", "largest page image OCR reads, pixels (scanned pages render at less than 300 dpi to fit)", cxxopts::value<std::size_t>()->default_value(std::to_string(def.max_pixels)))
      ("ocr", "OCR of scans: auto (pages without text), off, force (every page)", cxxopts::value<std::string>()->default_value("auto"))
      ("ocr-lang", "Tesseract languages for OCR", cxxopts::value<std::string>()->default_value("chi_sim+eng"))
      ("inputs", "input files", cxxopts::value<std::vector<std::string>>());
  add_dataset_options(opts);
  add_post_step_options(opts);
  add_common_options(opts);
  opts.parse_positional({"inputs"});
  cxxopts::ParseResult args;
  if (!parse_args(opts, argc, argv, args)) return kExitUsage;
  if (args.count("help")) {
    std::cout << opts.help() << "\nexit codes: 0 all converted, 1 some inputs failed, 2 usage error, 3 output not writable\n";
    return kExitOk;
  }
  if (!args.count("output") || (!args.count("inputs") && !args.count("files-from"))) {
    std::cerr << "ogix convert: need INPUT... (or --files-from) and -o OUTDIR (see ogix convert --help)\n";
    return kExitUsage;
  }
  std::vector<std::string> named;
  if (args.count("inputs")) named = args["inputs"].as<std::vector<std::string>>();
  if (args.count("files-from")) {
    std::string list = args["files-from"].as<std::string>();
    std::vector<std::string> more;
    if (list == "-") {
      more = ogix::read_input_list(std::cin);
    } else {
      std::ifstream in(list, std::ios::binary);
      if (!in) {
        std::cerr << "ogix convert: cannot read --files-from " << list << "\n";
        return kExitUsage;
      }
      more = ogix::read_input_list(in);
    }
    named.insert(named.end(), more.begin(), more.end());
  }
  ogix::BatchOptions bo;
  read_dataset_options(args, bo);
  if (bo.jobs < 1) {
    std::cerr << "ogix convert: --jobs must be at least 1\n";
    return kExitUsage;
  }
  if (std::string err = parse_limits(args, bo.convert.limits); !err.empty()) {
    std::cerr << "ogix convert: " << err << "\n";
    return kExitUsage;
  }
  const std::string ocr = args["ocr"].as<std::string>();
  if (ocr == "auto") bo.convert.ocr.mode = ogix::OcrMode::automatic;
  else if (ocr == "off") bo.convert.ocr.mode = ogix::OcrMode::off;
  else if (ocr == "force") bo.convert.ocr.mode = ogix::OcrMode::force;
  else {
    std::cerr << "ogix convert: --ocr must be auto, off or force\n";
    return kExitUsage;
  }
  bo.convert.ocr.lang = args["ocr-lang"].as<std::string>();
  bool quiet = args.count("quiet") > 0;
  bo.resume = args.count("resume") > 0;
  if (args.count("shard") && !ogix::parse_shard(args["shard"].as<std::string>(), bo.shard, bo.shards)) {
    std::cerr << "ogix convert: --shard takes K/N with 1 <= K <= N\n";
    return kExitUsage;
  }
  if (!ogix::parse_progress_mode(args["progress"].as<std::string>(), bo.progress) || args["progress-every"].as<double>() <= 0) {
    std::cerr << "ogix convert: --progress takes auto, plain or off; --progress-every a positive number\n";
    return kExitUsage;
  }
  if (quiet) bo.progress = ogix::ProgressMode::off;
  bo.progress_interval = args["progress-every"].as<double>();
  PostSteps post;
  if (int rc = parse_post_steps(args, "ogix convert", bo.out_dir, bo.sync, post); rc != kExitOk) return rc;

  ogix::BatchResult r;
  std::vector<std::string> inputs = ogix::expand_inputs(named);
  if (inputs.empty()) {
    std::cerr << "ogix convert: no report files found in the inputs given\n";
    return kExitUsage;
  }
  try {
    r = ogix::run_batch(inputs, bo, [&](const ogix::DatasetEntry& e) { report(e, quiet); });
  } catch (const ogix::Error& e) {
    print_error(e);
    return kExitFatal;
  }
  if (bo.progress == ogix::ProgressMode::plain) std::cerr << ogix::timing_line(r.timings, r.inputs, bo.jobs) << "\n";
  if (!quiet) {
    std::cout << r.converted << " converted, " << r.failed << " failed";
    if (bo.resume) std::cout << " (" << r.kept << " kept from the earlier run)";
    std::cout << " -> " << bo.out_dir << "\n";
  }
  if (run_post_steps(post, bo.out_dir, bo.sync, quiet) != kExitOk) return kExitFatal;
  return r.failed ? kExitSomeFailed : kExitOk;
}

// ogix merge OUT1 OUT2 … -o OUT: shard outputs into one dataset.
int merge(int argc, char** argv) {
  cxxopts::Options opts("ogix merge", "Union the outputs of 'ogix convert --shard K/N' runs into one output directory.");
  opts.custom_help("[options] OUTDIR1 OUTDIR2... -o OUTDIR");
  opts.positional_help("");
  opts.add_options()
      ("o,output", "merged output directory (created if missing)", cxxopts::value<std::string>())
      ("j,jobs", "threads reading the reports back (output identical for any value)", cxxopts::value<int>()->default_value("1"))
      ("shards", "shard output directories", cxxopts::value<std::vector<std::string>>());
  add_dataset_options(opts);
  add_post_step_options(opts);
  add_common_options(opts);
  opts.parse_positional({"shards"});
  cxxopts::ParseResult args;
  if (!parse_args(opts, argc, argv, args)) return kExitUsage;
  if (args.count("help")) {
    std::cout << opts.help() << "\nRefuses outputs of another ogix version, overlapping or missing shards.\n"
                 "exit codes: 0 all inputs converted, 1 some inputs failed, 2 usage error or refused merge, 3 output not writable\n";
    return kExitOk;
  }
  if (!args.count("output") || !args.count("shards")) {
    std::cerr << "ogix merge: need OUTDIR1... and -o OUTDIR (see ogix merge --help)\n";
    return kExitUsage;
  }
  ogix::MergeOptions mo;
  read_dataset_options(args, mo);
  if (mo.jobs < 1) {
    std::cerr << "ogix merge: --jobs must be at least 1\n";
    return kExitUsage;
  }
  bool quiet = args.count("quiet") > 0;
  PostSteps post;
  if (int rc = parse_post_steps(args, "ogix merge", mo.out_dir, mo.sync, post); rc != kExitOk) return rc;
  ogix::MergeResult r;
  try {
    r = ogix::merge_outputs(args["shards"].as<std::vector<std::string>>(), mo, [&](const ogix::DatasetEntry& e) { report(e, true); });
  } catch (const ogix::MergeRefused& e) {
    std::cerr << "ogix merge: refused: " << e.what() << "\n";
    return kExitUsage;
  } catch (const ogix::Error& e) {
    print_error(e);
    return kExitFatal;
  }
  if (!quiet) std::cout << r.converted << " converted, " << r.failed << " failed -> " << mo.out_dir << "\n";
  if (run_post_steps(post, mo.out_dir, mo.sync, quiet) != kExitOk) return kExitFatal;
  return r.failed ? kExitSomeFailed : kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
#if defined(__GLIBC__)
  // Blocks of 1 MiB and more (a long report's XML) are mapped on their own and given back when
  // freed. glibc otherwise raises this threshold after the first such block is freed, and the
  // heap keeps their space: a 500-page PDF peaked 3 MB higher. A page's text and its copies (a
  // few hundred KiB) stay in the heap, which keeps 4 MiB free before trimming: mapped and
  // unmapped for every page they cost 430 page faults a page (40 copies of an HTML page: 17,400
  // faults against 1,550, 12 % of the process's CPU; the 500-page PDF's peak RSS is unchanged).
  mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
  mallopt(M_TRIM_THRESHOLD, 4 * 1024 * 1024);
#endif
  // Before any thread starts (it sets an environment variable): OCR must run single-threaded to
  // be deterministic, and OpenMP reads its limit when the OCR module loads it.
  ogix::ocr_single_thread();
  std::string cmd = argc > 1 ? argv[1] : "";
  if (cmd == "--version" || cmd == "-V") {
    std::cout << "ogix " OGIX_VERSION "\n";
    return kExitOk;
  }
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::cout << kUsage;
    return kExitOk;
  }
  if (cmd == "convert") return convert(argc - 1, argv + 1);
  if (cmd == "validate") return validate(argc - 1, argv + 1);
  if (cmd == "merge") return merge(argc - 1, argv + 1);
  if (cmd == "review") return review(argc - 1, argv + 1);
  if (cmd == "bag") return bag(argc - 1, argv + 1);
  if (cmd == "codebook") {
    std::cout << ogix::codebook_text();
    return kExitOk;
  }
  std::cerr << (cmd.empty() ? std::string("ogix: missing command\n") : "ogix: unknown command '" + cmd + "'\n") << kUsage;
  return kExitUsage;
}
