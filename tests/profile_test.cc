#include <doctest/doctest.h>

#include <algorithm>
#include <stdexcept>

#include "normalizers/profile_mapper.h"
#include "profiles/profile.h"

using namespace ogix;

TEST_CASE("both built-in profiles load with the spec's cell counts") {
  auto count = [](const Profile& p, const char* table) {
    std::size_t n = 0;
    for (const auto& r : p.table(table)->rows)
      if (!r.extra) n += r.cols.size();
    return n;
  };
  const Profile* p19 = find_profile("ogi-2019");
  const Profile* p21 = find_profile("ogi-2021");
  REQUIRE(p19);
  REQUIRE(p21);
  CHECK(count(*p19, "applications") == 161);
  CHECK(count(*p21, "applications") == 175);
  CHECK(count(*p19, "review_litigation") == 15);
  CHECK(count(*p19, "proactive") == 22);
  CHECK(count(*p21, "proactive") == 10);
  CHECK(p19->sections.size() == 6);
}

TEST_CASE("profile syntax errors name the line") {
  CHECK_THROWS_WITH_AS(parse_profile("profile x\nrow a = b\n"), "profile line 2: row outside a table",
                       std::invalid_argument);
  CHECK_THROWS_AS(parse_profile("profile x\ntable t\nrow a : nope = b\n"), std::invalid_argument);
  CHECK_THROWS_AS(parse_profile("bogus\n"), std::invalid_argument);
}

TEST_CASE("label keys drop numbering, digits, spaces and punctuation") {
  CHECK(label_key("（三）不予公开 1.属于国家秘密") == "不予公开属于国家秘密");
  CHECK(label_key("三、本年度办理结果") == "本年度办理结果");
  CHECK(label_key("3.危及“三安全一稳定”") == "危及三安全一稳定");
  CHECK(label_key("本年增/减") == "本年增减");
  CHECK(label_key("结 果 维 持") == "结果维持");
}

TEST_CASE("label matching prefers the row's own label, then endings, then containment") {
  const Profile* p = find_profile("ogi-2021");
  const ProfileTable* t = p->table("applications");
  auto score = [&](const char* code, const char* leaf, const char* full) {
    return match_label(t->row(code)->variants, label_key(leaf), label_key(full));
  };
  // 3.其他 under （六）其他处理 is other.other, not the 2019-style single row.
  CHECK(score("other.other", "3.其他", "（六）其他处理3.其他") > score("other", "3.其他", "（六）其他处理3.其他"));
  // The single （六）其他处理 row is `other`, not other.other (no leaf 其他 of its own).
  CHECK(score("other", "（六）其他处理", "（六）其他处理") > score("other.other", "（六）其他处理", "（六）其他处理"));
  // Wording variants and typos seen in real reports.
  CHECK(score("unavailable.not_held", "1.本机关不掌握相关信息", "1.本机关不掌握相关信息") > 0);
  CHECK(score("denied.prohibited_by_law", "2.其他法律行政止公开", "2.其他法律行政止公开") > 0);
  CHECK(score("granted", "（三）不予公开", "（三）不予公开") == 0);
  CHECK(score("not_processed.duplicate", "4.无正当理由大量反复申请", "4.无正当理由大量反复申请") == 0);
}

TEST_CASE("a lone 法人或其他组织 column is the extra 小计 column in both profiles, never a count column") {
  for (const char* id : {"ogi-2019", "ogi-2021"}) {
    CAPTURE(id);
    const ProfileTable* t = find_profile(id)->table("applications");
    REQUIRE(t);
    const ProfileColumn* sub = t->col("legal_person_subtotal");
    REQUIRE(sub);
    CHECK(sub->extra);
    bool has = false;
    for (const auto& v : sub->variants) has = has || v.leaf == label_key("法人或其他组织");
    CHECK(has);
    // No row of the profile counts the subtotal: the seven official columns stay the rows' columns.
    for (const auto& r : t->rows) CHECK(std::find(r.cols.begin(), r.cols.end(), "legal_person_subtotal") == r.cols.end());
  }
}

TEST_CASE("rule terms name one code or a family of codes, optionally one level down") {
  CHECK(ogix::is_family_term("review.*"));
  CHECK_FALSE(ogix::is_family_term("review"));
  CHECK_FALSE(ogix::is_family_term(".*"));
  CHECK(ogix::term_names_code("review", "review"));
  CHECK_FALSE(ogix::term_names_code("review", "review.upheld"));
  CHECK(ogix::term_names_code("review.*", "review.upheld"));
  CHECK(ogix::term_names_code("review.*", "review.upheld.part"));
  CHECK_FALSE(ogix::term_names_code("review.*", "review.upheld.part", /*one_level=*/true));
  CHECK(ogix::term_names_code("review.*", "review.upheld", /*one_level=*/true));
  CHECK_FALSE(ogix::term_names_code("review.*", "review"));
  CHECK_FALSE(ogix::term_names_code("review.*", "reviews.upheld"));
}
