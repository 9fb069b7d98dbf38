#include "report/table.h"

#include <fmt/format.h>

#include <cmath>

#include "report/format.h"

namespace perfgate {
namespace {

std::string SampleSize(const SeriesComparison& series) {
  if (series.method == ComparisonMethod::kPaired) return fmt::format("{} pairs", series.pairs);
  return fmt::format("{} vs {} windows", series.base_values.size(), series.candidate_values.size());
}

std::string DetectableNote(const SeriesComparison& series) {
  if (series.verdict != Verdict::kInconclusive || std::isnan(series.detectable_effect)) return {};
  if (std::isinf(series.detectable_effect)) {
    return fmt::format("no change is detectable with {} at this level", SampleSize(series));
  }
  return fmt::format("detectable: changes of {:.1f}% or more with {}",
                     series.detectable_effect * 100, SampleSize(series));
}

}  // namespace

const TableRow kTableHeader = {"scenario", "metric",   "series", "base",   "candidate",
                               "change",   "interval", "q",      "verdict"};

bool IsNumericColumn(size_t column) { return column >= 3 && column <= 7; }

TableRow FormatRow(const SeriesComparison& series) {
  return {series.scenario,
          series.metric,
          series.series,
          FormatValue(series.base_median, series.unit),
          FormatValue(series.candidate_median, series.unit),
          FormatChange(series.estimate),
          FormatInterval(series.low, series.high, series.confidence),
          FormatPValue(series.q_value),
          VerdictName(series.verdict)};
}

std::string SeriesNote(const SeriesComparison& series) {
  std::string detectable = DetectableNote(series);
  if (detectable.empty()) return series.note;
  if (series.note.empty()) return detectable;
  return detectable + "; " + series.note;
}

}  // namespace perfgate
