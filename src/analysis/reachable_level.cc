#include "analysis/reachable_level.h"

#include <fmt/format.h>

#include "analysis/statistics.h"

namespace perfgate {
namespace {

// The smallest p-value the scenario's rank test can give on `count` pairs (interleaved) or
// windows per side (stored).
double SmallestP(ComparisonMode mode, int count) {
  auto n = static_cast<size_t>(count);
  return mode == ComparisonMode::kInterleaved ? SmallestSignedRankP(n) : MinimumTwoSidedP(n, n);
}

// What to change `key` to: the smallest count up to kPairsLimit whose smallest p-value is
// <= level.
std::string Fix(ComparisonMode mode, const char* key, double level) {
  for (int count = 1; count <= kPairsLimit; ++count) {
    if (SmallestP(mode, count) <= level) return fmt::format("make {} at least {}", key, count);
  }
  return fmt::format("no {} up to {} can reach it", key, kPairsLimit);
}

}  // namespace

std::vector<std::string> UnreachableLevelCautions(const Config& config) {
  const double level = config.analysis.fdr;
  std::vector<std::string> cautions;
  for (size_t i = 0; i < config.scenarios.size(); ++i) {
    const ScenarioConfig& scenario = config.scenarios[i];
    bool interleaved = scenario.comparison == ComparisonMode::kInterleaved;
    int count = interleaved ? scenario.max_pairs : scenario.repetitions;
    double smallest = SmallestP(scenario.comparison, count);
    if (smallest <= level) continue;
    const char* key = interleaved ? "max_pairs" : "repetitions";
    cautions.push_back(fmt::format(
        "scenarios[{}].{}: with {} {}, the {} test's smallest p-value is {:.3g}, above "
        "analysis.fdr {:.3g}: a series whose log-ratios are not near-normal can never be a "
        "regression or an improvement; {}",
        i, key, count, interleaved ? "pairs at most" : "windows per side",
        interleaved ? "signed-rank" : "rank-sum", smallest, level,
        Fix(scenario.comparison, key, level)));
  }
  return cautions;
}

}  // namespace perfgate
