#include "text/unicode.h"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <vector>

#include "text/icu_uc.h"

namespace ogix {

namespace {

// The code point starting at s[i] and its length in bytes (next_code_point's, as a length).
char32_t decode_at(std::string_view s, std::size_t i, std::size_t* length) {
  std::size_t j = i;
  char32_t c = next_code_point(s, j);
  *length = j - i;
  return c;
}

}  // namespace

std::u32string utf8_to_u32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  std::size_t i = 0, len = 0;
  while (i < s.size()) {
    out.push_back(decode_at(s, i, &len));
    i += len;
  }
  return out;
}

std::string u32_to_utf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 3);
  for (char32_t c : s) append_utf8(out, c);
  return out;
}

bool is_cjk(char32_t c) {
  if (c >= 0x3000 && c <= 0x303F) return true;  // CJK symbols and punctuation
  if (c >= 0xFF01 && c <= 0xFF0F) return true;  // full-width punctuation
  if (c >= 0xFF1A && c <= 0xFF20) return true;
  if (c >= 0xFF3B && c <= 0xFF40) return true;
  if (c >= 0xFF5B && c <= 0xFF65) return true;
  if (c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0x2014 || c == 0x2026 || c == 0x00B7)
    return true;
  return is_ideographic(c);
}

// Ranges of code points, sorted and disjoint, generated at build time from ICU
// (text/tools/unicode_props_gen.cc; tests/unicode_props_test.cc checks them against ICU).
extern const char32_t kIdeographicRanges[][2];
extern const std::size_t kIdeographicRangesCount;
extern const char32_t kNfcPlainRanges[][2];
extern const std::size_t kNfcPlainRangesCount;

namespace {

// True when c lies in one of the `n` sorted ranges.
bool in_ranges(const char32_t (*ranges)[2], std::size_t n, char32_t c) {
  const char32_t(*end)[2] = ranges + n;
  // The first range whose last code point is at or after c.
  const char32_t(*r)[2] = std::lower_bound(ranges, end, c, [](const char32_t* range, char32_t v) { return range[1] < v; });
  return r != end && (*r)[0] <= c;
}

}  // namespace

bool is_ideographic(char32_t c) { return in_ranges(kIdeographicRanges, kIdeographicRangesCount, c); }

bool has_ideograph(std::u32string_view s) {
  return std::any_of(s.begin(), s.end(), [](char32_t c) { return is_ideographic(c); });
}

bool is_nfc_plain(char32_t c) {
  if (c < 0x300) return true;  // Latin-1 and below: all plain (the first combining mark is U+0300)
  return in_ranges(kNfcPlainRanges, kNfcPlainRangesCount, c);
}

namespace {

bool is_ascii_alnum(char32_t c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

bool is_space_like(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x00A0 || c == 0x3000 || c == 0x202F ||
         c == 0x205F || (c >= 0x2000 && c <= 0x200A) || c == 0x1680 || c == 0x0B || c == 0x0C;
}

bool is_invisible(char32_t c) {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD ||
         (c < 0x20 && !is_space_like(c)) || c == 0x7F || (c >= 0x80 && c < 0xA0);
}

// `in` in NFC. A text made only of NFC-plain characters is in NFC already (most text: ASCII,
// Chinese, CJK punctuation); any other is normalized by ICU's C API, loaded on first use. The
// normalizer's UTF-16 is built here (ICU's C API takes no UTF-32).
void nfc_in_place(std::u32string& in) {
  if (std::all_of(in.begin(), in.end(), is_nfc_plain)) return;
  const LibIcuUc& icu = icu_uc();
  UErrorCode err = U_ZERO_ERROR;
  const UNormalizer2* n = icu.unorm2_getNFCInstance(&err);
  if (U_FAILURE(err)) return;
  thread_local std::u16string u16, out16;
  u16.clear();
  for (char32_t c : in) {
    if (c < 0x10000) {
      u16.push_back(static_cast<char16_t>(c));
    } else {
      u16.push_back(static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10)));
      u16.push_back(static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)));
    }
  }
  // NFC can grow a text (a composition-excluded character decomposes): ask again when it does.
  out16.resize(u16.size() + 16);
  int32_t len = icu.unorm2_normalize(n, u16.data(), static_cast<int32_t>(u16.size()), out16.data(),
                                     static_cast<int32_t>(out16.size()), &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) {
    err = U_ZERO_ERROR;
    out16.resize(static_cast<std::size_t>(len));
    len = icu.unorm2_normalize(n, u16.data(), static_cast<int32_t>(u16.size()), out16.data(),
                               static_cast<int32_t>(out16.size()), &err);
  }
  if (U_FAILURE(err)) return;
  in.clear();
  for (int32_t i = 0; i < len; ++i) {
    char32_t c = out16[static_cast<std::size_t>(i)];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < len) {
      char32_t low = out16[static_cast<std::size_t>(i) + 1];
      if (low >= 0xDC00 && low <= 0xDFFF) {
        c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
        ++i;
      }
    }
    in.push_back(c);
  }
}

// True when normalize_text returns `s` unchanged because it is printable ASCII with single inner
// spaces: every pass below maps such text to itself (no invisibles, nothing to widen or narrow,
// no Chinese to put punctuation or spaces next to; NFC leaves ASCII alone). Table cells are
// often numbers.
bool normalized_ascii(std::string_view s) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ') return s.empty();
  char prev = 0;
  for (char ch : s) {
    if (ch < 0x20 || ch > 0x7E || (ch == ' ' && prev == ' ')) return false;
    prev = ch;
  }
  return true;
}

}  // namespace

std::string normalize_text(std::string_view s) {
  if (normalized_ascii(s)) return std::string(s);
  // Scratch buffers kept per thread: every paragraph and cell of a document comes through here,
  // and four fresh UTF-32 strings per call (four bytes a character) were a visible share of the
  // allocator's work.
  thread_local std::u32string in, a, b, out;
  in.clear();
  for (std::size_t i = 0, len = 0; i < s.size(); i += len) in.push_back(decode_at(s, i, &len));
  nfc_in_place(in);
  // Pass 1: widths, spaces, invisibles.
  a.clear();
  for (char32_t c : in) {
    if (is_invisible(c)) continue;
    if (is_space_like(c)) c = ' ';
    // Full-width ASCII letters and digits only; full-width punctuation is Chinese usage and stays.
    if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A)) c -= 0xFEE0;
    if (c == ' ' && (a.empty() || a.back() == ' ')) continue;
    a.push_back(c);
  }
  while (!a.empty() && a.back() == ' ') a.pop_back();
  // Pass 2: punctuation next to Chinese text, and spaces between Chinese characters.
  auto prev_nonspace = [&](std::size_t i) -> char32_t {
    while (i > 0) {
      if (a[i - 1] != ' ') return a[i - 1];
      --i;
    }
    return 0;
  };
  auto next_nonspace = [&](std::size_t i) -> char32_t {
    for (std::size_t j = i + 1; j < a.size(); ++j)
      if (a[j] != ' ') return a[j];
    return 0;
  };
  b.clear();
  bool open_quote = true;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char32_t c = a[i];
    // Only the characters the switch below acts on look at their neighbours: asking ICU whether
    // both neighbours of every character are Chinese was most of this pass's cost.
    if (c != '(' && c != ')' && c != ',' && c != ':' && c != ';' && c != '?' && c != '!' && c != '"' && c != ' ') {
      b.push_back(c);
      continue;
    }
    char32_t p = prev_nonspace(i), n = next_nonspace(i);
    bool cjk_near = is_cjk(p) || is_cjk(n);
    auto digit = [](char32_t x) { return x >= '0' && x <= '9'; };
    switch (c) {
      case '(':
        if (cjk_near) c = U'（';
        break;
      case ')':
        if (cjk_near) c = U'）';
        break;
      case ',':
        if (cjk_near && !(digit(p) && digit(n))) c = U'，';
        break;
      case ':':
        if (cjk_near && !(digit(p) && digit(n))) c = U'：';
        break;
      case ';':
        if (cjk_near) c = U'；';
        break;
      case '?':
        if (cjk_near) c = U'？';
        break;
      case '!':
        if (cjk_near) c = U'！';
        break;
      case '"':
        if (cjk_near) {
          c = open_quote ? U'“' : U'”';
          open_quote = !open_quote;
        }
        break;
      case ' ':
        // Chinese text has no spaces; ones between two Chinese characters are layout residue.
        if (is_cjk(p) && is_cjk(n) && i > 0 && a[i - 1] != ' ') continue;
        break;
      default:
        break;
    }
    b.push_back(c);
  }
  // Spaces just inside full-width brackets and around full-width punctuation are residue too.
  out.clear();
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (b[i] == ' ') {
      char32_t p = out.empty() ? 0 : out.back();
      char32_t n = i + 1 < b.size() ? b[i + 1] : 0;
      bool punct_p = p >= 0x3000 && (p <= 0x303F || (p >= 0xFF01 && p <= 0xFF65 && !(p >= 0xFF10 && p <= 0xFF19)));
      bool punct_n = n >= 0x3000 && (n <= 0x303F || (n >= 0xFF01 && n <= 0xFF65 && !(n >= 0xFF10 && n <= 0xFF19)));
      // Justified PDF lines and typeset pages put gaps between Chinese and digits or Latin letters
      // (2024 年, 政策解读21 个, 国令第 711 号): Chinese text has none, and a search for 2024年 must hit.
      bool han_latin = (is_ideographic(p) && is_ascii_alnum(n)) || (is_ascii_alnum(p) && is_ideographic(n));
      if (punct_p || punct_n || han_latin || (is_ideographic(p) && is_cjk(n)) || (is_cjk(p) && is_ideographic(n))) continue;
    }
    out.push_back(b[i]);
  }
  return u32_to_utf8(out);
}

// Character by character because keys are short and compared, not read: a phrase rule could not
// change a label's meaning.
//
// The table is ICU's Traditional-Simplified transform of every ideograph that it turns into one
// other character, generated at build time (text/tools/hant_hans_gen.cc, same ICU): building ICU's
// transliterator registry costs about 170 million instructions per process, more than converting
// a whole PDF. tests/traditional_test.cc checks the table against ICU's transform.
extern const char32_t kHantHans[][2];  // {traditional, simplified}, by code point
extern const std::size_t kHantHansSize;

namespace {

// One bit per BMP character: whether kHantHans has it. Whole texts are keyed (detect_profile), so
// most characters skip the binary search.
const std::vector<bool>& hant_bits() {
  static const std::vector<bool> in_table = [] {
    std::vector<bool> bits(0x10000, false);
    for (std::size_t i = 0; i < kHantHansSize; ++i)
      if (kHantHans[i][0] < 0x10000) bits[kHantHans[i][0]] = true;
    return bits;
  }();
  return in_table;
}

}  // namespace

char32_t simplified_char(char32_t c) {
  if (c < 0x3400) return c;
  if (c < 0x10000 && !hant_bits()[c]) return c;
  const char32_t (*end)[2] = kHantHans + kHantHansSize;
  const char32_t (*it)[2] =
      std::lower_bound(kHantHans, end, c, [](const char32_t(&pair)[2], char32_t x) { return pair[0] < x; });
  return it != end && (*it)[0] == c ? (*it)[1] : c;
}

std::string simplified_key(std::string_view s) {
  // Most text has no traditional character: find the first one without decoding the rest into
  // UTF-32 (detect_profile asks this of a whole report's text).
  // utf8_to_u32 starts a character at every byte that is not a continuation byte, so looking at
  // those alone finds the same characters.
  bool changes = false;
  const std::vector<bool>& bits = hant_bits();
  for (std::size_t i = 0, len = 0; i < s.size() && !changes; ++i) {
    // U+3400 and above take three or four bytes with a lead byte from 0xE3 up.
    const auto lead = static_cast<unsigned char>(s[i]);
    if (lead < 0xE3) continue;
    // A well-formed three-byte character other than a surrogate (what decode_at would return)
    // decoded in place and looked up in the bit table: the common case, without two calls per
    // character. Its continuation bytes, which the loop would skip one by one, are stepped over.
    if (lead != 0xED && lead <= 0xEF && i + 3 <= s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80) {
      const char32_t c = (static_cast<char32_t>(lead & 0x0F) << 12) |
                         (static_cast<char32_t>(static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
                         static_cast<char32_t>(static_cast<unsigned char>(s[i + 2]) & 0x3F);
      if (c >= 0x3400 && bits[c]) changes = simplified_char(c) != c;
      i += 2;
      continue;
    }
    const char32_t c = decode_at(s, i, &len);
    changes = simplified_char(c) != c;
  }
  if (!changes) return std::string(s);
  std::u32string u = utf8_to_u32(s);
  for (char32_t& c : u) c = simplified_char(c);
  return u32_to_utf8(u);
}

void append_stripped(std::string& out, std::string_view s) {
  // Written through a pointer into room for the whole input: appending byte by byte checked the
  // capacity for every byte (labels of every cell come through here).
  std::size_t at = out.size();
  out.resize(at + s.size());
  char* w = out.data() + at;
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') *w++ = c;
  out.resize(static_cast<std::size_t>(w - out.data()));
}

std::string strip_spaces(std::string_view s) {
  std::string out;
  append_stripped(out, s);
  return out;
}

bool contains(std::string_view hay, std::string_view needle) {
  if (needle.size() < 4 || hay.size() < needle.size()) return hay.find(needle) != std::string_view::npos;
  const char* p = hay.data();
  const char* const last = hay.data() + (hay.size() - needle.size());  // the last possible start
  const char c0 = needle[0], c1 = needle[1], c2 = needle[2];
  while (p <= last) {
    p = static_cast<const char*>(std::memchr(p, c0, static_cast<std::size_t>(last - p) + 1));
    if (p == nullptr) return false;
    if (p[1] == c1 && p[2] == c2 && std::memcmp(p + 3, needle.data() + 3, needle.size() - 3) == 0) return true;
    ++p;
  }
  return false;
}

std::size_t edits_within(const std::u32string& needle, const std::u32string& hay) {
  std::vector<std::size_t> prev(hay.size() + 1, 0), cur(hay.size() + 1, 0);  // a run may start anywhere
  for (std::size_t i = 1; i <= needle.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= hay.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (needle[i - 1] == hay[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return *std::min_element(prev.begin(), prev.end());
}

int chinese_numeral(std::u32string_view s) {
  auto digit = [](char32_t c) -> int {
    switch (c) {
      case U'〇': case U'零': return 0;
      case U'一': return 1; case U'二': return 2; case U'三': return 3;
      case U'四': return 4; case U'五': return 5; case U'六': return 6;
      case U'七': return 7; case U'八': return 8; case U'九': return 9;
      default: return -1;
    }
  };
  if (s.empty() || s.size() > 3) return 0;
  if (s.size() == 1) {
    if (s[0] == U'十') return 10;
    int d = digit(s[0]);
    return d > 0 ? d : 0;
  }
  auto ten = s.find(U'十');
  if (ten == std::u32string_view::npos) return 0;
  int tens = ten == 0 ? 1 : (ten == 1 ? digit(s[0]) : -1);
  int ones = ten + 1 < s.size() ? (ten + 2 == s.size() ? digit(s[ten + 1]) : -1) : 0;
  if (tens < 1 || ones < 0) return 0;
  return tens * 10 + ones;
}

HeadingMarker heading_marker(std::string_view s) {
  std::u32string u = utf8_to_u32(s.substr(0, 64));
  HeadingMarker m;
  auto bytes_of = [&](std::size_t n) {
    std::size_t len = u32_to_utf8(u.substr(0, n)).size();
    if (len < s.size() && s[len] == ' ') ++len;
    return len;
  };
  auto is_digit = [](char32_t c) { return c >= '0' && c <= '9'; };
  auto is_cn = [](char32_t c) { return c == U'十' || chinese_numeral(std::u32string(1, c)) > 0 || c == U'〇'; };
  if (u.empty()) return m;
  // （一） or (一)
  if (u[0] == U'（' || u[0] == '(') {
    std::size_t j = 1;
    while (j < u.size() && j < 4 && is_cn(u[j])) ++j;
    if (j > 1 && j < u.size() && (u[j] == U'）' || u[j] == ')')) {
      m.level = 2;
      m.number = chinese_numeral(std::u32string_view(u).substr(1, j - 1));
      m.length = bytes_of(j + 1);
      return m.number > 0 ? m : HeadingMarker{};
    }
    return {};
  }
  // 一、
  {
    std::size_t j = 0;
    while (j < u.size() && j < 3 && is_cn(u[j])) ++j;
    if (j > 0 && j < u.size() && (u[j] == U'、' || u[j] == U'．')) {
      int n = chinese_numeral(std::u32string_view(u).substr(0, j));
      if (n > 0) return {1, n, bytes_of(j + 1)};
    }
  }
  // 1. 1、 1．  (but not a decimal such as 1.5)
  {
    std::size_t j = 0;
    while (j < u.size() && j < 3 && is_digit(u[j])) ++j;
    if (j > 0 && j < u.size() && (u[j] == '.' || u[j] == U'、' || u[j] == U'．') &&
        !(j + 1 < u.size() && is_digit(u[j + 1]))) {
      int n = 0;
      for (std::size_t k = 0; k < j; ++k) n = n * 10 + static_cast<int>(u[k] - '0');
      if (n > 0) return {3, n, bytes_of(j + 1)};
    }
  }
  return m;
}

void normalize_document_text(Document& doc) {
  // Compacted in place: a second vector of blocks (a Table is large) was one allocation of
  // hundreds of kilobytes per document, which the allocator served with mmap or a consolidation.
  auto fix_blocks = [](std::vector<Block>& blocks) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      Block& b = blocks[i];
      if (auto* p = std::get_if<Paragraph>(&b)) {
        p->text = normalize_text(p->text);
        if (p->text.empty()) continue;
      } else if (auto* t = std::get_if<Table>(&b)) {
        for (auto& c : t->cells) c.text = normalize_text(c.text);
      }
      if (kept != i) blocks[kept] = std::move(b);
      ++kept;
    }
    blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(kept), blocks.end());
  };
  fix_blocks(doc.blocks);
  for (auto& s : doc.sections) {
    s.heading = normalize_text(s.heading);
    fix_blocks(s.blocks);
  }
}

}  // namespace ogix
