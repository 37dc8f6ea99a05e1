// Reading members of a ZIP container held in memory (libzip), with sizes capped.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace ogix {

// A ZIP archive over caller-owned bytes (which must outlive it). Member reads are capped, so a
// zip bomb costs at most the cap. Errors name `source`.
class ZipReader {
 public:
  // Opens the archive; throws Error(damaged) when `bytes` are not a readable ZIP archive.
  ZipReader(std::string_view bytes, std::string source);
  ~ZipReader();
  ZipReader(const ZipReader&) = delete;
  ZipReader& operator=(const ZipReader&) = delete;

  // True when the archive has a member of that exact name.
  bool has(const std::string& name) const;

  // The member's uncompressed bytes. Throws Error(limit_exceeded) when it is larger than
  // `max_bytes` (named `limit_name` in the message), Error(encrypted) for a password-protected
  // member, Error(damaged) when it cannot be inflated, Error(unsupported) when it is absent.
  std::string read(const std::string& name, std::size_t max_bytes, const char* limit_name) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string source_;
};

}  // namespace ogix
