#include "runner/scenario_run.h"

#include <cmath>
#include <filesystem>
#include <optional>

#include "base/duration.h"
#include "base/labels.h"
#include "base/logging.h"
#include "config/template.h"
#include "environment/environment.h"
#include "load/load.h"
#include "prometheus/targets.h"
#include "runner/job_log.h"
#include "runner/reaper.h"

namespace perfgate {
namespace {

constexpr int kShortCommitLength = 12;

// Labels that identify where a series came from rather than what it measures: they differ
// between any two runs, so they are dropped before series of two runs are matched.
bool IsProvenanceLabel(const std::string& name) {
  return name == "__name__" || name == "instance" || name == "job" || name == kJobLabel ||
         name == kRunLabel;
}

std::string SeriesOf(const Labels& labels) {
  Labels kept;
  for (const auto& [name, value] : labels) {
    if (!IsProvenanceLabel(name)) kept.emplace(name, value);
  }
  return FormatLabels(kept);
}

PhaseEvent RunEvent(const ScenarioRunRequest& request, Phase phase, int repetition = -1,
                    int repetitions = 0, Duration planned = Duration(0)) {
  PhaseEvent event;
  event.scenario = request.scenario->name;
  if (request.side != RunSide::kSingle) event.side = RunSideName(request.side);
  event.phase = phase;
  event.repetition = repetition;
  event.repetitions = repetitions;
  event.planned = planned;
  return event;
}

// Each service's wait for its ready probe, as a `ready` phase of its own.
class ReadyPhases final : public ReadyListener {
 public:
  ReadyPhases(ProgressListener& progress, Clock& clock, PhaseEvent event)
      : progress_(progress), clock_(clock), event_(std::move(event)) {}

  void ProbeStarted(const std::string& service) override { progress_.PhaseStarted(Event(service)); }
  void ProbeFinished(const std::string& service, const Error* error) override {
    progress_.PhaseFinished(Event(service), error);
  }

 private:
  PhaseEvent Event(const std::string& service) {
    PhaseEvent event = event_;
    event.service = service;
    event.at = clock_.Now();
    return event;
  }

  ProgressListener& progress_;
  Clock& clock_;
  PhaseEvent event_;
};

// One session of a prepared run: up, warm-up, windows with their queries, down.
class Session {
 public:
  Session(PreparedRun& run, SessionWindows windows, PrometheusClient& prometheus, Clock& clock,
          ProgressListener& progress)
      : run_(run),
        request_(run.request),
        scenario_(*run.request.scenario),
        windows_(windows),
        prometheus_(prometheus),
        clock_(clock),
        progress_(progress) {}

  Result<std::vector<Sample>> Run() {
    ReadyPhases ready(progress_, clock_, RunEvent(request_, Phase::kReady));
    EnvironmentRequest environment{&scenario_,
                                   run_.worktree.path(),
                                   request_.log_dir,
                                   run_.vars,
                                   LeftoverOwner(*request_.config),
                                   &ready};
    std::unique_ptr<Environment> up;
    {
      PhaseScope phase(progress_, clock_, Event(Phase::kUp));
      auto started = phase.Check(StartEnvironment(environment));
      if (!started) return std::unexpected(started.error());
      up = std::move(*started);
    }
    auto samples = Measure(*up);
    PhaseScope down(progress_, clock_, Event(Phase::kDown));
    up->Down();
    return samples;
  }

 private:
  PhaseEvent Event(Phase phase, int repetition = -1, Duration planned = Duration(0)) const {
    return RunEvent(request_, phase, repetition, repetition >= 0 ? windows_.total : 0, planned);
  }

  Labels TargetLabels() const {
    return {{std::string(kJobLabel), std::to_string(request_.job_id)},
            {std::string(kRunLabel), std::to_string(request_.run_id)}};
  }

  std::vector<ScrapeTargetGroup> Groups(const Environment& up, const Labels& labels) const {
    std::vector<ScrapeTargetGroup> groups;
    for (const ScrapeTarget& target : up.ScrapeTargets()) {
      Labels with_service = labels;
      with_service["service"] = target.service;
      groups.push_back({{target.address}, target.metrics_path, with_service});
    }
    return groups;
  }

  Duration ScrapeWaitTimeout() const {
    return request_.config->prometheus.scrape_interval * 5 + std::chrono::seconds(15);
  }

  Result<LoadWindow> Load(Duration duration) {
    LoadRequest load{&scenario_.load, duration, run_.worktree.path(),
                     request_.log_dir + "/load.log", run_.vars};
    return RunLoadWindow(load, clock_);
  }

  // One load window, then a check that every service survived it. A service that died is
  // the cause to report even when the load command failed too (it lost its target).
  Result<LoadWindow> LoadWhileAlive(Environment& up, Duration duration) {
    auto window = Load(duration);
    if (auto alive = up.CheckAlive(); !alive) return std::unexpected(alive.error());
    return window;
  }

  Result<std::vector<Sample>> Measure(Environment& up) {
    if (!run_.targets) {
      auto targets = TargetFile::Create(
          request_.targets_dir,
          "job-" + std::to_string(request_.job_id) + "-run-" + std::to_string(request_.run_id),
          Groups(up, TargetLabels()));
      if (!targets) return std::unexpected(targets.error());
      run_.targets.emplace(std::move(*targets));
    }
    const std::string selector = Selector(TargetLabels());
    // A scrape of this session's services before any window opens: a window's first scrape
    // then counts against a value of the same process, never of the session before.
    if (auto scraped = prometheus_.WaitForScrapeAfter(selector, clock_.Now(), ScrapeWaitTimeout(),
                                                      clock_, request_.interrupted);
        !scraped) {
      return std::unexpected(scraped.error());
    }
    if (scenario_.load.warmup.count() > 0) {
      PhaseScope warmup(progress_, clock_, Event(Phase::kWarmup, -1, scenario_.load.warmup));
      if (auto window = warmup.Check(LoadWhileAlive(up, scenario_.load.warmup)); !window) {
        return std::unexpected(window.error());
      }
    }
    std::vector<Sample> samples;
    for (int rep = windows_.first; rep < windows_.first + windows_.count; ++rep) {
      if (request_.interrupted && *request_.interrupted) {
        return std::unexpected(
            FailedPrecondition("interrupted before window " + std::to_string(rep + 1)));
      }
      std::optional<LoadWindow> window;
      {
        PhaseScope phase(progress_, clock_, Event(Phase::kWindow, rep, scenario_.load.duration));
        auto loaded = phase.Check(LoadWhileAlive(up, scenario_.load.duration));
        if (!loaded) return std::unexpected(loaded.error());
        window = *loaded;
      }
      PhaseScope phase(progress_, clock_, Event(Phase::kQueries, rep));
      auto queried = phase.Check(Query(*window, rep, selector));
      if (!queried) return std::unexpected(queried.error());
      samples.insert(samples.end(), queried->begin(), queried->end());
    }
    return samples;
  }

  // Evaluates every metric at the window's end, once a scrape later than the end is stored.
  Result<std::vector<Sample>> Query(const LoadWindow& window, int rep,
                                    const std::string& selector) {
    auto scraped = prometheus_.WaitForScrapeAfter(selector, window.end, ScrapeWaitTimeout(), clock_,
                                                  request_.interrupted);
    if (!scraped) return std::unexpected(scraped.error());
    TemplateVars vars = run_.vars;
    vars["selector"] = selector;
    // Rounded up to whole milliseconds so the range covers the whole window.
    vars["window"] = FormatDuration(std::chrono::ceil<Duration>(window.end - window.start));
    std::vector<Sample> samples;
    for (const MetricConfig& metric : scenario_.metrics) {
      std::string where = "metric " + metric.name;
      auto promql = ExpandTemplate(metric.query, vars);
      if (!promql) return std::unexpected(promql.error().In(where));
      auto values = prometheus_.Query(*promql, window.end);
      if (!values) return std::unexpected(values.error().In(where));
      Sample sample{scenario_.name, metric.name, "{}", rep, std::nullopt, window.start, window.end};
      if (values->empty()) {
        Logger("runner")->warn("empty query result job={} scenario={} metric={} rep={}",
                               request_.job_id, scenario_.name, metric.name, rep);
        samples.push_back(sample);
      }
      for (const QueryValue& value : *values) {
        sample.series = SeriesOf(value.labels);
        sample.value = std::isfinite(value.value) ? std::optional(value.value) : std::nullopt;
        samples.push_back(sample);
      }
    }
    return samples;
  }

  PreparedRun& run_;
  const ScenarioRunRequest& request_;
  const ScenarioConfig& scenario_;
  SessionWindows windows_;
  PrometheusClient& prometheus_;
  Clock& clock_;
  ProgressListener& progress_;
};

}  // namespace

ScenarioRunRequest RunRequestFor(const Config& config, const Job& job,
                                 const ScenarioConfig& scenario, const Run& run,
                                 const std::string& targets_dir,
                                 const std::atomic<bool>* interrupted) {
  std::string name = "job-" + std::to_string(job.id) + "-run-" + std::to_string(run.id);
  return ScenarioRunRequest{.config = &config,
                            .scenario = &scenario,
                            .job_id = job.id,
                            .run_id = run.id,
                            .commit = run.commit,
                            .worktree_dir = config.Resolve(config.work_dir) + "/worktrees/" + name,
                            .log_dir = JobLogDir(config, job.id) + "/run-" + std::to_string(run.id),
                            .targets_dir = targets_dir,
                            .interrupted = interrupted,
                            .side = run.side};
}

Result<PreparedRun> PrepareRun(const ScenarioRunRequest& request, Repository& repository,
                               Clock& clock, ProgressListener& progress) {
  std::error_code ignored;  // a missing log dir shows up as the first write's error
  std::filesystem::create_directories(request.log_dir, ignored);
  std::optional<PreparedRun> run;
  {
    PhaseScope checkout(progress, clock, RunEvent(request, Phase::kCheckout));
    auto added = checkout.Check(repository.AddWorktree(request.commit, request.worktree_dir));
    if (!added) return std::unexpected(added.error());
    auto ports = checkout.Check(AllocatePorts(PortNames(*request.scenario)));
    if (!ports) return std::unexpected(ports.error());
    run.emplace(PreparedRun{request, std::move(*added), std::move(*ports), std::nullopt});
  }
  TemplateVars& vars = run->vars;
  vars["commit"] = request.commit;
  vars["short_commit"] = request.commit.substr(0, kShortCommitLength);
  vars["job"] = std::to_string(request.job_id);
  vars["run"] = std::to_string(request.run_id);
  vars["workdir"] = run->worktree.path();
  PhaseScope build(progress, clock, RunEvent(request, Phase::kBuild));
  EnvironmentRequest environment{request.scenario, run->worktree.path(), request.log_dir, vars};
  if (auto built = build.Check(BuildEnvironment(environment)); !built) {
    return std::unexpected(built.error());
  }
  return std::move(*run);
}

Result<std::vector<Sample>> MeasureSession(PreparedRun& run, SessionWindows windows,
                                           PrometheusClient& prometheus, Clock& clock,
                                           ProgressListener& progress) {
  return Session(run, windows, prometheus, clock, progress).Run();
}

Result<std::vector<Sample>> RunScenario(const ScenarioRunRequest& request, Repository& repository,
                                        PrometheusClient& prometheus, Clock& clock,
                                        ProgressListener& progress) {
  auto run = PrepareRun(request, repository, clock, progress);
  if (!run) return std::unexpected(run.error());
  int repetitions = request.scenario->repetitions;
  return MeasureSession(*run, {.first = 0, .count = repetitions, .total = repetitions}, prometheus,
                        clock, progress);
}

}  // namespace perfgate
