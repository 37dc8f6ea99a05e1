// The message buffering and padding SHA-256 and SHA-512 share (FIPS 180-4 §5.1, §5.2).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ogix {

// Collects a message given in any pieces into whole `Block`-byte blocks for a compression
// function `compress(const unsigned char* blocks, std::size_t count)`.
template <std::size_t Block>
class HashBlockBuffer {
 public:
  // Adds `data`; every block it completes goes to `compress` at once.
  template <class Compress>
  void add(std::string_view data, Compress&& compress) {
    const auto* p = reinterpret_cast<const unsigned char*>(data.data());
    std::size_t n = data.size(), i = 0;
    length_ += n;
    if (buffered_ > 0) {  // complete the partial block first
      for (; i < n && buffered_ < Block; ++i) buf_[buffered_++] = p[i];
      if (buffered_ < Block) return;
      compress(buf_.data(), 1);
      buffered_ = 0;
    }
    std::size_t whole = (n - i) / Block;
    if (whole > 0) compress(p + i, whole);
    i += whole * Block;
    for (; i < n; ++i) buf_[buffered_++] = p[i];
  }

  // Pads the message (0x80, zeros, its bit length big-endian in the last Block/8 bytes) and
  // gives the last one or two blocks to `compress`.
  template <class Compress>
  void finish(Compress&& compress) {
    constexpr std::size_t kLengthBytes = Block / 8;  // 8 for SHA-256, 16 for SHA-512
    std::array<unsigned char, 2 * Block> tail{};
    for (std::size_t k = 0; k < buffered_; ++k) tail[k] = buf_[k];
    tail[buffered_] = 0x80;
    std::size_t len = buffered_ + 1 + kLengthBytes <= Block ? Block : 2 * Block;
    std::uint64_t bits = length_ * 8;
    for (int k = 0; k < 8; ++k) tail[len - 1 - k] = static_cast<unsigned char>(bits >> (8 * k));
    // The bit count's bits 64..66 (a 128-bit field only in SHA-512; 0 below 2^61 bytes).
    if constexpr (kLengthBytes > 8) tail[len - 9] = static_cast<unsigned char>(length_ >> 61);
    compress(tail.data(), len / Block);
  }

 private:
  std::array<unsigned char, Block> buf_{};
  std::size_t buffered_ = 0;
  std::uint64_t length_ = 0;  // bytes added so far
};

}  // namespace ogix
