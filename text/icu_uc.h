// libicuuc, opened with dlopen on its first use instead of linked: the few ICU functions ogix calls
// at run time (NFC of text that is not plain, charset conversion). The character properties every
// text needs are compiled in (text/tools/unicode_props_gen.cc), so a conversion whose text never
// needs these does not load ICU at all.
#pragma once

#include <string>

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/unorm2.h>

#include "model/shared_library.h"

namespace ogix {

// ICU renames its C functions per version (ucnv_open is a macro for ucnv_open_72): the pointer
// members below keep the names the headers declare, and the library is bound by the versioned
// names (OGIX_ICUUC_SONAME, from CMakeLists.txt, is the library of those headers).
// OGIX_ICU_NAME(ucnv_open) is the string "ucnv_open_72": the name dlsym looks for.
#define OGIX_ICU_NAME2(x) #x
#define OGIX_ICU_NAME(x) OGIX_ICU_NAME2(x)
#define OGIX_ICU_UC_FUNCTIONS(X) \
  X(unorm2_getNFCInstance)       \
  X(unorm2_normalize)            \
  X(ucnv_open)                   \
  X(ucnv_close)                  \
  X(ucnv_setToUCallBack)         \
  X(ucnv_toUChars)               \
  X(ucnv_fromUChars)             \
  X(UCNV_TO_U_CALLBACK_SUBSTITUTE)

// The functions of libicuuc that ogix calls.
struct LibIcuUc {
  OGIX_ICU_UC_FUNCTIONS(OGIX_FUNCTION_POINTER)
  std::string error;  // why loading failed; empty when every function was found
  // Binds every pointer by its versioned name.
  void bind(SharedLibrary& so);
};

// libicuuc, loaded on the first call (once per process). Throws Error(internal) when it cannot be
// loaded or lacks a function: a broken install, never a guess without ICU.
const LibIcuUc& icu_uc();

}  // namespace ogix
