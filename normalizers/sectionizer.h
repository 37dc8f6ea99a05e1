// Sectioning: the extractor's flat blocks → the report's top-level sections.
#pragma once

#include "model/document.h"

namespace ogix {

// Moves doc.blocks into doc.sections: text before the first section heading is `preamble`; a
// heading is a short paragraph with a 一、-style marker (or none) whose words match a profile
// section, accepted only in increasing section order. Sub-heading paragraphs get their level.
// Reports a `section.missing` finding for each official section not found.
void split_sections(Document& doc);

}  // namespace ogix
