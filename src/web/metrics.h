// perfgate's own /metrics in the Prometheus text exposition format (version 0.0.4):
//   perfgate_jobs{state}                      gauge, jobs per state, from the store
//   perfgate_job_duration_seconds{outcome}    histogram of finished jobs, started -> finished
//   perfgate_runs_total{state}                runs per state, from the store
//   perfgate_http_requests_total{route,method,code}   this process' answered requests
// Queue figures are read from the store so that they are right whichever process ran the
// jobs; request counts are this server's since it started.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

#include "store/queue.h"

namespace perfgate {

// Upper bounds of the job duration histogram, in seconds: 10 s to 2 h.
inline constexpr std::array<double, 10> kJobDurationBuckets = {10,  30,   60,   120,  300,
                                                               600, 1200, 1800, 3600, 7200};

// (route pattern, method, status code) -> answered requests.
using RequestCounts = std::map<std::tuple<std::string, std::string, int>, uint64_t>;

// Thread-safe counters of answered requests.
class RequestCounters {
 public:
  void Record(const std::string& route, const std::string& method, int code);
  RequestCounts Snapshot() const;

 private:
  mutable std::mutex mutex_;
  RequestCounts counts_;
};

// Every state and outcome appears, zero or not, so that a dashboard's series never vanish.
std::string RenderMetrics(const QueueStatistics& statistics, const RequestCounts& requests);

}  // namespace perfgate
