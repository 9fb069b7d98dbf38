#include "web/page_auth.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace perfgate {
namespace {

using ::testing::HasSubstr;

TEST(ReadAuthorizationTest, TheHeaderFirst) {
  ApiRequest request;
  request.headers = {{"authorization", "Bearer from-header"},
                     {"cookie", "perfgate_read_token=from-cookie"}};
  EXPECT_EQ(ReadAuthorization(request), "Bearer from-header");
}

TEST(ReadAuthorizationTest, ElseTheCookiesTokenDecoded) {
  ApiRequest request;
  request.headers = {{"cookie", "theme=dark; perfgate_read_token=a%3Bb%20c; other=1"}};
  EXPECT_EQ(ReadAuthorization(request), "Bearer a;b c");
}

TEST(ReadAuthorizationTest, NothingWithoutEither) {
  ApiRequest request;
  EXPECT_EQ(ReadAuthorization(request), "");
  request.headers = {{"cookie", "xperfgate_read_token=1; perfgate_read_token="}};
  EXPECT_EQ(ReadAuthorization(request), "");
}

TEST(TokenRedirectTest, SameUrlWithoutTheTokenAndACookieWithIt) {
  ApiRequest request;
  request.path = "/jobs/12";
  request.query = {{"token", "s3cr3t;x"}, {"kind", "test run"}};
  ApiResponse response = TokenRedirect(request, "s3cr3t;x");
  EXPECT_EQ(response.status, 303);
  EXPECT_EQ(response.Header("Location"), "/jobs/12?kind=test%20run");
  std::string cookie = response.Header("Set-Cookie");
  EXPECT_THAT(cookie, HasSubstr("perfgate_read_token=s3cr3t%3Bx;"));
  EXPECT_THAT(cookie, HasSubstr("HttpOnly"));
  EXPECT_THAT(cookie, HasSubstr("SameSite=Strict"));
  EXPECT_THAT(cookie, HasSubstr("Path=/"));
}

TEST(TokenRedirectTest, APathCannotBreakTheLocationHeader) {
  ApiRequest request;
  request.path = "/jobs/1\r\nSet-Cookie: x=1";
  ApiResponse response = TokenRedirect(request, "t");
  EXPECT_EQ(response.Header("Location"), "/jobs/1%0D%0ASet-Cookie%3A%20x%3D1");
}

}  // namespace
}  // namespace perfgate
