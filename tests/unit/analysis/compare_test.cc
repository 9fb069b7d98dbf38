#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "analysis/comparison.h"

namespace perfgate {
namespace {

MetricConfig Metric(const std::string& name, const std::string& unit, Better better,
                    Threshold threshold = {}) {
  MetricConfig metric;
  metric.name = name;
  metric.unit = unit;
  metric.better = better;
  metric.threshold = threshold;
  return metric;
}

std::vector<ScenarioConfig> Scenarios() {
  ScenarioConfig api;
  api.name = "http-api";
  api.metrics.push_back(Metric("latency_p99", "s", Better::kLower));
  api.metrics.push_back(Metric("throughput", "req/s", Better::kHigher, {false, 10}));
  ScenarioConfig batch;
  batch.name = "batch";
  batch.metrics.push_back(Metric("duration", "s", Better::kLower));
  return {api, batch};
}

Sample MakeSample(const std::string& scenario, const std::string& metric, const std::string& series,
                  int repetition, std::optional<double> value) {
  Sample sample;
  sample.scenario = scenario;
  sample.metric = metric;
  sample.series = series;
  sample.repetition = repetition;
  sample.value = value;
  return sample;
}

// One sample per value, repetitions 0, 1, ...
void Add(std::vector<Sample>& samples, const std::string& scenario, const std::string& metric,
         const std::string& series, const std::vector<std::optional<double>>& values) {
  for (size_t i = 0; i < values.size(); ++i) {
    samples.push_back(MakeSample(scenario, metric, series, static_cast<int>(i), values[i]));
  }
}

const SeriesComparison* Find(const Comparison& comparison, const std::string& metric,
                             const std::string& series) {
  for (const SeriesComparison& s : comparison.series) {
    if (s.metric == metric && s.series == series) return &s;
  }
  return nullptr;
}

TEST(CompareTest, GroupsBySeriesAndSortsByScenarioMetricSeries) {
  std::vector<Sample> base, candidate;
  for (auto* side : {&base, &candidate}) {
    Add(*side, "http-api", "throughput", "{}", {100, 101, 102});
    Add(*side, "http-api", "latency_p99", R"({endpoint="/b"})", {1, 2, 3});
    Add(*side, "http-api", "latency_p99", R"({endpoint="/a"})", {1, 2, 3});
    Add(*side, "batch", "duration", "{}", {5, 6, 7});
  }
  Comparison comparison = Compare(base, candidate, Scenarios());
  std::vector<std::string> order;
  for (const SeriesComparison& s : comparison.series) {
    order.push_back(s.scenario + " " + s.metric + " " + s.series);
  }
  EXPECT_THAT(order, ::testing::ElementsAre(
                         "batch duration {}", R"(http-api latency_p99 {endpoint="/a"})",
                         R"(http-api latency_p99 {endpoint="/b"})", "http-api throughput {}"));
}

TEST(CompareTest, FillsUnitAndBetterFromConfig) {
  std::vector<Sample> base, candidate;
  Add(base, "http-api", "throughput", "{}", {100, 101, 102, 103, 104});
  Add(candidate, "http-api", "throughput", "{}", {80, 81, 82, 83, 84});
  Comparison comparison = Compare(base, candidate, Scenarios());
  ASSERT_EQ(comparison.series.size(), 1u);
  const SeriesComparison& s = comparison.series[0];
  EXPECT_EQ(s.unit, "req/s");
  EXPECT_EQ(s.better, Better::kHigher);
  EXPECT_EQ(s.verdict, Verdict::kRegression);  // -20 req/s, beyond the absolute 10
}

TEST(CompareTest, UsesThePolicyOfTheMetric) {
  std::vector<Sample> base, candidate;
  Add(base, "http-api", "throughput", "{}", {100, 101, 102, 103, 104});
  Add(candidate, "http-api", "throughput", "{}", {95, 96, 97, 98, 99});  // -5: within 10
  EXPECT_EQ(Compare(base, candidate, Scenarios()).series.at(0).verdict, Verdict::kUnchanged);
}

TEST(CompareTest, IgnoresMetricsAndScenariosNotInConfig) {
  std::vector<Sample> base, candidate;
  for (auto* side : {&base, &candidate}) {
    Add(*side, "http-api", "removed_metric", "{}", {1, 2, 3});
    Add(*side, "gone", "latency_p99", "{}", {1, 2, 3});
    Add(*side, "batch", "duration", "{}", {5, 6, 7});
  }
  Comparison comparison = Compare(base, candidate, Scenarios());
  ASSERT_EQ(comparison.series.size(), 1u);
  EXPECT_EQ(comparison.series[0].metric, "duration");
}

TEST(CompareTest, SeriesOnOneSideOnlyIsMissing) {
  std::vector<Sample> base, candidate;
  Add(base, "http-api", "latency_p99", R"({endpoint="/old"})", {1, 2, 3});
  Add(candidate, "http-api", "latency_p99", R"({endpoint="/new"})", {1, 2, 3});
  Comparison comparison = Compare(base, candidate, Scenarios());
  ASSERT_EQ(comparison.series.size(), 2u);
  const SeriesComparison* added = Find(comparison, "latency_p99", R"({endpoint="/new"})");
  const SeriesComparison* removed = Find(comparison, "latency_p99", R"({endpoint="/old"})");
  ASSERT_NE(added, nullptr);
  ASSERT_NE(removed, nullptr);
  EXPECT_EQ(added->verdict, Verdict::kMissing);
  EXPECT_EQ(added->note, "the base has no value for this series");
  EXPECT_EQ(removed->verdict, Verdict::kMissing);
  EXPECT_EQ(removed->note, "the candidate has no value for this series");
  EXPECT_EQ(comparison.Count(Verdict::kMissing), 2u);
}

TEST(CompareTest, DropsMissingSamplesAndKeepsRepetitionOrder) {
  std::vector<Sample> base, candidate;
  Add(base, "batch", "duration", "{}", {5, std::nullopt, 7, 6});
  candidate.push_back(MakeSample("batch", "duration", "{}", 1, 8));
  candidate.push_back(MakeSample("batch", "duration", "{}", 0, 9));
  Comparison comparison = Compare(base, candidate, Scenarios());
  ASSERT_EQ(comparison.series.size(), 1u);
  EXPECT_THAT(comparison.series[0].base_values, ::testing::ElementsAre(5, 7, 6));
  EXPECT_THAT(comparison.series[0].candidate_values, ::testing::ElementsAre(9, 8));
}

TEST(CompareTest, SeriesWithEveryValueMissingIsMissing) {
  std::vector<Sample> base, candidate;
  Add(base, "batch", "duration", "{}", {5, 6, 7});
  Add(candidate, "batch", "duration", "{}", {std::nullopt, std::nullopt});
  Comparison comparison = Compare(base, candidate, Scenarios());
  ASSERT_EQ(comparison.series.size(), 1u);
  EXPECT_EQ(comparison.series[0].verdict, Verdict::kMissing);
  EXPECT_TRUE(comparison.series[0].candidate_values.empty());
}

TEST(CompareTest, NothingToCompareIsEmpty) {
  EXPECT_TRUE(Compare({}, {}, Scenarios()).series.empty());
}

}  // namespace
}  // namespace perfgate
