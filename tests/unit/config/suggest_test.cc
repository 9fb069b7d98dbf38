#include "config/suggest.h"

#include <gtest/gtest.h>

#include <array>

namespace perfgate {
namespace {

constexpr std::array<std::string_view, 4> kKeys = {"environment", "load", "metrics", "name"};

TEST(ClosestNameTest, FindsAKeyWithinTwoEdits) {
  EXPECT_EQ(ClosestName("enviroment", kKeys), "environment");
  EXPECT_EQ(ClosestName("metircs", kKeys), "metrics");
  EXPECT_EQ(ClosestName("lod", kKeys), "load");
}

TEST(ClosestNameTest, MatchesIgnoringCaseAtAnyDistance) {
  EXPECT_EQ(ClosestName("ENVIRONMENT", kKeys), "environment");
}

TEST(ClosestNameTest, NothingWhenTooFar) {
  EXPECT_EQ(ClosestName("services", kKeys), std::nullopt);
  EXPECT_EQ(ClosestName("xy", std::array<std::string_view, 1>{"ab"}), std::nullopt);
}

TEST(JoinNamesTest, JoinsWithCommas) {
  EXPECT_EQ(JoinNames(kKeys), "environment, load, metrics, name");
  EXPECT_EQ(JoinNames(std::span<const std::string_view>()), "");
}

}  // namespace
}  // namespace perfgate
