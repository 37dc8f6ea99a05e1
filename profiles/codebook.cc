#include "profiles/codebook.h"

#include <algorithm>
#include <set>

namespace ogix {

namespace {

bool term_matches(const std::string& term, const std::string& code) {
  // "a.*|b": the family a.* or, where every a.* is missing, b — a cell of either takes part.
  auto bar = term.find('|');
  if (bar != std::string::npos) return term_matches(term.substr(0, bar), code) || term_matches(term.substr(bar + 1), code);
  return term_names_code(term, code);
}

bool in_terms(const ProfileRule& r, const std::string& code) {
  for (const auto* side : {&r.lhs, &r.rhs})
    for (const auto& t : *side)
      if (term_matches(t, code)) return true;
  return false;
}

// A legacy "parts" rule's terms: "x.*" is x's rows one level down only.
bool in_parts(const ProfileRule& r, const std::string& code) {
  for (const auto* side : {&r.lhs, &r.rhs})
    for (const auto& t : *side)
      if (term_names_code(t, code, /*one_level=*/true)) return true;
  return false;
}

std::string rules_of(const Profile& p, const std::string& table, const std::string& row, const std::string& col) {
  std::set<std::pair<int, std::string>> numbers;  // (number, id as the profile writes it: 4, L1)
  for (const auto& r : p.rules) {
    if (r.table != table) continue;
    bool takes_part = r.kind == "per-col"    ? in_terms(r, row)
                      : r.kind == "per-row"  ? in_terms(r, col)
                      : r.kind == "parts"    ? in_parts(r, row)
                      : r.kind == "not-less" ? in_terms(r, col)
                                             : std::find(r.except.begin(), r.except.end(), col) == r.except.end();
    if (takes_part) numbers.insert({r.number, r.id.empty() ? std::to_string(r.number) : r.id});
  }
  std::string out;
  for (const auto& n : numbers) out += (out.empty() ? "" : ";") + n.second;
  return out;
}

std::string joined(const std::vector<LabelVariant>& variants) {
  std::string out;
  for (const auto& v : variants) out += (out.empty() ? "" : " | ") + (v.group.empty() ? v.leaf : v.group + ">" + v.leaf);
  return out;
}

}  // namespace

std::vector<CodebookEntry> codebook_entries(const Profile& p) {
  std::vector<CodebookEntry> out;
  auto section = [&](const std::string& code) {
    const CodeLabel* l = p.label("section", "", code);
    out.push_back(CodebookEntry{p.id, "section", code, {}, {}, {}, l ? l->zh : "", l ? l->en : "", {}, {}, {}});
  };
  section("preamble");
  for (const auto& s : p.sections) section(s.code);
  for (const auto& t : p.tables) {
    std::vector<std::string> plain;
    for (const auto& c : t.cols)
      if (!c.extra) plain.push_back(c.code);
    for (const auto& r : t.rows) {
      std::vector<std::string> cols = r.cols;
      // A row over the table's ordinary columns also takes its extra columns (小计) when present.
      if (r.cols == plain)
        for (const auto& c : t.cols)
          if (c.extra) cols.push_back(c.code);
      const CodeLabel* rl = p.label("row", t.code, r.code);
      for (const auto& cc : cols) {
        const CodeLabel* cl = p.label("col", t.code, cc);
        const ProfileColumn* col = t.col(cc);
        CodebookEntry e{p.id, "cell", t.code + "." + r.code + "." + cc, t.code, r.code, cc, {}, {}, !r.unit.empty() ? r.unit : col ? col->unit : "",
                        rules_of(p, t.code, r.code, cc), joined(r.variants)};
        e.label_zh = (rl ? rl->zh : r.code) + " / " + (cl ? cl->zh : cc);
        e.label_en = (rl ? rl->en : r.code) + " / " + (cl ? cl->en : cc);
        out.push_back(std::move(e));
      }
    }
    const CodeLabel* tl = p.label("table", t.code, t.code);
    out.push_back(CodebookEntry{p.id, "cell", t.code + ".extra_N.c<n>", t.code, "extra_N", "c<n>",
                                "（表外行）" + std::string(tl ? " " + tl->zh : ""),
                                "a row beyond the profile, kept with its source label (columns as the table's, or c1…cn)",
                                {}, {}, {}});
  }
  return out;
}

std::vector<CodebookEntry> codebook_entries() {
  std::vector<CodebookEntry> out;
  for (const auto& p : builtin_profiles()) {
    auto part = codebook_entries(p);
    out.insert(out.end(), part.begin(), part.end());
  }
  return out;
}

}  // namespace ogix
