#include "pipeline/warc/warc_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/warc_writer.h"

namespace cn {
namespace {

using testing::GzipMember;
using testing::WarcRecordBytes;
using testing::WarcResponse;

struct ReadRecord {
  std::string type, uri, block;
  uint64_t offset = 0, stream_offset = 0;
  bool starts_member = false;
};

struct ReadAll {
  std::vector<ReadRecord> records;
  std::vector<WarcIssue> issues;
  WarcCompression compression = WarcCompression::kUnknown;
};

ReadAll Read(std::string_view bytes, size_t piece = SIZE_MAX, WarcReaderOptions options = {}) {
  MemoryByteSource source(bytes, piece, "test.warc");
  if (options.start_offset > 0) source.Seek(options.start_offset);
  WarcReader reader(source, options);
  ReadAll out;
  WarcRecord r;
  while (reader.Next(&r)) {
    out.records.push_back({std::string(r.type), std::string(r.Field("warc-target-uri")), std::string(r.block),
                           r.offset, r.stream_offset, r.starts_member});
    for (WarcIssue& i : reader.TakeIssues()) out.issues.push_back(std::move(i));
  }
  for (WarcIssue& i : reader.TakeIssues()) out.issues.push_back(std::move(i));
  out.compression = reader.compression();
  return out;
}

std::vector<std::string> Records(int n) {
  std::vector<std::string> out;
  out.push_back(WarcRecordBytes("warcinfo", "", "2026-11-20T10:00:00Z", "software: test\r\n",
                                "Content-Type: application/warc-fields\r\n"));
  for (int i = 0; i < n; ++i)
    out.push_back(WarcResponse("https://news.example/a/" + std::to_string(i), "2026-11-20T10:00:0" +
                                   std::to_string(i % 10) + "Z",
                               "<html><body><p>page " + std::to_string(i) + " " + std::string(200 + i * 37, 'x') +
                                   "</p></body></html>"));
  return out;
}

std::string Plain(const std::vector<std::string>& records) {
  std::string s;
  for (const auto& r : records) s += r;
  return s;
}

std::string PerRecordGzip(const std::vector<std::string>& records, std::vector<uint64_t>* offsets = nullptr) {
  std::string s;
  for (const auto& r : records) {
    if (offsets) offsets->push_back(s.size());
    s += GzipMember(r);
  }
  return s;
}

std::string BlockOf(const std::string& record) {
  size_t head = record.find("\r\n\r\n") + 4;
  return record.substr(head, record.size() - head - 4);
}

TEST(WarcReaderTest, PlainRecordsComeOutWithExactBlocksTypesAndOffsets) {
  auto records = Records(3);
  ReadAll got = Read(Plain(records));
  ASSERT_EQ(got.records.size(), 4u);
  EXPECT_TRUE(got.issues.empty());
  EXPECT_EQ(got.compression, WarcCompression::kNone);
  uint64_t offset = 0;
  for (size_t i = 0; i < records.size(); ++i) {
    EXPECT_EQ(got.records[i].block, BlockOf(records[i]));
    EXPECT_EQ(got.records[i].offset, offset);
    EXPECT_EQ(got.records[i].stream_offset, offset);
    EXPECT_TRUE(got.records[i].starts_member);
    offset += records[i].size();
  }
  EXPECT_EQ(got.records[0].type, "warcinfo");
  EXPECT_EQ(got.records[2].type, "response");
  EXPECT_EQ(got.records[2].uri, "https://news.example/a/1");
}

TEST(WarcReaderTest, GzipPerRecordGivesEachRecordItsMemberOffset) {
  auto records = Records(5);
  std::vector<uint64_t> offsets;
  ReadAll got = Read(PerRecordGzip(records, &offsets));
  EXPECT_EQ(got.compression, WarcCompression::kGzip);
  EXPECT_TRUE(got.issues.empty());
  ASSERT_EQ(got.records.size(), records.size());
  for (size_t i = 0; i < records.size(); ++i) {
    EXPECT_EQ(got.records[i].offset, offsets[i]);
    EXPECT_TRUE(got.records[i].starts_member);
    EXPECT_EQ(got.records[i].block, BlockOf(records[i]));
  }
}

TEST(WarcReaderTest, OneGzipStreamIsReadToo) {
  auto records = Records(4);
  ReadAll got = Read(GzipMember(Plain(records)));
  ASSERT_EQ(got.records.size(), records.size());
  EXPECT_TRUE(got.issues.empty());
  EXPECT_TRUE(got.records[0].starts_member);
  EXPECT_FALSE(got.records[1].starts_member);
  EXPECT_EQ(got.records[1].offset, 0u);
  EXPECT_EQ(got.records[1].stream_offset, records[0].size());
  EXPECT_EQ(got.records[3].block, BlockOf(records[3]));
}

TEST(WarcReaderTest, PieceSizesDoNotChangeWhatIsRead) {
  auto records = Records(6);
  for (const std::string& bytes : {Plain(records), PerRecordGzip(records), GzipMember(Plain(records))}) {
    ReadAll whole = Read(bytes);
    for (size_t piece : {1, 3, 7, 100, 4096}) {
      ReadAll pieces = Read(bytes, piece);
      ASSERT_EQ(pieces.records.size(), whole.records.size()) << piece;
      for (size_t i = 0; i < whole.records.size(); ++i) {
        EXPECT_EQ(pieces.records[i].block, whole.records[i].block);
        EXPECT_EQ(pieces.records[i].offset, whole.records[i].offset);
      }
      EXPECT_TRUE(pieces.issues.empty());
    }
  }
}

TEST(WarcReaderTest, AReaderStartedAtARecordOffsetReadsTheRestWithTheSameOffsets) {
  auto records = Records(5);
  for (bool gzip : {false, true}) {
    const std::string bytes = gzip ? PerRecordGzip(records) : Plain(records);
    ReadAll all = Read(bytes);
    const ReadRecord& third = all.records[2];
    ReadAll rest = Read(bytes, SIZE_MAX, {kDefaultMaxWarcRecordBytes, third.offset, third.stream_offset});
    ASSERT_EQ(rest.records.size(), all.records.size() - 2);
    for (size_t i = 0; i < rest.records.size(); ++i) {
      EXPECT_EQ(rest.records[i].offset, all.records[i + 2].offset);
      EXPECT_EQ(rest.records[i].stream_offset, all.records[i + 2].stream_offset);
      EXPECT_EQ(rest.records[i].block, all.records[i + 2].block);
    }
  }
}

TEST(WarcReaderTest, WarcOneOneIsAcceptedAndOtherVersionsAreSkipped) {
  std::string v11 = WarcRecordBytes("resource", "https://a.example/", "2026-11-20T10:00:00Z", "<p>x</p>");
  v11.replace(0, 8, "WARC/1.1");
  std::string v2 = v11;
  v2.replace(0, 8, "WARC/2.0");
  std::string v12 = v11;
  v12.replace(0, 8, "WARC/1.2");
  ReadAll got = Read(v11 + v2 + v12 + v11);
  ASSERT_EQ(got.records.size(), 2u);
  ASSERT_EQ(got.issues.size(), 2u);
  EXPECT_NE(got.issues[0].message.find("unsupported WARC version"), std::string::npos);
  EXPECT_NE(got.issues[1].message.find("'WARC/1.2'"), std::string::npos);
  EXPECT_EQ(got.issues[1].offset, 2 * v11.size());
}

TEST(WarcReaderTest, ATruncatedGzipMemberLosesOnlyItsRecord) {
  auto records = Records(4);
  std::string bytes;
  uint64_t cut_member = 0;
  for (size_t i = 0; i < records.size(); ++i) {
    std::string m = GzipMember(records[i]);
    if (i == 2) {
      cut_member = bytes.size();
      m.resize(m.size() / 2);
    }
    bytes += m;
  }
  for (size_t piece : {SIZE_MAX, size_t{5}}) {
    ReadAll got = Read(bytes, piece);
    ASSERT_EQ(got.records.size(), 4u) << piece;
    EXPECT_EQ(got.records[2].block, BlockOf(records[3]));
    ASSERT_EQ(got.issues.size(), 1u);
    EXPECT_EQ(got.issues[0].offset, cut_member);
    EXPECT_NE(got.issues[0].message.find("test.warc: gzip member at byte " + std::to_string(cut_member)),
              std::string::npos)
        << got.issues[0].message;
  }
}

TEST(WarcReaderTest, AGzipMemberCutAtTheEndOfTheFileIsReported) {
  auto records = Records(2);
  std::string last = GzipMember(records[2]);
  std::string bytes = GzipMember(records[0]) + GzipMember(records[1]) + last.substr(0, last.size() - 20);
  ReadAll got = Read(bytes);
  EXPECT_EQ(got.records.size(), 2u);
  ASSERT_EQ(got.issues.size(), 1u);
  EXPECT_NE(got.issues[0].message.find("truncated"), std::string::npos) << got.issues[0].message;
}

TEST(WarcReaderTest, CorruptDeflateDataLosesOnlyItsRecord) {
  auto records = Records(3);
  std::string bad = GzipMember(records[1]);
  for (size_t i = 20; i < 60; ++i) bad[i] = static_cast<char>(bad[i] ^ 0x5a);
  std::string bytes = GzipMember(records[0]) + bad + GzipMember(records[2]) + GzipMember(records[3]);
  ReadAll got = Read(bytes);
  ASSERT_EQ(got.records.size(), 3u);
  EXPECT_EQ(got.records[1].block, BlockOf(records[2]));
  ASSERT_GE(got.issues.size(), 1u);
  EXPECT_NE(got.issues[0].message.find("gzip member at byte " + std::to_string(GzipMember(records[0]).size())),
            std::string::npos);
}

TEST(WarcReaderTest, AContentLengthThatRunsPastTheRecordLosesOnlyThatRecord) {
  auto records = Records(3);
  std::string liar = records[2];
  size_t at = liar.find("Content-Length: ", liar.find("WARC-Target-URI"));
  size_t eol = liar.find("\r\n", at);
  liar.replace(at, eol - at, "Content-Length: " + std::to_string(BlockOf(records[2]).size() + 100));
  for (bool gzip : {false, true}) {
    std::vector<std::string> input = {records[0], records[1], liar, records[3]};
    ReadAll got = Read(gzip ? PerRecordGzip(input) : Plain(input));
    ASSERT_EQ(got.records.size(), 3u) << gzip;
    EXPECT_EQ(got.records[2].uri, "https://news.example/a/2");
    ASSERT_EQ(got.issues.size(), 1u);
    EXPECT_NE(got.issues[0].message.find("does not end where the record ends"), std::string::npos)
        << got.issues[0].message;
  }
}

TEST(WarcReaderTest, AShortContentLengthLosesOnlyThatRecord) {
  auto records = Records(2);
  std::string liar = records[1];
  size_t at = liar.find("Content-Length: ", liar.find("WARC-Target-URI"));
  size_t eol = liar.find("\r\n", at);
  liar.replace(at, eol - at, "Content-Length: 10");
  ReadAll got = Read(records[0] + liar + records[2]);
  ASSERT_EQ(got.records.size(), 2u);
  EXPECT_EQ(got.records[1].uri, "https://news.example/a/1");
  EXPECT_EQ(got.issues.size(), 1u);
}

TEST(WarcReaderTest, MissingOrUnparsableContentLengthIsReported) {
  auto records = Records(1);
  std::string missing = "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://x.example/\r\n\r\nbody\r\n\r\n";
  std::string garbled = "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 12x\r\n\r\nbody\r\n\r\n";
  ReadAll got = Read(records[0] + missing + garbled + records[1]);
  ASSERT_EQ(got.records.size(), 2u);
  ASSERT_EQ(got.issues.size(), 2u);
  EXPECT_NE(got.issues[0].message.find("no Content-Length"), std::string::npos);
  EXPECT_EQ(got.issues[0].offset, records[0].size());
  EXPECT_NE(got.issues[1].message.find("'12x' is not a number"), std::string::npos);
}

TEST(WarcReaderTest, ARecordAboveTheCapIsSkippedWithoutBeingHeld) {
  auto records = Records(2);
  // Declares 2 GiB but carries a few bytes: the reader must neither allocate
  // for it nor lose the records after it.
  std::string huge = "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 2147483648\r\n\r\nshort\r\n\r\n";
  std::string real_big = WarcRecordBytes("resource", "https://big.example/", "2026-11-20T10:00:00Z",
                                         std::string(5000, 'b'));
  WarcReaderOptions options;
  options.max_record_bytes = 4096;
  for (bool gzip : {false, true}) {
    std::vector<std::string> input = {records[0], huge, records[1], real_big, records[2]};
    ReadAll got = Read(gzip ? PerRecordGzip(input) : Plain(input), SIZE_MAX, options);
    ASSERT_EQ(got.records.size(), 3u) << gzip;
    EXPECT_EQ(got.records[2].uri, "https://news.example/a/1");
    ASSERT_EQ(got.issues.size(), 2u);
    EXPECT_NE(got.issues[0].message.find("record of 2147483648 bytes is above the limit of 4096"), std::string::npos);
    EXPECT_NE(got.issues[1].message.find("record of 5000 bytes"), std::string::npos);
  }
}

TEST(WarcReaderTest, JunkBetweenRecordsIsSkippedAndCounted) {
  auto records = Records(2);
  std::string junk = "\x01\x02 binary junk WARC/ not a record\n";
  ReadAll plain = Read(records[0] + junk + records[1] + records[2]);
  ASSERT_EQ(plain.records.size(), 3u);
  ASSERT_EQ(plain.issues.size(), 1u);
  EXPECT_NE(plain.issues[0].message.find(std::to_string(junk.size()) + " bytes that are not a WARC record"),
            std::string::npos)
      << plain.issues[0].message;
  EXPECT_EQ(plain.issues[0].offset, records[0].size());

  std::string gz = GzipMember(records[0]) + junk + GzipMember(records[1]) + GzipMember(records[2]) + "\0\0\0"[0];
  ReadAll gzipped = Read(gz);
  ASSERT_EQ(gzipped.records.size(), 3u);
  ASSERT_EQ(gzipped.issues.size(), 2u);
  EXPECT_NE(gzipped.issues[0].message.find(std::to_string(junk.size()) + " bytes between gzip members"),
            std::string::npos)
      << gzipped.issues[0].message;
  EXPECT_NE(gzipped.issues[1].message.find("after the last gzip member"), std::string::npos);
}

TEST(WarcReaderTest, EmptyInputHasNoRecordsAndNoIssues) {
  ReadAll got = Read("");
  EXPECT_TRUE(got.records.empty());
  EXPECT_TRUE(got.issues.empty());
}

TEST(WarcReaderTest, FoldedFieldsAndCaseInsensitiveNamesAreRead) {
  std::string r = "WARC/1.0\r\nwarc-type: resource\r\nX-Long: first\r\n  second\r\nContent-Length: 2\r\n\r\nok\r\n\r\n";
  MemoryByteSource source(r);
  WarcReader reader(source);
  WarcRecord record;
  ASSERT_TRUE(reader.Next(&record));
  EXPECT_EQ(record.type, "resource");
  EXPECT_EQ(record.Field("x-long"), "first\r\n  second");
  EXPECT_EQ(record.block, "ok");
  EXPECT_FALSE(reader.Next(&record));
}

}  // namespace
}  // namespace cn
