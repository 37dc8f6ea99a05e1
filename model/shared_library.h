// A library opened with dlopen on its first use instead of linked, and its functions bound by name:
// what the core does for the libraries few runs need (libzip, libsqlite3, libicui18n, the OCR
// module), so that they cost no start-up relocations in the runs that do not.
#pragma once

#include <string>

namespace ogix {

// One dlopen'd library, never unloaded (its functions stay bound for the process's life).
class SharedLibrary {
 public:
  // Opens `file` (a soname or a path) with RTLD_NOW | RTLD_LOCAL: a symbol its own dependencies
  // lack is an error now, not a crash later, and its symbols stay out of the global namespace. A
  // failure is kept in error(), not thrown.
  explicit SharedLibrary(const std::string& file);

  // Sets `fn` to the function `name` (null when missing; the first miss is kept in error()).
  template <class Fn>
  void bind(Fn& fn, const char* name) {
    fn = reinterpret_cast<Fn>(symbol(name));
  }

  // True when the library is open.
  bool loaded() const { return handle_ != nullptr; }
  // Empty while everything asked for was found; otherwise the first failure, naming the library.
  const std::string& error() const { return error_; }
  // dlerror()'s text of a failed open (empty when the open succeeded).
  const std::string& open_error() const { return open_error_; }

 private:
  void* symbol(const char* name);
  std::string file_, error_, open_error_;
  void* handle_ = nullptr;
};

// Declares a pointer member for the library function `name`, typed as its header declares it.
#define OGIX_FUNCTION_POINTER(name) decltype(&::name) name = nullptr;

// The functions of one library, loaded and bound on first use, once per process (thread-safe static
// initialization; never unloaded; `file` is read on the first call only). `Functions` holds the
// pointers, a `std::string error` (empty when every one was found) and `void bind(SharedLibrary&)`
// binding each pointer by name.
template <class Functions>
const Functions& load_functions(const char* file) {
  static const Functions loaded = [file] {
    Functions f;
    SharedLibrary so(file);
    f.bind(so);
    f.error = so.error();
    return f;
  }();
  return loaded;
}

}  // namespace ogix
