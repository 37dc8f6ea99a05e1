// Build-time generator of the two character properties ogix asks of every character of a text
// (text/unicode.cc), as sorted ranges of code points from ICU itself: Ideographic (is_han, label
// keys, spacing rules) and "NFC-plain" (canonical combining class 0 and NFC_Quick_Check=Yes: a text
// made of such characters only is in NFC). With the answers compiled in, a conversion whose text
// is plain never loads libicuuc and libicudata (~0.5 M instructions and ~30 page faults of
// loading); ICU is opened on demand for the rest (text/icu_uc.h).
//   unicode_props_gen OUT.cc
#include <cstdio>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>

namespace {

// Writes the ranges of code points for which `has` holds as `name`, and their count; false when
// there is none (an ICU without the property: the build stops).
template <class Pred>
bool write_ranges(std::FILE* out, const char* name, Pred has) {
  std::fprintf(out, "extern const char32_t %s[][2] = {\n", name);
  int n = 0;
  for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
    if (!has(c)) continue;
    UChar32 last = c;
    while (last < 0x10FFFF && has(last + 1)) ++last;
    std::fprintf(out, "    {0x%X, 0x%X},\n", static_cast<unsigned>(c), static_cast<unsigned>(last));
    ++n;
    c = last;
  }
  std::fprintf(out, "};\nextern const std::size_t %sCount = %d;\n\n", name, n);
  return n > 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: unicode_props_gen OUT.cc\n");
    return 2;
  }
  std::FILE* out = std::fopen(argv[1], "w");
  if (!out) {
    std::fprintf(stderr, "unicode_props_gen: cannot write %s\n", argv[1]);
    return 1;
  }
  std::fprintf(out,
               "// Generated at build time by text/tools/unicode_props_gen.cc from ICU %s: do not edit.\n"
               "#include <cstddef>\n\nnamespace ogix {\n\n",
               U_ICU_VERSION);
  bool ok = write_ranges(out, "kIdeographicRanges", [](UChar32 c) { return u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC) != 0; });
  ok = write_ranges(out, "kNfcPlainRanges", [](UChar32 c) {
         return u_getCombiningClass(c) == 0 && u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES;
       }) && ok;
  std::fprintf(out, "}  // namespace ogix\n");
  if (std::fclose(out) != 0) return 1;
  return ok ? 0 : 1;
}
