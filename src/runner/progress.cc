#include "runner/progress.h"

namespace perfgate {

const char* PhaseName(Phase phase) {
  switch (phase) {
    case Phase::kCheckout:
      return "checkout";
    case Phase::kBuild:
      return "build";
    case Phase::kUp:
      return "up";
    case Phase::kWarmup:
      return "warm-up";
    case Phase::kWindow:
      return "window";
    case Phase::kQueries:
      return "queries";
    case Phase::kDown:
      return "down";
    case Phase::kCompare:
      return "compare";
  }
  return "unknown";
}

}  // namespace perfgate
