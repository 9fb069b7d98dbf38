// The compare page over real HTTP: two jobs compared series by series with their samples drawn,
// the pickers when a side is missing, the sides' mistakes shown on the form, and a job's stored
// comparison shown the same way.
#include <gmock/gmock.h>

#include "page_fixture.h"

namespace perfgate::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class ComparePageTest : public PageTest {
 protected:
  const std::vector<double> kBase = {0.0010, 0.00101, 0.00099, 0.00102, 0.00098};
  const std::vector<double> kSlower = {0.0020, 0.00202, 0.00198, 0.00204, 0.00196};
};

TEST_F(ComparePageTest, TwoJobsAreComparedSeriesBySeriesWithTheirSamplesDrawn) {
  Job base = FinishedJob(JobKind::kBaseline, Sha('b'), kBase);
  Job head = FinishedJob(JobKind::kExperiment, kMainSha, kSlower);
  std::string url = "/compare?base=" + std::to_string(base.id) + "&head=" + std::to_string(head.id);
  std::string page = Page(url);
  EXPECT_THAT(page, HasSubstr(R"(<a href="/compare" aria-current="page">Compare</a>)"));
  EXPECT_THAT(page, HasSubstr("<tr class=\"verdict-regression\">"));
  EXPECT_THAT(page, HasSubstr("1.00 ms"));
  EXPECT_THAT(page, HasSubstr("2.00 ms"));
  EXPECT_THAT(page, HasSubstr(R"(<table class="series" data-sortable>)"));
  EXPECT_THAT(page, HasSubstr("base: 5 windows, 980 µs – 1.02 ms, median 1.00 ms; candidate: 5 "
                              "windows, 1.96 ms – 2.04 ms, median 2.00 ms"));
  // Both sides, with the subject of the commit (escaped) and the job they stand for.
  EXPECT_THAT(page, HasSubstr("<h2>Base <a href=\"/jobs/" + std::to_string(base.id) + "\">"));
  EXPECT_THAT(page, HasSubstr("<h2>Candidate <a href=\"/jobs/" + std::to_string(head.id) + "\">"));
  EXPECT_THAT(page, HasSubstr("speed up &lt;script&gt;window.pwned = 1&lt;/script&gt; &amp; more"));
  EXPECT_THAT(page, Not(HasSubstr("<script>window")));
  EXPECT_THAT(page, HasSubstr("swap sides"));

  // Revisions name the newest succeeded job of their commit, as in the API.
  std::string by_revision = Page("/compare?base=" + Sha('b') + "&head=main");
  EXPECT_THAT(by_revision, HasSubstr("<tr class=\"verdict-regression\">"));
  EXPECT_THAT(by_revision, HasSubstr(R"(value=")" + Sha('b') + R"(")"));
}

TEST_F(ComparePageTest, WithoutBothSidesThePageOffersTheRecentJobs) {
  Job base = FinishedJob(JobKind::kBaseline, Sha('b'), kBase);
  Job failed = FinishedJob(JobKind::kExperiment, Sha('3'), kBase, JobState::kFailed);
  std::string page = Page("/compare");
  EXPECT_THAT(page, HasSubstr("<tr data-job=\"" + std::to_string(base.id) + "\">"));
  EXPECT_THAT(page, Not(HasSubstr("<tr data-job=\"" + std::to_string(failed.id) + "\">")));
  EXPECT_THAT(page,
              HasSubstr("<option value=\"" + std::to_string(base.id) + "\">baseline bbbbbbb"));
  EXPECT_THAT(page, Not(HasSubstr("<table class=\"series\"")));

  // A side named already is kept by the links that pick the other.
  std::string half = Page("/compare?head=" + std::to_string(base.id));
  EXPECT_THAT(half, HasSubstr("href=\"/compare?base=" + std::to_string(base.id) +
                              "&amp;head=" + std::to_string(base.id) + "\">as base</a>"));
  EXPECT_THAT(half, HasSubstr(R"(name="head" value=")" + std::to_string(base.id) + "\""));
}

TEST_F(ComparePageTest, ASideThatNamesNothingIsShownOnTheFormWithItsStatus) {
  Job base = FinishedJob(JobKind::kBaseline, Sha('b'), kBase);
  std::string id = std::to_string(base.id);
  std::string unknown = Page("/compare?base=nope%22%3E&head=" + id, 422);
  EXPECT_THAT(unknown, HasSubstr("base: &quot;nope&quot;&gt;&quot; is not a revision"));
  EXPECT_THAT(unknown, HasSubstr(R"(name="base" value="nope&quot;&gt;")"));
  EXPECT_THAT(unknown, HasSubstr("<tr data-job=\"" + id + "\">"));
  EXPECT_THAT(Page("/compare?base=" + id + "&head=4242", 404), HasSubstr("4242"));
  EXPECT_THAT(Page("/compare?base=" + id + "&head=" + Sha('e'), 404),
              HasSubstr("no succeeded job measured"));
}

TEST_F(ComparePageTest, AJobsStoredComparisonShowsBothSidesAndTheSamples) {
  Job base = FinishedJob(JobKind::kBaseline, Sha('b'), kBase);
  Job head = FinishedJob(JobKind::kTest, kMainSha, kSlower);
  SeriesComparison series;
  series.scenario = "http-api";
  series.metric = "latency";
  series.series = "{}";
  series.unit = "s";
  series.base_values = kBase;
  series.candidate_values = kSlower;
  series.base_median = 0.001;
  series.candidate_median = 0.002;
  series.estimate = 1.0;
  series.verdict = Verdict::kRegression;
  ASSERT_TRUE(store_->SaveComparison(StoredComparison{.base_job = base.id,
                                                      .candidate_job = head.id,
                                                      .base_commit = base.commit,
                                                      .candidate_commit = head.commit,
                                                      .created_at = SystemClock().Now(),
                                                      .comparison = Comparison{{series}}}));
  std::string page = Page("/jobs/" + std::to_string(head.id) + "/comparison");
  EXPECT_THAT(page, HasSubstr("<h2>Base <a href=\"/jobs/" + std::to_string(base.id) + "\">"));
  EXPECT_THAT(page, HasSubstr("<svg class=\"samples\""));
  EXPECT_THAT(page, HasSubstr("sortable"));
  // Without a comparison, the page says why.
  Job baseline = FinishedJob(JobKind::kBaseline, Sha('c'), kBase);
  EXPECT_THAT(Page("/jobs/" + std::to_string(baseline.id) + "/comparison"),
              HasSubstr("Baseline jobs are not compared"));
}

}  // namespace
}  // namespace perfgate::testing
