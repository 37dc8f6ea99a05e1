#include <doctest/doctest.h>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "text/unicode.h"

using namespace ogix;

TEST_CASE("normalize_text folds widths and spaces but keeps Chinese punctuation") {
  CHECK(normalize_text("２０２３年") == "2023年");
  CHECK(normalize_text("ＡＢＣ ａｂｃ") == "ABC abc");
  CHECK(normalize_text("总\u3000计") == "总计");              // ideographic space between Han
  CHECK(normalize_text("a\u00A0\u00A0b") == "a b");           // NBSP collapsed
  CHECK(normalize_text("规\u200B章") == "规章");              // zero-width removed
  CHECK(normalize_text("  前后  ") == "前后");
  CHECK(normalize_text("。「」、") == "。「」、");            // not the Fullwidth-Halfwidth transform
}

TEST_CASE("normalize_text: printable ASCII with single spaces comes back as it is, other ASCII is still folded") {
  CHECK(normalize_text("") == "");
  CHECK(normalize_text("12,345.6") == "12,345.6");
  CHECK(normalize_text("Word 2019 (a) b") == "Word 2019 (a) b");
  CHECK(normalize_text("a  b") == "a b");      // double space collapsed
  CHECK(normalize_text(" a ") == "a");         // trimmed
  CHECK(normalize_text("a\tb\r\n") == "a b");  // tab and line ends are spaces
  CHECK(normalize_text("a\x7F" "b") == "ab");   // DEL is invisible
  CHECK(normalize_text("a\x01" "b") == "ab");   // so are control characters
  CHECK(strip_spaces(" 1 2\t3\n") == "123");
  CHECK(strip_spaces("") == "");
}

TEST_CASE("normalize_text makes punctuation next to Chinese full-width (GB/T 15834)") {
  CHECK(normalize_text("(一) 予以公开") == "（一）予以公开");
  CHECK(normalize_text("区分处理的,只计这一情形") == "区分处理的，只计这一情形");
  CHECK(normalize_text("单位:万元") == "单位：万元");
  CHECK(normalize_text("危及\"三安全一稳定\"") == "危及“三安全一稳定”");
  CHECK(normalize_text("1,234") == "1,234");                  // grouping stays
  CHECK(normalize_text("see (a) b") == "see (a) b");          // Latin text keeps ASCII
  CHECK(normalize_text("3.14") == "3.14");
}

TEST_CASE("normalize_text removes layout spaces between Chinese characters, and between Chinese and digits") {
  CHECK(normalize_text("结果 维持") == "结果维持");
  CHECK(normalize_text("邮 编 ： 223100") == "邮编：223100");
  CHECK(normalize_text("2023 年") == "2023年");  // justification residue: Chinese puts no space there
  CHECK(normalize_text("12 345") == "12 345");   // between digits it is the source's
}

TEST_CASE("heading markers in all their spellings") {
  CHECK(heading_marker("一、总体情况").level == 1);
  CHECK(heading_marker("十二、其他").number == 12);
  CHECK(heading_marker("（一）主动公开").level == 2);
  CHECK(heading_marker("(三) 依申请").number == 3);
  CHECK(heading_marker("1.属于国家秘密").level == 3);
  CHECK(heading_marker("2、重复申请").level == 3);
  CHECK(heading_marker("3．其他").level == 3);
  CHECK(heading_marker("一是推进机制建设").level == 0);
  CHECK(heading_marker("1.5万元").level == 0);               // a decimal is no marker
  CHECK(heading_marker("（单位：万元）").level == 0);
  HeadingMarker m = heading_marker("一、总体情况");
  CHECK(std::string("一、总体情况").substr(m.length) == "总体情况");
}

TEST_CASE("edits_within: approximate containment in code points") {
  CHECK(edits_within(U"信函申请数", U"（二）信函申请数") == 0);
  CHECK(edits_within(U"信函申请数", U"信国申请数") == 1);
  CHECK(edits_within(U"信函申请数", U"信申请数") == 1);
  CHECK(edits_within(U"信函申请数", U"信国申博数") == 2);
  CHECK(edits_within(U"abc", U"") == 3);
}

TEST_CASE("chinese numerals") {
  CHECK(chinese_numeral(U"七") == 7);
  CHECK(chinese_numeral(U"十") == 10);
  CHECK(chinese_numeral(U"十一") == 11);
  CHECK(chinese_numeral(U"二十") == 20);
  CHECK(chinese_numeral(U"二十三") == 23);
  CHECK(chinese_numeral(U"是") == 0);
}

TEST_CASE("utf8 round trip and invalid bytes") {
  CHECK(u32_to_utf8(utf8_to_u32("规章 𠀀")) == "规章 𠀀");
  CHECK(utf8_to_u32("\xff") == std::u32string(1, 0xFFFD));
  CHECK(utf8_to_u32("\xe8\xa7") == std::u32string(2, 0xFFFD));  // truncated sequence
  // A surrogate or a value past U+10FFFF is no character: one U+FFFD per byte, decoding resumes.
  CHECK(utf8_to_u32("\xed\xa0\x80" "a") == std::u32string{0xFFFD, 0xFFFD, 0xFFFD, U'a'});
  CHECK(utf8_to_u32("\xf4\x90\x80\x80") == std::u32string(4, 0xFFFD));
  CHECK(utf8_to_u32("\xe8\xa7x") == std::u32string{0xFFFD, 0xFFFD, U'x'});  // a broken continuation
  // Every length of sequence, one code point at a time, through next_code_point and append_utf8.
  std::string text = "a\xc2\xa9\xe8\xa7\x84\xf0\xa0\x80\x80", again;
  std::size_t i = 0;
  std::u32string points;
  while (i < text.size()) points.push_back(next_code_point(text, i));
  CHECK(points == std::u32string{U'a', 0xA9, U'规', 0x20000});
  CHECK(i == text.size());
  for (char32_t c : points) append_utf8(again, c);
  CHECK(again == text);
}

TEST_CASE("normalize_text composes to NFC, also beside invalid bytes, and keeps no state between calls") {
  // e + combining acute composes; a CJK compatibility ideograph (U+F900) becomes its unified form.
  CHECK(normalize_text("caf\x65\xcc\x81") == "caf\xc3\xa9");
  CHECK(normalize_text("\xef\xa4\x80") == "\xe8\xb1\x88");
  // An invalid byte is U+FFFD; the text around it is still composed.
  CHECK(normalize_text("\xff\x65\xcc\x81") == "\xef\xbf\xbd\xc3\xa9");
  // Already in NFC: unchanged apart from the layout rules.
  CHECK(normalize_text("规章  制度") == "规章制度");
  // A long text, then a short one: the scratch buffers of the first leave nothing in the second.
  std::string long_text(5000, 'a');
  CHECK(normalize_text(long_text) == long_text);
  CHECK(normalize_text("b") == "b");
  CHECK(normalize_text("").empty());
}

TEST_CASE("the compiled-in Ideographic and NFC-plain ranges say what ICU says, for every code point") {
  int ideographic = 0, plain = 0, wrong = 0;
  for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
    bool ideo = u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC) != 0;
    bool nfc = u_getCombiningClass(c) == 0 && u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES;
    if (is_ideographic(static_cast<char32_t>(c)) != ideo || is_nfc_plain(static_cast<char32_t>(c)) != nfc) ++wrong;
    ideographic += ideo;
    plain += nfc;
  }
  CHECK(wrong == 0);
  CHECK(ideographic > 90000);  // the CJK blocks: a table cut short would show here
  CHECK(plain > 1000000);
  CHECK(is_ideographic(U'政'));
  CHECK_FALSE(is_ideographic(U'。'));
  // A reading with an ideograph is Chinese; a number with a full-width separator is not.
  CHECK(has_ideograph(U"轧332"));
  CHECK_FALSE(has_ideograph(U"14，061"));
  CHECK_FALSE(has_ideograph(U"“（）"));
  CHECK_FALSE(is_nfc_plain(0x0301));  // combining acute
  CHECK_FALSE(is_nfc_plain(0xF900));  // a CJK compatibility ideograph (decomposes)
}

TEST_CASE("normalize_text gives ICU's NFC of texts that are not plain, past the BMP too") {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(err);
  REQUIRE(U_SUCCESS(err));
  // Chinese with a compatibility ideograph, a combining sequence in need of reordering, Hangul jamo,
  // a supplementary compatibility ideograph (U+2F800) and a supplementary ideograph (U+20000).
  for (const char* text : {"\xe6\x94\xbf\xef\xa4\x80\xe5\xba\x9c", "a\xcc\x81\xcc\xa3" "b", "\xe1\x84\x80\xe1\x85\xa1",
                           "\xf0\xaf\xa0\x80\xe5\xb9\xb4\xf0\xa0\x80\x80", "x\xe2\x84\xabz"}) {
    std::string expected;
    n->normalize(icu::UnicodeString::fromUTF8(text), err).toUTF8String(expected);
    REQUIRE(U_SUCCESS(err));
    CHECK(normalize_text(text) == expected);
  }
}

TEST_CASE("contains says what std::string::find says, for Chinese and ASCII, at every position") {
  CHECK(contains("本年新制作数量", "新制作"));
  CHECK(contains("本年新制作数量", "本年新制作数量"));
  CHECK(contains("本年新制作数量", "数量"));                 // at the very end
  CHECK_FALSE(contains("本年新制作数量", "新公开"));          // same lead bytes, other characters
  CHECK_FALSE(contains("本年新制作数", "本年新制作数量"));    // needle longer than the text
  CHECK(contains("abc", ""));
  CHECK(contains("", ""));
  CHECK_FALSE(contains("", "a"));
  CHECK(contains("xxab", "ab"));                              // short needles
  // Against std::string::find for every substring and near miss of a mixed text.
  const std::string text = "二、主动公开政府信息情况 (2019) 第二十条第（九）项 采购总金额";
  for (std::size_t b = 0; b < text.size(); ++b)
    for (std::size_t n = 0; b + n <= text.size() && n < 16; ++n) {
      std::string needle = text.substr(b, n);
      CHECK(contains(text, needle));
      if (!needle.empty()) {
        std::string miss = needle;
        miss.back() = static_cast<char>(miss.back() ^ 0x01);
        CHECK(contains(text, miss) == (text.find(miss) != std::string::npos));
      }
    }
}
