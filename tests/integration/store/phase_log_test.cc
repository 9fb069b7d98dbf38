#include "store_fixture.h"

namespace perfgate::testing {
namespace {

using PhaseLogTest = StoreTest;

TEST_F(PhaseLogTest, PhasesRoundTripInStartOrder) {
  Job job = Create(JobKind::kTest, Commit('a'));
  Job other = Create(JobKind::kTest, Commit('b'));
  Result<int64_t> checkout = store_->StartPhase(job.id, "http-api", "checkout", -1, At(10));
  ASSERT_TRUE(checkout) << checkout.error().ToString();
  Result<int64_t> window = store_->StartPhase(job.id, "http-api", "window", 2, At(20));
  ASSERT_TRUE(window);
  ASSERT_TRUE(store_->StartPhase(other.id, "", "compare", -1, At(25)));
  Result<int64_t> compare = store_->StartPhase(job.id, "", "compare", -1, At(30));
  ASSERT_TRUE(compare);
  ASSERT_TRUE(store_->FinishPhase(*checkout, "", At(15)));
  ASSERT_TRUE(store_->FinishPhase(*window, "load command exited with 2", At(40)));

  Result<std::vector<PhaseRecord>> phases = store_->ListPhases(job.id);
  ASSERT_TRUE(phases) << phases.error().ToString();
  ASSERT_EQ(phases->size(), 3u);
  const PhaseRecord& first = (*phases)[0];
  EXPECT_EQ(first.id, *checkout);
  EXPECT_EQ(first.job_id, job.id);
  EXPECT_EQ(first.scenario, "http-api");
  EXPECT_EQ(first.phase, "checkout");
  EXPECT_EQ(first.repetition, -1);
  EXPECT_EQ(first.started_at, At(10));
  EXPECT_EQ(first.finished_at, At(15));
  EXPECT_EQ(first.error, "");
  EXPECT_EQ((*phases)[1].phase, "window");
  EXPECT_EQ((*phases)[1].repetition, 2);
  EXPECT_EQ((*phases)[1].error, "load command exited with 2");
  EXPECT_EQ((*phases)[2].id, *compare);
  EXPECT_EQ((*phases)[2].scenario, "");
  EXPECT_EQ((*phases)[2].finished_at, std::nullopt) << "still in progress";
}

TEST_F(PhaseLogTest, MistakesAreReported) {
  Job job = Create(JobKind::kTest, Commit('a'));
  EXPECT_EQ(store_->StartPhase(job.id + 1, "", "build", -1, At(1)).error().kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(store_->StartPhase(job.id, "", "", -1, At(1)).error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(store_->ListPhases(job.id + 1).error().kind, ErrorKind::kNotFound);
  Result<void> unknown = store_->FinishPhase(12345, "", At(2));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(unknown.error().what, "phase 12345 not found");

  Result<int64_t> phase = store_->StartPhase(job.id, "", "build", -1, At(1));
  ASSERT_TRUE(phase);
  ASSERT_TRUE(store_->FinishPhase(*phase, "", At(2)));
  Result<void> twice = store_->FinishPhase(*phase, "late error", At(3));
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().kind, ErrorKind::kFailedPrecondition);
  EXPECT_EQ(store_->ListPhases(job.id)->front().finished_at, At(2));
}

}  // namespace
}  // namespace perfgate::testing
