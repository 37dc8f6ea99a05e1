// Header reading for the profile mapper: the header path over each grid column, the leaf columns of a
// text copy's header lines, and the money unit a header states.
#include "normalizers/profile_mapper_parts.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

#include "model/error.h"
#include "normalizers/cell_value.h"
#include "normalizers/profile_mapper.h"
#include "text/unicode.h"

namespace ogix::mapping {

bool label_in(const std::string& key, const std::string& leaf) {
  if (leaf.empty() || key.size() < leaf.size()) return false;
  if (leaf.size() > 6) return contains(key, leaf);
  return key.compare(0, leaf.size(), leaf) == 0 || key.compare(key.size() - leaf.size(), leaf.size(), leaf) == 0;
}

ColumnMatch match_column(const ProfileTable& table, const std::string& bottom, const std::string& path) {
  ColumnMatch best;
  for (const auto& col : table.cols)
    for (const auto& v : col.variants) {
      if (v.leaf.empty()) continue;
      int s = 0;
      if (label_in(bottom, v.leaf))
        s = 1000 + static_cast<int>(v.leaf.size());
      else if (label_in(path, v.leaf))
        s = static_cast<int>(v.leaf.size());
      if (s > best.score) best = {col.code, s};
    }
  return best;
}

const ColumnMatch& Mapper::HeaderCols::column_match(const ProfileTable& pt, std::size_t c) const {
  auto it = std::find_if(matches_.begin(), matches_.end(), [&](const auto& m) { return m.first == &pt; });
  if (it == matches_.end()) {
    std::vector<ColumnMatch> per_col(path.size());
    for (std::size_t k = 0; k < path.size(); ++k) per_col[k] = match_column(pt, bottom[k], path[k]);
    matches_.emplace_back(&pt, std::move(per_col));
    it = matches_.end() - 1;
  }
  return it->second.at(c);
}

bool header_like(const Profile& p, const std::string& key) {
  if (key.empty()) return false;
  for (const auto& t : p.tables)
    for (const auto& c : t.cols)
      for (const auto& v : c.variants)
        if (!v.leaf.empty() && (key == v.leaf || (v.leaf.size() >= 9 && contains(key, v.leaf))))
          return true;  // 9 bytes = 3 Han characters: long enough not to be a row label's word
  return false;
}

bool Mapper::header_key(const std::string& key) {
  if (auto it = header_like_.find(key); it != header_like_.end()) return it->second;
  const bool answer = header_like(p_, key);
  header_like_.emplace(key, answer);
  return answer;
}

std::vector<std::string> Mapper::line_fields(const std::vector<GridRow>& rows, std::size_t r) const {
  std::vector<std::string> out;
  std::size_t end = row_ends_.at(r);
  for (std::size_t k = 0; k < end && k < rows.at(r).cells.size(); ++k) out.push_back(label_key(rows[r].cells[k]->text));
  return out;
}

std::vector<Mapper::HeaderCols::Leaf> Mapper::header_leaves(const std::vector<GridRow>& rows, const std::vector<std::size_t>& hdr) const {
  using Leaf = HeaderCols::Leaf;
  if (hdr.empty()) return {};
  // 'c' names a column of an allowed table, 'r' names a row of one, 'n' neither.
  auto kind = [&](const std::string& key) {
    for (const ProfileTable* pt : allowed_) {
      if (match_column(*pt, key, key).score >= 1000) return 'c';
      if (row_named_by(*pt, key)) return 'r';
    }
    return 'n';
  };
  auto col_codes = [&](const std::vector<std::string>& keys) {
    std::vector<std::string> out;
    for (const auto& k : keys) {
      std::string code;
      for (const ProfileTable* pt : allowed_) {
        ColumnMatch cm = match_column(*pt, k, k);
        if (cm.score >= 1000) {
          code = cm.code;
          break;
        }
      }
      out.push_back(code);
    }
    return out;
  };
  std::vector<std::string> top = line_fields(rows, hdr[0]);
  while (!top.empty() && top.back().empty()) top.pop_back();  // nothing is merged into the top line
  std::vector<Leaf> nodes;
  for (const auto& k : top) nodes.push_back({k, k});
  for (std::size_t hi = 1; hi < hdr.size(); ++hi) {
    std::vector<std::string> line = line_fields(rows, hdr[hi]);
    // Items: an empty field, or a run of non-empty fields.
    std::vector<std::pair<std::size_t, std::size_t>> runs;  // [begin, end) of each run
    std::size_t empties = 0;
    for (std::size_t k = 0; k < line.size();) {
      if (line[k].empty()) {
        ++empties;
        ++k;
        continue;
      }
      std::size_t e = k;
      while (e < line.size() && !line[e].empty()) ++e;
      runs.emplace_back(k, e);
      k = e;
    }
    if (nodes.size() < empties + runs.size()) return {};
    std::size_t sharing = nodes.size() - empties;  // parents of the runs
    if (runs.empty() ? sharing != 0 : (runs.size() != sharing && runs.size() != 1)) return {};
    std::vector<Leaf> next;
    std::size_t p = 0;
    for (std::size_t k = 0; k < line.size();) {
      if (line[k].empty()) {
        next.push_back(nodes.at(p++));  // the cell above continues down
        ++k;
        continue;
      }
      std::size_t e = k;
      while (e < line.size() && !line[e].empty()) ++e;
      std::size_t parents = runs.size() == 1 ? sharing : 1;
      std::vector<std::string> run(line.begin() + static_cast<long>(k), line.begin() + static_cast<long>(e));
      // Split the run into `parents` consecutive parts.
      std::vector<std::size_t> cuts = {0};
      for (std::size_t i = 1; i < run.size(); ++i)
        if (kind(run[i]) != kind(run[i - 1])) cuts.push_back(i);
      if (cuts.size() != parents) {
        cuts.clear();
        if (run.size() % parents != 0) return {};
        std::size_t w = run.size() / parents;
        std::vector<std::string> codes = col_codes(run);
        for (std::size_t i = 0; i < parents; ++i) {
          if (!std::equal(codes.begin(), codes.begin() + static_cast<long>(w), codes.begin() + static_cast<long>(i * w)))
            return {};
          cuts.push_back(i * w);
        }
        if (std::count(codes.begin(), codes.begin() + static_cast<long>(w), std::string()) != 0) return {};
      }
      cuts.push_back(run.size());
      for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
        const Leaf& parent = nodes.at(p++);
        for (std::size_t j = cuts[i]; j < cuts[i + 1]; ++j) next.push_back({run[j], parent.path + run[j]});
      }
      k = e;
    }
    if (p != nodes.size()) return {};
    nodes = std::move(next);
  }
  return nodes;
}

Mapper::HeaderCols Mapper::header_cols(const Table& t, const std::vector<GridRow>& rows, const std::vector<std::size_t>& hdr) const {
  HeaderCols h;
  if (t.ragged) h.leaves = header_leaves(rows, hdr);
  h.bottom.assign(static_cast<std::size_t>(t.cols), {});
  h.path.assign(static_cast<std::size_t>(t.cols), {});
  h.displaced.assign(static_cast<std::size_t>(t.cols), false);
  std::vector<const Cell*> last(static_cast<std::size_t>(t.cols), nullptr);
  // The header's extent: up to its rightmost labelled column. Empty fields beyond it (a trailing
  // tab on every line of a Word copy) are no columns a header cell can continue over.
  std::size_t extent = 0;
  for (std::size_t r : hdr)
    for (const Cell* c : rows.at(r).cells)
      if (!label_key(c->text).empty()) extent = std::max(extent, static_cast<std::size_t>(c->col + c->col_span));
  for (std::size_t hi = 0; hi < hdr.size(); ++hi) {
    const auto& cells = rows.at(hdr[hi]).cells;
    std::vector<std::string> by_col(static_cast<std::size_t>(t.cols));
    std::vector<const Cell*> owner(static_cast<std::size_t>(t.cols), nullptr);
    for (const Cell* c : cells) {
      h.cell_text.push_back(c->text);
      for (int k = c->col; k < c->col + c->col_span && k < t.cols; ++k) {
        by_col.at(static_cast<std::size_t>(k)) = label_key(c->text);
        owner.at(static_cast<std::size_t>(k)) = c;
        if (c->displaced) h.displaced.at(static_cast<std::size_t>(k)) = true;
      }
    }
    // In ragged tables an empty header cell continues its left neighbour (a colspan lost in the
    // copy), except on the bottom header row where each column has its own label.
    if (t.ragged && hi + 1 < hdr.size())
      for (std::size_t k = 1; k < by_col.size() && k < extent; ++k)
        if (by_col[k].empty()) by_col[k] = by_col[k - 1];
    for (std::size_t k = 0; k < by_col.size(); ++k) {
      if (owner[k] && owner[k] == last[k]) continue;  // a row-spanning cell counts once
      last[k] = owner[k];
      if (by_col[k].empty()) continue;
      h.path[k] += by_col[k];
      h.bottom[k] = by_col[k];
    }
  }
  return h;
}

const Mapper::HeaderCols& Mapper::header_of(const Table& t, const std::vector<GridRow>& rows, const std::vector<std::size_t>& hdr) {
  if (hdr.empty() && inherited_) return *inherited_;
  if (memo_table_ != &t || memo_rows_ != hdr) {
    memo_ = header_cols(t, rows, hdr);
    memo_table_ = &t;
    memo_rows_ = hdr;
  }
  return memo_;
}

std::vector<std::string> Mapper::header_sequence(const std::vector<GridRow>& rows, const std::vector<std::size_t>& hdr,
                                                 const ProfileTable& pt, const ProfileRow& pr,
                                                 const std::vector<std::string>& expected) {
  auto in = [](const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  };
  // The codes of a header line's non-empty fields ("" for a field naming none of `expected`).
  auto codes_of_line = [&](std::size_t r) {
    std::vector<std::string> out;
    for (const Cell* c : rows.at(r).cells) {
      std::string key = label_key(c->text);
      if (key.empty()) continue;
      ColumnMatch cm = match_column(pt, key, key);
      out.push_back(cm.score >= 1000 && in(expected, cm.code) ? cm.code : std::string());
    }
    return out;
  };
  auto names_any = [](const std::vector<std::string>& codes) {
    return std::any_of(codes.begin(), codes.end(), [](const std::string& c) { return !c.empty(); });
  };
  std::size_t b = hdr.size();
  while (b > 0 && !names_any(codes_of_line(hdr[b - 1]))) --b;
  if (b == 0) return {};
  std::vector<std::string> leaves;
  for (const auto& c : codes_of_line(hdr[b - 1]))
    if (!c.empty()) leaves.push_back(c);
  std::size_t u = b - 1;
  while (u > 0 && !names_any(codes_of_line(hdr[u - 1]))) --u;
  std::vector<std::string> order;
  if (u == 0) {
    order = leaves;
  } else {
    std::vector<std::string> upper = codes_of_line(hdr[u - 1]);
    std::vector<std::size_t> extra_cells, unnamed_cells;
    bool seen = false;
    for (std::size_t i = 0; i < upper.size(); ++i) {
      if (!upper[i].empty() && !in(pr.cols, upper[i])) extra_cells.push_back(i);
      if (upper[i].empty() && seen) unnamed_cells.push_back(i);
      seen = seen || in(pr.cols, upper[i]);
    }
    const std::vector<std::size_t>& group = extra_cells.empty() ? unnamed_cells : extra_cells;
    if (group.size() != 1) return {};
    for (std::size_t i = 0; i < upper.size(); ++i) {
      if (i == group[0])
        order.insert(order.end(), leaves.begin(), leaves.end());
      else if (!upper[i].empty())
        order.push_back(upper[i]);
    }
  }
  for (std::size_t i = 0; i < order.size(); ++i)
    if (std::find(order.begin() + static_cast<long>(i) + 1, order.end(), order[i]) != order.end()) return {};
  return order;
}

std::string Mapper::money_unit(const ProfileTable& pt, const std::string& col, const HeaderCols& h) const {
  const ProfileColumn* pc = pt.col(col);
  if (!pc || pc->unit.empty()) return {};
  for (const auto& text : h.cell_text) {
    std::string key = label_key(text);
    for (const auto& v : pc->variants)
      if (!v.leaf.empty() && contains(key, v.leaf)) {
        std::string u = unit_in_label(text);
        if (!u.empty()) return u;
      }
  }
  return {};
}

}  // namespace ogix::mapping
