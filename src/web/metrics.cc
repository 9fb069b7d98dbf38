#include "web/metrics.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "base/labels.h"

namespace perfgate {
namespace {

constexpr std::array<JobState, 5> kJobStates = {JobState::kQueued, JobState::kRunning,
                                                JobState::kSucceeded, JobState::kFailed,
                                                JobState::kCancelled};
constexpr std::array<JobState, 3> kOutcomes = {JobState::kSucceeded, JobState::kFailed,
                                               JobState::kCancelled};
constexpr std::array<RunState, 3> kRunStates = {RunState::kRunning, RunState::kSucceeded,
                                                RunState::kFailed};

void Header(std::string& out, const char* name, const char* type, const char* help) {
  out += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name, help, name, type);
}

template <typename Number>
void Line(std::string& out, const std::string& name, const Labels& labels, Number value) {
  out += fmt::format("{}{} {}\n", name, FormatLabels(labels), value);
}

template <typename Map, typename Key>
int64_t CountOf(const Map& map, Key key) {
  auto it = map.find(key);
  return it == map.end() ? 0 : it->second;
}

void JobDurations(std::string& out, const QueueStatistics& statistics) {
  const std::string name = "perfgate_job_duration_seconds";
  Header(out, name.c_str(), "histogram",
         "Seconds from the start to the end of finished jobs, by outcome.");
  for (JobState outcome : kOutcomes) {
    std::vector<double> seconds;
    for (const auto& [state, duration] : statistics.finished_job_seconds) {
      if (state == outcome) seconds.push_back(duration);
    }
    double sum = 0;
    for (double s : seconds) sum += s;
    for (double bound : kJobDurationBuckets) {
      int64_t within = std::ranges::count_if(seconds, [&](double s) { return s <= bound; });
      Line(out, name + "_bucket",
           {{"outcome", JobStateName(outcome)}, {"le", fmt::format("{}", bound)}}, within);
    }
    Line(out, name + "_bucket", {{"outcome", JobStateName(outcome)}, {"le", "+Inf"}},
         seconds.size());
    Line(out, name + "_sum", {{"outcome", JobStateName(outcome)}}, sum);
    Line(out, name + "_count", {{"outcome", JobStateName(outcome)}}, seconds.size());
  }
}

}  // namespace

void RequestCounters::Record(const std::string& route, const std::string& method, int code) {
  std::lock_guard lock(mutex_);
  ++counts_[{route, method, code}];
}

RequestCounts RequestCounters::Snapshot() const {
  std::lock_guard lock(mutex_);
  return counts_;
}

std::string RenderMetrics(const QueueStatistics& statistics, const RequestCounts& requests) {
  std::string out;
  Header(out, "perfgate_jobs", "gauge", "Jobs in the store by state.");
  for (JobState state : kJobStates) {
    Line(out, "perfgate_jobs", {{"state", JobStateName(state)}},
         CountOf(statistics.jobs_by_state, state));
  }
  JobDurations(out, statistics);
  // A gauge despite the name: runs leave the running state, so that count goes down.
  Header(out, "perfgate_runs_total", "gauge", "Runs in the store by state.");
  for (RunState state : kRunStates) {
    Line(out, "perfgate_runs_total", {{"state", RunStateName(state)}},
         CountOf(statistics.runs_by_state, state));
  }
  Header(out, "perfgate_http_requests_total", "counter",
         "HTTP requests answered by this server, by route pattern, method and status code.");
  for (const auto& [key, count] : requests) {
    const auto& [route, method, code] = key;
    Line(out, "perfgate_http_requests_total",
         {{"route", route}, {"method", method}, {"code", std::to_string(code)}}, count);
  }
  return out;
}

}  // namespace perfgate
