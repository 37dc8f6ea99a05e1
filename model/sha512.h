// SHA-512 for fixity: BagIt manifests carry it beside SHA-256 (RFC 8493 §2.4 recommends both).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace ogix {

// Incremental SHA-512 (FIPS 180-4): feed bytes in any pieces, then take the digest once.
class Sha512Hasher {
 public:
  Sha512Hasher();
  // Adds `data` to the message.
  void update(std::string_view data);
  // Lowercase hex digest of everything added; the hasher is spent afterwards.
  std::string hex_digest();

 private:
  std::array<std::uint64_t, 8> h_;
  std::array<unsigned char, 128> buf_{};
  std::size_t buffered_ = 0;
  std::uint64_t length_ = 0;  // bytes added so far (2^64 bytes is far beyond any input we accept)
};

// Lowercase hex SHA-512 (FIPS 180-4) of `data`.
std::string sha512_hex(std::string_view data);

}  // namespace ogix
