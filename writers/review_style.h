// The one stylesheet of the review pages (OUTDIR/review/review.css).
#pragma once

#include <string_view>

namespace ogix {

// The CSS shared by the index and every report page.
std::string_view review_css();

}  // namespace ogix
