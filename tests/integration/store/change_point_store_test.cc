#include <cmath>

#include "store_fixture.h"

namespace perfgate::testing {
namespace {

using ChangePointStoreTest = StoreTest;

ChangePointRecord Record(JobId job, const std::string& series) {
  return ChangePointRecord{.scenario = "http-api",
                           .metric = "latency",
                           .series = series,
                           .job_id = job,
                           .commit = Commit('b'),
                           .mean_before = 1.0,
                           .mean_after = 1.25,
                           .change = 0.25,
                           .p_value = 0.001,
                           .detected_by = job,
                           .detected_at = At(900)};
}

TEST_F(ChangePointStoreTest, EachChangePointIsRecordedOnce) {
  Job job = FinishedJob(JobKind::kBaseline, Commit('b'), JobState::kSucceeded, At(400));

  Result<bool> first = store_->RecordChangePoint(Record(job.id, "{endpoint=\"/a\"}"));
  Result<bool> again = store_->RecordChangePoint(Record(job.id, "{endpoint=\"/a\"}"));
  Result<bool> other_series = store_->RecordChangePoint(Record(job.id, "{endpoint=\"/b\"}"));

  ASSERT_TRUE(first) << first.error().ToString();
  EXPECT_TRUE(*first);
  ASSERT_TRUE(again) << again.error().ToString();
  EXPECT_FALSE(*again);
  ASSERT_TRUE(other_series);
  EXPECT_TRUE(*other_series);
  auto all = store_->ListChangePoints("http-api", "latency", "");
  ASSERT_TRUE(all) << all.error().ToString();
  EXPECT_EQ(all->size(), 2u);
  auto one = store_->ListChangePoints("http-api", "latency", "{endpoint=\"/b\"}");
  ASSERT_TRUE(one && one->size() == 1u);
  const ChangePointRecord& read = one->front();
  EXPECT_EQ(read.job_id, job.id);
  EXPECT_EQ(read.commit, Commit('b'));
  EXPECT_EQ(read.mean_before, 1.0);
  EXPECT_EQ(read.mean_after, 1.25);
  EXPECT_EQ(read.change, 0.25);
  EXPECT_EQ(read.p_value, 0.001);
  EXPECT_EQ(read.detected_by, job.id);
  EXPECT_EQ(read.detected_at, At(900));
  EXPECT_TRUE(store_->ListChangePoints("http-api", "throughput", "")->empty());
}

TEST_F(ChangePointStoreTest, AnUndefinedChangeIsKeptAsNaN) {
  Job job = FinishedJob(JobKind::kBaseline, Commit('b'), JobState::kSucceeded, At(400));
  ChangePointRecord record = Record(job.id, "{}");
  record.change = std::nan("");
  ASSERT_TRUE(store_->RecordChangePoint(record));
  auto read = store_->ListChangePoints("http-api", "latency", "{}");
  ASSERT_TRUE(read && read->size() == 1u);
  EXPECT_TRUE(std::isnan(read->front().change));
}

TEST_F(ChangePointStoreTest, AChangePointOfAnUnknownJobIsNotFound) {
  Result<bool> recorded = store_->RecordChangePoint(Record(42, "{}"));
  ASSERT_FALSE(recorded);
  EXPECT_EQ(recorded.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace perfgate::testing
