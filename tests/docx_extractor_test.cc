// The Word extractor: grids from gridSpan/vMerge/gridBefore/hMerge, automatic numbering rendered
// as text, what Word does not show left out, provenance paths, and typed errors.
#include <doctest/doctest.h>

#include "profiles/profile.h"
#include "tests/test_util.h"

#include "cli/job.h"
#include "extractors/docx_extractor.h"
#include "model/table_grid.h"

using namespace ogix;

namespace {

std::string doc_xml(const std::string& body) {
  return "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
         "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>" +
         body + "</w:body></w:document>";
}

std::string p(const std::string& text, const std::string& ppr = "") {
  return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + "<w:r><w:t>" + text + "</w:t></w:r></w:p>";
}

std::string tc(const std::string& text, const std::string& tcpr = "") {
  return "<w:tc>" + (tcpr.empty() ? "" : "<w:tcPr>" + tcpr + "</w:tcPr>") + p(text) + "</w:tc>";
}

Document extract(const std::string& body, const std::string& numbering = "", const std::string& styles = "") {
  ExtractContext ctx;
  ctx.cues = builtin_cues();  // as the pipeline hands them down
  ctx.source = "t.docx";
  return extract_docx_parts(DocxParts{doc_xml(body), styles, numbering}, ctx);
}

std::vector<std::string> paragraphs(const Document& d) {
  std::vector<std::string> out;
  for (const auto& b : d.blocks)
    if (auto* q = std::get_if<Paragraph>(&b)) out.push_back(q->text);
  return out;
}

}  // namespace

TEST_CASE("docx: vMerge and gridSpan become row and column spans") {
  // | 三、本年度办理结果 (vMerge) | （一）予以公开 | 5 |
  // | (continue)                 | （二）部分公开 | 2 |
  // | 总计 (gridSpan 2)                           | 7 |
  Document d = extract("<w:tbl>"
                       "<w:tr>" + tc("三、本年度办理结果", "<w:vMerge w:val=\"restart\"/>") + tc("（一）予以公开") + tc("5") + "</w:tr>"
                       "<w:tr>" + tc("", "<w:vMerge/>") + tc("（二）部分公开") + tc("2") + "</w:tr>"
                       "<w:tr>" + tc("总计", "<w:gridSpan w:val=\"2\"/>") + tc("7") + "</w:tr>"
                       "</w:tbl>");
  REQUIRE(d.blocks.size() == 1);
  const Table& t = std::get<Table>(d.blocks[0]);
  std::string why;
  CHECK(check_grid(t, &why));
  CHECK(t.rows == 3);
  CHECK(t.cols == 3);
  const Cell* group = cell_at(t, 0, 0);
  REQUIRE(group != nullptr);
  CHECK(group->row_span == 2);
  CHECK(group->text == "三、本年度办理结果");
  CHECK(group->from.at(0).path == "/w:body/w:tbl[1]/w:tr[1]/w:tc[1]");
  REQUIRE(cell_at(t, 1, 1) != nullptr);
  CHECK(cell_at(t, 1, 1)->text == "（二）部分公开");
  CHECK(cell_at(t, 1, 2)->text == "2");
  REQUIRE(cell_at(t, 2, 0) != nullptr);
  CHECK(cell_at(t, 2, 0)->col_span == 2);
  CHECK(cell_at(t, 2, 2)->text == "7");
}

TEST_CASE("docx: gridBefore shifts a row right — a legacy hMerge widens the cell on its left") {
  Document d = extract("<w:tbl>"
                       "<w:tr>" + tc("a") + tc("b") + tc("c") + tc("1") + "</w:tr>"
                       "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>" +
                       tc("四、结转下年度继续办理", "<w:hMerge w:val=\"restart\"/>") + tc("", "<w:hMerge/>") + tc("9") + "</w:tr>"
                       "</w:tbl>");
  const Table& t = std::get<Table>(d.blocks.at(0));
  CHECK(t.cols == 4);
  REQUIRE(cell_at(t, 1, 1) != nullptr);
  CHECK(cell_at(t, 1, 1)->text == "四、结转下年度继续办理");
  CHECK(cell_at(t, 1, 1)->col_span == 2);
  REQUIRE(cell_at(t, 1, 3) != nullptr);
  CHECK(cell_at(t, 1, 3)->text == "9");
}

TEST_CASE("docx: automatic numbering is rendered, counters restart below a higher level") {
  std::string numbering =
      "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:abstractNum w:abstractNumId=\"0\">"
      "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl>"
      "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"（%2）\"/></w:lvl>"
      "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%3.\"/></w:lvl>"
      "</w:abstractNum>"
      "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/></w:lvl></w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
      "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"11\"/></w:lvlOverride></w:num>"
      "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/></w:num>"
      "</w:numbering>";
  std::string styles =
      "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:style w:type=\"paragraph\" w:styleId=\"H1\"><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"H1b\"><w:basedOn w:val=\"H1\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Loop1\"><w:basedOn w:val=\"Loop2\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Loop2\"><w:basedOn w:val=\"Loop1\"/></w:style>"
      "</w:styles>";
  auto num = [](int id, int lvl) {
    return "<w:numPr><w:ilvl w:val=\"" + std::to_string(lvl) + "\"/><w:numId w:val=\"" + std::to_string(id) + "\"/></w:numPr>";
  };
  Document d = extract(p("总体情况", "<w:pStyle w:val=\"H1\"/>") + p("主动公开", num(1, 1)) + p("规章", num(1, 2)) +
                           p("规范性文件", num(1, 2)) + p("依申请公开", num(1, 1)) + p("第一项", num(1, 2)) +
                           p("主动公开政府信息情况", "<w:pStyle w:val=\"H1b\"/>") + p("第十一", num(2, 0)) +
                           p("要点", num(3, 0)) + p("不编号", "<w:pStyle w:val=\"H1\"/>" + num(0, 0)) +
                           p("循环样式", "<w:pStyle w:val=\"Loop1\"/>"),
                       numbering, styles);
  CHECK(paragraphs(d) == std::vector<std::string>{"一、总体情况", "（一）主动公开", "1.规章", "2.规范性文件", "（二）依申请公开",
                                                  "1.第一项", "二、主动公开政府信息情况", "十一、第十一", "要点", "不编号", "循环样式"});
}

TEST_CASE("docx: list number formats — legal numerals, digit by digit, enclosed, roman") {
  auto list = [](const std::string& fmt, int start) {
    std::string numbering =
        "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"" + std::to_string(start) +
        "\"/><w:numFmt w:val=\"" + fmt + "\"/><w:lvlText w:val=\"%1 \"/></w:lvl></w:abstractNum>"
        "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";
    std::string np = "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>";
    return paragraphs(extract(p("a", np) + p("b", np), numbering));
  };
  CHECK(list("chineseLegalSimplified", 10) == std::vector<std::string>{"拾 a", "拾壹 b"});
  CHECK(list("chineseCounting", 20) == std::vector<std::string>{"二十 a", "二十一 b"});
  CHECK(list("ideographDigital", 2020) == std::vector<std::string>{"二〇二〇 a", "二〇二一 b"});
  CHECK(list("decimalEnclosedCircle", 1) == std::vector<std::string>{"① a", "② b"});
  CHECK(list("upperRoman", 3) == std::vector<std::string>{"III a", "IV b"});
  CHECK(list("lowerLetter", 26) == std::vector<std::string>{"z a", "aa b"});
}

TEST_CASE("docx: deleted, hidden and field-code text is left out — breaks split lines — alternate content is read once") {
  Document d = extract(
      "<w:p><w:r><w:t>共</w:t></w:r><w:del><w:r><w:delText>99</w:delText></w:r></w:del><w:ins><w:r><w:t>12</w:t></w:r></w:ins>"
      "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:rPr><w:vanish w:val=\"false\"/></w:rPr><w:t>件</w:t></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>。</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
      "<w:r><w:br/></w:r><w:r><w:t>第二行</w:t><w:tab/><w:t>续</w:t></w:r></w:p>"
      "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:txbxContent>" + p("框中标题") +
      "</w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent>" + p("框中标题") + "</w:txbxContent></mc:Fallback>"
      "</mc:AlternateContent></w:r></w:p>"
      "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"
      "<w:sdt><w:sdtPr/><w:sdtContent>" + p("控件内") + "</w:sdtContent></w:sdt><w:sectPr/>");
  CHECK(paragraphs(d) == std::vector<std::string>{"共12件。", "第二行 续", "框中标题", "控件内"});
  REQUIRE(d.blocks.size() == 4);
  CHECK(std::get<Paragraph>(d.blocks[3]).from.at(0).path == "/w:body/w:sdt[1]/w:sdtContent/w:p[1]");
}

TEST_CASE("docx: a table continued after a page break is joined when it repeats its header") {
  std::string head = "<w:tr><w:trPr><w:tblHeader/></w:trPr>" + tc("项目") + tc("自然人") + tc("总计") + "</w:tr>";
  Document d = extract("<w:tbl>" + head + "<w:tr>" + tc("（一）予以公开") + tc("3") + tc("3") + "</w:tr></w:tbl>"
                       "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"
                       "<w:tbl>" + head + "<w:tr>" + tc("（二）部分公开") + tc("1") + tc("1") + "</w:tr></w:tbl>");
  REQUIRE(d.blocks.size() == 1);
  const Table& t = std::get<Table>(d.blocks[0]);
  CHECK(t.rows == 3);
  REQUIRE(cell_at(t, 2, 0) != nullptr);
  CHECK(cell_at(t, 2, 0)->text == "（二）部分公开");
  CHECK(cell_at(t, 0, 0)->header);
  bool joined = false;
  for (const auto& f : d.findings) joined = joined || f.code == "docx.tables_joined";
  CHECK(joined);
}

TEST_CASE("docx: hostile spans and broken merges stay inside the grid") {
  Document d = extract("<w:tbl>"
                       "<w:tr>" + tc("x", "<w:gridSpan w:val=\"999999999\"/>") + tc("1") + "</w:tr>"
                       "<w:tr>" + tc("", "<w:vMerge/>") + tc("y", "<w:gridSpan w:val=\"-3\"/>") + tc("2") + "</w:tr>"
                       "<w:tr><w:trPr><w:gridBefore w:val=\"abc\"/></w:trPr>" + tc("", "<w:hMerge/>") + "</w:tr>"
                       "</w:tbl>");
  const Table& t = std::get<Table>(d.blocks.at(0));
  std::string why;
  CHECK_MESSAGE(check_grid(t, &why), why);
  CHECK(t.cols <= 1002);
}

TEST_CASE("docx: typed errors name the problem") {
  ExtractContext ctx;
  ctx.cues = builtin_cues();  // as the pipeline hands them down
  ctx.source = "t.docx";
  auto code_of = [&](const DocxParts& parts) {
    try {
      extract_docx_parts(parts, ctx);
    } catch (const Error& e) {
      return std::string(error_code_name(e.code()));
    }
    return std::string("ok");
  };
  CHECK(code_of({"<w:document", "", ""}) == "damaged");
  CHECK(code_of({"<other/>", "", ""}) == "damaged");
  CHECK(code_of({doc_xml(""), "", ""}) == "not-a-report");
  std::string deep;
  for (int i = 0; i < 300; ++i) deep += "<w:sdt><w:sdtContent>";
  CHECK(code_of({doc_xml(deep), "", ""}) == "limit-exceeded");
  // Broken styles or numbering cost the markers, not the report.
  ExtractContext c2 = ctx;
  Document d = extract_docx_parts({doc_xml(p("一、总体情况")), "<w:styles", "<<<"}, c2);
  int warnings = 0;
  for (const auto& f : d.findings) warnings += f.code == "docx.part_unreadable";
  CHECK(warnings == 2);
  // Through the container: not a ZIP, a ZIP without word/document.xml.
  DocxExtractor ex;
  auto via_zip = [&](const std::string& bytes) {
    try {
      ex.extract(bytes, ctx);
    } catch (const Error& e) {
      return std::string(error_code_name(e.code()));
    }
    return std::string("ok");
  };
  CHECK(via_zip("PK\x03\x04 not really a zip") == "damaged");
  CHECK(via_zip(test::slurp(std::string(OGIX_SOURCE_DIR) + "/fixtures/bad/docx-spreadsheet.docx")) == "unsupported-format");
}

TEST_CASE("docx: sniffed from the ZIP's member names, whatever the file is called") {
  std::string docx = test::slurp(std::string(OGIX_SOURCE_DIR) + "/fixtures/docx-numbered-2021/input.docx");
  CHECK(sniff_kind(docx) == InputKind::docx);
  CHECK(sniff_kind(std::string("PK\x03\x04", 4) + std::string(100, 'x')) == InputKind::unsupported);
  Document d = convert_bytes(docx, "renamed.pdf", ConvertOptions{});
  CHECK(d.meta.extractor == "docx");
  CHECK(d.profile == "ogi-2021");
  CHECK(d.sections.size() == 7);
}
