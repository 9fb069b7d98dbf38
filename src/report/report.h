// A stored comparison rendered for people and programs: a terminal table, a Markdown
// comment for GitHub, an HTML fragment for the web UI, and JSON for the API.
//
// Pure functions of their input: they return text and do no I/O. Every renderer shows the
// same Summary() and, where series are listed for people, the same InReportOrder().
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/comparison.h"
#include "store/store.h"

namespace perfgate {

// Everything a report shows. `comparison` must outlive the ReportInput.
struct ReportInput {
  const StoredComparison& comparison;  // jobs, commits and every series' result
  std::string repository_url = {};     // links commits when it is an http(s) URL; may be empty
};

// The order in which reports list verdicts: what needs action first.
inline constexpr std::array<Verdict, 5> kReportVerdictOrder = {
    Verdict::kRegression, Verdict::kImprovement, Verdict::kInconclusive, Verdict::kMissing,
    Verdict::kUnchanged};

// One line for the whole comparison, regressions first and always mentioned:
// "1 regression, 2 improvements, 9 unchanged", "no regression, 3 unchanged";
// "no series compared" when there is nothing.
std::string Summary(const Comparison& comparison);

// The series by kReportVerdictOrder; within a verdict, in the comparison's own order.
std::vector<const SeriesComparison*> InReportOrder(const Comparison& comparison);

// The web page of `commit` on a GitHub-like host ("URL/commit/SHA", with ".git" and any
// credentials left out of URL); empty when `repository_url` is not http(s) or `commit` is empty.
std::string CommitUrl(std::string_view repository_url, std::string_view commit);

// The page of pull request `pull_request` on a GitHub-like host ("URL/pull/N"), the same way;
// empty when `repository_url` is not http(s).
std::string PullRequestUrl(std::string_view repository_url, int pull_request);

// A summary line with short SHAs and job ids, then a table aligned by display width and the
// notes of the series that have one. ANSI colours only when `color`.
std::string RenderTerminal(const ReportInput& input, bool color);

// A one-line verdict, a table of the series that changed (every verdict but unchanged) and
// the unchanged ones folded in <details>. Labels are escaped for GitHub Markdown.
std::string RenderMarkdown(const ReportInput& input);

// `text` verbatim in a fenced code block: its lines kept and nothing in it read as Markdown.
// The fence is longer than any run of backticks in `text`, so none can close it early.
std::string MarkdownCodeBlock(std::string_view text);

// The comparison as an HTML fragment for the web UI: its summary with the most urgent
// verdict's badge, which commits and jobs were compared and how, and a table of every series
// in report order, each row coloured by its verdict, with its note. All text is escaped.
std::string RenderHtml(const ReportInput& input);

// The whole comparison as JSON (2-space indent, keys in a fixed order, NaN and infinities
// as null).
std::string RenderJson(const ReportInput& input);

}  // namespace perfgate
