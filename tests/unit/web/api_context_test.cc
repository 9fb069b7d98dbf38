#include "web/api_context.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace perfgate {
namespace {

TEST(ReadApiTokensTest, ReadsTheVariablesTheConfigNames) {
  Config config;
  config.server.api_token_env = "PERFGATE_WEB_TEST_API_TOKEN";
  config.server.read_token_env = "PERFGATE_WEB_TEST_READ_TOKEN";
  config.github.emplace().webhook_secret_env = "PERFGATE_WEB_TEST_WEBHOOK_SECRET";
  setenv("PERFGATE_WEB_TEST_API_TOKEN", "write-secret", 1);
  setenv("PERFGATE_WEB_TEST_READ_TOKEN", "read-secret", 1);
  setenv("PERFGATE_WEB_TEST_WEBHOOK_SECRET", "webhook-secret", 1);
  ApiTokens tokens = ReadApiTokens(config);
  EXPECT_EQ(tokens.api_token, "write-secret");
  EXPECT_EQ(tokens.read_token, "read-secret");
  EXPECT_EQ(tokens.webhook_secret, "webhook-secret");
  // Without a github section, no webhook is taken, whatever the environment holds.
  config.github.reset();
  EXPECT_EQ(ReadApiTokens(config).webhook_secret, "");
  unsetenv("PERFGATE_WEB_TEST_API_TOKEN");
  unsetenv("PERFGATE_WEB_TEST_READ_TOKEN");
  unsetenv("PERFGATE_WEB_TEST_WEBHOOK_SECRET");
}

TEST(ReadApiTokensTest, UnsetVariablesGiveEmptyTokens) {
  Config config;
  config.server.api_token_env = "PERFGATE_WEB_TEST_UNSET_VARIABLE";
  config.server.read_token_env = "PERFGATE_WEB_TEST_UNSET_VARIABLE";
  config.github.emplace().webhook_secret_env = "PERFGATE_WEB_TEST_UNSET_VARIABLE";
  ApiTokens tokens = ReadApiTokens(config);
  EXPECT_EQ(tokens.api_token, "");
  EXPECT_EQ(tokens.read_token, "");
  EXPECT_EQ(tokens.webhook_secret, "");
  config.server.api_token_env = "";
  EXPECT_EQ(ReadApiTokens(config).api_token, "");
}

}  // namespace
}  // namespace perfgate
