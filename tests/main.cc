// doctest's main for the whole unit suite (OCR runs single-threaded here too, as in the CLI).
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "extractors/ocr_module.h"

int main(int argc, char** argv) {
  ogix::ocr_single_thread();
  doctest::Context context(argc, argv);
  return context.run();
}
