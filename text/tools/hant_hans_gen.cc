// Build-time generator of the traditional → simplified character table (text/unicode.cc): every
// ideograph that ICU's Traditional-Simplified transform turns into one other character, as a
// sorted C++ array. ICU builds its whole transliterator registry (about 170 million instructions)
// before its first transform; generated once at build time, the same answers cost a binary search.
//   hant_hans_gen OUT.cc
#include <cstdio>
#include <memory>

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: hant_hans_gen OUT.cc\n");
    return 2;
  }
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, err));
  if (U_FAILURE(err) || !t) {
    std::fprintf(stderr, "hant_hans_gen: ICU has no Traditional-Simplified transform: %s\n", u_errorName(err));
    return 1;
  }
  std::FILE* out = std::fopen(argv[1], "w");
  if (!out) {
    std::fprintf(stderr, "hant_hans_gen: cannot write %s\n", argv[1]);
    return 1;
  }
  std::fprintf(out,
               "// Generated at build time by text/tools/hant_hans_gen.cc from ICU %s: do not edit.\n"
               "#include <cstddef>\n\nnamespace ogix {\n\nextern const char32_t kHantHans[][2] = {\n",
               U_ICU_VERSION);
  int n = 0;
  // Code point order: the table is binary-searched. Characters are taken one at a time, as
  // simplified_char() asks (a phrase rule cannot apply to a single character).
  for (UChar32 c = 0x3400; c <= 0x10FFFF; ++c) {
    if (!u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) continue;
    icu::UnicodeString u(c);
    t->transliterate(u);
    if (u.countChar32() != 1 || u.char32At(0) == c) continue;
    std::fprintf(out, "    {0x%X, 0x%X},\n", static_cast<unsigned>(c), static_cast<unsigned>(u.char32At(0)));
    ++n;
  }
  std::fprintf(out, "};\nextern const std::size_t kHantHansSize = %d;\n\n}  // namespace ogix\n", n);
  if (std::fclose(out) != 0) return 1;
  return n > 0 ? 0 : 1;
}
