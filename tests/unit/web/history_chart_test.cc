#include "web/history_chart.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

namespace perfgate {
namespace {

TimePoint At(int64_t seconds) { return TimePoint(std::chrono::seconds(seconds)); }

std::string Sha(char digit) { return std::string(40, digit); }

HistoryPoint Point(JobId job, char commit, int64_t finished, const std::string& series,
                   double median) {
  return HistoryPoint{.job_id = job,
                      .commit = Sha(commit),
                      .finished_at = At(finished),
                      .series = series,
                      .median = median,
                      .sample_count = 5};
}

// Jobs 1, 2, 4 of commits a, b, c; series "{e=\"b\"}" is missing from job 2.
std::vector<HistoryPoint> ThreeJobs() {
  return {Point(1, 'a', 100, R"({e="b"})", 0.5), Point(1, 'a', 100, R"({e="a"})", 1.5),
          Point(2, 'b', 200, R"({e="a"})", 1.25), Point(4, 'c', 300, R"({e="a"})", 2),
          Point(4, 'c', 300, R"({e="b"})", 0.75)};
}

CandidatePoint Candidate(JobId job, const std::string& base, int64_t finished,
                         const std::string& series) {
  return CandidatePoint{.job_id = job,
                        .commit = Sha('f'),
                        .base_commit = base,
                        .pull_request = 7,
                        .finished_at = At(finished),
                        .series = series,
                        .median = 3,
                        .verdict = Verdict::kRegression};
}

ChangePointRecord Change(JobId job, const std::string& series, double change) {
  ChangePointRecord record;
  record.job_id = job;
  record.series = series;
  record.change = change;
  return record;
}

TEST(HistoryChartTest, OneColumnPerSeriesWithOnePositionPerJob) {
  std::vector<HistoryPoint> points = ThreeJobs();
  HistoryChart chart = BuildHistoryChart(points, {}, {}, {});
  EXPECT_EQ(chart.jobs, (std::vector<JobId>{1, 2, 4}));
  EXPECT_EQ(chart.commits, (std::vector<std::string>{Sha('a'), Sha('b'), Sha('c')}));
  EXPECT_EQ(chart.times, (std::vector<TimePoint>{At(100), At(200), At(300)}));
  EXPECT_EQ(chart.series, (std::vector<std::string>{R"({e="a"})", R"({e="b"})"}));
  ASSERT_EQ(chart.values.size(), 2u);
  EXPECT_EQ(chart.values[0], (std::vector<double>{1.5, 1.25, 2}));
  EXPECT_EQ(chart.values[1][0], 0.5);
  EXPECT_TRUE(std::isnan(chart.values[1][1]));
  EXPECT_EQ(chart.values[1][2], 0.75);
}

TEST(HistoryChartTest, JobsGoInTheBranchsCommitOrderNotTheOrderTheyFinishedIn) {
  std::vector<HistoryPoint> points = ThreeJobs();
  // Job 5, of a commit the branch lacks, finished between jobs 1 and 2.
  points.insert(points.begin() + 2, Point(5, 'd', 150, R"({e="a"})", 9));
  std::vector<std::string> branch = {Sha('c'), Sha('a'), Sha('b')};  // newest first
  std::vector<ChangePointRecord> changes = {Change(4, R"({e="a"})", 0.6)};
  std::vector<CandidatePoint> candidates = {Candidate(9, Sha('a'), 400, R"({e="a"})"),
                                            Candidate(10, Sha('9'), 160, R"({e="a"})")};
  HistoryChart chart = BuildHistoryChart(points, changes, candidates, branch);
  // b, a and then the job that finished after a's, c.
  EXPECT_EQ(chart.jobs, (std::vector<JobId>{2, 1, 5, 4}));
  EXPECT_EQ(chart.times, (std::vector<TimePoint>{At(200), At(100), At(150), At(300)}));
  EXPECT_EQ(chart.values[0], (std::vector<double>{1.25, 1.5, 9, 2}));
  ASSERT_EQ(chart.change_points.size(), 1u);
  EXPECT_EQ(chart.change_points[0].x, 3u);
  ASSERT_EQ(chart.candidates.size(), 2u);
  EXPECT_EQ(chart.candidates[0].x, 1u);  // at a's job
  EXPECT_EQ(chart.candidates[1].x, 2u);  // beside job 5, the last to finish before it
}

TEST(HistoryChartTest, ChangePointsArePlacedAtTheirJobAndSeries) {
  std::vector<HistoryPoint> points = ThreeJobs();
  std::vector<ChangePointRecord> changes = {
      Change(4, R"({e="b"})", 0.5), Change(3, R"({e="a"})", 0.1),  // a job the history lacks
      Change(4, R"({e="z"})", 0.1)};                               // a series it lacks
  HistoryChart chart = BuildHistoryChart(points, changes, {}, {});
  ASSERT_EQ(chart.change_points.size(), 1u);
  EXPECT_EQ(chart.change_points[0].x, 2u);
  EXPECT_EQ(chart.change_points[0].series, 1u);
  EXPECT_EQ(chart.change_points[0].change, 0.5);
}

TEST(HistoryChartTest, TestJobsArePlacedAtTheirBaseOrAfterTheBaselinesBeforeThem) {
  std::vector<HistoryPoint> points = ThreeJobs();
  std::vector<CandidatePoint> candidates = {
      Candidate(9, Sha('b'), 400, R"({e="a"})"),   // its base's baseline job: x 1
      Candidate(10, Sha('9'), 250, R"({e="b"})"),  // a base without one: after job 2
      Candidate(11, Sha('9'), 50, R"({e="a"})"),   // before every baseline: the first
      Candidate(12, Sha('b'), 400, R"({e="z"})")};
  HistoryChart chart = BuildHistoryChart(points, {}, candidates, {});
  ASSERT_EQ(chart.candidates.size(), 3u);
  EXPECT_EQ(chart.candidates[0].x, 1u);
  EXPECT_EQ(chart.candidates[0].series, 0u);
  EXPECT_EQ(chart.candidates[0].point, &candidates[0]);
  EXPECT_EQ(chart.candidates[1].x, 1u);
  EXPECT_EQ(chart.candidates[1].series, 1u);
  EXPECT_EQ(chart.candidates[2].x, 0u);
}

TEST(HistoryChartTest, JsonHasOneArrayPerColumn) {
  std::vector<HistoryPoint> points = ThreeJobs();
  points[0].median = 0.123456789;
  std::vector<ChangePointRecord> changes = {Change(4, R"({e="b"})", 0.5)};
  std::vector<CandidatePoint> candidates = {Candidate(9, Sha('b'), 400, R"({e="a"})")};
  candidates[0].pull_request.reset();
  HistoryChart chart = BuildHistoryChart(points, changes, candidates, {});
  std::string text = HistoryChartJson(chart, "http-api", "latency", "s",
                                      {{Sha('a'), "first <b>"}, {Sha('c'), "bad \xff byte"}});
  nlohmann::json json = nlohmann::json::parse(text);
  EXPECT_EQ(json["scenario"], "http-api");
  EXPECT_EQ(json["metric"], "latency");
  EXPECT_EQ(json["unit"], "s");
  EXPECT_EQ(json["jobs"], nlohmann::json({1, 2, 4}));
  EXPECT_EQ(json["commits"], nlohmann::json({"aaaaaaa", "bbbbbbb", "ccccccc"}));
  EXPECT_EQ(json["subjects"], nlohmann::json({"first <b>", nullptr, "bad \xef\xbf\xbd byte"}));
  EXPECT_EQ(json["times"], nlohmann::json({100, 200, 300}));
  EXPECT_EQ(json["series"], nlohmann::json({R"({e="a"})", R"({e="b"})"}));
  EXPECT_EQ(json["values"], nlohmann::json::parse("[[1.5,1.25,2],[0.123457,null,0.75]]"));
  EXPECT_EQ(json["change_points"],
            nlohmann::json::parse(R"({"x":[2],"series":[1],"change":[0.5]})"));
  EXPECT_EQ(json["candidates"], nlohmann::json::parse(R"({"x":[1],"series":[0],"jobs":[9],
      "pull_requests":[null],"commits":["fffffff"],"times":[400],"values":[3],
      "verdicts":["regression"]})"));
  // Compact: no space outside of strings.
  EXPECT_EQ(text.find(": "), std::string::npos);
}

TEST(HistoryChartTest, AnEmptyHistoryIsEmptyColumns) {
  std::string text = HistoryChartJson(BuildHistoryChart({}, {}, {}, {}), "s", "m", "", {});
  nlohmann::json json = nlohmann::json::parse(text);
  EXPECT_TRUE(json["jobs"].empty());
  EXPECT_TRUE(json["values"].empty());
  EXPECT_TRUE(json["candidates"]["x"].empty());
}

}  // namespace
}  // namespace perfgate
