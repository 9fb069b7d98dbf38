// The columns every tabular report shows for a series, formatted but not yet escaped or
// aligned: the terminal pads them, Markdown escapes them.
#pragma once

#include <array>
#include <string>

#include "analysis/comparison.h"

namespace perfgate {

inline constexpr size_t kTableColumns = 9;
using TableRow = std::array<std::string, kTableColumns>;

// scenario, metric, series, base (median), candidate (median), change (the estimate),
// interval (the one the verdict was decided on), q, verdict
extern const TableRow kTableHeader;

// Columns whose cells are numbers: right-aligned so that digits line up.
bool IsNumericColumn(size_t column);

TableRow FormatRow(const SeriesComparison& series);

// What a report says below the table about a series: for an inconclusive one the smallest
// change it could have detected, then the analysis' note. Empty when there is nothing.
std::string SeriesNote(const SeriesComparison& series);

}  // namespace perfgate
