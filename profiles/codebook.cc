#include "profiles/codebook.h"

#include <algorithm>
#include <set>
#include <iterator>
#include <string_view>

namespace ogix {

namespace {

bool term_matches(std::string_view term, std::string_view code) {
  // "a.*|b": the family a.* or, where every a.* is missing, b — a cell of either takes part.
  auto bar = term.find('|');
  if (bar != std::string_view::npos) return term_matches(term.substr(0, bar), code) || term_matches(term.substr(bar + 1), code);
  return term_names_code(term, code);
}

bool in_terms(const ProfileRule& r, std::string_view code) {
  for (const auto* side : {&r.lhs, &r.rhs})
    for (const auto& t : *side)
      if (term_matches(t, code)) return true;
  return false;
}

// A legacy "parts" rule's terms: "x.*" is x's rows one level down only.
bool in_parts(const ProfileRule& r, std::string_view code) {
  for (const auto* side : {&r.lhs, &r.rhs})
    for (const auto& t : *side)
      if (term_names_code(t, code, /*one_level=*/true)) return true;
  return false;
}

// Which rules of one table a cell takes part in. A rule's decision depends either on the cell's
// row (per-col sums, parts) or on its column (per-row sums, not-less, value checks), so it is made
// once per row and once per column, not once per cell.
class TableRules {
 public:
  TableRules(const Profile& p, const ProfileTable& t) : table_(t) {
    for (const auto& r : p.rules)
      if (r.table == t.code) rules_.push_back(&r);
    for (const auto& c : t.cols) {
      std::vector<char> part(rules_.size(), 0);
      for (std::size_t k = 0; k < rules_.size(); ++k)
        if (!by_row(*rules_[k])) part[k] = decide(*rules_[k], {}, c.code);
      col_part_.push_back(std::move(part));
    }
  }

  // Sets the row whose cells rules_of asks about next.
  void set_row(const std::string& row) {
    row_part_.assign(rules_.size(), 0);
    for (std::size_t k = 0; k < rules_.size(); ++k)
      if (by_row(*rules_[k])) row_part_[k] = decide(*rules_[k], row, {});
  }

  // The rules the current row's cell in column `col` takes part in, as "4;5;L1".
  std::string rules_of(const std::string& col) const {
    const std::vector<char>* cp = nullptr;
    for (std::size_t i = 0; i < table_.cols.size(); ++i)
      if (table_.cols[i].code == col) cp = &col_part_[i];
    std::set<std::pair<int, std::string>> numbers;  // (number, id as the profile writes it: 4, L1)
    for (std::size_t k = 0; k < rules_.size(); ++k) {
      const ProfileRule& r = *rules_[k];
      bool takes_part = by_row(r) ? row_part_[k] : cp ? (*cp)[k] : decide(r, {}, col);
      if (takes_part) numbers.insert({r.number, r.id.empty() ? std::to_string(r.number) : r.id});
    }
    std::string out;
    for (const auto& n : numbers) out += (out.empty() ? "" : ";") + n.second;
    return out;
  }

 private:
  static bool by_row(const ProfileRule& r) { return r.kind == "per-col" || r.kind == "parts"; }
  static bool decide(const ProfileRule& r, std::string_view row, std::string_view col) {
    return r.kind == "per-col"    ? in_terms(r, row)
           : r.kind == "per-row"  ? in_terms(r, col)
           : r.kind == "parts"    ? in_parts(r, row)
           : r.kind == "not-less" ? in_terms(r, col)
                                  : std::find(r.except.begin(), r.except.end(), col) == r.except.end();
  }

  const ProfileTable& table_;
  std::vector<const ProfileRule*> rules_;
  std::vector<std::vector<char>> col_part_;  // [column of the table][rule]
  std::vector<char> row_part_;               // [rule], for the current row
};

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
  std::size_t cells = 0;
  for (const auto& t : p.tables)
    for (const auto& r : t.rows) cells += r.cols.size() + t.cols.size() + 1;
  out.reserve(out.size() + cells);  // an upper bound: a row takes at most its own and the extra columns
  for (const auto& t : p.tables) {
    // Built for every process (reports.csv and codebook.csv need it): what every cell of the
    // table looks up is found once per table or row rather than once per cell.
    TableRules rules(p, t);
    std::vector<const CodeLabel*> col_labels;
    for (const auto& c : t.cols) col_labels.push_back(p.label("col", t.code, c.code));
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
      const std::string variants = joined(r.variants);
      rules.set_row(r.code);
      for (const auto& cc : cols) {
        std::size_t ci = 0;
        while (ci < t.cols.size() && t.cols[ci].code != cc) ++ci;
        const CodeLabel* cl = ci < t.cols.size() ? col_labels[ci] : nullptr;
        const ProfileColumn* col = ci < t.cols.size() ? &t.cols[ci] : nullptr;
        CodebookEntry e{p.id, "cell", {}, t.code, r.code, cc, {}, {}, !r.unit.empty() ? r.unit : col ? col->unit : "",
                        rules.rules_of(cc), variants};
        e.code.reserve(t.code.size() + r.code.size() + cc.size() + 2);
        e.code.append(t.code).append(".").append(r.code).append(".").append(cc);
        e.label_zh.append(rl ? rl->zh : r.code).append(" / ").append(cl ? cl->zh : cc);
        e.label_en.append(rl ? rl->en : r.code).append(" / ").append(cl ? cl->en : cc);
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

const std::vector<CodebookEntry>& codebook_entries() {
  // A batch needs it for the wide table's columns and for codebook.csv: built once, like the
  // profiles it comes from.
  static const std::vector<CodebookEntry> all = [] {
    std::vector<CodebookEntry> out;
    for (const auto& p : builtin_profiles()) {
      auto part = codebook_entries(p);
      out.insert(out.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
    }
    return out;
  }();
  return all;
}

}  // namespace ogix
