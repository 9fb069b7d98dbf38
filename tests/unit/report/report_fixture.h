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

// One series of the http-api scenario with every field given.
inline SeriesComparison MakeSeries(const std::string& metric, const std::string& series,
                                   const std::string& unit, Better better, std::vector<double> base,
                                   std::vector<double> candidate, double base_median,
                                   double candidate_median, double change, double p_value,
                                   Verdict verdict, const std::string& note = {}) {
  SeriesComparison s;
  s.scenario = "http-api";
  s.metric = metric;
  s.series = series;
  s.unit = unit;
  s.better = better;
  s.base_values = std::move(base);
  s.candidate_values = std::move(candidate);
  s.base_median = base_median;
  s.candidate_median = candidate_median;
  s.change = change;
  s.p_value = p_value;
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

// One series of every verdict.
inline StoredComparison SmallComparison() {
  // In the comparison's own order (scenario, metric, series), not in report order.
  return MakeStored({
      MakeSeries("error_ratio", "{}", "ratio", Better::kLower, {0.012, 0.0123, 0.0125},
                 {0.013, 0.0131, 0.0128}, 0.0123, 0.013, 0.056910569105691, 0.1,
                 Verdict::kInconclusive,
                 "p = 0.1 with 3 vs 3 samples; the smallest p reachable is 0.1: use more "
                 "repetitions"),
      MakeSeries("latency_p99", R"({endpoint="/acme/new-order"})", "s", Better::kLower,
                 {0.00121, 0.00123, 0.00125}, {0.0025, 0.0026, 0.0024}, 0.00123, 0.0025,
                 1.032520325203252, 0.007936507936507936, Verdict::kRegression),
      MakeSeries("latency_p99", R"({endpoint="/health"})", "s", Better::kLower,
                 {0.000512, 0.00051, 0.000514}, {0.000515, 0.000517, 0.000513}, 0.000512, 0.000515,
                 0.005859375, 0.7, Verdict::kUnchanged),
      MakeSeries("latency_p99", R"({endpoint="/new"})", "s", Better::kLower, {}, {2.5e-6}, kNaN,
                 2.5e-6, kNaN, kNaN, Verdict::kMissing, "the base has no value for this series"),
      MakeSeries("throughput", "{}", "req/s", Better::kHigher, {1200, 1190, 1210},
                 {1350, 1340, 1360}, 1200, 1350, 0.125, 0.007936507936507936,
                 Verdict::kImprovement),
  });
}

// One unchanged series of http-api/latency_p99 with the given label.
inline StoredComparison ComparisonWithSeriesLabel(const std::string& label) {
  return MakeStored({MakeSeries("latency_p99", label, "s", Better::kLower, {0.001}, {0.001}, 0.001,
                                0.001, 0, 1, Verdict::kUnchanged)});
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
