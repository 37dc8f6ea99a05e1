#include <doctest/doctest.h>

#include "normalizers/metadata.h"

using namespace ogix;

namespace {
Document paras(std::initializer_list<const char*> lines) {
  Document d;
  for (const char* l : lines) d.blocks.push_back(Paragraph{l, 0, {}});
  return d;
}
}  // namespace

TEST_CASE("metadata: a title split over agency and year lines is joined") {
  Document d = paras({"洪泽区人民政府", "2023年政府信息公开工作年度报告", "本报告由……编制。"});
  infer_metadata(d);
  CHECK(d.meta.title == "洪泽区人民政府2023年政府信息公开工作年度报告");
  CHECK(d.meta.year == "2023");
  CHECK(d.meta.agency == "洪泽区人民政府");
}

TEST_CASE("metadata: a one-line title keeps the line above out") {
  Document d = paras({"首页", "平潭综合实验区2021年度政府信息公开工作年度报告"});
  infer_metadata(d);
  CHECK(d.meta.title == "平潭综合实验区2021年度政府信息公开工作年度报告");
  CHECK(d.meta.agency == "平潭综合实验区");
  // A title naming a government body and no year: the short line above is not joined either.
  Document e = paras({"返回", "某市人民政府政府信息公开工作年度报告"});
  infer_metadata(e);
  CHECK(e.meta.title == "某市人民政府政府信息公开工作年度报告");
  CHECK(e.meta.year.empty());
}

TEST_CASE("metadata: fields an extractor set are kept — the year falls back to the text") {
  Document d = paras({"一、总体情况", "2020年，关林街道……"});
  d.meta.agency = "关林街道办事处";
  infer_metadata(d);
  CHECK(d.meta.title.empty());
  CHECK(d.meta.year == "2020");
  CHECK(d.meta.agency == "关林街道办事处");
}

TEST_CASE("metadata: a year in Chinese numerals is read, and the agency ends before it") {
  for (const char* title : {"某区人民政府办公室二〇二一年政府信息公开工作年度报告", "某区人民政府办公室二○二一年政府信息公开工作年度报告",
                            "某区人民政府办公室二零二一年度政府信息公开工作年度报告"}) {
    CAPTURE(title);
    Document d = paras({title});
    infer_metadata(d);
    CHECK(d.meta.year == "2021");
    CHECK(d.meta.agency == "某区人民政府办公室");
  }
  // Not years: a count of four Chinese digits without 年, and 三一二〇年 (no 19xx/20xx).
  Document n = paras({"共一二三四件", "三一二〇年"});
  infer_metadata(n);
  CHECK(n.meta.year.empty());
}

TEST_CASE("metadata: with no year in the title, the statistics period names the report year") {
  Document d = paras({"某局政府信息公开工作年度报告", "根据2019年修订的《条例》……",
                      "本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。"});
  infer_metadata(d);
  CHECK(d.meta.year == "2022");
  CHECK(d.meta.agency == "某局");
}
