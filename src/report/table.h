// The columns every tabular report shows for a series, formatted but not yet escaped or
// aligned: the terminal pads them, Markdown escapes them.
#pragma once

#include <array>
#include <string>

#include "analysis/comparison.h"

namespace perfgate {

inline constexpr size_t kTableColumns = 8;
using TableRow = std::array<std::string, kTableColumns>;

// scenario, metric, series, base, candidate, change, p, verdict
extern const TableRow kTableHeader;

// Columns whose cells are numbers: right-aligned so that digits line up.
bool IsNumericColumn(size_t column);

TableRow FormatRow(const SeriesComparison& series);

}  // namespace perfgate
