#include <doctest/doctest.h>

#include <filesystem>

#include <unistd.h>

#include "cli/batch.h"
#include "cli/manifest.h"
#include "normalizers/agency.h"
#include "normalizers/metadata.h"
#include "test_util.h"

using namespace ogix;

TEST_CASE("agency keys fold the spellings one agency uses across years") {
  CHECK(agency_key("淮安市人民政府") == "淮安市");
  CHECK(agency_key("淮安市政府") == "淮安市");
  CHECK(agency_key("淮安市 人民政府") == "淮安市");
  CHECK(agency_key("平潭综合实验区管委会") == "平潭综合实验区");
  CHECK(agency_key("平潭综合实验区管理委员会") == "平潭综合实验区");
  CHECK(agency_key("平潭综合实验区") == "平潭综合实验区");
  CHECK(agency_key("标题：平潭综合实验区") == "平潭综合实验区");
  CHECK(agency_key("淮安市洪泽区人民政府") == "淮安市洪泽区");
  CHECK(agency_key("某县人民政府办公室") == agency_key("某县政府办公室"));
  CHECK(agency_key("某县人民政府办公室") != agency_key("某县人民政府"));  // the office is its own agency
  CHECK(agency_key("淮安市人民政府") == agency_key("淮安市人民政府"));
  CHECK(agency_key("淮安市人民政府") == agency_key("淮安市人民政府"));
  CHECK(agency_key("示例市市场监督管理局") == "示例市市场监督管理局");   // a department keeps its name
  CHECK(agency_key("示例市 市场监督管理局") == "示例市市场监督管理局");
  CHECK(agency_key("上海市人民政府辦公廳") == agency_key("上海市人民政府办公厅"));  // traditional characters
  CHECK(agency_key("ＸＸ市政府") == "XX市");  // full-width letters
  CHECK(agency_key("人民政府").empty() == false);  // no place: nothing to drop it after
}

TEST_CASE("the level is what the name states, and nothing when it does not") {
  CHECK(agency_level("淮安市人民政府") == "city");
  CHECK(agency_level("淮安市洪泽区人民政府") == "county");
  CHECK(agency_level("洪泽区人民政府") == "county");
  CHECK(agency_level("上海市人民政府") == "province");
  CHECK(agency_level("示例省人民政府") == "province");
  CHECK(agency_level("广西壮族自治区人民政府") == "province");
  CHECK(agency_level("某某镇人民政府") == "township");
  CHECK(agency_level("某某街道办事处") == "township");
  CHECK(agency_level("上海市人民政府办公厅") == "department:province");
  CHECK(agency_level("某县人民政府办公室") == "department:county");
  CHECK(agency_level("示例市市场监督管理局") == "department:city");
  CHECK(agency_level("示例市住房和城乡建设局") == "department:city");
  CHECK(agency_level("示例县自然资源局") == "department:county");
  CHECK(agency_level("示例省统计局") == "department:province");
  CHECK(agency_level("教育部") == "ministry");
  CHECK(agency_level("国家统计局") == "ministry");
  CHECK(agency_level("平潭综合实验区") == "");           // a zone: the name does not say its level
  CHECK(agency_level("平潭综合实验区公安局") == "department");
  CHECK(agency_level("某某公司") == "");
}

TEST_CASE("the title names whom the report is for") {
  auto identify = [](std::string title, std::string agency, std::string year) {
    Document d;
    d.meta.title = std::move(title);
    d.meta.agency = std::move(agency);
    d.meta.year = std::move(year);
    identify_agency(d);
    return d;
  };
  Document a = identify("淮安市人民政府2024年政府信息公开工作年度报告", "", "2024");
  CHECK(a.meta.agency == "淮安市人民政府");
  CHECK(a.meta.agency_key == "淮安市");
  CHECK(a.meta.agency_level == "city");
  CHECK(a.findings.empty());

  Document b = identify("2019年上海市人民政府办公厅政府信息公开工作年度报告", "", "2019");
  CHECK(b.meta.agency == "上海市人民政府办公厅");
  CHECK(b.meta.agency_level == "department:province");

  Document c = identify("某县人民政府办公室关于某县人民政府2019年政府信息公开工作年度报告", "", "2019");
  CHECK(c.meta.agency_key == "某县");
  CHECK(c.meta.agency_level == "county");

  Document d = identify("平潭综合实验区2019年度政府信息公开工作年度报告", "平潭综合实验区管委会", "2019");
  CHECK(d.meta.agency == "平潭综合实验区管委会");  // as the page states it
  CHECK(d.meta.agency_key == "平潭综合实验区");
  CHECK(d.findings.empty());  // the same key: no ambiguity

  Document e = identify("示例县教育局2019年政府信息公开工作年度报告", "示例县人民政府", "2019");
  CHECK(e.meta.agency_key == "示例县教育局");  // the title's body, not the site's owner
  REQUIRE(e.findings.size() == 1);
  CHECK(e.findings[0].code == "agency.ambiguous");

  Document f = identify("标题：平潭综合实验区2021年度政府信息公开工作年度报告", "", "2021");
  CHECK(f.meta.agency == "平潭综合实验区");

  Document g = identify("", "", "");
  CHECK(g.meta.agency_key.empty());
  CHECK(g.findings.empty());
}

TEST_CASE("crawler and CMS field labels are not part of a title") {
  CHECK(without_field_label("标题：某县2019年报告") == "某县2019年报告");
  CHECK(without_field_label("标题: 某县") == "某县");
  CHECK(without_field_label("发布机构：某县人民政府") == "某县人民政府");
  CHECK(without_field_label("标题党") == "标题党");
  CHECK(without_field_label("来源不明的说法") == "来源不明的说法");
}

TEST_CASE("rule 6 pairs one agency's reports across its spellings (管委会 page, plain title)") {
  namespace fs = std::filesystem;
  test::TempDir tmp("ogix-agency-pairing");
  fs::path out = tmp.path / "out";
  BatchOptions options;
  options.out_dir = out.string();
  options.sync = false;
  BatchResult r = run_batch({test::source_path("fixtures/html-pingtan-2019/input.html").string(),
                             test::source_path("fixtures/html-pingtan-2020/input.html").string()},
                            options);
  REQUIRE(r.converted == 2);
  // dataset-rules.csv: rule,agency,year_before,year,…
  auto rows = parse_csv(test::slurp(out / "dataset-rules.csv"));
  REQUIRE(rows.size() > 1);
  for (std::size_t i = 1; i < rows.size(); ++i) {
    REQUIRE(rows[i].size() > 3);
    CHECK(rows[i][1] == "平潭综合实验区");
    CHECK(rows[i][2] == "2019");
    CHECK(rows[i][3] == "2020");
  }
}
