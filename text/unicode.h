// Text normalization (ICU): widths, spaces, punctuation and heading markers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace ogix {

// Decodes the code point at s[i] and advances `i` past it. An invalid or cut sequence, a surrogate
// or a value past U+10FFFF gives U+FFFD and advances one byte, so decoding goes on at the next byte.
inline char32_t next_code_point(std::string_view s, std::size_t& i) {
  auto c = static_cast<unsigned char>(s[i]);
  int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < len; ++k) {
    auto d = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
    if ((d & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (d & 0x3F);
  }
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return 0xFFFD;
  }
  i += static_cast<std::size_t>(len);
  return cp;
}

// Appends code point `c` to `out` as UTF-8.
inline void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Decodes UTF-8 into code points; invalid bytes become U+FFFD.
std::u32string utf8_to_u32(std::string_view s);
// Encodes code points as UTF-8.
std::string u32_to_utf8(std::u32string_view s);

// True for the ASCII digits 0-9 (the digits of a value once text is normalized).
inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// True for Han ideographs and CJK/full-width punctuation: characters between which Chinese text
// puts no space.
bool is_cjk(char32_t c);

// True for the characters with Unicode's Ideographic property (ICU's, compiled in).
bool is_ideographic(char32_t c);

// True when `s` holds an ideograph: Chinese, where CJK punctuation alone (，“（, a thousands
// separator read full-width) is not.
bool has_ideograph(std::u32string_view s);

// True for a character of canonical combining class 0 and NFC_Quick_Check=Yes (ICU's, compiled
// in): a text made of such characters only is in NFC.
bool is_nfc_plain(char32_t c);

// Normalizes one run of text: NFC; full-width ASCII letters/digits to ASCII; ideographic space,
// NBSP and other spaces to one ASCII space; zero-width and control characters removed; ASCII
// ( ) , : ; ? ! and straight quotes next to Chinese text become the full-width forms of
// GB/T 15834; spaces between two Chinese characters, and between a Chinese character and an ASCII
// digit or letter (2024 年 → 2024年), dropped; runs of spaces collapsed; trimmed.
// 。「」 and other CJK punctuation are left as they are.
std::string normalize_text(std::string_view s);

// A traditional Han character's simplified form (ICU's Traditional-Simplified), or `c` itself
// (any other character, or one the transform does not map to a single character).
char32_t simplified_char(char32_t c);

// The text with every traditional Han character replaced by its simplified form (ICU's
// Traditional-Simplified, character by character): a key to compare labels, headings and
// evidence through, never text to publish. Invalid UTF-8 becomes U+FFFD.
std::string simplified_key(std::string_view s);

// Removes every space, for label comparison.
std::string strip_spaces(std::string_view s);

// Appends `s` to `out` without its ASCII spaces, tabs and line breaks (what strip_spaces removes).
void append_stripped(std::string& out, std::string_view s);

// True when `needle` occurs in `hay` (what hay.find(needle) != npos says). A candidate must match
// the needle's first three bytes, a whole Chinese character, before the rest is compared:
// std::string::find compares at every occurrence of the first byte, in UTF-8 Chinese the lead
// byte of a third of the characters (label matching asks this thousands of times a document).
bool contains(std::string_view hay, std::string_view needle);

// Heading markers: 一、 (level 1), （一） (一) (level 2), 1. 1、 1． (level 3). 一是 is not a marker.
struct HeadingMarker {
  int level = 0;        // 0 = no marker
  int number = 0;       // 1-based ordinal the marker states
  std::size_t length = 0;  // bytes of the marker, including a following space
};

// Recognizes a heading marker at the start of `s` (already normalized).
HeadingMarker heading_marker(std::string_view s);

// Parses a Chinese numeral 一..九十九 (also 〇/零); 0 when not one.
int chinese_numeral(std::u32string_view s);

// The fewest character edits (code points) that turn `needle` into some run of `hay`:
// approximate containment, 0 when hay contains needle.
std::size_t edits_within(const std::u32string& needle, const std::u32string& hay);

// Applies normalize_text to every paragraph and cell of the document and drops empty paragraphs.
void normalize_document_text(Document& doc);

}  // namespace ogix
