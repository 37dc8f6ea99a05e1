// Byte decoding to UTF-8 for text-like inputs (plain text, HTML).
#pragma once

#include <string>
#include <string_view>

namespace ogix {

// The UTF-8 text and how its encoding was decided.
struct DecodedText {
  std::string utf8;
  std::string encoding;  // canonical name used: "UTF-8", "GB18030", "UTF-16LE", …
  std::string basis;     // "bom", "declared", "utf8-valid", "detected", "mixed-lines", "default"
  bool lossy = false;    // true when undecodable bytes were replaced by U+FFFD
};

// True when `bytes` is well-formed UTF-8.
bool is_valid_utf8(std::string_view bytes);

// Canonical charset name for a declared label; gb2312/gbk/x-gbk/cp936 become GB18030 because a
// page declared gb2312 routinely contains GBK-only characters.
std::string canonical_charset(std::string_view label);

// "UTF-16LE" or "UTF-16BE" when BOM-less `bytes` look like UTF-16 (NUL bytes but no NUL code
// unit, and code units that read as Chinese text in that byte order only), else empty.
std::string utf16_without_bom(std::string_view bytes);

// Decodes `bytes`: BOM first, then BOM-less UTF-16, then `declared` (if not empty), then strict UTF-8, then UTF-8 with a
// few corrupt bytes replaced (lossy), then ICU detection over the whole input, then GB18030. The
// BOM is stripped.
DecodedText decode_to_utf8(std::string_view bytes, std::string_view declared = {});

// Converts `bytes` from `charset` (an ICU converter name) to UTF-8; sets lossy on substitutions.
// Throws ogix::Error(encoding) if ICU has no such converter.
std::string convert_to_utf8(std::string_view bytes, const std::string& charset, bool* lossy);

}  // namespace ogix
