// Ruled tables in PDF geometry: cells from connected ruling networks.
#include "extractors/pdf_table.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "extractors/pdf_table_geometry.h"
#include "model/error.h"
#include "model/table_grid.h"
#include "text/unicode.h"

namespace ogix::pdf {
namespace {

// A ruling network with more grid slots than this is not a table we can read (hostile input).
constexpr std::size_t kMaxSlots = 40000;

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
double coverage(const std::vector<std::pair<double, double>>& iv, double a0, double a1) {
  if (a1 <= a0) return 0;
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

// Splits a word into pieces at the given x boundaries using its per-character boxes; empty when
// the word stays whole (most words sit inside one cell: no copy of them is made).
std::vector<Word> split_word(const Word& w, const std::vector<double>& cuts) {
  if (w.vertical || w.chars.size() != w.text.size() || w.text.size() < 2) return {};
  auto slot = [&](double x) { return static_cast<int>(std::upper_bound(cuts.begin(), cuts.end(), x) - cuts.begin()); };
  const int first = slot(w.chars.front().cx());
  if (std::all_of(w.chars.begin() + 1, w.chars.end(), [&](const Rect& c) { return slot(c.cx()) == first; })) return {};
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
  return out;
}

}  // namespace

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
    // Sorted once here, not copied and sorted by every coverage() call (one per slot border).
    for (auto& c : vcov) std::sort(c.begin(), c.end());
    for (auto& c : hcov) std::sort(c.begin(), c.end());
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
      auto place = [&](Word&& piece) {
        int id = locate(piece.box.cx(), piece.box.cy());
        if (id >= 0) content[static_cast<std::size_t>(id)].push_back(std::move(piece));
      };
      std::vector<Word> pieces = split_word(words[w], inner_x);
      if (pieces.empty()) place(std::move(words[w]));  // taken: words[w] is not read again
      for (auto& piece : pieces) place(std::move(piece));
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

}  // namespace ogix::pdf
