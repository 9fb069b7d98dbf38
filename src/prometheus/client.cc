#include "prometheus/client.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <utility>

#include "base/duration.h"
#include "base/logging.h"
#include "prometheus/query_response.h"

namespace perfgate {
namespace {

constexpr Duration kPollInterval = std::chrono::milliseconds(200);
constexpr Duration kMaxProbeTimeout = std::chrono::seconds(5);
constexpr Duration kMinProbeTimeout = std::chrono::milliseconds(200);
// Prometheus' own default query timeout is 2m; a query slower than this is better reported.
constexpr Duration kQueryTimeout = std::chrono::seconds(60);

// One poll: nullopt when the awaited condition holds, else why it does not yet.
using PollAttempt = std::function<Result<std::optional<std::string>>(Duration remaining)>;

// Runs `attempt` every kPollInterval on `clock` until it reports done, fails, or `timeout`
// passes. A timeout is Unavailable with the last reason; an `interrupted` flag (may be null)
// set before an attempt is FailedPrecondition. Unless interrupted, it tries at least once.
Result<void> PollUntil(Clock& clock, Duration timeout, const PollAttempt& attempt,
                       const std::string& waiting_for, const std::string& where,
                       const std::string& fix, const std::atomic<bool>* interrupted = nullptr) {
  TimePoint deadline = clock.Now() + timeout;
  std::string reason;
  while (true) {
    if (interrupted && *interrupted) {
      return std::unexpected(
          FailedPrecondition("interrupted while waiting for " + waiting_for, where,
                             "nothing to fix: the job was cancelled or perfgate is stopping"));
    }
    auto remaining = std::chrono::duration_cast<Duration>(deadline - clock.Now());
    auto outcome = attempt(std::max(remaining, Duration(0)));
    if (!outcome) return std::unexpected(outcome.error());
    if (!outcome->has_value()) return {};
    reason = std::move(**outcome);
    if (clock.Now() >= deadline) break;
    clock.SleepFor(kPollInterval);
  }
  return std::unexpected(Unavailable(fmt::format("{} still not the case after {}: {}", waiting_for,
                                                 FormatDuration(timeout), reason),
                                     where, fix));
}

Duration ProbeTimeout(Duration remaining) {
  return std::clamp(remaining, kMinProbeTimeout, kMaxProbeTimeout);
}

// An instant query at `at`, or at Prometheus' own "now" when `at` is nullopt.
Result<std::vector<QueryValue>> InstantQuery(HttpClient& http, const std::string& base_url,
                                             const std::string& promql, std::optional<TimePoint> at,
                                             Duration timeout) {
  HttpRequest request;
  request.method = "POST";
  request.url = base_url + "/api/v1/query";
  request.headers["Content-Type"] = "application/x-www-form-urlencoded";
  request.body = "query=" + UrlEncode(promql);
  if (at) request.body += fmt::format("&time={:.3f}", ToUnixSeconds(*at));
  request.timeout = timeout;
  std::string where = fmt::format("query `{}` at {}", promql, RedactUrl(request.url));
  auto response = http.Send(request);
  if (!response) {
    return std::unexpected(
        Unavailable(response.error().what, where, "check that Prometheus is running at this URL"));
  }
  return ParseQueryResponse(response->status, response->body, where);
}

}  // namespace

PrometheusClient::PrometheusClient(HttpClient& http, std::string base_url)
    : http_(http), base_url_(std::move(base_url)) {
  while (base_url_.ends_with('/')) base_url_.pop_back();
}

Result<void> PrometheusClient::WaitReady(Duration timeout, Clock& clock) {
  std::string url = base_url_ + "/-/ready";
  auto probe = [&](Duration remaining) -> Result<std::optional<std::string>> {
    HttpRequest request;
    request.url = url;
    request.timeout = ProbeTimeout(remaining);
    auto response = http_.Send(request);
    if (!response) return response.error().what;
    if (response->status != 200) return fmt::format("HTTP {}", response->status);
    return std::nullopt;
  };
  return PollUntil(clock, timeout, probe, "Prometheus ready", "GET " + RedactUrl(url),
                   "check that Prometheus is running at this URL and finished starting");
}

Result<std::vector<QueryValue>> PrometheusClient::Query(const std::string& promql, TimePoint at) {
  return InstantQuery(http_, base_url_, promql, at, kQueryTimeout);
}

Result<void> PrometheusClient::WaitForScrapeAfter(const std::string& selector, TimePoint after,
                                                  Duration timeout, Clock& clock,
                                                  const std::atomic<bool>* interrupted) {
  // Evaluated at Prometheus' own "now": our clock may be a fake, Prometheus' is not.
  std::string promql = fmt::format("min(timestamp(up{{{}}}))", selector);
  double after_seconds = ToUnixSeconds(after);
  auto poll = [&](Duration remaining) -> Result<std::optional<std::string>> {
    auto values = InstantQuery(http_, base_url_, promql, std::nullopt, ProbeTimeout(remaining));
    if (!values) {
      if (values.error().kind == ErrorKind::kUnavailable) return values.error().ToString();
      return std::unexpected(values.error());
    }
    if (values->empty()) return std::string("no target matches the selector yet");
    double oldest = values->front().value;
    if (std::isnan(oldest) || oldest <= after_seconds) {
      return fmt::format("oldest last scrape at {:.3f}, waiting for one after {:.3f}", oldest,
                         after_seconds);
    }
    return std::nullopt;
  };
  return PollUntil(clock, timeout, poll, "a scrape of every target after the given time",
                   fmt::format("selector {{{}}} at {}", selector, RedactUrl(base_url_)),
                   "check that the targets are listed in a file_sd file and answer on their "
                   "metrics path (see Prometheus' /targets page)",
                   interrupted);
}

}  // namespace perfgate
