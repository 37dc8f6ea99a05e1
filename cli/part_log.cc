#include "cli/part_log.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "model/error.h"
#include "model/sha256.h"

namespace fs = std::filesystem;

namespace ogix {

namespace {

constexpr char kMagic[4] = {'O', 'G', 'X', 'R'};
constexpr std::size_t kHeaderBytes = 4 + 4 + 8 + 64;
// A part of any size ogix writes fits; the caps keep a damaged header from asking for the moon.
constexpr std::uint64_t kMaxPart = std::uint64_t{1} << 31;
constexpr std::uint32_t kMaxName = 4096;

std::string io_message(const std::string& what, const std::string& path) {
  return what + " " + path + ": " + std::strerror(errno);
}

void put_le(std::string& out, std::uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

std::uint64_t get_le(const char* p, int bytes) {
  std::uint64_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

std::string checksum(std::string_view name, std::string_view part) {
  Sha256Hasher h;
  h.update(name);
  h.update(std::string_view("\0", 1));
  h.update(part);
  return h.hex_digest();
}

// Reads exactly n bytes at offset; false at end of file or on a short file.
bool read_at(int fd, char* out, std::size_t n, std::uint64_t offset) {
  while (n > 0) {
    ssize_t got = ::pread(fd, out, n, static_cast<off_t>(offset));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    out += got;
    n -= static_cast<std::size_t>(got);
    offset += static_cast<std::uint64_t>(got);
  }
  return true;
}

// The run number of a log file name "r<run>-w<writer>.log", 0 when the name is not one.
std::uint64_t run_of(const std::string& file_name) {
  if (file_name.size() < 8 || file_name[0] != 'r' || file_name.compare(file_name.size() - 4, 4, ".log") != 0) return 0;
  std::size_t dash = file_name.find("-w");
  if (dash == std::string::npos || dash == 1 || dash > 20) return 0;
  std::uint64_t run = 0;
  for (std::size_t i = 1; i < dash; ++i) {
    if (file_name[i] < '0' || file_name[i] > '9') return 0;
    run = run * 10 + static_cast<std::uint64_t>(file_name[i] - '0');
  }
  return run;
}

}  // namespace

PartLog::PartLog(std::string dir, bool keep_earlier, int writers) : dir_(std::move(dir)) {
  std::error_code ec;
  if (!keep_earlier) fs::remove_all(dir_, ec);  // parts of another run are not this run's
  fs::create_directories(dir_, ec);
  if (!fs::is_directory(dir_, ec)) throw Error(ErrorCode::io, dir_, "cannot create " + dir_);
  if (keep_earlier) {
    // Earlier logs in run order, so that a later record of a name supersedes an earlier one.
    std::vector<std::pair<std::uint64_t, std::string>> logs;
    for (auto it = fs::directory_iterator(dir_, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (std::uint64_t run = run_of(name)) logs.emplace_back(run, name);
    }
    std::sort(logs.begin(), logs.end());
    for (const auto& [run, name] : logs) {
      run_ = std::max(run_, run + 1);
      File f;
      f.path = (fs::path(dir_) / name).string();
      f.fd = ::open(f.path.c_str(), O_RDONLY | O_CLOEXEC);
      if (f.fd < 0) continue;  // unreadable: its inputs are converted again
      files_.push_back(std::move(f));
      index_log(files_.size() - 1);
    }
  }
  first_writer_ = files_.size();
  for (int k = 0; k < std::max(writers, 1); ++k) {
    File f;
    f.path = (fs::path(dir_) / ("r" + std::to_string(run_) + "-w" + std::to_string(k) + ".log")).string();
    files_.push_back(std::move(f));
  }
}

PartLog::~PartLog() {
  for (auto& f : files_)
    if (f.fd >= 0) ::close(f.fd);
}

void PartLog::index_log(std::size_t file) {
  const File& f = files_[file];
  std::uint64_t at = 0;
  std::string header(kHeaderBytes, '\0'), body;
  // Up to the first record that is not whole and intact: a torn tail (a run killed mid-write) or
  // damage. What follows it is not trusted either.
  while (read_at(f.fd, header.data(), kHeaderBytes, at)) {
    if (std::memcmp(header.data(), kMagic, 4) != 0) break;
    std::uint64_t name_size = get_le(header.data() + 4, 4), part_size = get_le(header.data() + 8, 8);
    if (name_size == 0 || name_size > kMaxName || part_size > kMaxPart) break;
    body.resize(static_cast<std::size_t>(name_size + part_size));
    if (!read_at(f.fd, body.data(), body.size(), at + kHeaderBytes)) break;
    std::string_view name(body.data(), name_size), part(body.data() + name_size, part_size);
    if (checksum(name, part) != std::string_view(header.data() + 16, 64)) break;
    index_[std::string(name)] = Location{file, at + kHeaderBytes + name_size, part_size};
    at += kHeaderBytes + name_size + part_size;
  }
}

std::optional<std::string> PartLog::read(const std::string& name) const {
  Location loc;
  int fd;
  {
    std::lock_guard lock(mu_);
    auto it = index_.find(name);
    if (it == index_.end()) return std::nullopt;
    loc = it->second;
    fd = files_[loc.file].fd;
  }
  std::string part(static_cast<std::size_t>(loc.size), '\0');
  if (!read_at(fd, part.data(), part.size(), loc.offset))
    throw Error(ErrorCode::io, files_[loc.file].path, io_message("cannot read the part of " + name + " from", files_[loc.file].path));
  return part;
}

void PartLog::append(int writer, const std::string& name, std::string_view part) {
  if (writer < 0 || first_writer_ + static_cast<std::size_t>(writer) >= files_.size())
    throw Error(ErrorCode::internal, dir_, "no part log for writer " + std::to_string(writer));
  if (name.empty() || name.size() > kMaxName || part.size() > kMaxPart)
    throw Error(ErrorCode::io, dir_, "a part too large to record: " + name);
  File& f = files_[first_writer_ + static_cast<std::size_t>(writer)];
  if (f.fd < 0) {
    // Read and write: the assembly reads this run's parts back through the same descriptor.
    int fd = ::open(f.path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) throw Error(ErrorCode::io, f.path, io_message("cannot create", f.path));
    std::lock_guard lock(mu_);  // readers take the fd under the lock
    f.fd = fd;
  }
  std::string record(kMagic, 4);
  record.reserve(kHeaderBytes + name.size() + part.size());
  put_le(record, name.size(), 4);
  put_le(record, part.size(), 8);
  record += checksum(name, part);
  record += name;
  record += part;
  // One record, one write: a reader of the log after a kill sees it whole or torn at the end.
  std::string_view rest = record;
  while (!rest.empty()) {
    ssize_t put = ::write(f.fd, rest.data(), rest.size());
    if (put < 0 && errno == EINTR) continue;
    if (put <= 0) throw Error(ErrorCode::io, f.path, io_message("cannot write", f.path));
    rest.remove_prefix(static_cast<std::size_t>(put));
  }
  std::lock_guard lock(mu_);
  index_[name] = Location{first_writer_ + static_cast<std::size_t>(writer), f.end + kHeaderBytes + name.size(), part.size()};
  f.end += record.size();
}

void PartLog::remove() {
  std::lock_guard lock(mu_);
  for (auto& f : files_)
    if (f.fd >= 0) ::close(f.fd), f.fd = -1;
  index_.clear();
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

}  // namespace ogix
