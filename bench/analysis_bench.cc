// Comparing a job: every series of every metric, paired by repetition, as an interleaved
// job does after its windows.
#include <benchmark/benchmark.h>

#include <random>

#include "analysis/comparison.h"

namespace perfgate {
namespace {

std::vector<Sample> MakeSide(int series, int repetitions, double scale, uint32_t seed) {
  std::mt19937 random(seed);
  std::lognormal_distribution<double> noise(0.0, 0.05);
  std::vector<Sample> samples;
  for (int s = 0; s < series; ++s) {
    for (int r = 0; r < repetitions; ++r) {
      samples.push_back({"http-api",
                         "latency_p99",
                         "{endpoint=\"/e" + std::to_string(s) + "\"}",
                         r,
                         0.002 * scale * noise(random),
                         {},
                         {}});
    }
  }
  return samples;
}

void BM_CompareJob(benchmark::State& state) {
  int series = static_cast<int>(state.range(0));
  int repetitions = static_cast<int>(state.range(1));
  std::vector<Sample> base = MakeSide(series, repetitions, 1.0, 1);
  std::vector<Sample> candidate = MakeSide(series, repetitions, 1.1, 2);
  ScenarioConfig scenario;
  scenario.name = "http-api";
  scenario.metrics.push_back({"latency_p99", "q", "s", Better::kLower, {}});
  std::vector<ScenarioConfig> scenarios = {scenario};
  for (auto _ : state) {
    Comparison comparison = ComparePaired(base, candidate, scenarios, AnalysisPolicy{});
    benchmark::DoNotOptimize(comparison);
  }
  state.SetItemsProcessed(state.iterations() * series);
}
// 100 series x 5 windows is a large job today; 10,000 x 30 bounds what the UI may ask for.
BENCHMARK(BM_CompareJob)
    ->Args({100, 5})
    ->Args({10000, 5})
    ->Args({10000, 30})
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace perfgate
