#include "web/query_string.h"

#include <gtest/gtest.h>

namespace perfgate {
namespace {

TEST(PercentEncodeTest, KeepsOnlyUnreservedCharacters) {
  EXPECT_EQ(PercentEncode("feature/x y&z=1"), "feature%2Fx%20y%26z%3D1");
  EXPECT_EQ(PercentEncode("a-b_c.d~E9"), "a-b_c.d~E9");
  EXPECT_EQ(PercentEncode("é\r\n"), "%C3%A9%0D%0A");
}

TEST(PercentDecodeTest, InverseOfEncode) {
  std::string text = "tok;en =\"x\"\n é";
  EXPECT_EQ(PercentDecode(PercentEncode(text)), text);
  EXPECT_EQ(PercentDecode("a+b%2b"), "a+b+");
}

TEST(PercentDecodeTest, BrokenEscapesAreRefused) {
  EXPECT_EQ(PercentDecode("%"), std::nullopt);
  EXPECT_EQ(PercentDecode("%4"), std::nullopt);
  EXPECT_EQ(PercentDecode("%zz"), std::nullopt);
}

TEST(QueryStringTest, EncodedInOrderWithoutEmptyValues) {
  EXPECT_EQ(QueryString({{"kind", "test"}, {"state", ""}, {"branch", "a b"}}),
            "?kind=test&branch=a%20b");
  EXPECT_EQ(QueryString({{"kind", ""}}), "");
  EXPECT_EQ(QueryString({}), "");
}

}  // namespace
}  // namespace perfgate
