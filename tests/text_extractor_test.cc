#include <doctest/doctest.h>

#include "profiles/profile.h"
#include "extractors/text_extractor.h"
#include "text/encoding.h"

using namespace ogix;

namespace {
Document run(const std::string& bytes) {
  ExtractContext ctx;
  ctx.cues = builtin_cues();  // as the pipeline hands them down
  ctx.source = "t.txt";
  return TextExtractor{}.extract(bytes, ctx);
}
}  // namespace

TEST_CASE("lines with tabs form one ragged table — others are paragraphs") {
  Document d = run("标题\n\n规章\t0\t1\n\n规范性文件\t2\t3\n正文一段\n");
  REQUIRE(d.blocks.size() == 3);
  CHECK(std::get<Paragraph>(d.blocks[0]).text == "标题");
  const Table& t = std::get<Table>(d.blocks[1]);
  CHECK(t.ragged);
  CHECK(t.rows == 2);
  CHECK(t.cols == 3);
  CHECK(std::get<Paragraph>(d.blocks[2]).text == "正文一段");
  CHECK(std::get<Paragraph>(d.blocks[2]).from.at(0).path == "line:6");
}

TEST_CASE("a short tab-less line between table lines is a wrapped cell, a heading is not") {
  Document d = run("a\tb\n已获取信息\nc\td\n三、收到和处理政府信息公开申请情况\ne\tf\n");
  REQUIRE(d.blocks.size() == 3);
  CHECK(std::get<Table>(d.blocks[0]).rows == 3);
  CHECK(std::get<Paragraph>(d.blocks[1]).text == "三、收到和处理政府信息公开申请情况");
}

TEST_CASE("a short line above a whitespace-only tab line is a paragraph, and extraction ends") {
  // Found by fuzzing: the line was taken for a table's title row, no table line followed (a line
  // of tabs is blank) and the extractor looped without advancing until the time limit.
  Document d = run("规章说明\n\t\n");
  REQUIRE(d.blocks.size() == 1);
  CHECK(std::get<Paragraph>(d.blocks[0]).text == "规章说明");
  Document e = run("行政复议\n \t \n结果\t0\n");
  REQUIRE_FALSE(e.blocks.empty());
  CHECK(std::holds_alternative<Paragraph>(e.blocks[0]));
}

TEST_CASE("encodings: BOM, CRLF, GB18030") {
  Document a = run("\xEF\xBB\xBF规章\r\n");
  CHECK(a.meta.encoding == "UTF-8");
  CHECK(a.meta.encoding_basis == "bom");
  CHECK(std::get<Paragraph>(a.blocks.at(0)).text == "规章");
  // 规章制度 in GBK, long enough for a decision.
  std::string gbk;
  for (int i = 0; i < 20; ++i) gbk += "\xB9\xE6\xD5\xC2\xD6\xC6\xB6\xC8";
  Document b = run(gbk);
  CHECK(b.meta.encoding == "GB18030");
  CHECK(std::get<Paragraph>(b.blocks.at(0)).text.rfind("规章制度", 0) == 0);
}

TEST_CASE("pipe (Markdown) tables are tables — rule lines are dropped") {
  Document d = run("## 表二\n| 信息内容 | 本年制发件数 | 本年废止件数 |\n|---|:---:|---|\n| 规章 | 1 |  |\n文字 | 不是表格\n");
  REQUIRE(d.blocks.size() == 3);
  const Table& t = std::get<Table>(d.blocks[1]);
  CHECK(t.rows == 2);
  CHECK(t.cols == 3);
  CHECK(t.cells.at(3).text == "规章");
  CHECK(t.cells.at(4).text == "1");
  CHECK(t.cells.at(5).text.empty());
  CHECK(std::get<Paragraph>(d.blocks[2]).text == "文字 | 不是表格");  // one pipe is no table
}

TEST_CASE("a numbered line that names no section, running into a table line, is a wrapped cell") {
  Document d = run("a\tb\n一、本年新收政府信息公\n开申请数量\t1\t2\n\n四、政府信息公开行政复议、行政诉讼情况\nc\td\n");
  REQUIRE(d.blocks.size() == 3);
  const Table& t = std::get<Table>(d.blocks[0]);
  CHECK(t.rows == 3);
  CHECK(t.cells.at(static_cast<std::size_t>(t.cols)).text == "一、本年新收政府信息公");
  CHECK(std::get<Paragraph>(d.blocks[1]).text == "四、政府信息公开行政复议、行政诉讼情况");
}

TEST_CASE("a short line right above a table line is the table's title row — a sentence or heading is not") {
  Document d = run("行政复议\n结果维持\t结果纠正\n1\t2\n");
  REQUIRE(d.blocks.size() == 1);
  CHECK(std::get<Table>(d.blocks[0]).rows == 3);
  CHECK(std::get<Table>(d.blocks[0]).cells.at(0).text == "行政复议");
  for (const char* first : {"单位：件", "（一）主动公开", "## 表"}) {
    Document e = run(std::string(first) + "\n规章\t1\n");
    REQUIRE(e.blocks.size() == 2);
    CHECK(std::get<Paragraph>(e.blocks[0]).text == first);
  }
}
