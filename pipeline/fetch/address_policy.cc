#include "pipeline/fetch/address_policy.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <array>
#include <cstdint>
#include <cstring>

namespace cn {

namespace {

// One refused range: the first `prefix_bits` bits of `bytes`.
struct Range {
  std::array<uint8_t, 16> bytes;
  int prefix_bits;
  const char* kind;  // what the range is for: "loopback", "documentation", ...
  const char* text;  // the range as written in the registry
  bool local = false;  // this machine or the local network: allowed when trusted
};

bool InRange(const uint8_t* address, const Range& range) {
  int full = range.prefix_bits / 8, rest = range.prefix_bits % 8;
  if (std::memcmp(address, range.bytes.data(), static_cast<size_t>(full)) != 0) return false;
  if (rest == 0) return true;
  uint8_t mask = static_cast<uint8_t>(0xFF << (8 - rest));
  return (address[full] & mask) == (range.bytes[static_cast<size_t>(full)] & mask);
}

// Order matters only where ranges nest: the more specific one comes first.
const Range kIpv4Ranges[] = {
    {{0}, 8, "unspecified", "0.0.0.0/8"},
    {{10}, 8, "private", "10.0.0.0/8", true},
    {{100, 64}, 10, "shared (CGNAT)", "100.64.0.0/10", true},
    {{127}, 8, "loopback", "127.0.0.0/8", true},
    {{169, 254}, 16, "link-local", "169.254.0.0/16"},
    {{172, 16}, 12, "private", "172.16.0.0/12", true},
    {{192, 0, 0}, 24, "IETF protocol assignment", "192.0.0.0/24"},
    {{192, 0, 2}, 24, "documentation", "192.0.2.0/24"},
    {{192, 31, 196}, 24, "AS112", "192.31.196.0/24"},
    {{192, 52, 193}, 24, "AMT", "192.52.193.0/24"},
    {{192, 88, 99}, 24, "6to4 relay", "192.88.99.0/24"},
    {{192, 168}, 16, "private", "192.168.0.0/16", true},
    {{192, 175, 48}, 24, "AS112", "192.175.48.0/24"},
    {{198, 18}, 15, "benchmarking", "198.18.0.0/15"},
    {{198, 51, 100}, 24, "documentation", "198.51.100.0/24"},
    {{203, 0, 113}, 24, "documentation", "203.0.113.0/24"},
    {{224}, 4, "multicast", "224.0.0.0/4"},
    {{255, 255, 255, 255}, 32, "broadcast", "255.255.255.255/32"},
    {{240}, 4, "reserved", "240.0.0.0/4"},
};

const Range kIpv6Ranges[] = {
    {{}, 128, "unspecified", "::/128"},
    {{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 128, "loopback", "::1/128", true},
    {{}, 96, "IPv4-compatible", "::/96"},
    {{0, 0x64, 0xff, 0x9b, 0, 1}, 48, "local translation", "64:ff9b:1::/48"},
    {{1, 0}, 64, "discard-only", "100::/64"},
    {{1, 0, 0, 0, 0, 0, 0, 1}, 64, "dummy", "100:0:0:1::/64"},
    {{0x20, 0x01, 0x0d, 0xb8}, 32, "documentation", "2001:db8::/32"},
    {{0x20, 0x01, 0x00, 0x00}, 23, "IETF protocol assignment", "2001::/23"},
    {{0x20, 0x02}, 16, "6to4", "2002::/16"},
    {{0x26, 0x20, 0x00, 0x4f, 0x80, 0x00}, 48, "AS112", "2620:4f:8000::/48"},
    {{0x3f, 0xff}, 20, "documentation", "3fff::/20"},
    {{0x5f, 0x00}, 16, "SRv6", "5f00::/16"},
    {{0xfc}, 7, "unique-local (private)", "fc00::/7", true},
    {{0xfe, 0x80}, 10, "link-local", "fe80::/10"},
    {{0xfe, 0xc0}, 10, "site-local", "fec0::/10"},
    {{0xff}, 8, "multicast", "ff00::/8"},
};

std::string Reason(const Range& range, const std::string& text, bool allow_local) {
  if (range.local && allow_local) return "";
  return std::string(range.kind) + " address " + text + " (" + range.text + ")";
}

std::string Ipv4Reason(const uint8_t* b, const std::string& text, bool allow_local) {
  for (const Range& range : kIpv4Ranges)
    if (InRange(b, range)) return Reason(range, text, allow_local);
  return "";
}

std::string Ipv6Reason(const uint8_t* b, const std::string& text, bool allow_local) {
  static const uint8_t kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  static const uint8_t kNat64[12] = {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
  if (std::memcmp(b, kMapped, 12) == 0 || std::memcmp(b, kNat64, 12) == 0) {
    char v4[INET_ADDRSTRLEN] = {};
    inet_ntop(AF_INET, b + 12, v4, sizeof v4);
    std::string inner = Ipv4Reason(b + 12, v4, allow_local);
    return inner.empty() ? "" : inner + " inside " + text;
  }
  for (const Range& range : kIpv6Ranges)
    if (InRange(b, range)) return Reason(range, text, allow_local);
  if ((b[0] & 0xE0) != 0x20) return "reserved address " + text + " (outside the global unicast 2000::/3)";
  return "";
}

}  // namespace

std::string BlockedAddressReason(const sockaddr* address, bool allow_local) {
  char text[INET6_ADDRSTRLEN] = {};
  if (address->sa_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(address);
    inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
    return Ipv4Reason(reinterpret_cast<const uint8_t*>(&in->sin_addr), text, allow_local);
  }
  if (address->sa_family == AF_INET6) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(address);
    inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
    return Ipv6Reason(reinterpret_cast<const uint8_t*>(&in6->sin6_addr), text, allow_local);
  }
  return "non-IP address family " + std::to_string(address->sa_family);
}

std::string BlockedAddressReason(std::string_view ip_text, bool allow_local) {
  std::string text(ip_text);
  uint8_t bytes[16];
  if (inet_pton(AF_INET, text.c_str(), bytes) == 1) return Ipv4Reason(bytes, text, allow_local);
  if (inet_pton(AF_INET6, text.c_str(), bytes) == 1) return Ipv6Reason(bytes, text, allow_local);
  return "unparseable address '" + text + "'";
}

}  // namespace cn
