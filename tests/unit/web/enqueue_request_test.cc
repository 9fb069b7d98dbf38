#include "web/enqueue_request.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace perfgate {
namespace {

class EnqueueRequestTest : public ::testing::Test {
 protected:
  EnqueueRequestTest() {
    scenarios_.resize(2);
    scenarios_[0].name = "http-api";
    scenarios_[1].name = "grpc";
  }

  std::vector<FieldError> Errors(const char* body) {
    auto parsed = ParseEnqueueRequest(nlohmann::json::parse(body), scenarios_);
    EXPECT_FALSE(parsed.has_value()) << body;
    return parsed ? std::vector<FieldError>{} : parsed.error();
  }

  static bool Names(const std::vector<FieldError>& errors, const std::string& field,
                    const std::string& fragment) {
    return std::ranges::any_of(errors, [&](const FieldError& e) {
      return e.field == field && e.message.find(fragment) != std::string::npos;
    });
  }

  std::vector<ScenarioConfig> scenarios_;
};

TEST_F(EnqueueRequestTest, ParsesAFullRequest) {
  auto parsed = ParseEnqueueRequest(
      nlohmann::json::parse(R"({"commit": "feature", "kind": "test", "scenarios": ["grpc"],
                                "base": "main", "pull_request": 12})"),
      scenarios_);
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->kind, JobKind::kTest);
  EXPECT_EQ(parsed->commit, "feature");
  EXPECT_EQ(parsed->scenarios, std::vector<std::string>{"grpc"});
  EXPECT_EQ(parsed->base, "main");
  EXPECT_EQ(parsed->pull_request, 12);
}

TEST_F(EnqueueRequestTest, RoundTripsThroughItsJson) {
  EnqueueRequest request{JobKind::kBaseline, "v1.2", {"http-api", "grpc"}, "", 7};
  auto parsed =
      ParseEnqueueRequest(nlohmann::json::parse(EnqueueRequestToJson(request).dump()), scenarios_);
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->kind, request.kind);
  EXPECT_EQ(parsed->commit, request.commit);
  EXPECT_EQ(parsed->scenarios, request.scenarios);
  EXPECT_EQ(parsed->pull_request, request.pull_request);
}

TEST_F(EnqueueRequestTest, CollectsEveryFieldError) {
  auto errors = Errors(R"({"kind": "nightly", "scenarios": ["http-api", 3, "nope", "http-api"],
                            "pull_request": -1, "colour": "red"})");
  EXPECT_TRUE(Names(errors, "commit", "is required"));
  EXPECT_TRUE(Names(errors, "kind", "must be one of baseline, test, experiment"));
  EXPECT_TRUE(Names(errors, "scenarios[1]", "must be a string"));
  EXPECT_TRUE(Names(errors, "scenarios[2]", "unknown scenario \"nope\" (known: http-api, grpc)"));
  EXPECT_TRUE(Names(errors, "scenarios[3]", "listed twice"));
  EXPECT_TRUE(Names(errors, "pull_request", "positive integer"));
  EXPECT_TRUE(Names(errors, "colour", "unknown field"));
  EXPECT_EQ(errors.size(), 7u);
}

TEST_F(EnqueueRequestTest, RejectsWrongTypes) {
  auto errors = Errors(R"({"commit": 42, "kind": ["test"], "scenarios": "grpc",
                            "base": null, "pull_request": "12"})");
  EXPECT_TRUE(Names(errors, "commit", "must be a string"));
  EXPECT_TRUE(Names(errors, "kind", "must be one of"));
  EXPECT_TRUE(Names(errors, "scenarios", "must be an array"));
  EXPECT_TRUE(Names(errors, "base", "must be a string"));
  EXPECT_TRUE(Names(errors, "pull_request", "positive integer"));
}

TEST_F(EnqueueRequestTest, RejectsRevisionsThatAreNoRevisions) {
  EXPECT_TRUE(Names(Errors(R"({"commit": "", "kind": "test"})"), "commit", "must not be empty"));
  EXPECT_TRUE(Names(Errors(R"({"commit": "a b", "kind": "test"})"), "commit", "spaces"));
  EXPECT_TRUE(Names(Errors(R"({"commit": "a\nb", "kind": "test"})"), "commit", "control"));
  std::string long_commit = R"({"kind": "test", "commit": ")" + std::string(300, 'a') + "\"}";
  EXPECT_TRUE(Names(Errors(long_commit.c_str()), "commit", "longer than"));
}

TEST_F(EnqueueRequestTest, BaselineJobsTakeNoBase) {
  EXPECT_TRUE(
      Names(Errors(R"({"commit": "main", "kind": "baseline", "base": "v1"})"), "base", "baseline"));
}

TEST_F(EnqueueRequestTest, PullRequestMustFitAnInt) {
  EXPECT_TRUE(Names(Errors(R"({"commit": "m", "kind": "test", "pull_request": 99999999999})"),
                    "pull_request", "positive integer"));
  EXPECT_TRUE(Names(Errors(R"({"commit": "m", "kind": "test", "pull_request": 1.5})"),
                    "pull_request", "positive integer"));
}

TEST_F(EnqueueRequestTest, ABodyThatIsNoObjectIsOneError) {
  for (const char* body : {"[]", "\"main\"", "null", "3"}) {
    auto errors = Errors(body);
    ASSERT_EQ(errors.size(), 1u) << body;
    EXPECT_EQ(errors[0].field, "(body)");
  }
}

}  // namespace
}  // namespace perfgate
