// docker-compose scenarios through the whole program, on a real Docker engine: the
// quickstart's compose variant (examples/quickstart/perfgate-compose.yaml) measured by
// `perfgate run`, failing its ready probe, and run by a worker that is killed in the load
// window; never a container left behind.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <filesystem>

#include "integration/e2e/cli_fixture.h"
#include "integration/e2e/worker_fixture.h"
#include "support/docker_engine.h"

namespace perfgate::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::string Replaced(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "the example config no longer has: " << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

class ComposeJobTest : public WorkerFixture {
 protected:
  static void SetUpTestSuite() {
    WorkerFixture::SetUpTestSuite();
    engine_.SetUp();
  }
  static void TearDownTestSuite() {
    engine_.TearDown();
    WorkerFixture::TearDownTestSuite();
  }

  void SetUp() override {
    ASSERT_TRUE(engine_.ready()) << "no Docker engine: see the first failure of this binary";
    WorkerFixture::SetUp();
    // build-image is run as a program, so it is committed executable.
    namespace fs = std::filesystem;
    fs::copy_file(SourceDir() + "/examples/quickstart/build-image", repo_dir() + "/build-image");
    std::string compose = ReadFile(SourceDir() + "/examples/quickstart/compose.yaml");
    head_ = repo_->Commit({{"compose.yaml", compose}}, "compose variant");
  }

  void TearDown() override {
    std::string images =
        Docker({"images", "--quiet", "perfgate-quickstart:" + head_.substr(0, 12)});
    if (!images.empty()) Docker({"rmi", "--force", "perfgate-quickstart:" + head_.substr(0, 12)});
  }

  // The example config with this test's repository, two short windows, `ready_path` as the
  // ready probe's path, and a short lease so that a dead worker's job is soon taken back.
  std::string Config(const std::string& duration = "2s",
                     const std::string& ready_path = "/healthz") {
    std::string yaml = ReadFile(SourceDir() + "/examples/quickstart/perfgate-compose.yaml");
    yaml = Replaced(yaml, "file:///tmp/perfgate-quickstart", "file://" + repo_dir());
    yaml = Replaced(yaml, "repetitions: 5", "repetitions: 2");
    yaml = Replaced(yaml, "warmup: 2s", "warmup: 0s");
    yaml = Replaced(yaml, "duration: 5s", "duration: " + duration);
    yaml = Replaced(yaml, "/healthz\", timeout: 30s", ready_path + "\", timeout: 5s");
    return dir_.WriteFile("perfgate.yaml", yaml + "jobs: { lease: 3s, max_attempts: 3 }\n");
  }

  // Containers labelled as this installation's, running or not.
  std::string OurContainers() {
    std::string owner =
        std::filesystem::absolute(dir_.Path(".perfgate")).lexically_normal().string();
    return Docker({"ps", "--all", "--quiet", "--filter", "label=perfgate.owner=" + owner});
  }

  static inline DockerEngine engine_;
  std::string head_;
};

TEST_F(ComposeJobTest, ABaselineRunsEndToEndAndLeavesNoContainer) {
  CliResult run =
      RunPerfgate({"run", "--config", Config(), "--commit", "main", "--baseline"}, dir_);

  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto store = OpenTestStore();
  auto jobs = store->ListJobs({});
  ASSERT_TRUE(jobs && jobs->size() == 1u);
  auto samples = store->LoadSamples(jobs->front().id);
  ASSERT_TRUE(samples) << samples.error().ToString();
  EXPECT_FALSE(samples->empty());
  EXPECT_EQ(OurContainers(), "");
  EXPECT_THAT(ProcessesUsing(dir_.Path()), IsEmpty());
}

TEST_F(ComposeJobTest, AFailingReadyProbeFailsTheJobAndLeavesNoContainer) {
  CliResult run = RunPerfgate(
      {"run", "--config", Config("2s", "/no-such-page"), "--commit", "main", "--baseline"}, dir_);

  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("not ready after 5s"));
  EXPECT_EQ(OurContainers(), "");
  EXPECT_THAT(ProcessesUsing(dir_.Path()), IsEmpty());
}

TEST_F(ComposeJobTest, AKilledWorkersContainersAreRemovedBeforeTheJobRunsAgain) {
  std::string config = Config("8s");
  JobId id = Enqueue(config, "main");
  Subprocess first = StartWorker(config, "first");
  ASSERT_THAT(WaitForLog(id, "window 1/2 started"), HasSubstr("window 1/2 started"));
  kill(first.pid(), SIGKILL);
  first.Wait();
  // The engine runs the containers, not the dead worker: they outlive it.
  EXPECT_NE(OurContainers(), "");

  Subprocess second = StartWorker(config, "second");
  auto store = OpenTestStore();
  Job job = WaitFor(*store, id, Finished);
  second.Terminate();

  EXPECT_EQ(job.state, JobState::kSucceeded) << job.failure_reason;
  EXPECT_EQ(job.attempts, 2);
  // The second run brought its own project down; the first run's is gone only if reaped.
  EXPECT_EQ(OurContainers(), "");
  EXPECT_THAT(ProcessesUsing(dir_.Path()), IsEmpty());
}

}  // namespace
}  // namespace perfgate::testing
