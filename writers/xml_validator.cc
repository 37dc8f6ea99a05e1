#include "writers/xml_validator.h"

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <cstdarg>
#include <cstdio>

namespace ogix {

namespace {

// libxml2 reports through printf-style callbacks; collect the lines.
void collect(void* ctx, const char* fmt, ...) {
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  auto* out = static_cast<std::vector<std::string>*>(ctx);
  std::string line(buf);
  while (!line.empty() && line.back() == '\n') line.pop_back();
  if (!line.empty()) out->push_back(line);
}

// The parsed schema, built once; libxml2 allows sharing a parsed schema between validations.
xmlSchemaPtr schema() {
  static xmlSchemaPtr parsed = [] {
    std::string_view xsd = embedded_schema();
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewMemParserCtxt(xsd.data(), static_cast<int>(xsd.size()));
    xmlSchemaPtr s = xmlSchemaParse(pc);
    xmlSchemaFreeParserCtxt(pc);
    return s;
  }();
  return parsed;
}

}  // namespace

std::vector<std::string> validate_xml(std::string_view xml) {
  std::vector<std::string> problems;
  xmlSchemaPtr s = schema();
  if (!s) return {"the built-in schema does not parse (a bug in ogix)"};
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "input.xml", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc) return {"not well-formed XML"};
  xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(s);
  xmlSchemaSetValidErrors(vc, collect, collect, &problems);
  int rc = xmlSchemaValidateDoc(vc, doc);
  xmlSchemaFreeValidCtxt(vc);
  xmlFreeDoc(doc);
  if (rc != 0 && problems.empty()) problems.push_back("not valid against the schema");
  return problems;
}

}  // namespace ogix
