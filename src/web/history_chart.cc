#include "web/history_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <nlohmann/json.hpp>
#include <string_view>
#include <tuple>
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

// A baseline job on the axis, with its points.
struct JobColumn {
  const HistoryPoint* first;  // its job, commit and time
  std::vector<const HistoryPoint*> points;
};

// The jobs of `points` (in the store's order) in the branch's commit order: the key of a job is
// the age of its commit on the branch (0 the oldest), or that of the job before it when its
// commit is not there, then its place in the store's order.
std::vector<JobColumn> JobsInCommitOrder(std::span<const HistoryPoint> points,
                                         std::span<const std::string> branch_commits) {
  std::vector<JobColumn> jobs;
  for (const HistoryPoint& point : points) {
    if (jobs.empty() || jobs.back().first->job_id != point.job_id) jobs.push_back({&point, {}});
    jobs.back().points.push_back(&point);
  }
  if (branch_commits.empty()) return jobs;
  std::unordered_map<std::string_view, int64_t> age;
  for (size_t i = 0; i < branch_commits.size(); ++i) {
    age.emplace(branch_commits[i], static_cast<int64_t>(branch_commits.size() - 1 - i));
  }
  using Key = std::tuple<int64_t, bool, size_t>;  // age, not on the branch, store position
  std::vector<std::pair<Key, size_t>> keyed;
  int64_t last = -1;
  for (size_t k = 0; k < jobs.size(); ++k) {
    auto found = age.find(jobs[k].first->commit);
    if (found != age.end()) last = found->second;
    keyed.push_back({{last, found == age.end(), k}, k});
  }
  std::ranges::sort(keyed);
  std::vector<JobColumn> ordered;
  ordered.reserve(jobs.size());
  for (const auto& [key, k] : keyed) ordered.push_back(std::move(jobs[k]));
  return ordered;
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
                               std::span<const CandidatePoint> candidates,
                               std::span<const std::string> branch_commits) {
  HistoryChart chart;
  for (const HistoryPoint& point : points) chart.series.push_back(point.series);
  std::ranges::sort(chart.series);
  chart.series.erase(std::ranges::unique(chart.series).begin(), chart.series.end());

  std::vector<JobColumn> jobs = JobsInCommitOrder(points, branch_commits);
  chart.values.assign(chart.series.size(), std::vector<double>(jobs.size(), kNaN));
  std::unordered_map<JobId, size_t> x_of_job;
  // The newest baseline job of each commit: what a test job based on it was compared with.
  std::unordered_map<std::string, size_t> last_of_commit;
  std::vector<std::pair<TimePoint, size_t>> by_time;
  for (size_t x = 0; x < jobs.size(); ++x) {
    const HistoryPoint& job = *jobs[x].first;
    chart.jobs.push_back(job.job_id);
    chart.commits.push_back(job.commit);
    chart.times.push_back(job.finished_at);
    x_of_job[job.job_id] = x;
    last_of_commit[job.commit] = x;
    by_time.emplace_back(job.finished_at, x);
    for (const HistoryPoint* point : jobs[x].points) {
      chart.values[*IndexOf(chart.series, point->series)][x] = point->median;
    }
  }
  std::ranges::sort(by_time);

  for (const ChangePointRecord& change : change_points) {
    auto x = x_of_job.find(change.job_id);
    std::optional<size_t> series = IndexOf(chart.series, change.series);
    if (x == x_of_job.end() || !series) continue;
    chart.change_points.push_back({x->second, *series, change.change});
  }
  for (const CandidatePoint& point : candidates) {
    std::optional<size_t> series = IndexOf(chart.series, point.series);
    if (!series) continue;
    // At the newest baseline job of its base, what it was compared with; else beside the
    // baseline job that finished last before it.
    size_t x = 0;
    if (auto base = last_of_commit.find(point.base_commit); base != last_of_commit.end()) {
      x = base->second;
    } else {
      auto after = std::ranges::upper_bound(by_time, std::make_pair(point.finished_at, SIZE_MAX));
      if (after != by_time.begin()) x = std::prev(after)->second;
    }
    chart.candidates.push_back({x, *series, &point});
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
