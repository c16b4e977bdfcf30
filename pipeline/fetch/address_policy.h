// Which network addresses the crawler may connect to. URLs that come from
// feeds or redirects must not reach the machine itself, the local network or
// any address with a special purpose (SSRF), so every range of IANA's IPv4
// and IPv6 Special-Purpose Address Registries is refused, and the IPv4
// multicast and limited-broadcast ranges besides:
//
//   IPv4  0.0.0.0/8 unspecified · 10/8, 172.16/12, 192.168/16 private ·
//         100.64/10 shared (CGNAT) · 127/8 loopback · 169.254/16 link-local
//         (cloud metadata lives there) · 192.0.0/24 IETF protocol assignments
//         · 192.0.2/24, 198.51.100/24, 203.0.113/24 documentation ·
//         192.31.196/24, 192.175.48/24 AS112 · 192.52.193/24 AMT ·
//         192.88.99/24 6to4 relay · 198.18/15 benchmarking · 224/4 multicast
//         · 255.255.255.255 broadcast · 240/4 reserved
//   IPv6  :: unspecified · ::1 loopback · ::/96 IPv4-compatible (deprecated,
//         ::127.0.0.1 is loopback to some stacks) · 64:ff9b:1::/48 local
//         translation · 100::/64 discard · 100:0:0:1::/64 dummy · 2001::/23
//         IETF protocol assignments (Teredo, benchmarking, ORCHID, ...) ·
//         2001:db8::/32 and 3fff::/20 documentation · 2002::/16 6to4 ·
//         2620:4f:8000::/48 AS112 · 5f00::/16 SRv6 · fc00::/7 unique-local ·
//         fe80::/10 link-local · fec0::/10 site-local · ff00::/8 multicast ·
//         and everything else outside 2000::/3, the only global unicast space.
//
// IPv4-mapped addresses (::ffff:a.b.c.d) and the NAT64 well-known prefix
// (64:ff9b::a.b.c.d) are judged by the IPv4 address inside them: on an
// IPv6-only network with NAT64 every IPv4 site has such an address, and it
// reaches exactly that IPv4 address.
//
// Even ranges IANA marks "globally reachable" (AS112, AMT, the anycast
// addresses in 192.0.0/24) are refused: no news site is served from them.
//
// Two tiers. Loopback (127/8, ::1), private (10/8, 172.16/12, 192.168/16,
// fc00::/7) and shared (100.64/10) addresses are "local": a trusted hop may
// reach them (a URL the operator typed, or any hop under --allow-private).
// Every other refused range — link-local and cloud metadata included — is
// refused whatever the trust: no feed lives on a documentation, multicast,
// broadcast or IPv4-compatible address.
//
// Pure functions, thread-safe.
#pragma once

#include <sys/socket.h>

#include <string>
#include <string_view>

namespace cn {

// "" for an address the crawler may connect to, else why it is refused:
// "<kind> address <ip> (<range>)", e.g. "loopback address 127.0.0.1
// (127.0.0.0/8)", "documentation address 192.0.2.7 (192.0.2.0/24)".
// `allow_local`: the hop is trusted, so local addresses pass.
std::string BlockedAddressReason(const sockaddr* address, bool allow_local = false);

// Same for an address written as text ("127.0.0.1", "::1"); text that is no
// IP address at all is reported as "unparseable address …".
std::string BlockedAddressReason(std::string_view ip_text, bool allow_local = false);

}  // namespace cn
