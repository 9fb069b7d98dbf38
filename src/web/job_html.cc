#include "web/job_html.h"

#include <fmt/format.h>

#include <cmath>

#include "report/html.h"
#include "report/report.h"

namespace perfgate {

std::string JobLinkHtml(JobId id) {
  return HtmlLink(fmt::format("/jobs/{}", id), fmt::format("#{}", id));
}

std::string StateBadge(JobState state) {
  return fmt::format(R"(<span class="badge state-{0}">{0}</span>)", JobStateName(state));
}

std::string ComparisonBadge(const std::optional<StoredComparison>& comparison) {
  if (!comparison) return {};
  std::vector<const SeriesComparison*> ordered = InReportOrder(comparison->comparison);
  if (ordered.empty()) return {};
  return VerdictBadge(ordered.front()->verdict, Summary(comparison->comparison));
}

std::string ComparisonHtml(const std::string& repository_url, const Job& job,
                           const std::optional<StoredComparison>& comparison) {
  if (comparison) return RenderHtml(ReportInput{*comparison, repository_url});
  const char* why = "No comparison was stored for this job.";
  if (job.kind == JobKind::kBaseline) {
    why = "Baseline jobs are not compared: their results are the master set of their commit.";
  } else if (job.state == JobState::kQueued || job.state == JobState::kRunning) {
    why = "The comparison follows once the job has measured both sides.";
  }
  return fmt::format("<p class=\"empty\">{}</p>\n", why);
}

std::string ProgressHtml(const JobProgress& progress) {
  int percent = static_cast<int>(std::floor(progress.fraction * 100));
  return fmt::format(
      R"(<span class="progress" data-progress><progress max="1" value="{:.4f}">{}%</progress> )"
      R"(<span class="progress-text">{}/{} windows · {}%</span></span>)",
      progress.fraction, percent, progress.windows_done, progress.windows_planned, percent);
}

}  // namespace perfgate
