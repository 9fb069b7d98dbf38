// Fills a store for bench/ui_bench with a long history, as a busy installation would have:
//
//   perfgate_ui_seed DIR COMMITS_FILE SERIES JOBS
//
// DIR/perfgate.db gets, for each commit of COMMITS_FILE (one SHA per line, newest first, as
// `git rev-list` prints them), a succeeded baseline job of scenario "http-api" whose run holds
// 5 windows of SERIES series of metric latency_p99 (one per endpoint, a 10% step half-way with
// its change points recorded), then test jobs of pull requests on those commits, finished,
// until the store holds JOBS jobs, and last 20 queued ones. Values are drawn from a seeded
// generator, so every run writes the same store.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "store/store.h"

namespace perfgate {
namespace {

constexpr char kScenario[] = "http-api";
constexpr char kMetric[] = "latency_p99";
constexpr int kWindows = 5;
constexpr int kQueued = 20;

// Series `s` of the metric: one endpoint each.
std::string SeriesName(int s) { return fmt::format("{{endpoint=\"/api/v1/e{}\"}}", s); }

int Usage() {
  std::cerr << "usage: perfgate_ui_seed DIR COMMITS_FILE SERIES JOBS\n";
  return 2;
}

bool ParsePositive(std::string_view text, int& value) {
  auto [end, error] = std::from_chars(text.begin(), text.end(), value);
  return error == std::errc() && end == text.end() && value > 0;
}

int Fail(const Error& error) {
  std::cerr << "perfgate_ui_seed: " << error.ToString() << "\n";
  return 1;
}

class Seeder {
 public:
  Seeder(Store& store, int series) : store_(store), series_(series) {}

  // A succeeded job of `request` whose run holds `windows` of every series.
  Result<JobId> Finished(const JobRequest& request, double level) {
    now_ += std::chrono::minutes(3);
    Result<Job> job = store_.CreateJob(request, now_);
    if (!job) return std::unexpected(job.error());
    if (auto started = store_.StartJob(job->id, now_); !started) {
      return std::unexpected(started.error());
    }
    Result<Run> run = store_.CreateRun(job->id, kScenario, request.commit, RunSide::kSingle, now_);
    if (!run) return std::unexpected(run.error());
    std::vector<Sample> samples;
    std::lognormal_distribution<double> noise(0.0, 0.03);
    for (int window = 0; window < kWindows; ++window) {
      TimePoint start = now_ + window * std::chrono::seconds(7);
      for (int s = 0; s < series_; ++s) {
        samples.push_back(Sample{.scenario = kScenario,
                                 .metric = kMetric,
                                 .series = SeriesName(s),
                                 .repetition = window,
                                 .value = level * (1 + 0.1 * s) * noise(random_),
                                 .window_start = start,
                                 .window_end = start + std::chrono::seconds(5)});
      }
    }
    if (auto added = store_.AddSamples(run->id, samples); !added) {
      return std::unexpected(added.error());
    }
    if (auto done = store_.FinishRun(run->id, RunState::kSucceeded, "", now_); !done) {
      return std::unexpected(done.error());
    }
    if (auto done = store_.FinishJob(job->id, JobState::kSucceeded, "", now_); !done) {
      return std::unexpected(done.error());
    }
    return job->id;
  }

  // The step's change point of every series, at job `job` of commit `commit`.
  Result<void> RecordStep(JobId job, const std::string& commit, double before, double after) {
    for (int s = 0; s < series_; ++s) {
      ChangePointRecord change_point{.scenario = kScenario,
                                     .metric = kMetric,
                                     .series = SeriesName(s),
                                     .job_id = job,
                                     .commit = commit,
                                     .mean_before = before * (1 + 0.1 * s),
                                     .mean_after = after * (1 + 0.1 * s),
                                     .change = after / before - 1,
                                     .p_value = 1e-6,
                                     .detected_by = job,
                                     .detected_at = now_};
      if (auto recorded = store_.RecordChangePoint(change_point); !recorded) {
        return std::unexpected(recorded.error());
      }
    }
    return {};
  }

  TimePoint now() const { return now_; }

 private:
  Store& store_;
  int series_;
  std::mt19937_64 random_{20261202};
  TimePoint now_ = TimePoint(std::chrono::seconds(1'700'000'000));
};

int Seed(const std::string& dir, std::vector<std::string> commits, int series, int jobs) {
  Result<std::unique_ptr<Store>> store = OpenStore("sqlite:perfgate.db", dir);
  if (!store) return Fail(store.error());
  std::ranges::reverse(commits);  // oldest first
  Seeder seeder(**store, series);
  const size_t step = commits.size() / 2;
  for (size_t i = 0; i < commits.size(); ++i) {
    double level = i < step ? 0.1 : 0.11;
    JobRequest request{.kind = JobKind::kBaseline,
                       .commit = commits[i],
                       .ref = "main",
                       .scenarios = {},
                       .base_commit = {},
                       .pull_request = std::nullopt,
                       .requested_by = "github push"};
    Result<JobId> job = seeder.Finished(request, level);
    if (!job) return Fail(job.error());
    if (i == step) {
      if (auto recorded = seeder.RecordStep(*job, commits[i], 0.1, 0.11); !recorded) {
        return Fail(recorded.error());
      }
    }
    if (i % 1000 == 999) std::cerr << "perfgate_ui_seed: " << i + 1 << " baseline jobs\n";
  }
  int finished_tests = jobs - static_cast<int>(commits.size()) - kQueued;
  for (int i = 0; i < finished_tests; ++i) {
    const std::string& commit = commits[i % commits.size()];
    JobRequest request{.kind = JobKind::kTest,
                       .commit = commit,
                       .ref = fmt::format("refs/pull/{}/head", i % 500 + 1),
                       .scenarios = {},
                       .base_commit = {},
                       .pull_request = i % 500 + 1,
                       .requested_by = "github pull_request synchronize"};
    if (Result<JobId> job = seeder.Finished(request, 0.1); !job) return Fail(job.error());
  }
  for (int i = 0; i < kQueued; ++i) {
    JobRequest request{.kind = JobKind::kExperiment,
                       .commit = commits[commits.size() - 1 - i],
                       .ref = "main",
                       .scenarios = {},
                       .base_commit = {},
                       .pull_request = std::nullopt,
                       .requested_by = "cli"};
    if (auto queued = (*store)->Enqueue(request, seeder.now()); !queued) {
      return Fail(queued.error());
    }
  }
  return 0;
}

}  // namespace
}  // namespace perfgate

int main(int argc, char** argv) {
  int series = 0, jobs = 0;
  if (argc != 5 || !perfgate::ParsePositive(argv[3], series) ||
      !perfgate::ParsePositive(argv[4], jobs)) {
    return perfgate::Usage();
  }
  std::ifstream in(argv[2]);
  std::vector<std::string> commits;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) commits.push_back(line);
  }
  if (commits.empty() || jobs < static_cast<int>(commits.size()) + perfgate::kQueued) {
    std::cerr << "perfgate_ui_seed: " << argv[2] << " lists no commit, or more than JOBS - "
              << perfgate::kQueued << "\n";
    return 2;
  }
  return perfgate::Seed(argv[1], std::move(commits), series, jobs);
}
