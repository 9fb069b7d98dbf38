#include "delivery/retry.h"

#include <gtest/gtest.h>

namespace perfgate {
namespace {

const TimePoint kNow = FromUnixSeconds(1'700'000'000);

HttpResponse Response(int status, std::map<std::string, std::string> headers = {}) {
  return HttpResponse{.status = status, .headers = std::move(headers), .body = ""};
}

TEST(RetryTest, BackoffDoublesUpToTheLongestDelay) {
  RetryPolicy policy{.first_delay = std::chrono::seconds(10),
                     .longest_delay = std::chrono::seconds(60)};
  EXPECT_EQ(NextAttempt(policy, 1, nullptr, kNow), kNow + std::chrono::seconds(10));
  EXPECT_EQ(NextAttempt(policy, 2, nullptr, kNow), kNow + std::chrono::seconds(20));
  EXPECT_EQ(NextAttempt(policy, 3, nullptr, kNow), kNow + std::chrono::seconds(40));
  EXPECT_EQ(NextAttempt(policy, 4, nullptr, kNow), kNow + std::chrono::seconds(60));
  EXPECT_EQ(NextAttempt(policy, 400, nullptr, kNow), kNow + std::chrono::seconds(60));
}

TEST(RetryTest, ServerErrorsAreRetriedAndRetryAfterIsHonoured) {
  RetryPolicy policy;
  HttpResponse unavailable = Response(503);
  EXPECT_EQ(NextAttempt(policy, 1, &unavailable, kNow), kNow + policy.first_delay);
  HttpResponse asked = Response(503, {{"retry-after", "90"}});
  EXPECT_EQ(NextAttempt(policy, 1, &asked, kNow), kNow + std::chrono::seconds(90));
  HttpResponse dated = Response(503, {{"retry-after", "Wed, 21 Oct 2015 07:28:00 GMT"}});
  EXPECT_EQ(NextAttempt(policy, 1, &dated, kNow), kNow + policy.first_delay);
}

TEST(RetryTest, ARateLimitWaitsForItsResetOrItsRetryAfter) {
  RetryPolicy policy;
  HttpResponse primary =
      Response(403, {{"x-ratelimit-remaining", "0"}, {"x-ratelimit-reset", "1700000300"}});
  EXPECT_EQ(NextAttempt(policy, 1, &primary, kNow), FromUnixSeconds(1'700'000'300));
  HttpResponse secondary = Response(403, {{"retry-after", "60"}});
  EXPECT_EQ(NextAttempt(policy, 1, &secondary, kNow), kNow + std::chrono::seconds(60));
  HttpResponse too_many = Response(429);
  EXPECT_EQ(NextAttempt(policy, 2, &too_many, kNow), kNow + 2 * policy.first_delay);
  HttpResponse past_reset =
      Response(429, {{"x-ratelimit-remaining", "0"}, {"x-ratelimit-reset", "1"}});
  EXPECT_EQ(NextAttempt(policy, 1, &past_reset, kNow), kNow);
}

TEST(RetryTest, AFarRetryIsCappedAtTheLongestDelay) {
  RetryPolicy policy;
  HttpResponse asked = Response(503, {{"retry-after", "999999"}});
  EXPECT_EQ(NextAttempt(policy, 1, &asked, kNow), kNow + policy.longest_delay);
}

TEST(RetryTest, ARefusalForGoodIsNotRetried) {
  RetryPolicy policy;
  for (int status : {400, 403, 404, 422}) {
    HttpResponse refused = Response(status);
    EXPECT_EQ(NextAttempt(policy, 1, &refused, kNow), std::nullopt) << status;
  }
  HttpResponse credentials = Response(401);
  EXPECT_NE(NextAttempt(policy, 1, &credentials, kNow), std::nullopt);
}

TEST(RetryTest, OnlyTwoHundredsAreAccepted) {
  EXPECT_TRUE(Accepted(Response(200)));
  EXPECT_TRUE(Accepted(Response(201)));
  EXPECT_FALSE(Accepted(Response(304)));
  EXPECT_FALSE(Accepted(Response(500)));
}

}  // namespace
}  // namespace perfgate
