// The canonical XML of one report (vocabulary documented in the README and schema/ogix.xsd).
#pragma once

#include <string>
#include <string_view>

#include "model/document.h"

namespace ogix {

// Serializes a Document as canonical XML (UTF-8, indented, deterministic): after the XML
// declaration line, the bytes are the document's own Canonical XML 1.1 form (no newline at the end). Characters XML 1.0
// forbids are replaced by U+FFFD (normalization has already removed and reported them).
std::string write_xml(const Document& doc);

// Formats a coordinate with two decimals under the classic locale ("12.50").
std::string format_coord(double v);
// Appends format_coord(v) to `out`.
void append_coord(std::string& out, double v);

// The number format_coord(v) writes, as a double (what std::strtod reads back from it), without
// the text: v rounded to hundredths.
double rounded_coord(double v);

// Replaces characters XML 1.0 forbids (controls, surrogates, U+FFFE/FFFF) and invalid UTF-8 by
// U+FFFD; returns the number replaced.
int sanitize_xml_text(std::string& s);

// `s` as the XML carries it (sanitize_xml_text applied): `s` itself when it needs no change, the
// common case, which copies nothing; otherwise a cleaned copy held in `scratch`.
std::string_view xml_text_of(const std::string& s, std::string& scratch);

}  // namespace ogix
