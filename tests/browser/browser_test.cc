// The web UI in a real browser, against a server whose store holds real runs of the
// quickstart: every page loads cleanly, text from outside never runs, the queue follows a
// running job, and a job is cancelled from its page.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "browser/browser_fixture.h"

namespace perfgate::testing {
namespace {

TEST_F(BrowserTest, EveryPageLoadsWithoutConsoleErrors) {
  std::string baseline = std::to_string(baseline_);
  std::string experiment = std::to_string(experiment_);
  RunScript("pages.cjs",
            {{"PERFGATE_PAGES",
              "/,/?kind=baseline&state=succeeded,/?branch=main,"
              "/jobs/" +
                  baseline + ",/jobs/" + experiment + ",/jobs/" + experiment + "/comparison"}});
}

TEST_F(BrowserTest, TextFromOutsideIsShownAsWrittenAndNeverRuns) {
  RunScript("escaping.cjs", {{"PERFGATE_JOB", std::to_string(experiment_)}});
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

}  // namespace
}  // namespace perfgate::testing
