// libFuzzer target: whatever text goes into a Document, the XML is well-formed and schema-valid.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "writers/cells_csv_writer.h"
#include "writers/xml_validator.h"
#include "writers/xml_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Split the input on NUL into strings that fill every free-text field of the model.
  std::string in(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= in.size(); ++i)
    if (i == in.size() || in[i] == '\0') {
      parts.push_back(in.substr(start, i - start));
      start = i + 1;
    }
  auto part = [&](std::size_t k) { return parts[k % parts.size()]; };
  ogix::Document d;
  d.meta.source = part(0);
  d.meta.sha256 = std::string(64, '0');
  d.meta.title = part(1);
  d.meta.agency = part(2);
  d.profile = "ogi-2019";
  d.profile_evidence = {part(3)};
  ogix::Section s{"overview", part(4), {}, {ogix::Span{0, 0, 0, 0, 0, part(5)}}};
  s.blocks.push_back(ogix::Paragraph{part(6), 1, {}});
  ogix::Table t;
  t.id = "t1";
  t.rows = 1;
  t.cols = 1;
  t.cells.push_back(ogix::Cell{0, 0, 1, 1, false, part(7), {ogix::Span{1, -1e300, 1e300, 0.5, 2, part(8)}}});
  s.blocks.push_back(t);
  d.sections.push_back(s);
  d.cells.push_back(ogix::CanonicalCell{"applications", "total", "total", ogix::CellStatus::text, {}, part(9), {}, true, part(10), {}});
  d.add_finding("fuzz.finding", ogix::Severity::warning, part(11), part(12));
  std::string xml = ogix::write_xml(d);
  if (!ogix::validate_xml(xml).empty()) std::abort();  // not well-formed or not schema-valid
  (void)ogix::cells_csv_rows(d);
  return 0;
}
