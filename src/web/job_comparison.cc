#include "web/job_comparison.h"

#include <algorithm>
#include <cctype>

#include "web/request_parsing.h"

namespace perfgate {
namespace {

bool AllDigits(const std::string& text) {
  return !text.empty() &&
         std::ranges::all_of(text, [](unsigned char c) { return std::isdigit(c); });
}

}  // namespace

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

Result<StoredComparison> CompareJobs(const ApiContext& context, const Job& base, const Job& head) {
  auto base_samples = context.store->LoadSamples(base.id);
  if (!base_samples) return std::unexpected(base_samples.error());
  auto head_samples = context.store->LoadSamples(head.id);
  if (!head_samples) return std::unexpected(head_samples.error());
  return StoredComparison{
      .base_job = base.id,
      .candidate_job = head.id,
      .base_commit = base.commit,
      .candidate_commit = head.commit,
      .created_at = context.clock->Now(),
      .comparison = CompareUnpaired(*base_samples, *head_samples, context.config->scenarios,
                                    AnalysisPolicy{.level = context.config->analysis.fdr})};
}

}  // namespace perfgate
