#include "profiles/profile.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "text/unicode.h"

namespace ogix {

const ProfileColumn* ProfileTable::col(std::string_view c) const {
  for (const auto& x : cols)
    if (x.code == c) return &x;
  return nullptr;
}

const ProfileRow* ProfileTable::row(std::string_view c) const {
  for (const auto& x : rows)
    if (x.code == c) return &x;
  return nullptr;
}

const ProfileTable* Profile::table(std::string_view c) const {
  for (const auto& x : tables)
    if (x.code == c) return &x;
  return nullptr;
}

const CodeLabel* Profile::label(std::string_view kind, std::string_view t, std::string_view code) const {
  for (const auto& l : labels)
    if (l.kind == kind && l.table == t && l.code == code) return &l;
  return nullptr;
}

namespace {

// `s` without its leading and trailing blanks, as a view into it.
std::string_view trim_view(std::string_view s) {
  std::size_t a = s.find_first_not_of(" \t\r");
  if (a == std::string_view::npos) return {};
  std::size_t b = s.find_last_not_of(" \t\r");
  return s.substr(a, b - a + 1);
}

std::string trim(std::string_view s) { return std::string(trim_view(s)); }

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t p = s.find(sep, start);
    out.push_back(trim(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start)));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

// Whitespace-separated words, as `istream >> string` reads them in the C locale (a stream per
// call made this a visible part of parsing the profiles, which every process does).
std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; };
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && space(s[i])) ++i;
    std::size_t start = i;
    while (i < s.size() && !space(s[i])) ++i;
    if (i > start) out.emplace_back(s.substr(start, i - start));
  }
  return out;
}

std::vector<LabelVariant> parse_variants(std::string_view s) {
  std::vector<LabelVariant> out;
  for (const auto& v : split(s, '|')) {
    if (v.empty()) continue;
    auto gt = v.find('>');
    if (gt == std::string::npos)
      out.push_back({{}, label_key(v)});
    else
      out.push_back({label_key(v.substr(0, gt)), label_key(v.substr(gt + 1))});
  }
  return out;
}

}  // namespace

Profile parse_profile(std::string_view text) {
  Profile p;
  ProfileTable* table = nullptr;
  int lineno = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    // Views into the profile text: every process parses the profiles, and a copy of each piece of
    // each line was most of the parser's work.
    std::string_view line = trim_view(text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++lineno;
    if (line.empty() || line[0] == '#') continue;
    auto fail = [&](const std::string& why) {
      throw std::invalid_argument("profile line " + std::to_string(lineno) + ": " + why);
    };
    std::string_view kw = line.substr(0, line.find(' '));
    std::string_view rest = trim_view(line.substr(kw.size()));
    auto eq = rest.find(" = ");
    std::string_view lhs = trim_view(rest.substr(0, eq));
    std::string_view rhs = eq == std::string_view::npos ? std::string_view() : trim_view(rest.substr(eq + 3));
    if (kw == "profile") {
      p.id = rest;
    } else if (kw == "describe") {
      p.description = rest;
    } else if (kw == "evidence") {
      auto sp = rest.find(' ');
      if (sp == std::string::npos) fail("evidence needs WEIGHT TEXT");
      p.evidence.push_back({std::stoi(std::string(rest.substr(0, sp))), trim(rest.substr(sp + 1))});
    } else if (kw == "detect") {
      if (rest != "wording" && rest != "indicator-table") fail("detect needs wording or indicator-table");
      p.detect = rest;
    } else if (kw == "label-col" || kw == "unit-col") {
      if (!table) fail(std::string(kw) + " outside a table");
      (kw == "label-col" ? table->label_col : table->unit_col) = parse_variants(rhs.empty() ? rest.substr(rest.find('=') + 1) : rhs);
    } else if (kw == "units") {
      if (!table) fail("units outside a table");
      for (const auto& u : words(rest)) table->units.push_back(utf8_to_u32(u));
      std::stable_sort(table->units.begin(), table->units.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    } else if (kw == "year-col") {
      if (!table || !table->col(rest)) fail("year-col needs a column of the table");
      table->year_col = rest;
    } else if (kw == "stated") {
      ProfileRow* r = nullptr;
      if (table)
        for (auto& x : table->rows)
          if (x.code == lhs) r = &x;
      if (!r) fail("stated names no row of the table: " + std::string(lhs));
      for (const auto& v : split(rhs, '|'))
        if (!v.empty()) r->stated.push_back(label_key(v));
    } else if (kw == "section") {
      ProfileSection s{std::string(lhs), {}};
      for (const auto& v : split(rhs, '|')) s.variants.push_back(label_key(v));
      p.sections.push_back(std::move(s));
    } else if (kw == "table") {
      p.tables.push_back(ProfileTable{});
      p.tables.back().code = rest;
      table = &p.tables.back();
    } else if (kw == "col" || kw == "extra-col") {
      if (!table) fail("col outside a table");
      table->cols.push_back(ProfileColumn{std::string(lhs), parse_variants(rhs), kw == "extra-col", {}, {}});
    } else if (kw == "row" || kw == "extra-row") {
      if (!table) fail("row outside a table");
      ProfileRow r;
      auto colon = lhs.find(" : ");
      r.code = trim(lhs.substr(0, colon));
      if (colon != std::string::npos) {
        r.cols = words(lhs.substr(colon + 3));
      } else {
        for (const auto& c : table->cols)
          if (!c.extra) r.cols.push_back(c.code);
      }
      for (const auto& c : r.cols)
        if (!table->col(c)) fail("row " + r.code + " names unknown column " + c);
      r.variants = parse_variants(rhs);
      r.extra = kw == "extra-row";
      table->rows.push_back(std::move(r));
    } else if (kw == "group-row" || kw == "group-col") {
      if (!table || eq == std::string::npos) fail(std::string(kw) + " needs CODE = GROUP > GROUP … inside a table");
      std::vector<std::string> groups;
      for (auto& part : split(rhs, '>'))
        if (!part.empty()) groups.push_back(std::move(part));
      if (groups.empty()) fail(std::string(kw) + " needs a group label");
      bool found = false;
      if (kw == "group-row") {
        for (auto& r : table->rows)
          if (r.code == lhs) r.groups = groups, found = true;
      } else {
        for (auto& c : table->cols)
          if (c.code == lhs) c.groups = groups, found = true;
      }
      if (!found) fail(std::string(kw) + " names unknown code " + std::string(lhs));
    } else if (kw == "print-layout") {
      if (!table || rest != "one-row") fail("print-layout takes one-row inside a table");
      table->printed_one_row = true;
    } else if (kw == "unit") {
      auto w = words(rest);
      if (!table || w.size() != 2) fail("unit needs COL UNIT inside a table");
      bool named = false;
      for (auto& c : table->cols)
        if (c.code == w[0]) c.unit = w[1], named = true;
      for (auto& r : table->rows)
        if (r.code == w[0]) r.unit = w[1], named = true;
      if (!named) fail("unit names no column or row: " + w[0]);
    } else if (kw == "rule") {
      auto w = words(lhs);
      if (w.size() < 3) fail("rule needs N TABLE KIND");
      ProfileRule r;
      // "4" or "L4": the legacy rules are numbered L1–L7 by the spec.
      if (w[0].find_first_not_of("0123456789", w[0][0] == 'L' ? 1 : 0) != std::string::npos || w[0] == "L")
        fail("rule number must be N or LN");
      r.number = std::stoi(w[0].substr(w[0][0] == 'L' ? 1 : 0));
      r.id = w[0];
      r.table = w[1];
      r.kind = w[2];
      if (r.kind == "per-col" || r.kind == "per-row") {
        if (eq == std::string::npos) fail("sum rule needs LHS = RHS");
        // lhs holds "N TABLE KIND term + term"; everything after KIND is the left side.
        for (std::size_t i = 3; i < w.size(); ++i)
          if (w[i] != "+") r.lhs.push_back(w[i]);
        for (const auto& t : words(rhs))
          if (t != "+") r.rhs.push_back(t);
      } else if (r.kind == "parts") {
        if (eq == std::string::npos || w.size() != 4) fail("parts rule needs ROW = TERMS");
        r.lhs.push_back(w[3]);
        for (const auto& t : words(rhs))
          if (t != "+") r.rhs.push_back(t);
      } else if (r.kind == "not-less") {
        if (w.size() != 5) fail("not-less rule needs two columns");
        r.lhs.push_back(w[3]);
        r.rhs.push_back(w[4]);
      } else if (r.kind == "nonneg" || r.kind == "integer") {
        r.except.assign(w.begin() + 3, w.end());
      } else {
        fail("unknown rule kind " + r.kind);
      }
      p.rules.push_back(std::move(r));
    } else if (kw == "label") {
      auto w = words(lhs);
      auto parts = split(rhs, '|');
      if (w.empty() || parts.size() != 2 || parts[0].empty() || parts[1].empty())
        fail("label needs KIND [CODE] = 中文 | English");
      CodeLabel l{w[0], {}, {}, parts[0], parts[1]};
      if (l.kind == "section" && w.size() == 2) {
        l.code = w[1];
      } else if (l.kind == "table" && w.size() == 1 && table) {
        l.table = l.code = table->code;
      } else if ((l.kind == "col" || l.kind == "row") && w.size() == 2 && table) {
        l.table = table->code;
        l.code = w[1];
        if (l.kind == "col" ? !table->col(l.code) : !table->row(l.code)) fail("label names unknown " + l.kind + " " + l.code);
      } else {
        fail("label needs section CODE, table, col CODE or row CODE (col/row/table inside a table)");
      }
      p.labels.push_back(std::move(l));
    } else {
      fail("unknown statement " + std::string(kw));
    }
  }
  if (p.id.empty()) throw std::invalid_argument("profile without an id");
  return p;
}

TableLayout printed_layout(const Profile& profile, const ProfileTable& table) {
  TableLayout out;
  out.table = table.code;
  out.one_row = table.printed_one_row;
  auto path = [&](const char* kind, const std::string& code, const std::vector<LabelVariant>& variants,
                  const std::vector<std::string>& groups, const std::string& unit) {
    std::vector<std::string> p = groups;
    std::string leaf;
    if (const CodeLabel* l = profile.label(kind, table.code, code)) {
      leaf = l->zh;
      // "行政诉讼：复议后起诉" under the group 行政诉讼 is printed as 复议后起诉.
      if (!groups.empty())
        for (const char* colon : {"：", ":"})
          if (leaf.rfind(groups.back() + colon, 0) == 0 && leaf.size() > groups.back().size() + std::strlen(colon))
            leaf = leaf.substr(groups.back().size() + std::strlen(colon));
      if (!unit.empty() && leaf.find(unit) == std::string::npos) leaf += "（单位：" + unit + "）";
    } else {
      // Without a label statement the first variant is the best words we have (label keys keep the Han text).
      if (!variants.empty() && !variants[0].group.empty() && groups.empty()) p.push_back(variants[0].group);
      leaf = variants.empty() || variants[0].leaf.empty() ? code : variants[0].leaf;
    }
    p.push_back(leaf);
    return p;
  };
  for (const auto& c : table.cols) out.cols.push_back({c.code, path("col", c.code, c.variants, c.groups, c.unit), c.extra, {}});
  for (const auto& r : table.rows) out.rows.push_back({r.code, path("row", r.code, r.variants, r.groups, {}), r.extra, r.cols});
  return out;
}

const Profile* find_profile(std::string_view id) {
  for (const auto& p : builtin_profiles())
    if (p.id == id) return &p;
  return nullptr;
}

bool is_family_term(std::string_view term) { return term.size() > 2 && term.substr(term.size() - 2) == ".*"; }

bool term_names_code(std::string_view term, std::string_view code, bool one_level) {
  if (!is_family_term(term)) return term == code;
  std::string_view prefix = term.substr(0, term.size() - 1);  // keep the dot
  if (code.substr(0, prefix.size()) != prefix || code.size() == prefix.size()) return false;
  return !one_level || code.find('.', prefix.size()) == std::string_view::npos;
}

ReportCues report_cues(const std::vector<Profile>& profiles) {
  ReportCues c;
  if (profiles.empty()) return c;
  for (const auto& s : profiles.front().sections) c.section_wording.push_back(s.variants);
  // Three characters or longer: 其他, 维持 and the like occur in any table.
  auto take = [&](const std::vector<LabelVariant>& vs) {
    for (const auto& v : vs)
      if (v.leaf.size() >= 9 && std::find(c.table_wording.begin(), c.table_wording.end(), v.leaf) == c.table_wording.end())
        c.table_wording.push_back(v.leaf);
  };
  for (const auto& p : profiles)
    for (const auto& t : p.tables) {
      for (const auto& r : t.rows) take(r.variants);
      for (const auto& col : t.cols) take(col.variants);
      if (t.label_col.empty()) continue;
      // Indicator tables (ogi-legacy): their label header and row labels, whole.
      for (const auto& v : t.label_col) c.indicator_wording.push_back(v.leaf), c.indicator_header_wording.push_back(v.leaf);
      for (const auto& r : t.rows)
        for (const auto& v : r.variants) c.indicator_wording.push_back(v.leaf);
    }
  return c;
}

const ReportCues& builtin_cues() {
  static const ReportCues& cues = *new ReportCues(report_cues(builtin_profiles()));  // never destroyed, as the profiles
  return cues;
}

}  // namespace ogix
