#include "web/auth.h"

#include <gtest/gtest.h>

namespace perfgate {
namespace {

class AuthorizeTest : public ::testing::Test {
 protected:
  AuthorizeTest() { context_.config = &config_; }

  std::optional<int> Status(Access access, std::string_view header) {
    auto refused = Authorize(access, header, context_);
    if (!refused) return std::nullopt;
    return refused->status;
  }

  Config config_;
  ApiContext context_;
};

TEST_F(AuthorizeTest, WritesNeedTheApiToken) {
  context_.api_token = "s3cret-token";
  EXPECT_EQ(Status(Access::kWrite, "Bearer s3cret-token"), std::nullopt);
  EXPECT_EQ(Status(Access::kWrite, "bearer s3cret-token"), std::nullopt);  // scheme: any case
  EXPECT_EQ(Status(Access::kWrite, ""), 401);
  EXPECT_EQ(Status(Access::kWrite, "Basic dXNlcjpwYXNz"), 401);
  EXPECT_EQ(Status(Access::kWrite, "Bearer "), 401);
  EXPECT_EQ(Status(Access::kWrite, "Bearer s3cret-tokeN"), 403);
  EXPECT_EQ(Status(Access::kWrite, "Bearer s3cret"), 403);
  EXPECT_EQ(Status(Access::kWrite, "Bearer s3cret-token-and-more"), 403);
}

TEST_F(AuthorizeTest, WithoutAnApiTokenWritesAreRefusedNamingTheVariable) {
  config_.server.api_token_env = "MY_TOKEN_VAR";
  auto refused = Authorize(Access::kWrite, "Bearer anything", context_);
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(refused->status, 403);
  EXPECT_NE(refused->error.fix.find("MY_TOKEN_VAR"), std::string::npos) << refused->error.fix;
}

TEST_F(AuthorizeTest, ReadsAreOpenWithoutAReadToken) {
  context_.api_token = "write";
  EXPECT_EQ(Status(Access::kRead, ""), std::nullopt);
  EXPECT_EQ(Status(Access::kRead, "Bearer wrong"), std::nullopt);
}

TEST_F(AuthorizeTest, WithAReadTokenReadsNeedItOrTheApiToken) {
  context_.api_token = "write";
  context_.read_token = "read";
  EXPECT_EQ(Status(Access::kRead, "Bearer read"), std::nullopt);
  EXPECT_EQ(Status(Access::kRead, "Bearer write"), std::nullopt);
  EXPECT_EQ(Status(Access::kRead, ""), 401);
  EXPECT_EQ(Status(Access::kRead, "Bearer nope"), 403);
  EXPECT_EQ(Status(Access::kWrite, "Bearer read"), 403);  // reading does not allow writing
}

TEST_F(AuthorizeTest, PublicRoutesNeedNothing) {
  context_.read_token = "read";
  EXPECT_EQ(Status(Access::kPublic, ""), std::nullopt);
}

TEST_F(AuthorizeTest, MessagesNeverQuoteTokens) {
  context_.api_token = "the-real-token";
  auto refused = Authorize(Access::kWrite, "Bearer a-guessed-token", context_);
  ASSERT_TRUE(refused.has_value());
  std::string text = refused->error.ToString();
  EXPECT_EQ(text.find("the-real-token"), std::string::npos);
  EXPECT_EQ(text.find("a-guessed-token"), std::string::npos);
}

TEST(TokensEqualTest, ComparesWholeTokens) {
  EXPECT_TRUE(TokensEqual("abc", "abc"));
  EXPECT_FALSE(TokensEqual("abc", "abd"));
  EXPECT_FALSE(TokensEqual("abc", "abcd"));
  EXPECT_FALSE(TokensEqual("", "a"));
}

}  // namespace
}  // namespace perfgate
