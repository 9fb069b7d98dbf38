#include "web/api_context.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace perfgate {
namespace {

TEST(ReadApiTokensTest, ReadsTheVariablesTheConfigNames) {
  ServerConfig server;
  server.api_token_env = "PERFGATE_WEB_TEST_API_TOKEN";
  server.read_token_env = "PERFGATE_WEB_TEST_READ_TOKEN";
  setenv("PERFGATE_WEB_TEST_API_TOKEN", "write-secret", 1);
  setenv("PERFGATE_WEB_TEST_READ_TOKEN", "read-secret", 1);
  ApiTokens tokens = ReadApiTokens(server);
  EXPECT_EQ(tokens.api_token, "write-secret");
  EXPECT_EQ(tokens.read_token, "read-secret");
  unsetenv("PERFGATE_WEB_TEST_API_TOKEN");
  unsetenv("PERFGATE_WEB_TEST_READ_TOKEN");
}

TEST(ReadApiTokensTest, UnsetVariablesGiveEmptyTokens) {
  ServerConfig server;
  server.api_token_env = "PERFGATE_WEB_TEST_UNSET_VARIABLE";
  server.read_token_env = "PERFGATE_WEB_TEST_UNSET_VARIABLE";
  ApiTokens tokens = ReadApiTokens(server);
  EXPECT_EQ(tokens.api_token, "");
  EXPECT_EQ(tokens.read_token, "");
  server.api_token_env = "";
  EXPECT_EQ(ReadApiTokens(server).api_token, "");
}

}  // namespace
}  // namespace perfgate
