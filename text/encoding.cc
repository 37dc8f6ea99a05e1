#include "text/encoding.h"

#include <unicode/ucsdet.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

#include "model/error.h"
#include "model/shared_library.h"
#include "text/icu_uc.h"

namespace ogix {

bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0, n = s.size();
  while (i < n) {
    // Eight ASCII bytes at a time: web pages are mostly ASCII markup.
    std::uint64_t word = 0;
    while (i + 8 <= n && (std::memcpy(&word, s.data() + i, 8), (word & 0x8080808080808080ULL) == 0)) i += 8;
    if (i >= n) break;
    auto c = static_cast<unsigned char>(s[i]);
    // Chinese text: a lead byte E1-EC or EE-EF and two continuation bytes is always valid (E0
    // could be overlong, ED a surrogate), so the code point need not be computed.
    if (c >= 0xE1 && c != 0xED && c <= 0xEF && i + 3 <= n &&
        (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80 && (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > n) return false;
    unsigned cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < len; ++k) {
      auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    // Reject overlong forms, surrogates and values beyond U+10FFFF.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
      return false;
    i += len;
  }
  return true;
}

std::string canonical_charset(std::string_view label) {
  std::string l;
  for (char c : label)
    if (c != ' ' && c != '"' && c != '\'') l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (l == "gb2312" || l == "gbk" || l == "x-gbk" || l == "cp936" || l == "windows-936" || l == "gb18030" ||
      l == "euc-cn" || l == "x-euc-cn" || l == "csgb2312" || l == "gb_2312-80")
    return "GB18030";
  if (l == "utf8" || l == "utf-8") return "UTF-8";
  if (l == "big5" || l == "big5-hkscs") return "Big5";
  if (l == "utf-16" || l == "utf-16le") return "UTF-16LE";
  if (l == "utf-16be") return "UTF-16BE";
  if (l.empty()) return {};
  return l;
}

std::string convert_to_utf8(std::string_view bytes, const std::string& charset, bool* lossy) {
  const LibIcuUc& icu = icu_uc();
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(icu.ucnv_close)> conv(icu.ucnv_open(charset.c_str(), &err), icu.ucnv_close);
  if (U_FAILURE(err) || !conv) throw Error(ErrorCode::encoding, {}, "unknown charset '" + charset + "'");
  // Count substitutions so a lossy decode becomes a finding rather than silent damage.
  struct Ctx { bool hit = false; };
  Ctx ctx;
  UConverterToUCallback old_cb = nullptr;
  const void* old_ctx = nullptr;
  icu.ucnv_setToUCallBack(
      conv.get(),
      [](const void* context, UConverterToUnicodeArgs* args, const char* codeUnits, int32_t length,
         UConverterCallbackReason reason, UErrorCode* e) {
        if (reason <= UCNV_IRREGULAR) const_cast<Ctx*>(static_cast<const Ctx*>(context))->hit = true;
        icu_uc().UCNV_TO_U_CALLBACK_SUBSTITUTE(nullptr, args, codeUnits, length, reason, e);
      },
      &ctx, &old_cb, &old_ctx, &err);
  std::vector<UChar> u(bytes.size() * 2 + 16);
  err = U_ZERO_ERROR;
  int32_t ulen = icu.ucnv_toUChars(conv.get(), u.data(), static_cast<int32_t>(u.size()), bytes.data(),
                               static_cast<int32_t>(bytes.size()), &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) {
    u.resize(static_cast<std::size_t>(ulen) + 1);
    err = U_ZERO_ERROR;
    ulen = icu.ucnv_toUChars(conv.get(), u.data(), static_cast<int32_t>(u.size()), bytes.data(),
                         static_cast<int32_t>(bytes.size()), &err);
  }
  if (U_FAILURE(err)) throw Error(ErrorCode::encoding, {}, "cannot decode as " + charset);
  std::unique_ptr<UConverter, decltype(icu.ucnv_close)> utf8(icu.ucnv_open("UTF-8", &err), icu.ucnv_close);
  std::string out(static_cast<std::size_t>(ulen) * 3 + 16, '\0');
  int32_t olen = icu.ucnv_fromUChars(utf8.get(), out.data(), static_cast<int32_t>(out.size()), u.data(), ulen, &err);
  if (U_FAILURE(err)) throw Error(ErrorCode::encoding, {}, "cannot re-encode as UTF-8");
  out.resize(static_cast<std::size_t>(olen));
  if (lossy) *lossy = ctx.hit;
  return out;
}

namespace {

// True when `bytes` is UTF-8 with a few damaged bytes: well-formed multi-byte sequences outnumber
// broken bytes twenty to one. GBK/GB18030 text almost never forms valid UTF-8 sequences, so this
// tells a UTF-8 page with a corrupt byte (read it as UTF-8, replacing the damage) from a page in
// another encoding.
bool mostly_utf8(std::string_view s) {
  std::size_t i = 0, n = s.size(), good = 0, bad = 0;
  while (i < n) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = len > 0 && i + static_cast<std::size_t>(len) <= n;
    for (int k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0xC0) == 0x80;
    if (ok) {
      ++good;
      i += static_cast<std::size_t>(len);
    } else {
      ++bad;
      ++i;
    }
  }
  return good >= 8 && good >= 20 * bad;
}

// ICU's charset detector is the one thing ogix takes from libicui18n, and the last resort of
// decode_to_utf8: the library is loaded on its first use rather than linked, since linked it cost
// every process ~1,600 symbol relocations at start-up (LD_DEBUG=statistics). ICU renames its C
// functions per version (ucsdet_open is a macro for ucsdet_open_72): OGIX_ICU_NAME (text/icu_uc.h) spells the
// name the header declares, and OGIX_ICUI18N_SONAME (CMakeLists.txt) is the library of those headers.
#define OGIX_ICU_FUNCTIONS(X) \
  X(ucsdet_open) \
  X(ucsdet_close) \
  X(ucsdet_setText) \
  X(ucsdet_detect) \
  X(ucsdet_getName) \
  X(ucsdet_getConfidence)
struct LibIcuI18n {
  OGIX_ICU_FUNCTIONS(OGIX_FUNCTION_POINTER)
  std::string error;  // why loading failed; empty when every function was found
  void bind(SharedLibrary& so) {
#define OGIX_ICU_BIND(name) so.bind(name, OGIX_ICU_NAME(name));
    OGIX_ICU_FUNCTIONS(OGIX_ICU_BIND)
#undef OGIX_ICU_BIND
  }
};

// The library, loaded on first use (model/shared_library.h).
const LibIcuI18n& icu_i18n() { return load_functions<LibIcuI18n>(OGIX_ICUI18N_SONAME); }

// ICU's detector over the whole input; only trusted for inputs long enough to carry statistics.
// Throws Error(internal) when libicui18n cannot be loaded (a broken install: guessing without it
// could decode differently from a working one).
std::string detect_charset(std::string_view bytes) {
  if (bytes.size() < 64) return {};
  const LibIcuI18n& icu = icu_i18n();
  if (!icu.error.empty()) throw Error(ErrorCode::internal, {}, icu.error);
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(icu.ucsdet_close)> det(icu.ucsdet_open(&err), icu.ucsdet_close);
  if (U_FAILURE(err)) return {};
  icu.ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  const UCharsetMatch* m = icu.ucsdet_detect(det.get(), &err);
  if (U_FAILURE(err) || !m) return {};
  const char* name = icu.ucsdet_getName(m, &err);
  int conf = icu.ucsdet_getConfidence(m, &err);
  if (U_FAILURE(err) || !name || conf < 10) return {};
  return canonical_charset(name);
}

}  // namespace

namespace {

// A file concatenated from a UTF-8 and a GBK source: when every line is either valid UTF-8 or
// strict GB18030, and both kinds hold non-ASCII text, each line is decoded on its own.
bool decode_mixed_lines(std::string_view bytes, DecodedText* out) {
  std::string text;
  text.reserve(bytes.size() * 3 / 2);
  int utf8_cjk_lines = 0, gb_lines = 0;
  std::size_t start = 0;
  while (start < bytes.size()) {
    std::size_t nl = bytes.find('\n', start);
    std::size_t end = nl == std::string_view::npos ? bytes.size() : nl + 1;
    std::string_view line = bytes.substr(start, end - start);
    bool ascii = std::all_of(line.begin(), line.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii || is_valid_utf8(line)) {
      // GBK bytes form valid UTF-8 by accident now and then, but rarely several Han characters.
      if (!ascii) {
        int han = 0;
        for (std::size_t i = 0; i + 2 < line.size(); ++i) {
          auto b0 = static_cast<unsigned char>(line[i]);
          han += b0 >= 0xE4 && b0 <= 0xE9;  // lead byte of U+4E00..U+9FFF in UTF-8
        }
        if (han >= 2) ++utf8_cjk_lines;
      }
      text.append(line);
    } else {
      bool lossy = false;
      std::string dec;
      try {
        dec = convert_to_utf8(line, "GB18030", &lossy);
      } catch (const Error&) {
        return false;
      }
      if (lossy) return false;
      ++gb_lines;
      text += dec;
    }
    start = end;
  }
  // Both kinds must really be there: several Chinese UTF-8 lines, at least a tenth of the lines.
  if (gb_lines == 0 || utf8_cjk_lines < 3 || utf8_cjk_lines * 10 < gb_lines) return false;
  *out = {std::move(text), "UTF-8+GB18030", "mixed-lines", false};
  return true;
}

}  // namespace

namespace {

// True for code units Chinese report text is made of: ASCII, Latin-1, general punctuation,
// symbols and enclosed numerals, CJK punctuation and ideographs, full-width forms.
bool plausible_text_unit(unsigned u) {
  return u == 0x09 || u == 0x0A || u == 0x0D || (u >= 0x20 && u <= 0x7E) || (u >= 0xA0 && u <= 0x24F) ||
         (u >= 0x2000 && u <= 0x27BF) || (u >= 0x3000 && u <= 0x30FF) || (u >= 0x3400 && u <= 0x4DBF) ||
         (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0xFF00 && u <= 0xFFEF);
}

}  // namespace

std::string utf16_without_bom(std::string_view bytes) {
  // 8-bit text has no NUL bytes; UTF-16 Chinese text has them in the high byte of its ASCII
  // (digits, tabs, line ends, markup) and in the low byte of CJK characters such as 一 (U+4E00)
  // and 开 (U+5F00), so NULs prove UTF-16 but their parity does not settle the byte order over a
  // short prose head. The byte order is the one whose code units read as Chinese report text.
  std::size_t pairs = std::min<std::size_t>(bytes.size() / 2, 4096);
  if (pairs < 8) return {};
  // No NUL at all (every 8-bit page): the verdict below is "not UTF-16" without weighing the
  // byte orders; memchr finds that at memory speed.
  if (std::memchr(bytes.data(), 0, 2 * pairs) == nullptr) return {};
  std::size_t with_nul = 0, plausible_le = 0, plausible_be = 0;
  for (std::size_t i = 0; i < pairs; ++i) {
    auto lo = static_cast<unsigned char>(bytes[2 * i]), hi = static_cast<unsigned char>(bytes[2 * i + 1]);
    if (lo == 0 && hi == 0) return {};  // U+0000 is not text
    with_nul += lo == 0 || hi == 0;
    plausible_le += plausible_text_unit(hi * 256u + lo);
    plausible_be += plausible_text_unit(lo * 256u + hi);
  }
  if (with_nul * 50 < pairs) return {};
  std::size_t best = std::max(plausible_le, plausible_be), other = std::min(plausible_le, plausible_be);
  if (best * 10 < pairs * 9 || (best - other) * 5 < pairs) return {};
  return plausible_le >= plausible_be ? "UTF-16LE" : "UTF-16BE";
}

DecodedText decode_to_utf8(std::string_view bytes, std::string_view declared) {
  DecodedText d;
  auto starts = [&](std::string_view p) { return bytes.substr(0, p.size()) == p; };
  if (starts("\xEF\xBB\xBF")) {
    d.encoding = "UTF-8";
    d.basis = "bom";
    bytes.remove_prefix(3);
    d.utf8 = is_valid_utf8(bytes) ? std::string(bytes) : convert_to_utf8(bytes, "UTF-8", &d.lossy);
    return d;
  }
  if (starts("\xFF\xFE") || starts("\xFE\xFF")) {
    d.encoding = starts("\xFF\xFE") ? "UTF-16LE" : "UTF-16BE";
    d.basis = "bom";
    d.utf8 = convert_to_utf8(bytes.substr(2), d.encoding, &d.lossy);
    return d;
  }
  if (std::string cs = utf16_without_bom(bytes); !cs.empty()) {
    bool lossy = false;
    std::string out = convert_to_utf8(bytes, cs, &lossy);
    if (!lossy) return {std::move(out), cs, "detected", false};
  }
  std::string decl = canonical_charset(declared);
  if (!decl.empty()) {
    // A declared UTF-8 that is not valid UTF-8 is a lie seen often on Chinese sites: fall through.
    if (decl == "UTF-8" && is_valid_utf8(bytes)) {
      d = {std::string(bytes), "UTF-8", "declared", false};
      return d;
    }
    if (decl == "UTF-8" && mostly_utf8(bytes)) {
      // A UTF-8 page with a few corrupt bytes: replace them rather than misread the whole page.
      d.encoding = "UTF-8";
      d.basis = "declared";
      d.utf8 = convert_to_utf8(bytes, "UTF-8", &d.lossy);
      return d;
    }
    if (decl != "UTF-8") {
      try {
        bool lossy = false;
        std::string out = convert_to_utf8(bytes, decl, &lossy);
        if (!lossy) return {std::move(out), decl, "declared", false};
      } catch (const Error&) {
        // Unknown declared charset: fall back to validation and detection.
      }
    }
  }
  if (is_valid_utf8(bytes)) return {std::string(bytes), "UTF-8", "utf8-valid", false};
  if (mostly_utf8(bytes)) {
    d.encoding = "UTF-8";
    d.basis = "detected";
    d.utf8 = convert_to_utf8(bytes, "UTF-8", &d.lossy);
    return d;
  }
  if (decode_mixed_lines(bytes, &d)) return d;
  std::string det = detect_charset(bytes);
  auto try_strict = [&](const std::string& cs, const char* basis, DecodedText* out) {
    try {
      bool lossy = false;
      std::string text = convert_to_utf8(bytes, cs, &lossy);
      if (lossy) return false;
      *out = {std::move(text), cs, basis, false};
      return true;
    } catch (const Error&) {
      return false;
    }
  };
  // ICU happily calls GBK text ISO-8859-1 (every byte is valid there), so a single-byte verdict
  // only wins when the text is not well-formed GB18030.
  bool multibyte = det == "GB18030" || det == "Big5" || det.rfind("UTF-", 0) == 0 || det == "EUC-JP" ||
                   det == "Shift_JIS" || det == "EUC-KR";
  if (multibyte && det != "UTF-8" && try_strict(det, "detected", &d)) return d;
  if (try_strict("GB18030", "detected", &d)) return d;
  if (!det.empty() && det != "UTF-8" && try_strict(det, "detected", &d)) return d;
  // Chinese government text that is not UTF-8 is almost always GBK/GB18030.
  d.encoding = "GB18030";
  d.basis = "default";
  d.utf8 = convert_to_utf8(bytes, "GB18030", &d.lossy);
  return d;
}

}  // namespace ogix
