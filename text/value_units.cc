#include "text/value_units.h"

namespace ogix {

const std::vector<std::u32string>& value_units() {
  static const std::vector<std::u32string> units = {U"万元", U"千元", U"亿元", U"人次", U"元", U"件", U"个", U"项",
                                                    U"条", U"次", U"份", U"家", U"人", U"%", U"％"};
  return units;
}

}  // namespace ogix
