// GET /compare and /jobs/{id}/comparison: two jobs side by side (page_routes.h).
#include <fmt/format.h>

#include <map>

#include "report/format.h"
#include "report/html.h"
#include "report/report.h"
#include "web/job_comparison.h"
#include "web/job_html.h"
#include "web/page.h"
#include "web/page_routes.h"
#include "web/query_string.h"
#include "web/request_parsing.h"

namespace perfgate {
namespace {

// Jobs offered to pick from: the newest that can be compared.
constexpr int kPickedFrom = 50;

using Subjects = std::map<std::string, std::string>;

std::string SubjectHtml(const Subjects& subjects, const std::string& commit) {
  auto subject = subjects.find(commit);
  if (subject == subjects.end()) return {};
  return fmt::format(" <span class=\"subject\">{}</span>", EscapeHtml(subject->second));
}

// "baseline · main · #12", what a job measured for whom.
std::string Origin(const Job& job) {
  std::string origin = JobKindName(job.kind);
  if (!job.ref.empty()) origin += " · " + job.ref;
  if (job.pull_request) origin += fmt::format(" · pull request #{}", *job.pull_request);
  return origin;
}

// One side of a comparison: its job, commit and subject, origin and when it finished.
std::string SideHtml(const ApiContext& context, const char* side, const Job& job,
                     const Subjects& subjects, TimePoint now) {
  return fmt::format(
      "<div class=\"side\"><h2>{} {} {}</h2><p>{}{}</p><p class=\"hint\">{}{}</p></div>\n", side,
      JobLinkHtml(job.id), StateBadge(job.state),
      HtmlCommit(context.config->repository.url, job.commit), SubjectHtml(subjects, job.commit),
      EscapeHtml(Origin(job)),
      job.finished_at ? ", finished " + HtmlTime(*job.finished_at, now) : "");
}

std::string SidesHtml(const ApiContext& context, const Job& base, const Job& head, TimePoint now) {
  Subjects subjects = CommitSubjects(context, {base.commit, head.commit});
  if (base.id == head.id) {
    return "<div class=\"sides\">\n" + SideHtml(context, "Both sides in", head, subjects, now) +
           "</div>\n";
  }
  return "<div class=\"sides\">\n" + SideHtml(context, "Base", base, subjects, now) +
         SideHtml(context, "Candidate", head, subjects, now) + "</div>\n";
}

std::string CompareUrl(const std::string& base, const std::string& head) {
  return "/compare" + QueryString({{"base", base}, {"head", head}});
}

// What the form and the links of the page start from: the sides as the request named them.
struct Picked {
  std::string base;
  std::string head;
};

// The form that names the two sides, each a job id or a revision; the recent jobs are offered
// as the browser's suggestions.
std::string PickForm(const Picked& picked) {
  return fmt::format(
      "<form class=\"filters pick\" method=\"get\" action=\"/compare\">"
      "<label>base <input type=\"text\" name=\"base\" value=\"{}\" list=\"recent-jobs\" "
      "placeholder=\"job id or revision\" required></label> "
      "<label>candidate <input type=\"text\" name=\"head\" value=\"{}\" list=\"recent-jobs\" "
      "placeholder=\"job id or revision\" required></label> "
      "<button type=\"submit\">Compare</button>{}</form>\n",
      EscapeHtml(picked.base), EscapeHtml(picked.head),
      picked.base.empty() || picked.head.empty()
          ? ""
          : " " + HtmlLink(CompareUrl(picked.head, picked.base), "swap sides"));
}

// The recent succeeded jobs: as suggestions of the form, and as a table whose links pick a
// side and keep the other.
Result<std::string> RecentJobs(const ApiContext& context, const Picked& picked, TimePoint now) {
  JobFilter filter;
  filter.state = JobState::kSucceeded;
  filter.limit = kPickedFrom;
  auto jobs = context.store->ListJobs(filter);
  if (!jobs) return std::unexpected(jobs.error());
  std::vector<std::string> commits;
  for (const Job& job : *jobs) commits.push_back(job.commit);
  Subjects subjects = CommitSubjects(context, commits);
  std::string options;
  std::string rows;
  for (const Job& job : *jobs) {
    std::string id = std::to_string(job.id);
    auto subject = subjects.find(job.commit);
    options += fmt::format("<option value=\"{}\">{} {} {}</option>", id, JobKindName(job.kind),
                           ShortCommit(job.commit),
                           EscapeHtml(subject == subjects.end() ? job.ref : subject->second));
    rows += fmt::format(
        "<tr data-job=\"{}\"><td>{}</td><td>{}</td><td>{}{}</td><td>{}</td><td>{}</td>"
        "<td>{} · {}</td></tr>\n",
        id, JobLinkHtml(job.id), JobKindName(job.kind),
        HtmlCommit(context.config->repository.url, job.commit), SubjectHtml(subjects, job.commit),
        EscapeHtml(job.ref), job.finished_at ? HtmlTime(*job.finished_at, now) : "",
        HtmlLink(CompareUrl(id, picked.head), "as base"),
        HtmlLink(CompareUrl(picked.base, id), "as candidate"));
  }
  std::string list = fmt::format("<datalist id=\"recent-jobs\">{}</datalist>\n", options);
  if (jobs->empty()) {
    return list + "<p class=\"empty\">No job has succeeded yet: there is nothing to compare.</p>\n";
  }
  return list +
         "<section id=\"recent\">\n<h2>Recent jobs</h2>\n<div class=\"table-wrap\"><table "
         "class=\"jobs\">\n<thead><tr><th>job</th><th>kind</th><th>commit</th><th>branch</th>"
         "<th>finished</th><th>pick</th></tr></thead>\n<tbody>\n" +
         rows + "</tbody></table></div>\n</section>\n";
}

ApiResponse CompareHtml(std::string content, int status = 200) {
  return HtmlPage(Page{.title = "Compare",
                       .nav = "/compare",
                       .content = std::move(content),
                       .scripts = {"sortable.js"}},
                  status);
}

// The form, what was wrong with the sides named (a page of its own status: 422 or 404, so that
// it reads as the failure it is), and the jobs to pick from.
ApiResult PickPage(const ApiContext& context, const ApiRequest& request, const Picked& picked,
                   const std::optional<ApiError>& problem) {
  TimePoint now = context.clock->Now();
  std::string content = "<h1>Compare</h1>\n" + PickForm(picked);
  if (problem) {
    content +=
        fmt::format("<p class=\"error\" role=\"alert\">{}</p>\n",
                    EscapeHtml(problem->error.what +
                               (problem->error.fix.empty() ? "" : ": " + problem->error.fix)));
  } else {
    content +=
        "<p class=\"hint\">Pick two jobs, or name each side by a job id or a revision (a "
        "revision stands for its newest succeeded job). Every series of the candidate is compared "
        "window by window with the base's.</p>\n";
  }
  Result<std::string> recent = RecentJobs(context, picked, now);
  if (!recent) return std::unexpected(FromError(request, recent.error()));
  return CompareHtml(content + *recent, problem ? problem->status : 200);
}

ApiResult ComparePage(const ApiContext& context, const ApiRequest& request) {
  Picked picked{request.Query("base").value_or(""), request.Query("head").value_or("")};
  if (picked.base.empty() || picked.head.empty()) {
    return PickPage(context, request, picked, std::nullopt);
  }
  std::expected<Job, ApiError> base = ComparedJob(context, request, "base");
  std::expected<Job, ApiError> head = base ? ComparedJob(context, request, "head") : base;
  if (!head) {
    // What the user can mend is shown on the form; a store or repository down is an error page.
    if (head.error().status != kStatusUnprocessable && head.error().status != 404) {
      return std::unexpected(head.error());
    }
    return PickPage(context, request, picked, head.error());
  }
  auto stored = CompareJobs(context, *base, *head);
  if (!stored) return std::unexpected(FromError(request, stored.error()));
  std::string content =
      "<h1>Compare</h1>\n" + PickForm(picked) +
      SidesHtml(context, *base, *head, context.clock->Now()) + "<section id=\"comparison\">\n" +
      RenderHtml(ReportInput{*stored, context.config->repository.url}) + "</section>\n";
  return CompareHtml(std::move(content));
}

// A job's stored comparison, as the job measured it (its pairs, or the master set of its base):
// what GitHub statuses and comments link to.
ApiResult JobComparisonPage(const ApiContext& context, const ApiRequest& request) {
  auto id = PathId(request, "id", "job");
  if (!id) return std::unexpected(id.error());
  auto job = context.store->GetJob(*id);
  if (!job) return std::unexpected(FromError(request, job.error()));
  auto comparison = context.store->LoadComparison(*id);
  if (!comparison) return std::unexpected(FromError(request, comparison.error()));
  std::string content = fmt::format(
      "<h1>Comparison of job {} {}</h1>\n<p>{}</p>\n", *id, ComparisonBadge(*comparison),
      HtmlLink(fmt::format("/jobs/{}", *id), "the job: phases, results and log"));
  if (*comparison) {
    // The base job of a stored comparison may have been removed since: the sides then go.
    Result<Job> base =
        (*comparison)->base_job == *id ? *job : context.store->GetJob((*comparison)->base_job);
    if (base) {
      content += SidesHtml(context, *base, *job, context.clock->Now());
    } else if (base.error().kind != ErrorKind::kNotFound) {
      return std::unexpected(FromError(request, base.error()));
    }
  }
  content += "<section id=\"comparison\">\n" +
             ComparisonHtml(context.config->repository.url, *job, *comparison) + "</section>\n";
  return HtmlPage(Page{.title = fmt::format("Comparison of job {}", *id),
                       .nav = "",
                       .content = std::move(content),
                       .scripts = {"sortable.js"}});
}

}  // namespace

void AddComparePages(Router& router) {
  router.AddPage("/compare", ComparePage);
  router.AddPage("/jobs/{id}/comparison", JobComparisonPage);
}

}  // namespace perfgate
