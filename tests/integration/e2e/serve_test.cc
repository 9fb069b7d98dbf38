// `perfgate serve` as a user runs it: a job queued through the REST API is run by the
// server's own worker, its log and phases are served while and after it runs, and its own
// metrics count it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <thread>

#include "http/http_client.h"
#include "integration/e2e/cli_fixture.h"
#include "integration/e2e/quickstart_fixture.h"
#include "process/subprocess.h"
#include "web/api_client.h"

namespace perfgate::testing {
namespace {

using ::testing::HasSubstr;

constexpr char kToken[] = "test-token-0123456789";

class ServeTest : public QuickstartFixture {};

TEST_F(ServeTest, AJobQueuedThroughTheApiRunsAndIsReported) {
  int port = FreeLoopbackPort();
  std::string listen = "127.0.0.1:" + std::to_string(port);
  std::string config =
      WriteConfig(GoodScenario(), kManagedPrometheus, "server: { listen: \"" + listen + "\" }");
  auto server = StartPerfgateServe(config, dir_, {{"PERFGATE_API_TOKEN", kToken}});
  ASSERT_TRUE(server) << server.error().ToString();

  ApiClient client(NewCurlHttpClient(), "http://" + listen, kToken);
  EnqueueRequest request;
  request.kind = JobKind::kBaseline;
  request.commit = "main";
  Result<EnqueuedJob> enqueued = std::unexpected(Unavailable("not tried"));
  for (int i = 0; i < 300 && !enqueued; ++i) {  // until the server listens
    enqueued = client.EnqueueJob(request);
    if (!enqueued) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_TRUE(enqueued) << enqueued.error().ToString() << ReadFile(ServeLogPath(dir_));
  EXPECT_EQ(enqueued->job.commit, repo_->Git({"rev-parse", "main"}).substr(0, 40));

  Job job;
  for (int i = 0; i < 1200; ++i) {
    auto details = client.GetJob(enqueued->job.id);
    ASSERT_TRUE(details) << details.error().ToString();
    job = details->job;
    if (job.state != JobState::kQueued && job.state != JobState::kRunning) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(job.state, JobState::kSucceeded) << job.failure_reason;

  auto log = client.GetLog(job.id, 0);
  ASSERT_TRUE(log) << log.error().ToString();
  EXPECT_THAT(log->text, HasSubstr("svc window 2/2 done"));
  EXPECT_THAT(log->text, HasSubstr("[run-1/load]"));  // the load generator's own output

  auto http = NewCurlHttpClient();
  HttpRequest scrape;
  scrape.url = "http://" + listen + "/metrics";
  auto metrics = http->Send(scrape);
  ASSERT_TRUE(metrics) << metrics.error().ToString();
  EXPECT_THAT(metrics->body, HasSubstr("perfgate_jobs{state=\"succeeded\"} 1"));

  kill(server->pid(), SIGTERM);
  std::optional<ExitStatus> status = server->Wait(std::chrono::minutes(1));
  ASSERT_TRUE(status);
  EXPECT_TRUE(status->ok()) << status->ToString();
  EXPECT_THAT(ProcessesUsing(dir_.Path()), ::testing::IsEmpty());
}

}  // namespace
}  // namespace perfgate::testing
