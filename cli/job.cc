#include "cli/job.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <tuple>
#include <new>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "extractors/extractor.h"
#include "model/error.h"
#include "model/sha256.h"
#include "normalizers/indicator_text.h"
#include "normalizers/metadata.h"
#include "profiles/profile.h"
#include "normalizers/profile_mapper.h"
#include "normalizers/ocr_check.h"
#include "normalizers/rules.h"
#include "normalizers/run_together.h"
#include "normalizers/sectionizer.h"
#include "model/table_grid.h"
#include "text/label_key.h"
#include "text/unicode.h"
#include "cli/builtin_codebook.h"
#include "writers/cells_csv_writer.h"
#include "writers/xml_writer.h"

namespace fs = std::filesystem;

namespace ogix {

namespace {

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

std::string settings_key(const ConvertOptions& options) {
  // A field added to Limits or OcrOptions changes their size: add it below, then the size here.
  static_assert(sizeof(Limits) == 56 && sizeof(OcrOptions) == 40, "settings_key must list every conversion option");
  const Limits& l = options.limits;
  const char* mode = options.ocr.mode == OcrMode::off ? "off" : options.ocr.mode == OcrMode::force ? "force" : "auto";
  // The shortest text that reads back as the same double: 120 stays "120", 0.1 stays "0.1".
  auto shortest = [](double v) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() ? std::string(buf, end) : std::string("?");
  };
  std::string secs = shortest(l.max_seconds);
  return "ocr=" + std::string(mode) + ";ocr-lang=" + options.ocr.lang + ";max-input-bytes=" + std::to_string(l.max_input_bytes) +
         ";max-pages=" + std::to_string(l.max_pages) + ";max-depth=" + std::to_string(l.max_depth) +
         ";max-cells=" + std::to_string(l.max_table_cells) + ";max-span=" + std::to_string(l.max_span) +
         ";max-seconds=" + secs + ";max-pixels=" + std::to_string(l.max_pixels) + ";ocr-page-seconds=" + shortest(l.ocr_page_seconds);
}

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
  forget_label_keys();  // memoized per document (text/label_key.h)
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
  // The crawler-text reader needs the spaces that normalization drops between a label and a digit.
  Document raw;
  if (doc.meta.extractor == "text") raw.blocks = doc.blocks;
  normalize_document_text(doc);
  normalize_tables(doc);
  reflow_run_together(doc);
  reflow_indicator_text(doc, &raw);
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
  // One open and one fstat of the descriptor (the path was looked up three times: two stats and an
  // open). O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  struct stat st {};
  if (fd < 0 || ::fstat(fd, &st) != 0) {
    if (fd >= 0) ::close(fd);
    std::error_code ec;
    // The reasons in the order they were always given: not a file, too large, unreadable.
    if (!fs::is_regular_file(path, ec)) throw Error(ErrorCode::io, name, "not a readable regular file: " + path);
    auto size = fs::file_size(path, ec);
    if (ec) throw Error(ErrorCode::io, name, "cannot stat " + path + ": " + ec.message());
    if (size > max_bytes)
      throw Error(ErrorCode::limit_exceeded, name,
                  "file of " + std::to_string(size) + " bytes exceeds --max-input-mb (" + std::to_string(max_bytes) + " bytes)");
    throw Error(ErrorCode::io, name, "cannot open " + path);
  }
  auto size = static_cast<std::uintmax_t>(st.st_size);
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    throw Error(ErrorCode::io, name, "not a readable regular file: " + path);
  }
  if (size > max_bytes) {
    ::close(fd);
    throw Error(ErrorCode::limit_exceeded, name,
                "file of " + std::to_string(size) + " bytes exceeds --max-input-mb (" + std::to_string(max_bytes) + " bytes)");
  }
  std::string data(static_cast<std::size_t>(size), '\0');
  std::size_t got = 0;
  while (got < data.size()) {
    ssize_t n = ::read(fd, data.data() + got, data.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  ::close(fd);
  if (got != size) throw Error(ErrorCode::io, name, "short read on " + path);
  return data;
}

namespace {

// A name no other writer of this process (thread) or another process uses at the same time.
std::string temporary_name(const std::string& path) {
  static std::atomic<unsigned> counter{0};
  return path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
}

}  // namespace

// True when a file opened with O_TMPFILE can be given a name through /proc/self/fd (linkat with
// AT_SYMLINK_FOLLOW needs no privilege, unlike AT_EMPTY_PATH).
bool proc_fd_links() {
  static const bool yes = ::access("/proc/self/fd", X_OK) == 0;
  return yes;
}

AtomicFileWriter::AtomicFileWriter(std::string path, bool sync) : path_(std::move(path)), sync_(sync) {
  // An unnamed file in the target directory, named only at commit: creating it allocates the
  // inode without the directory's lock, which two converting threads otherwise wait on for each
  // create (measured: -j2 spent twice -j1's system time spinning on that lock); a killed run
  // leaves nothing behind. Filesystems without O_TMPFILE take the named temporary file.
  // A plain descriptor, not a FILE: stdio asked the kernel for the flags and the block size of
  // every file it wrapped and cut a 100 KB XML into two writes (four system calls per output).
  if (proc_fd_links()) {
    std::string dir = fs::path(path_).parent_path().string();
    fd_ = ::open(dir.empty() ? "." : dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
    if (fd_ >= 0) {
      unnamed_ = true;
      return;
    }
  }
  tmp_ = temporary_name(path_);
  fd_ = ::open(tmp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd_ < 0) throw Error(ErrorCode::io, fs::path(path_).filename().string(), "cannot create " + tmp_);
}

AtomicFileWriter::~AtomicFileWriter() {
  if (fd_ >= 0) {
    close_fd();
    std::error_code ec;
    if (!unnamed_) fs::remove(tmp_, ec);
  }
}

namespace {

constexpr std::size_t kWriteBuffer = 64 * 1024;  // gathered below this; larger writes go straight out

}  // namespace

void AtomicFileWriter::write_fd(std::string_view bytes) {
  while (ok_ && !bytes.empty()) {
    ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok_ = false;
      break;
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

void AtomicFileWriter::flush() {
  write_fd(buf_);
  buf_.clear();
}

bool AtomicFileWriter::close_fd() {
  int r = ::close(fd_);
  fd_ = -1;
  return r == 0 || errno == EINTR;  // Linux releases the descriptor even when close is interrupted
}

void AtomicFileWriter::write(std::string_view bytes) {
  if (sealed_) throw Error(ErrorCode::internal, fs::path(path_).filename().string(), "write after seal: " + path_);
  if (ok_) {
    if (buf_.size() + bytes.size() <= kWriteBuffer) {
      buf_.append(bytes);
    } else {
      flush();
      if (bytes.size() < kWriteBuffer)
        buf_.append(bytes);
      else
        write_fd(bytes);
    }
  }
  if (!ok_) throw Error(ErrorCode::io, fs::path(path_).filename().string(), "cannot write " + (tmp_.empty() ? path_ : tmp_));
}

void AtomicFileWriter::seal() {
  if (sealed_) return;
  flush();
  sealed_ = true;
  // Only a hint: the fsync of commit() is what makes the data durable, and reports its errors.
  // Started here for every file of a run before the first fsync, the data of all of them goes to
  // the disk together and the fsyncs wait for it once (on a journaled file system one journal
  // commit also covers their allocations). Measured on ext4 without a journal, the seven files of a
  // one-report run: 0.11 ms less CPU, 0.45 ms less wall.
  if (sync_ && ok_) ::sync_file_range(fd_, 0, 0, SYNC_FILE_RANGE_WRITE);
  if (!ok_) throw Error(ErrorCode::io, fs::path(path_).filename().string(), "cannot write " + (tmp_.empty() ? path_ : tmp_));
}

void AtomicFileWriter::commit() {
  seal();
  bool ok = ok_;
  if (sync_) ok = (::fsync(fd_) == 0) && ok;
  std::error_code ec;
  if (ok && unnamed_) {
    std::string self = "/proc/self/fd/" + std::to_string(fd_);
    // The final name when it is free (one directory operation); an existing file is replaced
    // atomically through a named temporary link and a rename.
    if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, path_.c_str(), AT_SYMLINK_FOLLOW) != 0) {
      if (errno == EEXIST) tmp_ = temporary_name(path_);
      if (!tmp_.empty() && ::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, tmp_.c_str(), AT_SYMLINK_FOLLOW) == 0) {
        unnamed_ = false;  // tmp_ now exists: renamed below, or removed on failure
      } else {
        ok = false;
      }
    } else {
      ok = close_fd();
      if (!ok) {
        fs::remove(path_, ec);
        throw Error(ErrorCode::io, fs::path(path_).filename().string(), "cannot write " + path_);
      }
      return;
    }
  }
  ok = close_fd() && ok;
  if (ok) fs::rename(tmp_, path_, ec);
  if (!ok || ec) {
    if (!unnamed_) fs::remove(tmp_, ec);
    throw Error(ErrorCode::io, fs::path(path_).filename().string(), "cannot write " + path_);
  }
}

bool is_temporary_output(const std::string& name) {
  // <name>.tmp-<pid>-<n>: only what temporary_name makes, never a user's file named *.tmp.
  auto at = name.rfind(".tmp-");
  if (at == std::string::npos || at == 0) return false;
  std::string rest = name.substr(at + 5);
  auto dash = rest.find('-');
  auto digits = [](const std::string& d) { return !d.empty() && d.find_first_not_of("0123456789") == std::string::npos; };
  return dash != std::string::npos && digits(rest.substr(0, dash)) && digits(rest.substr(dash + 1));
}

void write_file_atomic(const std::string& path, std::string_view bytes, bool sync) {
  AtomicFileWriter w(path, sync);
  w.write(bytes);
  w.commit();
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

std::string codebook_text() { return std::string(builtin_codebook_csv()); }

std::vector<std::string> expand_inputs(const std::vector<std::string>& args) {
  static const std::set<std::string> report_ext = {".pdf", ".docx", ".html", ".htm", ".shtml", ".xhtml", ".txt", ".text", ".md"};
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

}  // namespace ogix
