#include "writers/bag_writer.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

#include "model/error.h"
#include "model/sha256.h"
#include "model/sha512.h"

namespace fs = std::filesystem;

namespace ogix {

namespace {

// Closes a FILE* on every path out.
struct FileCloser {
  void operator()(std::FILE* f) const {
    if (f) std::fclose(f);
  }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

Error io_error(const fs::path& p, const std::string& what) {
  return Error(ErrorCode::io, p.filename().string(), what + " " + p.string());
}

// Writes a tag file into the bag being assembled (the folder is not the bag yet, so no temp+rename).
void write_new_file(const fs::path& p, std::string_view bytes, bool sync) {
  FilePtr f(std::fopen(p.c_str(), "wb"));
  if (!f) throw io_error(p, "cannot create");
  bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f.get()) == bytes.size();
  ok = std::fflush(f.get()) == 0 && ok;
  if (sync) ok = ::fsync(fileno(f.get())) == 0 && ok;
  if (std::fclose(f.release()) != 0 || !ok) throw io_error(p, "cannot write");
}

void sync_dir(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

// One manifest line per file, sorted by path bytes, "<hex>  <path>" as sha256sum -c reads it.
std::string manifest_text(const std::map<std::string, FileDigests>& files, bool sha512) {
  std::string out;
  for (const auto& [path, d] : files) out += (sha512 ? d.sha512 : d.sha256) + "  " + bagit_encode_path(path) + "\n";
  return out;
}

}  // namespace

FileDigests digest_file(const std::string& path, const std::string& copy_to, bool sync) {
  FilePtr in(std::fopen(path.c_str(), "rb"));
  if (!in) throw io_error(path, "cannot open");
  FilePtr out;
  if (!copy_to.empty()) {
    out.reset(std::fopen(copy_to.c_str(), "wb"));
    if (!out) throw io_error(copy_to, "cannot create");
  }
  Sha256Hasher h256;
  Sha512Hasher h512;
  FileDigests d;
  std::vector<char> buf(std::size_t{1} << 20);  // 1 MiB at a time, whatever the file's size
  for (;;) {
    std::size_t n = std::fread(buf.data(), 1, buf.size(), in.get());
    if (n > 0) {
      std::string_view piece(buf.data(), n);
      h256.update(piece);
      h512.update(piece);
      d.size += n;
      if (out && std::fwrite(buf.data(), 1, n, out.get()) != n) throw io_error(copy_to, "cannot write");
    }
    if (n < buf.size()) {
      if (std::ferror(in.get())) throw io_error(path, "cannot read");
      break;
    }
  }
  if (out) {
    bool ok = std::fflush(out.get()) == 0;
    if (sync) ok = ::fsync(fileno(out.get())) == 0 && ok;
    if (std::fclose(out.release()) != 0 || !ok) throw io_error(copy_to, "cannot write");
  }
  d.sha256 = h256.hex_digest();
  d.sha512 = h512.hex_digest();
  return d;
}

std::string bagit_encode_path(std::string_view path) {
  std::string out;
  for (char c : path) {
    if (c == '%') out += "%25";
    else if (c == '\n') out += "%0A";
    else if (c == '\r') out += "%0D";
    else out += c;
  }
  return out;
}

bool bagit_decode_path(std::string_view encoded, std::string& path) {
  path.clear();
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    if (encoded[i] != '%') {
      path += encoded[i];
      continue;
    }
    if (i + 2 >= encoded.size()) return false;
    std::string code{encoded.substr(i + 1, 2)};
    std::transform(code.begin(), code.end(), code.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (code == "25") path += '%';
    else if (code == "0A") path += '\n';
    else if (code == "0D") path += '\r';
    else return false;  // §2.1.3 encodes these three only
    i += 2;
  }
  return true;
}

std::string bagging_date(const char* source_date_epoch) {
  std::time_t t = std::time(nullptr);
  if (source_date_epoch) {
    std::string_view s(source_date_epoch);
    long long v = -1;
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size() || v < 0)
      throw Error(ErrorCode::io, "SOURCE_DATE_EPOCH", "SOURCE_DATE_EPOCH is not a number of seconds: " + std::string(s));
    t = static_cast<std::time_t>(v);
  }
  std::tm tm{};
  if (!gmtime_r(&t, &tm)) throw Error(ErrorCode::io, "SOURCE_DATE_EPOCH", "date out of range");
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
  return buf;
}

BagSummary make_bag(const std::string& out_dir, const BagOptions& opt) {
  std::error_code ec;
  fs::path out = fs::absolute(out_dir, ec).lexically_normal();
  if (out.has_filename() == false) out = out.parent_path();  // "out/" → "out"
  if (!fs::is_directory(out, ec)) throw io_error(out, "not a directory:");
  if (fs::exists(out / "bagit.txt", ec))
    throw Error(ErrorCode::io, out.filename().string(), "already a bag (bagit.txt exists): " + out.string());
  for (char c : opt.bag_id)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
      throw Error(ErrorCode::io, "--bag-id", "a bag id cannot hold control characters (one line of bag-info.txt)");

  // Every file of the output directory, by relative path (sorted: the manifests' order).
  std::vector<std::string> payload;
  for (auto it = fs::recursive_directory_iterator(out, ec), end = fs::recursive_directory_iterator(); !ec && it != end;
       it.increment(ec)) {
    auto st = it->symlink_status(ec);
    if (ec) break;
    if (fs::is_directory(st)) continue;
    fs::path rel = it->path().lexically_relative(out);
    if (!fs::is_regular_file(st))
      throw io_error(it->path(), "not a regular file (links and devices are not bagged):");
    payload.push_back(rel.generic_string());
  }
  if (ec) throw io_error(out, "cannot list " + ec.message() + ":");
  std::sort(payload.begin(), payload.end());
  std::set<std::string> names(payload.begin(), payload.end());
  for (const auto& s : opt.sources)
    if (s.name.empty() || s.name.find('/') != std::string::npos || !names.insert("sources/" + s.name).second)
      throw Error(ErrorCode::io, s.name, "source name clashes with another payload file: sources/" + s.name);

  // Assembled beside the output directory under a hidden name, so it is on the same file system
  // (rename and hard links work) and never mistaken for the bag.
  fs::path tmp = out.parent_path() / ("." + out.filename().string() + ".bag-tmp-" + std::to_string(::getpid()));
  fs::remove_all(tmp, ec);
  struct Cleanup {
    fs::path p;
    bool armed = true;
    ~Cleanup() {
      std::error_code e;
      if (armed) fs::remove_all(p, e);
    }
  } cleanup{tmp};
  fs::create_directories(tmp / "data", ec);
  if (ec) throw io_error(tmp, "cannot create");

  std::map<std::string, FileDigests> files;  // "data/…" → digests
  BagSummary sum;
  for (const auto& rel : payload) {
    fs::path from = out / rel, to = tmp / "data" / rel;
    fs::create_directories(to.parent_path(), ec);
    if (ec) throw io_error(to.parent_path(), "cannot create");
    // A hard link costs nothing and the old directory is removed afterwards; copy where the
    // file system has no links.
    fs::create_hard_link(from, to, ec);
    FileDigests d = ec ? digest_file(from.string(), to.string(), opt.sync) : digest_file(to.string());
    files["data/" + rel] = d;
  }
  if (!opt.sources.empty()) fs::create_directories(tmp / "data" / "sources", ec);
  for (const auto& s : opt.sources) {
    fs::path to = tmp / "data" / "sources" / s.name;
    FileDigests d = digest_file(s.path, to.string(), opt.sync);
    if (d.sha256 != s.sha256)
      throw Error(ErrorCode::io, s.path,
                  "source changed since it was converted (SHA-256 " + d.sha256 + ", manifest.csv says " + s.sha256 + "): " + s.path);
    files["data/sources/" + s.name] = d;
  }
  for (const auto& [p, d] : files) {
    sum.octets += d.size;
    ++sum.files;
  }

  std::string info = "Bag-Software-Agent: ogix " OGIX_VERSION "\n";
  info += "Bagging-Date: " + opt.bagging_date + "\n";
  if (!opt.bag_id.empty()) info += "External-Identifier: " + opt.bag_id + "\n";
  info += "Payload-Oxum: " + std::to_string(sum.octets) + "." + std::to_string(sum.files) + "\n";
  std::map<std::string, std::string> tags = {
      {"bag-info.txt", info},
      {"bagit.txt", std::string(kBagitTxt)},
      {"manifest-sha256.txt", manifest_text(files, false)},
      {"manifest-sha512.txt", manifest_text(files, true)},
  };
  std::map<std::string, FileDigests> tag_digests;
  for (const auto& [name, text] : tags) tag_digests[name] = FileDigests{sha256_hex(text), sha512_hex(text), text.size()};
  tags["tagmanifest-sha256.txt"] = manifest_text(tag_digests, false);
  tags["tagmanifest-sha512.txt"] = manifest_text(tag_digests, true);
  // bagit.txt last: a folder without it is no bag, whatever else an interrupted run left.
  for (const auto& [name, text] : tags)
    if (name != "bagit.txt") write_new_file(tmp / name, text, opt.sync);
  write_new_file(tmp / "bagit.txt", tags["bagit.txt"], opt.sync);
  if (opt.sync) sync_dir(tmp);

  // Swap the finished bag with the loose directory in one step; then drop the loose files (the
  // bag's hard links keep their bytes).
  if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, out.c_str(), RENAME_EXCHANGE) != 0) {
    if (errno != EINVAL && errno != ENOSYS) throw io_error(out, "cannot rename the bag into place:");
    // A file system without the exchange: two renames, the loose directory set aside first.
    fs::path old = out.parent_path() / ("." + out.filename().string() + ".bag-old-" + std::to_string(::getpid()));
    fs::rename(out, old, ec);
    if (ec) throw io_error(out, "cannot rename the bag into place:");
    fs::rename(tmp, out, ec);
    if (ec) {
      fs::rename(old, out, ec);
      throw io_error(out, "cannot rename the bag into place:");
    }
    cleanup.p = old;
  }
  if (opt.sync) sync_dir(out.parent_path());
  return sum;  // cleanup removes the loose directory (now at tmp or old)
}

}  // namespace ogix
