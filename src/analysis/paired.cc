#include "analysis/paired.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

#include "analysis/distributions.h"
#include "analysis/rank_distributions.h"

namespace perfgate {
namespace {

bool Usable(double value) { return std::isfinite(value) && value > 0; }

std::vector<double> WalshAverages(std::span<const double> d) {
  std::vector<double> averages;
  averages.reserve(d.size() * (d.size() + 1) / 2);
  for (size_t i = 0; i < d.size(); ++i) {
    for (size_t j = i; j < d.size(); ++j) averages.push_back((d[i] + d[j]) / 2);
  }
  return averages;
}

double SignedRankMean(double n) { return n * (n + 1) / 4; }
double SignedRankVariance(double n) { return n * (n + 1) * (2 * n + 1) / 24; }

struct SignedRanks {
  double positive_rank_sum = 0;  // T+
  size_t nonzero = 0;
  double tie_term = 0;  // sum of t^3 - t over groups of t tied |d|
  bool has_ties_or_zeros = false;
};

SignedRanks RankAbsoluteValues(std::span<const double> d) {
  std::vector<double> nonzero;
  for (double v : d) {
    if (v != 0) nonzero.push_back(v);
  }
  SignedRanks ranks;
  ranks.nonzero = nonzero.size();
  ranks.has_ties_or_zeros = nonzero.size() < d.size();
  std::ranges::sort(nonzero, {}, [](double v) { return std::abs(v); });
  for (size_t start = 0; start < nonzero.size();) {
    size_t end = start;
    while (end < nonzero.size() && std::abs(nonzero[end]) == std::abs(nonzero[start])) ++end;
    // Tied |d| share the mean of the 1-based ranks start+1 .. end.
    double rank = (static_cast<double>(start + 1) + static_cast<double>(end)) / 2;
    for (size_t i = start; i < end; ++i) {
      if (nonzero[i] > 0) ranks.positive_rank_sum += rank;
    }
    if (double tied = static_cast<double>(end - start); tied > 1) {
      ranks.has_ties_or_zeros = true;
      ranks.tie_term += tied * tied * tied - tied;
    }
    start = end;
  }
  return ranks;
}

double NormalSignedRankP(const SignedRanks& ranks) {
  auto n = static_cast<double>(ranks.nonzero);
  double variance = SignedRankVariance(n) - ranks.tie_term / 48;
  // Every log-ratio is zero: nothing ranks, and nothing speaks for a change.
  if (variance <= 0) return 1;
  double z = (std::abs(ranks.positive_rank_sum - SignedRankMean(n)) - 0.5) / std::sqrt(variance);
  return std::min(1.0, std::erfc(std::max(z, 0.0) / std::numbers::sqrt2));
}

}  // namespace

LogRatios PairLogRatios(std::span<const double> base, std::span<const double> candidate) {
  LogRatios ratios;
  ratios.values.reserve(base.size());
  for (size_t i = 0; i < base.size(); ++i) {
    if (Usable(base[i]) && Usable(candidate[i])) {
      ratios.values.push_back(std::log(candidate[i] / base[i]));
    } else {
      ++ratios.dropped;
    }
  }
  return ratios;
}

Result<PairedComparison> ComparePaired(std::span<const double> base,
                                       std::span<const double> candidate, double confidence) {
  if (base.size() != candidate.size()) {
    return std::unexpected(InvalidInput(
        fmt::format("{} base values but {} candidate values", base.size(), candidate.size()),
        "paired comparison", "pass one base and one candidate value per pair, in pair order"));
  }
  if (!(confidence > 0 && confidence < 1)) {
    return std::unexpected(InvalidInput(fmt::format("confidence {} is not in (0, 1)", confidence),
                                        "paired comparison", "use e.g. 0.95"));
  }
  LogRatios ratios = PairLogRatios(base, candidate);
  PairedComparison result;
  result.pairs_used = ratios.values.size();
  result.pairs_dropped = ratios.dropped;
  if (ratios.values.empty()) return result;

  size_t n = ratios.values.size();
  bool exact_interval = n <= kMaxExactRankSize;
  IntervalRank rank =
      exact_interval
          ? ExactIntervalRank(SignedRankDistribution(n), confidence)
          : NormalIntervalRank(SignedRankMean(static_cast<double>(n)),
                               std::sqrt(SignedRankVariance(static_cast<double>(n))), confidence);
  result.shift = EstimateShift(WalshAverages(ratios.values), rank, exact_interval);

  SignedRanks ranks = RankAbsoluteValues(ratios.values);
  result.exact_p_value = !ranks.has_ties_or_zeros && n <= kMaxExactRankSize;
  result.p_value = result.exact_p_value
                       ? TwoSidedExactP(SignedRankDistribution(n), ranks.positive_rank_sum)
                       : NormalSignedRankP(ranks);
  result.t = PairedTTest(ratios.values);
  result.normality = ScreenNormality(ratios.values);
  // A constant set is too degenerate for the screen, yet as many pairs as it would judge
  // agreeing exactly is the clearest evidence there is.
  bool constant = n >= kMinimumScreenedValues && result.t.standard_error == 0;
  result.t_appropriate = result.normality.plausible || constant;
  return result;
}

size_t MinimumPairsForConfidence(double confidence) {
  size_t n = 1;
  // The widest interval [W_(1), W_(M)] covers with probability 1 - 2 * 2^-n.
  while (1 - 2 * std::ldexp(1.0, -static_cast<int>(n)) < confidence && n < 64) ++n;
  return n;
}

}  // namespace perfgate
