// The address policy against the IANA special-purpose registries: the first
// and last address of every refused range, the neighbours just outside it
// (which must be allowed), and the mapped, compatible and NAT64 forms.
#include "pipeline/fetch/address_policy.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>

namespace cn {
namespace {

struct Case {
  const char* ip;
  const char* kind;  // "" = allowed; else the reason starts with "<kind> address"
};

void ExpectTable(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    std::string reason = BlockedAddressReason(std::string_view(c.ip));
    if (c.kind[0] == '\0') EXPECT_EQ(reason, "") << c.ip;
    else EXPECT_TRUE(reason.starts_with(std::string(c.kind) + " address")) << c.ip << " -> '" << reason << "'";
  }
}

TEST(AddressPolicyTest, RefusesEveryIpv4SpecialPurposeRange) {
  ExpectTable({
      {"0.0.0.0", "unspecified"},         {"0.255.255.255", "unspecified"},  {"1.0.0.0", ""},
      {"9.255.255.255", ""},              {"10.0.0.0", "private"},           {"10.255.255.255", "private"},
      {"11.0.0.0", ""},                   {"100.63.255.255", ""},            {"100.64.0.0", "shared (CGNAT)"},
      {"100.127.255.255", "shared (CGNAT)"}, {"100.128.0.0", ""},            {"126.255.255.255", ""},
      {"127.0.0.0", "loopback"},          {"127.0.0.1", "loopback"},         {"127.255.255.255", "loopback"},
      {"128.0.0.0", ""},                  {"169.253.255.255", ""},           {"169.254.0.0", "link-local"},
      {"169.254.169.254", "link-local"},  {"169.255.0.0", ""},               {"172.15.255.255", ""},
      {"172.16.0.0", "private"},          {"172.31.255.255", "private"},     {"172.32.0.0", ""},
      {"192.0.0.0", "IETF protocol assignment"}, {"192.0.0.9", "IETF protocol assignment"},
      {"192.0.0.255", "IETF protocol assignment"}, {"192.0.1.0", ""},        {"192.0.2.0", "documentation"},
      {"192.0.2.255", "documentation"},   {"192.0.3.0", ""},                 {"192.31.196.1", "AS112"},
      {"192.52.193.1", "AMT"},            {"192.88.99.1", "6to4 relay"},     {"192.88.100.0", ""},
      {"192.167.255.255", ""},            {"192.168.0.0", "private"},        {"192.168.255.255", "private"},
      {"192.169.0.0", ""},                {"192.175.48.1", "AS112"},         {"198.17.255.255", ""},
      {"198.18.0.0", "benchmarking"},     {"198.19.255.255", "benchmarking"}, {"198.20.0.0", ""},
      {"198.51.100.0", "documentation"},  {"198.51.100.255", "documentation"}, {"198.51.101.0", ""},
      {"203.0.112.255", ""},              {"203.0.113.0", "documentation"},  {"203.0.113.255", "documentation"},
      {"203.0.114.0", ""},                {"223.255.255.255", ""},           {"224.0.0.0", "multicast"},
      {"239.255.255.255", "multicast"},   {"240.0.0.0", "reserved"},         {"255.255.255.254", "reserved"},
      {"255.255.255.255", "broadcast"},   {"8.8.8.8", ""},                   {"104.16.0.1", ""},
  });
}

TEST(AddressPolicyTest, RefusesEveryIpv6SpecialPurposeRange) {
  ExpectTable({
      {"::", "unspecified"},
      {"::1", "loopback"},
      {"::2", "IPv4-compatible"},
      {"::127.0.0.1", "IPv4-compatible"},
      {"::8.8.8.8", "IPv4-compatible"},
      {"::ffff:127.0.0.1", "loopback"},
      {"::ffff:10.1.1.1", "private"},
      {"::ffff:192.0.2.1", "documentation"},
      {"::ffff:169.254.169.254", "link-local"},
      {"::ffff:1.1.1.1", ""},
      {"64:ff9b::127.0.0.1", "loopback"},
      {"64:ff9b::169.254.169.254", "link-local"},
      {"64:ff9b::8.8.8.8", ""},
      {"64:ff9b:1::1", "local translation"},
      {"100::", "discard-only"},
      {"100::ffff:ffff:ffff:ffff", "discard-only"},
      {"100:0:0:1::1", "dummy"},
      {"2001::", "IETF protocol assignment"},
      {"2001:0:4136:e378::1", "IETF protocol assignment"},  // Teredo
      {"2001:2::1", "IETF protocol assignment"},            // benchmarking
      {"2001:1ff:ffff::1", "IETF protocol assignment"},
      {"2001:200::1", ""},
      {"2001:db8::", "documentation"},
      {"2001:db8:ffff:ffff::1", "documentation"},
      {"2001:db9::1", ""},
      {"2002::1", "6to4"},
      {"2002:7f00:1::1", "6to4"},
      {"2003::1", ""},
      {"2620:4f:8000::1", "AS112"},
      {"2620:4f:8001::1", ""},
      {"3fff::1", "documentation"},
      {"3fff:fff::1", "documentation"},
      {"3fff:1000::1", ""},
      {"5f00::1", "SRv6"},
      {"fc00::1", "unique-local (private)"},
      {"fdff:ffff::1", "unique-local (private)"},
      {"fe80::1", "link-local"},
      {"febf::1", "link-local"},
      {"fec0::1", "site-local"},
      {"ff02::1", "multicast"},
      {"ff0e::1", "multicast"},
      {"4000::1", "reserved"},
      {"1234::1", "reserved"},
      {"e000::1", "reserved"},
      {"2606:4700::1111", ""},
      {"2a00:1450:4001::1", ""},
      {"3ffe:ffff::1", ""},
  });
}

// A trusted hop (typed by the operator, or --allow-private) may reach this
// machine and the local network, and nothing else that is refused.
TEST(AddressPolicyTest, TrustAllowsOnlyLoopbackAndPrivateRanges) {
  for (const char* local : {"127.0.0.1", "127.9.9.9", "::1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "100.64.0.1",
                            "fd12::1", "::ffff:127.0.0.1", "::ffff:192.168.0.1"}) {
    EXPECT_EQ(BlockedAddressReason(std::string_view(local), /*allow_local=*/true), "") << local;
    EXPECT_NE(BlockedAddressReason(std::string_view(local)), "") << local;
  }
  for (const char* never : {"0.0.0.0", "169.254.169.254", "192.0.2.1", "198.51.100.1", "203.0.113.1", "224.0.0.1",
                            "255.255.255.255", "240.0.0.1", "198.18.0.1", "::", "::127.0.0.1", "fe80::1", "ff02::1",
                            "2001:db8::1", "::ffff:169.254.169.254", "64:ff9b::192.0.2.1"})
    EXPECT_NE(BlockedAddressReason(std::string_view(never), /*allow_local=*/true), "") << never;
}

TEST(AddressPolicyTest, ReasonNamesTheAddressAndTheRange) {
  EXPECT_EQ(BlockedAddressReason(std::string_view("192.0.2.7")), "documentation address 192.0.2.7 (192.0.2.0/24)");
  EXPECT_EQ(BlockedAddressReason(std::string_view("::ffff:127.0.0.1")),
            "loopback address 127.0.0.1 (127.0.0.0/8) inside ::ffff:127.0.0.1");
  EXPECT_TRUE(BlockedAddressReason(std::string_view("not-an-ip")).starts_with("unparseable address"));
  EXPECT_TRUE(BlockedAddressReason(std::string_view("fe80::1%eth0")).starts_with("unparseable address"));
}

TEST(AddressPolicyTest, SocketAddressesAreJudgedLikeText) {
  sockaddr_in6 v6{};
  v6.sin6_family = AF_INET6;
  ASSERT_EQ(inet_pton(AF_INET6, "::127.0.0.1", &v6.sin6_addr), 1);
  EXPECT_TRUE(BlockedAddressReason(reinterpret_cast<sockaddr*>(&v6)).starts_with("IPv4-compatible address ::127.0.0.1"));
  sockaddr_in v4{};
  v4.sin_family = AF_INET;
  ASSERT_EQ(inet_pton(AF_INET, "203.0.113.9", &v4.sin_addr), 1);
  EXPECT_TRUE(BlockedAddressReason(reinterpret_cast<sockaddr*>(&v4)).starts_with("documentation address 203.0.113.9"));
  ASSERT_EQ(inet_pton(AF_INET, "93.184.215.14", &v4.sin_addr), 1);
  EXPECT_EQ(BlockedAddressReason(reinterpret_cast<sockaddr*>(&v4)), "");
}

}  // namespace
}  // namespace cn
