#include "pipeline/article/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>

#include "pipeline/web/ascii_text.h"

namespace cn {

namespace {

bool IsNameChar(char c) { return ascii::IsAlnum(c) || c == '-' || c == '_' || c == '.' || c == ':'; }

// Reads `charset = value` starting right after the word "charset"/"encoding".
std::string ReadAssignedName(std::string_view s, size_t pos) {
  while (pos < s.size() && ascii::IsSpace(s[pos])) ++pos;
  if (pos >= s.size() || s[pos] != '=') return "";
  ++pos;
  while (pos < s.size() && (ascii::IsSpace(s[pos]) || s[pos] == '"' || s[pos] == '\'')) ++pos;
  size_t start = pos;
  while (pos < s.size() && IsNameChar(s[pos])) ++pos;
  return std::string(s.substr(start, pos - start));
}

// The WHATWG Encoding Standard reads these labels as windows-1252.
std::string CanonicalCharset(std::string_view name) {
  std::string lower = ascii::ToLower(name);
  if (lower == "utf8" || lower == "utf-8" || lower == "unicode-1-1-utf-8") return "UTF-8";
  if (lower == "iso-8859-1" || lower == "iso8859-1" || lower == "latin1" || lower == "latin-1" ||
      lower == "l1" || lower == "us-ascii" || lower == "ascii" || lower == "cp1252" ||
      lower == "windows-1252" || lower == "iso_8859-1" || lower == "x-cp1252")
    return "windows-1252";
  return std::string(name);
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

bool IcuKnows(const std::string& charset) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr conv(ucnv_open(charset.c_str(), &status));
  return U_SUCCESS(status) && conv != nullptr;
}

bool HasMultiByte(std::string_view bytes) {
  return std::any_of(bytes.begin(), bytes.end(),
                     [](char c) { return (static_cast<unsigned char>(c) & 0x80) != 0; });
}

// Converts with ICU; undecodable input becomes U+FFFD.
std::string ConvertToUtf8(std::string_view bytes, const std::string& charset) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr conv(ucnv_open(charset.c_str(), &status));
  if (U_FAILURE(status) || conv == nullptr) return std::string(bytes);
  std::u16string utf16(bytes.size() * 2 + 16, u'\0');
  int32_t n = ucnv_toUChars(conv.get(), reinterpret_cast<UChar*>(utf16.data()),
                            static_cast<int32_t>(utf16.size()), bytes.data(),
                            static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return std::string(bytes);
  utf16.resize(static_cast<size_t>(n));
  std::string out(utf16.size() * 3 + 16, '\0');
  int32_t out_len = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &out_len,
                     reinterpret_cast<const UChar*>(utf16.data()), n, 0xFFFD, nullptr, &status);
  if (U_FAILURE(status)) return std::string(bytes);
  out.resize(static_cast<size_t>(out_len));
  return out;
}

std::string DetectCharset(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> det(ucsdet_open(&status));
  if (U_FAILURE(status)) return "";
  // A sample is enough for the statistics and keeps detection cheap.
  size_t sample = std::min<size_t>(bytes.size(), 64 * 1024);
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(sample), &status);
  ucsdet_enableInputFilter(det.get(), true);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return "";
  const char* name = ucsdet_getName(match, &status);
  if (U_FAILURE(status) || name == nullptr) return "";
  return CanonicalCharset(name);
}

}  // namespace

std::string CharsetFromContentType(std::string_view content_type) {
  std::string lower = ascii::ToLower(content_type);
  size_t pos = lower.find("charset");
  if (pos == std::string::npos) {
    // A bare charset name ("utf-8") is accepted as well.
    if (lower.find('/') == std::string::npos && lower.find(';') == std::string::npos) {
      size_t b = 0, e = content_type.size();
      while (b < e && ascii::IsSpace(content_type[b])) ++b;
      while (e > b && ascii::IsSpace(content_type[e - 1])) --e;
      return std::string(content_type.substr(b, e - b));
    }
    return "";
  }
  return ReadAssignedName(content_type, pos + 7);
}

std::string CharsetFromMarkup(std::string_view bytes, size_t limit) {
  std::string_view head = bytes.substr(0, std::min(bytes.size(), limit));
  std::string lower = ascii::ToLower(head);
  if (lower.starts_with("<?xml")) {
    size_t end = lower.find("?>");
    size_t enc = lower.find("encoding");
    if (enc != std::string::npos && enc < end) {
      std::string name = ReadAssignedName(head, enc + 8);
      if (!name.empty()) return name;
    }
  }
  size_t pos = 0;
  while ((pos = lower.find("charset", pos)) != std::string::npos) {
    size_t tag = lower.rfind('<', pos);
    size_t close = lower.rfind('>', pos);
    bool in_meta = tag != std::string::npos && (close == std::string::npos || close < tag) &&
                   lower.compare(tag, 5, "<meta") == 0;
    if (in_meta) {
      std::string name = ReadAssignedName(head, pos + 7);
      if (!name.empty()) return name;
    }
    pos += 7;
  }
  return "";
}

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    // ASCII runs, eight bytes at a time: most of a page is markup.
    while (end - p >= 8) {
      uint64_t word;
      std::memcpy(&word, p, 8);
      if ((word & 0x8080808080808080ull) != 0) break;
      p += 8;
    }
    if (p >= end) break;
    unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    int len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (end - p < len) return false;
    for (int i = 1; i < len; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
      return false;
    p += len;
  }
  return true;
}

Utf8Page DecodeToUtf8(std::string_view bytes, std::string_view header_charset) {
  Utf8Page page;
  auto starts = [&](std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; };
  if (starts("\xEF\xBB\xBF")) {
    std::string_view rest = bytes.substr(3);
    page.text = IsValidUtf8(rest) ? std::string(rest) : ConvertToUtf8(rest, "UTF-8");
    page.charset = "UTF-8";
    page.source = "bom";
    return page;
  }
  if (starts("\xFF\xFE") || starts("\xFE\xFF")) {
    page.charset = starts("\xFF\xFE") ? "UTF-16LE" : "UTF-16BE";
    page.text = ConvertToUtf8(bytes.substr(2), page.charset);
    page.source = "bom";
    return page;
  }

  const bool valid_utf8 = IsValidUtf8(bytes);
  const bool multibyte = valid_utf8 && HasMultiByte(bytes);
  auto try_declared = [&](std::string declared, const char* source) -> bool {
    if (declared.empty()) return false;
    std::string charset = CanonicalCharset(declared);
    if (!IcuKnows(charset)) {
      page.warnings.push_back(std::string(source) + " charset '" + declared + "' is unknown; ignored");
      return false;
    }
    std::string lower = ascii::ToLower(charset);
    if (charset == "UTF-8") {
      if (!valid_utf8) {
        page.warnings.push_back(std::string(source) +
                                " charset UTF-8 does not match the bytes (invalid UTF-8); ignored");
        return false;
      }
      page.text = std::string(bytes);
    } else if (lower.starts_with("utf-16") || lower.starts_with("utf-32")) {
      // A page that parsed as ASCII markup this far cannot be UTF-16.
      page.warnings.push_back(std::string(source) + " charset '" + declared +
                              "' cannot describe ASCII-compatible markup; ignored");
      return false;
    } else if (multibyte) {
      page.warnings.push_back(std::string(source) + " charset '" + declared +
                              "' overridden: the bytes are valid UTF-8");
      page.text = std::string(bytes);
      charset = "UTF-8";
    } else {
      page.text = ConvertToUtf8(bytes, charset);
    }
    page.charset = charset;
    page.source = source;
    return true;
  };

  if (try_declared(CharsetFromContentType(header_charset), "header")) return page;
  if (try_declared(CharsetFromMarkup(bytes), "meta")) return page;

  if (valid_utf8) {
    page.text = std::string(bytes);
    page.charset = "UTF-8";
    page.source = multibyte ? "detected" : "default";
    return page;
  }
  std::string detected = DetectCharset(bytes);
  if (detected.empty() || detected == "UTF-8" || !IcuKnows(detected)) detected = "windows-1252";
  page.text = ConvertToUtf8(bytes, detected);
  page.charset = detected;
  page.source = "detected";
  return page;
}

}  // namespace cn
