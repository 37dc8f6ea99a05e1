#include "cli/review.h"

#include <filesystem>
#include <map>

#include "cli/job.h"
#include "cli/manifest.h"
#include "model/error.h"
#include "model/sha256.h"
#include "profiles/profile.h"
#include "renderers/pdf_crop.h"
#include "writers/review_index.h"
#include "writers/review_page.h"
#include "writers/review_style.h"
#include "writers/xml_reader.h"

namespace fs = std::filesystem;

namespace ogix {

namespace {

// Inputs are at most --max-input-mb when converted; a review reads what it is given, capped.
constexpr std::size_t kMaxXmlBytes = std::size_t{1} << 30;
constexpr std::size_t kMaxSourceBytes = std::size_t{1} << 30;

// The crops of one PDF report, or the reason there are none.
std::vector<ReviewCrop> render_crops(const Document& doc, const std::string& source_path, const std::string& stem,
                                     const fs::path& reports_dir, std::string& note, ReviewResult& result) {
  std::vector<ReviewCrop> crops = plan_crops(doc, stem);
  if (crops.empty()) return crops;
  // A report's tables span a few pages; an edited XML claiming cells on thousands must not make
  // thousands of renders.
  constexpr std::size_t kMaxCrops = 60;
  if (crops.size() > kMaxCrops) {
    result.notes.push_back(doc.meta.source + ": " + std::to_string(crops.size()) + " page regions, only the first " +
                           std::to_string(kMaxCrops) + " rendered");
    crops.resize(kMaxCrops);
  }
  std::string bytes;
  std::error_code ec;
  if (source_path.empty() || !fs::is_regular_file(source_path, ec)) {
    note = "The source PDF is not at " + (source_path.empty() ? std::string("(no path)") : source_path) +
           " (paths in manifest.csv are resolved from the directory ogix review runs in): no page images.";
    return {};
  }
  try {
    bytes = read_file_capped(source_path, kMaxSourceBytes);
  } catch (const Error& e) {
    note = "The source PDF at " + source_path + " cannot be read (" + e.what() + "): no page images.";
    return {};
  }
  std::string sha = sha256_hex(bytes);
  if (sha != doc.meta.sha256) {
    // Never show a crop of a different file than the one converted.
    note = "The file at " + source_path + " is not the source this report was converted from (SHA-256 " + sha +
           ", the report says " + doc.meta.sha256 + "): no page images.";
    return {};
  }
  try {
    PdfCropRenderer renderer(std::move(bytes), doc.meta.source);
    fs::create_directories(reports_dir / "img");
    for (auto& c : crops) {
      try {
        CropSize size = renderer.render(c.page, c.x0, c.y0, c.x1, c.y1, (reports_dir / c.file).string());
        c.width = size.width;
        c.height = size.height;
        c.x0 = size.x0, c.y0 = size.y0, c.x1 = size.x1, c.y1 = size.y1;
        ++result.crops;
      } catch (const Error& e) {
        result.notes.push_back(doc.meta.source + ": page " + std::to_string(c.page) + ": " + e.what());
      }
    }
  } catch (const Error& e) {
    note = std::string("The source PDF cannot be rendered (") + e.what() + "): no page images.";
    return {};
  }
  return crops;
}

}  // namespace

ReviewResult write_review(const ReviewOptions& opt) {
  ReviewResult result;
  fs::path out(opt.out_dir);
  std::string manifest = read_file_capped((out / "manifest.csv").string(), kMaxXmlBytes);
  // --csv-bom starts every CSV with a byte order mark; it is no part of the first column's name.
  if (manifest.rfind("\xEF\xBB\xBF", 0) == 0) manifest.erase(0, 3);
  auto rows = parse_csv(manifest);
  if (rows.empty()) throw Error(ErrorCode::io, "manifest.csv", "empty manifest in " + opt.out_dir);
  std::map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < rows[0].size(); ++i) col[rows[0][i]] = i;
  for (const char* need : {"source", "path", "status", "error_code", "message", "output"})
    if (!col.count(need)) throw Error(ErrorCode::io, "manifest.csv", std::string("manifest.csv has no column ") + need);
  auto field = [&](const std::vector<std::string>& r, const char* name) {
    std::size_t i = col[name];
    return i < r.size() ? r[i] : std::string();
  };

  fs::path review = out / "review", reports = review / "reports";
  std::error_code ec;
  fs::create_directories(reports, ec);
  if (ec) throw Error(ErrorCode::io, review.string(), "cannot create the review directory: " + ec.message());

  std::vector<ReviewIndexEntry> entries;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& r = rows[i];
    ReviewIndexEntry failed;
    failed.source = field(r, "source");
    failed.path = field(r, "path");
    if (field(r, "status") != "ok") {
      failed.error_code = field(r, "error_code");
      failed.message = field(r, "message");
      entries.push_back(std::move(failed));
      ++result.failed_inputs;
      continue;
    }
    std::string output = field(r, "output");
    // The manifest names a file in OUTDIR; anything else (an edited manifest) is not followed.
    if (output.empty() || fs::path(output).filename().string() != output || output[0] == '.') {
      failed.error_code = "damaged";
      failed.message = "manifest.csv names no usable output file for this input";
      entries.push_back(std::move(failed));
      ++result.failed_inputs;
      continue;
    }
    Document doc;
    try {
      doc = read_xml(read_file_capped((out / output).string(), kMaxXmlBytes), output).doc;
    } catch (const Error& e) {
      failed.error_code = error_code_name(e.code());
      failed.message = std::string("the converted report ") + output + " cannot be read: " + e.what();
      entries.push_back(std::move(failed));
      ++result.failed_inputs;
      continue;
    }
    std::string stem = fs::path(output).stem().string();
    ReviewPageOptions po;
    if (const Profile* p = find_profile(doc.profile))
      for (const auto& t : p->tables) po.layouts.push_back(printed_layout(*p, t));
    po.crops = render_crops(doc, failed.path, stem, reports, po.source_note, result);
    if (!po.source_note.empty()) result.notes.push_back(doc.meta.source + ": " + po.source_note);
    po.xml_href = "../../" + output;
    write_file_atomic((reports / (stem + ".html")).string(), review_page_html(doc, po), opt.sync);
    ++result.reports;
    ReviewIndexEntry e = review_entry(doc);
    e.path = failed.path;
    e.page = "reports/" + stem + ".html";
    entries.push_back(std::move(e));
  }
  write_file_atomic((review / "review.css").string(), review_css(), opt.sync);
  write_file_atomic((review / "index.html").string(), review_index_html(entries), opt.sync);
  return result;
}

}  // namespace ogix
