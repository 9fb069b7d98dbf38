#include "web/metrics.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace perfgate {
namespace {

bool Has(const std::string& text, const std::string& line) {
  return text.find(line + "\n") != std::string::npos;
}

TEST(RenderMetricsTest, EveryStateAppearsEvenWhenZero) {
  std::string text = RenderMetrics(QueueStatistics{}, {});
  EXPECT_TRUE(Has(text, "# TYPE perfgate_jobs gauge"));
  for (const char* state : {"queued", "running", "succeeded", "failed", "cancelled"}) {
    EXPECT_TRUE(Has(text, std::string("perfgate_jobs{state=\"") + state + "\"} 0")) << state;
  }
  EXPECT_TRUE(Has(text, "perfgate_runs_total{state=\"running\"} 0"));
  EXPECT_TRUE(Has(text, "perfgate_job_duration_seconds_count{outcome=\"cancelled\"} 0"));
}

TEST(RenderMetricsTest, CountsJobsAndRunsByState) {
  QueueStatistics statistics;
  statistics.jobs_by_state = {{JobState::kQueued, 3}, {JobState::kFailed, 1}};
  statistics.runs_by_state = {{RunState::kSucceeded, 8}};
  std::string text = RenderMetrics(statistics, {});
  EXPECT_TRUE(Has(text, "perfgate_jobs{state=\"queued\"} 3"));
  EXPECT_TRUE(Has(text, "perfgate_jobs{state=\"failed\"} 1"));
  EXPECT_TRUE(Has(text, "perfgate_runs_total{state=\"succeeded\"} 8"));
}

TEST(RenderMetricsTest, JobDurationsFormACumulativeHistogramPerOutcome) {
  QueueStatistics statistics;
  statistics.finished_job_seconds = {{JobState::kSucceeded, 5},
                                     {JobState::kSucceeded, 45},
                                     {JobState::kSucceeded, 9000},
                                     {JobState::kFailed, 30}};
  std::string text = RenderMetrics(statistics, {});
  const std::string bucket = "perfgate_job_duration_seconds_bucket";
  EXPECT_TRUE(Has(text, "# TYPE perfgate_job_duration_seconds histogram"));
  EXPECT_TRUE(Has(text, bucket + "{le=\"10\",outcome=\"succeeded\"} 1"));
  EXPECT_TRUE(Has(text, bucket + "{le=\"30\",outcome=\"succeeded\"} 1"));
  EXPECT_TRUE(Has(text, bucket + "{le=\"60\",outcome=\"succeeded\"} 2"));
  EXPECT_TRUE(Has(text, bucket + "{le=\"7200\",outcome=\"succeeded\"} 2"));
  EXPECT_TRUE(Has(text, bucket + "{le=\"+Inf\",outcome=\"succeeded\"} 3"));
  EXPECT_TRUE(Has(text, "perfgate_job_duration_seconds_sum{outcome=\"succeeded\"} 9050"));
  EXPECT_TRUE(Has(text, "perfgate_job_duration_seconds_count{outcome=\"succeeded\"} 3"));
  EXPECT_TRUE(Has(text, bucket + "{le=\"30\",outcome=\"failed\"} 1"));  // bounds are inclusive
}

TEST(RenderMetricsTest, RequestCountsAreLabelledByRouteMethodAndCode) {
  RequestCounters counters;
  counters.Record("/api/v1/jobs/{id}", "GET", 200);
  counters.Record("/api/v1/jobs/{id}", "GET", 200);
  counters.Record("/api/v1/jobs", "POST", 422);
  std::string text = RenderMetrics(QueueStatistics{}, counters.Snapshot());
  EXPECT_TRUE(Has(text, "# TYPE perfgate_http_requests_total counter"));
  EXPECT_TRUE(Has(
      text,
      "perfgate_http_requests_total{code=\"200\",method=\"GET\",route=\"/api/v1/jobs/{id}\"} 2"));
  EXPECT_TRUE(Has(
      text, "perfgate_http_requests_total{code=\"422\",method=\"POST\",route=\"/api/v1/jobs\"} 1"));
}

TEST(RequestCountersTest, CountsFromManyThreads) {
  RequestCounters counters;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 1000; ++i) counters.Record("/healthz", "GET", 200);
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(counters.Snapshot().at({"/healthz", "GET", 200}), 4000u);
}

}  // namespace
}  // namespace perfgate
