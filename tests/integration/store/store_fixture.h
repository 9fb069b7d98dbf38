// A fresh SQLite store in a temporary directory, and the jobs, runs, samples and claims the
// store tests build on.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"
#include "support/temp_dir.h"

namespace perfgate::testing {

inline constexpr const char* kStorage = "sqlite:db/perfgate.db";

// A full 40-hex commit SHA made of one repeated hex digit.
inline std::string Commit(char digit) { return std::string(40, digit); }

inline constexpr Duration kLease = std::chrono::seconds(30);

// Millisecond-precise times, which the store keeps exactly.
inline TimePoint At(int64_t seconds) { return TimePoint(std::chrono::seconds(seconds)); }

// A request of `kind` for `commit`, every field set.
inline JobRequest Request(JobKind kind, const std::string& commit,
                          std::vector<std::string> scenarios = {}, std::string base_commit = {},
                          std::optional<int> pull_request = std::nullopt) {
  return JobRequest{.kind = kind,
                    .commit = commit,
                    .ref = "main",
                    .scenarios = std::move(scenarios),
                    .base_commit = std::move(base_commit),
                    .pull_request = pull_request,
                    .requested_by = "test"};
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override { Reopen(); }

  // Closes the store, if open, and opens the same file again.
  void Reopen() {
    store_.reset();
    Result<std::unique_ptr<Store>> opened = OpenStore(kStorage, dir_.Path());
    ASSERT_TRUE(opened) << opened.error().ToString();
    store_ = std::move(*opened);
  }

  std::string DatabasePath() const { return dir_.Path("db/perfgate.db"); }

  Job Create(JobKind kind, const std::string& commit, TimePoint now = At(100)) {
    Result<Job> job = store_->CreateJob(Request(kind, commit), now);
    EXPECT_TRUE(job) << job.error().ToString();
    return job.value_or(Job{});
  }

  perfgate::Run StartRun(JobId job, const std::string& scenario, const std::string& commit,
                         RunSide side = RunSide::kSingle) {
    Result<perfgate::Run> run = store_->CreateRun(job, scenario, commit, side, At(200));
    EXPECT_TRUE(run) << run.error().ToString();
    return run.value_or(perfgate::Run{});
  }

  void FinishRun(RunId run, RunState state) {
    Result<void> finished = store_->FinishRun(run, state, "", At(300));
    EXPECT_TRUE(finished) << finished.error().ToString();
  }

  // A job started and finished in `state`, with one run of `scenario` that ended
  // `run_state` and holds `values` as repetitions of metric "latency", series "{}".
  Job FinishedJob(JobKind kind, const std::string& commit, JobState state, TimePoint finished_at,
                  const std::string& scenario = "http-api",
                  RunState run_state = RunState::kSucceeded,
                  const std::vector<std::optional<double>>& values = {1.0}) {
    Job job = Create(kind, commit);
    EXPECT_TRUE(store_->StartJob(job.id, At(150)));
    perfgate::Run run = StartRun(job.id, scenario, commit);
    std::vector<Sample> samples;
    for (size_t i = 0; i < values.size(); ++i) {
      samples.push_back(Sample{.scenario = scenario,
                               .metric = "latency",
                               .series = "{}",
                               .repetition = static_cast<int>(i),
                               .value = values[i],
                               .window_start = At(210),
                               .window_end = At(240)});
    }
    Result<void> added = store_->AddSamples(run.id, samples);
    EXPECT_TRUE(added) << added.error().ToString();
    FinishRun(run.id, run_state);
    EXPECT_TRUE(store_->FinishJob(job.id, state, "", finished_at));
    return job;
  }

  // Claims the oldest queued job for `worker` with kLease; nullopt when none was claimed.
  std::optional<Job> Claim(const std::string& worker, TimePoint now, int max_running = 1) {
    Result<std::optional<Job>> claimed = store_->ClaimJob(worker, max_running, kLease, now);
    EXPECT_TRUE(claimed) << claimed.error().ToString();
    return claimed.value_or(std::nullopt);
  }

  Job Get(JobId id) {
    Result<Job> job = store_->GetJob(id);
    EXPECT_TRUE(job) << job.error().ToString();
    return job.value_or(Job{});
  }

  // Starts job `id` with StartJob from a child process that then exits: a job whose local
  // holder died.
  void StartJobInProcessThatExits(JobId id) {
    pid_t child = fork();
    ASSERT_NE(child, -1);
    if (child == 0) {
      // The parent's connection must not be touched here: the child opens its own.
      Result<std::unique_ptr<Store>> store = OpenStore(kStorage, dir_.Path());
      _exit(store && (*store)->StartJob(id, At(100)) ? 0 : 1);
    }
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "status " << status;
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
};

}  // namespace perfgate::testing
