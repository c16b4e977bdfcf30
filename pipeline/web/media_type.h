// MediaType: the media type of an HTTP Content-Type value (RFC 9110,
// section 8.3.1), lower-cased, without its parameters and the white space
// around it: "Text/HTML; charset=UTF-8" -> "text/html", "" -> "". The one
// reader of Content-Type for the page checks (article/page_check.h) and the
// HTTP messages of WARC records (warc/http_response.h).
//
// Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace cn {

std::string MediaType(std::string_view content_type);

}  // namespace cn
