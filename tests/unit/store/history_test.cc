#include "store/history.h"

#include <gtest/gtest.h>

namespace perfgate {
namespace {

HistoryValue Value(JobId job, std::string series, double value) {
  return HistoryValue{.job_id = job,
                      .commit = "c" + std::to_string(job),
                      .finished_at = TimePoint(std::chrono::seconds(job)),
                      .series = std::move(series),
                      .value = value};
}

TEST(SummarizeHistoryTest, OnePointPerJobAndSeriesInInputOrder) {
  std::vector<HistoryValue> values = {
      Value(2, "{a}", 3),  Value(2, "{a}", 1), Value(2, "{a}", 2),  // odd count
      Value(2, "{b}", 10), Value(1, "{a}", 4), Value(1, "{a}", 1),
      Value(1, "{a}", 3),  Value(1, "{a}", 2),  // even
  };
  std::vector<HistoryPoint> points = SummarizeHistory(values);
  ASSERT_EQ(points.size(), 3u);

  EXPECT_EQ(points[0].job_id, 2);
  EXPECT_EQ(points[0].commit, "c2");
  EXPECT_EQ(points[0].finished_at, TimePoint(std::chrono::seconds(2)));
  EXPECT_EQ(points[0].series, "{a}");
  EXPECT_EQ(points[0].median, 2);
  EXPECT_EQ(points[0].sample_count, 3);

  EXPECT_EQ(points[1].series, "{b}");
  EXPECT_EQ(points[1].median, 10);
  EXPECT_EQ(points[1].sample_count, 1);

  EXPECT_EQ(points[2].job_id, 1);
  EXPECT_EQ(points[2].median, 2.5);  // mean of the two middle values
  EXPECT_EQ(points[2].sample_count, 4);
}

TEST(SummarizeHistoryTest, NoValuesNoPoints) { EXPECT_TRUE(SummarizeHistory({}).empty()); }

}  // namespace
}  // namespace perfgate
