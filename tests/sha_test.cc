#include <doctest/doctest.h>

#include <string>

#include "model/sha256.h"
#include "model/sha512.h"

using namespace ogix;

TEST_CASE("sha512 matches the FIPS 180-4 / NIST example vectors") {
  CHECK(sha512_hex("") ==
        "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e");
  CHECK(sha512_hex("abc") ==
        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
  // 56 bytes: the padding still fits the one block.
  CHECK(sha512_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "204a8fc6dda82f0a0ced7beb8e08a41657c16ef468b228a8279be331a703c33596fd15c13b1b07f9aa1d3bea57789ca031ad85c7a71dd70354ec631238ca3445");
  // 112 bytes: the length no longer fits, padding takes a second block.
  CHECK(sha512_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu") ==
        "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909");
  CHECK(sha512_hex(std::string(1000000, 'a')) ==
        "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973ebde0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b");
}

TEST_CASE("sha256 of a million 'a' (FIPS 180-4 example) and fed in pieces") {
  CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  Sha256Hasher h;
  for (int i = 0; i < 1000; ++i) h.update(std::string(1000, 'a'));
  CHECK(h.hex_digest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("incremental hashing equals one-shot hashing for every split of messages around block boundaries") {
  std::string msg;
  for (int i = 0; i < 300; ++i) msg += static_cast<char>((i * 131 + 7) & 0xFF);
  for (std::size_t len : {0, 1, 55, 56, 63, 64, 65, 111, 112, 127, 128, 129, 200, 256, 300}) {
    std::string m = msg.substr(0, len);
    std::string want256 = sha256_hex(m), want512 = sha512_hex(m);
    for (std::size_t cut = 0; cut <= len; cut += (len < 20 ? 1 : 7)) {
      CAPTURE(len);
      CAPTURE(cut);
      Sha256Hasher a;
      Sha512Hasher b;
      // Three pieces, one of them possibly empty, as a streaming reader delivers them.
      std::size_t mid = cut + (len - cut) / 2;
      for (auto piece : {m.substr(0, cut), m.substr(cut, mid - cut), m.substr(mid)}) {
        a.update(piece);
        b.update(piece);
      }
      CHECK(a.hex_digest() == want256);
      CHECK(b.hex_digest() == want512);
    }
  }
}
