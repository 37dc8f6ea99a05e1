// libFuzzer target: any canonical XML (or damage to one) read back and drawn as a review page and
// index: never a crash, and never a <script> element from report text (the page has none of its
// own, the index exactly its one sorting script).
#include <cstdint>
#include <cctype>
#include <cstdlib>
#include <string>
#include <string_view>

#include "model/error.h"
#include "profiles/profile.h"
#include "writers/review_index.h"
#include "writers/review_page.h"
#include "writers/xml_reader.h"

namespace {

std::size_t count_ci(const std::string& hay, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    std::size_t k = 0;
    while (k < needle.size() && std::tolower(static_cast<unsigned char>(hay[i + k])) == needle[k]) ++k;
    n += k == needle.size();
  }
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ogix::Document doc;
  try {
    doc = ogix::read_xml(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.xml").doc;
  } catch (const ogix::Error&) {
    return 0;
  }
  ogix::ReviewPageOptions opt;
  if (const ogix::Profile* p = ogix::find_profile(doc.profile))
    for (const auto& t : p->tables) opt.layouts.push_back(ogix::printed_layout(*p, t));
  opt.crops = ogix::plan_crops(doc, "fuzz");
  for (auto& c : opt.crops) c.width = 400, c.height = 300;  // as if rendered
  std::string page = ogix::review_page_html(doc, opt);
  if (count_ci(page, "<script") != 0) __builtin_trap();
  ogix::ReviewIndexEntry e = ogix::review_entry(doc);
  e.page = "reports/" + doc.meta.source + ".html";
  ogix::ReviewIndexEntry failed;
  failed.source = failed.path = failed.message = doc.meta.title;
  std::string index = ogix::review_index_html({e, failed});
  if (count_ci(index, "<script") != 1) __builtin_trap();
  return 0;
}
