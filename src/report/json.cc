#include <fmt/format.h>

#include <cmath>
#include <ctime>
#include <nlohmann/json.hpp>

#include "report/format.h"
#include "report/report.h"

namespace perfgate {
namespace {

// ordered_json keeps keys in the order written here, so the output is stable and reads
// top-down: who was compared, then the verdict, then the series.
using Json = nlohmann::ordered_json;

// JSON has no NaN or infinity: an unknown number, or an unbounded interval's end, is null.
Json Number(double value) { return std::isfinite(value) ? Json(value) : Json(nullptr); }

Json Values(const std::vector<double>& values) {
  Json array = Json::array();
  for (double v : values) array.push_back(Number(v));
  return array;
}

Json Side(JobId job, const std::string& commit, const std::string& repository_url) {
  std::string url = CommitUrl(repository_url, commit);
  return Json{{"job", job}, {"commit", commit}, {"url", url.empty() ? Json(nullptr) : Json(url)}};
}

Json Series(const SeriesComparison& s) {
  return Json{
      {"scenario", s.scenario},
      {"metric", s.metric},
      {"series", s.series},
      {"unit", s.unit},
      {"better", s.better == Better::kLower ? "lower" : "higher"},
      {"base", {{"values", Values(s.base_values)}, {"median", Number(s.base_median)}}},
      {"candidate",
       {{"values", Values(s.candidate_values)}, {"median", Number(s.candidate_median)}}},
      {"method", MethodName(s.method)},
      {"test", s.test == StatisticalTest::kNone ? Json(nullptr) : Json(TestName(s.test))},
      {"pairs", s.pairs},
      {"estimate", Number(s.estimate)},
      {"interval",
       {{"low", Number(s.low)}, {"high", Number(s.high)}, {"confidence", Number(s.confidence)}}},
      {"p_value", Number(s.p_value)},
      {"q_value", Number(s.q_value)},
      {"margin", Number(s.margin)},
      {"detectable_effect", Number(s.detectable_effect)},
      {"verdict", VerdictName(s.verdict)},
      {"note", s.note}};
}

}  // namespace

std::string RenderJson(const ReportInput& input) {
  const StoredComparison& stored = input.comparison;
  const Comparison& comparison = stored.comparison;
  Json counts = Json::object();
  for (Verdict verdict : kReportVerdictOrder) {
    counts[VerdictName(verdict)] = comparison.Count(verdict);
  }
  Json series = Json::array();
  for (const SeriesComparison& s : comparison.series) series.push_back(Series(s));
  Json report = {
      {"base", Side(stored.base_job, stored.base_commit, input.repository_url)},
      {"candidate", Side(stored.candidate_job, stored.candidate_commit, input.repository_url)},
      {"created_at", FormatTimestamp(stored.created_at)},
      {"mode", stored.mode == ComparisonMode::kInterleaved ? "interleaved" : "stored"},
      {"pair_orders", stored.pair_orders},
      {"seed", stored.seed},
      {"summary", Summary(comparison)},
      {"counts", std::move(counts)},
      {"series", std::move(series)}};
  // Labels are user text; replace invalid UTF-8 rather than throw while rendering.
  return report.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace perfgate
