#include <algorithm>
#include <cctype>

#include "analysis/comparison.h"
#include "report/report.h"
#include "web/api_routes.h"
#include "web/job_views.h"
#include "web/json_codec.h"
#include "web/request_parsing.h"

namespace perfgate {
namespace {

ApiResult GetRun(const ApiContext& context, const ApiRequest& request) {
  auto id = PathId(request, "id", "run");
  if (!id) return std::unexpected(id.error());
  auto run = context.store->GetRun(*id);
  if (!run) return std::unexpected(FromError(request, run.error()));
  auto results = RunResults(*context.store, *run);
  if (!results) return std::unexpected(FromError(request, results.error()));
  Json answer = RunToJson(*run);
  answer["results"] = std::move(*results);
  return JsonResponse(answer.dump(2));
}

bool AllDigits(const std::string& text) {
  return !text.empty() &&
         std::ranges::all_of(text, [](unsigned char c) { return std::isdigit(c); });
}

// One side of a comparison: a job id (digits only), or a revision whose newest succeeded
// job is taken.
std::expected<Job, ApiError> ComparedJob(const ApiContext& context, const ApiRequest& request,
                                         const std::string& side) {
  std::optional<std::string> value = request.Query(side);
  if (!value || value->empty()) {
    return std::unexpected(InvalidFields(
        {{side, "is required: a job id or a revision, e.g. ?base=main&head=42"}}, request.Where()));
  }
  if (AllDigits(*value)) {
    std::optional<int64_t> id = ParseInteger(*value, 1, INT64_MAX);
    Result<Job> job =
        id ? context.store->GetJob(*id) : std::unexpected(NotFound("no job has the id " + *value));
    if (!job) return std::unexpected(FromError(request, job.error().In(side)));
    return *job;
  }
  Result<std::string> commit = context.resolve_commit(*value);
  if (!commit) {
    if (commit.error().kind == ErrorKind::kUnavailable ||
        commit.error().kind == ErrorKind::kInternal) {
      return std::unexpected(FromError(request, commit.error()));
    }
    return std::unexpected(InvalidFields(
        {{side, "\"" + *value + "\" is not a revision of the repository"}}, request.Where()));
  }
  JobFilter succeeded;
  succeeded.state = JobState::kSucceeded;
  succeeded.commit = *commit;
  succeeded.limit = 1;
  auto jobs = context.store->ListJobs(succeeded);
  if (!jobs) return std::unexpected(FromError(request, jobs.error()));
  if (jobs->empty()) {
    return std::unexpected(ToApiError(NotFound(
        "no succeeded job measured " + *value + " (" + *commit + ")", request.Where() + ": " + side,
        "enqueue one with POST /api/v1/jobs, or name a job id")));
  }
  return jobs->front();
}

ApiResult GetComparison(const ApiContext& context, const ApiRequest& request) {
  auto base = ComparedJob(context, request, "base");
  if (!base) return std::unexpected(base.error());
  auto head = ComparedJob(context, request, "head");
  if (!head) return std::unexpected(head.error());
  auto base_samples = context.store->LoadSamples(base->id);
  if (!base_samples) return std::unexpected(FromError(request, base_samples.error()));
  auto head_samples = context.store->LoadSamples(head->id);
  if (!head_samples) return std::unexpected(FromError(request, head_samples.error()));
  StoredComparison stored{
      .base_job = base->id,
      .candidate_job = head->id,
      .base_commit = base->commit,
      .candidate_commit = head->commit,
      .created_at = context.clock->Now(),
      .comparison = CompareUnpaired(*base_samples, *head_samples, context.config->scenarios,
                                    AnalysisPolicy{.level = context.config->analysis.fdr})};
  return JsonResponse(RenderJson(ReportInput{stored, context.config->repository.url}));
}

ApiResult GetHistory(const ApiContext& context, const ApiRequest& request) {
  std::vector<FieldError> errors;
  for (const char* required : {"scenario", "metric"}) {
    if (request.Query(required).value_or("").empty()) {
      errors.push_back({required, "is required, e.g. ?scenario=http-api&metric=latency_p99"});
    }
  }
  if (!errors.empty()) return std::unexpected(InvalidFields(std::move(errors), request.Where()));
  std::string scenario = *request.Query("scenario");
  std::string metric = *request.Query("metric");
  std::string series = request.Query("series").value_or("");
  auto points = context.store->History(scenario, metric, series);
  if (!points) return std::unexpected(FromError(request, points.error()));
  auto change_points = context.store->ListChangePoints(scenario, metric, series);
  if (!change_points) return std::unexpected(FromError(request, change_points.error()));
  Json list = Json::array();
  for (const HistoryPoint& point : *points) list.push_back(HistoryPointToJson(point));
  Json changes = Json::array();
  for (const ChangePointRecord& change : *change_points)
    changes.push_back(ChangePointToJson(change));
  Json answer = {{"scenario", scenario},
                 {"metric", metric},
                 {"series", series.empty() ? Json(nullptr) : Json(series)},
                 {"points", std::move(list)},
                 {"change_points", std::move(changes)}};
  return JsonResponse(answer.dump(2));
}

}  // namespace

void AddResultRoutes(Router& router) {
  router.Add("GET", "/api/v1/runs/{id}", Access::kRead, GetRun);
  router.Add("GET", "/api/v1/comparisons", Access::kRead, GetComparison);
  router.Add("GET", "/api/v1/history", Access::kRead, GetHistory);
}

}  // namespace perfgate
