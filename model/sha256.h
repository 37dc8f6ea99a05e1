// SHA-256 for fixity: archivists verify that the report converted is the one they hold.
#pragma once

#include <string>
#include <string_view>

namespace ogix {

// Lowercase hex SHA-256 (FIPS 180-4) of `data`.
std::string sha256_hex(std::string_view data);

}  // namespace ogix
