// Change points found over a real store's baseline history, and recorded once.
#include "runner/change_points.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "integration/store/store_fixture.h"

namespace perfgate::testing {
namespace {

// Baselines at one level, then from the sixth on a level 30% higher.
constexpr double kStep[] = {1.00, 1.02, 0.99, 1.01, 1.00, 1.31, 1.29, 1.30, 1.32};

class ChangePointsTest : public StoreTest {
 protected:
  ChangePointsTest() {
    ScenarioConfig scenario;
    scenario.name = "http-api";
    MetricConfig metric;
    metric.name = "latency";
    scenario.metrics.push_back(metric);
    config_.scenarios.push_back(scenario);
  }

  // A succeeded baseline job whose windows of "latency" all measured `value`.
  Job Baseline(char commit, double value, int finished_at) {
    return FinishedJob(JobKind::kBaseline, Commit(commit), JobState::kSucceeded, At(finished_at),
                       "http-api", RunState::kSucceeded, {value, value * 1.01, value * 0.99});
  }

  std::vector<ChangePointRecord> Detect(const Job& baseline) {
    auto found = DetectChangePoints(config_, *store_, baseline, At(5000));
    EXPECT_TRUE(found) << found.error().ToString();
    return found.value_or(std::vector<ChangePointRecord>{});
  }

  Config config_;
};

TEST_F(ChangePointsTest, AStepIsFoundAtItsFirstJobAndReportedOnce) {
  std::vector<Job> jobs;
  std::vector<ChangePointRecord> reported;
  for (int i = 0; i < 9; ++i) {
    jobs.push_back(Baseline(static_cast<char>('a' + i), kStep[i], 1000 + i));
    for (ChangePointRecord& change_point : Detect(jobs.back())) {
      reported.push_back(std::move(change_point));
    }
  }

  ASSERT_EQ(reported.size(), 1u);
  const ChangePointRecord& step = reported.front();
  EXPECT_EQ(step.job_id, jobs[5].id);
  EXPECT_EQ(step.commit, Commit('f'));
  EXPECT_EQ(step.series, "{}");
  EXPECT_NEAR(step.change, 0.30, 0.02);
  EXPECT_LT(step.p_value, 0.01);
  EXPECT_GT(step.detected_by, jobs[5].id);  // seen only once the new level lasted
  auto recorded = store_->ListChangePoints("http-api", "latency", "");
  ASSERT_TRUE(recorded);
  EXPECT_EQ(recorded->size(), 1u);
}

TEST_F(ChangePointsTest, NoiseAndASingleOutlierAreNoChangePoint) {
  const double levels[] = {1.00, 1.02, 0.99, 1.60, 1.01, 1.00, 0.98, 1.02, 1.01};
  for (int i = 0; i < 9; ++i) {
    EXPECT_TRUE(Detect(Baseline(static_cast<char>('a' + i), levels[i], 1000 + i)).empty())
        << "after baseline " << i;
  }
}

// What a worker does after each baseline job: a change point found becomes one alert in the
// outbox, and the baselines after it, which still see the step, add none.
TEST_F(ChangePointsTest, ANewChangePointIsOneAlertInTheOutbox) {
  config_.alerts = {AlertConfig{.url_env = "ALERTS", .format = AlertConfig::Format::kJson}};
  std::vector<Job> jobs;
  for (int i = 0; i < 9; ++i) {
    jobs.push_back(Baseline(static_cast<char>('a' + i), kStep[i], 1000 + i));
    RecordChangePointsAfter(config_, *store_, jobs.back(), At(5000 + i));
  }

  auto outbox = store_->ListUndelivered(std::nullopt, 100);
  ASSERT_TRUE(outbox) << outbox.error().ToString();
  ASSERT_EQ(outbox->size(), 1u);
  const OutboxMessage& alert = outbox->front();
  EXPECT_EQ(alert.kind, OutboxKind::kAlert);
  EXPECT_EQ(alert.target, "ALERTS");
  auto payload = nlohmann::json::parse(alert.payload);
  EXPECT_EQ(payload["event"], "change_point");
  EXPECT_EQ(payload["metric"], "latency");
  EXPECT_EQ(payload["commit"], Commit('f'));
  EXPECT_EQ(payload["job"], jobs[5].id);
  EXPECT_EQ(alert.job, payload["detected_by"].get<JobId>());  // sent as news of the job that saw it
}

}  // namespace
}  // namespace perfgate::testing
