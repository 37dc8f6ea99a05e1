// Reports in traditional characters (mirror sites, Hong Kong and Taiwan copies): a traditional
// copy of every text and HTML fixture must give the same profile, sections and cells.
#include <doctest/doctest.h>

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <memory>

#include "cli/job.h"
#include "text/encoding.h"
#include "text/unicode.h"
#include "tests/test_util.h"

using namespace ogix;

namespace {

// `utf8` in traditional characters (ICU Simplified-Traditional, the way a mirror converts a page).
std::string to_traditional(const std::string& utf8) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance("Simplified-Traditional", UTRANS_FORWARD, err));
  REQUIRE(U_SUCCESS(err));
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  t->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

// What must not change: profile, section codes in order, every canonical cell (status, value,
// extra rows with their codes).
std::string outcome(const Document& d) {
  std::string s = "profile " + d.profile + "\nsections";
  for (const auto& sec : d.sections) s += " " + sec.code;
  s += "\n";
  for (const auto& c : d.cells)
    s += c.table + "/" + c.row + "/" + c.col + " " + std::to_string(static_cast<int>(c.status)) + " " + c.value +
         (c.extra ? " extra" : "") + "\n";
  return s;
}

}  // namespace

TEST_CASE("a traditional-character copy of every text and HTML fixture reads the same") {
  int copies = 0;
  std::vector<std::filesystem::path> dirs;
  for (const auto& e : std::filesystem::directory_iterator(test::source_path("fixtures"))) dirs.push_back(e.path());
  std::sort(dirs.begin(), dirs.end());
  for (const auto& dir : dirs) {
    for (const char* name : {"input.html", "input.txt", "input.md"}) {
      std::filesystem::path in = dir / name;
      if (!std::filesystem::exists(in)) continue;
      CAPTURE(in.string());
      std::string bytes = test::slurp(in);
      Document simplified = convert_bytes(bytes, name, ConvertOptions{});
      // Decoded to UTF-8 first (GBK pages), converted, written back as UTF-8.
      std::string trad = to_traditional(decode_to_utf8(bytes).utf8);
      REQUIRE(trad != decode_to_utf8(bytes).utf8);  // the copy really differs
      std::string want = outcome(simplified), got;
      try {
        got = outcome(convert_bytes(trad, name, ConvertOptions{}));
      } catch (const std::exception& e) {
        got = e.what();
      }
      // The first line that differs, to say what went wrong.
      std::size_t at = 0;
      while (at < got.size() && at < want.size() && got[at] == want[at]) ++at;
      std::size_t line = want.rfind('\n', at == 0 ? 0 : at - 1);
      line = line == std::string::npos ? 0 : line + 1;
      CAPTURE(want.substr(line, 80));
      CAPTURE(got.substr(std::min(line, got.size()), 80));
      CHECK(got == want);
      ++copies;
    }
  }
  CHECK(copies >= 19);
}

TEST_CASE("simplified_key: traditional characters compare as simplified, other text unchanged") {
  CHECK(simplified_key("政府資訊公開工作年度報告") == "政府资讯公开工作年度报告");
  CHECK(simplified_key("本年新收政府信息公開申請數量") == "本年新收政府信息公开申请数量");
  CHECK(simplified_key("行政複議 12 abc") == "行政复议 12 abc");
  CHECK(simplified_key("已是简体") == "已是简体");
}

TEST_CASE("normalize_text: no space between Chinese and digits or Latin letters") {
  CHECK(normalize_text("2024 年政府信息公开工作年度报告") == "2024年政府信息公开工作年度报告");
  CHECK(normalize_text("政策解读21 个") == "政策解读21个");
  CHECK(normalize_text("国令第 711 号") == "国令第711号");
  CHECK(normalize_text("使用 PDF 格式") == "使用PDF格式");
  // Between digits, Latin words or punctuation the space is the text's own.
  CHECK(normalize_text("1 234") == "1 234");
  CHECK(normalize_text("ISO 9001") == "ISO 9001");
  CHECK(normalize_text("5% 的") == "5% 的");
}

TEST_CASE("simplified_char agrees with ICU's Traditional-Simplified on every ideograph") {
  // simplified_char answers from a table generated at build time (text/tools/hant_hans_gen.cc)
  // instead of building ICU's transliterator registry (about 170 million instructions per
  // process); the table must give what ICU's transform gives, character by character.
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, err));
  REQUIRE(U_SUCCESS(err));
  int checked = 0, mapped = 0;
  for (UChar32 c = 0x3400; c <= 0x10FFFF; ++c) {
    if (!u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) continue;
    icu::UnicodeString u(c);
    t->transliterate(u);
    const char32_t cp = static_cast<char32_t>(c);
    char32_t want = u.countChar32() == 1 ? static_cast<char32_t>(u.char32At(0)) : cp;
    if (simplified_char(cp) != want) {
      CHECK_MESSAGE(false, "U+" << std::hex << static_cast<unsigned>(c) << " differs from ICU");
      break;
    }
    mapped += want != cp;
    ++checked;
  }
  CHECK(checked > 90000);  // the BMP's and the supplementary planes' ideographs
  CHECK(mapped > 2000);    // the transform really ran: thousands of traditional forms map
  CHECK(simplified_char(U'後') == U'后');
  CHECK(simplified_char(U'后') == U'后');
  CHECK(simplified_char(U'a') == U'a');
}
