// Charset detection and conversion of fetched page bytes to UTF-8.
//
// Decision order (first that applies wins):
//   1. a byte-order mark (UTF-8, UTF-16LE/BE);
//   2. the charset parameter of the HTTP Content-Type header;
//   3. <meta charset> / <meta http-equiv="Content-Type"> in the first 4 KiB,
//      or the XML declaration's encoding;
//   4. ICU's statistical detector (ucsdet), as a last resort.
// A declared charset that ICU does not know is skipped with a warning. A
// declared legacy charset is overridden when the bytes are valid UTF-8 that
// contains multi-byte sequences (a mislabelled UTF-8 page is far more common
// than legacy text that happens to be valid UTF-8). A page declared as UTF-8,
// or undeclared, that is UTF-8 with a few stray bytes — at least as many
// well-formed multi-byte characters as ill-formed pieces — stays UTF-8, each
// ill-formed piece becoming one U+FFFD (with a warning counting them); only a
// declared UTF-8 that fails badly (mostly ill-formed) falls through to the
// next source, and the detector runs only when nothing is declared (or every
// declaration was dropped) and the bytes are not mostly UTF-8. ISO-8859-1 and
// US-ASCII are read as windows-1252, as browsers do.
//
// Pure functions of their arguments; thread-safe. Includes no <expected>
// (reachable from the fuzz targets).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cn {

struct Utf8Page {
  std::string text;                   // the page as UTF-8, BOM removed
  std::string charset;                // the charset used, e.g. "UTF-8", "windows-1252"
  std::string source;                 // why: "bom", "header", "meta", "detected", "default"
  std::vector<std::string> warnings;  // declarations that were skipped or overridden
};

// Returns the charset parameter of a Content-Type value
// ("text/html; charset=ISO-8859-1" -> "ISO-8859-1"), or "" when absent.
std::string CharsetFromContentType(std::string_view content_type);

// Finds a charset declared inside the document (meta tags or XML declaration)
// within its first `limit` bytes; "" when there is none.
std::string CharsetFromMarkup(std::string_view bytes, size_t limit = 4096);

// True when `bytes` is well-formed UTF-8.
bool IsValidUtf8(std::string_view bytes);

// `bytes` with each ill-formed UTF-8 piece (a stray byte, a cut or overlong
// sequence) replaced by one U+FFFD; well-formed text is returned unchanged.
std::string ReplaceInvalidUtf8(std::string_view bytes);

// Converts `bytes` to UTF-8 following the order above. `header_charset` is
// the Content-Type charset parameter or a whole Content-Type value ("" when
// unknown). Never fails: undecodable bytes become U+FFFD.
Utf8Page DecodeToUtf8(std::string_view bytes, std::string_view header_charset);

}  // namespace cn
