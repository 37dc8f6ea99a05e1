// The single registry of extractors and the input sniffer.
#include <algorithm>
#include <cctype>
#include <string>

#include "extractors/docx_extractor.h"
#include "text/encoding.h"
#include "extractors/extractor.h"
#include "extractors/html_extractor.h"
#include "extractors/ocr_extractor.h"
#include "extractors/pdf_extractor.h"
#include "extractors/text_extractor.h"

namespace ogix {

void ExtractContext::check_deadline() const {
  if (std::chrono::steady_clock::now() > deadline)
    throw Error(ErrorCode::limit_exceeded, source,
                "per-document time limit exceeded (--max-seconds, plus --ocr-page-seconds per page read by OCR)");
}

void ExtractContext::grant_ocr_page() const {
  if (deadline == std::chrono::steady_clock::time_point::max()) return;
  const auto grant = std::chrono::milliseconds(static_cast<long long>(limits.ocr_page_seconds * 1000));
  // Never past the clock's end (no deadline at all stays none).
  deadline = std::chrono::steady_clock::time_point::max() - deadline > grant ? deadline + grant
                                                                             : std::chrono::steady_clock::time_point::max();
}

InputKind sniff_kind(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 1024);
  // %PDF may follow some junk bytes; readers accept it within the first 1024.
  if (head.find("%PDF-") != std::string_view::npos) return InputKind::pdf;
  // A Word .docx is a ZIP whose member names (in its local headers near the start, in its
  // central directory at the end) include word/.
  if (bytes.substr(0, 4) == "PK\x03\x04") {
    std::size_t window = 64 * 1024;
    std::string_view tail = bytes.size() > window ? bytes.substr(bytes.size() - window) : bytes;
    if (bytes.substr(0, window).find("word/") != std::string_view::npos || tail.find("word/") != std::string_view::npos)
      return InputKind::docx;
    return InputKind::unsupported;
  }
  // Scans as image files are read by OCR.
  if (is_image_file(bytes)) return InputKind::image;
  // Other binary containers and images are never text.
  static constexpr std::string_view magic[] = { "\x89PNG", "\xFF\xD8\xFF", "GIF8", "\xD0\xCF\x11\xE0",
                                               "Rar!", "\x1F\x8B", "BM", "II*\0", "MM\0*", "7z\xBC\xAF"};
  for (auto m : magic)
    if (bytes.substr(0, m.size()) == m) return InputKind::unsupported;
  // BOM-less UTF-16: sniff its decoded head instead of its bytes.
  if (std::string cs = utf16_without_bom(head); !cs.empty()) {
    bool lossy = false;
    std::string text;
    try {
      text = convert_to_utf8(head.substr(0, head.size() & ~std::size_t{1}), cs, &lossy);
    } catch (const Error&) {
      return InputKind::unsupported;
    }
    return sniff_kind(text) == InputKind::html ? InputKind::html : InputKind::text;
  }
  std::string lower;
  lower.reserve(head.size());
  for (char c : head) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* tag : {"<!doctype html", "<html", "<head", "<body", "<table", "<div", "<meta", "<p>", "<p ", "<?xml"})
    if (lower.find(tag) != std::string::npos) return InputKind::html;
  // Text: few NUL/control bytes (UTF-16 text has many NULs, so it was recognised above or by its BOM).
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") return InputKind::text;
  std::size_t ctrl = 0;
  for (char c : head) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x09 || (u > 0x0D && u < 0x20)) ++ctrl;
  }
  if (ctrl * 20 > head.size()) return InputKind::unsupported;
  return InputKind::text;
}

const Extractor* extractor_for(InputKind kind) {
  // One row per input kind; adding a format is one file pair and one row here.
  static const TextExtractor text;
  static const HtmlExtractor html;
  static const PdfExtractor pdf;
  static const DocxExtractor docx;
  static const OcrExtractor image;
  switch (kind) {
    case InputKind::text: return &text;
    case InputKind::html: return &html;
    case InputKind::pdf: return &pdf;
    case InputKind::docx: return &docx;
    case InputKind::image: return &image;
    case InputKind::unsupported: return nullptr;
  }
  return nullptr;
}

}  // namespace ogix
