#include "profiles/profile.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "normalizers/unicode.h"

namespace ogix {

const std::vector<std::pair<std::string_view, std::string_view>>& embedded_profiles();

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

std::string label_key(std::string_view label) {
  std::u32string u = utf8_to_u32(normalize_text(label));
  std::u32string out;
  out.reserve(u.size());
  auto is_num = [](char32_t c) {
    return c == U'一' || c == U'二' || c == U'三' || c == U'四' || c == U'五' || c == U'六' || c == U'七' ||
           c == U'八' || c == U'九' || c == U'十';
  };
  for (std::size_t i = 0; i < u.size(); ++i) {
    char32_t c = u[i];
    // （一） / (十二): numbering in brackets.
    if (c == U'（' || c == '(') {
      std::size_t j = i + 1;
      while (j < u.size() && j < i + 4 && is_num(u[j])) ++j;
      if (j > i + 1 && j < u.size() && (u[j] == U'）' || u[j] == ')')) {
        i = j;
        continue;
      }
    }
    // 一、 / 十二、 at a label start or after punctuation: numbering, not text.
    if (is_num(c)) {
      std::size_t j = i;
      while (j < u.size() && j < i + 3 && is_num(u[j])) ++j;
      if (j < u.size() && u[j] == U'、' && (out.empty() || i == 0)) {
        i = j;
        continue;
      }
    }
    if (u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_IDEOGRAPHIC) ||
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
      out.push_back(c);
  }
  return u32_to_utf8(out);
}

namespace {

std::string trim(std::string_view s) {
  std::size_t a = s.find_first_not_of(" \t\r");
  if (a == std::string_view::npos) return {};
  std::size_t b = s.find_last_not_of(" \t\r");
  return std::string(s.substr(a, b - a + 1));
}

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

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  std::istringstream in{std::string(s)};
  std::string w;
  while (in >> w) out.push_back(w);
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
    std::string line = trim(text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++lineno;
    if (line.empty() || line[0] == '#') continue;
    auto fail = [&](const std::string& why) {
      throw std::invalid_argument("profile line " + std::to_string(lineno) + ": " + why);
    };
    std::string kw = line.substr(0, line.find(' '));
    std::string rest = trim(line.substr(kw.size()));
    auto eq = rest.find(" = ");
    std::string lhs = trim(rest.substr(0, eq));
    std::string rhs = eq == std::string::npos ? std::string() : trim(rest.substr(eq + 3));
    if (kw == "profile") {
      p.id = rest;
    } else if (kw == "describe") {
      p.description = rest;
    } else if (kw == "evidence") {
      auto sp = rest.find(' ');
      if (sp == std::string::npos) fail("evidence needs WEIGHT TEXT");
      p.evidence.push_back({std::stoi(rest.substr(0, sp)), trim(rest.substr(sp + 1))});
    } else if (kw == "section") {
      ProfileSection s{lhs, {}};
      for (const auto& v : split(rhs, '|')) s.variants.push_back(label_key(v));
      p.sections.push_back(std::move(s));
    } else if (kw == "table") {
      p.tables.push_back(ProfileTable{rest, {}, {}});
      table = &p.tables.back();
    } else if (kw == "col" || kw == "extra-col") {
      if (!table) fail("col outside a table");
      table->cols.push_back(ProfileColumn{lhs, parse_variants(rhs), kw == "extra-col", {}});
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
    } else if (kw == "unit") {
      auto w = words(rest);
      if (!table || w.size() != 2) fail("unit needs COL UNIT inside a table");
      for (auto& c : table->cols)
        if (c.code == w[0]) c.unit = w[1];
    } else if (kw == "rule") {
      auto w = words(lhs);
      if (w.size() < 3) fail("rule needs N TABLE KIND");
      ProfileRule r;
      r.number = std::stoi(w[0]);
      r.table = w[1];
      r.kind = w[2];
      if (r.kind == "per-col" || r.kind == "per-row") {
        if (eq == std::string::npos) fail("sum rule needs LHS = RHS");
        // lhs holds "N TABLE KIND term + term"; everything after KIND is the left side.
        for (std::size_t i = 3; i < w.size(); ++i)
          if (w[i] != "+") r.lhs.push_back(w[i]);
        for (const auto& t : words(rhs))
          if (t != "+") r.rhs.push_back(t);
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
      fail("unknown statement " + kw);
    }
  }
  if (p.id.empty()) throw std::invalid_argument("profile without an id");
  return p;
}

const std::vector<Profile>& builtin_profiles() {
  static const std::vector<Profile> all = [] {
    std::vector<Profile> v;
    for (const auto& [name, text] : embedded_profiles()) v.push_back(parse_profile(text));
    std::sort(v.begin(), v.end(), [](const Profile& a, const Profile& b) { return a.id < b.id; });
    return v;
  }();
  return all;
}

const Profile* find_profile(std::string_view id) {
  for (const auto& p : builtin_profiles())
    if (p.id == id) return &p;
  return nullptr;
}

}  // namespace ogix
