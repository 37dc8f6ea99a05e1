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

TEST_CASE("metadata: fields an extractor set are kept; the year falls back to the text") {
  Document d = paras({"一、总体情况", "2020年，关林街道……"});
  d.meta.agency = "关林街道办事处";
  infer_metadata(d);
  CHECK(d.meta.title.empty());
  CHECK(d.meta.year == "2020");
  CHECK(d.meta.agency == "关林街道办事处");
}
