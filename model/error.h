// Typed errors: raised only when no document can be produced; recoverable damage is a Finding.
#pragma once

#include <stdexcept>
#include <string>

namespace ogix {

enum class ErrorCode {
  io,               // the file cannot be read or an output cannot be written
  empty_input,      // zero bytes
  unsupported,      // not a PDF, HTML or text file we can read (ZIP, image, binary)
  damaged,          // a PDF or other container broken beyond repair
  encrypted,        // password-protected PDF
  no_text_layer,    // a scanned PDF: pages but no text
  garbled_text,     // text without a usable Unicode mapping
  encoding,         // bytes that decode in no supported encoding
  not_a_report,     // readable, but no statistical table of the official format
  limit_exceeded,   // an input limit (size, pages, depth, cells, time) was exceeded
  ocr_unavailable,  // a page needs OCR but Tesseract or its language data is not installed
  internal,         // a bug in ogix: please report it
};

// Stable kebab-case name of an error code, as printed and documented.
const char* error_code_name(ErrorCode c);

// The one exception type stages throw; `source` names the input file.
class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, std::string source, const std::string& message)
      : std::runtime_error(message), code_(code), source_(std::move(source)) {}
  ErrorCode code() const { return code_; }
  const std::string& source() const { return source_; }

 private:
  ErrorCode code_;
  std::string source_;
};

}  // namespace ogix
