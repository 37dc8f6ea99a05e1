#include "normalizers/run_splits.h"

#include <algorithm>
#include <map>
#include <set>

#include "normalizers/cell_value.h"
#include "text/unicode.h"

namespace ogix {

namespace {

// ---------------------------------------------------------------------------------------------
// Splitting one run.

// A part as a cell may hold it: [-]digits[.digits], no leading zero except "0" / "0.x".
bool valid_part(std::string_view p) {
  if (!p.empty() && p[0] == '-') p.remove_prefix(1);
  if (p.empty() || p.front() == '.' || p.back() == '.') return false;
  if (std::count(p.begin(), p.end(), '.') > 1 || p.find('-') != std::string_view::npos) return false;
  if (p[0] == '0' && p.size() > 1 && p[1] != '.') return false;
  return true;
}

struct Enumerator {
  std::string c;               // the run without spaces
  std::vector<char> forced;    // boundary before c[i] forced (a space or a minus sign)
  std::vector<char> allowed;   // boundary before c[i] possible
  int cells = 0;
  std::size_t cap = 0;
  std::size_t steps = 0;       // bounds dead-end exploration too, not only the splits found
  RunSplits* out = nullptr;
  std::vector<std::string> parts;

  void rec(std::size_t start, int k) {
    if (out->capped) return;
    if (++steps > 50 * kMaxSplitsPerRun) {
      out->capped = true;
      return;
    }
    std::size_t n = c.size();
    if (k == cells - 1) {
      for (std::size_t i = start + 1; i < n; ++i)
        if (forced[i]) return;
      std::string_view p(c.data() + start, n - start);
      if (!valid_part(p)) return;
      parts.emplace_back(p);
      out->splits.push_back(parts);
      parts.pop_back();
      if (out->splits.size() >= cap) out->capped = true;
      return;
    }
    std::size_t last = n - static_cast<std::size_t>(cells - 1 - k);
    for (std::size_t end = start + 1; end <= last; ++end) {
      if (end > start + 1 && forced[end - 1]) break;  // a forced boundary inside the part
      if (!allowed[end]) continue;
      std::string_view p(c.data() + start, end - start);
      if (!valid_part(p)) continue;
      parts.emplace_back(p);
      rec(end, k + 1);
      parts.pop_back();
      if (out->capped) return;
    }
  }
};

// ---------------------------------------------------------------------------------------------
// Rules over candidate values.

using Values = std::map<std::pair<std::string, std::string>, long long>;  // (row, col) → micros

bool family_match(const std::string& code, const std::string& fam) {  // fam = "x.*"
  std::string prefix = fam.substr(0, fam.size() - 1);
  return code.compare(0, prefix.size(), prefix) == 0;
}

// Expands a per-col term into row codes present in `rows`; false when a named row is absent.
bool expand_term(const std::string& term, const std::set<std::string>& rows, std::vector<std::string>* out) {
  std::string t = term;
  std::string alt;
  if (auto bar = t.find('|'); bar != std::string::npos) {
    alt = t.substr(bar + 1);
    t = t.substr(0, bar);
  }
  if (t.size() > 2 && t.compare(t.size() - 2, 2, ".*") == 0) {
    std::size_t before = out->size();
    for (const auto& r : rows)
      if (family_match(r, t)) out->push_back(r);
    if (out->size() > before) return true;
    if (alt.empty()) return true;  // an empty family adds nothing
    t = alt;
  }
  if (!rows.count(t)) return false;
  out->push_back(t);
  return true;
}

// Result of one rule instance: 1 holds, 0 fails, -1 cannot be checked with these values.
int check_per_row(const ProfileRule& rule, const std::string& row, const Values& v) {
  long long l = 0, r = 0;
  for (int side = 0; side < 2; ++side)
    for (const auto& term : side == 0 ? rule.lhs : rule.rhs) {
      auto it = v.find({row, term});
      if (it == v.end()) return -1;
      (side == 0 ? l : r) += it->second;
    }
  return l == r ? 1 : 0;
}

constexpr std::size_t kMaxJointCombinations = 200000;  // beyond: the rows stay ambiguous

bool to_micros(const std::string& s, long long* out) {
  if (s.size() > 15) return false;  // keeps sums of a few dozen cells far from overflow
  return decimal_to_micros(s, out);
}

}  // namespace

RunSplits enumerate_splits(std::string_view run, int cells, std::size_t cap) {
  RunSplits out;
  if (cells <= 0 || cap == 0) return out;
  Enumerator e;
  bool space = false;
  for (char ch : run) {
    if (ch == ' ') {
      space = !e.c.empty();
      continue;
    }
    if (!is_ascii_digit(ch) && ch != '.' && ch != '-') return out;
    e.forced.push_back(space || (ch == '-' && !e.c.empty()));
    e.c.push_back(ch);
    space = false;
  }
  std::size_t n = e.c.size();
  if (n < static_cast<std::size_t>(cells)) return out;
  std::size_t digits = static_cast<std::size_t>(std::count_if(e.c.begin(), e.c.end(), is_ascii_digit));
  if (digits == n && n == static_cast<std::size_t>(cells)) {  // one digit a cell: forced
    std::vector<std::string> parts;
    for (char ch : e.c) parts.emplace_back(1, ch);
    out.splits.push_back(std::move(parts));
    return out;
  }
  if (digits > kMaxRunDigits) {
    out.capped = true;
    return out;
  }
  e.allowed.assign(n + 1, 0);
  e.allowed[n] = 1;
  for (std::size_t i = 1; i < n; ++i)
    e.allowed[i] = e.forced[i] || (e.c[i] != '.' && e.c[i - 1] != '.' && e.c[i - 1] != '-');
  e.forced.push_back(1);
  e.cells = cells;
  e.cap = cap;
  e.out = &out;
  e.rec(0, 0);
  return out;
}

std::vector<RunDecision> split_runs(const Profile& profile, const std::string& table, const std::vector<RunSlots>& runs) {
  std::vector<RunDecision> out(runs.size());
  std::vector<const ProfileRule*> per_row, per_col;
  for (const auto& r : profile.rules) {
    if (r.table != table) continue;
    if (r.kind == "per-row") per_row.push_back(&r);
    if (r.kind == "per-col") per_col.push_back(&r);
  }
  std::set<std::string> rows_present, cols_present;
  for (const auto& run : runs)
    for (const auto& [row, col] : run.slots) {
      rows_present.insert(row);
      cols_present.insert(col);
    }
  // Candidates per run, as values, after the forced-split and per-row steps.
  std::vector<std::vector<std::vector<std::string>>> cand(runs.size());
  std::vector<std::vector<Values>> cand_values(runs.size());
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const auto& slots = runs[i].slots;
    RunSplits rs = enumerate_splits(runs[i].run, static_cast<int>(slots.size()));
    out[i].capped = rs.capped;
    if (rs.capped) continue;  // too many to judge: ambiguous
    if (rs.splits.size() == 1) {  // forced by the text itself, whatever the rules say
      out[i].cells = rs.splits.front();
      out[i].candidates = 1;
    }
    for (auto& split : rs.splits) {
      Values v;
      bool numeric = true;
      for (std::size_t k = 0; k < slots.size(); ++k) {
        long long m = 0;
        if (!to_micros(split[k], &m)) numeric = false;
        v[slots[k]] = m;
      }
      // A part too long to add up cannot take part in a sum rule: such a candidate is not consistent.
      bool ok = numeric || (per_row.empty() && per_col.empty());
      if (!per_row.empty()) {
        std::set<std::string> rows;
        for (const auto& s : slots) rows.insert(s.first);
        for (const auto* rule : per_row)
          for (const auto& row : rows) {
            bool applies = true;  // only where the run holds every term of the rule
            for (const auto* side : {&rule->lhs, &rule->rhs})
              for (const auto& t : *side) applies = applies && v.count({row, t});
            if (!applies) continue;
            if (!numeric || check_per_row(*rule, row, v) != 1) ok = false;
          }
      }
      if (ok) {
        cand[i].push_back(split);
        cand_values[i].push_back(std::move(v));
      }
    }
    if (out[i].candidates == 1) {  // keep the forced split's values for the joint step
      if (cand[i].size() != 1) {
        cand[i] = {out[i].cells};
        Values v;
        long long m = 0;
        for (std::size_t k = 0; k < slots.size(); ++k) v[slots[k]] = to_micros(out[i].cells[k], &m) ? m : 0;
        cand_values[i] = {v};
      }
      continue;
    }
    out[i].candidates = cand[i].size();
    if (cand[i].size() == 1) out[i].cells = cand[i].front();
  }
  // Joint step: per-column rules across runs, over every combination of the undecided runs.
  // Slots get indices so each combination costs a few hundred additions, not map copies.
  std::map<std::pair<std::string, std::string>, std::size_t> slot_index;
  std::vector<long long> value;
  std::vector<std::size_t> vars;
  std::size_t product = 1;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (cand[i].empty()) continue;
    for (const auto& [key, m] : cand_values[i].front()) {
      slot_index.emplace(key, value.size());
      value.push_back(m);
    }
    if (cand[i].size() > 1) {
      vars.push_back(i);
      product = std::min<std::size_t>(product * cand[i].size(), 1u << 30);
    }
  }
  if (vars.empty() || per_col.empty() || product > kMaxJointCombinations) return out;
  struct Instance {
    std::vector<std::size_t> lhs, rhs;
  };
  std::vector<Instance> instances;
  for (const auto* rule : per_col) {
    std::vector<std::string> lrows, rrows;
    bool ok = true;
    for (const auto& t : rule->lhs) ok = ok && expand_term(t, rows_present, &lrows);
    for (const auto& t : rule->rhs) ok = ok && expand_term(t, rows_present, &rrows);
    if (!ok) continue;  // a row the rule names is not in the text
    for (const auto& col : cols_present) {
      Instance in;
      bool known = true;
      for (int side = 0; side < 2 && known; ++side)
        for (const auto& row : side == 0 ? lrows : rrows) {
          auto it = slot_index.find({row, col});
          if (it == slot_index.end()) {
            known = false;  // an operand left undecided: this column cannot be checked
            break;
          }
          (side == 0 ? in.lhs : in.rhs).push_back(it->second);
        }
      if (known) instances.push_back(std::move(in));
    }
  }
  // Each variable run's candidates as (slot, value) lists.
  std::vector<std::vector<std::vector<std::pair<std::size_t, long long>>>> var_writes(vars.size());
  for (std::size_t k = 0; k < vars.size(); ++k)
    for (const auto& cv : cand_values[vars[k]]) {
      var_writes[k].emplace_back();
      for (const auto& [key, m] : cv) var_writes[k].back().emplace_back(slot_index.at(key), m);
    }
  std::vector<std::set<std::size_t>> seen(vars.size());
  std::vector<std::size_t> pick(vars.size(), 0);
  bool any = false;
  for (std::size_t combo = 0; combo < product; ++combo) {
    for (std::size_t k = 0; k < vars.size(); ++k)
      for (const auto& [slot, m] : var_writes[k][pick[k]]) value[slot] = m;
    bool ok = true;
    for (const auto& in : instances) {
      long long l = 0, r = 0;
      for (auto x : in.lhs) l += value[x];
      for (auto x : in.rhs) r += value[x];
      if (l != r) {
        ok = false;
        break;
      }
    }
    if (ok) {
      any = true;
      for (std::size_t k = 0; k < vars.size(); ++k) seen[k].insert(pick[k]);
    }
    for (std::size_t k = 0; k < vars.size(); ++k) {  // next combination (odometer)
      if (++pick[k] < cand[vars[k]].size()) break;
      pick[k] = 0;
    }
  }
  if (!any) return out;  // the source's own sums do not hold: the column rules cannot decide
  for (std::size_t k = 0; k < vars.size(); ++k) {
    auto& d = out[vars[k]];
    d.candidates = seen[k].size();
    if (seen[k].size() == 1) d.cells = cand[vars[k]][*seen[k].begin()];
  }
  return out;
}

}  // namespace ogix
