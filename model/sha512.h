// SHA-512 for fixity: BagIt manifests carry it beside SHA-256 (RFC 8493 §2.4 recommends both).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "model/hash_block_buffer.h"

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
  HashBlockBuffer<128> message_;
};

// Lowercase hex SHA-512 (FIPS 180-4) of `data`.
std::string sha512_hex(std::string_view data);

}  // namespace ogix
