// Build-time generator of what every process would otherwise build from the built-in profiles:
// the parsed profiles as bytes (profiles/profile_bytes.h; parsing cost each process 4.4 million
// instructions) and the codebook (cli/builtin_codebook.h: codebook.csv's text and the wide
// table's columns, about 7 million). Both are computed by the profile parser and the codebook
// code themselves from the profile text compiled into ogix_core: this program links ogix_core
// without the build-time bytes, so it parses (profiles/profile_bytes.cc).
//   builtin_gen OUT.cc
#include <cstdio>
#include <string>
#include <string_view>

#include "profiles/codebook.h"
#include "profiles/profile_bytes.h"
#include "writers/codebook_writer.h"
#include "writers/reports_writer.h"

namespace {

// `s` as C++ string literals, one per line of the text: printable ASCII as it is, every other
// byte as a three-digit octal escape (never a hex escape, which would swallow following digits).
std::string literal(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c >= 0x20 && c < 0x7F) {
      out += static_cast<char>(c);
    } else {
      char esc[5];
      std::snprintf(esc, sizeof esc, "\\%03o", c);
      out += esc;
      if (c == '\n') out += "\"\n    \"";
    }
  }
  return out + "\"";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: builtin_gen OUT.cc\n");
    return 2;
  }
  if (ogix::builtin_profiles_prebuilt()) {
    std::fprintf(stderr, "builtin_gen: linked with build-time profiles; it must parse them\n");
    return 1;
  }
  const std::string profile_bytes = ogix::profiles_to_bytes(ogix::builtin_profiles());
  const auto& entries = ogix::codebook_entries();
  const std::string csv = ogix::codebook_csv(entries);
  const ogix::ReportsColumns columns = ogix::reports_columns(entries);

  std::string body =
      "// Generated at build time by cli/tools/builtin_gen.cc from profiles/*.profile: do not edit.\n"
      "#include \"cli/builtin_codebook.h\"\n#include \"profiles/profile_bytes.h\"\n\n#include <cstddef>\n#include <iterator>\n#include <string>\n#include <vector>\n\nnamespace ogix {\n\nnamespace {\n\n";
  // Arrays, not string_views of the literals: the profile bytes hold NULs.
  body += "constexpr char kProfileBytes[] =\n    " + literal(profile_bytes) + ";\n\n";
  body += "constexpr char kCodebookCsv[] =\n    " + literal(csv) + ";\n\n";
  body += "constexpr std::string_view kCodes[] = {\n";
  for (const auto& c : columns.codes) body += "    " + literal(c) + ",\n";
  body += "};\n\n";
  // Each profile's codes as one flag a code ('1': the profile can write codes[i]).
  body += "struct ProfileCodes {\n  std::string_view profile, has;\n};\n\nconstexpr ProfileCodes kProfiles[] = {\n";
  for (const auto& [profile, has] : columns.by_profile) {
    std::string flags;
    for (bool b : has) flags += b ? '1' : '0';
    body += "    {" + literal(profile) + ", " + literal(flags) + "},\n";
  }
  body += "};\n\n}  // namespace\n\n";
  body +=
      "std::string_view builtin_profile_bytes();  // weak in profiles/profile_bytes.cc\n"
      "std::string_view builtin_profile_bytes() { return {kProfileBytes, sizeof kProfileBytes - 1}; }\n\n"
      "std::string_view builtin_codebook_csv() { return {kCodebookCsv, sizeof kCodebookCsv - 1}; }\n\n"
      "const ReportsColumns& builtin_reports_columns() {\n"
      "  // Never destroyed: freeing it at exit is work no output needs.\n"
      "  static const ReportsColumns& columns = *new ReportsColumns([] {\n"
      "    ReportsColumns out;\n"
      "    out.codes.reserve(std::size(kCodes));\n"
      "    out.index.reserve(std::size(kCodes));\n"
      "    for (std::string_view c : kCodes) {\n"
      "      out.index.emplace(c, out.codes.size());\n"
      "      out.codes.emplace_back(c);\n"
      "    }\n"
      "    for (const ProfileCodes& p : kProfiles) {\n"
      "      std::vector<bool> has(p.has.size());\n"
      "      for (std::size_t i = 0; i < p.has.size(); ++i) has[i] = p.has[i] == '1';\n"
      "      out.by_profile.emplace_back(std::string(p.profile), std::move(has));\n"
      "    }\n"
      "    return out;\n"
      "  }());\n"
      "  return columns;\n"
      "}\n\n}  // namespace ogix\n";

  const std::string tmp = std::string(argv[1]) + ".tmp";
  std::FILE* out = std::fopen(tmp.c_str(), "wb");
  if (!out || std::fwrite(body.data(), 1, body.size(), out) != body.size() || std::fclose(out) != 0) {
    std::fprintf(stderr, "builtin_gen: cannot write %s\n", tmp.c_str());
    return 1;
  }
  if (std::rename(tmp.c_str(), argv[1]) != 0) {
    std::fprintf(stderr, "builtin_gen: cannot rename %s\n", tmp.c_str());
    return 1;
  }
  return 0;
}
