// Prometheus' HTTP API, as perfgate uses it: instant queries at a given time.
//
// Every HTTP call perfgate makes to Prometheus goes through this class.
// Thread-safety: as safe as the HttpClient it is given.
#pragma once

#include <atomic>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/error.h"
#include "base/labels.h"
#include "http/http_client.h"

namespace perfgate {

// One element of a query result: a vector gives one per series, a scalar one with no labels.
struct QueryValue {
  Labels labels;
  double value = 0;  // may be NaN or ±Inf, as Prometheus returned it
};

class PrometheusClient {
 public:
  // `base_url` like "http://127.0.0.1:9090"; `http` must outlive the client.
  PrometheusClient(HttpClient& http, std::string base_url);

  const std::string& base_url() const { return base_url_; }

  // GET /-/ready until 200 or `timeout`; Unavailable naming the URL otherwise.
  [[nodiscard]] Result<void> WaitReady(Duration timeout, Clock& clock);

  // POST /api/v1/query with time=`at`. A PromQL error is InvalidInput carrying
  // Prometheus' own message; an unreachable server is Unavailable; a matrix or string
  // result is InvalidInput (the query must return an instant vector or a scalar).
  [[nodiscard]] Result<std::vector<QueryValue>> Query(const std::string& promql, TimePoint at);

  // Waits until every target matching `selector` (label matchers without braces) has a
  // stored scrape later than `after`: polls min(timestamp(up{selector})) evaluated now.
  // Unavailable after `timeout`, naming the selector. FailedPrecondition as soon as
  // `interrupted` (may be null) is set: an interrupted job's targets are stopping, and their
  // next scrape may never come.
  [[nodiscard]] Result<void> WaitForScrapeAfter(const std::string& selector, TimePoint after,
                                                Duration timeout, Clock& clock,
                                                const std::atomic<bool>* interrupted = nullptr);

 private:
  HttpClient& http_;
  std::string base_url_;
};

}  // namespace perfgate
