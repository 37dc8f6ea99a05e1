#include "cli/dataset_part.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "model/error.h"
#include "writers/xml_writer.h"

namespace ogix {

namespace {

// The first bytes of every part; the digit is the format's version (a part of another version is
// not read: the input is converted again).
constexpr std::string_view kMagic = "ogix-part 1\n";

// Appends fixed-width integers (host byte order: a part is read only by the run that wrote it or
// a resumed run on the same machine's output), doubles bit for bit, and length-prefixed strings.
class PartWriter {
 public:
  void u32(std::uint32_t v) { raw(&v, sizeof v); }
  void u64(std::uint64_t v) { raw(&v, sizeof v); }
  void f64(double v) { raw(&v, sizeof v); }
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out_ += s;
  }
  // A string as the XML carries it: characters XML forbids replaced as write_xml replaces them.
  void xml_str(const std::string& s) { str(xml_text_of(s, scratch_)); }
  // Spans as the XML reads back: a box only with a page, its coordinates to two decimals.
  void spans(const std::vector<Span>& from) {
    u32(static_cast<std::uint32_t>(from.size()));
    for (const auto& s : from) {
      bool boxed = s.page > 0;
      u32(boxed ? static_cast<std::uint32_t>(s.page) : 0);
      for (double v : {s.x0, s.y0, s.x1, s.y1}) f64(boxed ? rounded_coord(v) : 0.0);
      xml_str(s.path);
    }
  }
  std::string& out() { return out_; }

 private:
  void raw(const void* p, std::size_t n) { out_.append(static_cast<const char*>(p), n); }
  std::string out_;
  std::string scratch_;  // xml_str's cleaned copy, when a string needs one
};

// Reads what PartWriter wrote; every read is bounds-checked and throws Error(damaged).
class PartReader {
 public:
  PartReader(std::string_view in, const std::string& name) : in_(in), name_(name) {}
  std::uint32_t u32() {
    std::uint32_t v;
    raw(&v, sizeof v);
    return v;
  }
  std::uint64_t u64() {
    std::uint64_t v;
    raw(&v, sizeof v);
    return v;
  }
  double f64() {
    double v;
    raw(&v, sizeof v);
    return v;
  }
  std::string str() {
    std::uint32_t n = u32();
    need(n);
    std::string s(in_.substr(at_, n));
    at_ += n;
    return s;
  }
  // A count of records that each take at least `min_bytes`: no larger than what is left.
  std::size_t count(std::size_t min_bytes) {
    std::uint32_t n = u32();
    if (n > (in_.size() - at_) / min_bytes) fail();
    return n;
  }
  // An enum stored as a number below `limit`.
  template <class E>
  E enumerated(std::uint32_t limit) {
    std::uint32_t v = u32();
    if (v >= limit) fail();
    return static_cast<E>(v);
  }
  std::vector<Span> spans() {
    std::vector<Span> out(count(40));
    for (auto& s : out) {
      s.page = static_cast<int>(u32());
      s.x0 = f64(), s.y0 = f64(), s.x1 = f64(), s.y1 = f64();
      s.path = str();
    }
    return out;
  }
  bool at_end() const { return at_ == in_.size(); }
  [[noreturn]] void fail() const { throw Error(ErrorCode::damaged, name_, name_ + " is not a complete ogix part"); }

 private:
  void need(std::size_t n) const {
    if (n > in_.size() - at_) fail();
  }
  void raw(void* p, std::size_t n) {
    need(n);
    std::memcpy(p, in_.data() + at_, n);
    at_ += n;
  }
  std::string_view in_;
  const std::string& name_;
  std::size_t at_ = 0;
};

}  // namespace

std::string encode_dataset_part(const ManifestRecord& record, const Document* doc) {
  PartWriter w;
  w.out() = kMagic;
  w.str(manifest_row(record));
  w.u32(doc ? 1 : 0);
  if (!doc) return std::move(w.out());
  const Metadata& m = doc->meta;
  for (const std::string* s : {&m.source, &m.sha256, &m.media_type, &m.extractor, &m.encoding, &m.encoding_basis, &m.title,
                               &m.agency, &m.year, &m.publish_date, &m.source_url, &m.agency_key, &m.agency_level, &m.ocr})
    w.xml_str(*s);
  w.u64(m.size);
  w.u32(static_cast<std::uint32_t>(m.pages));
  w.xml_str(doc->profile);
  w.u32(static_cast<std::uint32_t>(doc->cells.size()));
  for (const auto& c : doc->cells) {
    w.xml_str(c.table), w.xml_str(c.row), w.xml_str(c.col);
    w.u32(static_cast<std::uint32_t>(c.status));
    w.xml_str(c.value), w.xml_str(c.raw);
    w.spans(c.from);
    w.u32(c.extra ? 1 : 0);
    w.xml_str(c.label), w.xml_str(c.unit);
  }
  w.u32(static_cast<std::uint32_t>(doc->rules.size()));
  for (const auto& r : doc->rules) {
    // The rule as the XML's n attribute reads back (writers/xml_reader.cc): n is the profile's
    // number when it has one; a legacy "L3" stays the id with rule 3, any other n is the rule.
    std::string n = r.name();
    bool legacy = !n.empty() && n[0] == 'L';
    w.u32(static_cast<std::uint32_t>(std::atoi(n.c_str() + (legacy ? 1 : 0))));
    w.xml_str(r.table), w.xml_str(r.scope);
    w.u32(static_cast<std::uint32_t>(r.result));
    w.xml_str(r.lhs), w.xml_str(r.rhs), w.xml_str(r.detail), w.xml_str(legacy ? n : std::string());
  }
  w.u32(static_cast<std::uint32_t>(doc->findings.size()));
  for (const auto& f : doc->findings) {
    w.xml_str(f.code);
    w.u32(static_cast<std::uint32_t>(f.severity));
    w.xml_str(f.location), w.xml_str(f.message);
  }
  return std::move(w.out());
}

DatasetPart decode_dataset_part(std::string_view bytes, const std::string& name, bool with_doc) {
  if (bytes.substr(0, kMagic.size()) != kMagic) throw Error(ErrorCode::damaged, name, name + " is not an ogix part");
  PartReader r(bytes.substr(kMagic.size()), name);
  DatasetPart part;
  auto recs = parse_manifest(r.str(), name, false);
  if (recs.size() != 1) r.fail();
  part.record = std::move(recs[0]);
  std::uint32_t has_doc = r.u32();
  if (has_doc > 1) r.fail();
  if (!has_doc || !with_doc) {
    if (!has_doc && !r.at_end()) r.fail();
    return part;
  }
  Document& d = part.doc.emplace();
  Metadata& m = d.meta;
  for (std::string* s : {&m.source, &m.sha256, &m.media_type, &m.extractor, &m.encoding, &m.encoding_basis, &m.title, &m.agency,
                         &m.year, &m.publish_date, &m.source_url, &m.agency_key, &m.agency_level, &m.ocr})
    *s = r.str();
  m.size = r.u64();
  m.pages = static_cast<int>(r.u32());
  d.profile = r.str();
  // The smallest encodings: a cell is 10 counts and lengths (40 bytes), a rule 8 (32), a finding 4 (16).
  d.cells.resize(r.count(40));
  for (auto& c : d.cells) {
    c.table = r.str(), c.row = r.str(), c.col = r.str();
    c.status = r.enumerated<CellStatus>(5);
    c.value = r.str(), c.raw = r.str();
    c.from = r.spans();
    c.extra = r.enumerated<int>(2) == 1;
    c.label = r.str(), c.unit = r.str();
  }
  d.rules.resize(r.count(32));
  for (auto& o : d.rules) {
    o.rule = static_cast<int>(r.u32());
    o.table = r.str(), o.scope = r.str();
    o.result = r.enumerated<RuleResult>(3);
    o.lhs = r.str(), o.rhs = r.str(), o.detail = r.str(), o.id = r.str();
  }
  d.findings.resize(r.count(16));
  for (auto& f : d.findings) {
    f.code = r.str();
    f.severity = r.enumerated<Severity>(3);
    f.location = r.str(), f.message = r.str();
  }
  if (!r.at_end()) r.fail();
  return part;
}

}  // namespace ogix
