// The client's requests and its polling, against an HttpClient that answers from a script
// and a clock that advances only when slept on, so no test depends on real time.
#include "prometheus/client.h"

#include <gtest/gtest.h>

#include <deque>

namespace perfgate {
namespace {

class FakeClock final : public Clock {
 public:
  TimePoint Now() override { return now_; }
  void SleepFor(Duration duration) override { now_ += duration; }

 private:
  TimePoint now_ = FromUnixSeconds(1'700'000'000);
};

// Answers each request with the next scripted response (the last one repeats).
class ScriptedHttpClient final : public HttpClient {
 public:
  explicit ScriptedHttpClient(std::deque<Result<HttpResponse>> script)
      : script_(std::move(script)) {}

  Result<HttpResponse> Send(const HttpRequest& request) override {
    requests.push_back(request);
    Result<HttpResponse> next = script_.front();
    if (script_.size() > 1) script_.pop_front();
    return next;
  }

  std::vector<HttpRequest> requests;

 private:
  std::deque<Result<HttpResponse>> script_;
};

HttpResponse Ok(std::string body) {
  return HttpResponse{.status = 200, .headers = {}, .body = body};
}

HttpResponse OldestScrapeAnswer(double value) {
  return Ok(R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},)" +
            std::string(R"("value":[1,")") + std::to_string(value) + R"("]}]}})");
}

const HttpResponse kEmptyVector =
    Ok(R"({"status":"success","data":{"resultType":"vector","result":[]}})");

TEST(PrometheusClientTest, QueryPostsTheFormEncodedQueryAndTime) {
  ScriptedHttpClient http({kEmptyVector});
  PrometheusClient client(http, "http://127.0.0.1:9090/");
  auto values = client.Query("sum(rate(x{a=\"b c\"}[1m]))", FromUnixSeconds(1700000000.125));
  ASSERT_TRUE(values.has_value()) << values.error().ToString();
  ASSERT_EQ(http.requests.size(), 1u);
  const HttpRequest& request = http.requests[0];
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.url, "http://127.0.0.1:9090/api/v1/query");
  EXPECT_EQ(request.headers.at("Content-Type"), "application/x-www-form-urlencoded");
  EXPECT_EQ(request.body,
            "query=" + UrlEncode("sum(rate(x{a=\"b c\"}[1m]))") + "&time=1700000000.125");
}

TEST(PrometheusClientTest, TransportFailureIsUnavailable) {
  ScriptedHttpClient http({std::unexpected(Unavailable("Couldn't connect to server"))});
  PrometheusClient client(http, "http://127.0.0.1:9090");
  auto values = client.Query("up", FromUnixSeconds(1));
  ASSERT_FALSE(values.has_value());
  EXPECT_EQ(values.error().kind, ErrorKind::kUnavailable);
  EXPECT_NE(values.error().where.find("http://127.0.0.1:9090/api/v1/query"), std::string::npos);
}

TEST(PrometheusClientTest, WaitReadyRetriesUntilReady) {
  ScriptedHttpClient http({std::unexpected(Unavailable("Couldn't connect to server")),
                           HttpResponse{.status = 503, .headers = {}, .body = "starting"},
                           Ok("Prometheus Server is Ready.")});
  PrometheusClient client(http, "http://127.0.0.1:9090");
  FakeClock clock;
  ASSERT_TRUE(client.WaitReady(std::chrono::seconds(10), clock).has_value());
  ASSERT_EQ(http.requests.size(), 3u);
  EXPECT_EQ(http.requests[2].method, "GET");
  EXPECT_EQ(http.requests[2].url, "http://127.0.0.1:9090/-/ready");
}

TEST(PrometheusClientTest, WaitReadyTimesOutAsUnavailableNamingTheUrl) {
  ScriptedHttpClient http({HttpResponse{.status = 503, .headers = {}, .body = "starting"}});
  PrometheusClient client(http, "http://127.0.0.1:9090");
  FakeClock clock;
  auto ready = client.WaitReady(std::chrono::seconds(2), clock);
  ASSERT_FALSE(ready.has_value());
  EXPECT_EQ(ready.error().kind, ErrorKind::kUnavailable);
  EXPECT_NE(ready.error().where.find("http://127.0.0.1:9090/-/ready"), std::string::npos);
  EXPECT_NE(ready.error().what.find("HTTP 503"), std::string::npos) << ready.error().what;
}

TEST(PrometheusClientTest, WaitForScrapeAfterQueriesTheOldestLastScrapeAtPrometheusNow) {
  FakeClock clock;
  TimePoint after = clock.Now();
  ScriptedHttpClient http({kEmptyVector, OldestScrapeAnswer(ToUnixSeconds(after) - 1),
                           OldestScrapeAnswer(ToUnixSeconds(after) + 0.5)});
  PrometheusClient client(http, "http://127.0.0.1:9090");
  auto waited =
      client.WaitForScrapeAfter("perfgate_run=\"7\"", after, std::chrono::seconds(30), clock);
  ASSERT_TRUE(waited.has_value()) << waited.error().ToString();
  ASSERT_EQ(http.requests.size(), 3u);
  EXPECT_EQ(http.requests[0].body,
            "query=" + UrlEncode("min(timestamp(up{perfgate_run=\"7\"}))"));  // no time=
}

TEST(PrometheusClientTest, WaitForScrapeAfterTimesOutAsUnavailableNamingTheSelector) {
  ScriptedHttpClient http({kEmptyVector});
  PrometheusClient client(http, "http://127.0.0.1:9090");
  FakeClock clock;
  auto waited =
      client.WaitForScrapeAfter("perfgate_run=\"7\"", clock.Now(), std::chrono::seconds(5), clock);
  ASSERT_FALSE(waited.has_value());
  EXPECT_EQ(waited.error().kind, ErrorKind::kUnavailable);
  EXPECT_NE(waited.error().where.find("perfgate_run=\"7\""), std::string::npos);
  EXPECT_NE(waited.error().what.find("no target matches"), std::string::npos);
}

TEST(PrometheusClientTest, WaitForScrapeAfterStopsWhenInterrupted) {
  ScriptedHttpClient http({kEmptyVector});
  PrometheusClient client(http, "http://127.0.0.1:9090");
  FakeClock clock;
  std::atomic<bool> interrupted = true;
  const TimePoint start = clock.Now();
  auto waited = client.WaitForScrapeAfter("perfgate_run=\"7\"", clock.Now(),
                                          std::chrono::seconds(20), clock, &interrupted);
  ASSERT_FALSE(waited.has_value());
  EXPECT_EQ(waited.error().kind, ErrorKind::kFailedPrecondition);
  EXPECT_NE(waited.error().what.find("interrupted"), std::string::npos) << waited.error().what;
  EXPECT_TRUE(http.requests.empty());
  EXPECT_EQ(clock.Now(), start);  // not one poll interval slept
}

TEST(PrometheusClientTest, WaitForScrapeAfterStopsAtAQueryError) {
  ScriptedHttpClient http(
      {HttpResponse{.status = 400,
                    .headers = {},
                    .body = R"({"status":"error","errorType":"bad_data","error":"parse error"})"}});
  PrometheusClient client(http, "http://127.0.0.1:9090");
  FakeClock clock;
  auto waited = client.WaitForScrapeAfter("a=", clock.Now(), std::chrono::seconds(5), clock);
  ASSERT_FALSE(waited.has_value());
  EXPECT_EQ(waited.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(http.requests.size(), 1u);
}

}  // namespace
}  // namespace perfgate
