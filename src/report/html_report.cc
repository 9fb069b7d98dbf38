// The comparison as an HTML fragment for the web UI's pages (RenderHtml in report.h).
#include <fmt/format.h>

#include "report/format.h"
#include "report/html.h"
#include "report/report.h"
#include "report/table.h"

namespace perfgate {
namespace {

std::string JobLink(JobId job) {
  return HtmlLink(fmt::format("/jobs/{}", job), fmt::format("job {}", job));
}

std::string HowMeasured(const StoredComparison& stored) {
  if (stored.mode == ComparisonMode::kStored) return "stored: against the master set of the base";
  return "interleaved: base and candidate measured pair by pair in this job";
}

// A <th> or <td> of `column`, numbers right-aligned so that digits line up.
std::string Cell(std::string_view tag, size_t column, std::string_view text) {
  return fmt::format("<{0}{1}>{2}</{0}>", tag, IsNumericColumn(column) ? R"( class="num")" : "",
                     EscapeHtml(text));
}

std::string HeaderRow() {
  std::string row = "<tr>";
  for (size_t column = 0; column < kTableColumns; ++column) {
    row += Cell("th", column, kTableHeader[column]);
  }
  return row + "<th>note</th></tr>";
}

std::string SeriesRow(const SeriesComparison& series) {
  TableRow cells = FormatRow(series);
  std::string row = fmt::format(R"(<tr class="verdict-{}">)", VerdictName(series.verdict));
  // The last column is the verdict, shown as a badge rather than as text.
  for (size_t column = 0; column + 1 < kTableColumns; ++column) {
    row += Cell("td", column, cells[column]);
  }
  return row + fmt::format("<td>{}</td><td class=\"note\">{}</td></tr>\n",
                           VerdictBadge(series.verdict), EscapeHtml(SeriesNote(series)));
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
  out += "<div class=\"table-wrap\"><table class=\"series\">\n<thead>" + HeaderRow() +
         "</thead>\n<tbody>\n";
  for (const SeriesComparison* series : ordered) out += SeriesRow(*series);
  return out + "</tbody></table></div></div>\n";
}

}  // namespace perfgate
