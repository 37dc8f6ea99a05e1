// Run-together text: crawler plain text whose report tables lost every separator
// (`规范性文件898989` = 89 · 89 · 89). Finds the official tables in such text and rebuilds them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/document.h"
#include "normalizers/run_splits.h"
#include "profiles/profile.h"

namespace ogix {

// True for a text-extracted document (no tables) whose paragraphs carry the official table
// labels inline with their numbers run together.
bool is_run_together(const Document& doc);

// For such a document, splits paragraphs at inline section headings and replaces the inline
// tables of sections 二、三、四 by Table blocks; ambiguous runs become text cells (the run + " (?)")
// with a `text.ambiguous_run` finding. Spans are line:N/char:K, K counting characters of the
// line's normalized text (normalization drops spaces between Chinese characters, so K can be
// smaller than in the raw file). Leaves any other document untouched.
void reflow_run_together(Document& doc);

// Cuts every paragraph at the inline top-level headings of `profile` (一、概述… run into one line
// by crawler copies; in increasing section order across the document), each heading becoming a
// paragraph of its own.
void split_inline_headings(Document& doc, const Profile& profile);

}  // namespace ogix
