// Label keys: how labels, headings and evidence are compared across wording, numbering, spacing,
// punctuation and traditional characters.
#pragma once

#include <string>
#include <string_view>

namespace ogix {

// The comparison key of a label: only Han characters (in simplified form) and Latin letters,
// numbering markers ((一) 一、 1.) and digits and punctuation dropped, full-width letters folded.
std::string label_key(std::string_view label);

}  // namespace ogix
