// Validation of canonical XML against the schema built into ogix (schema/ogix.xsd).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ogix {

// The text of schema/ogix.xsd as built into the binary.
std::string_view embedded_schema();

// Validates one XML document (bytes) against the built-in schema; returns the problems found,
// empty when valid. Never loads a DTD, an entity or anything from the network.
std::vector<std::string> validate_xml(std::string_view xml);

}  // namespace ogix
