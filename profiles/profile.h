// Profiles: the official formats as data (profiles/*.profile, embedded at build time).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ogix {

// One label variant: an optional group that must appear in the row's label, and the leaf label.
struct LabelVariant {
  std::string group;  // label key (see label_key), may be empty
  std::string leaf;   // label key
};

struct ProfileColumn {
  std::string code;
  std::vector<LabelVariant> variants;
  bool extra = false;  // kept only when the source has it
  std::string unit;    // e.g. "万元" for money columns
};

struct ProfileRow {
  std::string code;
  std::vector<std::string> cols;  // column codes of this row, in order
  std::vector<LabelVariant> variants;
  bool extra = false;
};

// A consistency rule: `sum` (lhs terms = rhs terms, per column or per row) or a value check.
struct ProfileRule {
  int number = 0;
  std::string table;
  std::string kind;  // "per-col", "per-row", "nonneg", "integer"
  std::vector<std::string> lhs, rhs;  // terms: a code, "family.*", or "a.*|b"
  std::vector<std::string> except;    // column codes exempt from nonneg/integer
};

struct ProfileTable {
  std::string code;
  std::vector<ProfileColumn> cols;
  std::vector<ProfileRow> rows;
  const ProfileColumn* col(std::string_view code) const;
  const ProfileRow* row(std::string_view code) const;
};

struct ProfileSection {
  std::string code;
  std::vector<std::string> variants;  // label keys
};

struct Evidence {
  int weight = 1;
  std::string text;  // as written in the profile (full-width punctuation kept)
};

// The label a code is printed with in the official table, and an English one (codebook).
struct CodeLabel {
  std::string kind;   // "section", "table", "col" or "row"
  std::string table;  // the table code (empty for sections)
  std::string code;   // the section, column or row code (the table code for kind "table")
  std::string zh, en;
};

struct Profile {
  std::string id, description;
  std::vector<Evidence> evidence;
  std::vector<ProfileSection> sections;
  std::vector<ProfileTable> tables;
  std::vector<ProfileRule> rules;
  std::vector<CodeLabel> labels;  // in profile order
  const ProfileTable* table(std::string_view code) const;
  // The label statement for (kind, table, code), or nullptr.
  const CodeLabel* label(std::string_view kind, std::string_view table, std::string_view code) const;
};

// Parses profile text; throws std::invalid_argument with the line number on a syntax error.
Profile parse_profile(std::string_view text);

// All profiles built into the binary, in id order.
const std::vector<Profile>& builtin_profiles();

// The built-in profile with this id, or nullptr.
const Profile* find_profile(std::string_view id);

// The comparison key of a label: only Han characters and Latin letters, numbering markers
// ((一) 一、 1.) and digits and punctuation dropped, full-width letters folded.
std::string label_key(std::string_view label);

}  // namespace ogix
