// CSV as RFC 4180 writes it: the one CSV writer of cryptonews (`query`,
// `export` and `extract` all write through it).
//
// Fields are separated by commas and every record ends with CRLF. A field is
// written between double quotes, with each quote inside doubled, when it
// holds a comma, a double quote, any control character (NUL, CR, LF, tab,
// DEL, ...) or a leading or trailing space; and when it is empty and the only
// field of its record (an empty line is no record to most readers). Other
// fields are written as they are. The bytes of a field are never changed:
// text is UTF-8, and what a reader gets back is exactly what was written.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace cn {

// Appends `field`, quoted where the rule above says so, to `record`.
void AppendCsvField(std::string& record, std::string_view field);

// The fields joined by commas, ended by CRLF.
std::string CsvRecord(std::span<const std::string> fields);

}  // namespace cn
