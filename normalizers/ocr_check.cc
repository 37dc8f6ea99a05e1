// OCR digit checks: which rules a cell takes part in is found by changing its value and seeing
// which rule outcomes move, so the rules stay in one place (normalizers/rules.cc).
#include "normalizers/ocr_check.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "normalizers/cell_value.h"
#include "normalizers/rules.h"

namespace ogix {
namespace {

// Below this confidence (0..100, the least sure word of the cell) a number is reported.
constexpr float kLowConfidence = 75;
// An alternative a character was read as must have at least this probability to be tried.
constexpr float kMinChoice = 0.02f;
// Candidate readings tried per cell (one or two characters changed).
constexpr std::size_t kMaxCandidates = 64;

std::string fmt_conf(float c) {
  char b[16];
  std::snprintf(b, sizeof b, "%.0f", static_cast<double>(c));
  return b;
}

// The reading whose box lies inside the cell's source box (same page).
const OcrReading* reading_for(const CanonicalCell& c, const std::vector<OcrReading>& readings) {
  for (const auto& s : c.from) {
    if (s.page <= 0) continue;
    for (const auto& r : readings) {
      if (r.from.page != s.page) continue;
      const double cx = (r.from.x0 + r.from.x1) / 2, cy = (r.from.y0 + r.from.y1) / 2;
      if (cx >= s.x0 - 1 && cx <= s.x1 + 1 && cy >= s.y0 - 1 && cy <= s.y1 + 1) return &r;
    }
  }
  return nullptr;
}

using RuleKey = std::tuple<int, std::string, std::string>;

std::map<RuleKey, RuleOutcome> evaluate(const Document& doc, const std::vector<CanonicalCell>& cells) {
  Document d;
  d.profile = doc.profile;
  d.cells = cells;
  check_rules(d);
  std::map<RuleKey, RuleOutcome> out;
  for (auto& r : d.rules) out[{r.rule, r.table, r.scope}] = r;
  return out;
}

bool same(const RuleOutcome& a, const RuleOutcome& b) { return a.result == b.result && a.lhs == b.lhs && a.rhs == b.rhs; }

// Readings of a number cell OCR offers besides its best one: its whole other readings, and one or
// two digit characters replaced by a digit alternative of that character. Only what OCR read,
// never a digit added.
std::vector<std::string> alternatives(const OcrReading& r, const std::string& value) {
  std::vector<std::string> out;
  // The reading's characters must be the value's (a plain integer or decimal as read).
  std::string best;
  for (const auto& s : r.symbols) best += s.text;
  if (best != value) return out;
  // A whole other reading first: another segmentation of the crop can see a digit the first one
  // split or merged (746 read 7416), which no per-character alternative offers.
  for (const auto& o : r.other_readings)
    if (r.digits_only && o != value && std::find(out.begin(), out.end(), o) == out.end()) out.push_back(o);
  std::vector<std::vector<std::string>> opts(r.symbols.size());
  for (std::size_t i = 0; i < r.symbols.size(); ++i)
    for (const auto& [t, p] : r.symbols[i].choices)
      if (p >= kMinChoice && t.size() == 1 && t[0] >= '0' && t[0] <= '9' && t != r.symbols[i].text &&
          std::find(opts[i].begin(), opts[i].end(), t) == opts[i].end())
        opts[i].push_back(t);
  for (std::size_t i = 0; i < opts.size() && out.size() < kMaxCandidates; ++i)
    for (const auto& a : opts[i]) {
      std::string v = value;
      v.replace(i, 1, a);
      out.push_back(v);
      for (std::size_t j = i + 1; j < opts.size() && out.size() < kMaxCandidates; ++j)
        for (const auto& b : opts[j]) {
          std::string w = v;
          w.replace(j, 1, b);
          out.push_back(w);
        }
    }
  if (out.size() > kMaxCandidates) out.resize(kMaxCandidates);
  return out;
}

// A canonical number without leading zeros (what cell_value makes of a digit string).
bool plain_number(const std::string& v) {
  if (v.empty() || (v.size() > 1 && v[0] == '0' && v[1] != '.')) return false;
  long long m = 0;
  return decimal_to_micros(v, &m);
}

}  // namespace

void check_ocr_cells(Document& doc) {
  if (doc.ocr_readings.empty() || doc.cells.empty()) return;
  std::vector<const OcrReading*> read(doc.cells.size(), nullptr);
  for (std::size_t i = 0; i < doc.cells.size(); ++i) {
    const CanonicalCell& c = doc.cells[i];
    if (c.status == CellStatus::number) {
      read[i] = reading_for(c, doc.ocr_readings);
    } else if (c.status == CellStatus::text) {
      // Words where a number was expected: OCR may have misread the digits.
      if (const OcrReading* r = reading_for(c, doc.ocr_readings))
        doc.add_finding("ocr.low_confidence", Severity::warning,
                        "OCR read '" + r->text + "' (confidence " + fmt_conf(r->confidence) + ") where a number may stand",
                        c.table + "/" + c.row + "/" + c.col);
    }
  }

  // Blank cells on OCR'd pages may be digits OCR did not see: for the checks they count as 0, so a
  // rule they leave unchecked is still tested (and a failure reported, never "fixed" by them).
  std::set<int> ocr_pages;
  for (const auto& r : doc.ocr_readings) ocr_pages.insert(r.from.page);
  std::vector<char> blank(doc.cells.size(), 0);
  for (std::size_t i = 0; i < doc.cells.size(); ++i) {
    const CanonicalCell& c = doc.cells[i];
    if (c.status == CellStatus::blank && !c.from.empty() && ocr_pages.count(c.from.front().page)) blank[i] = 1;
  }
  // Likewise a row OCR misread into a missing one, or a cell read as words, must not leave the
  // numbers beside it unchecked: for reporting (never for corrections) they count as 0 too.
  auto filled = [&](std::vector<CanonicalCell> cells) {
    for (std::size_t i = 0; i < cells.size(); ++i)
      if (blank[i] || cells[i].status == CellStatus::missing || cells[i].status == CellStatus::text)
        cells[i].status = CellStatus::number, cells[i].value = "0";
    return cells;
  };
  const auto base = evaluate(doc, doc.cells);
  const auto base_filled = evaluate(doc, filled(doc.cells));
  // The rules each OCR number cell takes part in: those whose sides move when its value does.
  std::vector<std::vector<RuleKey>> involved(doc.cells.size());
  for (std::size_t i = 0; i < doc.cells.size(); ++i) {
    if (!read[i] && !blank[i]) continue;
    std::vector<CanonicalCell> probe = filled(doc.cells);
    long long m = 0;
    if (!decimal_to_micros(probe[i].value, &m)) continue;
    probe[i].value = micros_to_decimal(m + 1000003LL * 1000000LL);
    for (const auto& [k, o] : evaluate(doc, probe))
      if (auto it = base_filled.find(k); it != base_filled.end() && !same(it->second, o)) involved[i].push_back(k);
  }
  auto fails = [&](std::size_t i, const std::map<RuleKey, RuleOutcome>& rules) {
    for (const auto& k : involved[i])
      if (auto it = rules.find(k); it != rules.end() && it->second.result == RuleResult::fail) return true;
    return false;
  };

  // Corrections: a changed reading that makes all of the cell's rules hold and breaks none.
  struct Fix {
    std::size_t cell;
    std::string value;
  };
  std::vector<Fix> fixes;
  // A cell is corrected only when it is the one doubtful operand of a failing rule: every other OCR
  // cell of that rule was read confidently, so the rule alone decides the cell's value (two doubtful
  // digits could each "repair" a sum the other broke). Its other rules must hold with that value
  // too; a doubtful cell beside it in another failing rule (a column with another unsure 1) does
  // not stop it, as the value is fixed by the first rule and not chosen to suit the second.
  auto sole_suspect = [&](std::size_t i) {
    for (const auto& k : involved[i]) {
      if (base.at(k).result != RuleResult::fail) continue;
      bool alone = true;
      for (std::size_t j = 0; j < doc.cells.size() && alone; ++j)
        if (j != i && read[j] && std::find(involved[j].begin(), involved[j].end(), k) != involved[j].end() &&
            read[j]->confidence < std::max(kLowConfidence, read[i]->confidence))
          alone = false;
      if (alone) return true;
    }
    return false;
  };
  for (std::size_t i = 0; i < doc.cells.size(); ++i) {
    if (!read[i] || !fails(i, base) || !sole_suspect(i)) continue;
    for (const auto& v : alternatives(*read[i], doc.cells[i].value)) {
      if (!plain_number(v)) continue;
      std::vector<CanonicalCell> trial = doc.cells;
      trial[i].value = v;
      const auto after = evaluate(doc, trial);
      bool ok = true;
      for (const auto& k : involved[i]) ok = ok && after.at(k).result == RuleResult::pass;
      for (const auto& [k, o] : after)
        ok = ok && !(o.result == RuleResult::fail && base.at(k).result != RuleResult::fail);
      if (ok) fixes.push_back(Fix{i, v});
    }
  }
  // Exactly one combination: a fix stands only when no other fix (another value, or another cell)
  // touches any rule it repairs.
  std::vector<Fix> applied;
  for (std::size_t a = 0; a < fixes.size(); ++a) {
    bool unique = true;
    for (std::size_t b = 0; b < fixes.size() && unique; ++b) {
      if (a == b) continue;
      for (const auto& k : involved[fixes[a].cell])
        if (std::find(involved[fixes[b].cell].begin(), involved[fixes[b].cell].end(), k) != involved[fixes[b].cell].end() &&
            base.at(k).result == RuleResult::fail)
          unique = false;
    }
    if (unique) applied.push_back(fixes[a]);
  }
  for (const auto& f : applied) {
    CanonicalCell& c = doc.cells[f.cell];
    const std::string was = c.value;
    c.value = f.value;
    c.raw = f.value;
    doc.add_finding("ocr.corrected_by_rule", Severity::warning,
                    "OCR read " + was + " (confidence " + fmt_conf(read[f.cell]->confidence) + "); its alternative reading " +
                        f.value + " is the only one that makes the rules of this cell hold, and was used",
                    c.table + "/" + c.row + "/" + c.col);
  }
  if (!applied.empty()) {
    // The rules again, on the corrected values.
    doc.rules.clear();
    std::vector<Finding> kept;
    for (auto& f : doc.findings)
      if (f.code != "rule.fail") kept.push_back(std::move(f));
    doc.findings = std::move(kept);
    check_rules(doc);
  }
  const auto now = evaluate(doc, filled(doc.cells));
  for (std::size_t i = 0; i < doc.cells.size(); ++i) {
    if (!read[i] && !blank[i]) continue;
    const CanonicalCell& c = doc.cells[i];
    const std::string where = c.table + "/" + c.row + "/" + c.col;
    if (blank[i]) {
      if (fails(i, now))
        doc.add_finding("ocr.rule_fail", Severity::warning,
                        "OCR read no digits in this cell, and its rule fails when it counts as 0: a number may be missed", where);
      continue;
    }
    bool corrected = false;
    for (const auto& f : applied) corrected = corrected || f.cell == i;
    if (involved[i].empty() && read[i]->confidence >= kLowConfidence)
      // No rule can confirm what OCR read here (a lost minus sign, a 3 read as 8): say so.
      doc.add_finding("ocr.unchecked", Severity::info,
                      "OCR read " + c.value + " (confidence " + fmt_conf(read[i]->confidence) + "); no rule checks this cell", where);
    else if (fails(i, now))
      doc.add_finding("ocr.rule_fail", Severity::warning,
                      "OCR read " + c.value + " (confidence " + fmt_conf(read[i]->confidence) +
                          ") in a cell whose rule fails (blank, missing or text cells counted as 0): the digits, or the row they were mapped to, may be wrong",
                      where);
    else if (!corrected && read[i]->confidence < kLowConfidence)
      doc.add_finding("ocr.low_confidence", Severity::warning,
                      "OCR read " + c.value + " with confidence " + fmt_conf(read[i]->confidence), where);
  }
}

void report_approximate_label(Document& doc, const std::string& read_as, const std::string& table, const std::string& row) {
  doc.add_finding("ocr.label_approximate", Severity::warning,
                  "the row label OCR read as '" + read_as + "' is taken for " + table + "/" + row +
                      " by approximate matching (a misread character or two)",
                  table + "/" + row);
}

}  // namespace ogix
