// How a conversion uses OCR (pages without a text layer, image files).
#pragma once

#include <string>

namespace ogix {

// off: never (a scan stays no-text-layer); automatic: pages without text only; force: every page.
enum class OcrMode { off, automatic, force };

// OCR settings of one conversion.
struct OcrOptions {
  OcrMode mode = OcrMode::automatic;
  std::string lang = "chi_sim+eng";  // Tesseract languages, '+'-joined
};

}  // namespace ogix
