#include <algorithm>
#include <utility>

#include "base/logging.h"
#include "delivery/outbox_writer.h"
#include "delivery/reports.h"
#include "web/api_routes.h"
#include "web/enqueue_request.h"
#include "web/job_views.h"
#include "web/json_codec.h"
#include "web/request_parsing.h"

namespace perfgate {
namespace {

// Resolves a revision of the request; a revision the repository lacks is a field error, a
// repository that cannot be read is the request's error.
std::expected<std::string, ApiError> Resolve(const ApiContext& context, const ApiRequest& request,
                                             const std::string& field, const std::string& rev,
                                             std::vector<FieldError>& field_errors) {
  Result<std::string> sha = context.resolve_commit(rev);
  if (sha) return *sha;
  if (sha.error().kind == ErrorKind::kNotFound || sha.error().kind == ErrorKind::kInvalidInput) {
    field_errors.push_back(
        {field, "\"" + rev + "\" is not a revision of the repository (" + sha.error().what + ")"});
    return std::string();
  }
  return std::unexpected(FromError(request, sha.error()));
}

void TellJobQueued(const ApiContext& context) {
  if (context.job_queued) context.job_queued();
}

ApiResult CreateJob(const ApiContext& context, const ApiRequest& request) {
  auto body = JsonBody(request);
  if (!body) return std::unexpected(body.error());
  auto parsed = ParseEnqueueRequest(*body, context.config->scenarios);
  if (!parsed) return std::unexpected(InvalidFields(parsed.error(), request.Where()));
  std::vector<FieldError> field_errors;
  auto commit = Resolve(context, request, "commit", parsed->commit, field_errors);
  if (!commit) return std::unexpected(commit.error());
  std::string base;
  if (!parsed->base.empty()) {
    auto resolved = Resolve(context, request, "base", parsed->base, field_errors);
    if (!resolved) return std::unexpected(resolved.error());
    base = *resolved;
  }
  if (!field_errors.empty()) {
    return std::unexpected(InvalidFields(std::move(field_errors), request.Where()));
  }
  JobRequest job_request{.kind = parsed->kind,
                         .commit = *commit,
                         .ref = parsed->commit,
                         .scenarios = parsed->scenarios,
                         .base_commit = base,
                         .pull_request = parsed->pull_request,
                         .requested_by = "api"};
  auto enqueued = context.store->Enqueue(job_request, context.clock->Now());
  if (!enqueued) return std::unexpected(FromError(request, enqueued.error()));
  if (!enqueued->duplicate) {
    WriteToOutbox(*context.store, QueueChangeReports(*context.config, enqueued->job),
                  context.clock->Now());
    TellJobQueued(context);
  }
  Logger("web")->info("job enqueued id={} kind={} commit={} duplicate={}", enqueued->job.id,
                      JobKindName(enqueued->job.kind), enqueued->job.commit, enqueued->duplicate);
  return EnqueuedJobResponse(*enqueued);
}

ApiResult ListJobs(const ApiContext& context, const ApiRequest& request) {
  auto filter = ParseJobFilter(request);
  if (!filter) return std::unexpected(filter.error());
  auto jobs = context.store->ListJobs(*filter);
  if (!jobs) return std::unexpected(FromError(request, jobs.error()));
  Json list = Json::array();
  for (const Job& job : *jobs) {
    auto progress = LoadProgress(context, job);
    if (!progress) return std::unexpected(FromError(request, progress.error()));
    list.push_back(JobListEntry(job, *progress));
  }
  bool full_page = jobs->size() == static_cast<size_t>(filter->limit);
  Json answer = {{"jobs", std::move(list)},
                 {"next_before", full_page ? Json(jobs->back().id) : Json(nullptr)}};
  return JsonResponse(answer.dump(2));
}

// Cancel and retry: one store call on the job named in the path, answered with a job.
template <typename Action>
ApiResult ChangeJob(const ApiContext& context, const ApiRequest& request, const char* event,
                    int status, Action action) {
  auto id = PathId(request, "id", "job");
  if (!id) return std::unexpected(id.error());
  TimePoint now = context.clock->Now();
  Result<Job> job = action(*context.store, *id, now);
  if (!job) return std::unexpected(FromError(request, job.error()));
  WriteToOutbox(*context.store, QueueChangeReports(*context.config, *job), now);
  Logger("web")->info("{} job={} state={}", event, job->id, JobStateName(job->state));
  return JsonResponse(JobToJson(*job).dump(2), status);
}

ApiResult CancelJob(const ApiContext& context, const ApiRequest& request) {
  return ChangeJob(
      context, request, "job cancel requested", 200,
      [](Store& store, JobId id, TimePoint now) { return store.RequestCancel(id, now); });
}

ApiResult RetryJob(const ApiContext& context, const ApiRequest& request) {
  ApiResult answer =
      ChangeJob(context, request, "job retried", 201,
                [](Store& store, JobId id, TimePoint now) { return store.Retry(id, now); });
  if (answer) TellJobQueued(context);
  return answer;
}

}  // namespace

void AddJobRoutes(Router& router) {
  router.Add("POST", "/api/v1/jobs", Access::kWrite, CreateJob);
  router.Add("GET", "/api/v1/jobs", Access::kRead, ListJobs);
  router.Add("GET", "/api/v1/jobs/{id}", Access::kRead, JobDetail);
  router.Add("GET", "/api/v1/jobs/{id}/log", Access::kRead, JobLog);
  router.Add("POST", "/api/v1/jobs/{id}/cancel", Access::kWrite, CancelJob);
  router.Add("POST", "/api/v1/jobs/{id}/retry", Access::kWrite, RetryJob);
}

}  // namespace perfgate
