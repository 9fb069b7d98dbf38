#include "browser/browser_fixture.h"

#include <gmock/gmock.h>
#include <signal.h>

#include <filesystem>
#include <iostream>
#include <thread>

#include "http/http_client.h"
#include "integration/e2e/cli_fixture.h"
#include "support/source_dir.h"

namespace perfgate::testing {
namespace {

constexpr Duration kJobBound = std::chrono::minutes(3);
constexpr Duration kScriptBound = std::chrono::minutes(2);
constexpr Duration kPoll = std::chrono::milliseconds(200);

// A Makefile whose server is a copy of `server`.
std::string CopyingMakefile(const std::string& server) {
  return "# The server the browser tests built once, copied: a run needs no compiler.\n"
         "server:\n\tcp " +
         server + " server\n";
}

// The quickstart's server built by `makefile` in <dir>/<folder>.
std::string BuildServer(const TempDir& dir, const std::string& folder,
                        const std::string& makefile) {
  dir.WriteFile(folder + "/Makefile", makefile);
  std::filesystem::copy_file(SourceDir() + "/examples/quickstart/server.cc",
                             dir.Path(folder + "/server.cc"));
  ProcessSpec make{{"make", "-C", dir.Path(folder)}, "", {}, dir.Path(folder + "/make.log")};
  auto built = RunToCompletion(make, std::chrono::minutes(5));
  EXPECT_TRUE(built) << built.error().ToString();
  return dir.Path(folder + "/server");
}

}  // namespace

// One scenario, kept short: windows of 2 s (a rate over a shorter one has no two scrapes to
// tell it), three of them alone or two pairs interleaved, built by each commit's Makefile. Its
// metric, each endpoint's median latency, adds a label whose value is a <script> element to
// each series.
ScenarioYaml BrowserTest::SeedScenario() {
  ScenarioYaml scenario = GoodScenario();
  scenario.build = "[make, -s, server]";
  scenario.repetitions = "3";
  scenario.keys = "pairs: 2\nmax_pairs: 2\n";
  scenario.metric = kMetric;
  scenario.query =
      "label_replace(histogram_quantile(0.5, sum by (le, endpoint) "
      "(rate(http_request_duration_seconds_bucket{ {{selector}} }[{{window}}]))), "
      "\"note\", \"<script>window.__pwned = 2</script>\", \"endpoint\", \"/search\")";
  scenario.unit = "s";
  scenario.better = "lower";
  return scenario;
}

std::string BrowserTest::base_url_;
JobId BrowserTest::baseline_ = 0;
JobId BrowserTest::regression_ = 0;
JobId BrowserTest::experiment_ = 0;
std::unique_ptr<TempDir> BrowserTest::seed_dir_;
std::unique_ptr<Subprocess> BrowserTest::server_;
std::unique_ptr<ApiClient> BrowserTest::client_;

void BrowserTest::SetUpTestSuite() {
  QuickstartFixture::SetUpTestSuite();
  seed_dir_ = std::make_unique<TempDir>();
  std::string slower = BuildServer(*seed_dir_, "extra-work", MakefileWithExtraWork(300));
  GitRepo repo(seed_dir_->Path("repo"));
  CommitQuickstartSources(repo, "quickstart service");
  repo.Commit({{"Makefile", CopyingMakefile(BuiltServer())}}, "build: the server built once");
  repo.Commit({{"NOTES", "notes\n"}}, "notes <script>window.__pwned = 1</script> & more");
  repo.Commit({{"Makefile", CopyingMakefile(slower)}}, "every request does 300% more work");

  int port = FreeLoopbackPort();
  base_url_ = "http://127.0.0.1:" + std::to_string(port);
  server_ = Serve(*seed_dir_, WriteServerConfig(*seed_dir_, seed_dir_->Path("repo"), port));
  ASSERT_TRUE(server_);
  client_ = std::make_unique<ApiClient>(NewCurlHttpClient(), base_url_, kApiToken);

  baseline_ = Enqueue(JobKind::kBaseline, "main~1");
  ASSERT_GT(baseline_, 0) << ReadFile(ServeLogPath(*seed_dir_));
  // Two at a time (workers: 2): the noise that adds is small beside 300% more work.
  regression_ = Enqueue(JobKind::kBaseline, "main");
  experiment_ = Enqueue(JobKind::kExperiment, "main~1");
  for (JobId id : {baseline_, regression_, experiment_}) {
    Job job = WaitFor(id, Finished);
    ASSERT_EQ(job.state, JobState::kSucceeded) << "job " << id << ": " << job.failure_reason;
  }
}

void BrowserTest::TearDownTestSuite() {
  if (server_) Stop(server_, *seed_dir_);
  client_.reset();
  seed_dir_.reset();
  QuickstartFixture::TearDownTestSuite();
}

std::string BrowserTest::WriteServerConfig(const TempDir& dir, const std::string& repo_dir,
                                           int port) {
  return WriteConfigIn(dir, repo_dir, SeedScenario(), kManagedPrometheus,
                       "server: { listen: \"127.0.0.1:" + std::to_string(port) +
                           "\" }\njobs: { lease: 3s }\nworkers: 2\n");
}

std::unique_ptr<Subprocess> BrowserTest::Serve(const TempDir& dir, const std::string& config) {
  auto server = StartPerfgateServe(config, dir, {{"PERFGATE_API_TOKEN", kApiToken}});
  EXPECT_TRUE(server) << server.error().ToString();
  return server ? std::make_unique<Subprocess>(std::move(*server)) : nullptr;
}

void BrowserTest::Stop(std::unique_ptr<Subprocess>& server, const TempDir& dir) {
  kill(server->pid(), SIGTERM);
  std::optional<ExitStatus> status = server->Wait(std::chrono::minutes(1));
  EXPECT_TRUE(status && status->ok()) << (status ? status->ToString() : "still running") << "\n"
                                      << ReadFile(ServeLogPath(dir));
  server.reset();  // kills what is left, if anything
  EXPECT_THAT(ProcessesUsing(dir.Path()), ::testing::IsEmpty());
}

JobId BrowserTest::Enqueue(JobKind kind, const std::string& commit) {
  EnqueueRequest request;
  request.kind = kind;
  request.commit = commit;
  Result<EnqueuedJob> enqueued = std::unexpected(Unavailable("not tried"));
  // The first request may come before the server listens.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!enqueued && std::chrono::steady_clock::now() < deadline) {
    enqueued = client_->EnqueueJob(request);
    if (!enqueued) std::this_thread::sleep_for(kPoll);
  }
  EXPECT_TRUE(enqueued) << enqueued.error().ToString();
  return enqueued ? enqueued->job.id : 0;
}

Job BrowserTest::WaitFor(JobId id, const std::function<bool(const Job&)>& done) {
  Job job;
  auto deadline = std::chrono::steady_clock::now() + kJobBound;
  while (std::chrono::steady_clock::now() < deadline) {
    auto details = client_->GetJob(id);
    if (details) {
      job = details->job;
      if (done(job)) return job;
    }
    std::this_thread::sleep_for(kPoll);
  }
  ADD_FAILURE() << "job " << id << " is still " << JobStateName(job.state);
  return job;
}

bool BrowserTest::Finished(const Job& job) {
  return job.state != JobState::kQueued && job.state != JobState::kRunning;
}

void BrowserTest::Cancel(JobId id) {
  Result<Job> cancelled = client_->CancelJob(id);
  // A job that finished meanwhile cannot be cancelled (409): that is as good.
  EXPECT_TRUE(cancelled || cancelled.error().kind == ErrorKind::kFailedPrecondition)
      << cancelled.error().ToString();
  WaitFor(id, Finished);
}

int BrowserTest::SucceededBaselines() {
  JobListQuery succeeded;
  succeeded.state = JobState::kSucceeded;
  succeeded.kind = JobKind::kBaseline;
  succeeded.limit = 100;
  auto jobs = client_->ListJobs(succeeded);
  EXPECT_TRUE(jobs) << jobs.error().ToString();
  return jobs ? static_cast<int>(jobs->size()) : -1;
}

void BrowserTest::RunScript(const std::string& script,
                            const std::map<std::string, std::string>& env) {
  static int counter = 0;
  const char* modules = std::getenv("PERFGATE_NODE_MODULES");
  ASSERT_NE(modules, nullptr) << "PERFGATE_NODE_MODULES is not set: run the test through ctest";
  ProcessSpec spec;
  spec.argv = {"node", SourceDir() + "/tests/browser/" + script};
  spec.env = env;
  spec.env["NODE_PATH"] = modules;
  spec.env.try_emplace("PERFGATE_URL", base_url_);
  spec.log_path = seed_dir_->Path("node-" + std::to_string(++counter) + ".log");
  auto node = Subprocess::Start(spec);
  ASSERT_TRUE(node) << node.error().ToString();
  std::optional<ExitStatus> status = node->Wait(kScriptBound);
  if (!status) status = node->Terminate();  // the script and the browser it started
  std::string output = ReadFile(spec.log_path);
  EXPECT_TRUE(status->ok()) << script << ": " << status->ToString() << "\n" << output;
  // What it saw (pages loaded, progress, timings) is worth reading when it passed too.
  if (status->ok()) std::cout << script << ":\n" << output;
}

}  // namespace perfgate::testing
