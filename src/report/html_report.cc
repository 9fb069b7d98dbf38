// The comparison as an HTML fragment for the web UI's pages (RenderHtml in report.h).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "report/format.h"
#include "report/html.h"
#include "report/report.h"
#include "report/sample_plot.h"
#include "report/table.h"

namespace perfgate {
namespace {

std::string JobLink(JobId job) {
  return HtmlLink(fmt::format("/jobs/{}", job), fmt::format("job {}", job));
}

std::string HowMeasured(const StoredComparison& stored) {
  if (stored.mode == ComparisonMode::kStored) {
    return "stored: the candidate's windows against those of the base job";
  }
  return "interleaved: base and candidate measured pair by pair in this job";
}

enum class SortBy { kNothing, kText, kValue };

// A column of the table: its header, how its cells read and what they sort by. The pages'
// script sorts by a header's data-sort: "number" by each cell's data-value (cells without one
// last), "text" by the text.
struct Column {
  const char* header;
  const char* cell_class;  // "num" for numbers, right-aligned so that digits line up; may be null
  SortBy sort;
  // The cell's HTML (escaped), from the series and its row of formatted text (table.h).
  std::function<std::string(const SeriesComparison&, const TableRow&)> html;
  std::function<double(const SeriesComparison&)> value = {};  // with SortBy::kValue
};

// The position of the series' verdict in report order: sorting by verdict is report order.
double VerdictRank(const SeriesComparison& series) {
  return static_cast<double>(std::ranges::find(kReportVerdictOrder, series.verdict) -
                             kReportVerdictOrder.begin());
}

// The table's columns: those every tabular report shows (table.h), the verdict first after
// what the series is, so that its colour shows on a narrow screen; the samples drawn beside the
// medians; p beside q.
const std::vector<Column>& Columns() {
  auto text = [](size_t column) {
    return
        [column](const SeriesComparison&, const TableRow& row) { return EscapeHtml(row[column]); };
  };
  static const std::vector<Column> kColumns = {
      {"scenario", nullptr, SortBy::kText, text(0)},
      {"metric", nullptr, SortBy::kText, text(1)},
      {"series", nullptr, SortBy::kText, text(2)},
      {"verdict", nullptr, SortBy::kValue,
       [](const SeriesComparison& s, const TableRow&) { return VerdictBadge(s.verdict); },
       VerdictRank},
      {"base", "num", SortBy::kValue, text(3), &SeriesComparison::base_median},
      {"candidate", "num", SortBy::kValue, text(4), &SeriesComparison::candidate_median},
      {"samples", nullptr, SortBy::kNothing,
       [](const SeriesComparison& s, const TableRow&) { return SamplePlotSvg(s); }},
      {"change", "num", SortBy::kValue, text(5), &SeriesComparison::estimate},
      {"interval", "num", SortBy::kValue, text(6), &SeriesComparison::low},
      {"p", "num", SortBy::kValue,
       [](const SeriesComparison& s, const TableRow&) { return FormatPValue(s.p_value); },
       &SeriesComparison::p_value},
      {"q", "num", SortBy::kValue, text(7), &SeriesComparison::q_value},
      {"note", "note", SortBy::kText,
       [](const SeriesComparison& s, const TableRow&) { return EscapeHtml(SeriesNote(s)); }},
  };
  return kColumns;
}

std::string ClassAttribute(const char* cell_class) {
  return cell_class == nullptr ? "" : fmt::format(R"( class="{}")", cell_class);
}

std::string HeaderRow() {
  std::string row = "<tr>";
  for (const Column& column : Columns()) {
    const char* sort = column.sort == SortBy::kValue  ? R"( data-sort="number")"
                       : column.sort == SortBy::kText ? R"( data-sort="text")"
                                                      : "";
    row += fmt::format("<th{}{}>{}</th>", ClassAttribute(column.cell_class), sort, column.header);
  }
  return row + "</tr>";
}

// A number as JavaScript's Number() reads it back; infinities sort beyond every finite value.
std::string SortValue(double value) {
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  return fmt::format("{}", value);
}

std::string SeriesRow(const SeriesComparison& series) {
  TableRow cells = FormatRow(series);
  std::string row = fmt::format(R"(<tr class="verdict-{}">)", VerdictName(series.verdict));
  for (const Column& column : Columns()) {
    std::string value;
    if (column.value) {
      // An unknown value has none: it sorts last.
      double number = column.value(series);
      if (!std::isnan(number)) value = fmt::format(R"( data-value="{}")", SortValue(number));
    }
    row += fmt::format("<td{}{}>{}</td>", ClassAttribute(column.cell_class), value,
                       column.html(series, cells));
  }
  return row + "</tr>\n";
}

}  // namespace

std::string RenderHtml(const ReportInput& input) {
  const StoredComparison& stored = input.comparison;
  const Comparison& comparison = stored.comparison;
  std::vector<const SeriesComparison*> ordered = InReportOrder(comparison);
  std::string summary = Summary(comparison);
  std::string out = R"(<div class="comparison">)";
  out += "<p class=\"summary\">";
  if (!ordered.empty()) out += VerdictBadge(ordered.front()->verdict) + " ";
  out += EscapeHtml(summary) + "</p>\n";
  out += fmt::format("<p>Candidate {} ({}) vs base {} ({}); {}.</p>\n",
                     HtmlCommit(input.repository_url, stored.candidate_commit),
                     JobLink(stored.candidate_job),
                     HtmlCommit(input.repository_url, stored.base_commit), JobLink(stored.base_job),
                     EscapeHtml(HowMeasured(stored)));
  if (ordered.empty()) return out + "</div>\n";
  out += "<div class=\"table-wrap\"><table class=\"series\" data-sortable>\n<thead>" + HeaderRow() +
         "</thead>\n<tbody>\n";
  for (const SeriesComparison* series : ordered) out += SeriesRow(*series);
  return out + "</tbody></table></div></div>\n";
}

}  // namespace perfgate
