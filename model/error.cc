#include "model/error.h"

namespace ogix {

const char* error_code_name(ErrorCode c) {
  switch (c) {
    case ErrorCode::io: return "io";
    case ErrorCode::empty_input: return "empty-input";
    case ErrorCode::unsupported: return "unsupported-format";
    case ErrorCode::damaged: return "damaged";
    case ErrorCode::encrypted: return "encrypted";
    case ErrorCode::no_text_layer: return "no-text-layer";
    case ErrorCode::garbled_text: return "garbled-text";
    case ErrorCode::encoding: return "encoding";
    case ErrorCode::not_a_report: return "not-a-report";
    case ErrorCode::limit_exceeded: return "limit-exceeded";
    case ErrorCode::ocr_unavailable: return "ocr-unavailable";
    case ErrorCode::internal: return "internal";
  }
  return "internal";
}

}  // namespace ogix
