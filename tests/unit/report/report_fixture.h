// A small comparison with one series of every verdict, and golden-file checks for the
// renderers' output.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include "store/store.h"
#include "support/temp_dir.h"

namespace perfgate::testing {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

inline constexpr double kInfinity = std::numeric_limits<double>::infinity();

// What the analysis found for a series: estimate, interval, p and q, detectable effect, and
// the test behind them.
struct Found {
  size_t pairs = 5;
  double estimate = kNaN;
  double low = kNaN;
  double high = kNaN;
  double confidence = kNaN;
  double p_value = kNaN;
  double q_value = kNaN;
  double detectable_effect = kNaN;
  StatisticalTest test = StatisticalTest::kSignedRank;
};

// One paired series of the http-api scenario with every field given.
inline SeriesComparison MakeSeries(const std::string& metric, const std::string& series,
                                   const std::string& unit, Better better, std::vector<double> base,
                                   std::vector<double> candidate, double base_median,
                                   double candidate_median, const Found& found, Verdict verdict,
                                   const std::string& note = {}) {
  SeriesComparison s;
  s.scenario = "http-api";
  s.metric = metric;
  s.series = series;
  s.unit = unit;
  s.better = better;
  s.method = ComparisonMethod::kPaired;
  s.test = found.test;
  s.base_values = std::move(base);
  s.candidate_values = std::move(candidate);
  s.base_median = base_median;
  s.candidate_median = candidate_median;
  s.pairs = found.pairs;
  s.estimate = found.estimate;
  s.low = found.low;
  s.high = found.high;
  s.confidence = found.confidence;
  s.p_value = found.p_value;
  s.q_value = found.q_value;
  s.margin = 0.05;
  s.detectable_effect = found.detectable_effect;
  s.verdict = verdict;
  s.note = note;
  return s;
}

// Jobs 11 (base) and 12 (candidate), created 2024-05-01T12:00:00Z.
inline StoredComparison MakeStored(std::vector<SeriesComparison> series) {
  StoredComparison stored;
  stored.base_job = 11;
  stored.candidate_job = 12;
  stored.base_commit = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432";
  stored.candidate_commit = "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b";
  stored.created_at = FromUnixSeconds(1714564800);
  stored.comparison.series = std::move(series);
  return stored;
}

// One series of every verdict, measured interleaved.
inline StoredComparison SmallComparison() {
  // In the comparison's own order (scenario, metric, series), not in report order.
  StoredComparison stored = MakeStored({
      MakeSeries("error_ratio", "{}", "ratio", Better::kLower, {0.012, 0.0123, 0.0125},
                 {0.013, 0.0131, 0.0128}, 0.0123, 0.013,
                 {.pairs = 3,
                  .estimate = 0.0569,
                  .low = -1,
                  .high = kInfinity,
                  .confidence = 1,
                  .p_value = 0.25,
                  .q_value = 0.3125,
                  .detectable_effect = kInfinity},
                 Verdict::kInconclusive),
      MakeSeries("latency_p99", R"({endpoint="/acme/new-order"})", "s", Better::kLower,
                 {0.00121, 0.00123, 0.00125}, {0.0025, 0.0026, 0.0024}, 0.00123, 0.0025,
                 {.estimate = 1.0325,
                  .low = 0.95,
                  .high = 1.11,
                  .confidence = 0.9375,
                  .p_value = 0.0625,
                  .q_value = 0.003,
                  .detectable_effect = 0.081},
                 Verdict::kRegression),
      MakeSeries("latency_p99", R"({endpoint="/health"})", "s", Better::kLower,
                 {0.000512, 0.00051, 0.000514}, {0.000515, 0.000517, 0.000513}, 0.000512, 0.000515,
                 {.estimate = 0.0059,
                  .low = -0.004,
                  .high = 0.011,
                  .confidence = 0.9375,
                  .p_value = 0.4,
                  .q_value = 0.4,
                  .detectable_effect = 0.0612},
                 Verdict::kUnchanged),
      MakeSeries("latency_p99", R"({endpoint="/new"})", "s", Better::kLower, {}, {2.5e-6}, kNaN,
                 2.5e-6, {.pairs = 0, .test = StatisticalTest::kNone}, Verdict::kMissing,
                 "the base has no value for this series"),
      MakeSeries("throughput", "{}", "req/s", Better::kHigher, {1200, 1190, 1210},
                 {1350, 1340, 1360}, 1200, 1350,
                 {.estimate = 0.125,
                  .low = 0.117,
                  .high = 0.133,
                  .confidence = 0.9375,
                  .p_value = 0.0625,
                  .q_value = 0.003,
                  .detectable_effect = 0.071},
                 Verdict::kImprovement),
  });
  stored.mode = ComparisonMode::kInterleaved;
  stored.pair_orders = "AB,BA,BA,AB,BA";
  stored.seed = 42;
  return stored;
}

// One unchanged series of http-api/latency_p99 with the given label.
inline StoredComparison ComparisonWithSeriesLabel(const std::string& label) {
  return MakeStored(
      {MakeSeries("latency_p99", label, "s", Better::kLower, {0.001}, {0.001}, 0.001, 0.001,
                  {.pairs = 1,
                   .estimate = 0,
                   .low = 0,
                   .high = 0,
                   .confidence = 0.95,
                   .p_value = 1,
                   .q_value = 1},
                  Verdict::kUnchanged)});
}

// Compares `actual` with tests/unit/report/testdata/`name`. With PERFGATE_UPDATE_GOLDEN=1 in
// the environment it rewrites the file instead, for a reviewed change of format.
inline void ExpectGolden(const std::string& actual, const std::string& name) {
  std::filesystem::path path = std::filesystem::path(__FILE__).parent_path() / "testdata" / name;
  const char* update = std::getenv("PERFGATE_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(path))
      << path << " is missing: run with PERFGATE_UPDATE_GOLDEN=1 to write it";
  EXPECT_EQ(actual, ReadFile(path.string())) << "differs from " << path;
}

}  // namespace perfgate::testing
