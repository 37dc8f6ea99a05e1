// Eight bytes at a time: tests for scanning text quickly (writers look for the few bytes that
// need quoting or escaping in long runs that need none).
#pragma once

#include <cstdint>
#include <cstring>

namespace ogix {

// The eight bytes at `p`, in memory order (no alignment needed).
inline std::uint64_t load8(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

// Whether any byte of `w` equals `b`. Exact as an answer for the word (the classic zero-byte test
// on w ^ b; only its per-byte flags above a match can be wrong, and they are not used).
inline bool has_byte(std::uint64_t w, unsigned char b) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  const std::uint64_t x = w ^ (kOnes * b);
  return ((x - kOnes) & ~x & kHigh) != 0;
}

// Whether any byte of `w` is below `n` (n ≤ 0x80), exactly, as has_byte.
inline bool has_byte_below(std::uint64_t w, unsigned char n) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  return ((w - kOnes * n) & ~w & kHigh) != 0;
}

}  // namespace ogix
