// Change points in a series' history on the default branch (baseline jobs, oldest first):
// where its level shifted and stayed.
//
// Binary segmentation in the manner of E-divisive means as Hunter/Otava use it, with a
// t-test deciding significance:
//   1. In a segment, every split leaving at least `min_segment` values on each side is a
//      candidate. The best is the one with the largest E-divisive divergence; with
//      exponent 2 it is n1 n2 / (n1 + n2) (mean_after - mean_before)^2, which is largest
//      exactly at a clean step (ties: the earliest split).
//   2. The best split is tested with Welch's t-test (before vs after). Its p-value is
//      Bonferroni-adjusted for the number of candidates, because the best of many splits
//      looks more significant than one fixed split would; the split is a change point when
//      the adjusted p-value is below `alpha`.
//   3. Segmentation recurses into both sides of an accepted split.
// Choosing the split by the divergence rather than by the smallest p-value matters: among
// many splits of pure noise, some short segment has a small variance by chance, and
// Welch's t at that split would be large.
// A single outlier cannot be a change point: min_segment >= 2 keeps it from standing alone
// in a segment, and in a segment with others it inflates that segment's variance, so
// Welch's t stays small. Known limit: a huge outlier can draw the best split next to it, and
// a genuine step in the same segment is then not seen until more history dilutes it.
//
// Pure function: no I/O, no clock.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "base/error.h"

namespace perfgate {

struct ChangePointOptions {
  // 3 lets a shift be found three baselines after it landed, while two equal deviations in
  // a row are not yet a level.
  size_t min_segment = 3;
  // Strict, because every false change point is an alert a person must look at.
  double alpha = 0.01;
};

struct ChangePoint {
  size_t index = 0;  // position in the series of the first value of the new level
  // Means of the final segments just before and after the change point.
  double mean_before = 0;
  double mean_after = 0;
  double change = 0;   // (mean_after - mean_before) / |mean_before|; NaN when it is 0
  double p_value = 0;  // adjusted p-value of the split when it was accepted
};

// Change points of `series`, by index. NaN values are missing measurements: skipped, and
// indices still refer to positions in `series`. InvalidInput when min_segment < 2 or alpha
// is not in (0, 1).
[[nodiscard]] Result<std::vector<ChangePoint>> FindChangePoints(
    std::span<const double> series, const ChangePointOptions& options = {});

}  // namespace perfgate
