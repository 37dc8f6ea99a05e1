// Encoding decisions: BOM, declarations (meta, http-equiv, XML), UTF-8 validity, ICU detection,
// gb2312/gbk read as GB18030, and what the HTML extractor records about them.
#include <doctest/doctest.h>

#include <unicode/ucnv.h>

#include "profiles/profile.h"
#include "text/encoding.h"
#include "extractors/extractor.h"
#include "extractors/html_extractor.h"
#include "model/table_grid.h"

using namespace ogix;

namespace {

// UTF-8 → `charset` bytes with ICU (substitution on unmappable characters).
std::string encode(const std::string& utf8, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &err);
  REQUIRE(U_SUCCESS(err));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

// 镕 (U+9555) is in GBK but not in GB2312: the classic character that breaks gb2312 decoders.
const std::string kGbkOnly = "朱镕基同志";

Document extract(const std::string& bytes) {
  ExtractContext ctx;
  ctx.cues = builtin_cues();  // as the pipeline hands them down
  ctx.source = "page.html";
  return HtmlExtractor{}.extract(bytes, ctx);
}

}  // namespace

TEST_CASE("encoding: is_valid_utf8 accepts well-formed UTF-8 only, in and after ASCII runs") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("plain ASCII markup <p class=x>"));
  CHECK(is_valid_utf8("政府信息公开工作年度报告"));
  CHECK(is_valid_utf8("\xEF\xBF\xBF"));          // U+FFFF is well-formed
  CHECK(is_valid_utf8("\xE0\xA0\x80"));          // U+0800, the first three-byte form
  CHECK(is_valid_utf8("\xED\x9F\xBF"));          // U+D7FF, just below the surrogates
  CHECK(is_valid_utf8("\xF0\x9F\x98\x80"));      // a four-byte form
  CHECK_FALSE(is_valid_utf8("\xE0\x80\x80"));    // overlong
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));    // a surrogate
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80")); // beyond U+10FFFF
  CHECK_FALSE(is_valid_utf8("\xC0\x80"));         // overlong
  CHECK_FALSE(is_valid_utf8("\xE4\xB8"));         // truncated
  CHECK_FALSE(is_valid_utf8("\xE4\x41\x41"));     // no continuation bytes
  CHECK_FALSE(is_valid_utf8("\xE4\xB8\xAD\xE4\xB8"));  // truncated after a whole character
  CHECK_FALSE(is_valid_utf8("abcdefgh\xE4\xB8\xADij\xFF"));
}

TEST_CASE("encoding: canonical names fold the GB family into GB18030") {
  CHECK(canonical_charset("gb2312") == "GB18030");
  CHECK(canonical_charset("GBK") == "GB18030");
  CHECK(canonical_charset("\"x-gbk\"") == "GB18030");
  CHECK(canonical_charset("utf8") == "UTF-8");
  CHECK(canonical_charset("UTF-8") == "UTF-8");
  CHECK(canonical_charset("") == "");
}

TEST_CASE("encoding: BOM wins over everything and is stripped") {
  DecodedText d = decode_to_utf8("\xEF\xBB\xBF<p>一</p>", "gbk");
  CHECK(d.encoding == "UTF-8");
  CHECK(d.basis == "bom");
  CHECK(d.utf8 == "<p>一</p>");
  DecodedText w = decode_to_utf8(std::string("\xFF\xFE<\0p\0>\0", 8));
  CHECK(w.encoding == "UTF-16LE");
  CHECK(w.utf8 == "<p>");
}

TEST_CASE("encoding: UTF-16 without a BOM is recognised by the parity of its NUL bytes") {
  std::string text = "<html><body><p>平潭综合实验区2021年政府信息公开工作年度报告</p>\n<td>12</td></body></html>";
  std::string le = encode(text, "UTF-16LE"), be = encode(text, "UTF-16BE");
  CHECK(utf16_without_bom(le) == "UTF-16LE");
  CHECK(utf16_without_bom(be) == "UTF-16BE");
  DecodedText d = decode_to_utf8(le);
  CHECK(d.encoding == "UTF-16LE");
  CHECK(d.basis == "detected");
  CHECK(d.utf8 == text);
  CHECK(decode_to_utf8(be).utf8 == text);
  CHECK(sniff_kind(le) == InputKind::html);
  CHECK(sniff_kind(encode("一、总体情况\n2021年，共收到申请 12 件。\n规章\t0\t0\t0\n", "UTF-16LE")) == InputKind::text);
  // Not UTF-16: 8-bit text, NULs on both sides, NUL code units, random binary.
  CHECK(utf16_without_bom(encode(text, "GB18030")).empty());
  CHECK(utf16_without_bom(text).empty());
  CHECK(utf16_without_bom(std::string(64, '\0')).empty());
  std::string mixed;
  for (int i = 0; i < 64; ++i) mixed += (i % 3 == 0) ? std::string("\0a", 2) : std::string("b\0", 2);
  CHECK(utf16_without_bom(mixed).empty());
  CHECK(sniff_kind(std::string("\x01\x02\0\0\x03\x04", 6) + std::string(200, '\0')) == InputKind::unsupported);
}

TEST_CASE("encoding: a gb2312 declaration decodes GBK-only characters as GB18030") {
  std::string bytes = encode("<p>" + kGbkOnly + "</p>", "GBK");
  DecodedText d = decode_to_utf8(bytes, "gb2312");
  CHECK(d.encoding == "GB18030");
  CHECK(d.basis == "declared");
  CHECK_FALSE(d.lossy);
  CHECK(d.utf8 == "<p>" + kGbkOnly + "</p>");
}

TEST_CASE("encoding: undeclared input is validated as UTF-8, then detected") {
  DecodedText u = decode_to_utf8("<p>政府信息公开工作年度报告</p>");
  CHECK(u.encoding == "UTF-8");
  CHECK(u.basis == "utf8-valid");
  std::string text;
  for (int i = 0; i < 20; ++i) text += "<p>本年度报告中所列数据统计期限从2019年1月1日到12月31日止。" + kGbkOnly + "</p>";
  DecodedText g = decode_to_utf8(encode(text, "GBK"));
  CHECK(g.encoding == "GB18030");
  CHECK(g.basis == "detected");
  CHECK(g.utf8 == text);
}

TEST_CASE("encoding: a false UTF-8 declaration falls through to detection") {
  std::string text = "<p>收到和处理政府信息公开申请情况，自然人，法人或其他组织，商业企业，科研机构</p>";
  DecodedText d = decode_to_utf8(encode(text, "GBK"), "utf-8");
  CHECK(d.encoding == "GB18030");
  CHECK(d.basis != "declared");
  CHECK(d.utf8 == text);
}

TEST_CASE("encoding: charset declarations found in HTML") {
  CHECK(find_html_charset("<html><head><meta charset=\"gb2312\"></head>").label == "gb2312");
  CHECK(find_html_charset("<html><head><meta charset=\"gb2312\"></head>").basis == "meta");
  auto h = find_html_charset("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=GBK\">");
  CHECK(h.label == "GBK");
  CHECK(h.basis == "http-equiv");
  CHECK(find_html_charset("<!-- <meta charset=\"big5\"> --><meta charset='utf-8'>").label == "utf-8");
  auto x = find_html_charset("<?xml version=\"1.0\" encoding=\"gb2312\"?><html>");
  CHECK(x.label == "gb2312");
  CHECK(x.basis == "xml-declaration");
  CHECK(find_html_charset("<p>no declaration</p>").label.empty());
  CHECK(find_html_charset("<meta name=\"charset-ish\" content=\"x\">").label.empty());
}

TEST_CASE("encoding: a gb2312 page with a GBK-only character converts whole (libxml2 alone would truncate)") {
  std::string page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>"
                     "<p>一、总体情况</p><p>" +
                     kGbkOnly +
                     "</p><p>二、主动公开政府信息情况</p>"
                     "<table><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>7</td></tr>"
                     "<tr><td>行政规范性文件</td><td>8</td></tr><tr><td>行政许可</td><td>9</td></tr></table>"
                     "<p>六、其他需要报告的事项</p></body></html>";
  Document d = extract(encode(page, "GBK"));
  CHECK(d.meta.encoding == "GB18030");
  CHECK(d.meta.encoding_basis == "http-equiv");
  bool found_name = false, found_last = false;
  const Table* t = nullptr;
  for (const auto& b : d.blocks) {
    if (auto* p = std::get_if<Paragraph>(&b)) {
      found_name = found_name || p->text == kGbkOnly;
      found_last = found_last || p->text == "六、其他需要报告的事项";
    }
    if (auto* tb = std::get_if<Table>(&b)) t = tb;
  }
  CHECK(found_name);
  CHECK(found_last);
  REQUIRE(t != nullptr);
  CHECK(cell_at(*t, 3, 1)->text == "9");
}

TEST_CASE("encoding: the extractor records how the encoding was decided") {
  std::string body = "<p>一、总体情况</p><p>二、主动公开政府信息情况</p><p>" + kGbkOnly + "，本年度工作稳步推进。</p>";
  CHECK(extract("\xEF\xBB\xBF<html><body>" + body).meta.encoding_basis == "bom");
  CHECK(extract("<meta charset=\"utf-8\">" + body).meta.encoding_basis == "meta");
  Document u = extract("<html><body>" + body);
  CHECK(u.meta.encoding == "UTF-8");
  CHECK(u.meta.encoding_basis == "utf8-valid");
  std::string many;
  for (int i = 0; i < 10; ++i) many += body;
  Document g = extract(encode("<html><body>" + many, "GB18030"));
  CHECK(g.meta.encoding == "GB18030");
  CHECK(g.meta.encoding_basis == "detected");
  bool fallback = false;
  for (const auto& f : g.findings) fallback = fallback || f.code == "html.encoding_fallback";
  CHECK(fallback);
  // A page that lies about being UTF-8 is read correctly and the lie is reported.
  Document lie = extract(encode("<meta charset=\"utf-8\"><body>" + many, "GBK"));
  CHECK(lie.meta.encoding == "GB18030");
  bool mismatch = false;
  for (const auto& f : lie.findings) mismatch = mismatch || f.code == "html.encoding_mismatch";
  CHECK(mismatch);
}

TEST_CASE("encoding: a UTF-8 page with a corrupt byte stays UTF-8, damage replaced") {
  std::string text;
  for (int i = 0; i < 10; ++i) text += "<p>收到和处理政府信息公开申请情况</p>";
  std::string damaged = text;
  damaged[20] = '\xFF';  // inside a character
  DecodedText d = decode_to_utf8(damaged, "utf-8");
  CHECK(d.encoding == "UTF-8");
  CHECK(d.basis == "declared");
  CHECK(d.lossy);
  CHECK(d.utf8.find("收到和处理政府信息公开申请情况</p><p>收到") != std::string::npos);
  DecodedText u = decode_to_utf8(damaged);
  CHECK(u.encoding == "UTF-8");
  CHECK(u.lossy);
  // GBK text is not mistaken for damaged UTF-8.
  DecodedText g = decode_to_utf8(encode(text, "GBK"));
  CHECK(g.encoding == "GB18030");
  CHECK_FALSE(g.lossy);
}

TEST_CASE("a file mixing UTF-8 and GBK lines is decoded line by line") {
  std::string utf8_line = "一、总体情况\n";                       // UTF-8
  std::string gbk_line = "\xB9\xE6\xD5\xC2\xD6\xC6\xB6\xC8\n";       // 规章制度 in GBK
  DecodedText d = decode_to_utf8(utf8_line + gbk_line + utf8_line + utf8_line);
  CHECK(d.basis == "mixed-lines");
  CHECK(d.utf8 == "一、总体情况\n规章制度\n一、总体情况\n一、总体情况\n");
  CHECK_FALSE(d.lossy);
  // Pure GBK is not "mixed": it has no UTF-8 line with Chinese text.
  CHECK(decode_to_utf8(gbk_line + gbk_line + gbk_line).basis != "mixed-lines");
}
