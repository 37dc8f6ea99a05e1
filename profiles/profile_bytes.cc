#include "profiles/profile_bytes.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>

namespace ogix {

// The build-time bytes (generated/builtin_data.cc); weak, so that the generator, which links the
// profile code before the bytes exist, parses instead. Every executable links the bytes.
std::string_view builtin_profile_bytes() __attribute__((weak));

const std::vector<std::pair<std::string_view, std::string_view>>& embedded_profiles();

namespace {

// One function per type lists its fields for both directions, so a field written is a field read.
// A field missing here makes the build-time profiles differ from the parsed ones, which
// tests/profile_bytes_test.cc compares with the structs' defaulted ==.
template <class A> void fields(A& a, LabelVariant& v) { a(v.group), a(v.leaf); }
template <class A> void fields(A& a, ProfileColumn& c) { a(c.code), a(c.variants), a(c.extra), a(c.unit), a(c.groups); }
template <class A> void fields(A& a, ProfileRow& r) {
  a(r.code), a(r.cols), a(r.variants), a(r.extra), a(r.groups), a(r.unit), a(r.stated);
}
template <class A> void fields(A& a, ProfileRule& r) {
  a(r.number), a(r.id), a(r.table), a(r.kind), a(r.lhs), a(r.rhs), a(r.except);
}
template <class A> void fields(A& a, ProfileTable& t) {
  a(t.code), a(t.cols), a(t.rows), a(t.printed_one_row), a(t.label_col), a(t.unit_col), a(t.year_col), a(t.units);
}
template <class A> void fields(A& a, ProfileSection& s) { a(s.code), a(s.variants); }
template <class A> void fields(A& a, Evidence& e) { a(e.weight), a(e.text); }
template <class A> void fields(A& a, CodeLabel& l) { a(l.kind), a(l.table), a(l.code), a(l.zh), a(l.en); }
template <class A> void fields(A& a, Profile& p) {
  a(p.id), a(p.description), a(p.evidence), a(p.sections), a(p.tables), a(p.rules), a(p.detect), a(p.labels);
}

// Sizes and numbers as 7-bit groups, low first.
class Writer {
 public:
  void operator()(std::uint64_t n) {
    while (n >= 0x80) out_ += static_cast<char>(0x80 | (n & 0x7F)), n >>= 7;
    out_ += static_cast<char>(n);
  }
  void operator()(int& n) { (*this)(static_cast<std::uint64_t>(static_cast<std::uint32_t>(n))); }
  void operator()(bool& b) { out_ += b ? '\1' : '\0'; }
  void operator()(std::string& s) { (*this)(std::uint64_t{s.size()}), out_ += s; }
  void operator()(std::u32string& s) {
    (*this)(std::uint64_t{s.size()});
    for (char32_t c : s) (*this)(std::uint64_t{c});
  }
  template <class T> void operator()(std::vector<T>& v) {
    (*this)(std::uint64_t{v.size()});
    for (auto& x : v) (*this)(x);
  }
  template <class T> void operator()(T& x) { fields(*this, x); }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  std::uint64_t number() {
    std::uint64_t n = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at_ >= in_.size()) throw std::invalid_argument("profile bytes: truncated");
      const auto b = static_cast<unsigned char>(in_[at_++]);
      n |= std::uint64_t{b & 0x7Fu} << shift;
      if (b < 0x80) return n;
    }
    throw std::invalid_argument("profile bytes: bad number");
  }
  // A count of things each at least one byte long: never more than the bytes left.
  std::size_t count() {
    const std::uint64_t n = number();
    if (n > in_.size() - at_) throw std::invalid_argument("profile bytes: bad count");
    return static_cast<std::size_t>(n);
  }
  void operator()(int& n) { n = static_cast<int>(static_cast<std::uint32_t>(number())); }
  void operator()(bool& b) { b = number() != 0; }
  void operator()(std::string& s) {
    const std::size_t n = count();
    s.assign(in_.substr(at_, n));
    at_ += n;
  }
  void operator()(std::u32string& s) {
    s.resize(count());
    for (auto& c : s) c = static_cast<char32_t>(number());
  }
  template <class T> void operator()(std::vector<T>& v) {
    v.resize(count());
    for (auto& x : v) (*this)(x);
  }
  template <class T> void operator()(T& x) { fields(*this, x); }
  bool done() const { return at_ == in_.size(); }

 private:
  std::string_view in_;
  std::size_t at_ = 0;
};

}  // namespace

std::string profiles_to_bytes(const std::vector<Profile>& profiles) {
  Writer w;
  auto copy = profiles;  // the field lists take non-const references (one list for both directions)
  w(copy);
  return w.take();
}

std::vector<Profile> profiles_from_bytes(std::string_view bytes) {
  Reader r(bytes);
  std::vector<Profile> out;
  r(out);
  if (!r.done()) throw std::invalid_argument("profile bytes: trailing bytes");
  return out;
}

std::vector<Profile> parse_builtin_profiles() {
  std::vector<Profile> v;
  for (const auto& [name, text] : embedded_profiles()) v.push_back(parse_profile(text));
  std::sort(v.begin(), v.end(), [](const Profile& a, const Profile& b) { return a.id < b.id; });
  return v;
}

bool builtin_profiles_prebuilt() { return builtin_profile_bytes != nullptr; }

const std::vector<Profile>& builtin_profiles() {
  // Never destroyed: freeing every string of the profiles at exit is work no output needs.
  static const std::vector<Profile>& all =
      *new std::vector<Profile>(builtin_profile_bytes ? profiles_from_bytes(builtin_profile_bytes()) : parse_builtin_profiles());
  return all;
}

}  // namespace ogix
