// Which network addresses the crawler may connect to. URLs that come from
// feeds or redirects must not reach the machine itself or the local network
// (SSRF): loopback, private (RFC 1918, CGNAT 100.64/10, IPv6 ULA fc00::/7),
// link-local (169.254/16, fe80::/10 — cloud metadata lives there),
// unspecified (0.0.0.0/8, ::), multicast and broadcast addresses are refused.
// IPv4-mapped IPv6 addresses are judged by their IPv4 part.
//
// Pure functions, thread-safe.
#pragma once

#include <sys/socket.h>

#include <string>
#include <string_view>

namespace cn {

// "" for a public address, else why it is refused: "loopback address
// 127.0.0.1", "private address 10.1.2.3", "link-local address …",
// "unspecified address …", "multicast address …", "reserved address …".
std::string BlockedAddressReason(const sockaddr* address);

// Same for an address written as text ("127.0.0.1", "::1"); text that is no
// IP address at all is reported as "unparseable address …".
std::string BlockedAddressReason(std::string_view ip_text);

}  // namespace cn
