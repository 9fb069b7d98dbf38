// The web UI's pages and static files over real HTTP: what each page lists, its filters, the
// escaping of text from outside, the assets' names and caching, and the read token in a
// browser's hands.
#include <gmock/gmock.h>

#include <regex>

#include "page_fixture.h"
#include "web/assets.h"

namespace perfgate::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class PagesTest : public PageTest {
 protected:
  // A running job of http-api (4 windows) that has measured one window and runs its second.
  Job RunningJob(const std::string& ref) {
    config_.scenarios[0].repetitions = 4;
    Job job = Queue(JobKind::kBaseline, Sha('d'), ref, {"http-api"});
    auto claimed = store_->ClaimJob("worker-1", 10, std::chrono::minutes(1), SystemClock().Now());
    EXPECT_TRUE(claimed && *claimed) << "nothing claimed";
    TimePoint now = SystemClock().Now();
    auto first = store_->StartPhase(job.id, "http-api", "window", 0, now);
    EXPECT_TRUE(first && store_->FinishPhase(*first, "", now));
    EXPECT_TRUE(store_->StartPhase(job.id, "http-api", "window", 1, now));
    return *store_->GetJob(job.id);
  }

  static std::string Row(JobId id) { return "<tr data-job=\"" + std::to_string(id) + "\">"; }
};

TEST_F(PagesTest, TheQueueShowsRunningQueuedInOrderAndRecentJobs) {
  Job running = RunningJob("main");
  Job first = Queue(JobKind::kTest, Sha('1'), "feature/a");
  Job second = Queue(JobKind::kTest, Sha('2'), "feature/b");
  Job done = FinishedJob(JobKind::kBaseline, kMainSha, {1.0, 2.0});
  Job failed = FinishedJob(JobKind::kExperiment, Sha('3'), {1.0}, JobState::kFailed);

  std::string page = Page("/");
  size_t running_at = page.find("<section id=\"running\"");
  size_t queued_at = page.find("<section id=\"queued\"");
  size_t recent_at = page.find("<section id=\"recent\"");
  ASSERT_NE(running_at, std::string::npos);
  EXPECT_LT(running_at, page.find(Row(running.id)));
  EXPECT_LT(page.find(Row(running.id)), queued_at);
  EXPECT_THAT(page, HasSubstr("http-api window 2"));
  EXPECT_THAT(page, HasSubstr("1/4 windows"));
  // The queue in the order jobs are claimed: the oldest first.
  EXPECT_LT(queued_at, page.find(Row(first.id)));
  EXPECT_LT(page.find(Row(first.id)), page.find(Row(second.id)));
  EXPECT_LT(page.find(Row(second.id)), recent_at);
  EXPECT_LT(recent_at, page.find(Row(done.id)));
  EXPECT_LT(page.find(Row(failed.id)), page.find(Row(done.id)));  // newest first
  EXPECT_THAT(page, HasSubstr(R"(<span class="badge state-failed">failed</span>)"));
}

TEST_F(PagesTest, FiltersByKindStateAndBranch) {
  Job test_a = Queue(JobKind::kTest, Sha('1'), "feature/a");
  Job test_b = Queue(JobKind::kTest, Sha('2'), "feature/b");
  Job baseline = FinishedJob(JobKind::kBaseline, kMainSha, {1.0});

  std::string tests = Page("/?kind=test");
  EXPECT_THAT(tests, HasSubstr(Row(test_a.id)));
  EXPECT_THAT(tests, Not(HasSubstr(Row(baseline.id))));
  EXPECT_THAT(tests, HasSubstr("<option selected>test</option>"));

  std::string branch = Page("/?branch=feature%2Fb");
  EXPECT_THAT(branch, HasSubstr(Row(test_b.id)));
  EXPECT_THAT(branch, Not(HasSubstr(Row(test_a.id))));
  EXPECT_THAT(branch, HasSubstr(R"(name="branch" value="feature/b")"));

  std::string succeeded = Page("/?state=succeeded");
  EXPECT_THAT(succeeded, HasSubstr(Row(baseline.id)));
  EXPECT_THAT(succeeded, Not(HasSubstr("<section id=\"queued\"")));
  EXPECT_THAT(succeeded, Not(HasSubstr("<section id=\"running\"")));
}

TEST_F(PagesTest, ABadFilterIsAnErrorPageNamingIt) {
  std::string page = Page("/?kind=nightly&state=done", 422);
  EXPECT_THAT(page, HasSubstr("kind: must be one of baseline, test, experiment"));
  EXPECT_THAT(page, HasSubstr("state: must be one of"));
}

TEST_F(PagesTest, TheJobPageShowsTheJobWithEverythingFromOutsideEscaped) {
  Job job = Queue(JobKind::kTest, kMainSha, "<img src=x onerror=alert(1)>");
  ASSERT_TRUE(store_->ClaimJob("worker-1", 10, std::chrono::minutes(1), SystemClock().Now()));
  Job finished = FinishedJob(JobKind::kBaseline, kMainSha, {0.0012, 0.0015, 0.0013});

  std::string page = Page("/jobs/" + std::to_string(job.id));
  EXPECT_THAT(page, HasSubstr("&lt;img src=x onerror=alert(1)&gt;"));
  EXPECT_THAT(page, Not(HasSubstr("<img")));
  EXPECT_THAT(page, HasSubstr("speed up &lt;script&gt;window.pwned = 1&lt;/script&gt; &amp; more"));
  EXPECT_THAT(page, Not(HasSubstr("<script>window")));
  EXPECT_THAT(page, HasSubstr("data-state=\"running\""));
  EXPECT_THAT(page, HasSubstr("The comparison follows once the job has measured both sides."));
  EXPECT_THAT(page, HasSubstr("/api/v1/jobs/" + std::to_string(job.id) + "/log"));

  // Results in the metric's unit: samples, median and spread.
  std::string results = Page("/jobs/" + std::to_string(finished.id));
  EXPECT_THAT(results, HasSubstr("<td class=\"num\">1.30 ms</td>"));
  EXPECT_THAT(results, HasSubstr("1.20 ms – 1.50 ms (±11.5%)"));
  EXPECT_THAT(results, HasSubstr("Baseline jobs are not compared"));
}

TEST_F(PagesTest, AFailedJobsReasonKeepsItsLinesEscaped) {
  Job job = Queue(JobKind::kTest, kMainSha, "feature/a");
  TimePoint now = SystemClock().Now();
  ASSERT_TRUE(store_->StartJob(job.id, now));
  ASSERT_TRUE(store_->FinishJob(
      job.id, JobState::kFailed,
      "`make` failed; its last output lines:\nx.c:1: <error>\nmake: Error 1", now));

  EXPECT_THAT(Page("/jobs/" + std::to_string(job.id)),
              HasSubstr("<span class=\"error reason\">`make` failed; its last output lines:\n"
                        "x.c:1: &lt;error&gt;\nmake: Error 1</span>"));
  httplib::Result css = Raw().Get(AssetPath("perfgate.css"));
  ASSERT_TRUE(css);
  EXPECT_THAT(css->body, HasSubstr(".reason { white-space: pre-wrap; }"));
}

TEST_F(PagesTest, AnUnknownJobIsANotFoundPage) {
  std::string page = Page("/jobs/999", 404);
  EXPECT_THAT(page, HasSubstr("999"));
  Page("/jobs/abc", 404);
  Page("/jobs/999/comparison", 404);
}

TEST_F(PagesTest, TheComparisonPageShowsTheStoredComparison) {
  Job base = FinishedJob(JobKind::kBaseline, Sha('b'), {1.0, 1.0, 1.0});
  Job head = FinishedJob(JobKind::kTest, Sha('c'), {2.0, 2.0, 2.0});
  SeriesComparison series;
  series.scenario = "http-api";
  series.metric = "latency";
  series.series = "{path=\"<b>\"}";
  series.unit = "s";
  series.base_median = 1.0;
  series.candidate_median = 2.0;
  series.estimate = 1.0;
  series.verdict = Verdict::kRegression;
  StoredComparison stored{.base_job = base.id,
                          .candidate_job = head.id,
                          .base_commit = base.commit,
                          .candidate_commit = head.commit,
                          .created_at = SystemClock().Now(),
                          .comparison = Comparison{{series}}};
  ASSERT_TRUE(store_->SaveComparison(stored));

  std::string page = Page("/jobs/" + std::to_string(head.id) + "/comparison");
  EXPECT_THAT(page, HasSubstr("<tr class=\"verdict-regression\">"));
  EXPECT_THAT(page, HasSubstr("{path=&quot;&lt;b&gt;&quot;}"));
  EXPECT_THAT(page, HasSubstr("+100.0%"));
  EXPECT_THAT(page, HasSubstr("1 regression"));
  // The job page shows the same comparison, and the queue its most urgent verdict.
  EXPECT_THAT(Page("/jobs/" + std::to_string(head.id)),
              HasSubstr("<tr class=\"verdict-regression\">"));
  EXPECT_THAT(Page("/"),
              HasSubstr(R"(<span class="badge verdict-regression" title="1 regression">)"));
}

TEST_F(PagesTest, StaticFilesAreServedByHashAndKeptForAYear) {
  std::string page = Page("/");
  std::regex asset_link("/assets/[^\"]+");
  int found = 0;
  httplib::Client client = Raw();
  for (auto it = std::sregex_iterator(page.begin(), page.end(), asset_link);
       it != std::sregex_iterator(); ++it, ++found) {
    httplib::Result result = client.Get(it->str());
    ASSERT_TRUE(result) << it->str();
    EXPECT_EQ(result->status, 200) << it->str();
    EXPECT_EQ(result->get_header_value("Cache-Control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(result->get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_THAT(result->get_header_value("Content-Type"),
                ::testing::AnyOf("text/css; charset=utf-8", "text/javascript; charset=utf-8"));
  }
  EXPECT_EQ(found, 3);  // perfgate.css, perfgate.js and the queue's module

  // uPlot is served from the binary, for the pages that draw charts.
  httplib::Result uplot = client.Get(AssetPath("uplot.min.js"));
  ASSERT_TRUE(uplot);
  EXPECT_EQ(uplot->status, 200);
  EXPECT_THAT(uplot->body, HasSubstr("uPlot"));
  EXPECT_EQ(client.Get(AssetPath("uplot.min.css"))->status, 200);

  // An older build's name is no file of this one.
  httplib::Result stale = client.Get("/assets/perfgate.0000000000.css");
  ASSERT_TRUE(stale);
  EXPECT_EQ(stale->status, 404);
}

TEST_F(PagesTest, AReadTokenIsTakenOnceAndKeptAsACookieForReadsOnly) {
  StartServer(kToken, "read-secret");
  Job job = Queue(JobKind::kTest, Sha('1'), "main");

  std::string asked = Page("/", 401);
  EXPECT_THAT(asked, HasSubstr(R"(<form class="read-token" method="get">)"));
  Page("/?token=wrong", 403);

  httplib::Client client = Raw();
  httplib::Result redirect = client.Get("/?kind=test&token=read-secret");
  ASSERT_TRUE(redirect);
  EXPECT_EQ(redirect->status, 303);
  EXPECT_EQ(redirect->get_header_value("Location"), "/?kind=test");
  std::string cookie = redirect->get_header_value("Set-Cookie");
  EXPECT_THAT(cookie, HasSubstr("perfgate_read_token=read-secret;"));
  EXPECT_THAT(cookie, HasSubstr("HttpOnly"));

  httplib::Headers with_cookie = {{"Cookie", "perfgate_read_token=read-secret"}};
  EXPECT_THAT(Page("/", 200, with_cookie), HasSubstr(Row(job.id)));
  httplib::Result api_read = client.Get("/api/v1/jobs", with_cookie);
  ASSERT_TRUE(api_read);
  EXPECT_EQ(api_read->status, 200);
  // Changes never take the cookie: another site could make the browser send it.
  httplib::Result change =
      client.Post("/api/v1/jobs/" + std::to_string(job.id) + "/cancel", with_cookie, "", "");
  ASSERT_TRUE(change);
  EXPECT_EQ(change->status, 401);
  EXPECT_EQ(store_->GetJob(job.id)->state, JobState::kQueued);
}

TEST_F(PagesTest, JobListsCarryTheProgressOfRunningJobsAndTheQueuesOrder) {
  Job running = RunningJob("main");
  Job first = Queue(JobKind::kTest, Sha('1'), "feature/a");
  Job second = Queue(JobKind::kTest, Sha('2'), "feature/a");
  httplib::Client client = Raw();

  auto list = [&](const std::string& query) {
    httplib::Result result = client.Get("/api/v1/jobs" + query);
    EXPECT_TRUE(result && result->status == 200) << query;
    return nlohmann::json::parse(result ? result->body : "{}")["jobs"];
  };
  nlohmann::json jobs = list("?state=running");
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(jobs[0]["id"], running.id);
  EXPECT_EQ(jobs[0]["progress"]["phase"], "http-api window 2");
  EXPECT_EQ(jobs[0]["progress"]["windows_done"], 1);
  EXPECT_EQ(jobs[0]["progress"]["windows_planned"], 4);

  jobs = list("?state=queued&order=oldest&branch=feature%2Fa");
  ASSERT_EQ(jobs.size(), 2u);
  EXPECT_EQ(jobs[0]["id"], first.id);
  EXPECT_EQ(jobs[1]["id"], second.id);
  EXPECT_TRUE(jobs[0]["progress"].is_null());

  httplib::Result detail = client.Get("/api/v1/jobs/" + std::to_string(running.id));
  ASSERT_TRUE(detail);
  EXPECT_EQ(nlohmann::json::parse(detail->body)["progress"]["windows_done"], 1);
}

}  // namespace
}  // namespace perfgate::testing
