#include "web/history_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "report/format.h"

namespace perfgate {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The index of `name` in the sorted `names`; nullopt when it is not there.
std::optional<size_t> IndexOf(const std::vector<std::string>& names, const std::string& name) {
  auto found = std::ranges::lower_bound(names, name);
  if (found == names.end() || *found != name) return std::nullopt;
  return static_cast<size_t>(found - names.begin());
}

// Where a candidate result goes on the axis: at the newest baseline job of its base commit,
// which is what it was compared with; else after the baselines that had finished before it.
size_t CandidateX(const HistoryChart& chart,
                  const std::unordered_map<std::string, size_t>& last_of_commit,
                  const CandidatePoint& point) {
  if (auto base = last_of_commit.find(point.base_commit); base != last_of_commit.end()) {
    return base->second;
  }
  auto after = std::ranges::upper_bound(chart.times, point.finished_at);
  return after == chart.times.begin() ? 0 : static_cast<size_t>(after - chart.times.begin()) - 1;
}

// A JSON writer for the chart's columns: fmt for numbers, nlohmann's escaping for text.
class ColumnWriter {
 public:
  void Raw(std::string_view text) { out_ += text; }

  void Text(const std::string& text) {
    // Bytes that are not UTF-8 (a commit message in Latin-1, say) become U+FFFD rather than
    // failing the whole answer.
    out_ += nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }

  void Number(double value) {
    if (std::isfinite(value)) {
      fmt::format_to(std::back_inserter(out_), "{:.6g}", value);
    } else {
      out_ += "null";
    }
  }

  void Integer(int64_t value) { fmt::format_to(std::back_inserter(out_), "{}", value); }

  // "key":[write(item) for each item]
  template <typename Items, typename Write>
  void Array(std::string_view key, const Items& items, Write write) {
    fmt::format_to(std::back_inserter(out_), "\"{}\":", key);
    List(items, write);
  }

  // [write(item) for each item]
  template <typename Items, typename Write>
  void List(const Items& items, Write write) {
    out_ += '[';
    bool first = true;
    for (const auto& item : items) {
      if (!first) out_ += ',';
      first = false;
      write(item);
    }
    out_ += ']';
  }

  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

int64_t UnixSeconds(TimePoint time) {
  return std::chrono::floor<std::chrono::seconds>(time).time_since_epoch().count();
}

}  // namespace

HistoryChart BuildHistoryChart(std::span<const HistoryPoint> points,
                               std::span<const ChangePointRecord> change_points,
                               std::span<const CandidatePoint> candidates) {
  HistoryChart chart;
  for (const HistoryPoint& point : points) chart.series.push_back(point.series);
  std::ranges::sort(chart.series);
  chart.series.erase(std::ranges::unique(chart.series).begin(), chart.series.end());

  // The points come job by job: a new x wherever the job changes.
  std::unordered_map<JobId, size_t> x_of_job;
  std::unordered_map<std::string, size_t> last_of_commit;
  std::vector<std::pair<size_t, const HistoryPoint*>> placed;
  placed.reserve(points.size());
  for (const HistoryPoint& point : points) {
    if (chart.jobs.empty() || chart.jobs.back() != point.job_id) {
      x_of_job[point.job_id] = chart.jobs.size();
      last_of_commit[point.commit] = chart.jobs.size();
      chart.jobs.push_back(point.job_id);
      chart.commits.push_back(point.commit);
      chart.times.push_back(point.finished_at);
    }
    placed.emplace_back(chart.jobs.size() - 1, &point);
  }
  chart.values.assign(chart.series.size(), std::vector<double>(chart.jobs.size(), kNaN));
  for (const auto& [x, point] : placed) {
    chart.values[*IndexOf(chart.series, point->series)][x] = point->median;
  }

  for (const ChangePointRecord& change : change_points) {
    auto x = x_of_job.find(change.job_id);
    std::optional<size_t> series = IndexOf(chart.series, change.series);
    if (x == x_of_job.end() || !series) continue;
    chart.change_points.push_back({x->second, *series, change.change});
  }
  for (const CandidatePoint& point : candidates) {
    std::optional<size_t> series = IndexOf(chart.series, point.series);
    if (!series) continue;
    chart.candidates.push_back({CandidateX(chart, last_of_commit, point), *series, &point});
  }
  return chart;
}

std::string HistoryChartJson(const HistoryChart& chart, const std::string& scenario,
                             const std::string& metric, const std::string& unit,
                             const std::map<std::string, std::string>& subjects) {
  ColumnWriter json;
  auto text = [&](const std::string& value) { json.Text(value); };
  auto integer = [&](auto value) { json.Integer(static_cast<int64_t>(value)); };
  auto number = [&](double value) { json.Number(value); };
  auto short_commit = [&](const std::string& commit) { json.Text(ShortCommit(commit)); };
  auto time = [&](TimePoint value) { json.Integer(UnixSeconds(value)); };
  auto subject = [&](const std::string& commit) {
    auto found = subjects.find(commit);
    if (found == subjects.end()) {
      json.Raw("null");
    } else {
      json.Text(found->second);
    }
  };

  json.Raw("{\"scenario\":");
  json.Text(scenario);
  json.Raw(",\"metric\":");
  json.Text(metric);
  json.Raw(",\"unit\":");
  json.Text(unit);
  json.Raw(",");
  json.Array("jobs", chart.jobs, integer);
  json.Raw(",");
  json.Array("commits", chart.commits, short_commit);
  json.Raw(",");
  json.Array("subjects", chart.commits, subject);
  json.Raw(",");
  json.Array("times", chart.times, time);
  json.Raw(",");
  json.Array("series", chart.series, text);
  json.Raw(",");
  json.Array("values", chart.values,
             [&](const std::vector<double>& column) { json.List(column, number); });

  const auto& changes = chart.change_points;
  json.Raw(",\"change_points\":{");
  json.Array("x", changes, [&](const auto& c) { integer(c.x); });
  json.Raw(",");
  json.Array("series", changes, [&](const auto& c) { integer(c.series); });
  json.Raw(",");
  json.Array("change", changes, [&](const auto& c) { number(c.change); });

  const auto& candidates = chart.candidates;
  json.Raw("},\"candidates\":{");
  json.Array("x", candidates, [&](const auto& c) { integer(c.x); });
  json.Raw(",");
  json.Array("series", candidates, [&](const auto& c) { integer(c.series); });
  json.Raw(",");
  json.Array("jobs", candidates, [&](const auto& c) { integer(c.point->job_id); });
  json.Raw(",");
  json.Array("pull_requests", candidates, [&](const auto& c) {
    if (c.point->pull_request) {
      integer(*c.point->pull_request);
    } else {
      json.Raw("null");
    }
  });
  json.Raw(",");
  json.Array("commits", candidates, [&](const auto& c) { short_commit(c.point->commit); });
  json.Raw(",");
  json.Array("times", candidates, [&](const auto& c) { time(c.point->finished_at); });
  json.Raw(",");
  json.Array("values", candidates, [&](const auto& c) { number(c.point->median); });
  json.Raw(",");
  json.Array("verdicts", candidates,
             [&](const auto& c) { json.Text(VerdictName(c.point->verdict)); });
  json.Raw("}}");
  return json.Take();
}

}  // namespace perfgate
