#include "pipeline/warc/http_response.h"

#include <gtest/gtest.h>

#include "pipeline/web/media_type.h"
#include "tests/support/warc_writer.h"

namespace cn {
namespace {

HttpResponse Parse(std::string_view block) {
  HttpResponse r;
  std::string error;
  EXPECT_TRUE(ParseHttpResponse(block, &r, &error)) << error;
  return r;
}

std::string Decode(const HttpResponse& r, size_t cap = 1 << 20) {
  std::string out, error;
  EXPECT_TRUE(DecodeHttpBody(r, cap, &out, &error)) << error;
  return out;
}

TEST(HttpResponseTest, StatusHeadersAndBodyAreSplit) {
  HttpResponse r = Parse("HTTP/1.1 404 Not Found\r\nContent-Type:  text/html ; charset=latin1 \r\nX: y\r\n\r\n<p>gone</p>");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.Header("content-type"), "text/html ; charset=latin1");
  EXPECT_EQ(r.body, "<p>gone</p>");
  EXPECT_EQ(MediaType(r.Header("Content-Type")), "text/html");
}

TEST(HttpResponseTest, ANonHttpBlockIsRefusedWithAReason) {
  HttpResponse r;
  std::string error;
  EXPECT_FALSE(ParseHttpResponse("<html>not http</html>", &r, &error));
  EXPECT_NE(error.find("not an HTTP response"), std::string::npos);
  EXPECT_FALSE(ParseHttpResponse("HTTP/1.1 2x0 OK\r\n\r\n", &r, &error));
  EXPECT_NE(error.find("bad HTTP status line"), std::string::npos);
  EXPECT_FALSE(ParseHttpResponse("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n", &r, &error));
  EXPECT_NE(error.find("no end"), std::string::npos);
}

TEST(HttpResponseTest, ChunkedBodiesAreJoined) {
  HttpResponse r = Parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
  EXPECT_EQ(Decode(r), "hello world");
}

TEST(HttpResponseTest, BrokenChunkedBodiesAreErrors) {
  for (std::string_view block : {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
                                 "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nff\r\nhello\r\n0\r\n\r\n",
                                 "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n"}) {
    std::string out, error;
    EXPECT_FALSE(DecodeHttpBody(Parse(block), 1 << 20, &out, &error)) << block;
    EXPECT_NE(error.find("chunk"), std::string::npos) << error;
  }
}

TEST(HttpResponseTest, GzipBodiesAreInflatedAndAlreadyDecodedOnesTakenAsTheyAre) {
  std::string gz = testing::GzipMember("<p>compressed page</p>");
  EXPECT_EQ(Decode(Parse("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + gz)), "<p>compressed page</p>");
  EXPECT_EQ(Decode(Parse("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n<p>stored decoded</p>")),
            "<p>stored decoded</p>");
}

TEST(HttpResponseTest, UnknownEncodingsCorruptDataAndOversizeBodiesAreErrors) {
  std::string out, error;
  EXPECT_FALSE(DecodeHttpBody(Parse("HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxxxx"), 1 << 20, &out, &error));
  EXPECT_NE(error.find("'br' is not decoded"), std::string::npos);
  std::string gz = testing::GzipMember(std::string(1000, 'a'));
  gz.resize(gz.size() - 12);
  EXPECT_FALSE(DecodeHttpBody(Parse("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + gz), 1 << 20, &out, &error));
  EXPECT_FALSE(DecodeHttpBody(Parse("HTTP/1.1 200 OK\r\n\r\n" + std::string(100, 'a')), 50, &out, &error));
  EXPECT_NE(error.find("exceeds 50 bytes"), std::string::npos);
}

}  // namespace
}  // namespace cn
