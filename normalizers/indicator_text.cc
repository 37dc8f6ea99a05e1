#include "normalizers/indicator_text.h"

#include <algorithm>
#include <map>
#include <set>

#include "model/limits.h"
#include "normalizers/cell_value.h"
#include "normalizers/indicator_table.h"
#include "normalizers/profile_mapper.h"
#include "normalizers/run_together.h"
#include "model/table_grid.h"
#include "text/unicode.h"

namespace ogix {

namespace {

constexpr std::size_t kMaxRows = 400;             // an indicator table has under 100 rows
constexpr std::size_t kMaxJointCombinations = 20000;  // beyond: the runs of a rule stay as they are
constexpr std::size_t kMaxCandidates = 2000;      // splits of one run kept for the decision

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_numbering_mark(char32_t c) { return c == '.' || c == U'．' || c == U'、'; }
bool is_cn_numeral(char32_t c) { return std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos; }

std::u32string trim(std::u32string_view s) {
  std::size_t a = s.find_first_not_of(U' ');
  if (a == std::u32string_view::npos) return {};
  std::size_t b = s.find_last_not_of(U' ');
  return std::u32string(s.substr(a, b - a + 1));
}

bool at(const std::u32string& s, std::size_t i, std::u32string_view w) { return s.compare(i, w.size(), w) == 0; }

// A run of text (label words) or of digits (values, maybe ending in the next row's numbering).
struct Chunk {
  bool digits = false;
  std::u32string text;
  std::size_t begin = 0;  // code point index in the paragraph
};

// Length of an na cell standing alone at `i` in a spaced copy (" - ", " — ", " / "), else 0.
std::size_t na_token(const std::u32string& s, std::size_t i) {
  if (i == 0 || s[i - 1] != ' ') return 0;
  std::size_t j = i;
  while (j < s.size() && s[j] != ' ') ++j;
  std::u32string_view tok = std::u32string_view(s).substr(i, j - i);
  for (std::u32string_view na : {U"-", U"/", U"—", U"——", U"－", U"／", U"无"})
    if (tok == na) return j - i;
  return 0;
}

std::vector<Chunk> chunks(const std::u32string& s, std::size_t from) {
  std::vector<Chunk> out;
  std::size_t i = from;
  while (i < s.size()) {
    bool d = is_digit(s[i]) || na_token(s, i) > 0;
    std::size_t j = i;
    if (d) {
      // Digits and na cells with spaces between them.
      for (std::size_t n; j < s.size() && (n = na_token(s, j)) > 0 && (j + n == s.size() || s[j + n] == ' ');) {
        j += n;
        while (j < s.size() && s[j] == ' ') ++j;
      }
      // Digits with spaces and decimal points between them; a point followed by no digit is the
      // numbering mark of the next row (2.政府公报公开数), not part of the run.
      // A grouping comma (1,205) is part of the number.
      while (j < s.size()) {
        if (is_digit(s[j]) || s[j] == ' ' || ((s[j] == '.' || s[j] == ',') && j + 1 < s.size() && is_digit(s[j + 1]))) {
          ++j;
        } else if (std::size_t n = na_token(s, j); n > 0 && (j + n == s.size() || s[j + n] == ' ')) {
          j += n;
        } else {
          break;
        }
      }
      while (j > i && s[j - 1] == ' ') --j;
    } else {
      // A bracketed remark ((不同渠道和方式公开相同信息计1条)) is label text, digits and all. An na
      // cell standing alone (次 — 39) ends the label as a digit does.
      while (j < s.size() && !is_digit(s[j])) {
        if (j > i) {
          std::size_t n = na_token(s, j);
          if (n > 0 && (j + n == s.size() || s[j + n] == ' ')) break;
        }
        if (s[j] == U'（' || s[j] == '(') {
          std::size_t close = s.find(s[j] == U'（' ? U'）' : U')', j);
          if (close != std::u32string::npos && close - j <= 60) {
            j = close + 1;
            continue;
          }
        }
        ++j;
      }
    }
    out.push_back(Chunk{d, s.substr(i, j - i), i});
    i = j;
  }
  return out;
}

// One row read from the text.
struct TextRow {
  std::u32string label;  // as written (numbering kept), unit removed
  std::u32string unit;
  std::u32string run;    // the values as written (spaces kept)
  std::size_t label_begin = 0, run_begin = 0;
  bool group = false;    // a heading row with no values
  bool spaced = false;   // a space stands between the label and the values: every cell is a token
  bool na_cells = false; // cells are tokens: na tokens (-, /) or units (235条) follow the digits
  std::vector<std::vector<std::string>> candidates;
  bool capped = false;
  const ProfileRow* row = nullptr;
  int parent = -1;
};

Span span(int line, std::size_t cp) {
  Span sp;
  sp.path = "line:" + std::to_string(line) + "/char:" + std::to_string(cp + 1);
  return sp;
}

bool to_micros(const std::string& s, long long* out) { return decimal_to_micros(s, out); }

// Splits a label chunk at inner Chinese numbering (一、主动公开情况（一）主动公开政府信息数): the
// pieces before the last are group headings.
std::vector<std::pair<std::size_t, std::u32string>> label_pieces(const std::u32string& t) {
  std::vector<std::size_t> cuts{0};
  for (std::size_t i = 1; i < t.size(); ++i) {
    if (t[i] == U'（' && i + 2 < t.size() && is_cn_numeral(t[i + 1])) {
      std::size_t j = i + 1;
      while (j < t.size() && is_cn_numeral(t[j])) ++j;
      if (j < t.size() && t[j] == U'）') cuts.push_back(i);
    } else if (is_cn_numeral(t[i]) && !is_cn_numeral(t[i - 1])) {
      std::size_t j = i;
      while (j < t.size() && is_cn_numeral(t[j])) ++j;
      if (j < t.size() && t[j] == U'、') cuts.push_back(i);
    }
  }
  std::vector<std::pair<std::size_t, std::u32string>> out;
  for (std::size_t k = 0; k < cuts.size(); ++k) {
    std::size_t e = k + 1 < cuts.size() ? cuts[k + 1] : t.size();
    out.push_back({cuts[k], t.substr(cuts[k], e - cuts[k])});
  }
  return out;
}

// The unit a label ends with (条, 件, 元 …: the table's units, longest first).
std::u32string unit_suffix(const ProfileTable& table, const std::u32string& label) {
  for (const auto& u : table.units)
    if (label.size() > u.size() && label.compare(label.size() - u.size(), u.size(), u) == 0) return u;
  return {};
}

class Reader {
 public:
  Reader(Document& doc, const Profile& profile, const ProfileTable& table) : doc_(doc), profile_(profile), pt_(table) {}

  // Replaces the paragraph holding a table; returns false when it holds none.
  // `prose` = how many of the blocks written are the report's text before the table's title.
  // `text` is the paragraph's text to read (its spaced form when the raw text is known).
  bool paragraph(const Paragraph& p, std::string_view text, std::vector<Block>* out, std::size_t* prose);

 private:
  bool header(const std::u32string& s, std::size_t h, std::size_t* end);
  void read_rows(const std::u32string& s, std::size_t from, std::size_t* end);
  void split_runs();
  void resplit_headers();
  bool names_indicator(const std::u32string& label) const;
  void close_valueless(std::u32string* label, std::size_t* label_begin);
  void decide(const std::string& prose);
  std::map<std::pair<std::string, std::string>, std::set<std::string>> stated(const std::string& prose) const;

  Document& doc_;
  const Profile& profile_;
  const ProfileTable& pt_;
  int line_ = 0;
  bool has_unit_ = false;
  std::u32string label_head_, unit_head_;
  std::vector<std::u32string> periods_;
  std::vector<std::string> codes_;
  std::vector<TextRow> rows_;
};

bool Reader::header(const std::u32string& s, std::size_t h, std::size_t* end) {
  label_head_.clear();
  unit_head_.clear();
  has_unit_ = false;
  periods_.clear();
  std::size_t i = h;
  for (std::u32string_view w : {std::u32string_view(U"指标名称"), std::u32string_view(U"指标")})
    if (at(s, i, w)) {
      label_head_ = std::u32string(w);
      i += w.size();
      break;
    }
  if (label_head_.empty()) return false;
  auto skip = [&] {
    while (i < s.size() && s[i] == ' ') ++i;
  };
  skip();
  for (std::u32string_view w : {std::u32string_view(U"计量单位"), std::u32string_view(U"单位")})
    if (at(s, i, w)) {
      unit_head_ = std::u32string(w);
      has_unit_ = true;
      i += w.size();
      break;
    }
  // 指标 alone is a word, not a header, unless a period header follows it (指标 本年 累计).
  // Period headers: YYYY年(度), or the profile's column wording (longest first).
  std::vector<std::u32string> words;
  for (const auto& c : pt_.cols)
    for (const auto& v : c.variants) words.push_back(utf8_to_u32(v.leaf));
  std::sort(words.begin(), words.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  while (periods_.size() < 6) {
    skip();
    std::size_t start = i;
    if (i + 5 <= s.size() && std::all_of(s.begin() + static_cast<long>(i), s.begin() + static_cast<long>(i + 4), is_digit) &&
        s[i + 4] == U'年') {
      i += 5;
      if (i < s.size() && s[i] == U'度') ++i;
    } else {
      for (const auto& w : words)
        if (!w.empty() && at(s, i, w)) {
          i += w.size();
          break;
        }
    }
    if (i == start) break;
    periods_.push_back(s.substr(start, i - start));
  }
  *end = i;
  if (label_head_ == U"指标" && !has_unit_ && periods_.empty()) {
    label_head_.clear();
    periods_.clear();
    return false;
  }
  return !periods_.empty();
}

void Reader::read_rows(const std::u32string& s, std::size_t from, std::size_t* end) {
  std::vector<Chunk> cs = chunks(s, from);
  std::u32string label;
  std::size_t label_begin = from;
  *end = from;
  auto numbered_as = [](const std::u32string& l) { return read_indicator_label(u32_to_utf8(l)); };
  bool more_cells = false;  // the row's unit closed a cell (235条): digits next are its next cell
  for (std::size_t ci = 0; ci < cs.size() && rows_.size() < kMaxRows; ++ci) {
    const Chunk& c = cs[ci];
    if (!c.digits) {
      std::u32string text = c.text;
      more_cells = false;
      // A unit written against the digits (依申请公开信息收取的费用 43160元 政府信息…, the space
      // before the next label often dropped) is that cell's own unit, not the next label's first
      // word: it stays with the cell, so the mapper converts money from it or leaves a unit that
      // contradicts the row as text. It is the cell's when a space or the end closes it, when the
      // rest names an indicator that the whole does not, or when no label begins with it (元, 条 …
      // unlike 个人, 项目, 部门). The row's own unit column repeated in the cell is handled below.
      if (label.empty() && !rows_.empty() && !rows_.back().group && c.begin > 0 && is_digit(s[c.begin - 1]))
        for (const auto& u : pt_.units) {
          if (text.compare(0, u.size(), u) != 0) continue;
          if (u == rows_.back().unit) break;
          std::u32string rest = trim(text.substr(u.size()));
          static const std::u32string_view never_starts_label[] = {U"条", U"件", U"元", U"千元", U"万元", U"亿元", U"%", U"％", U"篇", U"册", U"份", U"人次"};
          bool closed = text.size() == u.size() || text[u.size()] == ' ' ||
                        std::find(std::begin(never_starts_label), std::end(never_starts_label), u) != std::end(never_starts_label) ||
                        (names_indicator(rest) && !names_indicator(trim(text)));
          if (!closed) break;
          rows_.back().run += u;
          rows_.back().na_cells = true;  // cells are tokens: a token with its unit is one cell
          text = text.substr(u.size());
          more_cells = true;
          break;
        }
      if (more_cells && trim(text).empty()) continue;
      more_cells = false;
      // A cell repeating the row's unit (条 235条 900条): the unit ends the cell.
      if (label.empty() && !rows_.empty() && !rows_.back().group && !rows_.back().unit.empty() &&
          text.compare(0, rows_.back().unit.size(), rows_.back().unit) == 0) {
        text = text.substr(rows_.back().unit.size());
        rows_.back().na_cells = true;
        more_cells = trim(text).empty();
        if (more_cells) continue;
      }
      // In a spaced copy an na cell (- / —) after the digits is the row's next cell.
      if (label.empty() && !rows_.empty() && !rows_.back().group) {
        std::size_t i = 0;
        while (true) {
          std::size_t a = i;
          while (a < text.size() && text[a] == ' ') ++a;
          if (a == i && i > 0) break;
          std::size_t b = a;
          while (b < text.size() && text[b] != ' ') ++b;
          std::u32string tok = text.substr(a, b - a);
          bool na = tok == U"-" || tok == U"/" || tok == U"—" || tok == U"－" || tok == U"／" || tok == U"——" || tok == U"无";
          if (!na || a == 0 || b >= text.size()) break;
          rows_.back().run += U" " + tok;
          rows_.back().na_cells = true;
          i = b;
        }
        text = text.substr(i);
      }
      if (label.empty()) label_begin = c.begin + (c.text.size() - text.size());
      label += text;
      close_valueless(&label, &label_begin);
      continue;
    }
    std::u32string run = c.text, numbering;
    bool next_numbered = ci + 1 < cs.size() && !cs[ci + 1].digits && is_numbering_mark(cs[ci + 1].text.front());
    if (more_cells && label.empty()) {
      more_cells = false;
      if (next_numbered) {  // 0条 2.政府公报…: the next row's numbering; 8,503条 8,503 2.…: a cell, then it
        std::size_t sp = run.rfind(U' ');
        if (sp != std::u32string::npos) {
          rows_.back().run += U" " + trim(run.substr(0, sp));
          *end = c.begin + sp;
        }
        std::size_t skip = sp == std::u32string::npos ? 0 : sp + 1;
        label_begin = c.begin + skip;
        label = run.substr(skip);
      } else {
        rows_.back().run += U" " + run;
        *end = c.begin + c.text.size();
      }
      continue;
    }
    IndicatorLabel cur = numbered_as(label);
    if (next_numbered && !cur.key.empty() && (run == U"1" || (cur.level == 3 && run == utf8_to_u32(std::to_string(cur.number + 1))))) {
      // A heading with no values ((二)通过不同渠道… 1.政府公报…): the digits are the next numbering.
      // With a unit column, a last piece that states its unit and names an indicator (1.按时办结数
      // 件 2.延期…) is a row whose cells are blank, not a heading.
      auto pieces = label_pieces(label);
      for (std::size_t pi = 0; pi < pieces.size(); ++pi) {
        TextRow gr;
        gr.label = trim(pieces[pi].second);
        gr.label_begin = label_begin + pieces[pi].first;
        gr.group = true;
        std::u32string unit = has_unit_ && pi + 1 == pieces.size() ? unit_suffix(pt_, gr.label) : std::u32string();
        if (!unit.empty() && names_indicator(trim(gr.label.substr(0, gr.label.size() - unit.size())))) {
          gr.label = trim(gr.label.substr(0, gr.label.size() - unit.size()));
          gr.unit = unit;
          gr.group = false;
          gr.na_cells = true;  // no token: a blank cell in every period
          gr.run_begin = c.begin;
        }
        if (!gr.label.empty()) rows_.push_back(std::move(gr));
      }
      label_begin = c.begin;
      label = run;
      continue;
    }
    if (next_numbered) {
      if (cur.key.empty()) {  // 其中：1. — the digits are this label's own numbering
        if (run.size() > 2 || run.find(U' ') != std::u32string::npos) break;
        if (label.empty()) label_begin = c.begin;
        label += run;
        continue;
      }
      std::size_t sp = run.rfind(U' ');
      if (sp != std::u32string::npos) {  // spaced: the last word is the next row's numbering
        numbering = run.substr(sp + 1);
        run = trim(run.substr(0, sp));
      } else {
        // Run together: the next row's number is this row's + 1 (1. 2. 3. …), or 1 under a new whole.
        std::u32string sibling = cur.level == 3 ? utf8_to_u32(std::to_string(cur.number + 1)) : U"";
        for (const std::u32string& n : {sibling, std::u32string(U"1")})
          if (!n.empty() && run.size() > n.size() && run.compare(run.size() - n.size(), n.size(), n) == 0) {
            numbering = n;
            run = run.substr(0, run.size() - n.size());
            break;
          }
        if (numbering.empty()) break;  // numbering we cannot place: the table ends here for us
      }
    }
    // A date or a signature after the table (2017年1月8日) is no row.
    if (ci + 1 < cs.size() && !cs[ci + 1].digits) {
      char32_t n = cs[ci + 1].text.front();
      if (n == U'年' || n == U'月' || n == U'日' || n == U'号') break;
    }
    // The label chunk may hold group headings before the row's own label.
    auto pieces = label_pieces(label);
    bool ok = true;
    for (std::size_t pi = 0; pi + 1 < pieces.size(); ++pi) {
      std::u32string g = trim(pieces[pi].second);
      if (g.find(U'。') != std::u32string::npos) ok = false;
      TextRow gr;
      gr.label = g;
      gr.label_begin = label_begin + pieces[pi].first;
      gr.group = true;
      rows_.push_back(std::move(gr));
    }
    std::u32string own = trim(pieces.back().second);
    TextRow r;
    r.label_begin = label_begin + pieces.back().first;
    if (has_unit_) {
      r.unit = unit_suffix(pt_, own);
      if (r.unit.empty()) ok = false;  // every row of a table with a unit column names its unit
      own = trim(own.substr(0, own.size() - r.unit.size()));
    }
    if (own.find(U'。') != std::u32string::npos || own.size() > 60) ok = false;
    if (!ok) {
      while (!rows_.empty() && rows_.back().group && rows_.back().label_begin >= label_begin) rows_.pop_back();
      break;
    }
    // An unnumbered group heading run into the label (主动公开情况主动公开政府信息数): split where
    // the heading's 情况 ends and the rest names an indicator that the whole does not.
    if (!names_indicator(own))
      for (std::size_t x = own.find(U"情况"); x != std::u32string::npos; x = own.find(U"情况", x + 1)) {
        std::u32string rest = trim(own.substr(x + 2));
        if (rest.empty() || !names_indicator(rest)) continue;
        TextRow gr;
        gr.label = trim(own.substr(0, x + 2));
        gr.label_begin = r.label_begin;
        gr.group = true;
        rows_.push_back(std::move(gr));
        r.label_begin += x + 2;
        own = rest;
        break;
      }
    r.label = own;
    r.run = run;
    r.run_begin = c.begin;
    r.spaced = c.begin > 0 && s[c.begin - 1] == ' ';
    rows_.push_back(std::move(r));
    *end = c.begin + c.text.size();
    label = numbering;
    label_begin = c.begin + c.text.size() - numbering.size();
  }
}

// Normalization drops the space between two period headers (本年 累计 → 本年累计, itself a
// current header): when the spaced rows carry one token more than the headers read, the header
// that is two period words is read as two.
void Reader::resplit_headers() {
  std::size_t fits = 0, one_more = 0;
  for (const auto& r : rows_) {
    if (r.group || !r.spaced) continue;
    std::size_t tokens = 1;
    for (char32_t x : trim(r.run)) tokens += x == U' ';
    fits += tokens == periods_.size();
    one_more += tokens == periods_.size() + 1;
  }
  if (one_more <= fits) return;
  std::vector<std::u32string> words;
  for (const auto& c : pt_.cols)
    for (const auto& v : c.variants) words.push_back(utf8_to_u32(v.leaf));
  for (std::size_t i = 0; i < periods_.size(); ++i)
    for (const auto& a : words)
      if (periods_[i].size() > a.size() && periods_[i].compare(0, a.size(), a) == 0 &&
          std::find(words.begin(), words.end(), periods_[i].substr(a.size())) != words.end()) {
        std::u32string b = periods_[i].substr(a.size());
        periods_[i] = a;
        periods_.insert(periods_.begin() + static_cast<long>(i) + 1, b);
        return;
      }
}

bool Reader::names_indicator(const std::u32string& label) const {
  std::string key = read_indicator_label(u32_to_utf8(label)).key;
  for (const auto& pr : pt_.rows)
    for (const auto& v : pr.variants)
      if (!key.empty() && v.leaf == key) return true;
  return false;
}

// Rows with no digits inside one label chunk, once normalization has dropped the spaces around
// them: an na cell after the unit (涉及国家秘密件—涉及商业秘密) or a blank one between two
// indicators (收费减免金额万元行政复议数件). Each becomes a row of its own.
void Reader::close_valueless(std::u32string* label, std::size_t* label_begin) {
  if (!has_unit_) {
    // No unit column: a row whose cells are all blank leaves two labels run together (其他形式申请数
    // 对申请的答复总数 14). Split only where both halves name indicators and the whole does not; the
    // first is a row with blank cells.
    // Two labels are at most 120 characters (a longer chunk is no row: read_rows ends the table).
    if (label->size() > 120 || names_indicator(trim(*label))) return;
    for (std::size_t p = 2; p + 2 < label->size() && rows_.size() < kMaxRows; ++p) {
      std::u32string before = trim(label->substr(0, p)), rest = trim(label->substr(p));
      if (before.empty() || rest.empty() || !names_indicator(before) || !names_indicator(rest)) continue;
      TextRow r;
      r.label = before;
      r.na_cells = true;
      r.label_begin = *label_begin;
      r.run_begin = *label_begin + p;
      rows_.push_back(std::move(r));
      *label_begin += p;
      *label = label->substr(p);
      return;
    }
    return;
  }
  static const std::u32string_view nas[] = {U"——", U"—", U"-", U"－", U"/", U"／", U"无"};
  for (std::size_t p = 1; p < label->size() && p <= 120 && rows_.size() < kMaxRows; ++p) {  // a label before its unit is under 60 characters
    for (const auto& u : pt_.units) {
      if (label->compare(p, u.size(), u) != 0) continue;
      std::u32string before = trim(label->substr(0, p));
      // A group heading run into the label (通过不同渠道和方式公开政府信息的情况政府公报公开政府信息数):
      // cut where its 情况 ends and the rest names an indicator.
      std::size_t group_end = 0;
      if (!before.empty() && !names_indicator(before))
        for (std::size_t x = before.find(U"情况"); x != std::u32string::npos; x = before.find(U"情况", x + 1))
          if (names_indicator(trim(before.substr(x + 2)))) {
            group_end = x + 2;
            break;
          }
      if (group_end > 0) before = trim(before.substr(group_end));
      if (before.empty() || !names_indicator(before)) continue;
      std::size_t q = p + u.size();
      while (q < label->size() && (*label)[q] == ' ') ++q;
      std::u32string run;
      for (auto na : nas)
        if (label->compare(q, na.size(), na) == 0) {
          run = std::u32string(na);
          break;
        }
      std::size_t rest = q + run.size();
      while (rest < label->size() && (*label)[rest] == ' ') ++rest;
      if (rest >= label->size()) continue;
      // Without an na mark the rest must itself begin with an indicator and its unit (网上咨询数件
      // 咨询电话接听数件: a second blank row may follow).
      if (run.empty()) {
        std::u32string next = trim(label->substr(rest));
        bool names = false;
        for (std::size_t e = 1; e <= next.size() && e <= 60 && !names; ++e)
          for (const auto& u2 : pt_.units)
            if (next.compare(e, u2.size(), u2) == 0 && names_indicator(trim(next.substr(0, e)))) {
              names = true;
              break;
            }
        if (!names) continue;
      }
      if (group_end > 0) {
        TextRow gr;
        gr.label = trim(label->substr(0, group_end));
        gr.label_begin = *label_begin;
        gr.group = true;
        rows_.push_back(std::move(gr));
      }
      TextRow r;
      r.label = before;
      r.unit = u;
      r.run = run;
      r.na_cells = true;
      r.label_begin = *label_begin + group_end;
      r.run_begin = *label_begin + q;
      rows_.push_back(std::move(r));
      *label_begin += rest;
      *label = label->substr(rest);
      p = 0;
      break;
    }
  }
}

void Reader::split_runs() {
  const std::size_t k = periods_.size();
  for (auto& r : rows_) {
    if (r.group) continue;
    // Cells of the run: spaces separate cells. A spaced row (a space between label and values)
    // has a token per cell, so fewer tokens than periods leave a blank cell that no split can
    // place; a run-together row is split every way the digits allow, and the decision keeps the
    // one reading the evidence leaves.
    std::vector<std::string> tokens;
    std::u32string t;
    for (char32_t x : r.run + U" ") {
      if (x == U' ') {
        if (!t.empty()) tokens.push_back(u32_to_utf8(t));
        t.clear();
      } else {
        t += x;
      }
    }
    for (const auto& tk : tokens)
      if (!tk.empty() && !is_digit(static_cast<unsigned char>(tk[0]))) r.na_cells = true;
    if (tokens.empty() && r.na_cells) {
      r.candidates = {std::vector<std::string>(k)};  // a blank cell in every period
    } else if (tokens.size() == k) {
      r.candidates = {tokens};
    } else if (tokens.size() < k && !r.spaced && !r.na_cells) {
      RunSplits rs = enumerate_splits(u32_to_utf8(r.run), static_cast<int>(k), kMaxCandidates);
      r.candidates = std::move(rs.splits);
      r.capped = rs.capped;
    }
  }
}

std::map<std::pair<std::string, std::string>, std::set<std::string>> Reader::stated(const std::string& prose) const {
  std::map<std::pair<std::string, std::string>, std::set<std::string>> out;
  std::u32string t = utf8_to_u32(strip_spaces(prose));
  for (const auto& pr : pt_.rows)
    for (const auto& phrase8 : pr.stated) {
      std::u32string phrase = utf8_to_u32(phrase8);
      if (phrase.empty()) continue;
      for (std::size_t p = t.find(phrase); p != std::u32string::npos; p = t.find(phrase, p + 1)) {
        std::size_t i = p + phrase.size();
        if (i < t.size() && t[i] == U'共') ++i;
        std::size_t j = i;
        while (j < t.size() && is_digit(t[j])) ++j;
        if (j == i || j >= t.size()) continue;
        // A figure is a count with its measure word: 158条, 9件.
        if (std::u32string_view(U"条件个项份篇").find(t[j]) == std::u32string_view::npos) continue;
        bool cumulative = t.substr(p >= 6 ? p - 6 : 0, std::min<std::size_t>(p, 6)).find(U"累计") != std::u32string::npos;
        out[{pr.code, cumulative ? "cumulative" : "current"}].insert(u32_to_utf8(t.substr(i, j - i)));
      }
    }
  return out;
}

// True when the candidate `small` is at most `big` in every column both give as numbers.
bool not_above(const std::vector<std::string>& small, const std::vector<std::string>& big) {
  for (std::size_t j = 0; j < small.size() && j < big.size(); ++j) {
    long long a = 0, b = 0;
    if (to_micros(small[j], &a) && to_micros(big[j], &b) && a > b) return false;
  }
  return true;
}

void Reader::decide(const std::string& prose) {
  // Name the rows (with the groups they stand under) and find each part's whole.
  IndicatorOutline outline(pt_);
  std::vector<int> index_of;  // placement index → row index
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    TextRow& r = rows_[i];
    r.row = outline.place(read_indicator_label(u32_to_utf8(r.label)), !r.group);
    int parent = outline.parent();
    r.parent = parent >= 0 && parent < static_cast<int>(index_of.size()) ? index_of[static_cast<std::size_t>(parent)] : -1;
    // A part and its whole are compared only in the same unit (a rate under a count is no part).
    if (r.parent >= 0 && rows_[static_cast<std::size_t>(r.parent)].unit != r.unit) r.parent = -1;
    index_of.push_back(static_cast<int>(i));
  }
  auto col_index = [&](const std::string& code) {
    for (std::size_t j = 0; j < codes_.size(); ++j)
      if (codes_[j] == code) return static_cast<int>(j);
    return -1;
  };
  // 1. Figures the report states in its own prose.
  auto figures = stated(prose);
  for (auto& r : rows_) {
    if (!r.row || r.candidates.size() < 2) continue;
    std::vector<std::vector<std::string>> keep;
    for (const auto& c : r.candidates) {
      bool fits = true;
      for (const auto& [key, values] : figures) {
        if (key.first != r.row->code) continue;
        int j = col_index(key.second);
        if (j >= 0 && !values.count(c.at(static_cast<std::size_t>(j)))) fits = false;
      }
      if (fits) keep.push_back(c);
    }
    if (!keep.empty()) r.candidates = std::move(keep);  // prose that contradicts every split decides nothing
  }
  // 2. A part (其中 …) never exceeds its whole, column by column, until nothing changes.
  for (bool changed = true; changed;) {
    changed = false;
    for (auto& r : rows_) {
      if (r.parent < 0 || r.candidates.empty()) continue;
      TextRow& whole = rows_[static_cast<std::size_t>(r.parent)];
      if (whole.candidates.empty()) continue;
      std::vector<std::vector<std::string>> part_keep, whole_keep;
      for (const auto& c : r.candidates)
        if (std::any_of(whole.candidates.begin(), whole.candidates.end(), [&](const auto& w) { return not_above(c, w); }))
          part_keep.push_back(c);
      for (const auto& w : whole.candidates)
        if (std::any_of(r.candidates.begin(), r.candidates.end(), [&](const auto& c) { return not_above(c, w); }))
          whole_keep.push_back(w);
      if (!part_keep.empty() && part_keep.size() < r.candidates.size()) r.candidates = std::move(part_keep), changed = true;
      if (!whole_keep.empty() && whole_keep.size() < whole.candidates.size())
        whole.candidates = std::move(whole_keep), changed = true;
    }
  }
  // 3. The sum rules (parts) over the rows present, all columns at once; a rule no combination
  //    satisfies decides nothing (the source may break it). The not-less rule never decides.
  std::map<std::string, std::size_t> by_code;
  for (std::size_t i = 0; i < rows_.size(); ++i)
    if (rows_[i].row && !by_code.count(rows_[i].row->code)) by_code[rows_[i].row->code] = i;
  for (const auto& rule : profile_.rules) {
    if (rule.kind != "parts" || rule.table != pt_.code || !by_code.count(rule.lhs.at(0))) continue;
    std::vector<std::size_t> parts;
    for (const auto& t : rule.rhs) {
      bool family = t.size() > 2 && t.compare(t.size() - 2, 2, ".*") == 0;
      std::string prefix = family ? t.substr(0, t.size() - 1) : t;
      for (const auto& [code, i] : by_code)
        if (family ? code.rfind(prefix, 0) == 0 && code.find('.', prefix.size()) == std::string::npos : code == t)
          parts.push_back(i);
    }
    if (parts.size() < 2) continue;
    std::vector<std::size_t> vars = parts;
    vars.insert(vars.begin(), by_code[rule.lhs.at(0)]);
    std::size_t product = 1;
    bool open = false;
    for (std::size_t v : vars) {
      std::size_t n = rows_[v].candidates.size();
      if (n == 0) product = 0;
      if (n > 1) open = true;
      if (product) product = product > kMaxJointCombinations / std::max<std::size_t>(n, 1) ? kMaxJointCombinations + 1 : product * n;
    }
    if (!open || product == 0 || product > kMaxJointCombinations) continue;
    std::vector<std::set<std::size_t>> used(vars.size());
    std::vector<std::size_t> pick(vars.size(), 0);
    for (std::size_t combo = 0; combo < product; ++combo) {
      std::size_t rest = combo;
      for (std::size_t x = 0; x < vars.size(); ++x) {
        std::size_t n = rows_[vars[x]].candidates.size();
        pick[x] = rest % n;
        rest /= n;
      }
      bool holds = true;
      for (std::size_t j = 0; j < codes_.size() && holds; ++j) {
        long long whole = 0, sum = 0, v = 0;
        bool all = to_micros(rows_[vars[0]].candidates[pick[0]].at(j), &whole);
        for (std::size_t x = 1; x < vars.size() && all; ++x) {
          all = to_micros(rows_[vars[x]].candidates[pick[x]].at(j), &v);
          sum += v;
        }
        if (all && whole != sum) holds = false;
      }
      if (holds)
        for (std::size_t x = 0; x < vars.size(); ++x) used[x].insert(pick[x]);
    }
    if (used[0].empty()) continue;
    for (std::size_t x = 0; x < vars.size(); ++x) {
      auto& cand = rows_[vars[x]].candidates;
      std::vector<std::vector<std::string>> keep;
      for (std::size_t c = 0; c < cand.size(); ++c)
        if (used[x].count(c)) keep.push_back(cand[c]);
      cand = std::move(keep);
    }
  }
}

bool Reader::paragraph(const Paragraph& p, std::string_view text, std::vector<Block>* out, std::size_t* prose_blocks) {
  // Read in simplified characters (a traditional copy: 指標名稱, 條), written as the source has it:
  // simplified_key maps each code point to one, so a position in `s` is the same in `orig`.
  std::u32string orig = utf8_to_u32(text);
  std::u32string s = utf8_to_u32(simplified_key(text));
  if (s.size() != orig.size()) orig = s;
  auto source = [&](const std::u32string& x, std::size_t from) {
    std::size_t at = x.empty() ? std::u32string::npos : s.find(x, from);
    return u32_to_utf8(at == std::u32string::npos ? x : orig.substr(at, x.size()));
  };
  std::size_t h = s.find(U"指标名称");
  if (h == std::u32string::npos) {
    for (std::size_t x = s.find(U"指标"); x != std::u32string::npos && h == std::u32string::npos; x = s.find(U"指标", x + 1)) {
      std::size_t y = x + 2;
      while (y < s.size() && s[y] == ' ') ++y;
      if (at(s, y, U"计量单位") || at(s, y, U"单位")) h = x;
    }
    // 指标 with the period headers right after it (no unit column).
    for (std::size_t x = s.find(U"指标"); x != std::u32string::npos && h == std::u32string::npos; x = s.find(U"指标", x + 1)) {
      std::size_t end = 0;
      if (header(s, x, &end)) h = x;
    }
  }
  if (h == std::u32string::npos) return false;
  line_ = 0;
  if (!p.from.empty() && p.from.front().path.rfind("line:", 0) == 0) line_ = std::atoi(p.from.front().path.c_str() + 5);
  std::size_t rows_from = 0, table_end = 0;
  if (!header(s, h, &rows_from)) return false;
  read_rows(s, rows_from, &table_end);
  resplit_headers();
  split_runs();
  std::size_t named = 0;
  {
    IndicatorOutline o(pt_);
    for (const auto& r : rows_) named += o.place(read_indicator_label(u32_to_utf8(r.label)), !r.group) != nullptr;
  }
  if (named == 0) return false;
  std::vector<std::string> headers;
  for (const auto& x : periods_) headers.push_back(u32_to_utf8(x));
  codes_ = period_codes(pt_, headers, {});
  // The table's title: from 附件/附表 shortly before the header, or the last sentence's end.
  std::size_t title = h;
  std::size_t stop = s.rfind(U'。', h);
  stop = stop == std::u32string::npos ? 0 : stop + 1;
  for (std::u32string_view w : {std::u32string_view(U"附件"), std::u32string_view(U"附表")}) {
    std::size_t x = s.rfind(w, h);
    if (x != std::u32string::npos && x >= stop && h - x <= 80) title = std::min(title, x);
  }
  if (title == h && h > stop && h - stop <= 60) {
    std::u32string t = trim(s.substr(stop, h - stop));
    if (t.size() >= 3 && (t.rfind(U"统计表") == t.size() - 3 || (t.size() >= 4 && t.rfind(U"统计数据") == t.size() - 4)))
      title = s.find(t, stop);
  }
  std::string prose = u32_to_utf8(s.substr(0, title));
  for (const auto& b : doc_.blocks)
    if (auto* q = std::get_if<Paragraph>(&b); q && q->text != p.text) prose += "\n" + simplified_key(q->text);
  decide(prose);

  auto text_block = [&](std::size_t a, std::size_t b) {
    Paragraph q;
    q.text = normalize_text(u32_to_utf8(trim(orig.substr(a, b - a))));  // orig may be the spaced raw text
    q.from = {span(line_, a)};
    return q;
  };
  if (title > 0 && !trim(s.substr(0, title)).empty()) out->push_back(text_block(0, title));
  *prose_blocks = out->size();
  if (h > title && !trim(s.substr(title, h - title)).empty()) out->push_back(text_block(title, h));
  // The table: header, then one row per indicator (group headings as a label alone).
  std::vector<std::vector<SourceCell>> grid;
  std::vector<SourceCell> head{SourceCell{source(label_head_, h), 1, 1, true, {span(line_, h)}}};
  if (has_unit_) head.push_back(SourceCell{source(unit_head_, h), 1, 1, true, {span(line_, h)}});
  for (const auto& x : periods_) head.push_back(SourceCell{source(x, h), 1, 1, true, {span(line_, h)}});
  grid.push_back(std::move(head));
  int decided = 0, ambiguous = 0;
  for (const auto& r : rows_) {
    std::vector<SourceCell> row{SourceCell{source(r.label, r.label_begin), 1, 1, false, {span(line_, r.label_begin)}}};
    if (r.group) {
      grid.push_back(std::move(row));
      continue;
    }
    if (has_unit_) row.push_back(SourceCell{source(r.unit, r.label_begin), 1, 1, false, {span(line_, r.label_begin)}});
    if (r.candidates.size() == 1) {
      ++decided;
      std::size_t pos = r.run_begin;
      for (const auto& part : r.candidates.front()) {
        while (pos < s.size() && s[pos] == ' ') ++pos;
        row.push_back(SourceCell{part, 1, 1, false, {span(line_, pos)}});
        pos += utf8_to_u32(part).size();
      }
    } else {
      ++ambiguous;
      std::string why = r.candidates.empty()
                            ? (r.capped ? "too many splits to judge" : "no split fits " + std::to_string(periods_.size()) + " columns")
                            : std::to_string(r.candidates.size()) + " splits fit the unit, numbering, stated figures and rules";
      doc_.add_finding("text.ambiguous_run", Severity::warning,
                       "run '" + u32_to_utf8(r.run) + "' of row '" + u32_to_utf8(r.label) + "': " + why +
                           "; its cells are left as text",
                       span(line_, r.run_begin).path);
      for (std::size_t j = 0; j < periods_.size(); ++j)
        row.push_back(SourceCell{u32_to_utf8(r.run) + " (?)", 1, 1, false, {span(line_, r.run_begin)}});
    }
    grid.push_back(std::move(row));
  }
  Limits limits;
  Table t = grid_from_rows(grid, limits, &doc_.findings, "indicator text");
  for (auto& c : t.cells) c.text = normalize_text(c.text);  // s may be the spaced raw text
  t.id = "t1";
  t.from = {span(line_, h)};
  normalize_grid(t);
  out->push_back(std::move(t));
  if (table_end < s.size() && !trim(s.substr(table_end)).empty()) out->push_back(text_block(table_end, s.size()));
  doc_.add_finding("text.run_together", Severity::info,
                   "indicator table rebuilt from crawler text: " + std::to_string(decided + ambiguous) + " rows with values, " +
                       std::to_string(ambiguous) + " left as text");
  return true;
}

// The raw text normalized token by token: the spaces between two Chinese characters are dropped
// as normalize_text drops them (指 标 名 称), those between a label and a digit are kept (they
// separate the cells of a spaced copy).
std::string spaced_text(std::string_view raw) {
  std::u32string out, prev;  // prev: the last token written
  std::size_t i = 0;
  while (i < raw.size()) {
    while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < raw.size() && raw[j] != ' ' && raw[j] != '\t') ++j;
    if (j == i) break;
    std::u32string tok = utf8_to_u32(normalize_text(raw.substr(i, j - i)));
    if (!tok.empty()) {
      // An na cell (— ——) is a token of its own even where is_cjk counts its dash as Chinese.
      auto na = [](std::u32string_view t) { return t == U"—" || t == U"——" || t == U"－" || t == U"／" || t == U"无"; };
      if (!out.empty() && (!(is_cjk(out.back()) && is_cjk(tok.front())) || na(tok) || na(prev))) out += U' ';
      prev = tok;
      out += tok;
    }
    i = j;
  }
  return u32_to_utf8(out);
}

}  // namespace

void reflow_indicator_text(Document& doc, const Document* raw) {
  if (doc.meta.extractor != "text") return;
  for (const auto& b : doc.blocks)
    if (std::holds_alternative<Table>(b)) return;  // tab tables: the text extractor read them
  if (detect_profile(doc).profile || has_modern_table_words(doc)) return;
  const Profile* legacy = indicator_profile();
  const ProfileTable* pt = nullptr;
  if (legacy)
    for (const auto& t : legacy->tables)
      if (!t.label_col.empty()) pt = &t;
  if (!pt) return;
  // The text before the table is cut at its inline headings; the table's own group rows
  // (一、行政复议数量) are no headings, so the table and what follows it are not.
  Document before;
  std::vector<Block> after;
  bool done = false;
  std::vector<Block> blocks = doc.blocks;  // doc.blocks stays whole: the prose for stated figures
  for (auto& b : blocks) {
    auto* p = std::get_if<Paragraph>(&b);
    if (!done && p) {
      Reader r(doc, *legacy, *pt);
      std::vector<Block> repl;
      std::size_t prose = 0;
      // The same paragraph as extracted (the same line), read with its spaces.
      std::string text = p->text;
      if (raw && !p->from.empty())
        for (const auto& rb : raw->blocks)
          if (auto* q = std::get_if<Paragraph>(&rb); q && !q->from.empty() && q->from.front().path == p->from.front().path) {
            std::string spaced = spaced_text(q->text);
            if (strip_spaces(normalize_text(spaced)) == strip_spaces(p->text)) text = spaced;  // the same words
            break;
          }
      if (r.paragraph(*p, text, &repl, &prose)) {
        done = true;
        for (std::size_t i = 0; i < repl.size(); ++i) (i < prose ? before.blocks : after).push_back(std::move(repl[i]));
        continue;
      }
    }
    (done ? after : before.blocks).push_back(std::move(b));
  }
  split_inline_headings(before, *legacy);
  doc.blocks = std::move(before.blocks);
  for (auto& b : after) doc.blocks.push_back(std::move(b));
}

}  // namespace ogix
