#include "browser/synthetic_history.h"

#include <gtest/gtest.h>

#include <array>
#include <random>

#include "runner/change_points.h"
#include "store/store.h"
#include "support/git_repo.h"

namespace perfgate::testing {
namespace {

constexpr int kWindows = 5;
constexpr int kFasterHashAt = 13;

// What main's commits say, oldest first: kSyntheticCommits of them.
constexpr std::array<const char*, kSyntheticCommits> kSubjects = {
    "server: answer /healthz before the first request",
    "metrics: one histogram per endpoint",
    "load: spread the requests over the connections",
    "docs: how to run the quickstart",
    "search: keep the key table sorted from the start",
    "build: -O2 by default",
    "server: log the address it listens on",
    "hash: generate the input once per request",
    "metrics: 105 exponential buckets from 50 µs",
    "sort: name the generator's seed",
    "search: binary search over the key table",
    "docs: the endpoints and what they do",
    "server: stop on SIGTERM",
    "hash: one pass over the buffer instead of two",
    "tests: the endpoints answer 200",
    "load: pace requests to the rate asked for",
    "search: reserve the result vector",
    "docs: reading the metrics",
    "metrics: code label on the request counter",
    "build: warnings as errors",
    "server: reuse the connection threads",
    "hash: inline the mixing step",
    "docs: a word on EXTRA_WORK_PERCENT",
    "search: 2,000 lookups per request",
    "tests: /metrics parses as Prometheus text",
    "load: a second connection per thread",
    "server: a request id in the log",
    "sort: copy the input before sorting it",
    "metrics: sum and count per endpoint",
    "docs: the quickstart's config explained",
    "search: table of 100,000 keys",
    "hash: 32 KiB per request",
    "server: answer 404 with a body",
    "tests: every endpoint under load",
    "build: pkg-config for cpp-httplib",
    "docs: the load script's arguments",
    "metrics: the process's own start time",
    "search: skip the copy of the key",
    "server: 1 s keep-alive",
    "docs: what a regression looks like",
};

// Pull requests measured against the commit at `base`, by how much each endpoint's median
// moved; the last one a regression of /hash.
struct PullRequest {
  int number;
  int base;
  std::array<double, 3> change;  // /hash, /search, /sort
  std::array<Verdict, 3> verdict;
};
constexpr std::array<PullRequest, 5> kPullRequests = {{
    {12, 6, {0.004, -0.01, 0.002}, {Verdict::kUnchanged, Verdict::kUnchanged, Verdict::kUnchanged}},
    {19, 16, {-0.08, 0.0, 0.01}, {Verdict::kImprovement, Verdict::kUnchanged, Verdict::kUnchanged}},
    {23,
     22,
     {0.01, 0.006, -0.004},
     {Verdict::kUnchanged, Verdict::kUnchanged, Verdict::kUnchanged}},
    {31,
     30,
     {0.0, -0.02, 0.03},
     {Verdict::kUnchanged, Verdict::kUnchanged, Verdict::kInconclusive}},
    {37, 38, {0.2, 0.01, 0.0}, {Verdict::kRegression, Verdict::kUnchanged, Verdict::kUnchanged}},
}};

constexpr std::array<const char*, 3> kEndpoints = {"/hash", "/search", "/sort"};

// Each endpoint's level at commit `i`, in seconds.
std::array<double, 3> Levels(int i) {
  return {i < kFasterHashAt ? 620e-6 : 530e-6, 310e-6, i < kSlowerSortAt ? 1.05e-3 : 1.27e-3};
}

std::string Series(size_t endpoint) {
  return std::string("{endpoint=\"") + kEndpoints[endpoint] + "\"}";
}

class Seeder {
 public:
  Seeder(Store& store, const Config& config, const std::string& metric)
      : store_(store), config_(config), metric_(metric) {}

  // A succeeded job of `request` (started a few minutes before `finished`) with one run of
  // `values` per endpoint.
  Job Finished(const JobRequest& request, TimePoint finished,
               const std::array<std::vector<double>, 3>& values) {
    TimePoint started = finished - std::chrono::minutes(4);
    Result<Job> job = store_.CreateJob(request, started - std::chrono::minutes(1));
    EXPECT_TRUE(job) << job.error().ToString();
    EXPECT_TRUE(store_.StartJob(job->id, started));
    const std::string& scenario = config_.scenarios.front().name;
    Result<Run> run =
        store_.CreateRun(job->id, scenario, request.commit, RunSide::kSingle, started);
    EXPECT_TRUE(run) << run.error().ToString();
    std::vector<Sample> samples;
    for (size_t endpoint = 0; endpoint < kEndpoints.size(); ++endpoint) {
      for (size_t window = 0; window < values[endpoint].size(); ++window) {
        TimePoint start = started + std::chrono::seconds(20 * static_cast<int>(window));
        samples.push_back(Sample{.scenario = scenario,
                                 .metric = metric_,
                                 .series = Series(endpoint),
                                 .repetition = static_cast<int>(window),
                                 .value = values[endpoint][window],
                                 .window_start = start,
                                 .window_end = start + std::chrono::seconds(15)});
      }
    }
    EXPECT_TRUE(store_.AddSamples(run->id, samples));
    EXPECT_TRUE(store_.FinishRun(run->id, RunState::kSucceeded, "", finished));
    EXPECT_TRUE(store_.FinishJob(job->id, JobState::kSucceeded, "", finished));
    return *job;
  }

  // kWindows values around each level.
  std::array<std::vector<double>, 3> Windows(const std::array<double, 3>& levels) {
    std::lognormal_distribution<double> noise(0.0, 0.02);
    std::array<std::vector<double>, 3> values;
    for (size_t endpoint = 0; endpoint < levels.size(); ++endpoint) {
      for (int window = 0; window < kWindows; ++window) {
        values[endpoint].push_back(levels[endpoint] * noise(random_));
      }
    }
    return values;
  }

  // The change points the runner finds after baseline `job`.
  int DetectAfter(const Job& job, TimePoint now) {
    auto found = DetectChangePoints(config_, store_, job, now);
    EXPECT_TRUE(found) << found.error().ToString();
    return found ? static_cast<int>(found->size()) : 0;
  }

  // The test job's comparison against the baseline `base`: stored mode, each endpoint's
  // candidate median moved by `pull.change`.
  void Compare(const Job& base, const Job& test, const PullRequest& pull,
               const std::array<std::vector<double>, 3>& base_values,
               const std::array<std::vector<double>, 3>& test_values, TimePoint now) {
    StoredComparison stored{.base_job = base.id,
                            .candidate_job = test.id,
                            .base_commit = base.commit,
                            .candidate_commit = test.commit,
                            .created_at = now,
                            .comparison = {}};
    for (size_t endpoint = 0; endpoint < kEndpoints.size(); ++endpoint) {
      SeriesComparison series;
      series.scenario = config_.scenarios.front().name;
      series.metric = metric_;
      series.series = Series(endpoint);
      series.unit = "s";
      series.method = ComparisonMethod::kUnpaired;
      series.base_values = base_values[endpoint];
      series.candidate_values = test_values[endpoint];
      series.base_median = Levels(pull.base)[endpoint];
      series.candidate_median = series.base_median * (1 + pull.change[endpoint]);
      series.estimate = pull.change[endpoint];
      series.verdict = pull.verdict[endpoint];
      stored.comparison.series.push_back(std::move(series));
    }
    EXPECT_TRUE(store_.SaveComparison(stored));
  }

 private:
  Store& store_;
  const Config& config_;
  std::string metric_;
  // A seed whose noise the runner's detection takes for no change: with others it finds a
  // third, false, change point in some series (one in four seeds, over 40 baselines).
  std::mt19937_64 random_{7};
};

}  // namespace

SyntheticHistory SeedSyntheticHistory(const TempDir& dir, const Config& config,
                                      const std::string& metric) {
  SyntheticHistory seeded;
  auto store = OpenStore(config.storage, config.base_dir);
  EXPECT_TRUE(store) << store.error().ToString();
  if (!store) return seeded;
  Seeder seeder(**store, config, metric);
  GitRepo repo(dir.Path("repo"));
  TimePoint first = SystemClock().Now() - std::chrono::hours(2 * kSyntheticCommits - 1);
  std::vector<Job> baselines;
  std::vector<std::array<std::vector<double>, 3>> windows;
  for (int i = 0; i < kSyntheticCommits; ++i) {
    std::string commit = repo.Commit({{"CHANGES", std::to_string(i) + "\n"}}, kSubjects[i]);
    TimePoint finished = first + std::chrono::hours(2 * i);
    windows.push_back(seeder.Windows(Levels(i)));
    baselines.push_back(seeder.Finished(JobRequest{.kind = JobKind::kBaseline,
                                                   .commit = commit,
                                                   .ref = "main",
                                                   .scenarios = {},
                                                   .base_commit = {},
                                                   .pull_request = std::nullopt,
                                                   .requested_by = "github push"},
                                        finished, windows.back()));
    seeded.change_points += seeder.DetectAfter(baselines.back(), finished);
  }
  seeded.baselines = kSyntheticCommits;
  for (const PullRequest& pull : kPullRequests) {
    repo.Git({"checkout", "--quiet", "-b", "pull/" + std::to_string(pull.number),
              baselines[pull.base].commit});
    std::string head = repo.Commit({{"PULL", std::to_string(pull.number) + "\n"}},
                                   "pull request " + std::to_string(pull.number));
    repo.Checkout("main");
    std::array<double, 3> levels = Levels(pull.base);
    for (size_t endpoint = 0; endpoint < levels.size(); ++endpoint) {
      levels[endpoint] *= 1 + pull.change[endpoint];
    }
    // Measured soon after its base, or an hour before the newest baseline for the last one.
    TimePoint finished = first +
                         std::chrono::hours(2 * std::min(pull.base, kSyntheticCommits - 2)) +
                         std::chrono::hours(1);
    std::array<std::vector<double>, 3> values = seeder.Windows(levels);
    Job test =
        seeder.Finished(JobRequest{.kind = JobKind::kTest,
                                   .commit = head,
                                   .ref = "refs/pull/" + std::to_string(pull.number) + "/head",
                                   .scenarios = {},
                                   .base_commit = baselines[pull.base].commit,
                                   .pull_request = pull.number,
                                   .requested_by = "github pull_request opened"},
                        finished, values);
    seeder.Compare(baselines[pull.base], test, pull, windows[pull.base], values, finished);
    ++seeded.test_jobs;
  }
  return seeded;
}

}  // namespace perfgate::testing
