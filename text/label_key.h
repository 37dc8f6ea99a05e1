// Label keys: how labels, headings and evidence are compared across wording, numbering, spacing,
// punctuation and traditional characters.
#pragma once

#include <string>
#include <string_view>

namespace ogix {

// The comparison key of a label: only Han characters (in simplified form) and Latin letters,
// numbering markers ((一) 一、 1.) and digits and punctuation dropped, full-width letters folded.
std::string label_key(std::string_view label);

// Empties this thread's memo of label keys. The pipeline calls it before each document, so that
// a document's keys are computed from its own texts (and a batch of identical copies is timed
// like a batch of different reports).
void forget_label_keys();

}  // namespace ogix
