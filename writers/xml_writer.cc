#include "writers/xml_writer.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include "model/error.h"
#include "text/byte_scan.h"
#include "text/encoding.h"
#include "text/unicode.h"

namespace ogix {

namespace {

// |v| in hundredths, rounded as std::to_chars(fixed, 2) rounds (half to even on the exact binary
// value), after the clamp format_coord applies; `negative` is v's sign bit. Found with integers:
// to_chars' general algorithm cost ~600 instructions a coordinate, the largest part of writing the
// XML. tests/writers_test.cc checks the digits against to_chars.
std::uint64_t coord_hundredths(double v, bool& negative) {
  // Page coordinates are at most a few thousand points; a hostile PDF can claim 1e300, so clamp.
  if (!std::isfinite(v)) v = 0;
  v = std::clamp(v, -1e9, 1e9);
  const auto bits = std::bit_cast<std::uint64_t>(v);
  negative = (bits >> 63) != 0;  // -0.004 prints "-0.00", as printf does
  const auto biased = static_cast<int>((bits >> 52) & 0x7FF);
  const std::uint64_t fraction = bits & ((std::uint64_t{1} << 52) - 1);
  // |v| = mantissa × 2^-shift exactly; |v| ≤ 1e9 < 2^30 makes shift ≥ 23 for every value but 0.
  const std::uint64_t mantissa = biased == 0 ? fraction : fraction | (std::uint64_t{1} << 52);
  const int shift = biased == 0 ? 1074 : 1075 - biased;
  const std::uint64_t scaled = mantissa * 100;  // < 2^60: no overflow
  if (shift >= 64) return 0;                    // |v| × 100 < 2^60 / 2^64 rounds to 0
  std::uint64_t hundredths = scaled >> shift;
  const std::uint64_t rest = scaled & ((std::uint64_t{1} << shift) - 1), half = std::uint64_t{1} << (shift - 1);
  if (rest > half || (rest == half && (hundredths & 1) != 0)) ++hundredths;
  return hundredths;
}

}  // namespace

void append_coord(std::string& out, double v) {
  bool negative = false;
  const std::uint64_t hundredths = coord_hundredths(v, negative);
  // Two digits at a time from a table of "00".."99" (a division by 100 per pair, not by 10 per digit).
  static constexpr std::array<char, 200> kPairs = [] {
    std::array<char, 200> t{};
    for (int i = 0; i < 100; ++i) t[2 * i] = static_cast<char>('0' + i / 10), t[2 * i + 1] = static_cast<char>('0' + i % 10);
    return t;
  }();
  char buf[24];
  char* p = buf + sizeof buf;
  auto pair = [&](std::uint64_t two) { p -= 2, std::memcpy(p, &kPairs[2 * two], 2); };
  pair(hundredths % 100);
  *--p = '.';
  std::uint64_t whole = hundredths / 100;
  for (; whole >= 100; whole /= 100) pair(whole % 100);
  if (whole >= 10) pair(whole);
  else *--p = static_cast<char>('0' + whole);
  if (negative) *--p = '-';
  out.append(p, buf + sizeof buf);
}

std::string format_coord(double v) {
  std::string out;
  append_coord(out, v);
  return out;
}

double rounded_coord(double v) {
  bool negative = false;
  // hundredths < 2^53 and 100 are exact doubles, so the quotient is the correctly rounded value of
  // the decimal, which is what strtod returns for it.
  const double value = static_cast<double>(coord_hundredths(v, negative)) / 100.0;
  return negative ? -value : value;
}

namespace {

// True when `s` is valid UTF-8 holding only characters XML 1.0 allows: the common case, checked
// on bytes without decoding.
bool xml_clean(const std::string& s) {
  bool ascii = true;
  std::size_t i = 0;
  // Eight bytes at a time while they are all printable ASCII (0x20-0x7F): paths, codes, numbers
  // and coordinates are most attribute values. A word holding a control byte or a non-ASCII one
  // is left to the byte loop below.
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (((w | ((w - 0x20 * kOnes) & ~w)) & kHigh) != 0) break;  // a byte >= 0x80 or < 0x20
  }
  for (; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return false;
    if (c < 0x80) continue;
    ascii = false;
    if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xBE)
      return false;  // U+FFFE, U+FFFF
  }
  // ASCII is valid UTF-8: numbers, codes, paths and coordinates need no second pass.
  return ascii || is_valid_utf8(s);  // also rejects surrogates and values beyond U+10FFFF
}

}  // namespace

int sanitize_xml_text(std::string& s) {
  if (xml_clean(s)) return 0;
  std::u32string u = utf8_to_u32(s);
  int n = 0;
  for (auto& c : u) {
    bool ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
              (c >= 0x10000 && c <= 0x10FFFF);
    if (!ok) {
      c = 0xFFFD;
      ++n;
    }
  }
  std::string out = u32_to_utf8(u);
  if (out != s) s = std::move(out);
  return n;
}

std::string_view xml_text_of(const std::string& s, std::string& scratch) {
  if (xml_clean(s)) return s;
  scratch = s;
  sanitize_xml_text(scratch);
  return scratch;
}

namespace {

// The escapes by byte, one table per context: a lookup instead of a switch for every byte.
struct EscapeTables {
  std::array<const char*, 256> text{}, attribute{};
  constexpr EscapeTables() {
    text['&'] = attribute['&'] = "&amp;";
    text['<'] = attribute['<'] = "&lt;";
    text['>'] = "&gt;";
    attribute['"'] = "&quot;";
    attribute['\t'] = "&#x9;";
    attribute['\n'] = "&#xA;";
    text['\r'] = attribute['\r'] = "&#xD;";
  }
};
constexpr EscapeTables kEscapes{};

// Writes XML that is its own Canonical XML 1.1 form after the declaration line (W3C C14N 1.1:
// start and end tags for empty elements, attributes sorted with the namespace declaration first,
// C14N's escaping of text and attribute values, nothing after the root element), indented with
// two spaces per level. Our vocabulary has no mixed content: an element holds text or elements.
class XmlOut {
 public:
  // `expected` is the output size to reserve (an estimate).
  explicit XmlOut(std::size_t expected) {
    out_.reserve(expected);
    out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  }

  void start(const char* name) {
    close_start_tag();
    if (!open_.empty()) {
      open_.back().has_children = true;
      out_ += '\n';
      out_.append(2 * open_.size(), ' ');
    }
    open_.push_back(Open{name, false});
    start_pending_ = true;
    n_attrs_ = 0;
  }
  void end() {
    close_start_tag();
    if (open_.empty()) throw Error(ErrorCode::internal, {}, "XML writer: end() without start()");
    Open o = open_.back();
    open_.pop_back();
    if (o.has_children) {
      out_ += '\n';
      out_.append(2 * open_.size(), ' ');
    }
    out_ += "</";
    out_ += o.name;
    out_ += '>';
  }
  void attr(const char* name, std::string_view value) {
    if (!start_pending_) throw Error(ErrorCode::internal, {}, "XML writer: attribute outside a start tag");
    // The slots of earlier start tags are reused: their strings keep their capacity, so a long
    // value (a node path) is copied without an allocation for every element.
    if (n_attrs_ == attrs_.size()) attrs_.emplace_back();
    auto& slot = attrs_[n_attrs_++];
    slot.first = name;
    slot.second.assign(value);
    sanitize_xml_text(slot.second);
  }
  void attr_if(const char* name, const std::string& value) {
    if (!value.empty()) attr(name, value);
  }
  void text(const std::string& value) {
    close_start_tag();
    if (xml_clean(value)) return append_escaped(value, false);  // the common case: no copy
    std::string clean = value;
    sanitize_xml_text(clean);
    append_escaped(clean, false);
  }
  void element(const char* name, const std::string& value) {
    start(name);
    text(value);
    end();
  }
  std::string finish() {
    if (!open_.empty()) throw Error(ErrorCode::internal, {}, "XML writer: unclosed element " + std::string(open_.back().name));
    return std::move(out_);
  }

 private:
  // Element and attribute names are string literals of this file: views, not copies.
  struct Open {
    std::string_view name;
    bool has_children;
  };
  std::string out_;
  std::vector<Open> open_;
  std::vector<std::pair<std::string_view, std::string>> attrs_;  // the first n_attrs_: of the start tag being written
  std::size_t n_attrs_ = 0;
  bool start_pending_ = false;

  // C14N's escaping: of text (& < > CR) or of an attribute value (& < " TAB LF CR). The runs
  // between escaped characters are appended whole rather than byte by byte.
  void append_escaped(const std::string& value, bool attribute) {
    const std::array<const char*, 256>& table = attribute ? kEscapes.attribute : kEscapes.text;
    const std::size_t n = value.size();
    std::size_t run = 0, i = 0;
    while (i < n) {
      // Eight bytes at a time while none can need an escape (most text, every number); a word
      // that may hold one is looked at byte by byte.
      for (; i + 8 <= n && !may_escape(load8(value.data() + i), attribute); i += 8) {
      }
      for (const std::size_t end = std::min(n, i + 8); i < end; ++i) {
        const char* esc = table[static_cast<unsigned char>(value[i])];
        if (esc == nullptr) continue;
        out_.append(value, run, i - run);
        out_ += esc;
        run = i + 1;
      }
    }
    out_.append(value, run, std::string::npos);
  }

  // False only when no byte of `w` is escaped in this context: none of & < and > (text) or "
  // (attribute), and none below 0x20 (TAB LF CR).
  static bool may_escape(std::uint64_t w, bool attribute) {
    return has_byte_below(w, 0x20) || has_byte(w, '&') || has_byte(w, '<') || has_byte(w, attribute ? '"' : '>');
  }

  void close_start_tag() {
    if (!start_pending_) return;
    start_pending_ = false;
    // C14N order: the namespace declaration first, then attributes by name (none of ours is in a
    // namespace, so the namespace URI part of the sort key is empty for all).
    // Insertion sort: stable like std::stable_sort, which allocated a buffer for every start tag
    // (an element has a handful of attributes).
    auto before = [](const auto& a, const auto& b) {
      bool ans = a.first == "xmlns", bns = b.first == "xmlns";
      if (ans != bns) return ans;
      return a.first < b.first;
    };
    for (std::size_t i = 1; i < n_attrs_; ++i)
      for (std::size_t j = i; j > 0 && before(attrs_[j], attrs_[j - 1]); --j) std::swap(attrs_[j], attrs_[j - 1]);
    out_ += '<';
    out_ += open_.back().name;
    for (std::size_t i = 0; i < n_attrs_; ++i) {
      const auto& [name, value] = attrs_[i];
      out_ += ' ';
      out_ += name;
      out_ += "=\"";
      append_escaped(value, true);
      out_ += '"';
    }
    out_ += '>';
  }
};

void write_spans(XmlOut& x, const std::vector<Span>& spans) {
  std::string bbox;
  for (const auto& s : spans) {
    x.start("from");
    if (s.page > 0) {
      x.attr("page", std::to_string(s.page));
      bbox.clear();  // one buffer for every span's four coordinates
      for (double v : {s.x0, s.y0, s.x1, s.y1}) {
        if (!bbox.empty()) bbox += ' ';
        append_coord(bbox, v);
      }
      x.attr("bbox", bbox);
    }
    x.attr_if("path", s.path);
    x.end();
  }
}

void write_table(XmlOut& x, const Table& t) {
  x.start("table");
  x.attr("id", t.id);
  x.attr("rows", std::to_string(t.rows));
  x.attr("cols", std::to_string(t.cols));
  if (t.ragged) x.attr("ragged", "true");
  write_spans(x, t.from);
  for (const auto& c : t.cells) {
    x.start("cell");
    x.attr("r", std::to_string(c.row + 1));
    x.attr("c", std::to_string(c.col + 1));
    if (c.row_span != 1) x.attr("rowspan", std::to_string(c.row_span));
    if (c.col_span != 1) x.attr("colspan", std::to_string(c.col_span));
    if (c.header) x.attr("header", "true");
    if (!c.text.empty()) x.element("text", c.text);
    write_spans(x, c.from);
    x.end();
  }
  x.end();
}

void write_blocks(XmlOut& x, const std::vector<Block>& blocks) {
  for (const auto& b : blocks) {
    if (auto* p = std::get_if<Paragraph>(&b)) {
      x.start(p->level > 0 ? "heading" : "p");
      if (p->level > 0) x.attr("level", std::to_string(p->level));
      x.element("text", p->text);
      write_spans(x, p->from);
      x.end();
    } else if (auto* t = std::get_if<Table>(&b)) {
      write_table(x, *t);
    }
  }
}

}  // namespace

namespace {

// A generous estimate of a document's XML size, reserved before writing: growing the output by
// doubling copied it each time, and for a 500-page report the last copy held the old and the new
// buffer at once (5 MB of XML made a 15 MB peak). Reserved pages that are never written are never
// touched and cost no memory; an estimate that falls short only means the string grows as before.
std::size_t xml_size_estimate(const Document& doc) {
  std::size_t n = 4096;
  auto spans = [&](const std::vector<Span>& from) {
    for (const auto& s : from) n += 160 + s.path.size();
  };
  auto blocks = [&](const std::vector<Block>& list) {
    for (const auto& b : list) {
      if (const auto* p = std::get_if<Paragraph>(&b)) {
        n += 128 + 2 * p->text.size();
        spans(p->from);
      } else if (const auto* t = std::get_if<Table>(&b)) {
        n += 128;
        spans(t->from);
        for (const auto& c : t->cells) {
          n += 160 + 2 * c.text.size();
          spans(c.from);
        }
      }
    }
  };
  blocks(doc.blocks);
  for (const auto& s : doc.sections) {
    n += 128 + 2 * s.heading.size();
    spans(s.from);
    blocks(s.blocks);
  }
  for (const auto& c : doc.cells) {
    n += 256 + 2 * (c.raw.size() + c.label.size() + c.value.size());
    spans(c.from);
  }
  for (const auto& r : doc.rules) n += 256 + 2 * r.detail.size();
  for (const auto& f : doc.findings) n += 256 + 2 * (f.message.size() + f.location.size());
  return n;
}

}  // namespace

std::string write_xml(const Document& doc) {
  XmlOut x(xml_size_estimate(doc));
  x.start("report");
  x.attr("xmlns", "urn:ogix:report:1");
  x.attr("format-version", "1");
  x.attr("generator", std::string("ogix ") + OGIX_VERSION);

  const Metadata& m = doc.meta;
  x.start("source");
  x.attr("name", m.source);
  x.attr("sha256", m.sha256);
  x.attr("size", std::to_string(m.size));
  x.attr("media-type", m.media_type);
  x.attr("extractor", m.extractor);
  x.attr_if("encoding", m.encoding);
  x.attr_if("encoding-basis", m.encoding_basis);
  if (m.pages > 0) x.attr("pages", std::to_string(m.pages));
  x.attr_if("ocr", m.ocr);
  x.end();

  x.start("metadata");
  auto opt = [&](const char* name, const std::string& v) {
    if (!v.empty()) x.element(name, v);
  };
  opt("title", m.title);
  opt("agency", m.agency);
  opt("agency-key", m.agency_key);
  opt("agency-level", m.agency_level);
  opt("year", m.year);
  opt("publish-date", m.publish_date);
  opt("source-url", m.source_url);
  x.end();

  x.start("profile");
  x.attr("id", doc.profile);
  for (const auto& e : doc.profile_evidence) x.element("evidence", e);
  x.end();

  x.start("sections");
  for (const auto& s : doc.sections) {
    x.start("section");
    x.attr("code", s.code);
    x.attr_if("heading", s.heading);
    write_spans(x, s.from);
    write_blocks(x, s.blocks);
    x.end();
  }
  if (!doc.blocks.empty()) {
    x.start("section");
    x.attr("code", "unsectioned");
    write_blocks(x, doc.blocks);
    x.end();
  }
  x.end();

  // Profile tables: one <table> per profile table code, cells in profile order.
  x.start("data");
  std::string open;
  for (const auto& c : doc.cells) {
    if (c.table != open) {
      if (!open.empty()) x.end();
      x.start("table");
      x.attr("code", c.table);
      open = c.table;
    }
    x.start("cell");
    x.attr("row", c.row);
    x.attr("col", c.col);
    x.attr("status", status_name(c.status));
    x.attr_if("value", c.value);
    if (c.extra) x.attr("extra", "true");
    x.attr_if("label", c.label);
    x.attr_if("unit", c.unit);
    if (!c.raw.empty()) x.element("raw", c.raw);
    write_spans(x, c.from);
    x.end();
  }
  if (!open.empty()) x.end();
  x.end();

  x.start("rules");
  for (const auto& r : doc.rules) {
    x.start("rule");
    x.attr("n", r.name());
    x.attr("table", r.table);
    x.attr("scope", r.scope);
    x.attr("result", rule_result_name(r.result));
    x.attr_if("lhs", r.lhs);
    x.attr_if("rhs", r.rhs);
    if (!r.detail.empty()) x.text(r.detail);
    x.end();
  }
  x.end();

  x.start("findings");
  for (const auto& f : doc.findings) {
    x.start("finding");
    x.attr("code", f.code);
    x.attr("severity", severity_name(f.severity));
    x.attr_if("location", f.location);
    x.text(f.message);
    x.end();
  }
  x.end();

  x.end();
  return x.finish();
}

}  // namespace ogix
