// Base samples vs candidate samples for every series of a job, with a verdict per series.
//
// The unit of analysis is one measured window (a Sample), never a single request. Two
// procedures share one job-level decision rule:
//
//   ComparePaired    interleaved mode: pair i is repetition i on both sides, measured back to
//                    back. Per series, the log-ratios of candidate over base; the paired t-test
//                    on them when they pass the normality screen (estimate: the mean
//                    log-ratio, t interval on n - 1 df), else the Hodges–Lehmann estimate with
//                    the exact Wilcoxon signed-rank interval and p-value (paired.h). Pairs
//                    cancel the machine's slow drift.
//   CompareUnpaired  stored mode: the candidate's windows against the master set's. Per
//                    series, Welch's t on the logs when both sides pass the normality screen
//                    (estimate: the difference of mean logs, t interval), else the
//                    Hodges–Lehmann shift of the logs with the Mann–Whitney interval and p.
//
// Job-level rule, across every series of every metric and scenario of the job:
//   1. Benjamini–Hochberg q-values over the series' p-values; a series is a discovery
//      candidate when q <= policy.level (the look's level: analysis.fdr for a single look,
//      the alpha-spending share of it when the job looks more than once, see NextLook).
//      Under A/A every discovery is false, and BH then bounds the chance of any false alarm
//      in the job by the level: the per-job target.
//   2. Discovery candidates get the false-coverage-rate interval (Benjamini–Yekutieli) at
//      1 - R level / m for R candidates among m tested series; the series is a
//      `regression` / `improvement` when that interval excludes 0 and the estimate lies
//      beyond the margin in that direction (IntervalVerdict).
//   3. Every other series gets the equivalence interval at 1 - 2 policy.equivalence_alpha
//      (two one-sided tests): `unchanged` when it lies inside (-margin, +margin). This error
//      (calling a change beyond the margin "unchanged") raises no alarm, so it is controlled
//      per series at equivalence_alpha, not across the job: an interval at 1 - level / m
//      would need more than ten pairs to be finite at all, leaving every series inconclusive.
//   4. Anything else is `inconclusive`; `missing` when a side has no value.
// The stored interval is the one the verdict was decided on, with its achieved confidence.
//
// Why a t-test at all: with n pairs no distribution-free paired test reaches p < 2 / 2^n, and
// BH asks a lone changed series among m for p <= level / m: 11 pairs for m = 10 at 0.01
// (relaxed to level * k / m when k series change together). A regression usually moves one
// endpoint's few series, so the signed-rank test alone would miss it however large it is.
// The t-test has no such floor; it is used where its assumption looks plausible, as Welch's
// is in stored mode, and SeriesComparison::test says which test decided. Series that fail
// the screen keep the floor: their detectable effect is +inf when the pairs cannot reach the
// level at all, and the note says to measure more. Fewer than 3 pairs never use the t-test;
// 3 or more equal log-ratios do (a sure shift, or none when they are 0: see paired.h).
// The minimal detectable effect follows the test: t quantiles on its standard error for a
// t-test, the signed-rank test's normal approximation otherwise (detectable_effect.h).
//
// Margins: a relative threshold is used as is; an absolute one is divided by the base's
// median to become relative. Values <= 0 cannot be logged: a pair or value with one is
// dropped (counted in the note); a series whose values are all 0 on both sides is unchanged.
//
// Pure functions over values: no I/O, no clock.
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/sample.h"
#include "config/config.h"

namespace perfgate {

enum class Verdict { kRegression, kImprovement, kUnchanged, kInconclusive, kMissing };

const char* VerdictName(Verdict verdict);  // "regression", "improvement", ...
std::optional<Verdict> ParseVerdict(std::string_view name);

enum class ComparisonMethod { kPaired, kUnpaired };

const char* MethodName(ComparisonMethod method);  // "paired", "unpaired"
std::optional<ComparisonMethod> ParseMethod(std::string_view name);

// The test behind a series' p-value and interval: paired, the t-test or the signed-rank test
// on the log-ratios; unpaired, Welch's t or Mann–Whitney on the logs. kNone: not tested.
enum class StatisticalTest { kNone, kPairedT, kSignedRank, kWelch, kMannWhitney };

// "paired-t", "signed-rank", "welch", "mann-whitney"; "" for kNone.
const char* TestName(StatisticalTest test);
std::optional<StatisticalTest> ParseTest(std::string_view name);

struct AnalysisPolicy {
  // The discovery level of this look: analysis.fdr for a single look; the share NextLook
  // or FirstLookLevel gives when the job may look again. In (0, 1).
  double level = 0.01;
  // Per-series level of the equivalence test behind `unchanged`. In (0, 0.5).
  double equivalence_alpha = 0.05;
  // The power at which the minimal detectable effect is stated. In (0, 1).
  double detectable_power = 0.8;
};

struct SeriesComparison {
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

  std::string scenario;
  std::string metric;
  std::string series;
  std::string unit;
  Better better = Better::kLower;
  ComparisonMethod method = ComparisonMethod::kPaired;
  StatisticalTest test = StatisticalTest::kNone;  // the test behind p and the interval
  std::vector<double> base_values;  // present samples, by repetition (pair order when paired)
  std::vector<double> candidate_values;
  double base_median = kNaN;  // NaN when that side has no value
  double candidate_median = kNaN;
  size_t pairs = 0;          // paired: pairs used; unpaired: 0
  double estimate = kNaN;    // relative change of the candidate (0.05 = 5% higher)
  double low = kNaN;         // the interval the verdict was decided on, as relative changes
  double high = kNaN;        // (-1 / +inf when unbounded)
  double confidence = kNaN;  // its achieved coverage
  double p_value = kNaN;     // two-sided, of "no change"; NaN when not tested
  double q_value = kNaN;     // Benjamini–Hochberg across the job's tested series
  double margin = kNaN;      // the relative margin used (absolute thresholds converted)
  // The smallest rise this series could be called a regression (or improvement) at with
  // AnalysisPolicy::detectable_power, at its noise and pair count, as one more discovery
  // beside the job's others (BH level * (R + 1) / m); +inf when the pairs cannot reach that
  // level at all; NaN when not tested.
  double detectable_effect = kNaN;
  Verdict verdict = Verdict::kMissing;
  std::string note;  // why, when the verdict needs a word of explanation
};

struct Comparison {
  std::vector<SeriesComparison> series;  // sorted by scenario, metric, series

  size_t Count(Verdict verdict) const;
  bool HasRegression() const { return Count(Verdict::kRegression) > 0; }
};

// Interleaved mode. Groups both sides' samples by (scenario, metric, series); within a
// series, base and candidate samples of the same repetition form a pair. Only metrics in
// `scenarios` are compared; a series seen on one side only is `missing`.
Comparison ComparePaired(std::span<const Sample> base, std::span<const Sample> candidate,
                         std::span<const ScenarioConfig> scenarios, const AnalysisPolicy& policy);

// Stored mode: the same grouping, every present sample of a side taken as one value.
Comparison CompareUnpaired(std::span<const Sample> base, std::span<const Sample> candidate,
                           std::span<const ScenarioConfig> scenarios, const AnalysisPolicy& policy);

}  // namespace perfgate
