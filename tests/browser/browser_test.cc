// The web UI in a real browser, against a server whose store holds real runs of the
// quickstart: every page loads cleanly, text from outside never runs, the compare page shows
// the regression, the history chart has a point per baseline job, the queue follows a running
// job, and a job is cancelled from its page. Last, screenshots of the compare page and of a
// history page (docs/compare.png and docs/history.png when PERFGATE_SCREENSHOTS names docs/).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <thread>

#include "browser/browser_fixture.h"
#include "browser/synthetic_history.h"
#include "http/http_client.h"

namespace perfgate::testing {
namespace {

std::string HistoryPath() {
  return std::string("/history?scenario=") + BrowserTest::kScenario +
         "&metric=" + BrowserTest::kMetric;
}

std::string ComparePath(JobId base, JobId head) {
  return "/compare?base=" + std::to_string(base) + "&head=" + std::to_string(head);
}

TEST_F(BrowserTest, EveryPageLoadsWithoutConsoleErrors) {
  std::string baseline = std::to_string(baseline_);
  std::string experiment = std::to_string(experiment_);
  RunScript(
      "pages.cjs",
      {{"PERFGATE_PAGES", "/,/?kind=baseline&state=succeeded,/?branch=main,/jobs/" + baseline +
                              ",/jobs/" + experiment + ",/jobs/" + experiment +
                              "/comparison,/compare,/compare?head=" + baseline + "," +
                              ComparePath(baseline_, regression_) + ",/history," + HistoryPath()}});
}

TEST_F(BrowserTest, TextFromOutsideIsShownAsWrittenAndNeverRuns) {
  RunScript("escaping.cjs", {{"PERFGATE_JOB", std::to_string(experiment_)},
                             {"PERFGATE_COMPARE", ComparePath(baseline_, regression_)},
                             {"PERFGATE_HISTORY", HistoryPath()}});
}

TEST_F(BrowserTest, TheComparePageShowsTheRegressionOfMoreWorkPerRequest) {
  RunScript("compare.cjs", {{"PERFGATE_COMPARE", ComparePath(baseline_, regression_)}});
}

TEST_F(BrowserTest, TheHistoryChartHasAPointPerBaselineJob) {
  RunScript("history.cjs", {{"PERFGATE_HISTORY", HistoryPath()},
                            {"PERFGATE_BASELINES", std::to_string(SucceededBaselines())}});
}

TEST_F(BrowserTest, TheQueueShowsARunningJobsProgressMoving) {
  JobId job = Enqueue(JobKind::kBaseline, "main");
  ASSERT_GT(job, 0);
  RunScript("progress.cjs", {{"PERFGATE_JOB", std::to_string(job)}});
  // Seen enough: the next test needs the worker.
  Cancel(job);
}

TEST_F(BrowserTest, CancelFromTheJobPageCancelsTheJob) {
  JobId job = Enqueue(JobKind::kBaseline, "main~1");
  ASSERT_GT(job, 0);
  RunScript("cancel.cjs",
            {{"PERFGATE_JOB", std::to_string(job)}, {"PERFGATE_API_TOKEN", kApiToken}});
  Job cancelled = WaitFor(job, Finished);
  EXPECT_EQ(cancelled.state, JobState::kCancelled) << cancelled.failure_reason;
}

// The compare page of the suite's real regression; the history page of a server of its own
// whose store holds a synthetic history (synthetic_history.h): real baselines would take too
// long to make a chart worth showing.
TEST_F(BrowserTest, ScreenshotsOfTheComparePageAndOfAHistory) {
  TempDir dir;
  const char* wanted = std::getenv("PERFGATE_SCREENSHOTS");
  std::string shots = wanted != nullptr && *wanted != '\0' ? wanted : dir.Path("shots");
  std::filesystem::create_directories(shots);
  RunScript("screenshots.cjs",
            {{"PERFGATE_SHOTS", shots + "/compare.png=" + ComparePath(baseline_, regression_)}});

  int port = FreeLoopbackPort();
  std::string config_path = WriteServerConfig(dir, dir.Path("repo"), port);
  auto config = LoadConfigFile(config_path);
  ASSERT_TRUE(config) << config.error().ToString();
  SyntheticHistory seeded = SeedSyntheticHistory(dir, *config, kMetric);
  // The two steps of the made-up history, and nothing else.
  EXPECT_EQ(seeded.change_points, 2);
  auto server = Serve(dir, config_path);
  ASSERT_TRUE(server);
  std::string url = "http://127.0.0.1:" + std::to_string(port);
  ApiClient client(NewCurlHttpClient(), url, kApiToken);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!client.ListJobs({}) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  RunScript("screenshots.cjs",
            {{"PERFGATE_URL", url},
             {"PERFGATE_SHOTS", shots + "/history.png=" + HistoryPath()},
             {"PERFGATE_BASELINES", std::to_string(seeded.baselines)},
             // At the change point of /sort, the slowest series, near the top of the plot.
             {"PERFGATE_HOVER",
              std::to_string(double{kSlowerSortAt} / (kSyntheticCommits - 1)) + ",0.12"}});
  Stop(server, dir);
  for (const char* name : {"compare.png", "history.png"}) {
    std::error_code error;
    uintmax_t size = std::filesystem::file_size(shots + "/" + name, error);
    EXPECT_TRUE(!error && size > 10000)
        << name << ": " << (error ? error.message() : std::to_string(size) + " bytes");
  }
}

}  // namespace
}  // namespace perfgate::testing
