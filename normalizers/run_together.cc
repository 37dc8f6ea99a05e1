// Run-together text read back into tables: finding the official labels and their digit runs in
// the text, and rebuilding tables 二、三、四 (the runs are cut by run_splits).
#include "normalizers/run_together.h"

#include <algorithm>
#include <map>
#include <set>

#include "normalizers/cell_value.h"
#include "normalizers/profile_mapper.h"
#include "model/table_grid.h"
#include "text/unicode.h"

namespace ogix {

namespace {

// ---------------------------------------------------------------------------------------------
// Reading the text.

// The label-comparison view of a text: its Han characters and Latin letters with byte offsets.
struct Projection {
  std::u32string key;
  std::vector<std::size_t> begin, end;  // byte range of each key character
};

Projection project(const std::string& s) {
  Projection p;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t start = i;
    unsigned char b = static_cast<unsigned char>(s[i]);
    std::size_t len = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    len = std::min(len, s.size() - i);
    std::u32string cp = utf8_to_u32(std::string_view(s).substr(i, len));
    i += len;
    if (cp.size() != 1) continue;
    char32_t c = cp[0];
    if (is_ideographic(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
      p.key.push_back(simplified_char(c));  // labels are compared through the simplified key
      p.begin.push_back(start);
      p.end.push_back(i);
    }
  }
  return p;
}

struct Match {
  std::size_t begin = std::string::npos, end = 0;  // bytes
  bool found() const { return begin != std::string::npos; }
};

// Earliest occurrence of `key` (a label key) whose text lies inside [from, to).
Match find_key(const Projection& p, const std::u32string& key, std::size_t from, std::size_t to) {
  Match m;
  if (key.empty()) return m;
  std::size_t k = std::lower_bound(p.begin.begin(), p.begin.end(), from) - p.begin.begin();
  std::size_t kend = std::upper_bound(p.end.begin(), p.end.end(), to) - p.end.begin();  // key chars ending by `to`
  if (kend <= k) return m;
  std::size_t at = std::u32string_view(p.key).substr(0, kend).find(key, k);
  if (at == std::u32string::npos) return m;
  std::size_t e = p.end[at + key.size() - 1];
  m.begin = p.begin[at];
  m.end = e;
  return m;
}

// Earliest match among variants (the longest at the same place).
Match find_variants(const Projection& p, const std::vector<LabelVariant>& vs, std::size_t from, std::size_t to) {
  Match best;
  for (const auto& v : vs) {
    Match m = find_key(p, utf8_to_u32(v.leaf), from, to);
    if (!m.found()) continue;
    if (!best.found() || m.begin < best.begin || (m.begin == best.begin && m.end > best.end)) best = m;
  }
  return best;
}

std::size_t char_pos(const std::string& s, std::size_t byte) {  // 1-based code point index
  std::size_t n = 1;
  for (std::size_t i = 0; i < byte && i < s.size(); ++i) n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  return n;
}

std::string trim_spaces(std::string_view s) {
  std::size_t a = s.find_first_not_of(' ');
  if (a == std::string_view::npos) return {};
  std::size_t b = s.find_last_not_of(' ');
  return std::string(s.substr(a, b - a + 1));
}

// A digit run found after a label.
struct Run {
  std::size_t begin = 0, end = 0;  // bytes of the run (trimmed)
  std::string text;                // as written, spaces kept
  std::string unit;                // 元/万元 written right after it
  std::size_t unit_end = 0;
};

constexpr std::size_t kMaxGroupLabelBytes = 300;  // group labels before a row label: 三、本年度办理结果（三）不予公开

bool starts_with(const std::string& s, std::size_t at, std::string_view w) { return s.compare(at, w.size(), w) == 0; }

// The run of digits (with '.', '-', spaces) starting within `window` code points after `from`,
// before `to`. A trailing "N." / "N、" is the next item's numbering, not a value; a run that is only
// such a marker means the label heads a group (no values).
bool find_run(const std::string& s, std::size_t from, std::size_t to, std::size_t window, Run* out) {
  std::size_t i = from, chars = 0;
  while (i < to && !is_ascii_digit(s[i])) {
    if (s[i] == '-' && i + 1 < to && is_ascii_digit(s[i + 1])) break;
    if (starts_with(s, i, "。") || starts_with(s, i, "；")) return false;  // the sentence ended
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && ++chars > window) return false;
    ++i;
  }
  if (i >= to) return false;
  std::size_t j = i;
  while (j < to && (is_ascii_digit(s[j]) || s[j] == '.' || s[j] == '-' || s[j] == ' ')) ++j;
  std::size_t e = j;
  while (e > i && s[e - 1] == ' ') --e;
  // Numbering glued to the run: "00000002.其他…" or "…1、…".
  bool marker = false;
  if (e > i && s[e - 1] == '.' && (e >= to || !is_ascii_digit(s[e]))) marker = true;
  if (e == j && (starts_with(s, e, "、") || starts_with(s, e, "．"))) marker = true;
  if (marker) {
    if (s[e - 1] == '.') --e;
    if (e > i && is_ascii_digit(s[e - 1])) --e;  // item numbers stay below 10 in the official tables
    while (e > i && s[e - 1] == ' ') --e;
  }
  if (e <= i) return false;
  if (std::none_of(s.begin() + static_cast<long>(i), s.begin() + static_cast<long>(e), is_ascii_digit)) return false;
  out->begin = i;
  out->end = e;
  out->text = s.substr(i, e - i);
  out->unit_end = e;
  for (std::string_view u : {"万元", "千元", "亿元", "元"})
    if (!marker && starts_with(s, e, u)) {
      out->unit = std::string(u);
      out->unit_end = e + u.size();
      break;
    }
  return true;
}

// The byte offset where a numbering marker just before `at` starts (一、 （一） 1.), else `at`.
std::size_t back_over_marker(const std::string& s, std::size_t floor, std::size_t at) {
  for (std::size_t back = 1; back <= 12 && back <= at - floor; ++back) {
    std::size_t b = at - back;
    if ((static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) continue;
    HeadingMarker m = heading_marker(std::string_view(s).substr(b, at - b + 3));
    if (m.level > 0 && b + m.length == at) return b;
  }
  return at;
}

// Splits a row label into its numbered components (三、本年度办理结果 / （四）无法提供 / 1.本机关…).
std::vector<std::pair<int, std::string>> label_parts(const std::string& label) {
  std::vector<std::pair<int, std::string>> parts;
  std::size_t start = 0;
  int level = 0;
  for (std::size_t i = 0; i < label.size(); ++i) {
    if ((static_cast<unsigned char>(label[i]) & 0xC0) == 0x80) continue;
    HeadingMarker m = heading_marker(std::string_view(label).substr(i));
    if (m.level == 0 || i == start) {
      if (i == start && m.level > 0) level = m.level;
      continue;
    }
    std::string part = trim_spaces(std::string_view(label).substr(start, i - start));
    if (!part.empty()) parts.emplace_back(level, part);
    start = i;
    level = m.level;
  }
  std::string part = trim_spaces(std::string_view(label).substr(start));
  if (!part.empty()) parts.emplace_back(level, part);
  return parts;
}

Span span_at(int line, const std::string& s, std::size_t byte) {
  Span sp;
  sp.path = "line:" + std::to_string(line) + "/char:" + std::to_string(char_pos(s, byte));
  return sp;
}

// One row found in the text.
struct FoundRow {
  const ProfileRow* row = nullptr;
  std::size_t label_begin = 0;
  std::string label;
  Run run;
};

struct Piece {
  std::size_t begin = 0, end = 0;
  std::vector<Block> blocks;
};

class Reflow {
 public:
  Reflow(Document& doc, const Profile& profile) : doc_(doc), profile_(profile) {}

  // Heading cuts and tables of one paragraph; returns its replacement blocks.
  std::vector<Block> paragraph(const Paragraph& p);
  // Heading cuts only: the paragraph's text between the headings, and each heading on its own.
  std::vector<Block> cut_headings(const Paragraph& p);

 private:
  struct Heading {
    std::size_t begin, end;
    int section;
  };
  std::vector<Heading> headings(const std::string& s, const Projection& proj);
  std::size_t table_rows(const std::string& s, const Projection& proj, const ProfileTable& t, std::size_t a,
                         std::size_t b, std::vector<FoundRow>* rows);
  std::size_t proactive(const std::string& s, const Projection& proj, std::size_t a, std::size_t b, std::vector<Piece>* out);
  std::size_t applications(const std::string& s, const Projection& proj, std::size_t a, std::size_t b, std::vector<Piece>* out);
  std::size_t review(const std::string& s, const Projection& proj, std::size_t a, std::size_t b, std::vector<Piece>* out);
  std::vector<RunDecision> decide(const std::string& table, const std::vector<RunSlots>& runs,
                                  const std::vector<std::string>& where);
  std::vector<SourceCell> value_cells(const std::string& s, const Run& run, const RunDecision& d, std::size_t from,
                                      std::size_t count);
  std::string header_text(const std::string& s, const Projection& proj, const ProfileColumn& col, std::size_t a,
                          std::size_t b, Span* from);
  Table make_table(const std::vector<std::vector<SourceCell>>& rows, std::size_t at, const std::string& s);

  Document& doc_;
  const Profile& profile_;
  int line_ = 0;
  int current_section_ = -1;
  int tables_ = 0;
  bool done_proactive_ = false, done_applications_ = false, done_review_ = false;

 public:
  int runs = 0, decided = 0, ambiguous = 0;
};

std::vector<Reflow::Heading> Reflow::headings(const std::string& s, const Projection& proj) {
  std::vector<Heading> out;
  std::u32string marker_nums = U"一二三四五六七八九十";
  for (std::size_t k = 0; k + 1 < proj.key.size(); ++k) {
    if (marker_nums.find(proj.key[k]) == std::u32string::npos) continue;
    std::size_t after = proj.end[k];
    if (!starts_with(s, after, "、")) continue;
    if (k > 0 && proj.end[k - 1] == proj.begin[k] && marker_nums.find(proj.key[k - 1]) != std::u32string::npos) continue;
    std::size_t m_end = after + std::string_view("、").size();
    int best = -1;
    Match best_m;
    std::size_t best_len = 0;
    for (std::size_t si = 0; si < profile_.sections.size(); ++si) {
      if (static_cast<int>(si) <= current_section_) continue;
      for (const auto& v : profile_.sections[si].variants) {
        std::u32string vk = utf8_to_u32(v);
        // The variant must start within a few characters of the marker (政府信息公开行政复议…):
        // searching only that window keeps a line full of markers linear.
        std::size_t last = std::min(proj.key.size(), k + 1 + 8 + vk.size());
        Match m = find_key(proj, vk, m_end, proj.end[last - 1]);
        if (!m.found()) continue;
        bool digits = false;
        for (std::size_t i = m_end; i < m.begin; ++i) digits = digits || is_ascii_digit(s[i]);
        if (digits) continue;
        if (vk.size() > best_len) {
          best = static_cast<int>(si);
          best_m = m;
          best_len = vk.size();
        }
      }
    }
    if (best < 0) continue;
    current_section_ = best;
    out.push_back({proj.begin[k], best_m.end, best});
  }
  return out;
}

std::size_t Reflow::table_rows(const std::string& s, const Projection& proj, const ProfileTable& t, std::size_t a,
                               std::size_t b, std::vector<FoundRow>* rows) {
  std::size_t cursor = a;
  for (const auto& r : t.rows) {
    Match m = find_variants(proj, r.variants, cursor, b);
    if (!m.found()) continue;
    Run run;
    if (!find_run(s, m.end, b, 40, &run)) continue;  // a group label such as 其他处理 (1. 2. 3. follow)
    FoundRow f;
    f.row = &r;
    f.label_begin = back_over_marker(s, cursor, m.begin);
    f.label = trim_spaces(std::string_view(s).substr(f.label_begin, run.begin - f.label_begin));
    f.run = run;
    rows->push_back(std::move(f));
    cursor = run.unit_end;
  }
  return cursor;
}

std::vector<RunDecision> Reflow::decide(const std::string& table, const std::vector<RunSlots>& runs,
                                        const std::vector<std::string>& where) {
  std::vector<RunDecision> d = split_runs(profile_, table, runs);
  for (std::size_t i = 0; i < d.size(); ++i) {
    ++this->runs;
    if (!d[i].cells.empty()) {
      ++decided;
      continue;
    }
    ++ambiguous;
    std::string n = std::to_string(runs[i].slots.size());
    if (d[i].capped)
      doc_.add_finding("text.ambiguous_run", Severity::warning,
                       "digit run \"" + runs[i].run + "\" has too many possible splits into " + n +
                           " cells to judge; its cells are left as text",
                       where[i]);
    else if (d[i].candidates == 0)
      doc_.add_finding("text.unsplittable_run", Severity::warning,
                       "digit run \"" + runs[i].run + "\" cannot be split into " + n + " cells consistently; its cells are left as text",
                       where[i]);
    else
      doc_.add_finding("text.ambiguous_run", Severity::warning,
                       "digit run \"" + runs[i].run + "\" has " + std::to_string(d[i].candidates) + " possible splits into " + n +
                           " cells; its cells are left as text",
                       where[i]);
  }
  return d;
}

// Cells [from, from+count) of a run's split; an undecided run gives text cells holding the run.
std::vector<SourceCell> Reflow::value_cells(const std::string& s, const Run& run, const RunDecision& d, std::size_t from,
                                            std::size_t count) {
  std::vector<SourceCell> out;
  if (d.cells.empty()) {
    for (std::size_t k = 0; k < count; ++k)
      out.push_back(SourceCell{run.text + run.unit + " (?)", 1, 1, false, {span_at(line_, s, run.begin)}});
    return out;
  }
  // Byte offset of each part: walk the run skipping spaces.
  std::vector<std::size_t> starts;
  std::size_t i = run.begin;
  for (const auto& part : d.cells) {
    while (i < run.end && s[i] == ' ') ++i;
    starts.push_back(i);
    i += part.size();
  }
  for (std::size_t k = from; k < from + count && k < d.cells.size(); ++k) {
    std::string text = d.cells[k];
    if (k + 1 == d.cells.size()) text += run.unit;
    out.push_back(SourceCell{text, 1, 1, false, {span_at(line_, s, starts[k])}});
  }
  return out;
}

std::string Reflow::header_text(const std::string& s, const Projection& proj, const ProfileColumn& col, std::size_t a,
                                std::size_t b, Span* from) {
  Match m = find_variants(proj, col.variants, a, b);
  if (m.found()) {
    *from = span_at(line_, s, m.begin);
    return s.substr(m.begin, m.end - m.begin);
  }
  *from = span_at(line_, s, a);
  return col.variants.empty() ? col.code : col.variants.front().leaf;
}

Table Reflow::make_table(const std::vector<std::vector<SourceCell>>& rows, std::size_t at, const std::string& s) {
  Limits limits;
  Table t = grid_from_rows(rows, limits, &doc_.findings, "t" + std::to_string(tables_ + 1));
  t.id = "t" + std::to_string(++tables_);
  t.from = {span_at(line_, s, at)};
  normalize_grid(t);
  return t;
}

Paragraph text_block(const std::string& s, std::size_t a, std::size_t b, int line) {
  Paragraph p;
  p.text = trim_spaces(std::string_view(s).substr(a, b - a));
  p.from = {span_at(line, s, a)};
  return p;
}

std::size_t Reflow::proactive(const std::string& s, const Projection& proj, std::size_t a, std::size_t b,
                              std::vector<Piece>* out) {
  const ProfileTable* t = profile_.table("proactive");
  if (!t) return a;
  std::vector<FoundRow> rows;
  std::size_t end = table_rows(s, proj, *t, a, b, &rows);
  if (rows.empty()) return a;
  std::vector<RunSlots> runs;
  std::vector<std::string> where;
  for (const auto& f : rows) {
    RunSlots rs{f.run.text, {}};
    for (const auto& c : f.row->cols) rs.slots.emplace_back(f.row->code, c);
    runs.push_back(std::move(rs));
    where.push_back("proactive/" + f.row->code);
  }
  std::vector<RunDecision> d = decide("proactive", runs, where);
  // One Table a group: consecutive rows with the same columns and no text between them.
  std::size_t prev_end = a;
  for (std::size_t i = 0; i < rows.size();) {
    std::size_t j = i + 1;
    auto glued = [&](std::size_t k) {  // only spaces between the previous run and this label
      std::size_t from = rows[k - 1].run.unit_end, to = rows[k].label_begin;
      return to >= from && trim_spaces(std::string_view(s).substr(from, to - from)).empty();
    };
    while (j < rows.size() && rows[j].row->cols == rows[i].row->cols && glued(j))
      ++j;
    Piece piece;
    piece.begin = prev_end;
    std::size_t head_a = prev_end, head_b = rows[i].label_begin;
    if (!trim_spaces(std::string_view(s).substr(head_a, head_b - head_a)).empty())
      piece.blocks.push_back(text_block(s, head_a, head_b, line_));
    std::vector<std::vector<SourceCell>> grid;
    std::vector<SourceCell> header;
    Match info = find_key(proj, U"信息内容", head_a, head_b);
    header.push_back(SourceCell{"信息内容", 1, 1, true, {span_at(line_, s, info.found() ? info.begin : head_a)}});
    for (const auto& code : rows[i].row->cols) {
      const ProfileColumn* col = t->col(code);
      Span sp;
      std::string text = col ? header_text(s, proj, *col, head_a, head_b, &sp) : code;
      header.push_back(SourceCell{text, 1, 1, true, {sp}});
    }
    grid.push_back(std::move(header));
    for (std::size_t k = i; k < j; ++k) {
      std::vector<SourceCell> row;
      row.push_back(SourceCell{rows[k].label, 1, 1, false, {span_at(line_, s, rows[k].label_begin)}});
      auto vals = value_cells(s, rows[k].run, d[k], 0, rows[k].row->cols.size());
      row.insert(row.end(), vals.begin(), vals.end());
      grid.push_back(std::move(row));
    }
    piece.blocks.push_back(make_table(grid, rows[i].label_begin, s));
    piece.end = rows[j - 1].run.unit_end;
    prev_end = piece.end;
    out->push_back(std::move(piece));
    i = j;
  }
  return end;
}

std::size_t Reflow::applications(const std::string& s, const Projection& proj, std::size_t a, std::size_t b,
                                 std::vector<Piece>* out) {
  const ProfileTable* t = profile_.table("applications");
  if (!t) return a;
  std::vector<FoundRow> rows;
  std::size_t end = table_rows(s, proj, *t, a, b, &rows);
  if (rows.empty()) return a;
  std::vector<std::string> cols;
  for (const auto& c : t->cols)
    if (!c.extra) cols.push_back(c.code);
  std::vector<RunSlots> runs;
  std::vector<std::string> where;
  for (const auto& f : rows) {
    RunSlots rs{f.run.text, {}};
    const auto& rc = f.row->cols.empty() ? cols : f.row->cols;
    for (const auto& c : rc) rs.slots.emplace_back(f.row->code, c);
    runs.push_back(std::move(rs));
    where.push_back("applications/" + f.row->code);
  }
  std::vector<RunDecision> d = decide("applications", runs, where);
  Piece piece;
  piece.begin = a;
  std::size_t head_b = rows.front().label_begin;
  if (!trim_spaces(std::string_view(s).substr(a, head_b - a)).empty()) piece.blocks.push_back(text_block(s, a, head_b, line_));
  std::vector<std::vector<SourceCell>> grid;
  // Header as the official table draws it: 自然人 | 法人或其他组织 (商业企业 … 其他) | 总计.
  std::vector<SourceCell> h1, h2;
  h1.push_back(SourceCell{"", 2, 3, true, {span_at(line_, s, a)}});
  Match group = find_key(proj, U"法人或其他组织", a, head_b);
  bool grouped = false;
  for (std::size_t k = 0; k < cols.size(); ++k) {
    const ProfileColumn* col = t->col(cols[k]);
    Span sp;
    std::string text = header_text(s, proj, *col, a, head_b, &sp);
    bool member = cols[k] != "natural_person" && cols[k] != "total";
    if (member && group.found()) {
      if (!grouped) {
        int n = 0;
        for (const auto& c : cols) n += c != "natural_person" && c != "total";
        h1.push_back(SourceCell{s.substr(group.begin, group.end - group.begin), 1, n, true, {span_at(line_, s, group.begin)}});
        grouped = true;
      }
      h2.push_back(SourceCell{text, 1, 1, true, {sp}});
    } else {
      h1.push_back(SourceCell{text, group.found() ? 2 : 1, 1, true, {sp}});
    }
  }
  grid.push_back(std::move(h1));
  if (!h2.empty()) grid.push_back(std::move(h2));
  if (h2.empty() && !group.found()) grid.front().front().row_span = 1;
  // Rows: three label columns (一、… / （三）… / 1.…), group labels repeated in each row.
  std::string top, mid;
  for (std::size_t k = 0; k < rows.size(); ++k) {
    // Group labels (三、本年度办理结果 （三）不予公开) sit between the previous run and this label.
    if (k > 0 && rows[k].label_begin - rows[k - 1].run.unit_end <= kMaxGroupLabelBytes) {
      rows[k].label_begin = rows[k - 1].run.unit_end;
      while (rows[k].label_begin < rows[k].run.begin && s[rows[k].label_begin] == ' ') ++rows[k].label_begin;
      rows[k].label = trim_spaces(std::string_view(s).substr(rows[k].label_begin, rows[k].run.begin - rows[k].label_begin));
    }
    auto parts = label_parts(rows[k].label);
    if (parts.empty()) parts.push_back({0, rows[k].label});
    for (std::size_t p = 0; p + 1 < parts.size(); ++p) {
      if (parts[p].first == 1) top = parts[p].second, mid.clear();
      if (parts[p].first == 2) mid = parts[p].second;
    }
    auto [level, leaf] = parts.back();
    Span sp = span_at(line_, s, rows[k].label_begin);
    std::vector<SourceCell> row;
    if (level == 1 || (top.empty() && mid.empty())) {
      row.push_back(SourceCell{leaf, 1, 3, false, {sp}});
      if (level == 1) top = leaf, mid.clear();
    } else if (level == 2 || mid.empty()) {
      row.push_back(SourceCell{top, 1, 1, false, {sp}});
      row.push_back(SourceCell{leaf, 1, 2, false, {sp}});
      if (level == 2) mid = leaf;
    } else {
      row.push_back(SourceCell{top, 1, 1, false, {sp}});
      row.push_back(SourceCell{mid, 1, 1, false, {sp}});
      row.push_back(SourceCell{leaf, 1, 1, false, {sp}});
    }
    auto vals = value_cells(s, rows[k].run, d[k], 0, runs[k].slots.size());
    row.insert(row.end(), vals.begin(), vals.end());
    grid.push_back(std::move(row));
  }
  piece.blocks.push_back(make_table(grid, rows.front().label_begin, s));
  piece.end = rows.back().run.unit_end;
  out->push_back(std::move(piece));
  return end;
}

// Table 四 as these pages print it: the header words, then one run for all three rows (行政复议 ·
// 未经复议直接起诉 · 复议后起诉, five columns each).
std::size_t Reflow::review(const std::string& s, const Projection& proj, std::size_t a, std::size_t b,
                           std::vector<Piece>* out) {
  const ProfileTable* t = profile_.table("review_litigation");
  if (!t || t->rows.size() != 3) return a;
  std::size_t cursor = a;
  std::vector<Match> labels;
  for (const auto& r : t->rows) {
    Match m = find_variants(proj, r.variants, cursor, b);
    if (!m.found()) return a;
    labels.push_back(m);
    cursor = m.end;
  }
  Run run;
  if (!find_run(s, cursor, b, 200, &run)) return a;
  std::vector<std::string> cols;
  for (const auto& c : t->cols)
    if (!c.extra) cols.push_back(c.code);
  RunSlots rs{run.text, {}};
  for (const auto& r : t->rows)
    for (const auto& c : cols) rs.slots.emplace_back(r.code, c);
  std::vector<RunDecision> d = decide("review_litigation", {rs}, {"review_litigation"});
  Piece piece;
  // The header starts at the first header word after the section heading.
  std::size_t head_a = labels.front().begin;
  piece.begin = a;
  if (!trim_spaces(std::string_view(s).substr(a, head_a - a)).empty()) piece.blocks.push_back(text_block(s, a, head_a, line_));
  std::size_t n = cols.size();
  std::vector<std::vector<SourceCell>> grid(4);
  Match lit = find_key(proj, U"行政诉讼", labels[0].end, run.begin);
  grid[0].push_back(SourceCell{s.substr(labels[0].begin, labels[0].end - labels[0].begin), 1, static_cast<int>(n), true,
                               {span_at(line_, s, labels[0].begin)}});
  grid[0].push_back(SourceCell{lit.found() ? s.substr(lit.begin, lit.end - lit.begin) : "行政诉讼", 1, static_cast<int>(2 * n),
                               true, {span_at(line_, s, lit.found() ? lit.begin : labels[0].end)}});
  for (std::size_t k = 0; k < n; ++k) {
    Span sp;
    std::string text = header_text(s, proj, *t->col(cols[k]), labels[0].end, run.begin, &sp);
    grid[1].push_back(SourceCell{text, 2, 1, true, {sp}});
  }
  for (int r = 1; r <= 2; ++r)
    grid[1].push_back(SourceCell{s.substr(labels[static_cast<std::size_t>(r)].begin,
                                          labels[static_cast<std::size_t>(r)].end - labels[static_cast<std::size_t>(r)].begin),
                                 1, static_cast<int>(n), true, {span_at(line_, s, labels[static_cast<std::size_t>(r)].begin)}});
  for (int r = 1; r <= 2; ++r)
    for (std::size_t k = 0; k < n; ++k) {
      Span sp;
      std::string text = header_text(s, proj, *t->col(cols[k]), labels[2].end, run.begin, &sp);
      grid[2].push_back(SourceCell{text, 1, 1, true, {sp}});
    }
  grid[3] = value_cells(s, run, d.front(), 0, 3 * n);
  piece.blocks.push_back(make_table(grid, head_a, s));
  piece.end = run.unit_end;
  out->push_back(std::move(piece));
  return run.unit_end;
}

std::vector<Block> Reflow::paragraph(const Paragraph& p) {
  const std::string& s = p.text;
  line_ = 0;
  if (!p.from.empty() && p.from.front().path.rfind("line:", 0) == 0) line_ = std::atoi(p.from.front().path.c_str() + 5);
  Projection proj = project(s);
  std::vector<Heading> hs = headings(s, proj);
  std::vector<Piece> pieces;
  for (const auto& h : hs) pieces.push_back(Piece{h.begin, h.end, {text_block(s, h.begin, h.end, line_)}});
  auto section_index = [&](const std::string& code) {
    for (std::size_t i = 0; i < profile_.sections.size(); ++i)
      if (profile_.sections[i].code == code) return static_cast<int>(i);
    return -1;
  };
  // A table's text runs from its section heading (or the previous table) to the next heading.
  auto range = [&](const std::string& code, std::size_t cursor, std::size_t* a, std::size_t* b) {
    int si = section_index(code);
    *a = cursor;
    for (const auto& h : hs)
      if (h.section == si) *a = std::max(cursor, h.end);
    *b = s.size();
    for (const auto& h : hs)
      if (h.begin >= *a && h.section > si) {
        *b = h.begin;
        break;
      }
  };
  std::vector<Piece> tables;
  std::size_t cursor = 0, a = 0, b = 0;
  bool any_heading = !hs.empty();
  if (!any_heading) return {p};
  if (!done_proactive_ && section_index("proactive") >= 0) {
    bool has = false;
    for (const auto& h : hs) has = has || h.section == section_index("proactive");
    if (has) {
      range("proactive", cursor, &a, &b);
      std::size_t e = proactive(s, proj, a, b, &tables);
      if (e != a) done_proactive_ = true, cursor = e;
    }
  }
  if (!done_applications_) {
    bool has = false;
    for (const auto& h : hs) has = has || h.section == section_index("applications");
    if (has) {
      range("applications", cursor, &a, &b);
      std::size_t e = applications(s, proj, a, b, &tables);
      if (e != a) done_applications_ = true, cursor = e;
    }
  }
  if (!done_review_ && done_applications_) {
    range("review_litigation", cursor, &a, &b);
    std::size_t e = review(s, proj, a, b, &tables);
    if (e != a) done_review_ = true;
  }
  for (auto& t : tables) pieces.push_back(std::move(t));
  std::stable_sort(pieces.begin(), pieces.end(), [](const Piece& x, const Piece& y) { return x.begin < y.begin; });
  std::vector<Block> out;
  std::size_t at = 0;
  for (auto& piece : pieces) {
    if (piece.begin > at && !trim_spaces(std::string_view(s).substr(at, piece.begin - at)).empty())
      out.push_back(text_block(s, at, piece.begin, line_));
    for (auto& blk : piece.blocks) out.push_back(std::move(blk));
    at = std::max(at, piece.end);
  }
  if (at < s.size() && !trim_spaces(std::string_view(s).substr(at)).empty()) out.push_back(text_block(s, at, s.size(), line_));
  return out;
}

std::vector<Block> Reflow::cut_headings(const Paragraph& p) {
  const std::string& s = p.text;
  line_ = 0;
  if (!p.from.empty() && p.from.front().path.rfind("line:", 0) == 0) line_ = std::atoi(p.from.front().path.c_str() + 5);
  std::vector<Heading> hs = headings(s, project(s));
  if (hs.empty()) return {p};
  std::vector<Block> out;
  std::size_t at = 0;
  for (const auto& h : hs) {
    if (h.begin > at && !trim_spaces(std::string_view(s).substr(at, h.begin - at)).empty())
      out.push_back(text_block(s, at, h.begin, line_));
    // The heading goes on to its closing 情况 (三、政府信息依申请公开|工作情况) when that follows
    // within a few characters, before any sentence punctuation or figure.
    std::size_t end = h.end, i = h.end;
    for (int chars = 0; i < s.size() && chars < 14; ++chars) {
      if (is_ascii_digit(s[i]) || s[i] == ' ' || starts_with(s, i, "。") || starts_with(s, i, "，") ||
          starts_with(s, i, "；") || starts_with(s, i, "："))
        break;
      if (starts_with(s, i, "情况")) {
        end = i + std::string_view("情况").size();
        break;
      }
      unsigned char b = static_cast<unsigned char>(s[i]);
      i += b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    }
    out.push_back(text_block(s, h.begin, end, line_));
    at = end;
  }
  if (at < s.size() && !trim_spaces(std::string_view(s).substr(at)).empty()) out.push_back(text_block(s, at, s.size(), line_));
  return out;
}

// The number of digits in the run right after `label` in `s` (spaces allowed), 0 if none.
std::size_t digits_after(const std::string& s, std::string_view label) {
  std::size_t best = 0;
  for (std::size_t at = s.find(label); at != std::string::npos; at = s.find(label, at + 1)) {
    std::size_t i = at + label.size(), n = 0;
    while (i < s.size() && (s[i] == ' ' || is_ascii_digit(s[i]))) n += is_ascii_digit(s[i++]);
    best = std::max(best, n);
  }
  return best;
}

}  // namespace

bool is_run_together(const Document& doc) {
  if (doc.meta.extractor != "text") return false;
  // The official label of 一、本年新收… as the profile states it (its first variant; the same in
  // both formats, so the first profile serves).
  static const std::string new_received = [] {
    const ProfileTable* t = builtin_profiles().front().table("applications");
    const ProfileRow* r = t ? t->row("new_received") : nullptr;
    return r && !r->variants.empty() ? r->variants.front().leaf : std::string();
  }();
  if (new_received.empty()) return false;
  bool labels = false, info = false;
  for (const auto& b : doc.blocks) {
    if (std::holds_alternative<Table>(b)) return false;  // tab tables: the text extractor read them
    const std::string text = simplified_key(std::get<Paragraph>(b).text);
    // Seven application cells need at least seven digits straight after the official row label.
    if (digits_after(text, new_received) >= 7) labels = true;
    // 信息内容 heads the first column of table 二 in both formats; it names no profile code.
    if (text.find("信息内容") != std::string::npos) info = true;
  }
  return labels && info;
}

void split_inline_headings(Document& doc, const Profile& profile) {
  Document scratch;  // headings report no findings; the reflow's own go nowhere
  Reflow r(scratch, profile);
  std::vector<Block> out;
  for (auto& b : doc.blocks) {
    if (auto* p = std::get_if<Paragraph>(&b)) {
      for (auto& x : r.cut_headings(*p)) out.push_back(std::move(x));
    } else {
      out.push_back(std::move(b));
    }
  }
  doc.blocks = std::move(out);
}

void reflow_run_together(Document& doc) {
  if (!is_run_together(doc)) return;
  ProfileChoice choice = detect_profile(doc);
  // Without format wording the mapper assumes ogi-2019 (table 三 is the same in both); so do we.
  const Profile* profile = choice.profile ? choice.profile : find_profile("ogi-2019");
  if (!profile) return;
  Reflow r(doc, *profile);
  std::vector<Block> out;
  for (auto& b : doc.blocks) {
    auto blocks = r.paragraph(std::get<Paragraph>(b));
    for (auto& x : blocks) out.push_back(std::move(x));
  }
  doc.blocks = std::move(out);
  doc.add_finding("text.run_together", Severity::info,
                  "tables rebuilt from run-together text: " + std::to_string(r.runs) + " digit runs, " +
                      std::to_string(r.decided) + " split, " + std::to_string(r.ambiguous) + " left as text");
}

}  // namespace ogix
