#include "model/shared_library.h"

#include <dlfcn.h>

namespace ogix {

SharedLibrary::SharedLibrary(const std::string& file) : file_(file) {
  handle_ = ::dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle_ == nullptr) {
    const char* why = ::dlerror();
    open_error_ = why ? why : "unknown error";
    error_ = "cannot load " + file + ": " + open_error_;
  }
}

void* SharedLibrary::symbol(const char* name) {
  if (handle_ == nullptr) return nullptr;
  void* p = ::dlsym(handle_, name);
  if (p == nullptr && error_.empty()) error_ = file_ + " has no " + name;
  return p;
}

}  // namespace ogix
