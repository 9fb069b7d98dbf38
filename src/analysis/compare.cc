#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "analysis/comparison.h"
#include "analysis/detectable_effect.h"
#include "analysis/fdr.h"
#include "analysis/interval_verdict.h"
#include "analysis/series_groups.h"
#include "analysis/series_statistics.h"
#include "analysis/statistics.h"

namespace perfgate {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();

// A series on its way to a verdict: what is shown, and its test.
struct Pending {
  SeriesComparison result;
  SeriesTest test;
};

double RelativeMargin(const Threshold& threshold, double base_median) {
  if (threshold.relative) return threshold.value;
  // An absolute margin is relative to the base's level; at a level of 0 any ratio is
  // within it (and values of 0 cannot be logged anyway).
  return base_median == 0 ? kInfinity : threshold.value / std::abs(base_median);
}

SeriesComparison Describe(const SeriesSamples& group, ComparisonMethod method) {
  SeriesComparison s;
  s.scenario = group.scenario;
  s.metric = group.metric;
  s.series = group.series;
  s.unit = group.config->unit;
  s.better = group.config->better;
  s.method = method;
  s.base_values = PresentValues(group.base);
  s.candidate_values = PresentValues(group.candidate);
  s.base_median = Median(s.base_values);
  s.candidate_median = Median(s.candidate_values);
  s.margin = RelativeMargin(group.config->threshold, s.base_median);
  return s;
}

bool AllZero(const std::vector<double>& values) {
  return std::ranges::all_of(values, [](double v) { return v == 0; });
}

bool HasCompletePair(const SeriesTest& test) {
  for (size_t i = 0; i < test.base.size(); ++i) {
    if (!std::isnan(test.base[i]) && !std::isnan(test.candidate[i])) return true;
  }
  return false;
}

// The verdict of a series whose test has nothing usable: a side without any value, no pair
// with both, or values that cannot be logged.
void DecideUntestable(SeriesComparison& s, const SeriesTest& test) {
  bool base_empty = s.base_values.empty();
  bool candidate_empty = s.candidate_values.empty();
  if (base_empty || candidate_empty) {
    s.verdict = Verdict::kMissing;
    s.note = base_empty && candidate_empty ? "neither side has a value for this series"
             : base_empty                  ? "the base has no value for this series"
                                           : "the candidate has no value for this series";
  } else if (AllZero(s.base_values) && AllZero(s.candidate_values)) {
    s.verdict = Verdict::kUnchanged;
    s.estimate = s.low = s.high = 0;
    s.note = "every value is 0 on both sides";
  } else if (test.method == ComparisonMethod::kPaired && !HasCompletePair(test)) {
    s.verdict = Verdict::kMissing;
    s.note = "no repetition has a value on both sides";
  } else {
    s.verdict = Verdict::kInconclusive;
    s.note = "relative changes need values > 0 on both sides";
  }
}

// The p-value one more discovery needs beside the `selected` ones: BH's threshold
// level * (selected + 1) / tested. With nothing selected it is a lone discovery's level / m.
double NextDiscoveryLevel(size_t selected, size_t tested, const AnalysisPolicy& policy) {
  return policy.level * static_cast<double>(std::min(selected + 1, tested)) /
         static_cast<double>(tested);
}

// What the series' test can detect at two-sided `alpha` with `power`.
Result<DetectableEffect> DetectableAt(const SeriesTest& test, double alpha, double power) {
  if (IsTTest(test.test)) {
    return TTestDetectableEffect(test.t.standard_error, test.t.df, alpha, power);
  }
  return MinimumDetectableEffect(test.detectable_scale, test.detectable_count, alpha, power);
}

// The smallest change this series could be called a regression at: significant at the next
// discovery's level with the stated power, and an estimate beyond the margin with that
// power, i.e. margin + z_power * standard error.
double DetectableEffectOf(const SeriesTest& test, double margin, double lone_level,
                          const AnalysisPolicy& policy) {
  if (test.smallest_p > lone_level) return kInfinity;
  Result<DetectableEffect> powered = DetectableAt(test, lone_level, policy.detectable_power);
  Result<DetectableEffect> even = DetectableAt(test, lone_level, 0.5);
  if (!powered || !even) return kNaN;
  double beyond_margin = std::log1p(margin) + (powered->log_ratio - even->log_ratio);
  return std::expm1(std::max(powered->log_ratio, beyond_margin));
}

void SetInterval(SeriesComparison& s, const ShiftEstimate& shift) {
  s.low = shift.low;
  s.high = shift.high;
  s.confidence = shift.confidence;
}

std::string DroppedNote(const SeriesTest& test) {
  if (test.dropped == 0) return {};
  return test.method == ComparisonMethod::kPaired
             ? fmt::format("{} pair(s) left out: a side missing or <= 0", test.dropped)
             : fmt::format("{} value(s) left out: <= 0", test.dropped);
}

std::string InconclusiveNote(const SeriesTest& test, double lone_level, size_t tested) {
  if (test.smallest_p > lone_level) {
    return fmt::format(
        "{} {} cannot reach p <= {:.2g} (the level of one more changed series of {}): measure "
        "more",
        test.used, test.method == ComparisonMethod::kPaired ? "pairs" : "values per side",
        lone_level, tested);
  }
  return "the interval is too wide to tell";
}

void AppendNote(std::string& note, const std::string& more) {
  if (more.empty()) return;
  if (!note.empty()) note += "; ";
  note += more;
}

// The job-level decision over every series at once (the rule in comparison.h).
Comparison Decide(std::vector<Pending> pending, const AnalysisPolicy& policy) {
  std::vector<double> p_values;
  for (const Pending& p : pending) p_values.push_back(p.test.p_value);
  std::vector<double> q_values = BenjaminiHochbergQValues(p_values);
  size_t tested = 0, selected = 0;
  for (double q : q_values) {
    if (std::isnan(q)) continue;
    ++tested;
    if (q <= policy.level) ++selected;
  }
  double discovery_confidence =
      tested == 0 ? kNaN : FalseCoverageConfidence(selected, tested, policy.level).value_or(kNaN);
  double equivalence_confidence = 1 - 2 * policy.equivalence_alpha;
  double next_level = tested == 0 ? kNaN : NextDiscoveryLevel(selected, tested, policy);

  Comparison comparison;
  comparison.series.reserve(pending.size());
  for (size_t i = 0; i < pending.size(); ++i) {
    SeriesComparison& s = pending[i].result;
    const SeriesTest& test = pending[i].test;
    if (test.used == 0) {
      DecideUntestable(s, test);
      comparison.series.push_back(std::move(s));
      continue;
    }
    if (test.method == ComparisonMethod::kPaired) s.pairs = test.used;
    s.test = test.test;
    s.p_value = test.p_value;
    s.q_value = q_values[i];
    s.detectable_effect = DetectableEffectOf(test, s.margin, next_level, policy);
    ShiftEstimate equivalence = IntervalAt(test, equivalence_confidence);
    s.estimate = equivalence.change;
    s.verdict = Verdict::kInconclusive;
    if (s.q_value <= policy.level) {
      ShiftEstimate discovery = IntervalAt(test, discovery_confidence);
      Verdict verdict =
          IntervalVerdict(s.estimate, discovery.low, discovery.high, s.margin, s.better);
      if (verdict == Verdict::kRegression || verdict == Verdict::kImprovement) {
        s.verdict = verdict;
        SetInterval(s, discovery);
      }
    }
    if (s.verdict == Verdict::kInconclusive) {
      SetInterval(s, equivalence);
      if (IntervalVerdict(s.estimate, s.low, s.high, s.margin, s.better) == Verdict::kUnchanged) {
        s.verdict = Verdict::kUnchanged;
      }
    }
    s.note = DroppedNote(test);
    if (s.verdict == Verdict::kInconclusive)
      AppendNote(s.note, InconclusiveNote(test, next_level, tested));
    comparison.series.push_back(std::move(s));
  }
  return comparison;
}

}  // namespace

Comparison ComparePaired(std::span<const Sample> base, std::span<const Sample> candidate,
                         std::span<const ScenarioConfig> scenarios, const AnalysisPolicy& policy) {
  std::vector<Pending> pending;
  for (const SeriesSamples& group : GroupSeries(base, candidate, scenarios)) {
    AlignedPairs pairs = AlignByRepetition(group.base, group.candidate);
    pending.push_back({.result = Describe(group, ComparisonMethod::kPaired),
                       .test = TestPaired(std::move(pairs.base), std::move(pairs.candidate))});
  }
  return Decide(std::move(pending), policy);
}

Comparison CompareUnpaired(std::span<const Sample> base, std::span<const Sample> candidate,
                           std::span<const ScenarioConfig> scenarios,
                           const AnalysisPolicy& policy) {
  std::vector<Pending> pending;
  for (const SeriesSamples& group : GroupSeries(base, candidate, scenarios)) {
    SeriesComparison result = Describe(group, ComparisonMethod::kUnpaired);
    SeriesTest test = TestUnpaired(result.base_values, result.candidate_values);
    pending.push_back({.result = std::move(result), .test = std::move(test)});
  }
  return Decide(std::move(pending), policy);
}

}  // namespace perfgate
