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

std::string ProgressHtml(const JobProgress& progress) {
  int percent = static_cast<int>(std::floor(progress.fraction * 100));
  return fmt::format(
      R"(<span class="progress" data-progress><progress max="1" value="{:.4f}">{}%</progress> )"
      R"(<span class="progress-text">{}/{} windows · {}%</span></span>)",
      progress.fraction, percent, progress.windows_done, progress.windows_planned, percent);
}

}  // namespace perfgate
