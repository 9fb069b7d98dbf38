// A metric's history over real HTTP: the columns the chart draws (GET /api/v1/history/chart),
// and the page around it, which picks a metric when none is named and reads without
// JavaScript as the latest value of each series and the change points.
#include <gmock/gmock.h>

#include "page_fixture.h"

namespace perfgate::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class HistoryPageTest : public PageTest {
 protected:
  // Three baseline jobs of commits 1, main and 3, a change point at the third, and a test job
  // of pull request 5 compared with main.
  void SeedHistory() {
    first_ = FinishedJob(JobKind::kBaseline, Sha('1'), {0.001, 0.0011, 0.0009});
    second_ = FinishedJob(JobKind::kBaseline, kMainSha, {0.001});
    third_ = FinishedJob(JobKind::kBaseline, Sha('3'), {0.002});
    ASSERT_TRUE(store_->RecordChangePoint(ChangePointRecord{.scenario = "http-api",
                                                            .metric = "latency",
                                                            .series = "{}",
                                                            .job_id = third_.id,
                                                            .commit = third_.commit,
                                                            .mean_before = 0.001,
                                                            .mean_after = 0.002,
                                                            .change = 1.0,
                                                            .p_value = 0.001,
                                                            .detected_by = third_.id,
                                                            .detected_at = SystemClock().Now()}));
    auto test = store_->CreateJob(JobRequest{.kind = JobKind::kTest,
                                             .commit = Sha('5'),
                                             .ref = "refs/pull/5/head",
                                             .scenarios = {},
                                             .base_commit = kMainSha,
                                             .pull_request = 5,
                                             .requested_by = "test"},
                                  SystemClock().Now());
    ASSERT_TRUE(test);
    ASSERT_TRUE(store_->StartJob(test->id, SystemClock().Now()));
    ASSERT_TRUE(store_->FinishJob(test->id, JobState::kSucceeded, "", SystemClock().Now()));
    SeriesComparison series;
    series.scenario = "http-api";
    series.metric = "latency";
    series.series = "{}";
    series.unit = "s";
    series.candidate_median = 0.003;
    series.verdict = Verdict::kRegression;
    ASSERT_TRUE(store_->SaveComparison(StoredComparison{.base_job = test->id,
                                                        .candidate_job = test->id,
                                                        .base_commit = kMainSha,
                                                        .candidate_commit = Sha('5'),
                                                        .created_at = SystemClock().Now(),
                                                        .comparison = Comparison{{series}}}));
    test_ = test->id;
  }

  nlohmann::json Chart(const std::string& query, int status = 200) {
    httplib::Client client = Raw();
    httplib::Result result = client.Get("/api/v1/history/chart" + query);
    EXPECT_TRUE(result) << query;
    if (!result) return {};
    EXPECT_EQ(result->status, status) << result->body;
    return nlohmann::json::parse(result->body);
  }

  Job first_;
  Job second_;
  Job third_;
  JobId test_ = 0;
};

TEST_F(HistoryPageTest, TheChartHasOnePositionPerBaselineJobAndMarksChangesAndTestJobs) {
  SeedHistory();
  nlohmann::json chart = Chart("?scenario=http-api&metric=latency");
  EXPECT_EQ(chart["unit"], "s");
  EXPECT_EQ(chart["jobs"], nlohmann::json({first_.id, second_.id, third_.id}));
  EXPECT_EQ(chart["commits"], nlohmann::json({"1111111", "aaaaaaa", "3333333"}));
  EXPECT_EQ(chart["subjects"], nlohmann::json({nullptr, kMainSubject, nullptr}));
  EXPECT_EQ(chart["series"], nlohmann::json({"{}"}));
  EXPECT_EQ(chart["values"], nlohmann::json::parse("[[0.001,0.001,0.002]]"));
  EXPECT_EQ(chart["change_points"]["x"], nlohmann::json({2}));
  EXPECT_EQ(chart["candidates"]["x"], nlohmann::json({1}));  // at its base, main
  EXPECT_EQ(chart["candidates"]["jobs"], nlohmann::json({test_}));
  EXPECT_EQ(chart["candidates"]["pull_requests"], nlohmann::json({5}));
  EXPECT_EQ(chart["candidates"]["values"], nlohmann::json({0.003}));
  EXPECT_EQ(chart["candidates"]["verdicts"], nlohmann::json({"regression"}));

  // In the default branch's commit order, where the repository tells it.
  branch_commits_ = {Sha('3'), Sha('1'), kMainSha};
  EXPECT_EQ(Chart("?scenario=http-api&metric=latency")["jobs"],
            nlohmann::json({second_.id, first_.id, third_.id}));

  EXPECT_TRUE(Chart("?scenario=http-api&metric=other")["jobs"].empty());
  nlohmann::json missing = Chart("?metric=latency", 422);
  EXPECT_EQ(missing["error"]["fields"][0]["field"], "scenario");
}

TEST_F(HistoryPageTest, ThePageSummarizesTheLatestValuesAndTheChangePoints) {
  SeedHistory();
  std::string page = Page("/history?scenario=http-api&metric=latency");
  EXPECT_THAT(page, HasSubstr(R"(<a href="/history" aria-current="page">History</a>)"));
  EXPECT_THAT(page, HasSubstr(R"(id="history-chart" class="chart" data-scenario="http-api" )"
                              R"(data-metric="latency" data-unit="s")"));
  EXPECT_THAT(page, HasSubstr("/assets/uplot."));
  // The latest median of each series, with how many points it has.
  EXPECT_THAT(page, HasSubstr("<td>{}</td><td class=\"num\">2.00 ms</td><td><a href=\"/jobs/" +
                              std::to_string(third_.id) + "\">"));
  EXPECT_THAT(page, HasSubstr("<td class=\"num\">3</td>"));
  // The change point, with the before and after levels in the unit.
  EXPECT_THAT(page, HasSubstr("+100.0%"));
  EXPECT_THAT(page, HasSubstr("1.00 ms → 2.00 ms"));
}

TEST_F(HistoryPageTest, WithoutAMetricThePageOffersTheConfigsMetrics) {
  std::string page = Page("/history");
  EXPECT_THAT(page, HasSubstr(R"(<a href="/history?scenario=http-api&amp;metric=latency">)"));
  EXPECT_THAT(page, Not(HasSubstr("history-chart")));
  std::string unknown = Page("/history?scenario=http-api&metric=%3Cb%3E", 404);
  EXPECT_THAT(unknown, HasSubstr("no metric &lt;b&gt; in a scenario http-api"));
  EXPECT_THAT(unknown, HasSubstr(R"(metric=latency">)"));
}

TEST_F(HistoryPageTest, AMetricWithoutHistorySaysSo) {
  std::string page = Page("/history?scenario=http-api&metric=latency");
  EXPECT_THAT(page, HasSubstr("No baseline job has measured this metric yet"));
  EXPECT_THAT(page, HasSubstr("No change point"));
}

}  // namespace
}  // namespace perfgate::testing
