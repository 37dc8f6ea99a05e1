#include <doctest/doctest.h>

#include "normalizers/cell_value.h"

using namespace ogix;

TEST_CASE("cell statuses: number, blank, na, text") {
  CHECK(read_cell("12", false).value == "12");
  CHECK(read_cell("1,234", false).value == "1234");
  CHECK(read_cell("96171.6", false).value == "96171.6");
  CHECK(read_cell("-185", false).value == "-185");
  CHECK(read_cell("－18", false).value == "-18");
  CHECK(read_cell("007", false).value == "7");
  CHECK(read_cell("12.50", false).value == "12.5");
  CHECK(read_cell("", false).status == CellStatus::blank);
  CHECK(read_cell("  ", false).status == CellStatus::blank);
  for (const char* na : {"/", "-", "—", "－", "无", "不涉及", "不适用"}) CHECK(read_cell(na, false).status == CellStatus::na);
  CHECK(read_cell("12件", false).status == CellStatus::text);
  CHECK(read_cell("见说明", false).status == CellStatus::text);
  CHECK(read_cell("1,23", false).status == CellStatus::text);   // not a grouping
  CHECK(read_cell("12,3456", false).status == CellStatus::text);
  CHECK(read_cell("1.2.3", false).status == CellStatus::text);
}

TEST_CASE("blank and na are never 0") {
  CHECK(read_cell("", false).value.empty());
  CHECK(read_cell("/", false).value.empty());
  CHECK(read_cell("0", false).value == "0");
}

TEST_CASE("money cells carry a unit only where allowed") {
  CellReading r = read_cell("251000元", true);
  CHECK(r.status == CellStatus::number);
  CHECK(r.value == "251000");
  CHECK(r.unit == "元");
  CHECK(read_cell("251000元", false).status == CellStatus::text);
  CHECK(read_cell("96171.6万元", true).unit == "万元");
}

TEST_CASE("unit conversion moves the decimal point exactly") {
  CHECK(convert_unit("251000", "元", "万元") == "25.1");
  CHECK(convert_unit("75394432.52", "元", "万元") == "7539.443252");
  CHECK(convert_unit("73802895.90", "元", "万元") == "7380.28959");
  CHECK(convert_unit("5", "元", "万元") == "0.0005");
  CHECK(convert_unit("1.5", "亿元", "万元") == "15000");
  CHECK(convert_unit("-20", "千元", "万元") == "-2");
  CHECK(convert_unit("1", "镑", "万元").empty());
  CHECK(unit_in_label("采购总金额（单位：元）") == "元");
  CHECK(unit_in_label("采购总金额（单位:万元）") == "万元");
  CHECK(unit_in_label("采购总金额").empty());
}

TEST_CASE("decimal arithmetic is exact") {
  long long a = 0, b = 0;
  REQUIRE(decimal_to_micros("7539.443252", &a));
  REQUIRE(decimal_to_micros("-0.5", &b));
  CHECK(micros_to_decimal(a + b) == "7538.943252");
  CHECK_FALSE(decimal_to_micros("1e5", &a));
  CHECK_FALSE(decimal_to_micros("99999999999999", &a));
}

TEST_CASE("full-width grouping commas and decimal points are numbers — a list is not") {
  // Digits arrive folded to ASCII by normalize_text; ， and ． stay full-width.
  CHECK(read_cell("48，213", false).value == "48213");
  CHECK(read_cell("1，234，567", false).value == "1234567");
  CHECK(read_cell("12．5", false).value == "12.5");
  CHECK(read_cell("1，2", false).status == CellStatus::text);
  CHECK(read_cell("12，34", false).status == CellStatus::text);
  CHECK(read_cell("48，213", false).status == CellStatus::number);
}

TEST_CASE("cell values: a count with its measure word stands where a value stands, but reads as text") {
  for (std::string t : {"12件", "3项", "1,234 件", "5人次"}) {
    CAPTURE(t);
    CHECK(is_value_like(t));
    CHECK(read_cell(t, false).status == CellStatus::text);  // the spec: a number with words is text
  }
  for (std::string t : {"件", "约3件", "规章", "第一条", "1.属于国家秘密"}) {
    CAPTURE(t);
    CHECK_FALSE(is_value_like(t));
  }
}

TEST_CASE("cell values: the quick test for labels agrees with reading the cell") {
  // is_value_like turns long texts that cannot start a number away before read_cell: every kind
  // of value, with spaces around and inside, must still reach it, and long labels must not.
  for (std::string t : {"  12", "\t－3", " −4.5 ", "+7", "1 234 万元", " 不 涉 及 ", "不适用", "——", " ／ ", "\\", "无",
                        "12 件", "3,456人次", "－12件"}) {
    CAPTURE(t);
    CHECK(is_value_like(t));
  }
  for (std::string t : {"主动公开政府信息数", "  不涉及事项", "不予公开（件）", "第二十条第（五）项", "（一）12件", "共计12件"}) {
    CAPTURE(t);
    CHECK_FALSE(is_value_like(t));
  }
}
