#include "report/table.h"

#include "report/format.h"

namespace perfgate {

const TableRow kTableHeader = {"scenario",  "metric", "series", "base",
                               "candidate", "change", "p",      "verdict"};

bool IsNumericColumn(size_t column) { return column >= 3 && column <= 6; }

TableRow FormatRow(const SeriesComparison& series) {
  return {series.scenario,
          series.metric,
          series.series,
          FormatValue(series.base_median, series.unit),
          FormatValue(series.candidate_median, series.unit),
          FormatChange(series.change),
          FormatPValue(series.p_value),
          VerdictName(series.verdict)};
}

}  // namespace perfgate
