#include "analysis/change_point.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

namespace perfgate {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<double> Levels(std::initializer_list<std::pair<double, int>> runs) {
  std::vector<double> series;
  for (auto [level, count] : runs) series.insert(series.end(), count, level);
  return series;
}

// Normal noise around `level`, from a fixed seed: the same series on every run.
std::vector<double> Noisy(std::vector<double> series, double sd, unsigned seed) {
  std::mt19937 generator(seed);
  std::normal_distribution<double> noise(0, sd);
  for (double& v : series) v += noise(generator);
  return series;
}

std::vector<ChangePoint> Find(const std::vector<double>& series,
                              const ChangePointOptions& options = {}) {
  Result<std::vector<ChangePoint>> points = FindChangePoints(series, options);
  EXPECT_TRUE(points.has_value()) << points.error().ToString();
  return points.value_or(std::vector<ChangePoint>{});
}

TEST(FindChangePointsTest, CleanStepAtTheExactIndex) {
  std::vector<ChangePoint> points = Find(Levels({{10, 10}, {20, 10}}));
  ASSERT_EQ(points.size(), 1);
  EXPECT_EQ(points[0].index, 10);
  EXPECT_EQ(points[0].mean_before, 10);
  EXPECT_EQ(points[0].mean_after, 20);
  EXPECT_EQ(points[0].change, 1);
  EXPECT_EQ(points[0].p_value, 0);
}

TEST(FindChangePointsTest, TwoStepsAreBothFound) {
  std::vector<ChangePoint> points = Find(Levels({{10, 8}, {20, 8}, {15, 8}}));
  ASSERT_EQ(points.size(), 2);
  EXPECT_EQ(points[0].index, 8);
  EXPECT_EQ(points[0].mean_before, 10);
  EXPECT_EQ(points[0].mean_after, 20);
  EXPECT_EQ(points[1].index, 16);
  EXPECT_EQ(points[1].mean_before, 20);
  EXPECT_EQ(points[1].mean_after, 15);
  EXPECT_EQ(points[1].change, -0.25);
}

TEST(FindChangePointsTest, NoisyStepAtTheRightIndex) {
  std::vector<ChangePoint> points = Find(Noisy(Levels({{100, 25}, {110, 25}}), 1, 7));
  ASSERT_EQ(points.size(), 1);
  EXPECT_EQ(points[0].index, 25);
  EXPECT_NEAR(points[0].change, 0.1, 0.01);
  EXPECT_LT(points[0].p_value, 1e-6);
}

TEST(FindChangePointsTest, ConstantSeriesHasNone) {
  EXPECT_TRUE(Find(Levels({{42, 30}})).empty());
  EXPECT_TRUE(Find(std::vector<double>(30, 0.1)).empty());
}

TEST(FindChangePointsTest, NoiseHasNone) {
  for (unsigned seed : {1u, 2u, 3u}) {
    EXPECT_TRUE(Find(Noisy(Levels({{100, 100}}), 2, seed)).empty()) << seed;
  }
}

TEST(FindChangePointsTest, ASingleOutlierIsNeverAChangePoint) {
  for (size_t position = 0; position < 20; ++position) {
    std::vector<double> clean = Levels({{10, 20}});
    clean[position] = 1000;
    EXPECT_TRUE(Find(clean).empty()) << "clean, outlier at " << position;
    std::vector<double> noisy = Noisy(Levels({{10, 20}}), 0.1, 11);
    noisy[position] = 1000;
    EXPECT_TRUE(Find(noisy).empty()) << "noisy, outlier at " << position;
  }
}

TEST(FindChangePointsTest, MissingValuesKeepOriginalIndices) {
  // Present values: 10 x5, then 20 x4; the step is at position 6 of the series.
  std::vector<double> series = {10, 10, kNaN, 10, 10, 10, 20, 20, kNaN, 20, 20};
  std::vector<ChangePoint> points = Find(series);
  ASSERT_EQ(points.size(), 1);
  EXPECT_EQ(points[0].index, 6);
  EXPECT_EQ(points[0].mean_after, 20);
}

TEST(FindChangePointsTest, ShortSeriesHaveNone) {
  EXPECT_TRUE(Find({}).empty());
  EXPECT_TRUE(Find({1}).empty());
  EXPECT_TRUE(Find(Levels({{10, 3}, {20, 2}})).empty());  // 5 < 2 * min_segment
}

TEST(FindChangePointsTest, MinSegmentBoundsWhereAStepCanBeSeen) {
  std::vector<double> late_step = Levels({{10, 12}, {20, 3}});
  EXPECT_EQ(Find(late_step).size(), 1);
  EXPECT_TRUE(Find(late_step, {.min_segment = 4}).empty());
}

TEST(FindChangePointsTest, ZeroMeanBeforeGivesNaNChange) {
  std::vector<ChangePoint> points = Find(Levels({{0, 6}, {5, 6}}));
  ASSERT_EQ(points.size(), 1);
  EXPECT_TRUE(std::isnan(points[0].change));
}

TEST(FindChangePointsTest, RejectsBadOptions) {
  std::vector<double> series = Levels({{1, 10}});
  EXPECT_EQ(FindChangePoints(series, {.min_segment = 1}).error().kind, ErrorKind::kInvalidInput);
  EXPECT_FALSE(FindChangePoints(series, {.alpha = 0}).has_value());
  EXPECT_FALSE(FindChangePoints(series, {.alpha = 1}).has_value());
}

}  // namespace
}  // namespace perfgate
