#include "normalizers/rules.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "model/rule_detail.h"
#include "normalizers/cell_value.h"
#include "profiles/profile.h"

namespace ogix {

namespace {

// (row, col) → cell. Views into the document's cells, which outlive the index: a lookup builds no
// string copies (two allocations per probe of a long code, thousands of probes a document).
using CellIndex = std::map<std::pair<std::string_view, std::string_view>, const CanonicalCell*>;

// Rows of the profile table named by a term: "code", "family.*", or "a.*|b".
std::vector<std::string> expand_term(const ProfileTable& pt, const std::string& term, const std::string& col,
                                     const CellIndex& cells) {
  auto family = [&](const std::string& f) {
    std::vector<std::string> out;
    for (const auto& r : pt.rows)
      if (!r.extra && term_names_code(f, r.code)) out.push_back(r.code);
    return out;
  };
  auto present = [&](const std::string& row) {
    auto it = cells.find({row, col});
    return it != cells.end() && it->second->status != CellStatus::missing;
  };
  auto bar = term.find('|');
  if (bar != std::string::npos) {
    std::string first = term.substr(0, bar), second = term.substr(bar + 1);
    std::vector<std::string> a = is_family_term(first) ? family(first) : std::vector<std::string>{first};
    bool any = std::any_of(a.begin(), a.end(), present);
    if (any || !present(second)) return a;
    return {second};
  }
  if (is_family_term(term)) return family(term);
  return {term};
}

struct Side {
  long long micros = 0;
  std::string text;        // "a + b" with values
  std::string unchecked;   // first operand that is not a number
};

// (row, col) operands as views of strings that outlive the sum (profile codes, a rule's row list).
using Operands = std::vector<std::pair<std::string_view, std::string_view>>;

Side sum_side(const Operands& operands, const CellIndex& cells) {
  Side s;
  for (const auto& [row, col] : operands) {
    auto it = cells.find({row, col});
    if (it == cells.end()) {
      if (s.unchecked.empty()) s.unchecked = std::string(row) + "/" + std::string(col) + " is missing";
      continue;
    }
    const CanonicalCell& c = *it->second;
    long long v = 0;
    if (c.status != CellStatus::number || !decimal_to_micros(c.value, &v)) {
      if (s.unchecked.empty()) s.unchecked = std::string(row) + "/" + std::string(col) + " is " + status_name(c.status);
      continue;
    }
    s.micros += v;
    if (!s.text.empty()) s.text += " + ";
    s.text += c.value;
  }
  return s;
}

}  // namespace

void check_rules(Document& doc) {
  const Profile* p = find_profile(doc.profile);
  if (!p) return;
  std::map<std::string, CellIndex> by_table;
  for (const auto& c : doc.cells) by_table[c.table][{c.row, c.col}] = &c;

  for (const auto& rule : p->rules) {
    const ProfileTable* pt = p->table(rule.table);
    if (!pt) continue;
    std::size_t first_outcome = doc.rules.size();
    const CellIndex& cells = by_table[rule.table];
    auto record = [&](const std::string& scope, const std::vector<std::string>& lhs_codes,
                      const std::vector<std::string>& rhs_codes, const Side& l, const Side& r) {
      RuleOutcome o;
      o.rule = rule.number;
      o.table = rule.table;
      o.scope = scope;
      if (!l.unchecked.empty() || !r.unchecked.empty()) {
        o.result = RuleResult::unchecked;
        o.detail = !l.unchecked.empty() ? l.unchecked : r.unchecked;
      } else {
        o.lhs = micros_to_decimal(l.micros);
        o.rhs = micros_to_decimal(r.micros);
        o.result = l.micros == r.micros ? RuleResult::pass : RuleResult::fail;
        o.detail = sum_rule_detail(lhs_codes, rhs_codes, l.text, o.lhs, r.text, o.rhs);
        if (o.result == RuleResult::fail)
          doc.add_finding("rule.fail", Severity::warning,
                          "rule " + rule.id + " fails on " + rule.table + " " + scope + ": " +
                              o.lhs + " ≠ " + o.rhs + " (" + o.detail + ")",
                          rule.table + "/" + scope);
      }
      doc.rules.push_back(std::move(o));
    };
    if (rule.kind == "per-col") {
      // Every column the table has cells in, in profile column order.
      for (const auto& pc : pt->cols) {
        bool has = false;
        for (const auto& [key, c] : cells) has = has || (key.second == pc.code && c->status != CellStatus::missing);
        if (!has && pc.extra) continue;
        std::vector<std::string> lrows, rrows;
        for (const auto& t : rule.lhs)
          for (auto& r : expand_term(*pt, t, pc.code, cells)) lrows.push_back(std::move(r));
        for (const auto& t : rule.rhs)
          for (auto& r : expand_term(*pt, t, pc.code, cells)) rrows.push_back(std::move(r));
        // Views of the finished row lists: no copy of each row code for the sums.
        Operands lo, ro;
        for (const auto& r : lrows) lo.emplace_back(r, pc.code);
        for (const auto& r : rrows) ro.emplace_back(r, pc.code);
        record(pc.code, lrows, rrows, sum_side(lo, cells), sum_side(ro, cells));
      }
    } else if (rule.kind == "per-row") {
      const std::string& lhs_col = rule.lhs.at(0);
      for (const auto& pr : pt->rows) {
        auto it = cells.find({pr.code, lhs_col});
        if (it == cells.end()) continue;  // the row has no such column (an extra column absent)
        if (pr.extra && it->second->status == CellStatus::missing) continue;
        Operands lo, ro;
        for (const auto& c : rule.lhs) lo.emplace_back(pr.code, c);
        for (const auto& c : rule.rhs) ro.emplace_back(pr.code, c);
        std::string scope = lhs_col == "total" ? pr.code : pr.code + "/" + lhs_col;
        record(scope, rule.lhs, rule.rhs, sum_side(lo, cells), sum_side(ro, cells));
      }
    } else if (rule.kind == "parts") {
      // Indicator tables list a subset of the indicators: the parts are the rows the source has
      // ("x.*" = x's rows one level down), checked per period column the table has.
      const std::string& whole = rule.lhs.at(0);
      std::set<std::string_view> cols;
      for (const auto& [key, c] : cells) cols.insert(key.second);
      for (const auto& pc : pt->cols) {
        if (!cols.count(pc.code) || !cells.count({whole, pc.code})) continue;
        Operands parts;
        std::vector<std::string> names;
        for (const auto& t : rule.rhs) {
          for (const auto& pr : pt->rows) {
            if (term_names_code(t, pr.code, /*one_level=*/true) && cells.count({pr.code, pc.code})) {
              parts.emplace_back(pr.code, pc.code);
              names.push_back(pr.code);
            }
          }
        }
        Side l = sum_side({{whole, pc.code}}, cells), r = sum_side(parts, cells);
        if (parts.size() < 2 && r.unchecked.empty()) r.unchecked = "fewer than two parts present";
        record(whole + "/" + pc.code, {whole}, names, l, r);
      }
    } else if (rule.kind == "not-less") {
      const std::string &big = rule.lhs.at(0), &small = rule.rhs.at(0);
      for (const auto& pr : pt->rows) {
        auto b = cells.find({pr.code, big}), s = cells.find({pr.code, small});
        if (b == cells.end() || s == cells.end()) continue;
        RuleOutcome o{rule.number, rule.table, pr.code, RuleResult::unchecked, {}, {}, {}, {}};
        long long bv = 0, sv = 0;
        if (b->second->status != CellStatus::number || !decimal_to_micros(b->second->value, &bv)) {
          o.detail = pr.code + "/" + big + " is " + status_name(b->second->status);
        } else if (s->second->status != CellStatus::number || !decimal_to_micros(s->second->value, &sv)) {
          o.detail = pr.code + "/" + small + " is " + status_name(s->second->status);
        } else {
          o.lhs = b->second->value;
          o.rhs = s->second->value;
          o.result = bv >= sv ? RuleResult::pass : RuleResult::fail;
          o.detail = not_less_rule_detail(big, small, o.lhs, o.rhs);
          if (o.result == RuleResult::fail)
            doc.add_finding("rule.fail", Severity::warning,
                            "rule " + rule.id + " fails on " + rule.table + " " + pr.code + ": " +
                                big + " " + o.lhs + " < " + small + " " + o.rhs,
                            rule.table + "/" + pr.code);
        }
        doc.rules.push_back(std::move(o));
      }
    } else if (rule.kind == "nonneg" || rule.kind == "integer") {
      for (const auto& pr : pt->rows) {
        bool all_exempt = std::all_of(pr.cols.begin(), pr.cols.end(), [&](const std::string& c) {
          return std::find(rule.except.begin(), rule.except.end(), c) != rule.except.end();
        });
        if (all_exempt) continue;  // e.g. the fee row under "integer": money may have decimals
        RuleOutcome o{rule.number, rule.table, pr.code + "/" + rule.kind, RuleResult::pass, {}, {}, {}, {}};
        bool any = false;
        for (const auto& col : pr.cols) {
          if (std::find(rule.except.begin(), rule.except.end(), col) != rule.except.end()) continue;
          auto it = cells.find({pr.code, col});
          if (it == cells.end() || it->second->status != CellStatus::number) continue;
          any = true;
          const std::string& v = it->second->value;
          bool bad = rule.kind == "nonneg" ? (!v.empty() && v[0] == '-') : v.find('.') != std::string::npos;
          if (bad) {
            o.result = RuleResult::fail;
            append_value_check(o.detail, col, v);
          }
        }
        if (!any) {
          o.result = RuleResult::unchecked;
          o.detail = "no number cells";
        } else if (o.result == RuleResult::fail) {
          doc.add_finding("rule.fail", Severity::warning,
                          "rule " + rule.id + " fails on " + rule.table + " " + pr.code + ": " +
                              (rule.kind == "nonneg" ? "negative " : "non-integer ") + o.detail,
                          rule.table + "/" + pr.code);
        }
        doc.rules.push_back(std::move(o));
      }
    }
    for (std::size_t k = first_outcome; k < doc.rules.size(); ++k) doc.rules[k].id = rule.id;
  }
}

}  // namespace ogix
