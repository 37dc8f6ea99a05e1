#include <doctest/doctest.h>

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include <libxml/parser.h>

#include "model/sha256.h"
#include "writers/cells_csv_writer.h"
#include "writers/reports_writer.h"
#include "writers/xml_writer.h"

using namespace ogix;

TEST_CASE("CSV fields are quoted per RFC 4180") {
  CHECK(csv_field("abc") == "abc");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  // Each quoting byte is found at every position, inside the eight-byte steps and in the tail,
  // among ASCII and UTF-8 bytes alike; bytes next to them (+, !, \x0B, \x0C) quote nothing.
  for (std::size_t len = 1; len <= 24; ++len)
    for (std::size_t at = 0; at < len; ++at) {
      for (char special : {',', '"', '\r', '\n'}) {
        std::string f(len, 'x');
        if (len > 3) f.replace(0, 3, "\xE5\xB9\xB4");
        f[at] = special;
        CHECK(csv_field(f).front() == '"');
      }
      for (char near : {'+', '!', '\x0B', '\x0C', '-', '#'}) {
        std::string f(len, '7');
        f[at] = near;
        CHECK(csv_field(f) == f);
      }
    }
}

TEST_CASE("append_csv_field appends what csv_field returns") {
  for (std::string f : {"", "abc", "a,b", "say \"hi\"", "two\nlines", "cr\r", "规章,制度"}) {
    CAPTURE(f);
    std::string out = "x,";
    append_csv_field(out, f);
    CHECK(out == "x," + csv_field(f));
  }
}

TEST_CASE("cells CSV header and row order follow the contract") {
  CHECK(cells_csv_header().rfind("source,profile,table,row,col,status,value,raw", 0) == 0);
  Document d;
  d.meta.source = "a,b.pdf";
  d.profile = "ogi-2019";
  d.cells.push_back(CanonicalCell{"applications", "new_received", "total", CellStatus::number, "3", "3", {Span{2, 1, 2, 3, 4, {}}}, false, {}, {}});
  d.cells.push_back(CanonicalCell{"applications", "other", "total", CellStatus::blank, "", "", {}, false, {}, {}});
  std::string rows = cells_csv_rows(d, "a,b.xml");
  CHECK(rows == "\"a,b.pdf\",ogi-2019,applications,new_received,total,number,3,3,false,,\"p2:1.00,2.00,3.00,4.00\",\"a,b.xml\",\r\n"
                "\"a,b.pdf\",ogi-2019,applications,other,total,blank,,,false,,,\"a,b.xml\",\r\n");
  CHECK(cells_csv_header() == "source,profile,table,row,col,status,value,raw,extra,label,location,document,unit\r\n");
}

TEST_CASE("XML output is well-formed whatever text goes in") {
  Document d;
  d.meta.source = "x<&>\"y";
  d.profile = "ogi-2019";
  Section s{"overview", "一、总体情况", {}, {}};
  s.blocks.push_back(Paragraph{std::string("bad \x01 control \xff byte & <tag>"), 0, {Span{0, 0, 0, 0, 0, "line:1"}}});
  d.sections.push_back(s);
  std::string xml = write_xml(d);
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "t.xml", nullptr, XML_PARSE_NONET);
  CHECK(doc != nullptr);
  xmlFreeDoc(doc);
  CHECK(xml.find("\x01") == std::string::npos);
  std::string t = "a\x02" "b";
  CHECK(sanitize_xml_text(t) == 1);
  CHECK(t == "a\xEF\xBF\xBD" "b");
  // Long ASCII values are checked eight bytes at a time: a control byte or a bad byte in any
  // position of a word, or in the tail, is still found.
  for (std::size_t at : {0u, 7u, 8u, 15u, 16u, 20u}) {
    std::string v(21, 'x');
    v[at] = '\x1F';
    CHECK(sanitize_xml_text(v) == 1);
    CHECK(v.find("\xEF\xBF\xBD") == at);
    std::string w(21, 'y');
    w[at] = '\xFF';
    sanitize_xml_text(w);  // an invalid byte becomes U+FFFD (the count is of non-XML characters)
    CHECK(w.find("\xEF\xBF\xBD") == at);
    std::string clean = std::string(20, '/') + "\t\n\r~ ";
    CHECK(sanitize_xml_text(clean) == 0);
  }
  std::string ascii = "/html/body/div[3]/table[1]/tr[2]/td[4]";
  CHECK(sanitize_xml_text(ascii) == 0);
  CHECK(ascii == "/html/body/div[3]/table[1]/tr[2]/td[4]");
}

TEST_CASE("coordinates are formatted under the classic locale") {
  CHECK(format_coord(12.5) == "12.50");
  CHECK(format_coord(-0.004) == "-0.00");
  CHECK(format_coord(-1e300) == "-1000000000.00");  // fuzz: hostile coordinates overflowed the buffer
  CHECK(format_coord(0.0 / 0.0) == "0.00");
  CHECK(format_coord(-0.0) == "-0.00");
  CHECK(format_coord(0.125) == "0.12");  // an exact tie rounds to even, as printf and to_chars do
  CHECK(format_coord(0.375) == "0.38");
  CHECK(format_coord(2.675) == "2.67");  // the double just below 2.675
  CHECK(format_coord(5e-324) == "0.00");
}

TEST_CASE("format_coord writes the digits std::to_chars(fixed, 2) writes") {
  // format_coord rounds with integers; to_chars (what it replaced) is the reference: random
  // coordinates, exact ties (k / 8), hundredths and half-hundredths, and random bit patterns.
  auto reference = [](double v) {
    if (!std::isfinite(v)) v = 0;
    v = std::clamp(v, -1e9, 1e9);
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2);
    return std::string(buf, r.ptr);
  };
  std::vector<double> values;
  std::mt19937_64 rng(13);
  std::uniform_real_distribution<double> page(-2000, 2000), wide(-1e9, 1e9);
  for (int i = 0; i < 20000; ++i) values.insert(values.end(), {page(rng), wide(rng), wide(rng) * 1e-12});
  for (int k = -20000; k <= 20000; ++k) values.insert(values.end(), {k / 8.0, k / 100.0, k / 200.0, k / 100.0 + 0.005});
  for (int i = 0; i < 20000; ++i) values.push_back(std::bit_cast<double>(rng()));
  int differ = 0, differ_value = 0;
  for (double v : values) {
    const std::string text = format_coord(v);
    if (text != reference(v) && ++differ <= 5) CHECK_MESSAGE(false, v, " ", text, " ", reference(v));
    // rounded_coord is the number the text denotes, bit for bit (the sign of -0.00 too).
    const double back = std::strtod(text.c_str(), nullptr), rounded = rounded_coord(v);
    if (std::bit_cast<std::uint64_t>(rounded) != std::bit_cast<std::uint64_t>(back) && ++differ_value <= 5)
      CHECK_MESSAGE(false, v, " ", text, " ", rounded);
  }
  CHECK(differ == 0);
  CHECK(differ_value == 0);
}

TEST_CASE("sha256 matches FIPS 180-4 test vectors") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex(std::string(1000, 'a')) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex("abc", Sha256Hasher::Code::portable) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abc", Sha256Hasher::Code::generic) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // The CPU's SHA extensions, the portable code for BMI2 and the portable code for any x86-64
  // (each when this machine has it) agree at every length around the block and padding boundaries.
  std::string data;
  for (std::size_t n = 0; n < 300; ++n) {
    CHECK(sha256_hex(data) == sha256_hex(data, Sha256Hasher::Code::portable));
    CHECK(sha256_hex(data, Sha256Hasher::Code::generic) == sha256_hex(data, Sha256Hasher::Code::portable));
    data += static_cast<char>((n * 131 + 7) & 0xFF);
  }
}

TEST_CASE("reports.csv: a cell finds its column, and a code of its profile the report lacks is missing") {
  auto cell = [](const char* profile, const char* table, const char* row, const char* col) {
    CodebookEntry e;
    e.profile = profile, e.kind = "cell", e.table = table, e.row = row, e.col = col;
    e.code = std::string(table) + "." + row + "." + col;
    return e;
  };
  std::vector<CodebookEntry> book = {cell("p1", "t", "a", "x"), cell("p1", "t", "b", "x"), cell("p1", "t", "extra_N", "c<n>"),
                                     cell("p2", "t", "a", "x"), cell("p2", "u", "c", "y")};
  ReportsColumns cols = reports_columns(book);
  REQUIRE(cols.codes == std::vector<std::string>{"t.a.x", "t.b.x", "u.c.y"});  // shared codes once, no pattern line
  Document doc;
  doc.profile = "p1";
  doc.meta.source = "r.html";
  auto put = [&](const char* table, const char* row, CellStatus status, const char* value) {
    CanonicalCell c;
    c.table = table, c.row = row, c.col = "x", c.status = status, c.value = value;
    doc.cells.push_back(c);
  };
  put("t", "a", CellStatus::number, "12");
  put("t", "a", CellStatus::number, "99");      // a second cell of the same code: the first one is the column's
  put("t", "extra_1", CellStatus::number, "5");  // rows beyond the profile have no column
  std::string row = reports_csv_row(doc, "r.xml", cols);
  // t.a.x = 12; t.b.x is p1's but absent: missing; u.c.y is only p2's: both fields empty.
  CHECK(row == "r.xml,r.html,,p1,,,,,0,0,0,12,,,missing,,\r\n");
  put("t", "b", CellStatus::blank, "");
  doc.cells.erase(doc.cells.begin(), doc.cells.begin() + 2);
  CHECK(reports_csv_row(doc, "r.xml", cols) == "r.xml,r.html,,p1,,,,,0,0,0,,missing,,blank,,\r\n");
}
