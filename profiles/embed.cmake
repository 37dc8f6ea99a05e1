# Writes a C++ source that holds the text of each IN_DIR/*.profile: -DIN_DIR=<dir> -DOUT=<file.cc>.
file(GLOB IN ${IN_DIR}/*.profile)
set(body "// Generated from profiles/*.profile by profiles/embed.cmake. Do not edit.\n#include <string_view>\n#include <utility>\n#include <vector>\nnamespace ogix {\nconst std::vector<std::pair<std::string_view, std::string_view>>& embedded_profiles() {\n  static const std::vector<std::pair<std::string_view, std::string_view>> all = {\n")
list(SORT IN)
foreach(f ${IN})
  get_filename_component(name ${f} NAME_WE)
  file(READ ${f} text)
  # A raw string literal keeps the UTF-8 text exactly; the delimiter cannot occur in profiles.
  string(APPEND body "    {\"${name}\", R\"OGIXPROFILE(${text})OGIXPROFILE\"},\n")
endforeach()
string(APPEND body "  };\n  return all;\n}\n}  // namespace ogix\n")
file(WRITE ${OUT}.tmp "${body}")
file(RENAME ${OUT}.tmp ${OUT})
