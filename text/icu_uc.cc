#include "text/icu_uc.h"

#include "model/error.h"

#ifndef OGIX_ICUUC_SONAME
#error "OGIX_ICUUC_SONAME (the soname of the libicuuc of these headers) comes from CMakeLists.txt"
#endif

namespace ogix {

void LibIcuUc::bind(SharedLibrary& so) {
#define OGIX_ICU_UC_BIND(name) so.bind(name, OGIX_ICU_NAME(name));
  OGIX_ICU_UC_FUNCTIONS(OGIX_ICU_UC_BIND)
#undef OGIX_ICU_UC_BIND
}

const LibIcuUc& icu_uc() {
  const LibIcuUc& icu = load_functions<LibIcuUc>(OGIX_ICUUC_SONAME);
  if (!icu.error.empty()) throw Error(ErrorCode::internal, {}, icu.error);
  return icu;
}

}  // namespace ogix
