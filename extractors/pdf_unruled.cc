// Unruled tables in PDF geometry: columns from the alignment of value tokens, header texts over
// them, and the rows that continue a table at the top of the next page.
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

}  // namespace ogix::pdf
