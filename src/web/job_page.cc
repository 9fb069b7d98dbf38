// GET /jobs/{id}: a job's page (page_routes.h).
#include <fmt/format.h>

#include <cmath>
#include <map>

#include "report/format.h"
#include "report/html.h"
#include "report/report.h"
#include "web/job_html.h"
#include "web/job_views.h"
#include "web/page.h"
#include "web/page_routes.h"
#include "web/request_parsing.h"

namespace perfgate {
namespace {

std::string UnitOf(const Config& config, const std::string& scenario, const std::string& metric) {
  const MetricConfig* found = config.FindMetric(scenario, metric);
  return found == nullptr ? std::string() : found->unit;
}

std::string Fact(const char* name, const std::string& html) {
  return fmt::format("<dt>{}</dt><dd>{}</dd>\n", name, html);
}

// The commit with its subject, when the repository tells it.
std::string CommitFact(const ApiContext& context, const std::string& commit) {
  std::string html = HtmlCommit(context.config->repository.url, commit);
  std::map<std::string, std::string> subjects = CommitSubjects(context, {commit});
  if (auto subject = subjects.find(commit); subject != subjects.end()) {
    html += fmt::format(" <span class=\"subject\">{}</span>", EscapeHtml(subject->second));
  }
  return html;
}

std::string SummarySection(const ApiContext& context, const JobRecord& record, TimePoint now) {
  const Job& job = record.job;
  const std::string& repository = context.config->repository.url;
  std::string facts = Fact("commit", CommitFact(context, job.commit));
  if (!job.ref.empty()) facts += Fact("branch", EscapeHtml(job.ref));
  facts += Fact("kind", JobKindName(job.kind));
  if (!job.base_commit.empty()) facts += Fact("base", HtmlCommit(repository, job.base_commit));
  if (job.pull_request) {
    facts += Fact("pull request", HtmlLink(PullRequestUrl(repository, *job.pull_request),
                                           fmt::format("#{}", *job.pull_request)));
  }
  facts += Fact("requested by", EscapeHtml(job.requested_by.empty() ? "-" : job.requested_by));
  facts += Fact("queued", HtmlTimeInFull(job.created_at, now));
  if (job.started_at) facts += Fact("started", HtmlTimeInFull(*job.started_at, now));
  if (job.finished_at) facts += Fact("finished", HtmlTimeInFull(*job.finished_at, now));
  if (job.started_at && job.finished_at) {
    facts += Fact("took", FormatElapsed(*job.finished_at - *job.started_at));
  }
  facts += Fact("attempts", std::to_string(job.attempts));
  if (!job.worker.empty()) facts += Fact("worker", EscapeHtml(job.worker));
  if (job.waits_for) facts += Fact("waits for", JobLinkHtml(*job.waits_for));
  if (job.cancel_requested && job.state == JobState::kRunning) {
    facts += Fact("cancel", "requested: the worker stops it within a heartbeat");
  }
  if (!job.failure_reason.empty()) {
    facts += Fact("reason", fmt::format("<span class=\"error reason\">{}</span>",
                                        EscapeHtml(job.failure_reason)));
  }
  std::string progress;
  if (record.progress) {
    progress = fmt::format("<p class=\"running\"><span data-phase>{}</span> {}</p>\n",
                           EscapeHtml(record.progress->phase), ProgressHtml(*record.progress));
  }
  return fmt::format(
      "<section id=\"summary\" data-live data-state=\"{0}\">\n<h1>Job {1} {2} {3}</h1>\n"
      "<dl class=\"facts\">\n{4}</dl>\n{5}</section>\n",
      JobStateName(job.state), job.id, StateBadge(job.state), ComparisonBadge(record.comparison),
      facts, progress);
}

// Cancel and re-run: they need the API token, which only the page's script can send, so
// they stay hidden until it shows them.
std::string Actions(const Job& job) {
  return fmt::format(
      "<div class=\"actions\" id=\"actions\" data-job=\"{}\" hidden>"
      "<button type=\"button\" data-action=\"cancel\">Cancel</button> "
      "<button type=\"button\" data-action=\"retry\">Re-run</button> "
      "<span class=\"action-status\" role=\"status\"></span></div>\n",
      job.id);
}

std::string PhasesSection(const JobRecord& record, TimePoint now) {
  std::string rows;
  for (const PhaseRecord& phase : record.phases) {
    std::string took = phase.finished_at ? FormatElapsed(*phase.finished_at - phase.started_at)
                                         : "running " + FormatElapsed(now - phase.started_at);
    rows += fmt::format(
        "<tr{}><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"error\">{}</td></tr>\n",
        phase.error.empty() ? "" : " class=\"failed\"", EscapeHtml(PhaseLabel(phase)),
        HtmlTime(phase.started_at, now), took, EscapeHtml(phase.error));
  }
  std::string body =
      rows.empty()
          ? "<p class=\"empty\">No phase has started yet.</p>\n"
          : "<div class=\"table-wrap\"><table class=\"phases\">\n<thead><tr><th>phase</th>"
            "<th>started</th><th class=\"num\">took</th><th>error</th></tr></thead>\n<tbody>\n" +
                rows + "</tbody></table></div>\n";
  return "<section id=\"phases\" data-live>\n<h2>Phases</h2>\n" + body + "</section>\n";
}

// "1.20 ms – 1.35 ms (±5.9%)": the range of the present samples and its half-width relative to
// the median.
std::string Spread(const SeriesSummary& summary, const std::string& unit) {
  if (std::isnan(summary.min)) return std::string(kNotAvailable);
  std::string range = FormatValue(summary.min, unit) + " – " + FormatValue(summary.max, unit);
  if (summary.median == 0 || std::isnan(summary.median)) return range;
  double half = (summary.max - summary.min) / 2 / std::abs(summary.median);
  return fmt::format("{} (±{:.1f}%)", range, half * 100);
}

std::string ResultsSection(const ApiContext& context, const JobRecord& record) {
  std::string rows;
  for (const SeriesSummary& summary : record.results) {
    std::string unit = UnitOf(*context.config, summary.scenario, summary.metric);
    std::string samples = std::to_string(summary.sample_count);
    if (summary.missing_count > 0) samples += fmt::format(" ({} missing)", summary.missing_count);
    rows += fmt::format(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
        HtmlCommit(context.config->repository.url, summary.commit), EscapeHtml(summary.scenario),
        EscapeHtml(summary.metric), EscapeHtml(summary.series), samples,
        EscapeHtml(FormatValue(summary.median, unit)), EscapeHtml(Spread(summary, unit)));
  }
  std::string body =
      rows.empty()
          ? "<p class=\"empty\">No results yet: a run's samples are stored when it succeeds.</p>\n"
          : "<div class=\"table-wrap\"><table class=\"results\">\n<thead><tr><th>commit</th>"
            "<th>scenario</th><th>metric</th><th>series</th><th class=\"num\">samples</th>"
            "<th class=\"num\">median</th><th class=\"num\">spread</th></tr></thead>\n<tbody>\n" +
                rows + "</tbody></table></div>\n";
  return "<section id=\"results\" data-live>\n<h2>Results</h2>\n" + body + "</section>\n";
}

std::string LogSection(JobId id) {
  return fmt::format(
      "<section id=\"log\">\n<h2>Log</h2>\n"
      "<div class=\"log-tools\" hidden><input type=\"search\" id=\"log-search\" "
      "placeholder=\"search the log\" aria-label=\"search the log\"> "
      "<label class=\"check\"><input type=\"checkbox\" id=\"log-follow\" checked> follow</label> "
      "<span id=\"log-matches\" role=\"status\"></span></div>\n"
      "<pre id=\"log-text\" class=\"log\" data-job=\"{0}\" tabindex=\"0\"></pre>\n"
      "<p><a href=\"/api/v1/jobs/{0}/log\">the log as plain text</a></p>\n</section>\n",
      id);
}

std::expected<JobRecord, ApiError> Record(const ApiContext& context, const ApiRequest& request) {
  auto id = PathId(request, "id", "job");
  if (!id) return std::unexpected(id.error());
  auto record = LoadJobRecord(context, *id);
  if (!record) return std::unexpected(FromError(request, record.error()));
  return std::move(*record);
}

ApiResult JobPage(const ApiContext& context, const ApiRequest& request) {
  auto record = Record(context, request);
  if (!record) return std::unexpected(record.error());
  TimePoint now = context.clock->Now();
  std::string content =
      SummarySection(context, *record, now) + Actions(record->job) + PhasesSection(*record, now) +
      ResultsSection(context, *record) +
      "<section id=\"comparison\" data-live>\n<h2>Comparison</h2>\n" +
      ComparisonHtml(context.config->repository.url, record->job, record->comparison) +
      "</section>\n" + LogSection(record->job.id);
  return HtmlPage(Page{.title = fmt::format("Job {}", record->job.id),
                       .nav = "",
                       .content = content,
                       .scripts = {"job.js", "sortable.js"}});
}

}  // namespace

void AddJobPages(Router& router) { router.AddPage("/jobs/{id}", JobPage); }

}  // namespace perfgate
