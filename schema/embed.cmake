# Writes a C++ source holding the schema text: -DIN=<ogix.xsd> -DOUT=<file.cc>.
file(READ ${IN} text)
set(body "// Generated from schema/ogix.xsd by schema/embed.cmake. Do not edit.\n#include <string_view>\nnamespace ogix {\nstd::string_view embedded_schema() {\n  return R\"OGIXSCHEMA(${text})OGIXSCHEMA\";\n}\n}  // namespace ogix\n")
file(WRITE ${OUT}.tmp "${body}")
file(RENAME ${OUT}.tmp ${OUT})
