#include "delivery/github_client.h"

#include <gtest/gtest.h>

namespace perfgate {
namespace {

TEST(NextPageUrlTest, FindsTheNextLinkWhereverItIs) {
  EXPECT_EQ(NextPageUrl(R"(<https://api.github.com/x?page=2>; rel="next", )"
                        R"(<https://api.github.com/x?page=5>; rel="last")"),
            "https://api.github.com/x?page=2");
  EXPECT_EQ(NextPageUrl(R"(<https://api.github.com/x?page=1>; rel="prev", )"
                        R"(<https://api.github.com/x?page=3>; rel="next")"),
            "https://api.github.com/x?page=3");
}

TEST(NextPageUrlTest, NoNextLinkIsEmpty) {
  EXPECT_EQ(NextPageUrl(""), "");
  EXPECT_EQ(NextPageUrl(R"(<https://api.github.com/x?page=1>; rel="prev")"), "");
  EXPECT_EQ(NextPageUrl("<broken"), "");
}

}  // namespace
}  // namespace perfgate
