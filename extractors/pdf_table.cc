// Table recovery from PDF geometry: ruled grids, unruled grids, page joins and the model grid.
#include "extractors/pdf_table.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "model/error.h"
#include "model/table_grid.h"
#include "text/unicode.h"

namespace ogix::pdf {
namespace {

// Ruling positions closer than this (points) are one line (double borders, rounding).
constexpr double kLineMerge = 2.5;
// A ruling network with more grid slots than this is not a table we can read (hostile input).
constexpr std::size_t kMaxSlots = 40000;

// Greedy 1-D clustering: sorted values closer than `tol` to the running group start are one.
std::vector<double> cluster(std::vector<double> v, double tol) {
  std::sort(v.begin(), v.end());
  std::vector<double> reps;
  std::size_t i = 0;
  while (i < v.size()) {
    std::size_t j = i;
    double sum = 0;
    while (j < v.size() && v[j] - v[i] <= tol) sum += v[j++];
    reps.push_back(sum / static_cast<double>(j - i));
    i = j;
  }
  return reps;
}

// Index of the representative nearest to `x`.
int nearest(const std::vector<double>& reps, double x) {
  int best = 0;
  for (int k = 1; k < static_cast<int>(reps.size()); ++k)
    if (std::abs(reps[static_cast<std::size_t>(k)] - x) < std::abs(reps[static_cast<std::size_t>(best)] - x)) best = k;
  return best;
}

struct UnionFind {
  std::vector<int> p;
  explicit UnionFind(std::size_t n) : p(n) { std::iota(p.begin(), p.end(), 0); }
  int find(int x) {
    while (p[static_cast<std::size_t>(x)] != x) x = p[static_cast<std::size_t>(x)] = p[static_cast<std::size_t>(p[static_cast<std::size_t>(x)])];
    return x;
  }
  void unite(int a, int b) { p[static_cast<std::size_t>(find(a))] = find(b); }
};

// Merges collinear, touching segments of one orientation.
std::vector<Ruling> merge_collinear(std::vector<Ruling> segs) {
  const bool h = segs.empty() || segs.front().horizontal;
  std::sort(segs.begin(), segs.end(), [h](const Ruling& a, const Ruling& b) {
    double pa = h ? a.y0 : a.x0, pb = h ? b.y0 : b.x0;
    if (std::abs(pa - pb) > 1.0) return pa < pb;
    return (h ? a.x0 : a.y0) < (h ? b.x0 : b.y0);
  });
  std::vector<Ruling> out;
  for (const auto& s : segs) {
    if (!out.empty()) {
      Ruling& o = out.back();
      double po = h ? o.y0 : o.x0, ps = h ? s.y0 : s.x0;
      double oe = h ? o.x1 : o.y1, ss = h ? s.x0 : s.y0, se = h ? s.x1 : s.y1;
      if (std::abs(po - ps) <= 1.0 && ss <= oe + 2.0) {
        if (h) o.x1 = std::max(o.x1, se);
        else o.y1 = std::max(o.y1, se);
        continue;
      }
    }
    out.push_back(s);
  }
  return out;
}

// Fraction of [a0,a1] covered by the union of the given intervals.
double coverage(std::vector<std::pair<double, double>> iv, double a0, double a1) {
  if (a1 <= a0) return 0;
  std::sort(iv.begin(), iv.end());
  double covered = 0, cur0 = 0, cur1 = -1e18;
  for (auto [s, e] : iv) {
    s = std::max(s, a0), e = std::min(e, a1);
    if (e <= s) continue;
    if (s > cur1) {
      if (cur1 > cur0) covered += cur1 - cur0;
      cur0 = s, cur1 = e;
    } else {
      cur1 = std::max(cur1, e);
    }
  }
  if (cur1 > cur0) covered += cur1 - cur0;
  return covered / (a1 - a0);
}

// Text of a set of words as a reader reads a cell: lines top to bottom, joined.
std::u32string cell_text(std::vector<Word> words) {
  std::vector<Line> lines = build_lines(std::move(words));
  std::vector<std::u32string> texts;
  for (const auto& l : lines) texts.push_back(l.text());
  return join_lines(texts);
}

// Provenance of a cell: its words' page boxes (one Span per page), or the cell box when empty.
std::vector<Span> cell_spans(const std::vector<Word>& words, const Rect& layout_rect, const Frame& frame, int page) {
  std::map<int, Rect> per_page;
  for (const auto& w : words) per_page[w.page] = per_page[w.page].united(w.orig);
  std::vector<Span> out;
  for (const auto& [p, r] : per_page) out.push_back(span_of(p, r));
  if (out.empty()) out.push_back(span_of(page, frame.to_page(layout_rect)));
  return out;
}

// Splits a word into pieces at the given x boundaries using its per-character boxes.
std::vector<Word> split_word(const Word& w, const std::vector<double>& cuts) {
  if (w.vertical || w.chars.size() != w.text.size() || w.text.size() < 2) return {w};
  auto slot = [&](double x) { return static_cast<int>(std::upper_bound(cuts.begin(), cuts.end(), x) - cuts.begin()); };
  std::vector<Word> out;
  int cur = -1;
  for (std::size_t i = 0; i < w.text.size(); ++i) {
    int s = slot(w.chars[i].cx());
    if (s != cur || out.empty()) {
      Word piece = w;
      piece.text.clear();
      piece.chars.clear();
      piece.box = Rect{};
      piece.space_after = false;
      out.push_back(std::move(piece));
      cur = s;
    }
    Word& p = out.back();
    p.text += w.text[i];
    p.chars.push_back(w.chars[i]);
    p.box = p.box.united(w.chars[i]);
  }
  out.back().space_after = w.space_after;
  if (out.size() == 1) return {w};
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Ruled tables

std::vector<GeoTable> find_ruled_tables(const std::vector<Ruling>& rulings, std::vector<Word>& words,
                                        const Frame& frame, int page) {
  std::vector<Ruling> hs, vs;
  for (const auto& r : rulings) (r.horizontal ? hs : vs).push_back(r);
  hs = merge_collinear(std::move(hs));
  vs = merge_collinear(std::move(vs));
  if (hs.empty() || vs.empty()) return {};
  // Hostile pages can draw a mesh of millions of segments; a report table has a few hundred.
  if (hs.size() > 4000 || vs.size() > 4000) return {};

  // Connected networks of crossing or touching segments.
  const std::size_t nh = hs.size(), nv = vs.size();
  UnionFind uf(nh + nv);
  const double tol = 3.0;
  for (std::size_t i = 0; i < nh; ++i)
    for (std::size_t j = 0; j < nv; ++j) {
      const Ruling &h = hs[i], &v = vs[j];
      if (v.x0 >= h.x0 - tol && v.x0 <= h.x1 + tol && h.y0 >= v.y0 - tol && h.y0 <= v.y1 + tol)
        uf.unite(static_cast<int>(i), static_cast<int>(nh + j));
    }
  std::map<int, std::pair<std::vector<Ruling>, std::vector<Ruling>>> nets;
  for (std::size_t i = 0; i < nh; ++i) nets[uf.find(static_cast<int>(i))].first.push_back(hs[i]);
  for (std::size_t j = 0; j < nv; ++j) nets[uf.find(static_cast<int>(nh + j))].second.push_back(vs[j]);

  std::vector<GeoTable> tables;
  std::vector<char> used(words.size(), 0);
  for (auto& [root, net] : nets) {
    auto& [H, V] = net;
    if (H.empty() || V.empty()) continue;
    Rect box{1e18, 1e18, -1e18, -1e18};
    for (const auto& s : H) box.x0 = std::min(box.x0, s.x0), box.x1 = std::max(box.x1, s.x1), box.y0 = std::min(box.y0, s.y0), box.y1 = std::max(box.y1, s.y0);
    for (const auto& s : V) box.y0 = std::min(box.y0, s.y0), box.y1 = std::max(box.y1, s.y1), box.x0 = std::min(box.x0, s.x0), box.x1 = std::max(box.x1, s.x0);
    if (box.w() < 20 || box.h() < 8) continue;
    std::vector<double> xv{box.x0, box.x1}, yv{box.y0, box.y1};
    for (const auto& s : V) xv.push_back(s.x0);
    for (const auto& s : H) yv.push_back(s.y0);
    std::vector<double> xs = cluster(xv, kLineMerge), ys = cluster(yv, kLineMerge);
    if (xs.size() < 2 || ys.size() < 2) continue;
    const std::size_t nr = ys.size() - 1, nc = xs.size() - 1;
    if (nr * nc > kMaxSlots) continue;

    // Is there a drawn border along x = xs[k] between ys[i] and ys[i+1] (and the same for rows)?
    std::vector<std::vector<std::pair<double, double>>> vcov(xs.size()), hcov(ys.size());
    for (const auto& s : V) vcov[static_cast<std::size_t>(nearest(xs, s.x0))].emplace_back(s.y0, s.y1);
    for (const auto& s : H) hcov[static_cast<std::size_t>(nearest(ys, s.y0))].emplace_back(s.x0, s.x1);
    auto vborder = [&](std::size_t k, std::size_t i) { return coverage(vcov[k], ys[i], ys[i + 1]) >= 0.5; };
    auto hborder = [&](std::size_t k, std::size_t j) { return coverage(hcov[k], xs[j], xs[j + 1]) >= 0.5; };

    UnionFind slots(nr * nc);
    for (std::size_t i = 0; i < nr; ++i)
      for (std::size_t j = 0; j < nc; ++j) {
        if (j + 1 < nc && !vborder(j + 1, i)) slots.unite(static_cast<int>(i * nc + j), static_cast<int>(i * nc + j + 1));
        if (i + 1 < nr && !hborder(i + 1, j)) slots.unite(static_cast<int>(i * nc + j), static_cast<int>((i + 1) * nc + j));
      }
    struct Extent {
      std::size_t r0 = SIZE_MAX, r1 = 0, c0 = SIZE_MAX, c1 = 0;
    };
    std::map<int, Extent> ext;
    for (std::size_t i = 0; i < nr; ++i)
      for (std::size_t j = 0; j < nc; ++j) {
        Extent& e = ext[slots.find(static_cast<int>(i * nc + j))];
        e.r0 = std::min(e.r0, i), e.r1 = std::max(e.r1, i), e.c0 = std::min(e.c0, j), e.c1 = std::max(e.c1, j);
      }
    // One box is a frame around text, or the first row of a table the page break cut off; the
    // extractor decides which once it sees the next page.
    if (ext.size() < 2 && nr * nc > 1) continue;

    // Owner cell of every slot, for word lookup.
    std::vector<int> owner(nr * nc, -1);
    std::vector<Extent> cells;
    for (auto& [k, e] : ext) {
      int id = static_cast<int>(cells.size());
      cells.push_back(e);
      for (std::size_t i = e.r0; i <= e.r1; ++i)
        for (std::size_t j = e.c0; j <= e.c1; ++j)
          if (owner[i * nc + j] == -1) owner[i * nc + j] = id;
    }
    std::vector<double> inner_x(xs.begin() + 1, xs.end() - 1);
    std::vector<std::vector<Word>> content(cells.size());
    auto locate = [&](double x, double y) {
      std::size_t j = static_cast<std::size_t>(std::clamp<long>(std::upper_bound(xs.begin(), xs.end(), x) - xs.begin() - 1, 0, static_cast<long>(nc) - 1));
      std::size_t i = static_cast<std::size_t>(std::clamp<long>(std::upper_bound(ys.begin(), ys.end(), y) - ys.begin() - 1, 0, static_cast<long>(nr) - 1));
      return owner[i * nc + j];
    };
    for (std::size_t w = 0; w < words.size(); ++w) {
      if (used[w] || !box.contains(words[w].box.cx(), words[w].box.cy(), 1.0)) continue;
      used[w] = 1;
      // A box poppler ran across a column border belongs to two cells: split it by characters.
      for (auto& piece : split_word(words[w], inner_x)) {
        int id = locate(piece.box.cx(), piece.box.cy());
        if (id >= 0) content[static_cast<std::size_t>(id)].push_back(std::move(piece));
      }
    }

    GeoTable t;
    t.ruled = true;
    t.single_cell = cells.size() == 1;
    t.box = box;
    t.first_page = t.last_page = page;
    t.from.push_back(span_of(page, frame.to_page(box)));
    t.closed_top = coverage(hcov[0], box.x0, box.x1) > 0.05;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const Extent& e = cells[c];
      GeoCell gc;
      gc.rect = Rect{xs[e.c0], ys[e.r0], xs[e.c1 + 1], ys[e.r1 + 1]};
      gc.from = cell_spans(content[c], gc.rect, frame, page);
      gc.text = cell_text(std::move(content[c]));
      if (e.r0 == 0) gc.open_top = coverage(hcov[0], gc.rect.x0, gc.rect.x1) < 0.5;
      t.cells.push_back(std::move(gc));
    }
    tables.push_back(std::move(t));
  }
  // Remove the words the tables took.
  std::vector<Word> rest;
  for (std::size_t w = 0; w < words.size(); ++w)
    if (!used[w]) rest.push_back(std::move(words[w]));
  words = std::move(rest);
  std::sort(tables.begin(), tables.end(), [](const GeoTable& a, const GeoTable& b) { return a.box.y0 < b.box.y0; });
  return tables;
}

// ---------------------------------------------------------------------------------------------
// Unruled tables

namespace {

// A run of words on one line between column gaps.
struct Segment {
  std::vector<Word> words;
  Rect box;
  double size = 0;
  bool vertical = false;
  bool value = false;  // a single value token
  std::u32string text() const {
    Line l;
    l.words = words;
    l.vertical = vertical;
    return l.text();
  }
  void add(const Word& w) {
    words.push_back(w);
    box = box.united(w.box);
    size = std::max(size, w.size);
  }
};

// A gap this many font sizes wide separates table columns.
constexpr double kColumnGap = 1.2;

std::vector<Segment> segments_of(const Line& line) {
  std::vector<Segment> out;
  for (const auto& w : line.words) {
    bool split = out.empty() || line.vertical;
    if (!split) {
      const Word& prev = out.back().words.back();
      const double gap = w.box.x0 - prev.box.x1;
      split = gap > kColumnGap * std::max(1.0, std::max(w.size, prev.size)) ||
              // Two values side by side are two cells even when the columns are narrow.
              (is_value_token(w.text) && is_value_token(prev.text) && (prev.space_after || gap > 0.3 * w.size));
    }
    if (split) {
      out.emplace_back();
      out.back().vertical = line.vertical;
    }
    out.back().add(w);
  }
  for (auto& s : out) s.value = !s.vertical && is_value_token(s.text());
  return out;
}

struct ValueRow {
  std::vector<Segment> tokens;
  Rect band;
};

// Assigns rows [a, b] to the group labels `gs` (top to bottom) so each label sits as close as
// possible to the middle of its rows (the way group cells centre their text).
std::vector<std::pair<std::size_t, std::size_t>> partition_rows(const std::vector<const Segment*>& gs, std::size_t a,
                                                                std::size_t b, const std::vector<double>& top,
                                                                const std::vector<double>& bottom) {
  const std::size_t k = gs.size(), n = b - a + 1;
  if (k == 0 || k > n) return {};
  auto cost = [&](std::size_t gi, std::size_t s, std::size_t e) {
    const double mid = (top[s] + bottom[e]) / 2, cy = gs[gi]->box.cy();
    double c = std::abs(mid - cy);
    if (cy < top[s] || cy > bottom[e]) c += 1000;
    return c;
  };
  const double inf = 1e18;
  // dp[i][r]: best cost with the first i labels covering rows a .. a+r-1.
  std::vector<std::vector<double>> dp(k + 1, std::vector<double>(n + 1, inf));
  std::vector<std::vector<std::size_t>> from(k + 1, std::vector<std::size_t>(n + 1, 0));
  dp[0][0] = 0;
  for (std::size_t i = 1; i <= k; ++i)
    for (std::size_t r = i; r <= n; ++r)
      for (std::size_t s = i - 1; s < r; ++s) {
        if (dp[i - 1][s] >= inf) continue;
        double v = dp[i - 1][s] + cost(i - 1, a + s, a + r - 1);
        if (v < dp[i][r]) dp[i][r] = v, from[i][r] = s;
      }
  std::vector<std::pair<std::size_t, std::size_t>> out(k);
  std::size_t r = n;
  for (std::size_t i = k; i >= 1; --i) {
    std::size_t s = from[i][r];
    out[i - 1] = {a + s, a + r - 1};
    r = s;
  }
  return out;
}

}  // namespace

std::vector<GeoTable> find_unruled_tables(std::vector<Line>& lines, const std::vector<Ruling>& rulings,
                                          const Frame& frame, int page, const PageBreak* brk) {
  std::vector<GeoTable> tables;
  const std::size_t n = lines.size();
  // Page boxes of a layout rectangle: split where lines of the next page were stacked below.
  auto page_spans = [&](const Rect& r) {
    std::vector<Span> out;
    const double cut = brk ? brk->y : 1e18;
    if (r.y0 < cut) out.push_back(span_of(page, frame.to_page(Rect{r.x0, r.y0, r.x1, std::min(r.y1, cut)})));
    if (brk && r.y1 > cut)
      out.push_back(span_of(brk->page, brk->frame.to_page(Rect{r.x0, std::max(r.y0, cut) - brk->dy, r.x1, r.y1 - brk->dy})));
    return out;
  };
  if (n < 2) return tables;
  std::vector<std::vector<Segment>> segs(n);
  std::vector<char> tableish(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    segs[i] = segments_of(lines[i]);
    bool value = false;
    for (const auto& s : segs[i]) value = value || s.value;
    // A line with a value standing apart from other text: a table row (or a row's values).
    tableish[i] = !lines[i].vertical && value && (segs[i].size() >= 2 || lines[i].words.size() == 1) ? 1 : 0;
  }
  std::vector<char> taken(n, 0);
  std::size_t i = 0;
  while (i < n) {
    if (!tableish[i] || segs[i].size() < 2) {  // a table starts with a full row
      ++i;
      continue;
    }
    // Grow a run of lines while table-ish lines keep coming close below.
    std::size_t first = i, last = i;
    for (std::size_t j = i + 1; j < n; ++j) {
      const double gap = lines[j].box.y0 - lines[last].box.y1;
      if (gap > 3.0 * std::max(8.0, lines[last].size)) break;
      if (tableish[j]) last = j;
      else if (j - last > 6) break;
    }
    const std::size_t next = last + 1;
    int rows_with_values = 0;
    for (std::size_t j = first; j <= last; ++j) rows_with_values += tableish[j] && segs[j].size() >= 2 ? 1 : 0;
    // One row of values is a table when a header line split into columns stands right above it.
    bool single_row = false;
    if (rows_with_values == 1 && first > 0 && !taken[first - 1]) {
      int vals = 0;
      for (const auto& sg : segs[first]) vals += sg.value ? 1 : 0;
      const double gap = lines[first].box.y0 - lines[first - 1].box.y1;
      single_row = vals >= 2 && segs[first - 1].size() >= 2 && gap < 2.5 * std::max(8.0, lines[first].size);
    }
    if (rows_with_values < 2 && !single_row) {
      i = next;
      continue;
    }
    // Value columns: x-intervals of value tokens that overlap; a column needs two values.
    std::vector<Segment> tokens;
    for (std::size_t j = first; j <= last; ++j)
      if (tableish[j])
        for (const auto& s : segs[j])
          if (s.value) tokens.push_back(s);
    std::sort(tokens.begin(), tokens.end(), [](const Segment& a, const Segment& b) { return a.box.x0 < b.box.x0; });
    std::vector<Rect> cols;
    std::vector<int> col_count;
    for (const auto& t : tokens) {
      if (!cols.empty() && t.box.x0 <= cols.back().x1 + 0.5) {
        cols.back().x1 = std::max(cols.back().x1, t.box.x1);
        ++col_count.back();
      } else {
        cols.push_back(Rect{t.box.x0, 0, t.box.x1, 0});
        col_count.push_back(1);
      }
    }
    {
      std::vector<Rect> keep;
      for (std::size_t c = 0; c < cols.size(); ++c)
        if (col_count[c] >= 2 || rows_with_values < 3) keep.push_back(cols[c]);
      cols = std::move(keep);
    }
    if (cols.empty()) {
      i = next;
      continue;
    }
    const double value_left = cols.front().x0;
    auto col_of = [&](const Rect& b) {
      for (std::size_t c = 0; c < cols.size(); ++c)
        if (b.cx() >= cols[c].x0 - 0.5 && b.cx() <= cols[c].x1 + 0.5) return static_cast<int>(c);
      return -1;
    };
    // Include the header lines above: close lines over the value columns or split into columns.
    while (first > 0 && !taken[first - 1]) {
      const Line& up = lines[first - 1];
      const double gap = lines[first].box.y0 - up.box.y1;
      if (up.vertical || gap > 2.5 * std::max(8.0, up.size)) break;
      const bool over_values = up.box.x0 >= value_left - 2.0 * up.size;
      if (!(segs[first - 1].size() >= 2 || over_values)) break;
      if (std::abs(up.size - lines[i].size) > 1.5) break;  // a heading in a larger font
      --first;
    }
    // And a wrapped last label below.
    while (last + 1 < n && !taken[last + 1]) {
      const Line& dn = lines[last + 1];
      const double gap = dn.box.y0 - lines[last].box.y1;
      if (dn.vertical || gap > 0.5 * std::max(8.0, dn.size) || dn.box.x1 > value_left || starts_with_marker(dn.text()) ||
          std::abs(dn.size - lines[last].size) > 1.0)
        break;
      ++last;
    }

    // Sort the run's segments: values, labels (left of the values) and header (above them).
    double first_value_y = 1e18;
    for (std::size_t j = first; j <= last; ++j)
      for (const auto& s : segs[j])
        if (s.value && col_of(s.box) >= 0) first_value_y = std::min(first_value_y, s.box.y0);
    std::vector<Segment> values, labels, header;
    for (std::size_t j = first; j <= last; ++j)
      for (auto& s : segs[j]) {
        if (s.box.y1 < first_value_y - 0.2 * s.size) header.push_back(s);
        else if (s.value && col_of(s.box) >= 0) values.push_back(s);
        else if (s.box.x1 <= value_left + 0.5 * s.size || s.vertical) labels.push_back(s);
        else header.push_back(s);  // text among the values (a note): kept as a cell
      }
    std::vector<std::size_t> vertical_lines;
    for (std::size_t j = 0; j < n; ++j) {
      if (taken[j] || !lines[j].vertical || (j >= first && j <= last)) continue;
      if (lines[j].box.y0 >= lines[first].box.y0 - 2 && lines[j].box.y1 <= lines[last].box.y1 + 2 && lines[j].box.x1 <= value_left) {
        Segment s;
        s.vertical = true;
        for (auto& w : lines[j].words) s.add(w);
        labels.push_back(s);
        vertical_lines.push_back(j);
      }
    }

    // Value rows: tokens clustered by vertical overlap.
    std::sort(values.begin(), values.end(), [](const Segment& a, const Segment& b) { return a.box.cy() < b.box.cy(); });
    std::vector<ValueRow> rows;
    for (auto& t : values) {
      if (!rows.empty()) {
        ValueRow& r = rows.back();
        if (overlap(r.band.y0, r.band.y1, t.box.y0, t.box.y1) >= 0.5 * std::min(r.band.h(), t.box.h())) {
          r.band = r.band.united(t.box);
          r.tokens.push_back(t);
          continue;
        }
      }
      rows.push_back(ValueRow{{t}, t.box});
    }
    // A wrapped number (29 / 0 in a narrow 总计 column) leaves a row of one or two fragments right
    // above or below its row: fold it into that row.
    auto fragment_of = [&](std::size_t a, std::size_t b) {  // is rows[a] a fragment of rows[b]?
      const ValueRow &fa = rows[a], &rb = rows[b];
      if (fa.tokens.size() > 2 || fa.tokens.size() * 2 >= rb.tokens.size()) return false;
      const double dist = a < b ? rb.band.y0 - fa.band.y1 : fa.band.y0 - rb.band.y1;
      if (dist > 0.8 * std::max(8.0, fa.tokens.front().size)) return false;
      for (const auto& t : fa.tokens) {
        const int c = col_of(t.box);
        for (const auto& u : rb.tokens)
          if (col_of(u.box) == c && !is_value_token(a < b ? t.text() + u.text() : u.text() + t.text())) return false;
      }
      return true;
    };
    for (std::size_t r = 0; r < rows.size();) {
      std::size_t into = SIZE_MAX;
      if (r + 1 < rows.size() && fragment_of(r, r + 1)) into = r + 1;
      else if (r > 0 && fragment_of(r, r - 1)) into = r - 1;
      if (into == SIZE_MAX) {
        ++r;
        continue;
      }
      for (auto& t : rows[r].tokens) rows[into].tokens.push_back(t);
      rows[into].band = rows[into].band.united(rows[r].band);
      rows.erase(rows.begin() + static_cast<long>(r));
      r = 0;  // restart: merges are rare and tables small
    }
    if (rows.empty() || (rows.size() < 2 && !single_row)) {
      i = next;
      continue;
    }
    const double unit = std::max(8.0, rows.front().tokens.front().size);

    // Row bands reach halfway to the neighbours.
    std::vector<double> top(rows.size()), bottom(rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
      top[r] = r == 0 ? rows[r].band.y0 - 0.3 * unit : (rows[r - 1].band.y1 + rows[r].band.y0) / 2;
      bottom[r] = r + 1 == rows.size() ? rows[r].band.y1 + 0.3 * unit : (rows[r].band.y1 + rows[r + 1].band.y0) / 2;
    }
    // Horizontal rulings (three-line tables) are exact row borders where they fall between rows.
    for (const auto& rl : rulings) {
      if (!rl.horizontal || rl.x0 > value_left || rl.x1 < cols.back().x1) continue;
      for (std::size_t r = 0; r + 1 < rows.size(); ++r)
        if (rl.y0 > rows[r].band.y1 - 1 && rl.y0 < rows[r + 1].band.y0 + 1) bottom[r] = top[r + 1] = rl.y0;
    }
    for (const auto& l : labels) bottom.back() = std::max(bottom.back(), l.box.y1);
    auto row_of = [&](const Rect& b) {
      std::size_t best = 0;
      double bestd = 1e18;
      for (std::size_t r = 0; r < rows.size(); ++r) {
        const double d = b.cy() < top[r] ? top[r] - b.cy() : b.cy() > bottom[r] ? b.cy() - bottom[r] : 0;
        if (d < bestd) bestd = d, best = r;
      }
      return best;
    };

    // Stacked one- or two-character lines in one narrow column are a vertical label (三 / 本 / 年 …).
    std::sort(labels.begin(), labels.end(), [](const Segment& a, const Segment& b) { return a.box.y0 < b.box.y0; });
    for (bool again = true; again;) {
      again = false;
      for (std::size_t a = 0; a < labels.size() && !again; ++a) {
        if (labels[a].vertical || labels[a].text().size() > 2) continue;
        std::vector<std::size_t> stack{a};
        for (std::size_t b = a + 1; b < labels.size(); ++b) {
          if (labels[b].vertical || labels[b].text().size() > 2) continue;
          if (std::abs(labels[b].box.cx() - labels[a].box.cx()) < 0.6 * labels[a].size) stack.push_back(b);
        }
        if (stack.size() < 3) continue;
        Segment v;
        v.vertical = true;
        for (auto k : stack)
          for (auto w : labels[k].words) {
            w.vertical = true;
            v.add(w);
          }
        for (auto it = stack.rbegin(); it != stack.rend(); ++it) labels.erase(labels.begin() + static_cast<long>(*it));
        labels.push_back(v);
        again = true;
      }
    }

    // Narrow label columns sit close together: a segment running from a group label into an item
    // label ((三)不 4.保护第三方合法权益) splits where a word starts with a list marker at the
    // start of another label.
    {
      std::vector<double> starts;
      for (const auto& l : labels) starts.push_back(l.box.x0);
      std::vector<Segment> split;
      for (auto& l : labels) {
        Segment cur;
        cur.vertical = l.vertical;
        for (std::size_t k = 0; k < l.words.size(); ++k) {
          const Word& w = l.words[k];
          bool cut = false;
          if (k > 0 && !l.vertical && starts_with_marker(w.text) && w.box.x0 - l.words[k - 1].box.x1 > 0.2 * w.size)
            for (double x : starts) cut = cut || std::abs(x - w.box.x0) < 0.5 * w.size;
          if (cut) {
            split.push_back(cur);
            cur = Segment{};
          }
          cur.add(w);
        }
        if (!cur.words.empty()) split.push_back(cur);
      }
      labels = std::move(split);
    }
    // A label wrapped in its cell ((三)不 / 予公开): a line filled to the cell's right edge and the
    // line right below it, starting at the same x without a list marker, are one label.
    std::sort(labels.begin(), labels.end(), [](const Segment& a, const Segment& b) { return a.box.y0 < b.box.y0; });
    for (std::size_t a = 0; a < labels.size(); ++a) {
      if (labels[a].vertical) continue;
      // The right edge of this label's cell: the next label starting to its right on its line, or
      // the value columns.
      double right = value_left - 0.5 * labels[a].size;
      for (const auto& l : labels)
        if (!l.vertical && l.box.x0 > labels[a].box.x0 + labels[a].size &&
            overlap(l.box.y0, l.box.y1, labels[a].box.y0 - labels[a].size, labels[a].box.y1 + labels[a].size) > 0)
          right = std::min(right, l.box.x0);
      for (std::size_t b = a + 1; b < labels.size(); ++b) {
        const Segment &u = labels[a], &d = labels[b];
        if (d.vertical || std::abs(d.box.x0 - u.box.x0) >= 0.5 * u.size) continue;
        const double gap = d.box.y0 - u.box.y1;
        if (gap < 0.6 * u.size && gap > -0.3 * u.size && u.box.x1 >= right - 2.5 * u.size && !starts_with_marker(d.text())) {
          for (const auto& w : d.words) labels[a].add(w);
          labels.erase(labels.begin() + static_cast<long>(b));
          --a;  // look for a third line
        }
        break;
      }
    }

    // Label segments per row; the rightmost start is the row's own label, segments left of it and
    // vertical ones are group labels spanning several rows.
    std::vector<std::vector<std::size_t>> row_labels(rows.size());
    for (std::size_t k = 0; k < labels.size(); ++k) row_labels[row_of(labels[k].box)].push_back(k);
    std::vector<char> is_group(labels.size(), 0);
    std::vector<double> left_x(rows.size(), value_left);  // leftmost start of the row's own label
    for (std::size_t r = 0; r < rows.size(); ++r) {
      double mx = -1e18;
      for (auto k : row_labels[r])
        if (!labels[k].vertical) mx = std::max(mx, labels[k].box.x0);
      for (auto k : row_labels[r]) {
        if (labels[k].vertical || labels[k].box.x0 < mx - 0.5 * unit) is_group[k] = 1;
        else left_x[r] = std::min(left_x[r], labels[k].box.x0);
      }
    }
    std::vector<double> lxs{value_left - unit};
    for (const auto& l : labels) lxs.push_back(l.box.x0);
    const double table_left = *std::min_element(lxs.begin(), lxs.end());
    std::vector<double> label_cols = cluster(lxs, 0.8 * unit);
    auto snap = [&](double x) { return label_cols[static_cast<std::size_t>(nearest(label_cols, x))]; };

    // Column borders of the value area: halfway between neighbouring columns.
    std::vector<double> cx0(cols.size()), cx1(cols.size());
    for (std::size_t c = 0; c < cols.size(); ++c) {
      cx0[c] = c == 0 ? value_left - 0.5 * unit : (cols[c - 1].x1 + cols[c].x0) / 2;
      cx1[c] = c + 1 == cols.size() ? cols[c].x1 + 0.5 * unit : (cols[c].x1 + cols[c + 1].x0) / 2;
    }
    const double label_right = cx0[0];

    GeoTable t;
    t.first_page = t.last_page = page;
    auto add_cell = [&](const Rect& r, std::vector<Word> ws) {
      GeoCell c;
      c.rect = r;
      c.from = cell_spans(ws, r, frame, page);
      if (ws.empty()) c.from = page_spans(r);
      c.text = cell_text(std::move(ws));
      t.cells.push_back(std::move(c));
    };
    // Value cells (blank where a row has no token in a column).
    for (std::size_t r = 0; r < rows.size(); ++r) {
      std::vector<std::vector<Word>> per(cols.size());
      for (auto& tok : rows[r].tokens) {
        const int c = col_of(tok.box);
        if (c >= 0)
          for (auto& w : tok.words) per[static_cast<std::size_t>(c)].push_back(w);
      }
      for (std::size_t c = 0; c < cols.size(); ++c) add_cell(Rect{cx0[c], top[r], cx1[c], bottom[r]}, std::move(per[c]));
    }
    // Row labels, from the row's own label start to the value area.
    for (std::size_t r = 0; r < rows.size(); ++r) {
      std::vector<Word> ws;
      for (auto k : row_labels[r])
        if (!is_group[k])
          for (auto& w : labels[k].words) ws.push_back(w);
      const double x0 = ws.empty() ? snap(table_left) : snap(left_x[r]);
      add_cell(Rect{std::min(x0, label_right - 1), top[r], label_right, bottom[r]}, std::move(ws));
    }
    // Group labels, column by column: the contiguous rows whose own labels start right of the
    // group's column, shared among that column's group labels.
    std::vector<char> done(labels.size(), 0);
    for (std::size_t k = 0; k < labels.size(); ++k) {
      if (!is_group[k] || done[k]) continue;
      const double gx = snap(labels[k].box.x0);
      std::vector<std::size_t> members;
      for (std::size_t q = 0; q < labels.size(); ++q)
        if (is_group[q] && !done[q] && snap(labels[q].box.x0) == gx) members.push_back(q), done[q] = 1;
      std::sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) { return labels[a].box.cy() < labels[b].box.cy(); });
      auto free_row = [&](std::size_t r) { return left_x[r] > gx + 0.5 * unit; };
      std::size_t m = 0;
      while (m < members.size()) {
        std::size_t anchor = row_of(labels[members[m]].box);
        if (!free_row(anchor)) {  // nothing to span: the label stays on its row
          add_cell(Rect{gx, top[anchor], snap(left_x[anchor]), bottom[anchor]}, labels[members[m]].words);
          ++m;
          continue;
        }
        std::size_t a = anchor, b = anchor;
        while (a > 0 && free_row(a - 1)) --a;
        while (b + 1 < rows.size() && free_row(b + 1)) ++b;
        std::vector<const Segment*> gs;
        while (m < members.size() && row_of(labels[members[m]].box) >= a && row_of(labels[members[m]].box) <= b)
          gs.push_back(&labels[members[m++]]);
        auto spans = partition_rows(gs, a, b, top, bottom);
        for (std::size_t g = 0; g < spans.size(); ++g) {
          auto [s, e] = spans[g];
          double x1 = label_right;
          for (std::size_t r = s; r <= e; ++r) x1 = std::min(x1, snap(left_x[r]));
          add_cell(Rect{gx, top[s], x1, bottom[e]}, gs[g]->words);
        }
      }
    }
    // Header: segments above the first value row. Words over different columns are different
    // cells; wrapped lines over the same columns join.
    {
      struct H {
        int c0, c1;  // -1: the label area
        Rect box;
        std::vector<Word> words;
      };
      std::vector<Segment> pieces;
      for (auto& s : header) {
        Segment cur;
        int cur_col = -2;
        for (auto& w : s.words) {
          int c = w.box.w() > 0 ? col_of(w.box) : -1;
          if (w.box.cx() < label_right) c = -1;
          // A word wider than one column (法人或其他组织) keeps the segment whole.
          if (!cur.words.empty() && c != cur_col) {
            pieces.push_back(cur);
            cur = Segment{};
          }
          cur.add(w);
          cur_col = c;
        }
        if (!cur.words.empty()) pieces.push_back(cur);
      }
      std::sort(pieces.begin(), pieces.end(), [](const Segment& a, const Segment& b) { return a.box.y0 < b.box.y0; });
      std::vector<H> hs;
      for (auto& s : pieces) {
        int c0 = -1, c1 = -1;
        if (s.box.cx() >= label_right) {
          for (std::size_t c = 0; c < cols.size(); ++c) {
            const double ov = overlap(s.box.x0, s.box.x1, cx0[c], cx1[c]);
            if (ov >= 0.3 * std::min(s.box.w(), cx1[c] - cx0[c]) || (s.box.cx() >= cx0[c] && s.box.cx() < cx1[c])) {
              if (c0 < 0) c0 = static_cast<int>(c);
              c1 = static_cast<int>(c);
            }
          }
        }
        H* into = nullptr;
        for (auto& h : hs)
          if (h.c0 == c0 && h.c1 == c1 && s.box.y0 - h.box.y1 < 0.6 * s.size) into = &h;
        if (into) {
          into->box = into->box.united(s.box);
          for (auto& w : s.words) into->words.push_back(w);
        } else {
          hs.push_back(H{c0, c1, s.box, s.words});
        }
      }
      // Group headers (行政复议 over five columns) span their whole group, not just the columns
      // their text happens to overlap.
      {
        std::vector<HeaderPiece> hp;
        std::vector<std::size_t> hp_of;
        for (std::size_t k = 0; k < hs.size(); ++k)
          if (hs[k].c0 >= 0 && hs[k].box.y1 <= top[0]) hp.push_back(HeaderPiece{hs[k].box, hs[k].c0, hs[k].c1}), hp_of.push_back(k);
        std::vector<double> edges(cols.size() + 1);
        for (std::size_t c = 1; c < cols.size(); ++c) edges[c] = (cols[c - 1].x1 + cols[c].x0) / 2;
        // The outer borders are unknown: mirror the inner ones around the column's values.
        edges.front() = cols.size() > 1 ? 2 * cols.front().cx() - edges[1] : cx0.front();
        edges.back() = cols.size() > 1 ? 2 * cols.back().cx() - edges[cols.size() - 1] : cx1.back();
        widen_header_spans(hp, edges);
        for (std::size_t k = 0; k < hp.size(); ++k) hs[hp_of[k]].c0 = hp[k].c0, hs[hp_of[k]].c1 = hp[k].c1;
      }
      // Multi-level headers stack without gaps: a header cell starts where the header text above it
      // over the same columns ends (the header's top when none is), and reaches down to the next
      // header cell below it (or to the first value row).
      double header_top = top[0];
      for (const auto& h : hs) header_top = std::min(header_top, h.box.y0);
      auto shares = [](const H& a, const H& b) {
        return (a.c0 < 0 && b.c0 < 0) || (a.c0 >= 0 && b.c0 >= 0 && b.c0 <= a.c1 && b.c1 >= a.c0);
      };
      std::vector<double> cell_top(hs.size());
      for (std::size_t k = 0; k < hs.size(); ++k) {
        const H& h = hs[k];
        if (h.box.y1 > top[0]) {  // text among the values keeps its own place
          cell_top[k] = h.box.y0;
          continue;
        }
        cell_top[k] = header_top;
        for (const auto& o : hs)
          if (&o != &h && shares(h, o) && o.box.y1 <= h.box.y0 + 0.1) cell_top[k] = std::max(cell_top[k], o.box.y1);
      }
      for (std::size_t k = 0; k < hs.size(); ++k) {
        H& h = hs[k];
        double y1 = top[0];
        for (std::size_t q = 0; q < hs.size(); ++q)
          if (q != k && shares(h, hs[q]) && hs[q].box.y0 > h.box.y1 - 0.1) y1 = std::min(y1, cell_top[q]);
        Rect r{h.c0 < 0 ? snap(table_left) : cx0[static_cast<std::size_t>(h.c0)], cell_top[k],
               h.c0 < 0 ? label_right : cx1[static_cast<std::size_t>(h.c1)], y1};
        if (r.y1 <= r.y0) r.y1 = r.y0 + 1;
        add_cell(r, std::move(h.words));
      }
    }
    for (auto& c : t.cells) t.box = t.box.united(c.rect);
    t.from = page_spans(t.box);
    if (brk && t.box.y1 > brk->y) t.last_page = brk->page;
    tables.push_back(std::move(t));
    for (std::size_t j = first; j <= last; ++j) taken[j] = 1;
    for (auto j : vertical_lines) taken[j] = 1;
    i = last + 1;
  }
  std::vector<Line> rest;
  for (std::size_t j = 0; j < n; ++j)
    if (!taken[j]) rest.push_back(std::move(lines[j]));
  lines = std::move(rest);
  return tables;
}

std::size_t continued_rows(const std::vector<Line>& upper, const std::vector<Line>& lines) {
  if (lines.empty() || lines.front().vertical) return 0;
  // The block of close lines ending the previous page (a table's last rows, or its header).
  std::vector<const Line*> above;
  for (const auto& l : upper)
    if (!l.vertical) above.push_back(&l);
  if (above.empty()) return 0;
  std::stable_sort(above.begin(), above.end(), [](const Line* a, const Line* b) { return a->box.y0 < b->box.y0; });
  const Line& tail = *above.back();
  if (segments_of(tail).size() < 2) return 0;  // the page does not end in a row of columns
  std::vector<Segment> cols;
  double block_top = tail.box.y0;
  for (std::size_t k = above.size(), taken = 0; k-- > 0 && taken < 10; ++taken) {
    const Line& l = *above[k];
    if (l.box.y1 < block_top - std::max(8.0, l.size)) break;
    if (std::abs(l.size - tail.size) > 1.5) continue;  // a heading above the table
    block_top = std::min(block_top, l.box.y0);
    for (auto& sg : segments_of(l)) cols.push_back(std::move(sg));
  }
  double cols_left = 1e18;
  for (const auto& c : cols) cols_left = std::min(cols_left, c.box.x0);
  // Does `line` put its labels left of its values and each value under its own column segment of
  // that block (the narrowest one over it)? Returns the x where its values start (< 0 when not).
  auto aligned = [&](const Line& line) -> double {
    if (line.vertical || std::abs(line.size - tail.size) > 1.5) return -1;
    const std::vector<Segment> segs = segments_of(line);
    const double unit = std::max(8.0, line.size);
    std::vector<char> used(cols.size(), 0);
    int values = 0;
    double value_left = -1;
    for (const auto& s : segs) {
      if (!s.value) {
        if (values > 0) return -1;  // text right of a value: not a table row
        continue;
      }
      int match = -1;
      for (std::size_t c = 0; c < cols.size(); ++c)
        if (overlap(s.box.x0 - 0.25 * unit, s.box.x1 + 0.25 * unit, cols[c].box.x0, cols[c].box.x1) > 0 &&
            (match < 0 || cols[c].box.w() < cols[static_cast<std::size_t>(match)].box.w()))
          match = static_cast<int>(c);
      if (match < 0 || used[static_cast<std::size_t>(match)]) return -1;
      used[static_cast<std::size_t>(match)] = 1;
      if (values == 0) value_left = s.box.x0;
      ++values;
    }
    if (values == 0) return -1;
    // A row label needs a column for it left of the values.
    if (!segs.front().value && cols_left >= value_left - 0.25 * unit) return -1;
    return value_left;
  };
  // Lines of a header row (or a wrapped label) that the page break cut in two come first: short
  // texts only (no line of prose); their texts are columns too (总计 set lower in its cell).
  double cols_right = -1e18;
  for (const auto& c : cols) cols_right = std::max(cols_right, c.box.x1);
  std::size_t first = 0;
  for (; first < lines.size() && first < 4; ++first) {
    const Line& l = lines[first];
    const double unit = std::max(8.0, l.size);
    if (aligned(l) >= 0) break;
    std::vector<Segment> segs = segments_of(l);
    bool value = false;
    for (const auto& sg : segs) value = value || sg.value;
    double widest = 0;
    for (const auto& sg : segs) widest = std::max(widest, sg.box.w());
    if (l.vertical || value || std::abs(l.size - tail.size) > 1.5 || widest > 0.6 * std::max(cols_right - cols_left, 10 * unit) ||
        (first > 0 && l.box.y0 - lines[first - 1].box.y1 > unit))
      return 0;
    for (auto& sg : segs) cols.push_back(std::move(sg));
  }
  if (first >= lines.size()) return 0;
  const Line& head = lines[first];
  const double head_left = aligned(head);
  if (head_left < 0 || segments_of(head).size() < 2) return 0;
  if (first > 0 && head.box.y0 - lines[first - 1].box.y1 > std::max(8.0, head.size)) return 0;
  // The rows that follow, with wrapped labels (lines left of the values) between them.
  std::size_t last = first;
  double value_left = head_left;
  for (std::size_t j = first + 1; j < lines.size(); ++j) {
    const Line& l = lines[j];
    const double gap = l.box.y0 - lines[j - 1].box.y1;
    if (gap > 2.5 * std::max(8.0, l.size)) break;
    const double left = aligned(l);
    if (left >= 0) {
      value_left = std::min(value_left, left);
      last = j;
      continue;
    }
    // A label line (the start of a row whose values stand on its next line, or a wrapped label).
    if (l.vertical || l.box.x1 > value_left || gap > 0.6 * std::max(8.0, l.size)) break;
  }
  // A wrapped label below the last row belongs to it.
  std::size_t end = last + 1;
  while (end < lines.size()) {
    const Line& l = lines[end];
    const double gap = l.box.y0 - lines[end - 1].box.y1;
    if (l.vertical || l.box.x1 > value_left || starts_with_marker(l.text()) || gap > 0.5 * std::max(8.0, l.size)) break;
    ++end;
  }
  return end;
}

void widen_header_spans(std::vector<HeaderPiece>& pieces, const std::vector<double>& edges) {
  const int n = static_cast<int>(edges.size()) - 1;
  // Wide grids and crowded headers are not report headers (the search is quadratic in both).
  if (n < 2 || n > 64 || pieces.size() > 400) return;
  std::vector<double> widths;
  for (int c = 0; c < n; ++c) widths.push_back(edges[static_cast<std::size_t>(c) + 1] - edges[static_cast<std::size_t>(c)]);
  std::sort(widths.begin(), widths.end());
  const double pitch = widths[widths.size() / 2];
  // A group one column too wide or too narrow is off centre by half a column: tolerate less.
  const double tol = 0.3 * pitch;
  // Groups centred alike (equal columns make nested groups centred on one point) go to the wider.
  const double per_column = 0.02 * pitch;
  if (!(tol > 0)) return;

  // Bands: header texts on one line (the way build_lines groups words).
  std::vector<std::size_t> order;
  for (std::size_t k = 0; k < pieces.size(); ++k)
    if (pieces[k].c0 >= 0 && pieces[k].c0 <= pieces[k].c1 && pieces[k].c1 < n) order.push_back(k);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return pieces[a].box.y0 < pieces[b].box.y0; });
  std::vector<std::vector<std::size_t>> bands;
  std::vector<int> band_of(pieces.size(), -1);
  for (auto k : order) {
    const Rect& b = pieces[k].box;
    int into = -1;
    for (std::size_t g = 0; g < bands.size() && into < 0; ++g) {
      const Rect& f = pieces[bands[g].front()].box;
      if (overlap(f.y0, f.y1, b.y0, b.y1) >= 0.5 * std::min(f.h(), b.h())) into = static_cast<int>(g);
    }
    if (into < 0) {
      into = static_cast<int>(bands.size());
      bands.emplace_back();
    }
    bands[static_cast<std::size_t>(into)].push_back(k);
    band_of[k] = into;
  }
  // The columns each text overlaps, before any widening (what the texts below are known by).
  std::vector<std::pair<int, int>> direct(pieces.size());
  for (std::size_t k = 0; k < pieces.size(); ++k) direct[k] = {pieces[k].c0, pieces[k].c1};
  auto below = [&](const HeaderPiece& p, const HeaderPiece& o) { return o.box.y0 >= p.box.y1 - 0.25 * p.box.h(); };

  // Top band first: a group is settled before the groups inside it, which then stay inside it.
  std::vector<char> settled(pieces.size(), 0);
  struct Cand {
    int a, b;
    double cost;
  };
  for (std::size_t g = 0; g < bands.size(); ++g) {
    std::vector<std::size_t> band = bands[g];
    std::sort(band.begin(), band.end(), [&](std::size_t a, std::size_t b) { return pieces[a].c0 < pieces[b].c0; });
    bool disjoint = true;
    for (std::size_t i = 0; i + 1 < band.size(); ++i) disjoint = disjoint && pieces[band[i]].c1 < pieces[band[i + 1]].c0;
    std::vector<std::vector<Cand>> cands(band.size());
    for (std::size_t i = 0; i < band.size(); ++i) {
      const HeaderPiece& p = pieces[band[i]];
      const double cx = p.box.cx();
      auto score = [&](int a, int b) {
        return std::abs((edges[static_cast<std::size_t>(a)] + edges[static_cast<std::size_t>(b) + 1]) / 2 - cx);
      };
      cands[i].push_back(Cand{p.c0, p.c1, score(p.c0, p.c1) - per_column * (p.c1 - p.c0 + 1)});
      if (!disjoint) continue;
      // Inside the group above it (the nearest settled text above over its columns), and clear of
      // its neighbours' own columns.
      int lo = i > 0 ? pieces[band[i - 1]].c1 + 1 : 0, hi = i + 1 < band.size() ? pieces[band[i + 1]].c0 - 1 : n - 1;
      int parent_lo = 0, parent_hi = n - 1;
      double parent_y = -1e18;
      for (std::size_t q = 0; q < pieces.size(); ++q) {
        const HeaderPiece& o = pieces[q];
        if (!settled[q] || !below(o, p) || o.c0 > p.c0 || o.c1 < p.c1 || o.box.y1 <= parent_y) continue;
        parent_lo = o.c0, parent_hi = o.c1, parent_y = o.box.y1;
      }
      lo = std::max(lo, parent_lo), hi = std::min(hi, parent_hi);
      // Columns it may take: a header text below it heads the column (it is a group over
      // something), and no header text beside it (in another band, overlapping its line) holds it.
      std::vector<char> free_col(static_cast<std::size_t>(n), 0), cut_ok(static_cast<std::size_t>(n) + 1, 1);
      std::vector<std::pair<int, int>> lower;
      for (std::size_t q = 0; q < pieces.size(); ++q) {
        const HeaderPiece& o = pieces[q];
        if (q == band[i] || band_of[q] < 0) continue;
        const auto [d0, d1] = direct[q];
        if (below(p, o)) {
          for (int c = d0; c <= d1; ++c) free_col[static_cast<std::size_t>(c)] = 1;
          // A group never cuts a lower text's columns in two, nor merely repeats them (a header over
          // exactly the columns of the one below it is a wrapped line, not a group of it).
          for (int j = d0 + 1; j <= d1; ++j) cut_ok[static_cast<std::size_t>(j)] = 0;
          lower.emplace_back(d0, d1);
        }
      }
      for (std::size_t q = 0; q < pieces.size(); ++q) {
        const HeaderPiece& o = pieces[q];
        if (q == band[i] || band_of[q] < 0 || band_of[q] == static_cast<int>(g) ||
            overlap(o.box.y0, o.box.y1, p.box.y0, p.box.y1) <= 0.25 * std::min(o.box.h(), p.box.h()))
          continue;
        for (int c = o.c0; c <= o.c1; ++c) free_col[static_cast<std::size_t>(c)] = 0;
      }
      for (int a = p.c0; a >= lo; --a) {
        if (a < p.c0 && !free_col[static_cast<std::size_t>(a)]) break;
        for (int b = p.c1; b <= hi; ++b) {
          if (b > p.c1 && !free_col[static_cast<std::size_t>(b)]) break;
          if ((a == p.c0 && b == p.c1) || !cut_ok[static_cast<std::size_t>(a)] || !cut_ok[static_cast<std::size_t>(b) + 1] ||
              std::find(lower.begin(), lower.end(), std::make_pair(a, b)) != lower.end())
            continue;
          const double off = score(a, b);
          if (off <= tol) cands[i].push_back(Cand{a, b, off - per_column * (b - a + 1)});
        }
      }
    }
    // Choose one candidate per text, in order and disjoint: fewest columns left unassigned between
    // neighbours first (they delimit each other's groups), then the best centring.
    struct Best {
      int gaps = 0;
      double cost = 0;
      int from = -1;
      bool ok = false;
    };
    std::vector<std::vector<Best>> best(band.size());
    for (std::size_t i = 0; i < band.size(); ++i) {
      best[i].resize(cands[i].size());
      for (std::size_t k = 0; k < cands[i].size(); ++k) {
        const Cand& c = cands[i][k];
        Best& b = best[i][k];
        if (i == 0) {
          b = Best{0, c.cost, -1, true};
          continue;
        }
        for (std::size_t q = 0; q < cands[i - 1].size(); ++q) {
          const Best& prev = best[i - 1][q];
          const Cand& pc = cands[i - 1][q];
          if (!prev.ok || pc.b >= c.a) continue;
          const int gaps = prev.gaps + (c.a - pc.b - 1);
          const double cost = prev.cost + c.cost;
          if (!b.ok || gaps < b.gaps || (gaps == b.gaps && cost < b.cost - 1e-9)) b = Best{gaps, cost, static_cast<int>(q), true};
        }
      }
    }
    int pick = -1;
    const std::vector<Best>& tail = best[band.size() - 1];
    for (std::size_t k = 0; k < tail.size(); ++k) {
      if (!tail[k].ok) continue;
      const Best* cur = pick < 0 ? nullptr : &tail[static_cast<std::size_t>(pick)];
      if (!cur || tail[k].gaps < cur->gaps || (tail[k].gaps == cur->gaps && tail[k].cost < cur->cost - 1e-9))
        pick = static_cast<int>(k);
    }
    for (std::size_t i = band.size(); i-- > 0 && pick >= 0;) {
      const Cand& c = cands[i][static_cast<std::size_t>(pick)];
      pieces[band[i]].c0 = c.a;
      pieces[band[i]].c1 = c.b;
      pick = best[i][static_cast<std::size_t>(pick)].from;
    }
    for (auto k : band) settled[k] = 1;
  }
}

// ---------------------------------------------------------------------------------------------
// Joining across pages and the model grid

namespace {

// Row index ranges of each cell from the clustered y edges of a table.
struct RowIndex {
  std::vector<double> ys;
  int r0(const GeoCell& c) const { return nearest(ys, c.rect.y0); }
  int r1(const GeoCell& c) const { return std::max(r0(c) + 1, nearest(ys, c.rect.y1)); }
};

RowIndex rows_of(const GeoTable& t) {
  std::vector<double> v;
  for (const auto& c : t.cells) v.push_back(c.rect.y0), v.push_back(c.rect.y1);
  return RowIndex{cluster(v, kLineMerge)};
}

bool is_numeric_cell(const GeoCell& c) { return !c.text.empty() && is_value_token(c.text); }

// The x ranges of the columns holding values (numeric cells clustered by their left edge).
std::vector<std::pair<double, double>> value_columns(const GeoTable& t) {
  std::vector<std::pair<double, double>> v;
  for (const auto& c : t.cells)
    if (is_numeric_cell(c)) v.emplace_back(c.rect.x0, c.rect.x1);
  std::sort(v.begin(), v.end());
  std::vector<std::pair<double, double>> out;
  for (const auto& r : v) {
    if (!out.empty() && r.first - out.back().first <= kLineMerge) out.back().second = std::max(out.back().second, r.second);
    else out.push_back(r);
  }
  return out;
}

// Texts of the grid rows before the first row holding a value.
std::vector<std::u32string> header_rows(const GeoTable& t, const RowIndex& ri) {
  int first_value = INT32_MAX;
  for (const auto& c : t.cells)
    if (is_numeric_cell(c)) first_value = std::min(first_value, ri.r0(c));
  std::vector<std::u32string> out;
  if (first_value == INT32_MAX) return out;
  for (int r = 0; r < first_value; ++r) {
    std::vector<const GeoCell*> row;
    for (const auto& c : t.cells)
      if (ri.r0(c) == r) row.push_back(&c);
    std::sort(row.begin(), row.end(), [](const GeoCell* a, const GeoCell* b) { return a->rect.x0 < b->rect.x0; });
    std::u32string key;
    for (auto* c : row) key += header_key(c->text) + U'|';
    out.push_back(key);
  }
  return out;
}

// True when the page break cut a row in two (word processors let a row break across pages):
// `lower`'s first row (stacked at y = `seam`) continues `upper`'s last row column by column. Either
// its values continue without a row label of their own (29 / 0 → 290), or it holds only the rest
// of the label (a wrapped label's last line, no list marker) under a row that has values.
// True when every digit group after a grouping comma has three digits (12,345 — not 13,32): a
// number cut by a cell's line wrap leaves a short last group.
bool well_grouped(std::u32string_view s) {
  std::size_t run = 0;
  bool after_comma = false;
  for (char32_t c : s) {
    if (c == ' ' || c == 0x3000) continue;
    if ((c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19)) {
      ++run;
    } else if (c == ',' || c == 0xFF0C) {
      if (after_comma && run != 3) return false;
      after_comma = true;
      run = 0;
    } else {
      break;  // a decimal point or a unit ends the integer part
    }
  }
  return !after_comma || run == 3;
}

bool row_split(const GeoTable& upper, const GeoTable& lower, double seam) {
  const auto cols = value_columns(upper);
  if (cols.empty()) return false;
  const double value_x = cols.front().first;
  auto counterpart = [&](const GeoCell& lc) -> const GeoCell* {
    for (const auto& c : upper.cells)
      if (std::abs(c.rect.y1 - seam) <= 0.5 && std::abs(c.rect.x0 - lc.rect.x0) <= 3 && std::abs(c.rect.x1 - lc.rect.x1) <= 3) return &c;
    return nullptr;
  };
  const GeoCell *label_l = nullptr, *label_u = nullptr;
  int lower_values = 0, upper_values = 0;
  for (const auto& c : upper.cells)
    if (std::abs(c.rect.y1 - seam) <= 0.5 && c.rect.x0 >= value_x - 3 && is_numeric_cell(c)) ++upper_values;
  for (const auto& lc : lower.cells) {
    if (std::abs(lc.rect.y0 - seam) > 0.5) continue;
    const GeoCell* uc = counterpart(lc);
    if (uc == nullptr) return false;  // columns differ: not the same row
    if (lc.rect.x0 < value_x - 3) {
      if (label_l == nullptr || lc.rect.x1 > label_l->rect.x1) label_l = &lc, label_u = uc;
      continue;
    }
    if (lc.text.empty()) continue;
    if (!uc->text.empty() && !is_value_token(join_lines({uc->text, lc.text}))) return false;
    ++lower_values;
  }
  if (label_l == nullptr || label_u->text.empty()) return false;
  if (lower_values > 0) {
    if (label_l->text.empty()) return true;
    // Label and values both cut (a narrow table whose cells wrap): a value cut inside its digit
    // grouping (13,32 | 1) proves it; otherwise the lower label must read as the tail of a
    // numbered label — no marker of its own, short, and no total row's word.
    if (starts_with_marker(label_l->text) || !starts_with_marker(label_u->text)) return false;
    for (const auto& lc : lower.cells) {
      if (std::abs(lc.rect.y0 - seam) > 0.5 || lc.rect.x0 < value_x - 3 || lc.text.empty()) continue;
      const GeoCell* uc = counterpart(lc);
      if (uc != nullptr && !uc->text.empty() && !well_grouped(uc->text) && well_grouped(join_lines({uc->text, lc.text})))
        return true;
    }
    std::size_t chars = 0;
    for (char32_t c : label_l->text) chars += c != ' ' && c != 0x3000;
    return chars <= 4 && label_l->text.find(U"计") == std::u32string::npos;
  }
  return upper_values > 0 && !label_l->text.empty() && !starts_with_marker(label_l->text);
}

}  // namespace

bool continues(const GeoTable& upper, const GeoTable& lower) {
  if (lower.first_page != upper.last_page + 1) return false;
  const double tol = 6.0;
  if (upper.ruled || lower.ruled)
    return std::abs(upper.box.x0 - lower.box.x0) <= tol && std::abs(upper.box.x1 - lower.box.x1) <= tol;
  // Unruled tables have looser edges: their value columns must line up instead. Every column of
  // the lower part lies under a column of the upper one, and it has at least half of them.
  std::vector<std::pair<double, double>> cu = value_columns(upper), cl = value_columns(lower);
  if (cu.empty() || cl.empty()) return true;  // a part without values (a header): nothing to compare
  for (const auto& [x0, x1] : cl) {
    bool under = false;
    for (const auto& [u0, u1] : cu) under = under || ((x0 + x1) / 2 >= u0 && (x0 + x1) / 2 <= u1);
    if (!under) return false;
  }
  return cl.size() * 2 >= cu.size();
}

int join_tables(GeoTable& upper, GeoTable lower) {
  RowIndex ru = rows_of(upper), rl = rows_of(lower);
  // Drop the rows of `lower` that repeat the header rows of `upper`.
  std::vector<std::u32string> hu = header_rows(upper, ru);
  std::vector<std::u32string> hl;
  {
    int nrows = static_cast<int>(rl.ys.size()) - 1;
    for (int r = 0; r < nrows && hl.size() < hu.size(); ++r) {
      std::vector<const GeoCell*> row;
      for (const auto& c : lower.cells)
        if (rl.r0(c) == r) row.push_back(&c);
      std::sort(row.begin(), row.end(), [](const GeoCell* a, const GeoCell* b) { return a->rect.x0 < b->rect.x0; });
      std::u32string key;
      for (auto* c : row) key += header_key(c->text) + U'|';
      hl.push_back(key);
    }
  }
  int dropped = 0;
  while (dropped < static_cast<int>(hu.size()) && dropped < static_cast<int>(hl.size()) && hu[static_cast<std::size_t>(dropped)] == hl[static_cast<std::size_t>(dropped)])
    ++dropped;
  if (dropped > 0 && dropped == static_cast<int>(hu.size())) {
    const double cut = rl.ys[static_cast<std::size_t>(dropped)];
    std::vector<GeoCell> keep;
    for (auto& c : lower.cells)
      if (c.rect.y0 >= cut - 0.5) keep.push_back(std::move(c));
      else if (c.rect.y1 > cut + 0.5) {  // a cell spanning the header and the body keeps its body part
        c.rect.y0 = cut;
        keep.push_back(std::move(c));
      }
    lower.cells = std::move(keep);
    rl = rows_of(lower);
  } else {
    dropped = 0;
  }
  if (lower.cells.empty()) return dropped;

  // Stack `lower` right under `upper`.
  double upper_bottom = -1e18, lower_top = 1e18;
  for (const auto& c : upper.cells) upper_bottom = std::max(upper_bottom, c.rect.y1);
  for (const auto& c : lower.cells) lower_top = std::min(lower_top, c.rect.y0);
  const double dy = upper_bottom - lower_top;
  for (auto& c : lower.cells) c.rect.y0 += dy, c.rect.y1 += dy;
  rl = rows_of(lower);

  // Cells cut by the page break: a label spanning rows (or an empty continuation, or one whose top
  // border is missing, or any cell of a row cut in two) joins the cell above it in the same column.
  const bool split_row = row_split(upper, lower, upper_bottom);
  for (auto& lc : lower.cells) {
    if (std::abs(lc.rect.y0 - upper_bottom) > 0.5) continue;
    GeoCell* uc = nullptr;
    for (auto& c : upper.cells)
      if (std::abs(c.rect.y1 - upper_bottom) <= 0.5 && std::abs(c.rect.x0 - lc.rect.x0) <= 3 && std::abs(c.rect.x1 - lc.rect.x1) <= 3)
        uc = &c;
    if (uc == nullptr) continue;
    const bool upper_spans = ru.r1(*uc) - ru.r0(*uc) > 1;
    const bool lower_spans = rl.r1(lc) - rl.r0(lc) > 1;
    const bool marker = starts_with_marker(lc.text);
    bool merge = split_row || (lower.closed_top && lc.open_top) ||
                 ((upper_spans || lower_spans) && !marker && !is_numeric_cell(lc) && !is_numeric_cell(*uc));
    if (!merge) continue;
    uc->text = join_lines({uc->text, lc.text});
    uc->rect.y1 = lc.rect.y1;
    for (auto& s : lc.from) uc->from.push_back(s);
    lc.text.clear();
    lc.from.clear();
    lc.rect = Rect{};  // marks it merged
  }
  for (auto& c : lower.cells)
    if (!(c.rect.x0 == 0 && c.rect.x1 == 0 && c.rect.y0 == 0 && c.rect.y1 == 0)) upper.cells.push_back(std::move(c));
  for (auto& s : lower.from) upper.from.push_back(s);
  upper.last_page = lower.last_page;
  upper.box = lower.box;
  upper.ragged = upper.ragged || lower.ragged;
  return dropped;
}

Table to_table(const GeoTable& g, const std::string& id, const Limits& limits, const std::string& source) {
  std::vector<double> xv, yv;
  for (const auto& c : g.cells) xv.push_back(c.rect.x0), xv.push_back(c.rect.x1), yv.push_back(c.rect.y0), yv.push_back(c.rect.y1);
  std::vector<double> xs = cluster(xv, kLineMerge), ys = cluster(yv, kLineMerge);
  Table t;
  t.id = id;
  t.ragged = g.ragged;
  t.from = g.from;
  t.rows = std::max<int>(0, static_cast<int>(ys.size()) - 1);
  t.cols = std::max<int>(0, static_cast<int>(xs.size()) - 1);
  if (static_cast<std::size_t>(t.rows) * static_cast<std::size_t>(t.cols) > limits.max_table_cells)
    throw Error(ErrorCode::limit_exceeded, source,
                "table " + id + " has " + std::to_string(t.rows) + "x" + std::to_string(t.cols) +
                    " slots, over the max-table-cells limit");
  for (const auto& gc : g.cells) {
    Cell c;
    c.row = nearest(ys, gc.rect.y0);
    c.col = nearest(xs, gc.rect.x0);
    c.row_span = std::max(1, nearest(ys, gc.rect.y1) - c.row);
    c.col_span = std::max(1, nearest(xs, gc.rect.x1) - c.col);
    if (c.row >= t.rows || c.col >= t.cols) continue;
    c.text = u32_to_utf8(gc.text);
    c.from = gc.from;
    t.cells.push_back(std::move(c));
  }
  normalize_grid(t);
  // Header rows: the rows above the first one holding a value.
  int first_value = t.rows;
  for (const auto& c : t.cells)
    if (!c.text.empty() && is_value_token(utf8_to_u32(c.text))) first_value = std::min(first_value, c.row);
  // Header rows: above the first value, and rows of labels only between the parts of a table
  // (信息内容 | 本年处理决定数量 between the 第二十条 blocks).
  std::vector<int> values(static_cast<std::size_t>(t.rows), 0), filled(static_cast<std::size_t>(t.rows), 0);
  for (const auto& c : t.cells) {
    if (c.text.empty()) continue;
    ++filled[static_cast<std::size_t>(c.row)];
    if (is_value_token(utf8_to_u32(c.text))) ++values[static_cast<std::size_t>(c.row)];
  }
  for (auto& c : t.cells) {
    const auto r = static_cast<std::size_t>(c.row);
    c.header = c.row < first_value || (values[r] == 0 && filled[r] >= 2 && c.row_span == 1);
  }
  return t;
}

}  // namespace ogix::pdf
