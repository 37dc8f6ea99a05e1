// SHA-256 for fixity: archivists verify that the report converted is the one they hold.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "model/hash_block_buffer.h"

namespace ogix {

// Incremental SHA-256 (FIPS 180-4): feed bytes in any pieces, then take the digest once.
class Sha256Hasher {
 public:
  // Which compression code runs: the fastest this CPU has, or (for the tests that compare them)
  // the portable code (the CPU's SHA extensions unused, BMI2 used when present), or the portable
  // code compiled for any x86-64.
  enum class Code { fastest, portable, generic };
  explicit Sha256Hasher(Code code = Code::fastest);
  // Adds `data` to the message.
  void update(std::string_view data);
  // Lowercase hex digest of everything added; the hasher is spent afterwards.
  std::string hex_digest();

 private:
  std::array<std::uint32_t, 8> h_;
  HashBlockBuffer<64> message_;
  Code code_ = Code::fastest;
};

// Lowercase hex SHA-256 (FIPS 180-4) of `data`, by the fastest code this CPU has, or by the code
// the tests name to check that every path agrees.
std::string sha256_hex(std::string_view data, Sha256Hasher::Code code = Sha256Hasher::Code::fastest);

}  // namespace ogix
