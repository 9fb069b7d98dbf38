#include "integration/e2e/worker_fixture.h"

#include <gmock/gmock.h>
#include <signal.h>

#include <thread>

#include "http/http_client.h"
#include "integration/e2e/cli_fixture.h"

namespace perfgate::testing {
namespace {

// Generous bounds for waits on real jobs: they only stop a hang from lasting forever.
constexpr int kMaxPolls = 1800;  // x 100 ms
constexpr auto kPoll = std::chrono::milliseconds(100);

}  // namespace

Subprocess WorkerFixture::StartWorker(const std::string& config, const std::string& name,
                                      const std::string& grace) {
  ProcessSpec spec;
  spec.argv = {PerfgateBinary(), "worker", "--config", config, "--grace", grace};
  spec.log_path = dir_.Path(name + ".log");
  auto worker = Subprocess::Start(spec);
  EXPECT_TRUE(worker) << worker.error().ToString();
  return std::move(*worker);
}

Subprocess WorkerFixture::StartServe(const std::string& config, const std::string& url,
                                     const std::map<std::string, std::string>& env) {
  auto server = StartPerfgateServe(config, dir_, env);
  EXPECT_TRUE(server) << server.error().ToString();
  auto http = NewCurlHttpClient();
  HttpRequest health{.method = "GET", .url = url + "/healthz", .headers = {}, .body = {}};
  Result<HttpResponse> answer = std::unexpected(Unavailable("not tried"));
  for (int i = 0; i < 300 && !(answer && answer->status == 200); ++i) {
    answer = http->Send(health);
    if (!answer) std::this_thread::sleep_for(kPoll);
  }
  EXPECT_TRUE(answer && answer->status == 200) << ReadFile(ServeLogPath(dir_));
  return std::move(*server);
}

void WorkerFixture::StopServe(Subprocess& server) {
  kill(server.pid(), SIGTERM);
  std::optional<ExitStatus> status = server.Wait(std::chrono::minutes(1));
  ASSERT_TRUE(status);
  EXPECT_TRUE(status->ok()) << status->ToString() << ReadFile(ServeLogPath(dir_));
  EXPECT_THAT(ProcessesUsing(dir_.Path()), ::testing::IsEmpty());
}

JobId WorkerFixture::Enqueue(const std::string& config, const std::string& commit,
                             const std::string& kind) {
  CliResult result =
      RunPerfgate({"enqueue", "--config", config, "--commit", commit, "--kind", kind}, dir_);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return std::stoll(result.out.substr(4));  // "job N queued: ..."
}

std::unique_ptr<Store> WorkerFixture::OpenTestStore() {
  auto store = OpenStore("sqlite:perfgate.db", dir_.Path());
  EXPECT_TRUE(store) << store.error().ToString();
  return std::move(*store);
}

Job WorkerFixture::WaitFor(Store& store, JobId id, const std::function<bool(const Job&)>& done) {
  Job job;
  for (int i = 0; i < kMaxPolls; ++i) {
    auto read = store.GetJob(id);
    if (read) job = *read;
    if (read && done(job)) break;
    std::this_thread::sleep_for(kPoll);
  }
  return job;
}

std::string WorkerFixture::WaitForLog(JobId id, const std::string& text) {
  std::string path = dir_.Path(".perfgate/logs/job-" + std::to_string(id) + "/job.log");
  std::string log;
  for (int i = 0; i < kMaxPolls; ++i) {
    log = ReadFile(path);
    if (log.find(text) != std::string::npos) break;
    std::this_thread::sleep_for(kPoll);
  }
  return log;
}

bool WorkerFixture::Finished(const Job& job) {
  return job.state == JobState::kSucceeded || job.state == JobState::kFailed ||
         job.state == JobState::kCancelled;
}

}  // namespace perfgate::testing
