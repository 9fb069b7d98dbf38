// The managed Prometheus and the client against the real `prometheus` binary, scraping an
// exporter served by the test itself on loopback.
#include "prometheus/managed.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <memory>

#include "http/http_client.h"
#include "integration/prometheus/metrics_server.h"
#include "prometheus/client.h"
#include "prometheus/targets.h"
#include "support/temp_dir.h"

namespace perfgate {
namespace {

using testing::MetricsServer;
using testing::TempDir;

// A safety bound for waits that normally end within a few scrape intervals.
constexpr Duration kSafetyTimeout = std::chrono::seconds(60);

const Labels kRunA = {{"perfgate_job", "1"}, {"perfgate_run", "a"}, {"perfgate_rep", "0"}};
const Labels kRunB = {{"perfgate_job", "1"}, {"perfgate_run", "b"}, {"perfgate_rep", "0"}};

// One Prometheus per test program: starting it is the slow part. The exporter is scraped
// as two runs, a at /metrics and b at /b/metrics, each from its own target file.
class ManagedPrometheusTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    shared_ = std::make_unique<Shared>();
    auto prometheus =
        ManagedPrometheus::Start(PrometheusConfig{}, shared_->dir.Path("prom"), SystemClock());
    ASSERT_TRUE(prometheus.has_value()) << prometheus.error().ToString();
    shared_->prometheus = std::move(*prometheus);
    shared_->client =
        std::make_unique<PrometheusClient>(*shared_->http, shared_->prometheus->url());
    for (const auto& [name, labels, path] :
         {std::tuple{"run-a", kRunA, "/metrics"}, std::tuple{"run-b", kRunB, "/b/metrics"}}) {
      auto file = TargetFile::Create(
          shared_->prometheus->targets_dir(), name,
          {ScrapeTargetGroup{
              .addresses = {shared_->exporter.address()}, .metrics_path = path, .labels = labels}});
      ASSERT_TRUE(file.has_value()) << file.error().ToString();
      shared_->target_files.push_back(std::move(*file));
    }
  }

  static void TearDownTestSuite() { shared_.reset(); }

  void SetUp() override { ASSERT_NE(shared_->prometheus, nullptr); }

  PrometheusClient& client() { return *shared_->client; }

  // Two scrapes of `labels`' targets after now, so that rate() has two samples.
  void WaitForTwoScrapes(const Labels& labels) {
    for (int i = 0; i < 2; ++i) {
      auto waited = client().WaitForScrapeAfter(Selector(labels), SystemClock().Now(),
                                                kSafetyTimeout, SystemClock());
      ASSERT_TRUE(waited.has_value()) << waited.error().ToString();
    }
  }

  std::vector<QueryValue> QueryNow(const std::string& promql) {
    auto values = client().Query(promql, SystemClock().Now());
    EXPECT_TRUE(values.has_value()) << promql << ": " << values.error().ToString();
    return values.value_or(std::vector<QueryValue>{});
  }

  struct Shared {
    TempDir dir;
    MetricsServer exporter;
    std::unique_ptr<HttpClient> http = NewCurlHttpClient();
    std::unique_ptr<ManagedPrometheus> prometheus;
    std::unique_ptr<PrometheusClient> client;
    std::vector<TargetFile> target_files;
  };
  static std::unique_ptr<Shared> shared_;
};

std::unique_ptr<ManagedPrometheusTest::Shared> ManagedPrometheusTest::shared_;

TEST_F(ManagedPrometheusTest, WaitForScrapeAfterReturnsOnceAScrapeIsLaterThanTheGivenTime) {
  TimePoint after = SystemClock().Now();
  auto waited = client().WaitForScrapeAfter(Selector(kRunA), after, kSafetyTimeout, SystemClock());
  ASSERT_TRUE(waited.has_value()) << waited.error().ToString();
  std::vector<QueryValue> last_scrape = QueryNow("timestamp(up{" + Selector(kRunA) + "})");
  ASSERT_EQ(last_scrape.size(), 1u);
  EXPECT_GT(last_scrape[0].value, ToUnixSeconds(after));
}

TEST_F(ManagedPrometheusTest, SelectorIsolatesTheRunsSeries) {
  WaitForTwoScrapes(kRunA);
  WaitForTwoScrapes(kRunB);
  std::vector<QueryValue> rates =
      QueryNow("rate(test_requests_total{" + Selector(kRunA) + "}[1m])");
  ASSERT_EQ(rates.size(), 1u);
  Labels expected = kRunA;
  expected["instance"] = shared_->exporter.address();
  expected["job"] = "perfgate";
  expected["path"] = "/a";
  EXPECT_EQ(rates[0].labels, expected);
  EXPECT_GT(rates[0].value, 0);
  EXPECT_TRUE(std::isfinite(rates[0].value));

  std::vector<QueryValue> increases =
      QueryNow("increase(test_requests_total{" + Selector(kRunB) + "}[1m])");
  ASSERT_EQ(increases.size(), 1u);
  EXPECT_EQ(increases[0].labels.at("perfgate_run"), "b");
  EXPECT_EQ(increases[0].labels.at("path"), "/b");
  EXPECT_GT(increases[0].value, 0);
}

TEST_F(ManagedPrometheusTest, GaugeValueAndScalarComeBackExactly) {
  WaitForTwoScrapes(kRunA);
  std::vector<QueryValue> gauge = QueryNow("test_temperature{" + Selector(kRunA) + "}");
  ASSERT_EQ(gauge.size(), 1u);
  EXPECT_EQ(gauge[0].value, 21.5);
  EXPECT_EQ(gauge[0].labels.at("__name__"), "test_temperature");

  std::vector<QueryValue> scalar = QueryNow("scalar(test_temperature{" + Selector(kRunA) + "})");
  ASSERT_EQ(scalar.size(), 1u);
  EXPECT_TRUE(scalar[0].labels.empty());
  EXPECT_EQ(scalar[0].value, 21.5);
}

TEST_F(ManagedPrometheusTest, SyntaxErrorIsInvalidInputWithPrometheusMessage) {
  auto values = client().Query("rate(test_requests_total[1m]", SystemClock().Now());
  ASSERT_FALSE(values.has_value());
  EXPECT_EQ(values.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(values.error().what.find("bad_data"), std::string::npos) << values.error().what;
  EXPECT_NE(values.error().what.find("parse error"), std::string::npos) << values.error().what;
}

TEST_F(ManagedPrometheusTest, RangeVectorIsInvalidInput) {
  auto values = client().Query("test_requests_total[1m]", SystemClock().Now());
  ASSERT_FALSE(values.has_value());
  EXPECT_EQ(values.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(values.error().what.find("matrix"), std::string::npos) << values.error().what;
}

TEST_F(ManagedPrometheusTest, EmptyResultGivesNoValues) {
  EXPECT_TRUE(QueryNow("test_requests_total{perfgate_run=\"nobody\"}").empty());
}

TEST_F(ManagedPrometheusTest, NanIsKept) {
  std::vector<QueryValue> scalar = QueryNow("0/0");
  ASSERT_EQ(scalar.size(), 1u);
  EXPECT_TRUE(std::isnan(scalar[0].value));

  WaitForTwoScrapes(kRunA);
  std::vector<QueryValue> vector = QueryNow("test_broken{" + Selector(kRunA) + "}");
  ASSERT_EQ(vector.size(), 1u);
  EXPECT_TRUE(std::isnan(vector[0].value));
  EXPECT_EQ(vector[0].labels.at("perfgate_run"), "a");
}

TEST_F(ManagedPrometheusTest, UpdatedTargetFileRelabelsTheTarget) {
  TargetFile& run_a = shared_->target_files[0];
  Labels next_rep = kRunA;
  next_rep["perfgate_rep"] = "1";
  auto updated = run_a.Update({ScrapeTargetGroup{
      .addresses = {shared_->exporter.address()}, .metrics_path = "/metrics", .labels = next_rep}});
  ASSERT_TRUE(updated.has_value()) << updated.error().ToString();
  auto waited = client().WaitForScrapeAfter(Selector(next_rep), SystemClock().Now(), kSafetyTimeout,
                                            SystemClock());
  ASSERT_TRUE(waited.has_value()) << waited.error().ToString();
  std::vector<QueryValue> gauge = QueryNow("test_temperature{" + Selector(next_rep) + "}");
  ASSERT_EQ(gauge.size(), 1u);
  EXPECT_EQ(gauge[0].labels.at("perfgate_rep"), "1");
}

TEST(PrometheusClientUnreachableTest, QueryIsUnavailable) {
  std::unique_ptr<HttpClient> http = NewCurlHttpClient();
  std::string url = "http://127.0.0.1:" + std::to_string(testing::FreeLoopbackPort());
  PrometheusClient client(*http, url);
  auto values = client.Query("up", SystemClock().Now());
  ASSERT_FALSE(values.has_value());
  EXPECT_EQ(values.error().kind, ErrorKind::kUnavailable);
  EXPECT_NE(values.error().where.find(url), std::string::npos) << values.error().where;

  auto ready = client.WaitReady(std::chrono::milliseconds(500), SystemClock());
  ASSERT_FALSE(ready.has_value());
  EXPECT_EQ(ready.error().kind, ErrorKind::kUnavailable);
}

TEST(ManagedPrometheusStartTest, MissingBinaryIsFailedPreconditionNamingTheSetting) {
  TempDir dir;
  PrometheusConfig config;
  config.binary = dir.Path("no-such-prometheus");
  auto prometheus = ManagedPrometheus::Start(config, dir.Path("prom"), SystemClock());
  ASSERT_FALSE(prometheus.has_value());
  EXPECT_EQ(prometheus.error().kind, ErrorKind::kFailedPrecondition);
  EXPECT_EQ(prometheus.error().where, "prometheus.binary");
  EXPECT_NE(prometheus.error().what.find(config.binary), std::string::npos);
  EXPECT_NE(prometheus.error().fix.find("prometheus package"), std::string::npos);
}

TEST(ManagedPrometheusStartTest, BinaryThatExitsEarlyIsFailedPreconditionQuotingItsLog) {
  TempDir dir;
  std::string fake = dir.WriteFile("fake-prometheus", "#!/bin/sh\necho \"bad flag: $1\"\nexit 3\n");
  std::filesystem::permissions(fake, std::filesystem::perms::owner_all);
  PrometheusConfig config;
  config.binary = fake;
  auto prometheus = ManagedPrometheus::Start(config, dir.Path("prom"), SystemClock());
  ASSERT_FALSE(prometheus.has_value());
  EXPECT_EQ(prometheus.error().kind, ErrorKind::kFailedPrecondition);
  EXPECT_NE(prometheus.error().what.find("bad flag: --config.file="), std::string::npos)
      << prometheus.error().what;
  EXPECT_NE(prometheus.error().what.find("exit code 3"), std::string::npos)
      << prometheus.error().what;
}

TEST(ManagedPrometheusStartTest, DestructionStopsTheServerAndRemovesItsData) {
  TempDir dir;
  auto prometheus = ManagedPrometheus::Start(PrometheusConfig{}, dir.Path("prom"), SystemClock());
  ASSERT_TRUE(prometheus.has_value()) << prometheus.error().ToString();
  std::string url = (*prometheus)->url();
  ASSERT_TRUE(std::filesystem::is_directory(dir.Path("prom/data")));
  std::unique_ptr<HttpClient> http = NewCurlHttpClient();
  PrometheusClient client(*http, url);
  ASSERT_TRUE(client.Query("up", SystemClock().Now()).has_value());

  prometheus->reset();

  EXPECT_FALSE(std::filesystem::exists(dir.Path("prom/data")));
  auto after = client.Query("up", SystemClock().Now());
  ASSERT_FALSE(after.has_value());
  EXPECT_EQ(after.error().kind, ErrorKind::kUnavailable);
}

}  // namespace
}  // namespace perfgate
