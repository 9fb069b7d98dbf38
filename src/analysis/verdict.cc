#include <algorithm>
#include <array>
#include <utility>

#include "analysis/comparison.h"

namespace perfgate {
namespace {

constexpr std::array<std::pair<Verdict, const char*>, 5> kVerdictNames = {{
    {Verdict::kRegression, "regression"},
    {Verdict::kImprovement, "improvement"},
    {Verdict::kUnchanged, "unchanged"},
    {Verdict::kInconclusive, "inconclusive"},
    {Verdict::kMissing, "missing"},
}};

}  // namespace

const char* VerdictName(Verdict verdict) {
  for (const auto& [value, name] : kVerdictNames) {
    if (value == verdict) return name;
  }
  return "missing";
}

std::optional<Verdict> ParseVerdict(std::string_view name) {
  for (const auto& [value, verdict_name] : kVerdictNames) {
    if (name == verdict_name) return value;
  }
  return std::nullopt;
}

size_t Comparison::Count(Verdict verdict) const {
  return static_cast<size_t>(std::ranges::count(series, verdict, &SeriesComparison::verdict));
}

}  // namespace perfgate
