// HTML escaping for the review pages: every text that came from a source goes through here.
#pragma once

#include <string>
#include <string_view>

namespace ogix {

// `s` as HTML text or a double-quoted attribute value: & < > " ' escaped, so no source text can
// open a tag, close an attribute or start a script.
std::string html_escape(std::string_view s);

}  // namespace ogix

namespace ogix {

// A relative file path as a URL path for href/src: bytes other than letters, digits, "-._~/"
// percent-encoded (so '#', '?', '%', spaces and non-ASCII names address the file itself).
std::string url_path_escape(std::string_view path);

}  // namespace ogix
