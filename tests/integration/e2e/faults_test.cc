// Bad input and faults: each ends the run with a precise message, the job failed with that
// reason in the store, and nothing left running or on disk.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <filesystem>
#include <thread>

#include "integration/e2e/cli_fixture.h"
#include "integration/e2e/quickstart_fixture.h"
#include "process/subprocess.h"
#include "store/store.h"

namespace perfgate::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

class FaultTest : public QuickstartFixture {
 protected:
  // Runs a non-baseline job of the repository's head and checks what every fault must
  // leave: exit status 2, the message on stderr and in the store, nothing behind.
  void ExpectJobFails(const ScenarioYaml& scenario, const std::string& message,
                      const std::string& prometheus = kManagedPrometheus) {
    std::string config = WriteConfig(scenario, prometheus);
    CliResult result = RunPerfgate({"run", "--config", config, "--commit", "main"}, dir_);
    EXPECT_EQ(result.exit_code, 2) << result.err;
    EXPECT_THAT(result.err, HasSubstr(message));

    auto store = OpenStore("sqlite:perfgate.db", dir_.Path());
    ASSERT_TRUE(store) << store.error().ToString();
    auto jobs = (*store)->ListJobs(JobFilter{});
    ASSERT_TRUE(jobs) << jobs.error().ToString();
    ASSERT_EQ(jobs->size(), 1u);
    EXPECT_EQ(jobs->front().state, JobState::kFailed);
    EXPECT_THAT(jobs->front().failure_reason, HasSubstr(message));

    ExpectNothingLeft();
  }

  void ExpectNothingLeft() {
    EXPECT_THAT(ProcessesUsing(dir_.Path()), IsEmpty());
    EXPECT_THAT(ListDir(dir_.Path(".perfgate/worktrees")), IsEmpty());
    EXPECT_THAT(ListDir(dir_.Path(".perfgate/prometheus/job-1/data")), IsEmpty());
  }
};

TEST_F(FaultTest, ConfigErrorExitsTwoAndStartsNothing) {
  ScenarioYaml scenario = GoodScenario();
  scenario.rate = "-5";
  std::string config = WriteConfig(scenario);
  CliResult result = RunPerfgate({"run", "--config", config, "--commit", "main"}, dir_);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("scenarios[0].load.rate"));
  EXPECT_FALSE(std::filesystem::exists(dir_.Path(".perfgate")));
  EXPECT_FALSE(std::filesystem::exists(dir_.Path("perfgate.db")));
}

TEST_F(FaultTest, UnknownCommitNamesTheRepository) {
  std::string config = WriteConfig(GoodScenario());
  CliResult result = RunPerfgate(
      {"run", "--config", config, "--commit", "0123456789abcdef0123456789abcdef01234567"}, dir_);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("0123456789abcdef"));
  EXPECT_THAT(result.err, HasSubstr(repo_dir()));
  ExpectNothingLeft();
}

TEST_F(FaultTest, FailingBuildStepQuotesItsOutput) {
  ScenarioYaml scenario = GoodScenario();
  scenario.build =
      R"([sh, -c, "echo compiling widget; echo 'widget.c:3: error: boom' >&2; exit 3"])";
  // Named by its step, not by the worktree it ran in, which is gone when the job ends.
  ExpectJobFails(scenario,
                 "scenario svc: environment.build[0]: `sh -c 'echo compiling widget; echo "
                 "'\\''widget.c:3: error: boom'\\'' >&2; exit 3'` failed with exit code 3; its "
                 "last output lines:\ncompiling widget\nwidget.c:3: error: boom");
}

TEST_F(FaultTest, ServiceThatNeverGetsReadyQuotesItsLog) {
  ScenarioYaml scenario = GoodScenario();
  scenario.command =
      R"([sh, -c, "echo booting; echo still booting, port {{port.api}}; exec sleep 600"])";
  scenario.ready_timeout = "2s";
  ExpectJobFails(scenario, "still booting, port");
}

TEST_F(FaultTest, ServiceThatDiesDuringTheWindow) {
  ScenarioYaml scenario = GoodScenario();
  // `timeout` ends the service two seconds into the first five-second window.
  scenario.command = R"([timeout, 2, ./server, --listen, "127.0.0.1:{{port.api}}"])";
  scenario.duration = "5s";
  ExpectJobFails(scenario, "service api");
}

TEST_F(FaultTest, FailingLoadCommandQuotesItsOutput) {
  ScenarioYaml scenario = GoodScenario();
  scenario.load = R"([sh, -c, "echo 'load: cannot reach target' >&2; exit 4"])";
  ExpectJobFails(scenario, "load: cannot reach target");
}

TEST_F(FaultTest, PromqlSyntaxErrorReturnsPrometheusMessage) {
  ScenarioYaml scenario = GoodScenario();
  scenario.query = "sum(rate(http_requests_total{ {{selector}} }[{{window}}]";
  ExpectJobFails(scenario, "metric requests");
}

TEST_F(FaultTest, UnreachablePrometheus) {
  std::string url = "http://127.0.0.1:" + std::to_string(FreeLoopbackPort());
  ExpectJobFails(GoodScenario(), url,
                 "prometheus: { managed: false, url: \"" + url + "\", targets_dir: targets }");
}

TEST_F(FaultTest, InterruptCancelsTheJobAndStopsEverything) {
  ScenarioYaml scenario = GoodScenario();
  scenario.duration = "60s";
  std::string config = WriteConfig(scenario);
  ProcessSpec spec;
  spec.argv = {PerfgateBinary(), "run", "--config", config, "--commit", "main"};
  spec.log_path = dir_.Path("interrupted.err");
  auto perfgate = Subprocess::Start(spec);
  ASSERT_TRUE(perfgate) << perfgate.error().ToString();
  // The services are up once the `up` phase is reported; then the window runs for a minute.
  for (int i = 0; i < 600 && ReadFile(spec.log_path).find("up done") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_THAT(ReadFile(spec.log_path), HasSubstr("up done"));
  kill(perfgate->pid(), SIGINT);
  std::optional<ExitStatus> status = perfgate->Wait(std::chrono::seconds(60));
  ASSERT_TRUE(status) << "perfgate did not stop after SIGINT";
  EXPECT_EQ(status->code, 2) << ReadFile(spec.log_path);

  auto store = OpenStore("sqlite:perfgate.db", dir_.Path());
  ASSERT_TRUE(store) << store.error().ToString();
  auto job = (*store)->GetJob(1);
  ASSERT_TRUE(job) << job.error().ToString();
  EXPECT_EQ(job->state, JobState::kCancelled);
  EXPECT_THAT(job->failure_reason, HasSubstr("interrupted"));
  ExpectNothingLeft();
}

}  // namespace
}  // namespace perfgate::testing
