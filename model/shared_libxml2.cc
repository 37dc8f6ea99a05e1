// libxml2, opened with dlopen on its first use instead of linked. Only HTML, .docx, XML read-back
// and schema validation need it; linked, it (and libicuuc and libicudata, which it links) cost a PDF
// or text conversion ~0.6 M instructions and ~20 page faults of loading at start-up.
//
// The functions ogix calls are defined here under libxml2's own names, with the signatures its
// headers declare (the compiler checks them against those declarations), each forwarding to the
// function of the loaded library: the callers include libxml2's headers and call it as before.
// The definitions are hidden: even in an executable that exports its symbols (ENABLE_EXPORTS, for
// the OCR module), libxml2 itself, once loaded, binds to its own functions and never to these.
// A function ogix starts to call and that is missing here is an undefined symbol at link time.
#include <libxml/HTMLparser.h>
#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include <string>

#include "model/error.h"
#include "model/shared_library.h"

#ifndef OGIX_LIBXML2_SONAME
#error "OGIX_LIBXML2_SONAME (the soname of the libxml2 of these headers) comes from CMakeLists.txt"
#endif

namespace ogix {
namespace {

#define OGIX_XML_FUNCTIONS(X) \
  X(xmlInitParser)            \
  X(xmlReadMemory)            \
  X(xmlFreeDoc)               \
  X(xmlDocGetRootElement)     \
  X(xmlGetProp)               \
  X(xmlNodeGetContent)        \
  X(xmlGetLastError)          \
  X(xmlResetLastError)        \
  X(htmlNewParserCtxt)        \
  X(htmlCtxtReadMemory)       \
  X(htmlFreeParserCtxt)       \
  X(xmlSchemaNewMemParserCtxt) \
  X(xmlSchemaParse)           \
  X(xmlSchemaFreeParserCtxt)  \
  X(xmlSchemaNewValidCtxt)    \
  X(xmlSchemaSetValidErrors)  \
  X(xmlSchemaValidateDoc)     \
  X(xmlSchemaFreeValidCtxt)

struct LibXml2 {
  OGIX_XML_FUNCTIONS(OGIX_FUNCTION_POINTER)
  xmlFreeFunc* free_function = nullptr;  // libxml2's variable xmlFree (the free of what it allocates)
  std::string error;                     // why loading failed; empty when every symbol was found
  void bind(SharedLibrary& so) {
#define OGIX_XML_BIND(name) so.bind(name, #name);
    OGIX_XML_FUNCTIONS(OGIX_XML_BIND)
#undef OGIX_XML_BIND
    so.bind(free_function, "xmlFree");
  }
};

// The library, loaded on the first call of any function below. A missing or incomplete libxml2 is
// a broken install: Error(internal) naming the library, thrown to the caller of that function.
const LibXml2& libxml2() {
  const LibXml2& x = load_functions<LibXml2>(OGIX_LIBXML2_SONAME);
  if (!x.error.empty()) throw Error(ErrorCode::internal, {}, x.error);
  return x;
}

void free_through_libxml2(void* p) { (*libxml2().free_function)(p); }

}  // namespace
}  // namespace ogix

#define OGIX_HIDDEN __attribute__((visibility("hidden")))

extern "C" {

// What callers free libxml2's strings with (`xmlFree(p)`): libxml2's own xmlFree at the time.
OGIX_HIDDEN xmlFreeFunc xmlFree = ogix::free_through_libxml2;

OGIX_HIDDEN void xmlInitParser() { ogix::libxml2().xmlInitParser(); }
OGIX_HIDDEN xmlDocPtr xmlReadMemory(const char* buffer, int size, const char* url, const char* encoding, int options) {
  return ogix::libxml2().xmlReadMemory(buffer, size, url, encoding, options);
}
OGIX_HIDDEN void xmlFreeDoc(xmlDocPtr doc) { ogix::libxml2().xmlFreeDoc(doc); }
OGIX_HIDDEN xmlNodePtr xmlDocGetRootElement(const xmlDoc* doc) { return ogix::libxml2().xmlDocGetRootElement(doc); }
OGIX_HIDDEN xmlChar* xmlGetProp(const xmlNode* node, const xmlChar* name) { return ogix::libxml2().xmlGetProp(node, name); }
OGIX_HIDDEN xmlChar* xmlNodeGetContent(const xmlNode* cur) { return ogix::libxml2().xmlNodeGetContent(cur); }
OGIX_HIDDEN xmlErrorPtr xmlGetLastError() { return ogix::libxml2().xmlGetLastError(); }
OGIX_HIDDEN void xmlResetLastError() { ogix::libxml2().xmlResetLastError(); }
OGIX_HIDDEN htmlParserCtxtPtr htmlNewParserCtxt() { return ogix::libxml2().htmlNewParserCtxt(); }
OGIX_HIDDEN htmlDocPtr htmlCtxtReadMemory(htmlParserCtxtPtr ctxt, const char* buffer, int size, const char* url,
                                          const char* encoding, int options) {
  return ogix::libxml2().htmlCtxtReadMemory(ctxt, buffer, size, url, encoding, options);
}
OGIX_HIDDEN void htmlFreeParserCtxt(htmlParserCtxtPtr ctxt) { ogix::libxml2().htmlFreeParserCtxt(ctxt); }
OGIX_HIDDEN xmlSchemaParserCtxtPtr xmlSchemaNewMemParserCtxt(const char* buffer, int size) {
  return ogix::libxml2().xmlSchemaNewMemParserCtxt(buffer, size);
}
OGIX_HIDDEN xmlSchemaPtr xmlSchemaParse(xmlSchemaParserCtxtPtr ctxt) { return ogix::libxml2().xmlSchemaParse(ctxt); }
OGIX_HIDDEN void xmlSchemaFreeParserCtxt(xmlSchemaParserCtxtPtr ctxt) { ogix::libxml2().xmlSchemaFreeParserCtxt(ctxt); }
OGIX_HIDDEN xmlSchemaValidCtxtPtr xmlSchemaNewValidCtxt(xmlSchemaPtr schema) {
  return ogix::libxml2().xmlSchemaNewValidCtxt(schema);
}
OGIX_HIDDEN void xmlSchemaSetValidErrors(xmlSchemaValidCtxtPtr ctxt, xmlSchemaValidityErrorFunc err,
                                         xmlSchemaValidityWarningFunc warn, void* ctx) {
  ogix::libxml2().xmlSchemaSetValidErrors(ctxt, err, warn, ctx);
}
OGIX_HIDDEN int xmlSchemaValidateDoc(xmlSchemaValidCtxtPtr ctxt, xmlDocPtr instance) {
  return ogix::libxml2().xmlSchemaValidateDoc(ctxt, instance);
}
OGIX_HIDDEN void xmlSchemaFreeValidCtxt(xmlSchemaValidCtxtPtr ctxt) { ogix::libxml2().xmlSchemaFreeValidCtxt(ctxt); }

}  // extern "C"
