#include "pipeline/fetch/address_policy.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstring>

namespace cn {

namespace {

std::string Ipv4Reason(const unsigned char* b, const std::string& text) {
  if (b[0] == 127) return "loopback address " + text;
  if (b[0] == 10 || (b[0] == 172 && (b[1] & 0xF0) == 16) || (b[0] == 192 && b[1] == 168) ||
      (b[0] == 100 && (b[1] & 0xC0) == 64))
    return "private address " + text;
  if (b[0] == 169 && b[1] == 254) return "link-local address " + text;
  if (b[0] == 0) return "unspecified address " + text;
  if (b[0] >= 224 && b[0] <= 239) return "multicast address " + text;
  if (b[0] >= 240) return "reserved address " + text;
  return "";
}

std::string Ipv6Reason(const unsigned char* b, const std::string& text) {
  static const unsigned char kZero[16] = {};
  static const unsigned char kMappedPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::memcmp(b, kMappedPrefix, 12) == 0) return Ipv4Reason(b + 12, text);
  if (std::memcmp(b, kZero, 15) == 0 && b[15] == 1) return "loopback address " + text;
  if (std::memcmp(b, kZero, 16) == 0) return "unspecified address " + text;
  if ((b[0] & 0xFE) == 0xFC) return "private address " + text;
  if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) return "link-local address " + text;
  if (b[0] == 0xFF) return "multicast address " + text;
  return "";
}

}  // namespace

std::string BlockedAddressReason(const sockaddr* address) {
  char text[INET6_ADDRSTRLEN] = {};
  if (address->sa_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(address);
    inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
    return Ipv4Reason(reinterpret_cast<const unsigned char*>(&in->sin_addr), text);
  }
  if (address->sa_family == AF_INET6) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(address);
    inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
    return Ipv6Reason(reinterpret_cast<const unsigned char*>(&in6->sin6_addr), text);
  }
  return "non-IP address family " + std::to_string(address->sa_family);
}

std::string BlockedAddressReason(std::string_view ip_text) {
  std::string text(ip_text);
  unsigned char bytes[16];
  if (inet_pton(AF_INET, text.c_str(), bytes) == 1) return Ipv4Reason(bytes, text);
  if (inet_pton(AF_INET6, text.c_str(), bytes) == 1) return Ipv6Reason(bytes, text);
  return "unparseable address '" + text + "'";
}

}  // namespace cn
