#include <algorithm>
#include <array>
#include <utility>

#include "analysis/comparison.h"

namespace perfgate {
namespace {

template <typename Enum, size_t N>
using NameTable = std::array<std::pair<Enum, const char*>, N>;

constexpr NameTable<Verdict, 5> kVerdictNames = {{
    {Verdict::kRegression, "regression"},
    {Verdict::kImprovement, "improvement"},
    {Verdict::kUnchanged, "unchanged"},
    {Verdict::kInconclusive, "inconclusive"},
    {Verdict::kMissing, "missing"},
}};

constexpr NameTable<ComparisonMethod, 2> kMethodNames = {{
    {ComparisonMethod::kPaired, "paired"},
    {ComparisonMethod::kUnpaired, "unpaired"},
}};

constexpr NameTable<StatisticalTest, 5> kTestNames = {{
    {StatisticalTest::kPairedT, "paired-t"},
    {StatisticalTest::kSignedRank, "signed-rank"},
    {StatisticalTest::kWelch, "welch"},
    {StatisticalTest::kMannWhitney, "mann-whitney"},
    {StatisticalTest::kNone, ""},
}};

// The name of `value`; the last entry's for a value outside the table.
template <typename Enum, size_t N>
const char* NameIn(const NameTable<Enum, N>& names, Enum value) {
  for (const auto& [entry, name] : names) {
    if (entry == value) return name;
  }
  return names.back().second;
}

template <typename Enum, size_t N>
std::optional<Enum> ParseIn(const NameTable<Enum, N>& names, std::string_view name) {
  for (const auto& [entry, entry_name] : names) {
    if (name == entry_name) return entry;
  }
  return std::nullopt;
}

}  // namespace

const char* VerdictName(Verdict verdict) { return NameIn(kVerdictNames, verdict); }

std::optional<Verdict> ParseVerdict(std::string_view name) { return ParseIn(kVerdictNames, name); }

const char* MethodName(ComparisonMethod method) { return NameIn(kMethodNames, method); }

std::optional<ComparisonMethod> ParseMethod(std::string_view name) {
  return ParseIn(kMethodNames, name);
}

const char* TestName(StatisticalTest test) { return NameIn(kTestNames, test); }

std::optional<StatisticalTest> ParseTest(std::string_view name) {
  return ParseIn(kTestNames, name);
}

size_t Comparison::Count(Verdict verdict) const {
  return static_cast<size_t>(std::ranges::count(series, verdict, &SeriesComparison::verdict));
}

}  // namespace perfgate
