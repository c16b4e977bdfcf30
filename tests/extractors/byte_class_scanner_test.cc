#include "extractors/byte_class_scanner.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace cn {
namespace {

constexpr ByteClass kDigits({{'0', '9'}});
// Several ranges, single bytes and the bytes beyond ASCII, as the tokenizers use.
constexpr ByteClass kWordish({{'0', '9'}, {'a', 'z'}, {'A', 'Z'}, {'-', '-'}, {'/', '/'}, {'\'', '\''}}, true);

bool IsWordish(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '/' ||
         c == '\'' || c >= 0x80;
}

TEST(ByteClassScannerTest, ClassesHoldTheirRangesAndNothingElse) {
  for (int c = 0; c < 256; ++c) {
    EXPECT_EQ(kDigits.Contains(static_cast<unsigned char>(c)), c >= '0' && c <= '9') << c;
    EXPECT_EQ(kWordish.Contains(static_cast<unsigned char>(c)), IsWordish(static_cast<unsigned char>(c))) << c;
  }
}

TEST(ByteClassScannerTest, FindsRunsOfTheClass) {
  const std::string text = "ab 12 c345";
  ByteClassScanner scan(text, kDigits);
  EXPECT_EQ(scan.NextMember(0), 3u);
  EXPECT_EQ(scan.NextNonMember(3), 5u);
  EXPECT_EQ(scan.NextMember(5), 7u);
  EXPECT_EQ(scan.NextNonMember(7), text.size());  // the run ends with the text
  EXPECT_EQ(scan.NextMember(text.size()), text.size());
  EXPECT_EQ(ByteClassScanner("", kDigits).NextMember(0), 0u);
}

// Runs that cross the 64-byte chunks, and jumps back, answer as a byte-by-byte
// scan does.
TEST(ByteClassScannerTest, AgreesWithAScanByteByByte) {
  std::mt19937 rng(11);
  for (int n = 0; n < 2000; ++n) {
    std::string text;
    const size_t length = rng() % 300;
    // Long runs now and then, so runs span whole chunks.
    const unsigned run_odds = n % 3 == 0 ? 30 : 2;
    for (size_t i = 0; i < length; ++i) text.push_back(rng() % run_odds == 0 ? 'x' : static_cast<char>('0' + rng() % 10));
    ByteClassScanner scan(text, kDigits);
    for (int probe = 0; probe < 20; ++probe) {
      const size_t from = length == 0 ? 0 : rng() % (length + 1);
      size_t member = from, non_member = from;
      while (member < length && !(text[member] >= '0' && text[member] <= '9')) ++member;
      while (non_member < length && text[non_member] >= '0' && text[non_member] <= '9') ++non_member;
      ASSERT_EQ(scan.NextMember(from), member) << text << " from " << from;
      ASSERT_EQ(scan.NextNonMember(from), non_member) << text << " from " << from;
    }
  }
}

// Every byte value, so each range's edges and the bytes beyond ASCII meet
// the 16-byte steps and the byte-by-byte tail.
TEST(ByteClassScannerTest, AgreesWithAScanByteByByteOnAnyBytes) {
  std::mt19937 rng(5);
  for (int n = 0; n < 2000; ++n) {
    std::string text;
    const size_t length = rng() % 200;
    for (size_t i = 0; i < length; ++i) text.push_back(static_cast<char>(rng() % 256));
    ByteClassScanner scan(text, kWordish);
    for (size_t from = 0; from <= length; from += 1 + rng() % 7) {
      size_t member = from, non_member = from;
      while (member < length && !IsWordish(static_cast<unsigned char>(text[member]))) ++member;
      while (non_member < length && IsWordish(static_cast<unsigned char>(text[non_member]))) ++non_member;
      ASSERT_EQ(scan.NextMember(from), member) << n << " from " << from;
      ASSERT_EQ(scan.NextNonMember(from), non_member) << n << " from " << from;
    }
  }
}

}  // namespace
}  // namespace cn
