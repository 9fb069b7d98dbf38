// The fake GitHub refuses what GitHub refuses, so that the deliverer's tests prove something.
#include "support/fake_github.h"

#include <gtest/gtest.h>
#include <httplib.h>

namespace perfgate::testing {
namespace {

const std::string kStatusPath = "/repos/acme/api/statuses/" + std::string(40, 'c');

class FakeGithubTest : public ::testing::Test {
 protected:
  int Send(const std::string& method, const std::string& path, const std::string& body,
           httplib::Headers headers = {{"Authorization", "Bearer token"},
                                       {"Accept", "application/vnd.github+json"},
                                       {"User-Agent", "test"}}) {
    httplib::Client client(github_.api_url());
    httplib::Result result = method == "POST" ? client.Post(path, headers, body, "application/json")
                             : method == "PATCH"
                                 ? client.Patch(path, headers, body, "application/json")
                             : method == "PUT" ? client.Put(path, headers, body, "application/json")
                                               : client.Get(path, headers);
    return result ? result->status : -1;
  }

  FakeGithub github_{"token"};
};

TEST_F(FakeGithubTest, AcceptsAWellFormedStatus) {
  EXPECT_EQ(Send("POST", kStatusPath, R"({"state":"pending","context":"perfgate/a"})"), 201);
  ASSERT_EQ(github_.statuses().size(), 1u);
  EXPECT_EQ(github_.statuses()[0].context, "perfgate/a");
}

TEST_F(FakeGithubTest, RefusesWhatGithubRefuses) {
  EXPECT_EQ(Send("PUT", kStatusPath, R"({"state":"pending"})"), 404);
  EXPECT_EQ(Send("POST", "/repos/acme/api/statuses/abc", R"({"state":"pending"})"), 404);
  EXPECT_EQ(Send("POST", kStatusPath, R"({"state":"pending"})",
                 {{"Accept", "application/vnd.github+json"}, {"User-Agent", "t"}}),
            401);
  EXPECT_EQ(Send("POST", kStatusPath, R"({"state":"pending"})",
                 {{"Authorization", "Bearer token"},
                  {"Accept", "application/vnd.github+json"},
                  {"User-Agent", ""}}),
            403);
  EXPECT_EQ(Send("POST", kStatusPath, R"({"state":"pending"})",
                 {{"Authorization", "Bearer token"}, {"User-Agent", "t"}}),
            415);
  EXPECT_EQ(Send("POST", kStatusPath, "{not json"), 400);
  EXPECT_EQ(Send("POST", kStatusPath, R"({"state":"passed"})"), 422);
  EXPECT_EQ(Send("POST", kStatusPath,
                 R"({"state":"pending","description":")" + std::string(141, 'x') + R"("})"),
            422);
  EXPECT_EQ(Send("POST", "/repos/acme/api/issues/7/comments",
                 R"({"body":")" + std::string(65537, 'x') + R"("})"),
            422);
  EXPECT_EQ(Send("PATCH", "/repos/acme/api/issues/comments/1", R"({"body":"x"})"), 404);
  EXPECT_TRUE(github_.statuses().empty());
  EXPECT_TRUE(github_.comments().empty());
  EXPECT_EQ(github_.calls().size(), 10u);
}

}  // namespace
}  // namespace perfgate::testing
