#include "web/job_views.h"

#include <algorithm>
#include <fstream>
#include <map>

#include "report/report.h"
#include "web/request_parsing.h"
#include "web/sample_summary.h"

namespace perfgate {
namespace {

Json SummariesToJson(const std::vector<SeriesSummary>& summaries) {
  Json list = Json::array();
  for (const SeriesSummary& summary : summaries) list.push_back(SeriesSummaryToJson(summary));
  return list;
}

// Interleaved jobs measure their base too: one set of medians per side measured, the base's
// first.
Result<Json> JobResults(ResultStore& store, JobId job, const std::vector<Run>& runs) {
  std::map<bool, std::string> commits;  // is the base side -> its commit
  for (const Run& run : runs) {
    if (run.state == RunState::kSucceeded) commits[run.side != RunSide::kBase] = run.commit;
  }
  Json results = Json::array();
  for (const auto& [own, commit] : commits) {
    auto samples = store.LoadSamples(job, own ? RunSide::kCandidate : RunSide::kBase);
    if (!samples) return std::unexpected(samples.error());
    for (Json& summary : SummariesToJson(SummarizeSamples(*samples, commit))) {
      results.push_back(std::move(summary));
    }
  }
  return results;
}

Result<Json> ComparisonJson(const ApiContext& context, JobId job) {
  auto stored = context.store->LoadComparison(job);
  if (!stored) return std::unexpected(stored.error());
  if (!*stored) return Json(nullptr);
  // report/ owns the rendering; parsing it back embeds it as an object, not a string.
  return Json::parse(RenderJson(ReportInput{**stored, context.config->repository.url}));
}

}  // namespace

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
  auto job = context.store->GetJob(*id);
  if (!job) return std::unexpected(FromError(request, job.error()));
  auto phases = context.store->ListPhases(*id);
  if (!phases) return std::unexpected(FromError(request, phases.error()));
  auto runs = context.store->ListRuns(*id);
  if (!runs) return std::unexpected(FromError(request, runs.error()));
  auto results = JobResults(*context.store, *id, *runs);
  if (!results) return std::unexpected(FromError(request, results.error()));
  auto comparison = ComparisonJson(context, *id);
  if (!comparison) return std::unexpected(FromError(request, comparison.error()));
  Json phase_list = Json::array();
  for (const PhaseRecord& phase : *phases) phase_list.push_back(PhaseToJson(phase));
  Json run_list = Json::array();
  for (const Run& run : *runs) run_list.push_back(RunToJson(run));
  Json answer = {{"job", JobToJson(*job)},
                 {"phases", std::move(phase_list)},
                 {"runs", std::move(run_list)},
                 {"results", std::move(*results)},
                 {"comparison", std::move(*comparison)}};
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
