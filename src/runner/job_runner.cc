#include "runner/job_runner.h"

#include <algorithm>
#include <filesystem>
#include <memory>

#include "base/logging.h"
#include "prometheus/client.h"
#include "prometheus/managed.h"
#include "runner/compare_jobs.h"
#include "runner/job_log.h"
#include "runner/master_set.h"
#include "runner/scenario_run.h"

namespace perfgate {
namespace {

constexpr Duration kExternalPrometheusTimeout = std::chrono::seconds(10);

std::vector<const ScenarioConfig*> ScenariosOf(const Config& config, const Job& job) {
  std::vector<const ScenarioConfig*> scenarios;
  for (const ScenarioConfig& scenario : config.scenarios) {
    bool wanted = job.scenarios.empty() ||
                  std::ranges::find(job.scenarios, scenario.name) != job.scenarios.end();
    if (wanted) scenarios.push_back(&scenario);
  }
  return scenarios;
}

std::vector<std::string> ScenarioNames(const Config& config, const Job& job) {
  std::vector<std::string> names;
  for (const ScenarioConfig* scenario : ScenariosOf(config, job)) names.push_back(scenario->name);
  return names;
}

class JobExecution {
 public:
  JobExecution(const RunnerContext& context, const Job& job) : context_(context), job_(job) {}

  Result<void> Execute() {
    const Config& config = *context_.config;
    std::string work_dir = config.Resolve(config.work_dir);
    std::string job_dir = "job-" + std::to_string(job_.id);

    // A managed Prometheus lives exactly as long as the job: its data is only this job's.
    std::unique_ptr<ManagedPrometheus> managed;
    std::string url = config.prometheus.url;
    std::string targets_dir = config.Resolve(config.prometheus.targets_dir);
    if (config.prometheus.managed) {
      auto started = ManagedPrometheus::Start(config.prometheus,
                                              work_dir + "/prometheus/" + job_dir, *context_.clock);
      if (!started) return std::unexpected(started.error());
      managed = std::move(*started);
      url = managed->url();
      targets_dir = managed->targets_dir();
    }
    PrometheusClient prometheus(*context_.http, url);
    if (!managed) {
      auto ready = prometheus.WaitReady(kExternalPrometheusTimeout, *context_.clock);
      if (!ready) return std::unexpected(ready.error().In("prometheus.url"));
    }

    std::vector<const ScenarioConfig*> scenarios = ScenariosOf(config, job_);
    if (scenarios.empty()) {
      return std::unexpected(InvalidInput("the job names no scenario of the config",
                                          "job " + std::to_string(job_.id),
                                          "use a scenario name from " + config.path));
    }
    for (const ScenarioConfig* scenario : scenarios) {
      auto run =
          context_.store->CreateRun(job_.id, scenario->name, job_.commit, context_.clock->Now());
      if (!run) return std::unexpected(run.error());
      ScenarioRunRequest request{
          &config,
          scenario,
          job_.id,
          run->id,
          job_.commit,
          work_dir + "/worktrees/" + job_dir + "-run-" + std::to_string(run->id),
          JobLogDir(config, job_.id) + "/run-" + std::to_string(run->id),
          targets_dir,
          context_.interrupted};
      auto samples = RunScenario(request, *context_.repository, prometheus, *context_.clock,
                                 *context_.progress);
      if (!samples) {
        Error error = samples.error().In("scenario " + scenario->name);
        (void)context_.store->FinishRun(run->id, RunState::kFailed, error.ToString(),
                                        context_.clock->Now());
        return std::unexpected(error);
      }
      if (auto added = context_.store->AddSamples(run->id, *samples); !added) {
        return std::unexpected(added.error());
      }
      auto finished =
          context_.store->FinishRun(run->id, RunState::kSucceeded, "", context_.clock->Now());
      if (!finished) return std::unexpected(finished.error());
    }
    return {};
  }

 private:
  const RunnerContext& context_;
  const Job& job_;
};

}  // namespace

Result<JobOutcome> CompareWithMasterSet(const RunnerContext& context, const Job& candidate) {
  const Config& config = *context.config;
  JobOutcome outcome;
  outcome.job = candidate;
  std::string base_commit = candidate.base_commit;
  if (base_commit.empty()) {
    auto found =
        FindBaseCommit(*context.repository, candidate.commit, config.repository.default_branch);
    if (!found) return std::unexpected(found.error());
    base_commit = *found;
  }
  auto master_set = FindMasterSet(*context.repository, *context.store, base_commit,
                                  ScenarioNames(config, candidate));
  if (!master_set) return std::unexpected(master_set.error());
  if (!*master_set) {
    outcome.no_comparison_reason = "no baseline job for base " + base_commit.substr(0, 12) +
                                   " or its ancestors on " + config.repository.default_branch +
                                   ": run `perfgate run --baseline --commit " +
                                   base_commit.substr(0, 12) + "` first";
    return outcome;
  }
  auto compared =
      CompareJobs(config, *context.store, **master_set, candidate, context.clock->Now());
  if (!compared) return std::unexpected(compared.error());
  if (auto saved = context.store->SaveComparison(*compared); !saved) {
    return std::unexpected(saved.error());
  }
  outcome.comparison = std::move(*compared);
  return outcome;
}

Result<JobOutcome> ExecuteJob(const RunnerContext& context, const Job& job) {
  if (auto executed = JobExecution(context, job).Execute(); !executed) {
    return std::unexpected(executed.error());
  }
  JobOutcome outcome;
  outcome.job = job;
  if (job.kind == JobKind::kBaseline) return outcome;
  PhaseEvent event;
  event.phase = Phase::kCompare;
  PhaseScope phase(*context.progress, *context.clock, event);
  auto compared = phase.Check(CompareWithMasterSet(context, job));
  if (!compared) return std::unexpected(compared.error().In("compare"));
  return compared;
}

JobEnd EndOfJob(const Result<JobOutcome>& outcome, bool interrupted) {
  if (outcome) return {JobState::kSucceeded, ""};
  if (interrupted) return {JobState::kCancelled, "interrupted: " + outcome.error().ToString()};
  return {JobState::kFailed, outcome.error().ToString()};
}

Result<JobOutcome> RunJob(const RunnerContext& context, JobId id) {
  Store& store = *context.store;
  Clock& clock = *context.clock;
  auto job = store.GetJob(id);
  if (!job) return std::unexpected(job.error());
  if (auto started = store.StartJob(id, clock.Now()); !started) {
    return std::unexpected(started.error());
  }
  auto log = Logger("runner");
  log->info("job started job={} kind={} commit={}", id, JobKindName(job->kind), job->commit);
  Result<JobOutcome> outcome = ExecuteJob(context, *job);
  JobEnd end = EndOfJob(outcome, context.interrupted && *context.interrupted);
  log->info("job ended job={} state={} reason={}", id, JobStateName(end.state), end.reason);
  if (auto finished = store.FinishJob(id, end.state, end.reason, clock.Now()); !finished) {
    return std::unexpected(finished.error());
  }
  if (!outcome) return outcome;
  auto final_job = store.GetJob(id);
  if (!final_job) return std::unexpected(final_job.error());
  outcome->job = std::move(*final_job);
  return outcome;
}

}  // namespace perfgate
