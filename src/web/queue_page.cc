// GET /: the queue page (page_routes.h).
#include <fmt/format.h>

#include <algorithm>

#include "report/format.h"
#include "report/html.h"
#include "web/job_html.h"
#include "web/job_views.h"
#include "web/page.h"
#include "web/page_routes.h"
#include "web/request_parsing.h"

namespace perfgate {
namespace {

constexpr int kQueuedShown = 100;
constexpr int kRecentShown = 25;

// A <select> of `name` with "any" and each of `values`, `selected` chosen.
std::string Select(const char* name, const std::vector<const char*>& values,
                   const std::string& selected) {
  std::string options = R"(<option value="">any</option>)";
  for (const char* value : values) {
    options += fmt::format(R"(<option{}>{}</option>)", selected == value ? " selected" : "", value);
  }
  return fmt::format(R"(<label>{0} <select name="{0}">{1}</select></label>)", name, options);
}

std::string FilterForm(const ApiRequest& request) {
  return fmt::format(
      R"(<form class="filters" method="get" action="/">{}{}<label>branch <input type="text" )"
      R"(name="branch" value="{}" placeholder="any"></label> <button type="submit">Filter</button> )"
      R"(<a href="/">clear</a></form>)"
      "\n",
      Select("kind", {"baseline", "test", "experiment"}, request.Query("kind").value_or("")),
      Select("state", {"queued", "running", "succeeded", "failed", "cancelled"},
             request.Query("state").value_or("")),
      EscapeHtml(request.Query("branch").value_or("")));
}

// A section the pages' scripts may replace with a newer copy of itself (data-live).
std::string Section(const char* id, const std::string& heading, const std::string& body) {
  return fmt::format("<section id=\"{0}\" data-live>\n<h2>{1}</h2>\n{2}</section>\n", id, heading,
                     body);
}

std::string Table(const std::string& header, const std::string& rows) {
  return fmt::format(
      "<div class=\"table-wrap\"><table class=\"jobs\">\n<thead><tr>{}</tr></thead>\n<tbody>\n{}"
      "</tbody></table></div>\n",
      header, rows);
}

std::string Empty(const char* text) { return fmt::format("<p class=\"empty\">{}</p>\n", text); }

// The cells every job list starts with: job, kind, commit, branch.
std::string JobCells(const ApiContext& context, const Job& job) {
  return fmt::format("<td>{}</td><td>{}</td><td>{}</td><td>{}</td>", JobLinkHtml(job.id),
                     JobKindName(job.kind), HtmlCommit(context.config->repository.url, job.commit),
                     EscapeHtml(job.ref));
}

constexpr char kJobColumns[] = "<th>job</th><th>kind</th><th>commit</th><th>branch</th>";

Result<std::string> RunningSection(const ApiContext& context, JobFilter filter, TimePoint now) {
  filter.state = JobState::kRunning;
  auto jobs = context.store->ListJobs(filter);
  if (!jobs) return std::unexpected(jobs.error());
  std::string rows;
  for (const Job& job : *jobs) {
    auto progress = LoadProgress(context, job);
    if (!progress) return std::unexpected(progress.error());
    JobProgress shown = progress->value_or(JobProgress{});
    rows += fmt::format("<tr data-job=\"{}\">{}<td data-phase>{}</td><td>{}</td><td>{}</td></tr>\n",
                        job.id, JobCells(context, job), EscapeHtml(shown.phase),
                        ProgressHtml(shown), job.started_at ? HtmlTime(*job.started_at, now) : "");
  }
  std::string body =
      jobs->empty()
          ? Empty("No job is running.")
          : Table(std::string(kJobColumns) + "<th>phase</th><th>progress</th><th>started</th>",
                  rows);
  return Section("running", "Running", body);
}

Result<std::string> QueuedSection(const ApiContext& context, JobFilter filter, TimePoint now) {
  filter.state = JobState::kQueued;
  filter.oldest_first = true;
  filter.limit = kQueuedShown;
  auto jobs = context.store->ListJobs(filter);
  if (!jobs) return std::unexpected(jobs.error());
  std::string rows;
  int position = 0;
  for (const Job& job : *jobs) {
    std::string note = job.waits_for ? "waits for " + JobLinkHtml(*job.waits_for) : "";
    rows += fmt::format(
        "<tr data-job=\"{}\"><td class=\"num\">{}</td>{}<td>{}</td><td>{}</td><td>{}</td></tr>\n",
        job.id, ++position, JobCells(context, job), EscapeHtml(job.requested_by),
        HtmlTime(job.created_at, now), note);
  }
  std::string heading =
      jobs->size() == static_cast<size_t>(kQueuedShown)
          ? fmt::format("Queued <small>(the first {}, in the order they run)</small>", kQueuedShown)
          : "Queued <small>(in the order they run)</small>";
  std::string body = jobs->empty() ? Empty("Nothing is queued.")
                                   : Table(std::string("<th class=\"num\">#</th>") + kJobColumns +
                                               "<th>requested by</th><th>queued</th><th></th>",
                                           rows);
  return Section("queued", heading, body);
}

Result<std::string> RecentSection(const ApiContext& context, JobFilter filter, TimePoint now) {
  filter.finished = !filter.state;
  filter.limit = kRecentShown;
  auto jobs = context.store->ListJobs(filter);
  if (!jobs) return std::unexpected(jobs.error());
  std::string rows;
  for (const Job& job : *jobs) {
    auto comparison = context.store->LoadComparison(job.id);
    if (!comparison) return std::unexpected(comparison.error());
    std::string took = job.started_at && job.finished_at
                           ? FormatElapsed(*job.finished_at - *job.started_at)
                           : std::string(kNotAvailable);
    rows += fmt::format(
        "<tr data-job=\"{}\">{}<td>{} {}</td><td>{}</td><td class=\"num\">{}</td>"
        "<td class=\"note\">{}</td></tr>\n",
        job.id, JobCells(context, job), StateBadge(job.state), ComparisonBadge(*comparison),
        job.finished_at ? HtmlTime(*job.finished_at, now) : "", took,
        EscapeHtml(job.failure_reason));
  }
  std::string body =
      jobs->empty()
          ? Empty("No job has finished yet.")
          : Table(std::string(kJobColumns) +
                      "<th>result</th><th>finished</th><th class=\"num\">took</th><th></th>",
                  rows);
  return Section("recent", "Recent", body);
}

using SectionRenderer = Result<std::string> (*)(const ApiContext&, JobFilter, TimePoint);

ApiResult QueuePage(const ApiContext& context, const ApiRequest& request) {
  auto filter = ParseJobFilter(request);
  if (!filter) return std::unexpected(filter.error());
  // A state filter keeps the one section that lists jobs in that state.
  std::optional<JobState> state = filter->state;
  bool finished = state && *state != JobState::kRunning && *state != JobState::kQueued;
  std::vector<SectionRenderer> sections;
  if (!state || *state == JobState::kRunning) sections.push_back(RunningSection);
  if (!state || *state == JobState::kQueued) sections.push_back(QueuedSection);
  if (!state || finished) sections.push_back(RecentSection);
  TimePoint now = context.clock->Now();
  std::string content = "<h1>Queue</h1>\n" + FilterForm(request);
  for (SectionRenderer render : sections) {
    Result<std::string> section = render(context, *filter, now);
    if (!section) return std::unexpected(FromError(request, section.error()));
    content += *section;
  }
  return HtmlPage(Page{.title = "Queue", .nav = "/", .content = content, .scripts = {"queue.js"}});
}

}  // namespace

void AddQueuePage(Router& router) { router.AddPage("/", QueuePage); }

}  // namespace perfgate
