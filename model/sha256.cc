#include "model/sha256.h"

#include <array>
#include <cstdint>

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#endif

namespace ogix {

namespace {

constexpr std::array<std::uint32_t, 64> kK = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
    0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
    0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
    0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2};

std::uint32_t rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

// One round. The eight working variables are not shifted along after it: the caller passes them
// rotated by one name per round, so that after eight rounds each is back in its own name.
inline void round(std::uint32_t a, std::uint32_t b, std::uint32_t c, std::uint32_t& d, std::uint32_t e,
                  std::uint32_t f, std::uint32_t g, std::uint32_t& h, std::uint32_t kw) {
  const std::uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + (g ^ (e & (f ^ g))) + kw;
  d += t1;
  h = t1 + (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) | (c & (a | b)));
}

// The portable compression of one block: the message schedule kept as a rolling window of
// sixteen words, eight rounds an iteration, unrolled (about 13 % fewer instructions than rounds
// that shift the eight variables and a 64-word schedule).
__attribute__((always_inline)) inline void compress(std::array<std::uint32_t, 8>& hs, const unsigned char* p) {
  std::uint32_t w[16];
  for (int i = 0; i < 16; ++i)
    w[i] = (std::uint32_t(p[4 * i]) << 24) | (std::uint32_t(p[4 * i + 1]) << 16) | (std::uint32_t(p[4 * i + 2]) << 8) |
           std::uint32_t(p[4 * i + 3]);
  std::uint32_t a = hs[0], b = hs[1], c = hs[2], d = hs[3], e = hs[4], f = hs[5], g = hs[6], h = hs[7];
#pragma GCC unroll 8
  for (int i = 0; i < 64; i += 8) {
    if (i >= 16) {
      // W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16], in place of W[t-16].
#pragma GCC unroll 8
      for (int j = 0; j < 8; ++j) {
        const int t = (i + j) & 15;
        const std::uint32_t x = w[(t + 1) & 15], y = w[(t + 14) & 15];
        w[t] += (rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3)) + w[(t + 9) & 15] + (rotr(y, 17) ^ rotr(y, 19) ^ (y >> 10));
      }
    }
    const std::uint32_t* k = &kK[static_cast<std::size_t>(i)];
    const std::uint32_t* m = &w[i & 15];
    round(a, b, c, d, e, f, g, h, k[0] + m[0]);
    round(h, a, b, c, d, e, f, g, k[1] + m[1]);
    round(g, h, a, b, c, d, e, f, k[2] + m[2]);
    round(f, g, h, a, b, c, d, e, k[3] + m[3]);
    round(e, f, g, h, a, b, c, d, k[4] + m[4]);
    round(d, e, f, g, h, a, b, c, k[5] + m[5]);
    round(c, d, e, f, g, h, a, b, k[6] + m[6]);
    round(b, c, d, e, f, g, h, a, k[7] + m[7]);
  }
  hs[0] += a, hs[1] += b, hs[2] += c, hs[3] += d, hs[4] += e, hs[5] += f, hs[6] += g, hs[7] += h;
}

void block(std::array<std::uint32_t, 8>& h, const unsigned char* p) { compress(h, p); }

#if defined(__x86_64__)
// The same compression with the CPU's SHA extensions (about thirty times fewer instructions than
// the portable block above; hashing every input is on the path of every conversion). The state
// is kept as the two halves the instructions take: ABEF and CDGH.
__attribute__((target("sha,sse4.1,ssse3"))) void blocks_sha_ni(std::array<std::uint32_t, 8>& h, const unsigned char* p,
                                                             std::size_t nblocks) {
  const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  __m128i dcba = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&h[0]));
  __m128i hgfe = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&h[4]));
  const __m128i badc = _mm_shuffle_epi32(dcba, 0xB1);
  const __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
  __m128i abef = _mm_alignr_epi8(badc, efgh, 8);
  __m128i cdgh = _mm_blend_epi16(efgh, badc, 0xF0);
  for (std::size_t b = 0; b < nblocks; ++b, p += 64) {
    const __m128i abef_in = abef, cdgh_in = cdgh;
    __m128i w[4];  // the last four groups of four schedule words; group g lives in w[g % 4]
    for (int g = 0; g < 16; ++g) {
      __m128i m;
      if (g < 4) {
        m = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * g)), byte_swap);
      } else {
        // W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16], four at a time.
        m = _mm_sha256msg1_epu32(w[g % 4], w[(g + 1) % 4]);
        m = _mm_add_epi32(m, _mm_alignr_epi8(w[(g + 3) % 4], w[(g + 2) % 4], 4));
        m = _mm_sha256msg2_epu32(m, w[(g + 3) % 4]);
      }
      w[g % 4] = m;
      __m128i wk = _mm_add_epi32(m, _mm_loadu_si128(reinterpret_cast<const __m128i*>(&kK[static_cast<std::size_t>(4 * g)])));
      // Two rounds leave the old ABEF as the new CDGH, so the halves trade places and trade back.
      cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);
      wk = _mm_shuffle_epi32(wk, 0x0E);
      abef = _mm_sha256rnds2_epu32(abef, cdgh, wk);
    }
    abef = _mm_add_epi32(abef, abef_in);
    cdgh = _mm_add_epi32(cdgh, cdgh_in);
  }
  const __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
  const __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
  dcba = _mm_blend_epi16(feba, dchg, 0xF0);
  hgfe = _mm_alignr_epi8(dchg, feba, 8);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(&h[0]), dcba);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(&h[4]), hgfe);
}

// The same portable code compiled for BMI2 (rorx: a rotation into another register, so fewer
// moves; about 20 % fewer instructions again). For CPUs without the SHA extensions, and for
// valgrind, which hides them.
__attribute__((target("bmi2"))) void block_bmi2(std::array<std::uint32_t, 8>& h, const unsigned char* p) {
  compress(h, p);
}

bool have_bmi2() {
  unsigned a = 0, b = 0, c = 0, d = 0;
  return __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & bit_BMI2) != 0;
}

bool have_sha_ni() {
  unsigned a = 0, b = 0, c = 0, d = 0;
  if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_SSE4_1) || !(c & bit_SSSE3)) return false;
  if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return false;
  return (b & bit_SHA) != 0;
}
#endif

// Compresses `nblocks` whole 64-byte blocks into `h`.
void blocks(std::array<std::uint32_t, 8>& h, const unsigned char* p, std::size_t nblocks,
            [[maybe_unused]] Sha256Hasher::Code code) {
#if defined(__x86_64__)
  static const bool sha_ni = have_sha_ni();
  if (sha_ni && code == Sha256Hasher::Code::fastest) return blocks_sha_ni(h, p, nblocks);
  static const bool bmi2 = have_bmi2();
  if (bmi2 && code != Sha256Hasher::Code::generic) {
    for (std::size_t b = 0; b < nblocks; ++b) block_bmi2(h, p + 64 * b);
    return;
  }
#endif
  for (std::size_t b = 0; b < nblocks; ++b) block(h, p + 64 * b);
}

}  // namespace

Sha256Hasher::Sha256Hasher(Code code)
    : h_{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19},
      code_(code) {}

void Sha256Hasher::update(std::string_view data) {
  message_.add(data, [&](const unsigned char* p, std::size_t n) { blocks(h_, p, n, code_); });
}

std::string Sha256Hasher::hex_digest() {
  message_.finish([&](const unsigned char* p, std::size_t n) { blocks(h_, p, n, code_); });
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (auto v : h_)
    for (int s = 28; s >= 0; s -= 4) out += hex[(v >> s) & 0xF];
  return out;
}

std::string sha256_hex(std::string_view data, Sha256Hasher::Code code) {
  Sha256Hasher h(code);
  h.update(data);
  return h.hex_digest();
}

}  // namespace ogix
