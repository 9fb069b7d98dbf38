#include "report/report.h"
#include "web/api_routes.h"
#include "web/history_chart.h"
#include "web/job_comparison.h"
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

ApiResult GetComparison(const ApiContext& context, const ApiRequest& request) {
  auto base = ComparedJob(context, request, "base");
  if (!base) return std::unexpected(base.error());
  auto head = ComparedJob(context, request, "head");
  if (!head) return std::unexpected(head.error());
  auto stored = CompareJobs(context, *base, *head);
  if (!stored) return std::unexpected(FromError(request, stored.error()));
  return JsonResponse(RenderJson(ReportInput{*stored, context.config->repository.url}));
}

// The newest test jobs whose results the history chart marks: enough for months of pull
// requests, few enough to stay a small part of the chart's data.
constexpr int kChartedTestJobs = 500;

struct MetricName {
  std::string scenario;
  std::string metric;
};

// ?scenario=&metric=, both required: 422 naming each one missing.
std::expected<MetricName, ApiError> RequestedMetric(const ApiRequest& request) {
  std::vector<FieldError> errors;
  for (const char* required : {"scenario", "metric"}) {
    if (request.Query(required).value_or("").empty()) {
      errors.push_back({required, "is required, e.g. ?scenario=http-api&metric=latency_p99"});
    }
  }
  if (!errors.empty()) return std::unexpected(InvalidFields(std::move(errors), request.Where()));
  return MetricName{*request.Query("scenario"), *request.Query("metric")};
}

ApiResult GetHistory(const ApiContext& context, const ApiRequest& request) {
  auto name = RequestedMetric(request);
  if (!name) return std::unexpected(name.error());
  const auto& [scenario, metric] = *name;
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

ApiResult GetHistoryChart(const ApiContext& context, const ApiRequest& request) {
  auto name = RequestedMetric(request);
  if (!name) return std::unexpected(name.error());
  const auto& [scenario, metric] = *name;
  auto points = context.store->History(scenario, metric, "");
  if (!points) return std::unexpected(FromError(request, points.error()));
  auto change_points = context.store->ListChangePoints(scenario, metric, "");
  if (!change_points) return std::unexpected(FromError(request, change_points.error()));
  auto candidates = context.store->CandidateHistory(scenario, metric, "", kChartedTestJobs);
  if (!candidates) return std::unexpected(FromError(request, candidates.error()));
  // The commit order is a courtesy too: without it, the order the jobs finished in.
  std::vector<std::string> branch_commits;
  if (context.default_branch_commits) {
    branch_commits = context.default_branch_commits().value_or(std::vector<std::string>());
  }
  HistoryChart chart = BuildHistoryChart(*points, *change_points, *candidates, branch_commits);
  // A metric no longer in the config keeps its history, without a unit.
  const MetricConfig* config = context.config->FindMetric(scenario, metric);
  return JsonResponse(HistoryChartJson(chart, scenario, metric,
                                       config == nullptr ? "" : config->unit,
                                       CommitSubjects(context, chart.commits)));
}

}  // namespace

void AddResultRoutes(Router& router) {
  router.Add("GET", "/api/v1/runs/{id}", Access::kRead, GetRun);
  router.Add("GET", "/api/v1/comparisons", Access::kRead, GetComparison);
  router.Add("GET", "/api/v1/history", Access::kRead, GetHistory);
  router.Add("GET", "/api/v1/history/chart", Access::kRead, GetHistoryChart);
}

}  // namespace perfgate
