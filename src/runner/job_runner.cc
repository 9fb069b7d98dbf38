#include "runner/job_runner.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <random>
#include <tuple>

#include "base/logging.h"
#include "prometheus/client.h"
#include "prometheus/managed.h"
#include "runner/change_points.h"
#include "runner/compare_jobs.h"
#include "runner/interleaved_run.h"
#include "runner/job_log.h"
#include "runner/master_set.h"
#include "runner/scenario_run.h"
#include "store/job_plan.h"

namespace perfgate {
namespace {

constexpr Duration kExternalPrometheusTimeout = std::chrono::seconds(10);

// Every scenario of a job measured: the interleaved ones with their base, the others for
// the job's commit alone.
class JobExecution {
 public:
  JobExecution(const RunnerContext& context, const Job& job, std::string base_commit)
      : context_(context), job_(job), base_commit_(std::move(base_commit)) {}

  // The pairs' orders come from this seed: a report can say how they were drawn.
  uint64_t seed() const { return seed_; }
  const std::vector<std::pair<const ScenarioConfig*, InterleavedOutcome>>& interleaved() const {
    return interleaved_;
  }

  Result<void> Execute() {
    const Config& config = *context_.config;
    std::string work_dir = config.Resolve(config.work_dir);

    // A managed Prometheus lives exactly as long as the job: its data is only this job's.
    std::unique_ptr<ManagedPrometheus> managed;
    std::string url = config.prometheus.url;
    std::string targets_dir = config.Resolve(config.prometheus.targets_dir);
    if (config.prometheus.managed) {
      auto started = ManagedPrometheus::Start(
          config.prometheus, work_dir + "/prometheus/job-" + std::to_string(job_.id),
          *context_.clock);
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
      Result<void> measured = IsInterleaved(job_, *scenario)
                                  ? MeasureInterleaved(*scenario, targets_dir, prometheus)
                                  : MeasureSingle(*scenario, targets_dir, prometheus);
      if (!measured) return std::unexpected(measured.error().In("scenario " + scenario->name));
    }
    return {};
  }

 private:
  Result<void> MeasureInterleaved(const ScenarioConfig& scenario, const std::string& targets_dir,
                                  PrometheusClient& prometheus) {
    InterleavedRunRequest request{&scenario, &job_, base_commit_, targets_dir, &random_};
    auto outcome = RunInterleaved(context_, request, prometheus);
    if (!outcome) return std::unexpected(outcome.error());
    interleaved_.emplace_back(&scenario, std::move(*outcome));
    return {};
  }

  Result<void> MeasureSingle(const ScenarioConfig& scenario, const std::string& targets_dir,
                             PrometheusClient& prometheus) {
    Store& store = *context_.store;
    auto run = store.CreateRun(job_.id, scenario.name, job_.commit, RunSide::kSingle,
                               context_.clock->Now());
    if (!run) return std::unexpected(run.error());
    auto samples = RunScenario(
        RunRequestFor(*context_.config, job_, scenario, *run, targets_dir, context_.interrupted),
        *context_.repository, prometheus, *context_.clock, *context_.progress);
    if (!samples) {
      (void)store.FinishRun(run->id, RunState::kFailed, samples.error().ToString(),
                            context_.clock->Now());
      return std::unexpected(samples.error());
    }
    if (auto added = store.AddSamples(run->id, *samples); !added) {
      return std::unexpected(added.error());
    }
    return store.FinishRun(run->id, RunState::kSucceeded, "", context_.clock->Now());
  }

  const RunnerContext& context_;
  const Job& job_;
  std::string base_commit_;
  uint64_t seed_ = std::random_device()();
  std::mt19937_64 random_{seed_};
  std::vector<std::pair<const ScenarioConfig*, InterleavedOutcome>> interleaved_;
};

// The comparison of the pairs an interleaved job measured, at the level of each scenario's
// last look (the smallest of them when the job has several: the strictest).
StoredComparison ComparePairs(const RunnerContext& context, const Job& job,
                              const std::string& base_commit, const JobExecution& execution) {
  std::vector<Sample> base;
  std::vector<Sample> candidate;
  std::vector<ScenarioConfig> scenarios;
  std::string orders;
  double level = context.config->analysis.fdr;
  for (const auto& [scenario, outcome] : execution.interleaved()) {
    base.insert(base.end(), outcome.base.begin(), outcome.base.end());
    candidate.insert(candidate.end(), outcome.candidate.begin(), outcome.candidate.end());
    scenarios.push_back(*scenario);
    orders += (orders.empty() ? "" : "; ") + scenario->name + ": ";
    for (size_t i = 0; i < outcome.orders.size(); ++i) {
      orders += (i == 0 ? "" : ",") + outcome.orders[i];
    }
    level = std::min(level, outcome.level);
  }
  StoredComparison stored;
  stored.base_job = job.id;
  stored.candidate_job = job.id;
  stored.base_commit = base_commit;
  stored.candidate_commit = job.commit;
  stored.created_at = context.clock->Now();
  stored.mode = ComparisonMode::kInterleaved;
  stored.pair_orders = orders;
  stored.seed = execution.seed();
  stored.comparison = ComparePaired(base, candidate, scenarios, AnalysisPolicy{.level = level});
  return stored;
}

// The scenarios of the job compared with the master set rather than pair by pair.
std::vector<ScenarioConfig> StoredScenarios(const Config& config, const Job& job) {
  std::vector<ScenarioConfig> stored;
  for (const ScenarioConfig* scenario : ScenariosOf(config, job)) {
    if (!IsInterleaved(job, *scenario)) stored.push_back(*scenario);
  }
  return stored;
}

// Adds the series of `more` to `into`, keeping the order by scenario, metric and series.
void MergeSeries(Comparison& into, Comparison more) {
  for (SeriesComparison& series : more.series) into.series.push_back(std::move(series));
  std::ranges::sort(into.series, {}, [](const SeriesComparison& series) {
    return std::tie(series.scenario, series.metric, series.series);
  });
}

// Compares the job's samples of `scenarios` with the master set of its base. Without a
// master set the outcome has no comparison, and says why.
Result<JobOutcome> CompareWithMasterSet(const RunnerContext& context, const Job& candidate,
                                        const std::string& base_commit,
                                        std::span<const ScenarioConfig> scenarios) {
  const Config& config = *context.config;
  JobOutcome outcome;
  outcome.job = candidate;
  std::vector<std::string> names;
  for (const ScenarioConfig& scenario : scenarios) names.push_back(scenario.name);
  auto master_set = FindMasterSet(*context.repository, *context.store, base_commit, names);
  if (!master_set) return std::unexpected(master_set.error());
  if (!*master_set) {
    outcome.no_comparison_reason = "no baseline job for base " + base_commit.substr(0, 12) +
                                   " or its ancestors on " + config.repository.default_branch +
                                   ": run `perfgate run --baseline --commit " +
                                   base_commit.substr(0, 12) + "` first";
    return outcome;
  }
  auto compared =
      CompareJobs(config, scenarios, *context.store, **master_set, candidate, context.clock->Now());
  if (!compared) return std::unexpected(compared.error());
  outcome.comparison = std::move(*compared);
  return outcome;
}

// The baseline job that the stored scenarios of `job` need first: one of the base, when no
// master set exists for it yet; nullopt when one does.
Result<std::optional<JobRequest>> BaselineNeeded(const RunnerContext& context, const Job& job,
                                                 const std::string& base_commit,
                                                 std::span<const ScenarioConfig> stored) {
  std::vector<std::string> names;
  for (const ScenarioConfig& scenario : stored) names.push_back(scenario.name);
  auto master_set = FindMasterSet(*context.repository, *context.store, base_commit, names);
  if (!master_set) return std::unexpected(master_set.error());
  if (*master_set) return std::nullopt;
  return JobRequest{.kind = JobKind::kBaseline,
                    .commit = base_commit,
                    .ref = base_commit,
                    .scenarios = std::move(names),
                    .base_commit = {},
                    .pull_request = std::nullopt,
                    .requested_by = "job " + std::to_string(job.id)};
}

}  // namespace

Result<JobOutcome> ExecuteJob(const RunnerContext& context, const Job& job) {
  const Config& config = *context.config;
  std::string base_commit = job.base_commit;
  if (job.kind != JobKind::kBaseline && base_commit.empty()) {
    auto found = FindBaseCommit(*context.repository, job.commit, config.repository.default_branch);
    if (!found) return std::unexpected(found.error().In("base"));
    base_commit = *found;
  }
  JobOutcome outcome;
  outcome.job = job;
  std::vector<ScenarioConfig> stored = StoredScenarios(config, job);
  if (job.kind != JobKind::kBaseline && !stored.empty() && context.may_wait && !job.waits_for) {
    auto needs = BaselineNeeded(context, job, base_commit, stored);
    if (!needs) return std::unexpected(needs.error());
    if (*needs) {
      outcome.needs_first = std::move(*needs);
      return outcome;
    }
  }
  JobExecution execution(context, job, base_commit);
  if (auto executed = execution.Execute(); !executed) return std::unexpected(executed.error());
  if (job.kind == JobKind::kBaseline) return outcome;

  PhaseEvent event;
  event.phase = Phase::kCompare;
  PhaseScope phase(*context.progress, *context.clock, event);
  if (!stored.empty()) {
    auto compared = phase.Check(CompareWithMasterSet(context, job, base_commit, stored));
    if (!compared) return std::unexpected(compared.error().In("compare"));
    outcome = std::move(*compared);
  }
  if (!execution.interleaved().empty()) {
    StoredComparison pairs = ComparePairs(context, job, base_commit, execution);
    // Stored scenarios' series join the pairs' as they are: each mode controls the
    // false-discovery rate over its own series.
    if (outcome.comparison)
      MergeSeries(pairs.comparison, std::move(outcome.comparison->comparison));
    outcome.comparison = std::move(pairs);
    outcome.no_comparison_reason.clear();
  }
  if (outcome.comparison) {
    if (auto saved = phase.Check(context.store->SaveComparison(*outcome.comparison)); !saved) {
      return std::unexpected(saved.error().In("compare"));
    }
  }
  return outcome;
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
  if (final_job->kind == JobKind::kBaseline) {
    RecordChangePointsAfter(*context.config, store, *final_job, clock.Now());
  }
  outcome->job = std::move(*final_job);
  return outcome;
}

}  // namespace perfgate
