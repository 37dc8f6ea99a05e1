// SHA-256 for fixity: archivists verify that the report converted is the one they hold.
#pragma once

#include <string>
#include <string_view>

namespace ogix {

// Lowercase hex SHA-256 (FIPS 180-4) of `data`.
std::string sha256_hex(std::string_view data);

// The same digest computed without the CPU's SHA extensions (sha256_hex uses them when present);
// for the tests, which check that both agree.
std::string sha256_hex_portable(std::string_view data);

}  // namespace ogix
