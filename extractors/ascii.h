// Locale-free ASCII helpers for the hot paths (libc's tolower/isalnum go
// through the locale on every call). Text is UTF-8: bytes >= 0x80 pass through.
#pragma once

inline char cn_ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
inline char cn_ascii_lower(unsigned char c) { return cn_ascii_lower(static_cast<char>(c)); }
