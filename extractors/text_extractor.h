// Plain-text reports (copied from Word): paragraphs one per line, tables tab-separated.
#pragma once

#include "extractors/extractor.h"

namespace ogix {

// Reads UTF-8 (with or without BOM), UTF-16 with BOM and GB18030/GBK text. Lines with tabs form
// tables (a short tab-less line between two table lines is a wrapped cell and stays in the table,
// unless it heads a section; a short caption-less line right above one is the table's title row);
// other lines are paragraphs. Tables are marked ragged: Word's copies do not keep columns aligned.
class TextExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "text"; }
  Document extract(std::string_view bytes, const ExtractContext& ctx) const override;
};

}  // namespace ogix
