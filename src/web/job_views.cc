#include "web/job_views.h"

#include <algorithm>
#include <fstream>
#include <map>

#include "report/report.h"
#include "web/request_parsing.h"

namespace perfgate {
namespace {

constexpr int64_t kMaxListLimit = 500;
constexpr int64_t kDefaultListLimit = 50;

Json SummariesToJson(const std::vector<SeriesSummary>& summaries) {
  Json list = Json::array();
  for (const SeriesSummary& summary : summaries) list.push_back(SeriesSummaryToJson(summary));
  return list;
}

// Interleaved jobs measure their base too: one set of summaries per side measured, the base's
// first.
Result<std::vector<SeriesSummary>> JobResults(ResultStore& store, JobId job,
                                              const std::vector<Run>& runs) {
  std::map<bool, std::string> commits;  // is the base side -> its commit
  for (const Run& run : runs) {
    if (run.state == RunState::kSucceeded) commits[run.side != RunSide::kBase] = run.commit;
  }
  std::vector<SeriesSummary> results;
  for (const auto& [own, commit] : commits) {
    auto samples = store.LoadSamples(job, own ? RunSide::kCandidate : RunSide::kBase);
    if (!samples) return std::unexpected(samples.error());
    std::ranges::move(SummarizeSamples(*samples, commit), std::back_inserter(results));
  }
  return results;
}

Json ComparisonJson(const ApiContext& context, const std::optional<StoredComparison>& stored) {
  if (!stored) return Json(nullptr);
  // report/ owns the rendering; parsing it back embeds it as an object, not a string.
  return Json::parse(RenderJson(ReportInput{*stored, context.config->repository.url}));
}

Json ProgressOrNull(const std::optional<JobProgress>& progress) {
  return progress ? ProgressToJson(*progress) : Json(nullptr);
}

}  // namespace

Result<JobRecord> LoadJobRecord(const ApiContext& context, JobId id) {
  JobRecord record;
  auto job = context.store->GetJob(id);
  if (!job) return std::unexpected(job.error());
  record.job = std::move(*job);
  auto phases = context.store->ListPhases(id);
  if (!phases) return std::unexpected(phases.error());
  record.phases = std::move(*phases);
  auto runs = context.store->ListRuns(id);
  if (!runs) return std::unexpected(runs.error());
  record.runs = std::move(*runs);
  auto results = JobResults(*context.store, id, record.runs);
  if (!results) return std::unexpected(results.error());
  record.results = std::move(*results);
  auto comparison = context.store->LoadComparison(id);
  if (!comparison) return std::unexpected(comparison.error());
  record.comparison = std::move(*comparison);
  if (record.job.state == JobState::kRunning) {
    record.progress = ProgressOf(record.job, record.phases, *context.config, context.clock->Now());
  }
  return record;
}

Result<std::optional<JobProgress>> LoadProgress(const ApiContext& context, const Job& job) {
  if (job.state != JobState::kRunning) return std::nullopt;
  auto phases = context.store->ListPhases(job.id);
  if (!phases) return std::unexpected(phases.error());
  return ProgressOf(job, *phases, *context.config, context.clock->Now());
}

std::expected<JobFilter, ApiError> ParseJobFilter(const ApiRequest& request) {
  JobFilter filter;
  std::vector<FieldError> errors;
  if (auto state = request.Query("state"); state && !state->empty()) {
    filter.state = ParseJobState(*state);
    if (!filter.state) {
      errors.push_back({"state", "must be one of queued, running, succeeded, failed, cancelled"});
    }
  }
  if (auto kind = request.Query("kind"); kind && !kind->empty()) {
    filter.kind = ParseJobKind(*kind);
    if (!filter.kind) errors.push_back({"kind", "must be one of baseline, test, experiment"});
  }
  if (auto order = request.Query("order"); order && !order->empty()) {
    filter.oldest_first = *order == "oldest";
    if (!filter.oldest_first && *order != "newest") {
      errors.push_back({"order", "must be newest (the default) or oldest"});
    }
  }
  filter.commit = request.Query("commit").value_or("");
  filter.ref = request.Query("branch").value_or("");
  if (!errors.empty()) return std::unexpected(InvalidFields(std::move(errors), request.Where()));
  auto before = QueryInteger(request, "before", 1, INT64_MAX, 0);
  if (!before) return std::unexpected(before.error());
  if (*before > 0) filter.before = *before;
  auto limit = QueryInteger(request, "limit", 1, kMaxListLimit, kDefaultListLimit);
  if (!limit) return std::unexpected(limit.error());
  filter.limit = static_cast<int>(*limit);
  return filter;
}

Json JobListEntry(const Job& job, const std::optional<JobProgress>& progress) {
  Json entry = JobToJson(job);
  entry["progress"] = ProgressOrNull(progress);
  return entry;
}

Result<Json> RunResults(ResultStore& store, const Run& run) {
  if (run.state != RunState::kSucceeded) return Json::array();
  auto samples = store.LoadSamples(run.job_id, run.side);
  if (!samples) return std::unexpected(samples.error());
  std::erase_if(*samples, [&](const Sample& sample) { return sample.scenario != run.scenario; });
  return SummariesToJson(SummarizeSamples(*samples, run.commit));
}

ApiResponse EnqueuedJobResponse(const EnqueueResult& enqueued) {
  Json answer = JobToJson(enqueued.job);
  answer["duplicate"] = enqueued.duplicate;
  answer["superseded"] = enqueued.superseded;
  ApiResponse response = JsonResponse(answer.dump(2), enqueued.duplicate ? 200 : 201);
  response.headers.emplace_back("Location", "/api/v1/jobs/" + std::to_string(enqueued.job.id));
  return response;
}

ApiResult JobDetail(const ApiContext& context, const ApiRequest& request) {
  auto id = PathId(request, "id", "job");
  if (!id) return std::unexpected(id.error());
  auto record = LoadJobRecord(context, *id);
  if (!record) return std::unexpected(FromError(request, record.error()));
  Json phase_list = Json::array();
  for (const PhaseRecord& phase : record->phases) phase_list.push_back(PhaseToJson(phase));
  Json run_list = Json::array();
  for (const Run& run : record->runs) run_list.push_back(RunToJson(run));
  Json answer = {{"job", JobToJson(record->job)},
                 {"progress", ProgressOrNull(record->progress)},
                 {"phases", std::move(phase_list)},
                 {"runs", std::move(run_list)},
                 {"results", SummariesToJson(record->results)},
                 {"comparison", ComparisonJson(context, record->comparison)}};
  return JsonResponse(answer.dump(2));
}

ApiResult JobLog(const ApiContext& context, const ApiRequest& request) {
  auto id = PathId(request, "id", "job");
  if (!id) return std::unexpected(id.error());
  auto offset = QueryInteger(request, "offset", 0, INT64_MAX, 0);
  if (!offset) return std::unexpected(offset.error());
  // The state is read before the file: a client that sees a final state knows the bytes it
  // got were written before the job ended, so an empty chunk then means the log is complete.
  auto job = context.store->GetJob(*id);
  if (!job) return std::unexpected(FromError(request, job.error()));
  ApiResponse response;
  response.content_type = "text/plain; charset=utf-8";
  // No file yet (the job has not started) reads as empty: the client polls again.
  std::ifstream log(context.job_log_path(*id), std::ios::binary);
  if (log) {
    log.seekg(0, std::ios::end);
    int64_t size = static_cast<int64_t>(log.tellg());
    if (*offset < size) {
      response.body.resize(static_cast<size_t>(std::min(size - *offset, kMaxLogChunk)));
      log.seekg(*offset);
      log.read(response.body.data(), static_cast<std::streamsize>(response.body.size()));
      response.body.resize(static_cast<size_t>(log.gcount()));
    }
  }
  response.headers.emplace_back(
      "X-Log-Offset", std::to_string(*offset + static_cast<int64_t>(response.body.size())));
  response.headers.emplace_back("X-Job-State", JobStateName(job->state));
  return response;
}

}  // namespace perfgate
