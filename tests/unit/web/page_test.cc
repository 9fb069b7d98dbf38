#include "web/page.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "web/assets.h"

namespace perfgate {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(HtmlPageTest, TheFrameAroundTheContent) {
  ApiResponse response = HtmlPage(Page{.title = "Job <1>",
                                       .nav = "/",
                                       .content = "<p>hello</p>",
                                       .scripts = {"job.js"},
                                       .styles = {"uplot.min.css"}});
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type, "text/html; charset=utf-8");
  EXPECT_THAT(response.body, HasSubstr("<title>Job &lt;1&gt; · perfgate</title>"));
  EXPECT_THAT(response.body, HasSubstr("<main>\n<p>hello</p>\n</main>"));
  EXPECT_THAT(response.body, HasSubstr(R"(<a href="/" aria-current="page">Queue</a>)"));
  EXPECT_THAT(response.body, HasSubstr(AssetPath("uplot.min.css")));
  // The shared script first, then the page's own.
  EXPECT_LT(response.body.find(AssetPath("perfgate.js")), response.body.find(AssetPath("job.js")));
}

TEST(HtmlPageTest, OnlyTheServersOwnScriptsMayRun) {
  ApiResponse response = HtmlPage(Page{.title = "t", .nav = "", .content = ""});
  std::string policy = response.Header("Content-Security-Policy");
  EXPECT_THAT(policy, HasSubstr("script-src 'self'"));
  EXPECT_THAT(policy, Not(HasSubstr("unsafe-inline")));
  EXPECT_EQ(response.Header("Cache-Control"), "no-store");
  EXPECT_THAT(response.body, Not(HasSubstr("aria-current")));
}

TEST(ErrorPageTest, WhatWhereAndFixEscaped) {
  ApiError error{404, NotFound("job <7> not found", "GET /jobs/7", "check the id"), {}};
  ApiResponse response = ErrorPage(error);
  EXPECT_EQ(response.status, 404);
  EXPECT_THAT(response.body, HasSubstr("<h1>job &lt;7&gt; not found</h1>"));
  EXPECT_THAT(response.body, HasSubstr("check the id"));
  EXPECT_THAT(response.body, Not(HasSubstr("name=\"token\" autocomplete=\"off\" required>")));
}

TEST(ErrorPageTest, AMissingReadTokenIsAskedFor) {
  ApiError error{401, FailedPrecondition("no token", "Authorization header", "send it"), {}};
  ApiResponse response = ErrorPage(error);
  EXPECT_EQ(response.status, 401);
  EXPECT_THAT(response.body, HasSubstr(R"(<form class="read-token" method="get">)"));
}

TEST(AssetPathTest, NameWithTheContentsHash) {
  EXPECT_THAT(AssetPath("perfgate.css"),
              ::testing::MatchesRegex("/assets/perfgate\\.[0-9a-f]{10}\\.css"));
  EXPECT_THAT(AssetPath("uplot.min.js"),
              ::testing::MatchesRegex("/assets/uplot\\.[0-9a-f]{10}\\.min\\.js"));
}

TEST(AssetPathTest, AFileTheBuildDoesNotEmbedIsABug) {
  EXPECT_THROW(AssetPath("missing.js"), std::invalid_argument);
}

}  // namespace
}  // namespace perfgate
