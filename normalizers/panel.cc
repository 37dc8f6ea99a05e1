#include "normalizers/panel.h"

#include <algorithm>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "normalizers/cell_value.h"
#include "profiles/profile.h"

namespace ogix {

namespace {

// The spec's mapping: for each panel column, the operands in ogi-2019/2021 and in ogi-legacy
// (table.row.col; "x.*" is a family of rows; an empty list means the profile does not report it).
struct PanelSource {
  std::vector<std::string> modern, legacy;
};

const std::array<PanelSource, kPanelColumns.size()>& panel_sources() {
  static const std::array<PanelSource, kPanelColumns.size()> sources = {{
      {{"applications.new_received.total"}, {"indicators.requests_received.current"}},
      {{"applications.carried_over.total"}, {}},
      {{"applications.granted.total"}, {"indicators.replies.granted.current"}},
      {{"applications.partially_granted.total"}, {"indicators.replies.partially_granted.current"}},
      {{"applications.denied.*.total"}, {"indicators.replies.refused.current"}},
      {{"applications.unavailable.not_held.total"},
       {"indicators.replies.not_this_agency.current", "indicators.replies.not_exist.current"}},
      {{}, {"indicators.replies.already_public.current"}},
      {{"applications.total_processed.total"}, {"indicators.replies_total.current"}},
      {{"review_litigation.administrative_review.total"}, {"indicators.review_total.current"}},
      {{"review_litigation.administrative_review.corrected"}, {"indicators.review.corrected.current"}},
      {{"review_litigation.litigation_direct.total", "review_litigation.litigation_after_review.total"},
       {"indicators.litigation_total.current"}},
      {{"review_litigation.litigation_direct.corrected", "review_litigation.litigation_after_review.corrected"},
       {"indicators.litigation.corrected.current"}},
      {{}, {"indicators.proactive_total.current"}},
  }};
  return sources;
}

// "table.row.col" → its three parts; row codes may hold dots themselves (replies.refused).
bool split_code(const std::string& code, std::string& table, std::string& row, std::string& col) {
  auto a = code.find('.'), b = code.rfind('.');
  if (a == std::string::npos || a == b) return false;
  table = code.substr(0, a);
  row = code.substr(a + 1, b - a - 1);
  col = code.substr(b + 1);
  return true;
}

}  // namespace

PanelRow panel_row(const Document& doc, const std::string& document) {
  PanelRow out;
  const Metadata& m = doc.meta;
  out.source = m.source;
  out.document = document;
  out.profile = doc.profile;
  out.agency = m.agency;
  out.agency_key = m.agency_key;
  out.agency_level = m.agency_level;
  out.year = m.year;
  for (const auto& r : doc.rules)
    if (r.result == RuleResult::fail) ++out.rules_fail;

  // Views of the document's own strings (it outlives this call): no three copies per cell. They
  // order as the strings do. A sorted vector, not a map (a node per cell): a key seen twice keeps
  // its last cell, as assigning into a map in document order did.
  using Key = std::tuple<std::string_view, std::string_view, std::string_view>;
  std::vector<std::pair<Key, const CanonicalCell*>> cells;
  cells.reserve(doc.cells.size());
  for (const auto& c : doc.cells)
    if (!c.extra || c.row.rfind("extra_", 0) != 0) cells.emplace_back(Key{c.table, c.row, c.col}, &c);
  auto key_less = [](const auto& a, const auto& b) { return a.first < b.first; };
  std::stable_sort(cells.begin(), cells.end(), key_less);
  std::size_t kept = 0;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i + 1 < cells.size() && cells[i + 1].first == cells[i].first) continue;  // a later one wins
    cells[kept++] = cells[i];
  }
  cells.resize(kept);

  bool legacy = doc.profile == "ogi-legacy";
  bool modern = doc.profile == "ogi-2019" || doc.profile == "ogi-2021";
  std::string notes;
  for (std::size_t k = 0; k < kPanelColumns.size(); ++k) {
    const auto& terms = legacy ? panel_sources()[k].legacy : modern ? panel_sources()[k].modern : std::vector<std::string>{};
    if (terms.empty()) continue;  // not reported in this profile (or profile none)
    long long sum = 0;
    bool ok = true;
    for (const auto& term : terms) {
      std::string table, row, col;
      if (!split_code(term, table, row, col)) continue;
      std::vector<const CanonicalCell*> operands;
      if (is_family_term(row)) {
        for (const auto& [key, cell] : cells)
          if (std::get<0>(key) == table && term_names_code(row, std::get<1>(key)) && std::get<2>(key) == col)
            operands.push_back(cell);
      } else {
        const Key key{table, row, col};
        auto it = std::lower_bound(cells.begin(), cells.end(), key, [](const auto& e, const Key& k) { return e.first < k; });
        if (it != cells.end() && it->first == key) operands.push_back(it->second);
      }
      if (operands.empty()) {
        ok = false;
        notes += (notes.empty() ? "" : ";") + std::string("missing:") + term;
        continue;
      }
      for (const auto* c : operands) {
        long long v = 0;
        if (c->status != CellStatus::number || !decimal_to_micros(c->value, &v)) {
          ok = false;
          notes += (notes.empty() ? "" : ";") + std::string(status_name(c->status)) + ":" + c->table + "." + c->row + "." +
                   c->col;
          continue;
        }
        sum += v;
      }
    }
    if (ok) out.values[k] = micros_to_decimal(sum);
  }
  out.notes = std::move(notes);
  return out;
}

void DuplicateKeyCounter::count(const PanelRow& r) {
  if (!r.agency_key.empty() && !r.year.empty()) ++count_[{r.agency_key, r.year}];
}

bool DuplicateKeyCounter::is_duplicate(const PanelRow& r) const {
  if (r.agency_key.empty() || r.year.empty()) return false;
  auto it = count_.find({r.agency_key, r.year});
  return it != count_.end() && it->second > 1;
}

void mark_duplicate_keys(std::vector<PanelRow>& rows) {
  DuplicateKeyCounter counter;
  for (const auto& r : rows) counter.count(r);
  for (auto& r : rows) r.duplicate_key = counter.is_duplicate(r);
}

}  // namespace ogix
