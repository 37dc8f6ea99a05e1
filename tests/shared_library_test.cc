// The dlopen wrapper behind the libraries loaded on first use.
#include <doctest/doctest.h>

#include "model/shared_library.h"

using namespace ogix;

TEST_CASE("shared library: a missing library or function is an error naming it, not a crash") {
  SharedLibrary none("libogix-no-such-library.so.9");
  CHECK_FALSE(none.loaded());
  CHECK(none.error().find("cannot load libogix-no-such-library.so.9") == 0);
  CHECK_FALSE(none.open_error().empty());
  int (*fn)(int) = reinterpret_cast<int (*)(int)>(1);
  none.bind(fn, "abs");
  CHECK((fn == nullptr));  // bound to nothing, never to a stale pointer

  SharedLibrary libc("libc.so.6");  // always present where ogix runs
  REQUIRE(libc.loaded());
  CHECK(libc.error().empty());
  libc.bind(fn, "abs");
  REQUIRE((fn != nullptr));
  CHECK(fn(-3) == 3);
  void (*missing)() = nullptr;
  libc.bind(missing, "ogix_no_such_function");
  CHECK((missing == nullptr));
  CHECK(libc.error() == "libc.so.6 has no ogix_no_such_function");
  libc.bind(fn, "labs");
  CHECK(libc.error() == "libc.so.6 has no ogix_no_such_function");  // the first miss is kept
}
