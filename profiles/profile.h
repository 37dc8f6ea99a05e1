// Profiles: the official formats as data (profiles/*.profile, embedded at build time).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/report_cues.h"
#include "text/label_key.h"
#include "model/table_layout.h"

namespace ogix {

// One label variant: an optional group that must appear in the row's label, and the leaf label.
struct LabelVariant {
  std::string group;  // label key (see label_key), may be empty
  std::string leaf;   // label key
  bool operator==(const LabelVariant&) const = default;  // every field (tests/profile_bytes_test)
};

struct ProfileColumn {
  std::string code;
  std::vector<LabelVariant> variants;
  bool extra = false;  // kept only when the source has it
  std::string unit;    // e.g. "万元" for money columns
  std::vector<std::string> groups;  // header groups above it in the official form (group-col)
  bool operator==(const ProfileColumn&) const = default;  // every field (tests/profile_bytes_test)
};

struct ProfileRow {
  std::string code;
  std::vector<std::string> cols;  // column codes of this row, in order
  std::vector<LabelVariant> variants;
  bool extra = false;
  std::vector<std::string> groups;  // label groups beside it in the official form (group-row)
  std::string unit;                  // money rows of an indicator table: the unit values are written in
  std::vector<std::string> stated;   // prose phrases that state the row's figure (label keys)
  bool operator==(const ProfileRow&) const = default;  // every field (tests/profile_bytes_test)
};

// A consistency rule: `sum` (lhs terms = rhs terms, per column or per row) or a value check.
struct ProfileRule {
  int number = 0;
  std::string id;    // as the profile numbers it: "4", or "L1" for the legacy rules
  std::string table;
  std::string kind;  // "per-col", "per-row", "nonneg", "integer", "parts", "not-less"
  std::vector<std::string> lhs, rhs;  // terms: a code, "family.*", or "a.*|b"
  std::vector<std::string> except;    // column codes exempt from nonneg/integer
  bool operator==(const ProfileRule&) const = default;  // every field (tests/profile_bytes_test)
};

struct ProfileTable {
  std::string code;
  std::vector<ProfileColumn> cols;
  std::vector<ProfileRow> rows;
  bool printed_one_row = false;  // the form prints all rows side by side in one line (print-layout one-row)
  std::vector<LabelVariant> label_col, unit_col;  // indicator tables: label and unit column headers
  std::string year_col;  // indicator tables: the column a "YYYY年(度)" header of the report year names
  std::vector<std::u32string> units;  // indicator tables: the units a unit column holds, longest first
  const ProfileColumn* col(std::string_view code) const;
  const ProfileRow* row(std::string_view code) const;
  bool operator==(const ProfileTable&) const = default;  // every field (tests/profile_bytes_test)
};

struct ProfileSection {
  std::string code;
  std::vector<std::string> variants;  // label keys
  bool operator==(const ProfileSection&) const = default;  // every field (tests/profile_bytes_test)
};

struct Evidence {
  int weight = 1;
  std::string text;  // as written in the profile (full-width punctuation kept)
  bool operator==(const Evidence&) const = default;  // every field (tests/profile_bytes_test)
};

// The label a code is printed with in the official table, and an English one (codebook).
struct CodeLabel {
  std::string kind;   // "section", "table", "col" or "row"
  std::string table;  // the table code (empty for sections)
  std::string code;   // the section, column or row code (the table code for kind "table")
  std::string zh, en;
  bool operator==(const CodeLabel&) const = default;  // every field (tests/profile_bytes_test)
};

struct Profile {
  std::string id, description;
  std::vector<Evidence> evidence;
  std::vector<ProfileSection> sections;
  std::vector<ProfileTable> tables;
  std::vector<ProfileRule> rules;
  // "wording" (2019, 2021: chosen by evidence) or "indicator-table" (legacy: chosen when no
  // wording profile has evidence and the document has an indicator table).
  std::string detect = "wording";
  std::vector<CodeLabel> labels;  // in profile order
  const ProfileTable* table(std::string_view code) const;
  // The label statement for (kind, table, code), or nullptr.
  const CodeLabel* label(std::string_view kind, std::string_view table, std::string_view code) const;
  bool operator==(const Profile&) const = default;  // every field (tests/profile_bytes_test)
};

// The printed layout of a profile table: each row and column as its group-row/group-col groups
// and its printed label (the label statement, a unit column's unit appended; else the first label
// variant, else the code).
TableLayout printed_layout(const Profile& profile, const ProfileTable& table);

// Parses profile text; throws std::invalid_argument with the line number on a syntax error.
Profile parse_profile(std::string_view text);

// All profiles built into the binary, in id order.
const std::vector<Profile>& builtin_profiles();

// The cues extractors find a report's structure by: the first profile's section wording (every
// profile words its sections alike) and the table labels of all of them.
ReportCues report_cues(const std::vector<Profile>& profiles);

// report_cues of the built-in profiles, built once.
const ReportCues& builtin_cues();

// The built-in profile with this id, or nullptr.
const Profile* find_profile(std::string_view id);

// Whether a rule or panel term names a family of codes ("x.*") rather than one code.
bool is_family_term(std::string_view term);

// Whether `code` is named by the term: the code itself, or for "x.*" any code under x (with
// `one_level`, only x's children: "x.a" but not "x.a.b").
bool term_names_code(std::string_view term, std::string_view code, bool one_level = false);

}  // namespace ogix
