#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "analysis/comparison.h"

namespace perfgate {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Log-ratios of ten pairs, all positive, normal-looking (Jarque–Bera p = 0.82): the paired
// t-test decides. Reference values from Python's statistics module and Student's t through
// mpmath: mean 0.0304, se 0.0038128438, t = 7.9730515 on 9 df, p = 2.2739416e-5;
//   95%: 0.0304 +- 2.2621572 se -> [+2.2013548%, +3.9796740%];
//   90%: 0.0304 +- 1.8331129 se -> [+2.3686806%, +3.8097149%];
//   99.75%: 0.0304 +- 4.1457888 se -> [+1.4699749%, +4.7291435%].
const std::vector<double> kSlower = {0.031, 0.012, 0.044, 0.027, 0.018,
                                     0.039, 0.025, 0.051, 0.022, 0.035};
constexpr double kSlowerP = 2.273941581573096e-05;

// Nine log-ratios near 0.02 and one of 0.151: the screen fails (Jarque–Bera p = 2.2e-5) and
// the signed-rank test decides. Reference values by enumerating the 2^10 sign vectors and
// the 55 Walsh averages (independently of rank_distributions.cc): Hodges–Lehmann estimate
// 0.0215; exact two-sided p = 2 / 1024;
//   95%: k = 9, [W_(9), W_(47)] = [0.017, 0.083], coverage 0.951171875;
//   90%: k = 11, [W_(11), W_(45)] = [0.018, 0.027], coverage 0.916015625.
const std::vector<double> kSkewed = {0.021, 0.012, 0.024, 0.027, 0.018,
                                     0.019, 0.025, 0.151, 0.022, 0.015};

MetricConfig Metric(const std::string& name, Better better, Threshold threshold) {
  MetricConfig metric;
  metric.name = name;
  metric.unit = name == "throughput" ? "req/s" : "s";
  metric.better = better;
  metric.threshold = threshold;
  return metric;
}

std::vector<ScenarioConfig> Scenarios(Threshold latency = {true, 0.02},
                                      Threshold throughput = {false, 10}) {
  ScenarioConfig api;
  api.name = "http-api";
  api.metrics.push_back(Metric("latency_p99", Better::kLower, latency));
  api.metrics.push_back(Metric("throughput", Better::kHigher, throughput));
  ScenarioConfig batch;
  batch.name = "batch";
  batch.metrics.push_back(Metric("duration", Better::kLower, {true, 0.05}));
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
void Add(std::vector<Sample>& samples, const std::string& metric, const std::string& series,
         const std::vector<std::optional<double>>& values,
         const std::string& scenario = "http-api") {
  for (size_t i = 0; i < values.size(); ++i) {
    samples.push_back(MakeSample(scenario, metric, series, static_cast<int>(i), values[i]));
  }
}

// A base of different levels per pair, and a candidate whose log-ratios are `d`.
struct PairedSides {
  std::vector<Sample> base;
  std::vector<Sample> candidate;
};
PairedSides WithLogRatios(const std::string& metric, const std::string& series,
                          const std::vector<double>& d) {
  PairedSides sides;
  std::vector<std::optional<double>> base, candidate;
  for (size_t i = 0; i < d.size(); ++i) {
    double level = 100 + 3 * static_cast<double>(i % 4);
    base.push_back(level);
    candidate.push_back(level * std::exp(d[i]));
  }
  Add(sides.base, metric, series, base);
  Add(sides.candidate, metric, series, candidate);
  return sides;
}

std::vector<double> Negated(std::vector<double> d) {
  for (double& v : d) v = -v;
  return d;
}

AnalysisPolicy Level(double level) { return AnalysisPolicy{.level = level}; }

SeriesComparison Only(const Comparison& comparison) {
  EXPECT_EQ(comparison.series.size(), 1u);
  return comparison.series.at(0);
}

TEST(ComparePairedTest, RegressionIsDecidedOnTheDiscoveryInterval) {
  PairedSides sides = WithLogRatios("latency_p99", "{}", kSlower);
  Comparison comparison = ComparePaired(sides.base, sides.candidate, Scenarios(), Level(0.05));
  const SeriesComparison& s = Only(comparison);
  EXPECT_EQ(s.verdict, Verdict::kRegression);
  EXPECT_EQ(s.method, ComparisonMethod::kPaired);
  EXPECT_EQ(s.test, StatisticalTest::kPairedT);
  EXPECT_EQ(s.pairs, 10u);
  EXPECT_NEAR(s.estimate, std::expm1(0.0304), 1e-12);
  // One series selected of one tested: the false-coverage level is 1 - 0.05.
  EXPECT_NEAR(s.low, 0.022013548054044162, 1e-10);
  EXPECT_NEAR(s.high, 0.039796740155076726, 1e-10);
  EXPECT_DOUBLE_EQ(s.confidence, 0.95);
  EXPECT_NEAR(s.p_value, kSlowerP, 1e-13);
  EXPECT_NEAR(s.q_value, kSlowerP, 1e-13);
  EXPECT_DOUBLE_EQ(s.margin, 0.02);
  // At alpha 0.05 the significance alone needs (t_0.975 + t_0.8) se = 0.0119935 on 9 df;
  // an estimate beyond the margin with 80% power needs log(1.02) + t_0.8 se = 0.0231709
  // (t_0.8 = 0.8834039), which is larger.
  EXPECT_NEAR(s.detectable_effect, 0.02344143915339152, 1e-10);
  EXPECT_EQ(s.note, "");
}

TEST(ComparePairedTest, SignificantButWithinTheMarginIsUnchanged) {
  PairedSides sides = WithLogRatios("latency_p99", "{}", kSlower);
  Comparison comparison =
      ComparePaired(sides.base, sides.candidate, Scenarios({true, 0.04}), Level(0.05));
  const SeriesComparison& s = Only(comparison);
  // +3.1% is not beyond 4%; the 90% equivalence interval [+2.37%, +3.81%] lies inside.
  EXPECT_EQ(s.verdict, Verdict::kUnchanged);
  EXPECT_NEAR(s.low, 0.023686806426655178, 1e-10);
  EXPECT_NEAR(s.high, 0.03809714943030092, 1e-10);
  EXPECT_DOUBLE_EQ(s.confidence, 0.9);
}

TEST(ComparePairedTest, EstimateJustBeyondAndJustWithinTheMargin) {
  PairedSides sides = WithLogRatios("latency_p99", "{}", kSlower);
  double estimate = std::expm1(0.0304);
  EXPECT_EQ(Only(ComparePaired(sides.base, sides.candidate, Scenarios({true, estimate - 1e-9}),
                               Level(0.05)))
                .verdict,
            Verdict::kRegression);
  // Not beyond the margin, and the equivalence interval reaches past it (+3.81%).
  EXPECT_EQ(Only(ComparePaired(sides.base, sides.candidate, Scenarios({true, estimate + 1e-9}),
                               Level(0.05)))
                .verdict,
            Verdict::kInconclusive);
  // The equivalence interval's upper end just inside or just on the margin.
  double high = 0.03809714943030092;
  EXPECT_EQ(
      Only(ComparePaired(sides.base, sides.candidate, Scenarios({true, high + 1e-9}), Level(0.05)))
          .verdict,
      Verdict::kUnchanged);
  EXPECT_EQ(
      Only(ComparePaired(sides.base, sides.candidate, Scenarios({true, high - 1e-9}), Level(0.05)))
          .verdict,
      Verdict::kInconclusive);
}

TEST(ComparePairedTest, OutlyingPairsUseTheSignedRankTest) {
  PairedSides sides = WithLogRatios("latency_p99", "{}", kSkewed);
  const SeriesComparison& s =
      Only(ComparePaired(sides.base, sides.candidate, Scenarios(), Level(0.05)));
  EXPECT_EQ(s.test, StatisticalTest::kSignedRank);
  EXPECT_EQ(s.verdict, Verdict::kRegression);
  EXPECT_NEAR(s.estimate, std::expm1(0.0215), 1e-12);
  EXPECT_NEAR(s.low, std::expm1(0.017), 1e-12);
  EXPECT_NEAR(s.high, std::expm1(0.083), 1e-12);
  EXPECT_DOUBLE_EQ(s.confidence, 0.951171875);
  EXPECT_DOUBLE_EQ(s.p_value, 2.0 / 1024);
  // RobustScale(d) = 1.4826 * 0.0035; at alpha 0.05 the significance alone needs
  // log-ratio 0.0047045, and an estimate beyond the margin with 80% power needs
  // log(1.02) + 0.0047045 - 0.0032911 (the part of the formula that is z_0.8 * se).
  EXPECT_NEAR(s.detectable_effect, 0.021442547515589216, 1e-9);
}

TEST(ComparePairedTest, TooFewPairsForTheLevelSayWhatIsDetectable) {
  // Ten pairs cannot give a signed-rank p < 2 / 1024 = 0.00195, above a level of 0.001.
  PairedSides sides = WithLogRatios("latency_p99", "{}", kSkewed);
  const SeriesComparison& s =
      Only(ComparePaired(sides.base, sides.candidate, Scenarios(), Level(0.001)));
  EXPECT_EQ(s.verdict, Verdict::kInconclusive);
  EXPECT_EQ(s.detectable_effect, kInfinity);
  EXPECT_DOUBLE_EQ(s.confidence, 0.916015625);
  EXPECT_EQ(s.note,
            "10 pairs cannot reach p <= 0.001 (the level of one more changed series of 1): "
            "measure more");
}

TEST(ComparePairedTest, BenjaminiHochbergAcrossTheJobAndFalseCoverageInterval) {
  PairedSides slower = WithLogRatios("latency_p99", R"({endpoint="/a"})", kSlower);
  PairedSides flat =
      WithLogRatios("latency_p99", R"({endpoint="/b"})",
                    {0.01, -0.02, 0.005, -0.004, 0.012, -0.011, 0.003, -0.006, 0.008, -0.009});
  std::vector<Sample> base = slower.base, candidate = slower.candidate;
  base.insert(base.end(), flat.base.begin(), flat.base.end());
  candidate.insert(candidate.end(), flat.candidate.begin(), flat.candidate.end());
  Comparison comparison = ComparePaired(base, candidate, Scenarios(), Level(0.005));
  ASSERT_EQ(comparison.series.size(), 2u);
  const SeriesComparison& a = comparison.series[0];
  const SeriesComparison& b = comparison.series[1];
  // q = 2 p for the smaller of two p-values (the other is 0.7247); selected at 0.005, so
  // R = 1 of m = 2 and the interval is at 1 - 0.005 / 2.
  EXPECT_NEAR(a.q_value, 2 * kSlowerP, 1e-13);
  EXPECT_EQ(a.verdict, Verdict::kRegression);
  EXPECT_NEAR(a.low, 0.01469974886383826, 1e-10);
  EXPECT_NEAR(a.high, 0.04729143458526666, 1e-10);
  EXPECT_DOUBLE_EQ(a.confidence, 1 - 0.0025);
  // b: mean -0.0012, 90% interval [-0.7254%, +0.4854%] of logs, inside 2%.
  EXPECT_NEAR(b.p_value, 0.7247254490606243, 1e-10);
  EXPECT_GE(b.q_value, b.p_value);
  EXPECT_EQ(b.verdict, Verdict::kUnchanged);
}

TEST(ComparePairedTest, HigherIsBetterMetricsRegressDownwards) {
  PairedSides sides = WithLogRatios("throughput", "{}", Negated(kSlower));
  const SeriesComparison& s =
      Only(ComparePaired(sides.base, sides.candidate, Scenarios({}, {true, 0.02}), Level(0.05)));
  EXPECT_EQ(s.verdict, Verdict::kRegression);
  EXPECT_NEAR(s.estimate, std::expm1(-0.0304), 1e-12);
  PairedSides faster = WithLogRatios("latency_p99", "{}", Negated(kSlower));
  EXPECT_EQ(Only(ComparePaired(faster.base, faster.candidate, Scenarios(), Level(0.05))).verdict,
            Verdict::kImprovement);
}

TEST(ComparePairedTest, AbsoluteThresholdIsRelativeToTheBaseMedian) {
  std::vector<Sample> base, candidate;
  Add(base, "throughput", "{}", {100, 98, 102});
  Add(candidate, "throughput", "{}", {100, 98, 102});
  const SeriesComparison& s = Only(ComparePaired(base, candidate, Scenarios(), Level(0.05)));
  EXPECT_DOUBLE_EQ(s.margin, 0.1);  // 10 req/s of a median of 100
  EXPECT_EQ(s.unit, "req/s");
  EXPECT_EQ(s.better, Better::kHigher);
}

TEST(ComparePairedTest, OnePairHasNoFiniteInterval) {
  std::vector<Sample> base, candidate;
  Add(base, "latency_p99", "{}", {1.0});
  Add(candidate, "latency_p99", "{}", {1.01});
  const SeriesComparison& s = Only(ComparePaired(base, candidate, Scenarios(), Level(0.05)));
  EXPECT_EQ(s.verdict, Verdict::kInconclusive);
  EXPECT_EQ(s.test, StatisticalTest::kSignedRank);
  EXPECT_EQ(s.pairs, 1u);
  EXPECT_NEAR(s.estimate, 0.01, 1e-12);
  EXPECT_EQ(s.low, -1);
  EXPECT_EQ(s.high, kInfinity);
  EXPECT_EQ(s.p_value, 1);
  EXPECT_EQ(s.detectable_effect, kInfinity);
}

TEST(ComparePairedTest, TwoPairsDecideNothing) {
  // Equal ratios of two pairs are no sure shift: the signed-rank test decides, and its p
  // cannot go below 2 / 2^2.
  std::vector<Sample> base, candidate;
  Add(base, "latency_p99", "{}", {4.0, 8.0});
  Add(candidate, "latency_p99", "{}", {5.0, 10.0});
  const SeriesComparison& s = Only(ComparePaired(base, candidate, Scenarios(), Level(0.05)));
  EXPECT_EQ(s.test, StatisticalTest::kSignedRank);
  EXPECT_EQ(s.verdict, Verdict::kInconclusive);
  EXPECT_GE(s.p_value, 0.25);
  EXPECT_EQ(s.detectable_effect, kInfinity);
}

TEST(ComparePairedTest, EqualRatiosOfThreePairsAreASureShift) {
  // 5/4 = 10/8 = 2.5/2 exactly: no spread, p = 0 and the interval is the point +25%.
  std::vector<Sample> base, candidate;
  Add(base, "latency_p99", "{}", {4.0, 8.0, 2.0});
  Add(candidate, "latency_p99", "{}", {5.0, 10.0, 2.5});
  const SeriesComparison& s = Only(ComparePaired(base, candidate, Scenarios(), Level(0.05)));
  EXPECT_EQ(s.test, StatisticalTest::kPairedT);
  EXPECT_EQ(s.verdict, Verdict::kRegression);
  EXPECT_EQ(s.p_value, 0);
  EXPECT_NEAR(s.estimate, 0.25, 1e-15);
  EXPECT_NEAR(s.low, 0.25, 1e-15);
  EXPECT_NEAR(s.high, 0.25, 1e-15);
  // No noise: the margin alone limits what is detectable.
  EXPECT_NEAR(s.detectable_effect, 0.02, 1e-15);
}

TEST(ComparePairedTest, IdenticalSamplesAreUnchanged) {
  std::vector<Sample> base, candidate;
  Add(base, "latency_p99", "{}", {1.5, 1.2, 1.3, 1.4, 1.1});
  Add(candidate, "latency_p99", "{}", {1.5, 1.2, 1.3, 1.4, 1.1});
  const SeriesComparison& s = Only(ComparePaired(base, candidate, Scenarios(), Level(0.05)));
  EXPECT_EQ(s.test, StatisticalTest::kPairedT);  // five equal log-ratios of 0
  EXPECT_EQ(s.verdict, Verdict::kUnchanged);
  EXPECT_EQ(s.estimate, 0);
  EXPECT_EQ(s.low, 0);
  EXPECT_EQ(s.high, 0);
  EXPECT_EQ(s.p_value, 1);
}

TEST(ComparePairedTest, AllZeroIsUnchangedAndAZeroPairIsLeftOut) {
  std::vector<Sample> base, candidate;
  Add(base, "duration", "{}", {0.0, 0.0, 0.0}, "batch");
  Add(candidate, "duration", "{}", {0.0, 0.0, 0.0}, "batch");
  Add(base, "latency_p99", "{}", {1.0, 0.0, 1.0, 1.0, 1.0, 1.0});
  Add(candidate, "latency_p99", "{}", {1.0, 1.0, 1.0, 1.0, 1.0, 1.0});
  Comparison comparison = ComparePaired(base, candidate, Scenarios(), Level(0.05));
  ASSERT_EQ(comparison.series.size(), 2u);
  EXPECT_EQ(comparison.series[0].verdict, Verdict::kUnchanged);
  EXPECT_EQ(comparison.series[0].note, "every value is 0 on both sides");
  EXPECT_EQ(comparison.series[0].estimate, 0);
  EXPECT_EQ(comparison.series[1].pairs, 5u);
  EXPECT_EQ(comparison.series[1].note, "1 pair(s) left out: a side missing or <= 0");
  EXPECT_EQ(comparison.series[1].verdict, Verdict::kUnchanged);
}

TEST(ComparePairedTest, ValuesThatCannotBeLoggedAreInconclusive) {
  std::vector<Sample> base, candidate;
  Add(base, "latency_p99", "{}", {0.0, 0.0});
  Add(candidate, "latency_p99", "{}", {1.0, 2.0});
  const SeriesComparison& s = Only(ComparePaired(base, candidate, Scenarios(), Level(0.05)));
  EXPECT_EQ(s.verdict, Verdict::kInconclusive);
  EXPECT_EQ(s.note, "relative changes need values > 0 on both sides");
  EXPECT_EQ(s.test, StatisticalTest::kNone);
  EXPECT_TRUE(std::isnan(s.p_value));
}

TEST(ComparePairedTest, MissingSamplesBreakTheirPairOnly) {
  std::vector<Sample> base, candidate;
  Add(base, "latency_p99", "{}", {1.0, std::nullopt, 1.0});
  candidate.push_back(MakeSample("http-api", "latency_p99", "{}", 2, 1.0));
  candidate.push_back(MakeSample("http-api", "latency_p99", "{}", 1, 1.0));
  candidate.push_back(MakeSample("http-api", "latency_p99", "{}", 0, 1.0));
  const SeriesComparison& s = Only(ComparePaired(base, candidate, Scenarios(), Level(0.05)));
  EXPECT_EQ(s.pairs, 2u);
  EXPECT_THAT(s.base_values, ::testing::ElementsAre(1.0, 1.0));
  EXPECT_THAT(s.candidate_values, ::testing::ElementsAre(1.0, 1.0, 1.0));  // by repetition
}

TEST(ComparePairedTest, MissingSides) {
  std::vector<Sample> base, candidate;
  Add(base, "latency_p99", R"({endpoint="/old"})", {1, 2, 3});
  Add(candidate, "latency_p99", R"({endpoint="/new"})", {1, 2, 3});
  Add(base, "latency_p99", R"({endpoint="/nan"})", {std::nullopt, std::nullopt});
  Add(candidate, "latency_p99", R"({endpoint="/nan"})", {1, 2});
  base.push_back(MakeSample("http-api", "throughput", "{}", 0, 100));
  candidate.push_back(MakeSample("http-api", "throughput", "{}", 1, 100));
  Comparison comparison = ComparePaired(base, candidate, Scenarios(), Level(0.05));
  ASSERT_EQ(comparison.series.size(), 4u);
  EXPECT_EQ(comparison.Count(Verdict::kMissing), 4u);
  EXPECT_EQ(comparison.series[0].note, "the base has no value for this series");       // /nan
  EXPECT_EQ(comparison.series[1].note, "the base has no value for this series");       // /new
  EXPECT_EQ(comparison.series[2].note, "the candidate has no value for this series");  // /old
  EXPECT_EQ(comparison.series[3].note, "no repetition has a value on both sides");
  EXPECT_TRUE(std::isnan(comparison.series[0].q_value));
}

TEST(CompareTest, GroupsBySeriesSortsAndIgnoresWhatTheConfigDropped) {
  std::vector<Sample> base, candidate;
  for (auto* side : {&base, &candidate}) {
    Add(*side, "throughput", "{}", {100, 101, 102});
    Add(*side, "latency_p99", R"({endpoint="/b"})", {1, 2, 3});
    Add(*side, "latency_p99", R"({endpoint="/a"})", {1, 2, 3});
    Add(*side, "removed_metric", "{}", {1, 2, 3});
    Add(*side, "duration", "{}", {5, 6, 7}, "batch");
    Add(*side, "latency_p99", "{}", {1, 2, 3}, "gone");
  }
  for (const Comparison& comparison : {ComparePaired(base, candidate, Scenarios(), {}),
                                       CompareUnpaired(base, candidate, Scenarios(), {})}) {
    std::vector<std::string> order;
    for (const SeriesComparison& s : comparison.series) {
      order.push_back(s.scenario + " " + s.metric + " " + s.series);
    }
    EXPECT_THAT(order, ::testing::ElementsAre(
                           "batch duration {}", R"(http-api latency_p99 {endpoint="/a"})",
                           R"(http-api latency_p99 {endpoint="/b"})", "http-api throughput {}"));
  }
  EXPECT_TRUE(ComparePaired({}, {}, Scenarios(), {}).series.empty());
}

// Sides whose logs are evenly spaced: they pass the normality screen, so Welch applies.
std::vector<std::optional<double>> ExpOf(std::vector<double> logs) {
  std::vector<std::optional<double>> values;
  for (double v : logs) values.push_back(std::exp(v));
  return values;
}

TEST(CompareUnpairedTest, WelchOnLogsWithTheTInterval) {
  // Logs .1 .. .5 vs 1.1 .. 1.5: difference 1, standard error 0.1, df 8, p < 1e-5.
  // Selected alone at 0.05: the interval is 1 +- t(0.975, 8) * 0.1, t = 2.306004 (tables).
  std::vector<Sample> base, candidate;
  Add(base, "latency_p99", "{}", ExpOf({0.1, 0.2, 0.3, 0.4, 0.5}));
  Add(candidate, "latency_p99", "{}", ExpOf({1.1, 1.2, 1.3, 1.4, 1.5}));
  const SeriesComparison& s = Only(CompareUnpaired(base, candidate, Scenarios(), Level(0.05)));
  EXPECT_EQ(s.method, ComparisonMethod::kUnpaired);
  EXPECT_EQ(s.test, StatisticalTest::kWelch);
  EXPECT_EQ(s.pairs, 0u);
  EXPECT_EQ(s.verdict, Verdict::kRegression);
  EXPECT_NEAR(s.estimate, std::expm1(1.0), 1e-12);
  EXPECT_NEAR(std::log1p(s.low), 1 - 0.2306004, 1e-7);
  EXPECT_NEAR(std::log1p(s.high), 1 + 0.2306004, 1e-7);
  EXPECT_DOUBLE_EQ(s.confidence, 0.95);
  EXPECT_LT(s.p_value, 1e-5);
  // (t_0.975 + t_0.8) * 0.1 on 8 df = (2.3060041 + 0.8888895) * 0.1 (mpmath), beyond the
  // margin's log(1.02) + t_0.8 * 0.1.
  EXPECT_NEAR(s.detectable_effect, 0.37642473462014686, 1e-9);
}

TEST(CompareUnpairedTest, WithoutNormalityTheRankIntervalDecides) {
  // An outlier fails the screen (Jarque–Bera p = 1.2e-5): the exact Mann–Whitney p of 10
  // vs 5 separated values is 2 / C(15, 5), and the exact 95% interval is bounded.
  std::vector<Sample> base, candidate;
  Add(base, "latency_p99", "{}", ExpOf({0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 5}));
  Add(candidate, "latency_p99", "{}", ExpOf({6.1, 6.2, 6.3, 6.4, 6.5}));
  const SeriesComparison& s = Only(CompareUnpaired(base, candidate, Scenarios(), Level(0.05)));
  EXPECT_EQ(s.test, StatisticalTest::kMannWhitney);
  EXPECT_NEAR(s.p_value, 2.0 / 3003, 1e-12);
  EXPECT_EQ(s.verdict, Verdict::kRegression);
  EXPECT_GE(s.confidence, 0.95);
}

TEST(CompareUnpairedTest, EqualSidesAreUnchanged) {
  std::vector<Sample> base, candidate;
  Add(base, "latency_p99", "{}", {1.0, 1.01, 0.99, 1.0, 1.02});
  Add(candidate, "latency_p99", "{}", {1.0, 1.01, 0.99, 1.0, 1.02});
  const SeriesComparison& s = Only(CompareUnpaired(base, candidate, Scenarios(), Level(0.05)));
  EXPECT_EQ(s.verdict, Verdict::kUnchanged);
  EXPECT_NEAR(s.estimate, 0, 1e-15);
}

}  // namespace
}  // namespace perfgate
