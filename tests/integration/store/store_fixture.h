// A fresh SQLite store in a temporary directory, and the jobs, runs and samples the store
// tests build on.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "store/store.h"
#include "support/temp_dir.h"

namespace perfgate::testing {

inline constexpr const char* kStorage = "sqlite:db/perfgate.db";

// A full 40-hex commit SHA made of one repeated hex digit.
inline std::string Commit(char digit) { return std::string(40, digit); }

// Millisecond-precise times, which the store keeps exactly.
inline TimePoint At(int64_t seconds) { return TimePoint(std::chrono::seconds(seconds)); }

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
    Result<Job> job = store_->CreateJob(
        JobRequest{
            .kind = kind, .commit = commit, .ref = "main", .scenarios = {}, .base_commit = {}},
        now);
    EXPECT_TRUE(job) << job.error().ToString();
    return job.value_or(Job{});
  }

  perfgate::Run StartRun(JobId job, const std::string& scenario, const std::string& commit) {
    Result<perfgate::Run> run = store_->CreateRun(job, scenario, commit, At(200));
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

  TempDir dir_;
  std::unique_ptr<Store> store_;
};

}  // namespace perfgate::testing
