#include "report/sample_plot.h"

#include <fmt/format.h>

#include <algorithm>
#include <span>
#include <vector>

#include "analysis/statistics.h"
#include "report/format.h"
#include "report/html.h"

namespace perfgate {
namespace {

constexpr double kMargin = 6;  // room for half a dot at either end
constexpr double kDotRadius = 3;
constexpr double kTickHalf = 6;  // a median tick reaches a little beyond its dots

struct Row {
  const char* side;
  std::span<const double> values;
  double y;
};

// Where `value` lies across the plot, `low` and `high` at the margins.
double X(double value, double low, double high) {
  if (high <= low) return kSamplePlotWidth / 2.0;
  return kMargin + (value - low) / (high - low) * (kSamplePlotWidth - 2 * kMargin);
}

std::string Describe(const Row& row, const std::string& unit) {
  if (row.values.empty()) return fmt::format("{}: no values", row.side);
  auto [low, high] = std::ranges::minmax(row.values);
  std::string range = low == high ? FormatValue(low, unit)
                                  : FormatValue(low, unit) + " – " + FormatValue(high, unit);
  return fmt::format("{}: {} window{}, {}, median {}", row.side, row.values.size(),
                     row.values.size() == 1 ? "" : "s", range,
                     FormatValue(Median(row.values), unit));
}

}  // namespace

std::string SamplePlotSvg(const SeriesComparison& series) {
  const Row rows[] = {{"base", series.base_values, kSamplePlotHeight * 0.3},
                      {"candidate", series.candidate_values, kSamplePlotHeight * 0.7}};
  std::vector<double> all(series.base_values.begin(), series.base_values.end());
  all.insert(all.end(), series.candidate_values.begin(), series.candidate_values.end());
  double low = all.empty() ? 0 : std::ranges::min(all);
  double high = all.empty() ? 0 : std::ranges::max(all);
  std::string marks;
  for (const Row& row : rows) {
    for (double value : row.values) {
      marks += fmt::format(R"(<circle class="{}" cx="{:.1f}" cy="{:.1f}" r="{}"/>)", row.side,
                           X(value, low, high), row.y, kDotRadius);
    }
    if (!row.values.empty()) {
      double x = X(Median(row.values), low, high);
      marks += fmt::format(R"(<line class="median" x1="{0:.1f}" x2="{0:.1f}" y1="{1:.1f}" )"
                           R"(y2="{2:.1f}"/>)",
                           x, row.y - kTickHalf, row.y + kTickHalf);
    }
  }
  std::string text =
      EscapeHtml(Describe(rows[0], series.unit) + "; " + Describe(rows[1], series.unit));
  return fmt::format(
      R"(<svg class="samples" viewBox="0 0 {0} {1}" width="{0}" height="{1}" role="img" )"
      R"(aria-label="{2}"><title>{2}</title>{3}</svg>)",
      kSamplePlotWidth, kSamplePlotHeight, text, marks);
}

}  // namespace perfgate
