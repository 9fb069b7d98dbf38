#include "web/router.h"

#include <gtest/gtest.h>

namespace perfgate {
namespace {

ApiHandler Answer(std::string body) {
  return [body](const ApiContext&, const ApiRequest&) -> ApiResult { return JsonResponse(body); };
}

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() {
    router_.Add("GET", "/api/v1/jobs", Access::kRead, Answer("list"));
    router_.Add("POST", "/api/v1/jobs", Access::kWrite, Answer("create"));
    router_.Add("GET", "/api/v1/jobs/{id}", Access::kRead, Answer("detail"));
    router_.Add("POST", "/api/v1/jobs/{id}/cancel", Access::kWrite, Answer("cancel"));
  }
  Router router_;
};

TEST_F(RouterTest, MatchesMethodAndPathAndCapturesPlaceholders) {
  auto match = router_.Find("GET", "/api/v1/jobs/42");
  ASSERT_TRUE(match.has_value());
  EXPECT_EQ(match->route->pattern, "/api/v1/jobs/{id}");
  EXPECT_EQ(match->params.at("id"), "42");
  auto cancel = router_.Find("POST", "/api/v1/jobs/7/cancel");
  ASSERT_TRUE(cancel.has_value());
  EXPECT_EQ(cancel->params.at("id"), "7");
  EXPECT_EQ(cancel->route->access, Access::kWrite);
}

TEST_F(RouterTest, SamePathDifferentMethodsPickTheirOwnRoute) {
  EXPECT_EQ(router_.Find("GET", "/api/v1/jobs")->route->method, "GET");
  EXPECT_EQ(router_.Find("POST", "/api/v1/jobs")->route->method, "POST");
}

TEST_F(RouterTest, HeadIsAnsweredByGetRoutes) {
  auto match = router_.Find("HEAD", "/api/v1/jobs/1");
  ASSERT_TRUE(match.has_value());
  EXPECT_EQ(match->route->method, "GET");
}

TEST_F(RouterTest, UnknownPathIs404) {
  for (const char* path : {"/api/v1/nothing", "/api/v1/jobs/1/2/3", "/", "/api/v1/jobs//cancel"}) {
    auto match = router_.Find("GET", path);
    ASSERT_FALSE(match.has_value()) << path;
    EXPECT_EQ(match.error().status, 404) << path;
  }
}

TEST_F(RouterTest, KnownPathWithWrongMethodIs405NamingAllowedMethods) {
  auto match = router_.Find("DELETE", "/api/v1/jobs");
  ASSERT_FALSE(match.has_value());
  EXPECT_EQ(match.error().status, kStatusMethodNotAllowed);
  EXPECT_EQ(match.error().error.fix, "use GET, POST");
  EXPECT_EQ(router_.Find("GET", "/api/v1/jobs/3/cancel").error().status, kStatusMethodNotAllowed);
}

TEST_F(RouterTest, PatternOfLabelsPathsByTheirRoute) {
  EXPECT_EQ(router_.PatternOf("/api/v1/jobs/123"), "/api/v1/jobs/{id}");
  EXPECT_EQ(router_.PatternOf("/api/v1/jobs/9/cancel"), "/api/v1/jobs/{id}/cancel");
  EXPECT_EQ(router_.PatternOf("/favicon.ico"), "unmatched");
}

}  // namespace
}  // namespace perfgate
