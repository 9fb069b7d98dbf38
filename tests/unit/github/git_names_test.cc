#include "github/git_names.h"

#include <gtest/gtest.h>

#include <string>

namespace perfgate {
namespace {

TEST(GitNamesTest, AFullShaIsFortyLowercaseHexDigits) {
  EXPECT_TRUE(IsFullSha("ec26c3e57ca3a959ca5aad62de7213c562f8c821"));
  EXPECT_FALSE(IsFullSha("EC26C3E57CA3A959CA5AAD62DE7213C562F8C821"));
  EXPECT_FALSE(IsFullSha("ec26c3e"));
  EXPECT_FALSE(IsFullSha(std::string(41, 'a')));
  EXPECT_FALSE(IsFullSha("--upload-pack=touch /tmp/x" + std::string(14, 'a')));
  EXPECT_FALSE(IsFullSha(std::string(39, 'a') + "g"));
}

TEST(GitNamesTest, BranchNamesFollowGitsRules) {
  for (const char* name : {"main", "feature/x", "release-1.2", "a.b/c_d", "user@host"}) {
    EXPECT_TRUE(IsBranchName(name)) << name;
  }
  for (const char* name : {"",      "-rf",    "--upload-pack=x",
                           "@",     "a..b",   ".hidden",
                           "a/.b",  "x.lock", "a/b.lock/c",
                           "a//b",  "/a",     "a/",
                           "a.",    "a b",    "a~1",
                           "a^",    "a:b",    "a?",
                           "a*",    "a[b",    "a\\b",
                           "a@{1}", "a\tb",   "a\nb",
                           "a\x7f"}) {
    EXPECT_FALSE(IsBranchName(name)) << name;
  }
  EXPECT_FALSE(IsBranchName(std::string(256, 'a')));
}

}  // namespace
}  // namespace perfgate
