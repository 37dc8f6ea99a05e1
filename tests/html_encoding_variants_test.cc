// The real HTML reports re-encoded as GBK and GB18030 — with a matching meta tag, with a gb2312
// declaration, and with no declaration at all — give exactly the profile cells of the UTF-8 page.
// The variants are made here with ICU, so no extra fixture bytes are stored.
#include <doctest/doctest.h>

#include "tests/test_util.h"

#include <unicode/ucnv.h>

#include <cctype>
#include <fstream>
#include <sstream>

#include "cli/job.h"

using namespace ogix;
using ogix::test::slurp;

namespace {

// UTF-8 → `charset`; counts characters the target cannot represent.
std::string encode(const std::string& utf8, const char* charset, int* unmappable) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset, &err);
  REQUIRE(U_SUCCESS(err));
  // A distinctive substitute makes any loss visible instead of silently becoming '?'.
  ucnv_setSubstChars(conv, "\x1A", 1, &err);
  std::vector<UChar> u(utf8.size() + 16);
  UErrorCode e2 = U_ZERO_ERROR;
  UConverter* from = ucnv_open("UTF-8", &e2);
  int32_t ulen = ucnv_toUChars(from, u.data(), static_cast<int32_t>(u.size()), utf8.data(),
                               static_cast<int32_t>(utf8.size()), &e2);
  REQUIRE(U_SUCCESS(e2));
  ucnv_close(from);
  std::string out(static_cast<std::size_t>(ulen) * 4 + 16, '\0');
  int32_t n = ucnv_fromUChars(conv, out.data(), static_cast<int32_t>(out.size()), u.data(), ulen, &err);
  REQUIRE(U_SUCCESS(err));
  ucnv_close(conv);
  out.resize(static_cast<std::size_t>(n));
  if (unmappable) {
    int subs = 0;
    for (char c : out) subs += c == '\x1A';
    *unmappable = subs;
  }
  return out;
}

// Removes every charset declaration from the page's head (an ASCII edit of the UTF-8 text):
// <meta charset=…> and http-equiv content="…; charset=…" lose their charset.
std::string without_declaration(std::string html) {
  std::size_t limit = std::min<std::size_t>(html.size(), 64 * 1024);
  for (std::size_t i = 0; i + 7 <= limit; ++i) {
    bool match = true;
    for (std::size_t k = 0; k < 7 && match; ++k)
      match = std::tolower(static_cast<unsigned char>(html[i + k])) == "charset"[k];
    if (match) html.replace(i, 7, "data-cs");
  }
  return html;
}

// The page declaring `label` in a <meta charset> of its own, first thing in <head> (or the page).
std::string with_declaration(const std::string& html, const std::string& label) {
  std::string page = without_declaration(html);
  std::string meta = "<meta charset=\"" + label + "\">";
  std::size_t head = page.find("<head>");
  if (head != std::string::npos) return page.insert(head + 6, meta);
  return meta + page;
}

std::vector<std::string> profile_cells(const Document& d) {
  std::vector<std::string> out;
  for (const auto& c : d.cells)
    out.push_back(c.table + "/" + c.row + "/" + c.col + "=" + status_name(c.status) + ":" + c.value + ":" + c.raw);
  return out;
}

}  // namespace

TEST_CASE("html encodings: GBK and GB18030 variants of the real reports give identical cells") {
  for (std::string fixture : {"html-pingtan-2019", "html-pingtan-2020", "html-shanghai-2019"}) {
    CAPTURE(fixture);
    std::string utf8 = slurp(std::string(OGIX_SOURCE_DIR) + "/fixtures/" + fixture + "/input.html");
    REQUIRE_FALSE(utf8.empty());
    Document base = convert_bytes(utf8, "input.html", ConvertOptions{});
    std::vector<std::string> want = profile_cells(base);
    REQUIRE(want.size() == 198);
    std::vector<std::string> codes;
    for (const auto& sec : base.sections) codes.push_back(sec.code);
    CHECK(codes == std::vector<std::string>{"preamble", "overview", "proactive", "applications", "review_litigation",
                                            "problems", "other_matters"});

    struct Variant {
      const char* name;
      std::string bytes;
      const char* basis;
    };
    int lost_gbk = 0, lost_gb18030 = 0;
    std::vector<Variant> variants = {
        {"gbk+meta", encode(with_declaration(utf8, "gbk"), "GBK", &lost_gbk), "meta"},
        {"gb2312-declared gbk", encode(with_declaration(utf8, "gb2312"), "GBK", nullptr), "meta"},
        {"gbk, no declaration", encode(without_declaration(utf8), "GBK", nullptr), "detected"},
        {"gb18030+meta", encode(with_declaration(utf8, "GB18030"), "GB18030", &lost_gb18030), "meta"},
        {"gb18030, no declaration", encode(without_declaration(utf8), "GB18030", nullptr), "detected"},
    };
    CHECK(lost_gb18030 == 0);
    CHECK(lost_gbk == 0);  // else the GBK variants could not carry the same cells
    for (const auto& v : variants) {
      CAPTURE(v.name);
      Document d = convert_bytes(v.bytes, "input.html", ConvertOptions{});
      CHECK(d.meta.encoding == "GB18030");
      CHECK(d.meta.encoding_basis == v.basis);
      CHECK(profile_cells(d) == want);
      CHECK(d.sections.size() == base.sections.size());
      CHECK(d.meta.title == base.meta.title);
    }
  }
}
