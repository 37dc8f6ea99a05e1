// The PDF extractor: pages → words and rulings → tables and lines → blocks in reading order.
#include "extractors/pdf_extractor.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <variant>

#include "extractors/ocr_extractor.h"
#include "extractors/ocr_module.h"
#include "extractors/pdf_layout.h"
#include "extractors/pdf_pages.h"
#include "extractors/pdf_table.h"
#include "text/unicode.h"

namespace ogix {
namespace {

using pdf::Frame;
using pdf::GeoTable;
using pdf::Line;
using pdf::Rect;
using pdf::Word;

// Characters a font without a usable Unicode mapping produces: private use, replacement and
// control characters, and values that are no Unicode scalar (surrogates, beyond U+10FFFF).
bool is_bad_char(char32_t c) {
  return (c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000 || c == 0xFFFD || c < 0x09 || (c > 0x0D && c < 0x20) ||
         (c >= 0x7F && c <= 0x9F) || (c >= 0xD800 && c <= 0xDFFF);
}

bool is_blank(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000 || c == 0xA0; }

// One page after reading: its frame, tables found by rulings, and the remaining text lines.
struct PageContent {
  int number = 0;  // 1-based
  Frame frame;
  std::vector<Ruling> rulings;  // layout frame
  std::vector<GeoTable> tables;
  std::vector<Line> lines;
  std::size_t chars = 0;
};

// A block of a page in reading order.
struct Item {
  double y = 0;
  const Line* line = nullptr;
  GeoTable* table = nullptr;
};

// Text counts of a document, for the garbled/scan checks.
struct CharStats {
  std::size_t total = 0, bad = 0;
};

// Tables from the page's rulings (taking the words inside them), lines from the other words.
void lay_out_page(PageContent& pc, std::vector<Word> words) {
  pc.tables = pdf::find_ruled_tables(pc.rulings, words, pc.frame, pc.number);
  // Character boxes serve only to split words at the column borders of ruled tables: release
  // them, so that what every page keeps until the end of the document is its words alone.
  for (auto& w : words) std::vector<Rect>().swap(w.chars);
  pc.lines = pdf::build_lines(std::move(words));
}

PageContent read_page(PdfPage& pg, int number, CharStats& stats) {
  PageContent pc;
  pc.number = number;
  const bool swapped = pg.rotate == 90 || pg.rotate == 270;
  pc.frame.width = swapped ? pg.height : pg.width;
  pc.frame.height = swapped ? pg.width : pg.height;

  // The page's text direction: the rotation carrying most horizontal-font characters.
  std::size_t by_rot[4] = {0, 0, 0, 0};
  for (const auto& b : pg.boxes)
    if (!b.vertical_font) by_rot[static_cast<std::size_t>(b.rotation & 3)] += b.text.size();
  int q = 0;
  for (int r = 1; r < 4; ++r)
    if (by_rot[r] > by_rot[q]) q = r;
  pc.frame.quarter_turns = q;

  std::vector<Word> words;
  words.reserve(pg.boxes.size());
  for (auto& b : pg.boxes) {
    Word w;
    w.page = number;
    w.orig = b.box;
    w.box = pc.frame.to_layout(w.orig);
    w.size = b.font_size;
    if (w.size <= 0) w.size = std::max(1.0, std::min(w.box.w(), w.box.h()));
    w.space_after = b.space_after;
    const int rel = ((b.rotation - q) % 4 + 4) % 4;
    w.vertical = b.vertical_font || rel % 2 == 1;
    // Characters without a Unicode mapping are not data: count them and drop them.
    std::u32string kept;
    std::vector<Rect> chars;
    kept.reserve(b.text.size());
    chars.reserve(b.text.size());
    for (std::size_t i = 0; i < b.text.size(); ++i) {
      const char32_t c = b.text[i];
      if (is_blank(c)) continue;
      ++stats.total;
      ++pc.chars;
      if (is_bad_char(c)) {
        ++stats.bad;
        continue;
      }
      kept += c;
      chars.push_back(pc.frame.to_layout(b.chars.at(i)));
    }
    if (kept.empty()) continue;
    w.text = std::move(kept);
    w.chars = std::move(chars);
    words.push_back(std::move(w));
  }
  for (const auto& r : pg.rulings) {
    Rect l = pc.frame.to_layout(Rect{r.x0, r.y0, r.x1, r.y1});
    Ruling t;
    t.x0 = l.x0, t.y0 = l.y0, t.x1 = l.x1, t.y1 = l.y1;
    t.horizontal = (q % 2 == 0) ? r.horizontal : !r.horizontal;
    if (t.horizontal) t.y0 = t.y1 = (l.y0 + l.y1) / 2;
    else t.x0 = t.x1 = (l.x0 + l.x1) / 2;
    pc.rulings.push_back(t);
  }
  lay_out_page(pc, std::move(words));
  return pc;
}

// ---- OCR hook: a page read from its image (extractors/ocr_extractor; rendered by the PdfReader).
// The words and rulings OCR found are upright, in page points: they go through lay_out_page as
// a text page's do.
PageContent ocr_page_content(OcrPage page, int number, Document& doc) {
  PageContent pc;
  pc.number = number;
  pc.frame.width = page.width, pc.frame.height = page.height;
  pc.rulings = std::move(page.rulings);
  for (const auto& w : page.words) pc.chars += w.text.size();
  for (auto& r : page.readings) doc.ocr_readings.push_back(std::move(r));
  lay_out_page(pc, std::move(page.words));
  return pc;
}

// Renders page `index` (0-based) and reads it by OCR; the session is made at the first such page.
PageContent ocr_pdf_page(const PdfReader& pdf, int index, std::unique_ptr<OcrEngine>& session,
                         const ExtractContext& ctx, Document& doc) {
  const int number = index + 1;
  const std::string where = "page " + std::to_string(number);
  ctx.grant_ocr_page();  // rendering and reading it take seconds: its own time, beyond --max-seconds
  double w = 0, h = 0;
  PageContent none;
  none.number = number;
  if (!pdf.page_size(index, PdfPageBox::crop, w, h)) {
    doc.add_finding("pdf.page_unreadable", Severity::warning, where + " cannot be rendered for OCR", where);
    return none;
  }
  const double dpi = ocr_render_dpi(w, h, ctx.limits.max_pixels);
  if (dpi <= 0)
    throw Error(ErrorCode::limit_exceeded, ctx.source, where + " is too large to render for OCR within --max-pixels");
  const GrayImage img = pdf.render_gray(index, dpi, dpi);
  if (img.pixels.empty()) {
    doc.add_finding("pdf.page_unreadable", Severity::warning, where + " cannot be rendered for OCR", where);
    return none;
  }
  if (!session) {
    session = open_ocr_engine(ctx.ocr, ctx.source);
    doc.meta.ocr = session->parameters();
  }
  PageImage pi{img.width, img.height, img.width, dpi, img.pixels.data()};
  OcrPage page = session->read_page(pi, number, ctx);
  char skew[32];
  std::snprintf(skew, sizeof skew, "%.2f", page.skew_degrees);
  doc.add_finding("ocr.page", Severity::info,
                  where + " was read by OCR at " + std::to_string(static_cast<int>(dpi)) + " dpi (skew " + skew + " degrees removed" +
                      (page.quarter_turns ? std::string("; its sideways text turned upright, boxes in the upright page") : std::string()) + ")",
                  where);
  return ocr_page_content(std::move(page), number, doc);
}
// ---- end of the OCR hook

// Removes running headers, footers and page numbers: lines at the top or bottom edge of a page
// (outside tables) that are a page number or repeat on several pages.
void remove_running_lines(std::vector<PageContent>& pages, Document& doc) {
  auto edge_lines = [](const PageContent& pc, std::vector<std::size_t>& out) {
    const double h = pc.frame.layout_height();
    double table_top = 1e18, table_bottom = -1e18;
    for (const auto& t : pc.tables) table_top = std::min(table_top, t.box.y0), table_bottom = std::max(table_bottom, t.box.y1);
    std::vector<std::size_t> order(pc.lines.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return pc.lines[a].box.y0 < pc.lines[b].box.y0; });
    for (std::size_t k = 0; k < order.size() && k < 2; ++k) {
      const Line& l = pc.lines[order[k]];
      if (l.box.y1 < 0.12 * h && l.box.y1 < table_top) out.push_back(order[k]);
    }
    for (std::size_t k = 0; k < order.size() && k < 2; ++k) {
      const Line& l = pc.lines[order[order.size() - 1 - k]];
      if (l.box.y0 > 0.88 * h && l.box.y0 > table_bottom) out.push_back(order[order.size() - 1 - k]);
    }
  };
  std::map<std::u32string, int> seen;  // header key → pages it is on
  std::vector<std::vector<std::size_t>> cands(pages.size());
  for (std::size_t p = 0; p < pages.size(); ++p) {
    edge_lines(pages[p], cands[p]);
    std::sort(cands[p].begin(), cands[p].end());
    cands[p].erase(std::unique(cands[p].begin(), cands[p].end()), cands[p].end());
    std::vector<std::u32string> keys;
    for (auto i : cands[p]) keys.push_back(pdf::header_key(pages[p].lines[i].text()));
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (auto& k : keys) ++seen[k];
  }
  const int repeat = std::max<int>(2, static_cast<int>((pages.size() + 1) / 2));
  int numbers = 0, running = 0;
  std::string example;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    std::vector<char> drop(pages[p].lines.size(), 0);
    for (auto i : cands[p]) {
      const std::u32string text = pages[p].lines[i].text();
      if (pdf::is_page_number(text)) {
        drop[i] = 1, ++numbers;
      } else if (pages.size() >= 2 && seen[pdf::header_key(text)] >= repeat) {
        drop[i] = 1, ++running;
        if (example.empty()) example = u32_to_utf8(text);
      }
    }
    std::vector<Line> keep;
    for (std::size_t i = 0; i < drop.size(); ++i)
      if (!drop[i]) keep.push_back(std::move(pages[p].lines[i]));
    pages[p].lines = std::move(keep);
  }
  if (numbers > 0)
    doc.add_finding("pdf.page_number_removed", Severity::info, std::to_string(numbers) + " page number line(s) removed");
  if (running > 0)
    doc.add_finding("pdf.header_removed", Severity::info,
                    std::to_string(running) + " running header/footer line(s) removed, e.g. \"" + example + "\"");
}

bool is_continued_mark(const Line& l) {
  const std::u32string text = l.text();
  return text.rfind(U"续表", 0) == 0 && text.size() <= 8;  // "table continued"
}

void shift_down(Line& l, double dy) {
  auto move = [dy](Rect& r) { r.y0 += dy, r.y1 += dy; };
  move(l.box);
  for (auto& w : l.words) {
    move(w.box);
    for (auto& c : w.chars) move(c);
  }
}

// An unruled table cut by a page break: the rows at the top of a page that continue the table (or
// its header) ending the previous page are stacked right under it, so that one table is found
// there. Returns, per page, where the stacked lines start (y = 1e18: none).
std::vector<pdf::PageBreak> stack_continued_rows(std::vector<PageContent>& pages, Document& doc) {
  std::vector<pdf::PageBreak> breaks(pages.size());
  for (std::size_t p = 0; p + 1 < pages.size(); ++p) {
    PageContent &a = pages[p], &b = pages[p + 1];
    if (b.number != a.number + 1 || a.lines.empty() || b.lines.empty()) continue;
    // Columns can only line up in frames of one width (an upright page next to a sideways one
    // cannot continue its table).
    if (std::abs(a.frame.layout_width() - b.frame.layout_width()) > 2.0) continue;
    // The tail: the last line of the page, below every ruled table and vertical text.
    std::size_t t = 0;
    for (std::size_t i = 1; i < a.lines.size(); ++i)
      if (a.lines[i].box.y0 > a.lines[t].box.y0) t = i;
    const Line& tail = a.lines[t];
    bool last = !tail.vertical;
    for (const auto& l : a.lines) last = last && (&l == &tail || l.box.y1 <= tail.box.y1 + 0.5 * tail.size);
    for (const auto& g : a.tables) last = last && g.box.y1 <= tail.box.y0;
    if (!last) continue;
    // The head: the first lines of the next page (after a 续表 mark), above every ruled table.
    std::size_t start = is_continued_mark(b.lines.front()) ? 1 : 0;
    std::vector<Line> head(b.lines.begin() + static_cast<long>(start), b.lines.end());
    std::size_t n = pdf::continued_rows(a.lines, head);
    if (n == 0) continue;
    double table_top = 1e18;
    for (const auto& g : b.tables) table_top = std::min(table_top, g.box.y0);
    while (n > 0 && head[n - 1].box.y1 > table_top) --n;
    if (n == 0) continue;
    // Keep the distance the tail keeps from the line above it (a row pitch), when that is close.
    double gap = 0.5 * std::max(8.0, tail.size), above = -1e18;
    for (const auto& l : a.lines)
      if (&l != &tail && l.box.y1 <= tail.box.y0 + 0.5) above = std::max(above, l.box.y1);
    if (tail.box.y0 - above > 0 && tail.box.y0 - above < 1.5 * std::max(8.0, tail.size)) gap = tail.box.y0 - above;
    gap = std::max(gap, 1.0);
    const double dy = tail.box.y1 + gap - head.front().box.y0;
    breaks[p] = pdf::PageBreak{tail.box.y1 + gap / 2, dy, b.number, b.frame};
    for (std::size_t i = 0; i < n; ++i) {
      shift_down(head[i], dy);
      a.lines.push_back(std::move(head[i]));
    }
    b.lines.erase(b.lines.begin(), b.lines.begin() + static_cast<long>(start + n));
    doc.add_finding("pdf.rows_continued", Severity::info,
                    std::to_string(n) + " line(s) at the top of page " + std::to_string(b.number) +
                        " continue the table at the bottom of page " + std::to_string(a.number),
                    "page " + std::to_string(b.number));
  }
  return breaks;
}

// Layout statistics of the body text, for paragraph breaks.
struct Body {
  double left = 0, right = 0, gap = 0;
};

Body body_geometry(const std::vector<PageContent>& pages) {
  std::map<long, int> lefts;
  std::vector<double> rights, gaps;
  for (const auto& pc : pages) {
    const Line* prev = nullptr;
    for (const auto& l : pc.lines) {
      if (l.vertical) continue;
      ++lefts[std::lround(l.box.x0)];
      rights.push_back(l.box.x1);
      if (prev && std::abs(prev->size - l.size) < 0.5 && l.box.y0 > prev->box.y1) gaps.push_back(l.box.y0 - prev->box.y1);
      prev = &l;
    }
  }
  Body b;
  int best = -1;
  for (auto& [x, n] : lefts)
    if (n > best) best = n, b.left = static_cast<double>(x);
  if (!rights.empty()) {
    std::sort(rights.begin(), rights.end());
    b.right = rights[rights.size() * 8 / 10];
  }
  if (!gaps.empty()) {
    std::sort(gaps.begin(), gaps.end());
    b.gap = gaps[gaps.size() / 2];
  }
  return b;
}

bool starts_with_numeral_heading(std::u32string_view s) {
  static const std::u32string_view numerals = U"一二三四五六七八九十";
  std::size_t i = 0;
  while (i < s.size() && numerals.find(s[i]) != std::u32string_view::npos) ++i;
  return i > 0 && i < s.size() && s[i] == U'、';
}

// Builds paragraphs from consecutive text lines (one run between tables).
class ParagraphBuilder {
 public:
  ParagraphBuilder(Document& doc, const Body& body) : doc_(doc), body_(body) {}

  void add(const Line& l) {
    if (prev_ && breaks(*prev_, l)) flush();
    lines_.push_back(&l);
    prev_ = &l;
  }
  void flush() {
    if (lines_.empty()) return;
    std::vector<std::u32string> texts;
    std::map<int, Rect> boxes;
    for (const Line* l : lines_) {
      texts.push_back(l->text());
      for (const auto& w : l->words) boxes[w.page] = boxes[w.page].united(w.orig);
    }
    Paragraph p;
    p.text = u32_to_utf8(pdf::join_lines(texts));
    for (auto& [page, r] : boxes) p.from.push_back(pdf::span_of(page, r));
    if (lines_.size() == 1 && short_line(*lines_.front())) {
      // A short line of its own starting with （一） or 1. is a sub-heading.
      HeadingMarker m = heading_marker(normalize_text(p.text));
      if (m.level == 2) p.level = 1;
      else if (m.level == 3) p.level = 2;
    }
    if (!p.text.empty()) doc_.blocks.emplace_back(std::move(p));
    lines_.clear();
    prev_ = nullptr;
  }

 private:
  bool short_line(const Line& l) const { return l.box.x1 < body_.right - 2.2 * std::max(1.0, l.size); }

  bool breaks(const Line& p, const Line& c) const {
    if (p.vertical || c.vertical) return true;
    if (std::abs(p.size - c.size) > 1.5) return true;
    const double size = std::max(1.0, c.size);
    if (p.page == c.page && c.box.y0 - p.box.y1 > body_.gap + 0.8 * size) return true;
    if (c.box.x0 > body_.left + 0.8 * size) return true;  // first-line indent
    if (short_line(p)) return true;                          // the previous line ended early
    const std::u32string ct = c.text();
    if (starts_with_numeral_heading(ct) && short_line(c)) return true;
    return false;
  }

  Document& doc_;
  Body body_;
  std::vector<const Line*> lines_;
  const Line* prev_ = nullptr;
};

// The report's title: the largest text at the top of the first page (or the PDF's Title).
void fill_metadata(Document& doc, const std::vector<PageContent>& pages, const std::string& info_title) {
  std::string title;
  if (!pages.empty() && !pages.front().lines.empty()) {
    const auto& lines = pages.front().lines;
    double big = 0;
    for (const auto& l : lines) big = std::max(big, l.size);
    std::vector<std::u32string> parts;
    for (const auto& l : lines) {
      if (l.vertical) continue;
      if (l.size >= big - 0.5) parts.push_back(l.text());
      else if (!parts.empty()) break;
    }
    title = normalize_text(u32_to_utf8(pdf::join_lines(parts)));
  }
  if (title.find("报告") == std::string::npos && info_title.find("报告") != std::string::npos) title = normalize_text(info_title);
  if (title.find("报告") == std::string::npos) return;
  {
    // Titles are set with spaces around Latin digits (2023 年); a title has no spaces beside Chinese.
    std::u32string t = utf8_to_u32(title), out;
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (t[i] == ' ' && ((i > 0 && is_cjk(t[i - 1])) || (i + 1 < t.size() && is_cjk(t[i + 1])))) continue;
      out += t[i];
    }
    title = u32_to_utf8(out);
  }
  doc.meta.title = title;
  // "<agency><year>年…报告": agency before the year.
  const std::u32string t = utf8_to_u32(title);
  for (std::size_t i = 0; i + 4 < t.size(); ++i) {
    bool digits = true;
    for (std::size_t k = 0; k < 4; ++k) digits = digits && t[i + k] >= '0' && t[i + k] <= '9';
    if (digits && t[i + 4] == U'年' && (i == 0 || !(t[i - 1] >= '0' && t[i - 1] <= '9'))) {
      doc.meta.year = u32_to_utf8(t.substr(i, 4));
      std::string agency = normalize_text(u32_to_utf8(t.substr(0, i)));
      if (!agency.empty()) doc.meta.agency = agency;
      break;
    }
  }
}

// Everything after the page loop: running lines, tables over page breaks, reading order, blocks.
Document finish_layout(std::vector<PageContent> pages, Document doc, const std::string& info_title, const ExtractContext& ctx);

}  // namespace

Document PdfExtractor::extract(std::string_view bytes, const ExtractContext& ctx) const {
  if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos)
    throw Error(ErrorCode::unsupported, ctx.source, "not a PDF file (no %PDF- header)");
  if (bytes.size() > ctx.limits.max_input_bytes)
    throw Error(ErrorCode::limit_exceeded, ctx.source, "input is larger than the max-input-bytes limit");
  // One open document for the whole extraction; each page is interpreted once and released.
  const PdfReader pdf(bytes);
  if (pdf.status() == PdfReader::Status::encrypted)
    throw Error(ErrorCode::encrypted, ctx.source, "PDF is encrypted with a password");
  if (pdf.status() != PdfReader::Status::ok)
    throw Error(ErrorCode::damaged, ctx.source, "PDF is damaged beyond repair: poppler cannot read its structure");
  const int npages = pdf.pages();
  if (npages <= 0) throw Error(ErrorCode::damaged, ctx.source, "PDF has no readable pages");
  if (npages > ctx.limits.max_pages)
    throw Error(ErrorCode::limit_exceeded, ctx.source,
                "PDF has " + std::to_string(npages) + " pages, over the max-pages limit " + std::to_string(ctx.limits.max_pages));

  Document doc;
  doc.meta.media_type = "application/pdf";
  doc.meta.extractor = "pdf";
  doc.meta.pages = npages;

  CharStats stats;
  std::unique_ptr<OcrEngine> ocr;  // one Tesseract instance per document, made at the first scanned page
  std::vector<PageContent> pages;
  std::vector<int> empty_pages, rotated_pages;
  for (int i = 0; i < npages; ++i) {
    ctx.check_deadline();
    PdfPage pg = pdf.read_page(i);
    if (!pg.readable) {
      doc.add_finding("pdf.page_unreadable", Severity::warning, "page " + std::to_string(i + 1) + " cannot be read", "page " + std::to_string(i + 1));
      continue;
    }
    PageContent pc = read_page(pg, i + 1, stats);
    if (ctx.ocr.mode == OcrMode::force || (ctx.ocr.mode == OcrMode::automatic && pc.chars == 0)) {
      pc = ocr_pdf_page(pdf, i, ocr, ctx, doc);
      stats.total += pc.chars;
    } else if (pc.chars == 0) {
      empty_pages.push_back(i + 1);
    }
    if (pc.frame.quarter_turns != 0) rotated_pages.push_back(i + 1);
    pages.push_back(std::move(pc));
  }
  if (stats.total == 0)
    throw Error(ErrorCode::no_text_layer, ctx.source,
                "PDF has no text layer on any of its " + std::to_string(npages) + " page(s)" +
                    (ctx.ocr.mode == OcrMode::off ? std::string(": it looks like a scan; convert with --ocr=auto to read it by OCR")
                                                  : std::string(" and OCR found no text on them (blank or unreadable scans)")));
  if (stats.bad * 10 >= stats.total * 3)
    throw Error(ErrorCode::garbled_text, ctx.source,
                "PDF text is garbled: " + std::to_string(stats.bad) + " of " + std::to_string(stats.total) +
                    " characters are private-use, replacement or control characters (fonts without a usable Unicode mapping)");
  if (stats.bad > 0)
    doc.add_finding("pdf.garbled_chars", Severity::warning,
                    std::to_string(stats.bad) + " of " + std::to_string(stats.total) +
                        " characters had no usable Unicode mapping and were dropped");
  for (int p : empty_pages)
    doc.add_finding("pdf.page_without_text", Severity::warning, "page " + std::to_string(p) + " has no text layer (an image?)",
                    "page " + std::to_string(p));
  for (int p : rotated_pages)
    doc.add_finding("pdf.rotated_page", Severity::info, "page " + std::to_string(p) + " has its text rotated; read turned upright",
                    "page " + std::to_string(p));

  return finish_layout(std::move(pages), std::move(doc), pdf.info_title(), ctx);
}

namespace {

Document finish_layout(std::vector<PageContent> pages, Document doc, const std::string& info_title, const ExtractContext& ctx) {
  remove_running_lines(pages, doc);
  fill_metadata(doc, pages, info_title);

  // Unruled tables among the remaining lines.
  const std::vector<pdf::PageBreak> breaks = stack_continued_rows(pages, doc);
  for (std::size_t p = 0; p < pages.size(); ++p) {
    ctx.check_deadline();
    PageContent& pc = pages[p];
    const pdf::PageBreak* brk = breaks[p].y < 1e17 ? &breaks[p] : nullptr;
    auto found = pdf::find_unruled_tables(pc.lines, pc.rulings, pc.frame, pc.number, brk);
    for (auto& t : found) pc.tables.push_back(std::move(t));
  }

  // Reading order: per page, lines and tables by their top; a table first on a page continues the
  // table last on the previous page when their columns agree.
  const Body body = body_geometry(pages);
  std::vector<std::vector<Item>> page_items(pages.size());
  for (std::size_t p = 0; p < pages.size(); ++p) {
    auto& items = page_items[p];
    for (const auto& l : pages[p].lines) items.push_back(Item{l.box.y0, &l, nullptr});
    for (auto& t : pages[p].tables) items.push_back(Item{t.box.y0, nullptr, &t});
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.y < b.y; });
  }
  auto is_continued_mark_item = [](const Item& it) { return it.line && is_continued_mark(*it.line); };
  // The first table of page p+1 when nothing but a 续表 line comes before it.
  auto first_table = [&](std::size_t p) -> GeoTable* {
    if (p >= pages.size() || page_items[p].empty()) return nullptr;
    const auto& items = page_items[p];
    if (items[0].table) return items[0].table;
    if (items.size() > 1 && is_continued_mark_item(items[0]) && items[1].table) return items[1].table;
    return nullptr;
  };
  std::vector<std::variant<const Line*, GeoTable*, const pdf::GeoCell*>> flow;
  GeoTable* last_table = nullptr;  // the last block emitted, when it is a table
  for (std::size_t p = 0; p < pages.size(); ++p) {
    auto& items = page_items[p];
    const int number = pages[p].number;
    for (std::size_t k = 0; k < items.size(); ++k) {
      Item& it = items[k];
      if (it.line) {
        if (k == 0 && last_table && is_continued_mark_item(it) && first_table(p) != nullptr) continue;
        flow.emplace_back(it.line);
        last_table = nullptr;
        continue;
      }
      GeoTable* t = it.table;
      if (last_table && t == first_table(p) && last_table->last_page + 1 == number && pdf::continues(*last_table, *t)) {
        const int dropped = pdf::join_tables(*last_table, std::move(*t));
        doc.add_finding("pdf.table_joined", Severity::info,
                        "a table continued from page " + std::to_string(number - 1) + " to page " + std::to_string(number) +
                            " was joined" + (dropped ? "; " + std::to_string(dropped) + " repeated header row(s) dropped" : ""),
                        "page " + std::to_string(number));
        continue;
      }
      if (t->single_cell) {
        // One ruled box is a table only as the first row of a table the page break cut off.
        GeoTable* next = first_table(p + 1);
        const bool cut = k + 1 == items.size() && next && pdf::continues(*t, *next);
        if (!cut) {
          flow.emplace_back(&t->cells.front());
          last_table = nullptr;
          continue;
        }
      }
      flow.emplace_back(t);
      last_table = t;
    }
  }

  ParagraphBuilder paragraphs(doc, body);
  int table_no = 0;
  for (auto& f : flow) {
    if (std::holds_alternative<const Line*>(f)) {
      paragraphs.add(*std::get<const Line*>(f));
      continue;
    }
    paragraphs.flush();
    if (std::holds_alternative<const pdf::GeoCell*>(f)) {  // a framed paragraph
      const pdf::GeoCell* c = std::get<const pdf::GeoCell*>(f);
      Paragraph para;
      para.text = u32_to_utf8(c->text);
      para.from = c->from;
      if (!para.text.empty()) doc.blocks.emplace_back(std::move(para));
      continue;
    }
    GeoTable* g = std::get<GeoTable*>(f);
    const std::string id = "t" + std::to_string(++table_no);
    Table t = pdf::to_table(*g, id, ctx.limits, ctx.source);
    if (!g->ruled)
      doc.add_finding("pdf.unruled_table", Severity::info,
                      "table " + id +
                          (g->last_page > g->first_page
                               ? " on pages " + std::to_string(g->first_page) + "-" + std::to_string(g->last_page)
                               : " on page " + std::to_string(g->first_page)) +
                          " has no ruling lines; its grid was recovered from text alignment",
                      id);
    if (t.rows > 0 && t.cols > 0) doc.blocks.emplace_back(std::move(t));
  }
  paragraphs.flush();
  return doc;
}

}  // namespace

Document layout_ocr_pages(std::vector<OcrPage> pages, const ExtractContext& ctx) {
  Document doc;
  doc.meta.pages = static_cast<int>(pages.size());
  std::vector<PageContent> contents;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    contents.push_back(ocr_page_content(std::move(pages[i]), static_cast<int>(i + 1), doc));
    chars += contents.back().chars;
  }
  if (chars == 0)
    throw Error(ErrorCode::no_text_layer, ctx.source, "OCR found no text in the image (a blank or unreadable scan)");
  return finish_layout(std::move(contents), std::move(doc), std::string(), ctx);
}

}  // namespace ogix
