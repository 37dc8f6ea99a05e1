#include "extractors/text_extractor.h"

#include <algorithm>

#include "text/encoding.h"
#include "model/table_grid.h"
#include "text/unicode.h"
#include "text/label_key.h"

namespace ogix {

namespace {

constexpr std::size_t kMaxWrappedCellBytes = 90;  // ~30 Chinese characters: longer is a paragraph
constexpr std::size_t kMaxLineBytes = 1u << 20;   // a "line" beyond 1 MiB is not a report line

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n' || s[i] == '\r') {
      out.push_back(s.substr(start, i - start));
      if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  if (start < s.size()) out.push_back(s.substr(start));
  return out;
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\f\v") == std::string_view::npos; }

// A Markdown/pipe table row: "| a | b |" (at least two cells between pipes).
bool is_pipe_row(std::string_view s) {
  std::size_t a = s.find_first_not_of(" \t");
  if (a == std::string_view::npos || s[a] != '|') return false;
  return std::count(s.begin(), s.end(), '|') >= 3;
}

// A pipe table's rule line: |---|:--:| …
bool is_pipe_rule(std::string_view s) {
  return is_pipe_row(s) && s.find_first_not_of(" \t|-:") == std::string_view::npos;
}

// The cells of a pipe row, outer pipes dropped.
std::vector<std::string> split_pipes(std::string_view s) {
  std::size_t a = s.find('|'), b = s.rfind('|');
  std::string_view inner = s.substr(a + 1, b > a ? b - a - 1 : 0);
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t p = inner.find('|', start);
    std::string_view cell = inner.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start);
    std::size_t x = cell.find_first_not_of(' '), y = cell.find_last_not_of(' ');
    out.emplace_back(x == std::string_view::npos ? std::string_view() : cell.substr(x, y - x + 1));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

std::vector<std::string> split_tabs(std::string_view s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t p = s.find('\t', start);
    out.emplace_back(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

// True when a line's words name one of the report's top-level sections (its heading wording).
bool names_section(std::string_view line, const ReportCues& cues) {
  std::string text = normalize_text(line);
  std::string key = label_key(text.substr(heading_marker(text).length));
  for (const auto& s : cues.section_wording)
    for (const auto& v : s)
      if (!v.empty() && key.find(v) != std::string::npos) return true;
  return false;
}

}  // namespace

Document TextExtractor::extract(std::string_view bytes, const ExtractContext& ctx) const {
  Document doc;
  DecodedText dec = decode_to_utf8(bytes);
  doc.meta.extractor = "text";
  doc.meta.media_type = "text/plain";
  doc.meta.encoding = dec.encoding;
  doc.meta.encoding_basis = dec.basis;
  if (dec.basis == "mixed-lines")
    doc.add_finding("text.mixed_encoding", Severity::warning,
                    "the file mixes UTF-8 and GB18030 lines; each line was decoded on its own");
  if (dec.lossy)
    doc.add_finding("text.lossy_decode", Severity::warning,
                    "some bytes are not valid " + dec.encoding + " and were replaced by U+FFFD");
  std::vector<std::string_view> lines = split_lines(dec.utf8);
  std::size_t i = 0;
  int table_no = 0;
  // Tab-separated rows (Word copies) and pipe rows (Markdown made from PDFs) are table lines.
  auto is_table_line = [&](std::size_t k) {
    return lines.at(k).find('\t') != std::string_view::npos || is_pipe_row(lines.at(k));
  };
  // A short line right above a table line, with no heading marker, not a sentence or a caption: the
  // table's first row, a cell merged across the table that Word copies without a tab (行政复议 over
  // 结果维持…).
  // A sentence, or a caption such as 单位：万元 or 注：…, is no table cell.
  auto is_sentence = [](std::string_view line) {
    std::string text = normalize_text(line);
    for (std::string_view mark : {"。", "：", ":", "；", ";"})
      if (text.find(mark) != std::string::npos) return true;
    return false;
  };
  auto is_title_line = [&](std::size_t k) {
    if (k + 1 >= lines.size() || lines[k + 1].find('\t') == std::string_view::npos || blank(lines[k + 1]) ||
        is_pipe_row(lines[k + 1]) || lines[k].size() > kMaxWrappedCellBytes)
      return false;  // (Markdown tables have their titles as # headings: those stay paragraphs)
    std::string text = normalize_text(lines[k]);
    if (text.empty() || text[0] == '#' || heading_marker(text).level != 0) return false;
    return !is_sentence(lines[k]);
  };
  auto indicator_table = [&](const std::vector<std::vector<SourceCell>>& rows) {
    const auto& heads = ctx.cues.indicator_header_wording;
    for (const auto& r : rows)
      if (!r.empty() && std::find(heads.begin(), heads.end(), label_key(r.front().text)) != heads.end()) return true;
    return false;
  };
  while (i < lines.size()) {
    if (lines[i].size() > kMaxLineBytes)
      throw Error(ErrorCode::limit_exceeded, ctx.source, "line " + std::to_string(i + 1) + " is longer than 1 MiB");
    if (blank(lines[i])) {
      ++i;
      continue;
    }
    if (!is_table_line(i) && !is_title_line(i)) {
      doc.blocks.push_back(Paragraph{std::string(lines[i]), 0, {Span{0, 0, 0, 0, 0, "line:" + std::to_string(i + 1)}}});
      ++i;
      continue;
    }
    // A table: tab lines, with blank lines and short wrapped cells between them.
    std::vector<std::vector<SourceCell>> rows;
    std::size_t j = i;
    while (j < lines.size()) {
      if (is_table_line(j)) {
        if (is_pipe_rule(lines[j])) {  // |---|---| only separates a header
          ++j;
          continue;
        }
        std::vector<SourceCell> row;
        int col = 0;
        for (auto& text : is_pipe_row(lines[j]) ? split_pipes(lines[j]) : split_tabs(lines[j])) {
          ++col;
          row.push_back(SourceCell{std::move(text), 1, 1, false,
                                   {Span{0, 0, 0, 0, 0, "line:" + std::to_string(j + 1) + "/cell:" + std::to_string(col)}}});
        }
        rows.push_back(std::move(row));
        ++j;
        continue;
      }
      // Look past blank lines and one short tab-less line for the table's continuation.
      std::size_t k = j;
      while (k < lines.size() && blank(lines[k])) ++k;
      if (k < lines.size() && is_table_line(k)) {
        j = k;
        continue;
      }
      // A section heading (一、…) ends the table even when another table follows it. A numbered
      // line that names no section and runs straight into a table line is the first part of a
      // wrapped row label (一、本年新收政府信息公 over 开申请数量⇥366…), and stays in the table.
      // A line held tight between two table lines (no blank line on either side) may be twice as
      // long: a long label broken by a line break in its cell.
      // In an indicator table (a row headed 指标名称), a group row merged across the table comes
      // without tabs (一、主动公开情况 between the header and the first indicator): a row of the
      // table, not the report's section heading, when a table line follows it.
      bool tight = k == j && k + 1 < lines.size() && is_table_line(k + 1);
      if (k < lines.size() && lines[k].size() <= (tight ? 2 : 1) * kMaxWrappedCellBytes &&
          (heading_marker(normalize_text(lines[k])).level != 1 || (indicator_table(rows) && !is_sentence(lines[k])) ||
           (k + 1 < lines.size() && is_table_line(k + 1) && !names_section(lines[k], ctx.cues)))) {
        std::size_t n = k + 1;
        while (n < lines.size() && blank(lines[n])) ++n;
        // In an indicator table a group row may stand over a label wrapped below it (一、主动公开情况 /
        // （一）主动公开政府信息数 / （不同渠道…）⇥条⇥383): up to three such lines before a table line.
        std::vector<std::size_t> more;
        while (n < lines.size() && !is_table_line(n) && more.size() < 2 && indicator_table(rows) &&
               lines[n].size() <= kMaxWrappedCellBytes && !is_sentence(lines[n])) {
          more.push_back(n);
          ++n;
          while (n < lines.size() && blank(lines[n])) ++n;
        }
        if (n < lines.size() && is_table_line(n)) {
          more.insert(more.begin(), k);
          for (std::size_t m : more)
            rows.push_back({SourceCell{std::string(lines[m]), 1, 1, false,
                                       {Span{0, 0, 0, 0, 0, "line:" + std::to_string(m + 1) + "/cell:1"}}}});
          j = n;
          continue;
        }
      }
      break;
    }
    ctx.check_deadline();
    if (j == i) {
      // No table line followed after all: the line is a paragraph (and the loop always advances).
      doc.blocks.push_back(Paragraph{std::string(lines[i]), 0, {Span{0, 0, 0, 0, 0, "line:" + std::to_string(i + 1)}}});
      ++i;
      continue;
    }
    Table t = grid_from_rows(rows, ctx.limits, &doc.findings, "t" + std::to_string(table_no + 1));
    t.id = "t" + std::to_string(++table_no);
    t.ragged = true;
    t.from = {Span{0, 0, 0, 0, 0, "lines:" + std::to_string(i + 1) + "-" + std::to_string(j)}};
    doc.blocks.push_back(std::move(t));
    i = j;
  }
  return doc;
}

}  // namespace ogix
