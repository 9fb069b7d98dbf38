#include "base/logging.h"

#include <gtest/gtest.h>

namespace perfgate {
namespace {

TEST(RedactUrlTest, LeavesPlainUrlsAlone) {
  for (const char* url : {"https://github.com/OWNER/NAME.git", "http://127.0.0.1:9090/api?x=1",
                          "not a url", "", "http://host/path?email=a@b"}) {
    EXPECT_EQ(RedactUrl(url), url);
  }
}

TEST(RedactUrlTest, HidesUserInfo) {
  EXPECT_EQ(RedactUrl("https://user:ghp_abc@github.com/o/n.git"),
            "https://<secret>@github.com/o/n.git");
  EXPECT_EQ(RedactUrl("postgresql://perf:hunter2@db:5432"), "postgresql://<secret>@db:5432");
  EXPECT_EQ(RedactUrl("https://x-access-token:t@host?y=1"), "https://<secret>@host?y=1");
}

TEST(RedactUrlTest, HidesCredentialQueryValues) {
  EXPECT_EQ(RedactUrl("https://hooks.example/x?token=abc&channel=ci"),
            "https://hooks.example/x?token=<secret>&channel=ci");
  EXPECT_EQ(RedactUrl("https://s3.example/o?X-Amz-Signature=f00&api_key=k&Password=p"),
            "https://s3.example/o?X-Amz-Signature=<secret>&api_key=<secret>&Password=<secret>");
  EXPECT_EQ(RedactUrl("https://u:p@h/?secret=s"), "https://<secret>@h/?secret=<secret>");
}

TEST(LoggerTest, OneLoggerPerComponent) {
  auto first = Logger("config-test");
  EXPECT_EQ(first, Logger("config-test"));
  EXPECT_EQ(first->name(), "config-test");
  EXPECT_NE(first, Logger("other-test"));
}

TEST(LoggerTest, SetLogLevelAppliesToExistingAndNewLoggers) {
  auto existing = Logger("level-test-existing");
  SetLogLevel(spdlog::level::debug);
  EXPECT_EQ(existing->level(), spdlog::level::debug);
  EXPECT_EQ(Logger("level-test-new")->level(), spdlog::level::debug);
  SetLogLevel(spdlog::level::info);
  EXPECT_EQ(existing->level(), spdlog::level::info);
}

TEST(RedactUrlTest, HidesAuthAndCredentialParameters) {
  EXPECT_EQ(RedactUrl("https://h/x?auth=abc&credential=def&page=2"),
            "https://h/x?auth=<secret>&credential=<secret>&page=2");
}

}  // namespace
}  // namespace perfgate
