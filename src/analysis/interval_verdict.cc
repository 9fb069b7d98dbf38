#include "analysis/interval_verdict.h"

#include <cmath>

namespace perfgate {

Verdict IntervalVerdict(double estimate, double low, double high, double margin, Better better) {
  if (std::isnan(estimate) || std::isnan(low) || std::isnan(high)) return Verdict::kMissing;
  bool higher = low > 0 && estimate > margin;
  bool lower = high < 0 && estimate < -margin;
  if (higher || lower) {
    bool worse = higher == (better == Better::kLower);
    return worse ? Verdict::kRegression : Verdict::kImprovement;
  }
  if (-margin < low && high < margin) return Verdict::kUnchanged;
  return Verdict::kInconclusive;
}

}  // namespace perfgate
