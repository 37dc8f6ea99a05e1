#include "cli/spill_file.h"

#include <cstring>

#include "model/error.h"

namespace ogix {

namespace {

void put_u32(std::string& out, std::uint32_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }

[[noreturn]] void read_failed() { throw Error(ErrorCode::io, "", "cannot read a temporary file"); }

}  // namespace

SpillFile::SpillFile(std::size_t memory_bytes) : memory_bytes_(memory_bytes) {}

SpillFile::~SpillFile() {
  if (file_) std::fclose(file_);
}

long SpillFile::put(const std::vector<std::string>& fields) {
  std::string rec;
  put_u32(rec, static_cast<std::uint32_t>(fields.size()));
  for (const auto& f : fields) {
    put_u32(rec, static_cast<std::uint32_t>(f.size()));
    rec += f;
  }
  long at = size_;
  if (!file_ && memory_.size() + rec.size() <= memory_bytes_) {
    memory_ += rec;
  } else {
    if (!file_) {
      // The first record past the bound: everything so far moves to the file.
      file_ = std::tmpfile();
      if (!file_) throw Error(ErrorCode::io, "", "cannot create a temporary file");
      if (std::fwrite(memory_.data(), 1, memory_.size(), file_) != memory_.size())
        throw Error(ErrorCode::io, "", "cannot write a temporary file");
      std::string().swap(memory_);
    }
    if (std::fseek(file_, 0, SEEK_END) != 0 || std::fwrite(rec.data(), 1, rec.size(), file_) != rec.size())
      throw Error(ErrorCode::io, "", "cannot write a temporary file");
  }
  size_ += static_cast<long>(rec.size());
  return at;
}

std::vector<std::string> SpillFile::get(long offset) {
  if (offset < 0 || offset >= size_) read_failed();
  if (!file_) {
    std::size_t pos = static_cast<std::size_t>(offset);
    auto u32 = [&] {
      std::uint32_t v = 0;
      if (memory_.size() - pos < sizeof v) read_failed();
      std::memcpy(&v, memory_.data() + pos, sizeof v);
      pos += sizeof v;
      return v;
    };
    std::uint32_t count = u32();
    if (count > (memory_.size() - pos) / sizeof count) read_failed();  // each field has a length
    std::vector<std::string> out(count);
    for (auto& f : out) {
      std::uint32_t n = u32();
      if (memory_.size() - pos < n) read_failed();
      f.assign(memory_, pos, n);
      pos += n;
    }
    return out;
  }
  auto u32 = [&] {
    std::uint32_t v = 0;
    if (std::fread(&v, sizeof v, 1, file_) != 1) read_failed();
    return v;
  };
  if (std::fseek(file_, offset, SEEK_SET) != 0) read_failed();
  std::vector<std::string> out(u32());
  for (auto& f : out) {
    f.resize(u32());
    if (std::fread(f.data(), 1, f.size(), file_) != f.size()) read_failed();
  }
  return out;
}

}  // namespace ogix
