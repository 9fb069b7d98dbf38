#include "web/sample_summary.h"

#include <gtest/gtest.h>

#include <cmath>

namespace perfgate {
namespace {

Sample At(const char* scenario, const char* metric, const char* series,
          std::optional<double> value) {
  Sample sample;
  sample.scenario = scenario;
  sample.metric = metric;
  sample.series = series;
  sample.value = value;
  return sample;
}

TEST(SummarizeSamplesTest, MedianPerSeriesSortedAndMissingCountedApart) {
  std::vector<Sample> samples = {At("s", "latency", "{endpoint=\"/b\"}", 3.0),
                                 At("s", "latency", "{endpoint=\"/a\"}", 1.0),
                                 At("s", "latency", "{endpoint=\"/a\"}", 5.0),
                                 At("s", "latency", "{endpoint=\"/a\"}", 2.0),
                                 At("s", "latency", "{endpoint=\"/a\"}", std::nullopt),
                                 At("a", "rps", "{}", 100.0)};
  auto summaries = SummarizeSamples(samples, "abc");
  ASSERT_EQ(summaries.size(), 3u);
  EXPECT_EQ(summaries[0].scenario, "a");
  EXPECT_EQ(summaries[1].series, "{endpoint=\"/a\"}");
  EXPECT_EQ(summaries[1].median, 2.0);
  EXPECT_EQ(summaries[1].sample_count, 3);
  EXPECT_EQ(summaries[1].missing_count, 1);
  EXPECT_EQ(summaries[1].min, 1.0);
  EXPECT_EQ(summaries[1].max, 5.0);
  EXPECT_EQ(summaries[1].commit, "abc");
  EXPECT_EQ(summaries[2].median, 3.0);
}

TEST(SummarizeSamplesTest, ASeriesWithoutValuesHasANullMedian) {
  std::vector<Sample> samples = {At("s", "m", "{}", std::nullopt)};
  auto summaries = SummarizeSamples(samples, "abc");
  ASSERT_EQ(summaries.size(), 1u);
  EXPECT_TRUE(std::isnan(summaries[0].median));
  Json json = SeriesSummaryToJson(summaries[0]);
  EXPECT_TRUE(json["median"].is_null());
  EXPECT_TRUE(json["min"].is_null());
  EXPECT_TRUE(json["max"].is_null());
  EXPECT_EQ(json["missing"], 1);
  EXPECT_EQ(json["samples"], 0);
}

}  // namespace
}  // namespace perfgate
