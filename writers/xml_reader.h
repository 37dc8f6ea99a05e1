// Reading canonical XML back into the model: the inverse of write_xml, for tools that work on an
// output directory (resume, merge, review pages, bag validation) instead of the sources.
#pragma once

#include <string>
#include <string_view>

#include "model/document.h"

namespace ogix {

// A report read back from its canonical XML, with the generator that wrote it.
struct ReadReport {
  Document doc;           // sections, cells, rules and findings as written; blocks of an
                          // "unsectioned" section go back to doc.blocks
  std::string generator;  // the report's generator attribute, e.g. "ogix 0.1.0"
};

// Parses canonical XML (as write_xml writes it) into a Document such that
// write_xml(read_xml(x).doc) == x for every x that write_xml produced. Never loads a DTD, an
// entity or anything from the network. Throws Error(damaged) naming `name` when the bytes are not
// well-formed XML or not an ogix report.
ReadReport read_xml(std::string_view xml, const std::string& name);

}  // namespace ogix
