#include "pipeline/web/media_type.h"

#include <gtest/gtest.h>

namespace cn {
namespace {

TEST(MediaTypeTest, IsLowerCaseWithoutParametersOrSpace) {
  struct Case {
    std::string_view content_type, media_type;
  };
  const Case cases[] = {
      {"text/html", "text/html"},
      {"Text/HTML; charset=UTF-8", "text/html"},
      {" \tapplication/xhtml+xml ;charset=utf-8", "application/xhtml+xml"},
      {"IMAGE/PNG", "image/png"},
      {"text/plain\r\n", "text/plain"},
      {"", ""},
      {"  ", ""},
      {"; charset=utf-8", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(MediaType(c.content_type), c.media_type) << '"' << c.content_type << '"';
}

}  // namespace
}  // namespace cn
