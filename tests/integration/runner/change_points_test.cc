// Change points found over a real store's baseline history, and recorded once.
#include "runner/change_points.h"

#include <gtest/gtest.h>

#include "integration/store/store_fixture.h"

namespace perfgate::testing {
namespace {

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
  const double levels[] = {1.00, 1.02, 0.99, 1.01, 1.00, 1.31, 1.29, 1.30, 1.32};
  std::vector<Job> jobs;
  std::vector<ChangePointRecord> reported;
  for (int i = 0; i < 9; ++i) {
    jobs.push_back(Baseline(static_cast<char>('a' + i), levels[i], 1000 + i));
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

}  // namespace
}  // namespace perfgate::testing
