#include "pipeline/fetch/address_policy.h"

#include <gtest/gtest.h>

namespace cn {
namespace {

TEST(AddressPolicyTest, ClassifiesTable) {
  const struct {
    const char* ip;
    const char* reason_prefix;  // "" = public, allowed
  } cases[] = {
      {"127.0.0.1", "loopback"},       {"127.3.4.5", "loopback"},     {"::1", "loopback"},
      {"10.0.0.1", "private"},         {"172.16.0.1", "private"},     {"172.31.255.255", "private"},
      {"192.168.1.1", "private"},      {"100.64.0.1", "private"},     {"fd00::1", "private"},
      {"169.254.169.254", "link-local"}, {"fe80::1", "link-local"},   {"0.0.0.0", "unspecified"},
      {"::", "unspecified"},           {"224.0.0.1", "multicast"},    {"ff02::1", "multicast"},
      {"255.255.255.255", "reserved"}, {"::ffff:127.0.0.1", "loopback"}, {"::ffff:10.1.1.1", "private"},
      {"8.8.8.8", ""},                 {"172.32.0.1", ""},            {"100.128.0.1", ""},
      {"2606:4700::1111", ""},         {"::ffff:1.1.1.1", ""},        {"not-an-ip", "unparseable"},
  };
  for (const auto& c : cases) {
    std::string reason = BlockedAddressReason(std::string_view(c.ip));
    if (c.reason_prefix[0] == '\0') EXPECT_EQ(reason, "") << c.ip;
    else EXPECT_TRUE(reason.starts_with(c.reason_prefix)) << c.ip << " -> " << reason;
  }
}

}  // namespace
}  // namespace cn
