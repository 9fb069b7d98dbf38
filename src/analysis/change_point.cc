#include "analysis/change_point.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>

#include "analysis/t_test.h"

namespace perfgate {
namespace {

struct Split {
  size_t at = 0;  // first index of the right segment, within the present values
  double divergence = 0;
  double p_value = 1;
};

double Mean(std::span<const double> values) {
  return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

// The E-divisive divergence with exponent 2, which reduces to n1 n2 / n times the squared
// difference of the means.
double Divergence(std::span<const double> before, std::span<const double> after) {
  auto n1 = static_cast<double>(before.size());
  auto n2 = static_cast<double>(after.size());
  double difference = Mean(after) - Mean(before);
  return n1 * n2 / (n1 + n2) * difference * difference;
}

// The best split of values[begin, end) with its adjusted p-value; nullopt when the segment
// is too short to split.
std::optional<Split> BestSplit(std::span<const double> values, size_t begin, size_t end,
                               size_t min_segment) {
  if (end - begin < 2 * min_segment) return std::nullopt;
  std::optional<Split> best;
  for (size_t at = begin + min_segment; at + min_segment <= end; ++at) {
    double divergence = Divergence(values.subspan(begin, at - begin), values.subspan(at, end - at));
    if (!best || divergence > best->divergence) best = Split{.at = at, .divergence = divergence};
  }
  TTestResult welch =
      WelchTTest(values.subspan(begin, best->at - begin), values.subspan(best->at, end - best->at));
  double candidates = static_cast<double>(end - begin - 2 * min_segment + 1);
  best->p_value = std::min(1.0, welch.p_value * candidates);
  return best;
}

void Segment(std::span<const double> values, size_t begin, size_t end,
             const ChangePointOptions& options, std::vector<Split>& accepted) {
  std::optional<Split> best = BestSplit(values, begin, end, options.min_segment);
  if (!best || !(best->p_value < options.alpha)) return;
  accepted.push_back(*best);
  Segment(values, begin, best->at, options, accepted);
  Segment(values, best->at, end, options, accepted);
}

}  // namespace

Result<std::vector<ChangePoint>> FindChangePoints(std::span<const double> series,
                                                  const ChangePointOptions& options) {
  if (options.min_segment < 2) {
    return std::unexpected(InvalidInput(
        fmt::format("min_segment {} is below 2", options.min_segment), "change-point detection",
        "a segment needs 2 values for a variance; use 3 or more"));
  }
  if (!(options.alpha > 0 && options.alpha < 1)) {
    return std::unexpected(InvalidInput(fmt::format("alpha {} is not in (0, 1)", options.alpha),
                                        "change-point detection", "use e.g. 0.01"));
  }
  std::vector<double> values;
  std::vector<size_t> positions;  // of values[i] in the series
  for (size_t i = 0; i < series.size(); ++i) {
    if (std::isnan(series[i])) continue;
    values.push_back(series[i]);
    positions.push_back(i);
  }
  std::vector<Split> accepted;
  Segment(values, 0, values.size(), options, accepted);
  std::ranges::sort(accepted, {}, &Split::at);

  std::vector<ChangePoint> points;
  for (size_t i = 0; i < accepted.size(); ++i) {
    size_t before = i == 0 ? 0 : accepted[i - 1].at;
    size_t at = accepted[i].at;
    size_t after = i + 1 == accepted.size() ? values.size() : accepted[i + 1].at;
    ChangePoint point;
    point.index = positions[at];
    point.mean_before = Mean(std::span(values).subspan(before, at - before));
    point.mean_after = Mean(std::span(values).subspan(at, after - at));
    point.change = point.mean_before == 0
                       ? std::numeric_limits<double>::quiet_NaN()
                       : (point.mean_after - point.mean_before) / std::abs(point.mean_before);
    point.p_value = accepted[i].p_value;
    points.push_back(point);
  }
  return points;
}

}  // namespace perfgate
