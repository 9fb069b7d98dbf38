// A real SQLite store in a temporary directory and the API server on 127.0.0.1 (any free
// port), with a client of each kind: ApiClient for what the CLI does, httplib::Client for
// raw and hostile requests.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "http/http_client.h"
#include "store/store.h"
#include "support/temp_dir.h"
#include "web/api_client.h"
#include "web/api_server.h"

namespace perfgate::testing {

inline constexpr char kToken[] = "test-api-token";
inline const std::string kMainSha = std::string(40, 'a');
inline const std::string kFeatureSha = std::string(40, 'f');

// A full SHA made of one repeated hex digit.
inline std::string Sha(char digit) { return std::string(40, digit); }

// "main" and "feature" name fixed commits; any 40-hex string names itself.
inline Result<std::string> ResolveForTest(const std::string& rev) {
  if (rev == "main") return kMainSha;
  if (rev == "feature") return kFeatureSha;
  bool full_sha = rev.size() == 40 && std::ranges::all_of(rev, [](unsigned char c) {
                    return std::isdigit(c) || (c >= 'a' && c <= 'f');
                  });
  if (full_sha) return rev;
  return std::unexpected(NotFound("unknown revision " + rev));
}

// The subject of the main commit is hostile, as any text from a repository may be.
inline const std::string kMainSubject = "speed up <script>window.pwned = 1</script> & more";
inline Result<std::map<std::string, std::string>> SubjectsForTest(
    const std::vector<std::string>& commits) {
  std::map<std::string, std::string> subjects;
  for (const std::string& commit : commits) {
    if (commit == kMainSha) subjects.emplace(commit, kMainSubject);
  }
  return subjects;
}

inline httplib::Headers Bearer(const std::string& token = kToken) {
  return {{"Authorization", "Bearer " + token}};
}

inline Config TestConfig() {
  Config config;
  config.server.api_token_env = "PERFGATE_TEST_API_TOKEN";
  config.scenarios.resize(2);
  config.scenarios[0].name = "http-api";
  config.scenarios[0].metrics.push_back(MetricConfig{
      .name = "latency", .query = "q", .unit = "s", .better = Better::kLower, .threshold = {}});
  config.scenarios[1].name = "grpc";
  return config;
}

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = OpenStore("sqlite:perfgate.db", dir_.Path());
    ASSERT_TRUE(store) << store.error().ToString();
    store_ = std::move(*store);
    StartServer(kToken, "");
  }

  ApiContext Context(std::string api_token, std::string read_token) {
    return ApiContext{.config = &config_,
                      .store = store_.get(),
                      .clock = &SystemClock(),
                      .resolve_commit = ResolveForTest,
                      .commit_subjects = SubjectsForTest,
                      .default_branch_commits = [this] { return branch_commits_; },
                      .job_log_path = [this](JobId id) { return LogPath(id); },
                      .job_queued = [this] { ++jobs_queued_; },
                      .api_token = std::move(api_token),
                      .read_token = std::move(read_token),
                      .webhook_secret = {},
                      .pull_request_head = {}};
  }

  // Replaces the running server by one with these tokens.
  void StartServer(std::string api_token, std::string read_token) {
    server_.reset();
    server_ = std::make_unique<ApiServer>(Context(std::move(api_token), std::move(read_token)));
    auto started = server_->Start("127.0.0.1:0");
    ASSERT_TRUE(started) << started.error().ToString();
    ASSERT_GT(server_->port(), 0);
  }

  std::string BaseUrl() const { return "http://127.0.0.1:" + std::to_string(server_->port()); }

  ApiClient Client(std::string token = kToken) {
    return ApiClient(NewCurlHttpClient(), BaseUrl(), std::move(token));
  }

  httplib::Client Raw() {
    httplib::Client client("127.0.0.1", server_->port());
    client.set_read_timeout(30, 0);
    return client;
  }

  std::string LogPath(JobId id) const {
    return dir_.Path("logs/job-" + std::to_string(id) + ".log");
  }

  void AppendLog(JobId id, const std::string& text) {
    std::filesystem::create_directories(dir_.Path("logs"));
    std::ofstream(LogPath(id), std::ios::app) << text;
  }

  // A job that ran: started, one succeeded run of http-api for `commit` with `values` of the
  // metric "latency" (series "{}"), and finished in `state`.
  Job FinishedJob(JobKind kind, const std::string& commit, const std::vector<double>& values,
                  JobState state = JobState::kSucceeded) {
    JobRequest request{.kind = kind,
                       .commit = commit,
                       .ref = commit,
                       .scenarios = {},
                       .base_commit = {},
                       .pull_request = std::nullopt,
                       .requested_by = "test"};
    TimePoint now = SystemClock().Now();
    auto job = store_->CreateJob(request, now);
    EXPECT_TRUE(job) << job.error().ToString();
    EXPECT_TRUE(store_->StartJob(job->id, now));
    auto run = store_->CreateRun(job->id, "http-api", commit, RunSide::kSingle, now);
    EXPECT_TRUE(run) << run.error().ToString();
    std::vector<Sample> samples;
    for (size_t i = 0; i < values.size(); ++i) {
      samples.push_back(Sample{.scenario = "http-api",
                               .metric = "latency",
                               .series = "{}",
                               .repetition = static_cast<int>(i),
                               .value = values[i],
                               .window_start = now,
                               .window_end = now});
    }
    EXPECT_TRUE(store_->AddSamples(run->id, samples));
    EXPECT_TRUE(store_->FinishRun(run->id, RunState::kSucceeded, "", now));
    EXPECT_TRUE(store_->FinishJob(job->id, state, state == JobState::kFailed ? "boom" : "", now));
    return *store_->GetJob(job->id);
  }

  TempDir dir_;
  Config config_ = TestConfig();
  std::unique_ptr<Store> store_;
  std::unique_ptr<ApiServer> server_;
  std::atomic<int> jobs_queued_ = 0;  // calls of the context's job_queued
  // What the context's default_branch_commits answers: newest first; none by default.
  std::vector<std::string> branch_commits_;
};

}  // namespace perfgate::testing
