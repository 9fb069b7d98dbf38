#include "delivery/retry.h"

#include <algorithm>
#include <charconv>
#include <string>

namespace perfgate {
namespace {

std::optional<int64_t> IntegerHeader(const HttpResponse& response, const std::string& name) {
  auto found = response.headers.find(name);
  if (found == response.headers.end()) return std::nullopt;
  const std::string& text = found->second;
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

Duration Backoff(const RetryPolicy& policy, int attempts) {
  Duration delay = policy.first_delay;
  for (int i = 1; i < attempts && delay < policy.longest_delay; ++i) delay *= 2;
  return std::min(delay, policy.longest_delay);
}

// The time the receiver asked to be left alone until, if it said.
std::optional<TimePoint> AskedFor(const HttpResponse& response, TimePoint now) {
  // Retry-After may also be an HTTP date; GitHub and Slack send seconds, and a date is
  // treated as absent (backoff applies).
  if (auto seconds = IntegerHeader(response, "retry-after")) {
    return now + std::chrono::seconds(*seconds);
  }
  if (IntegerHeader(response, "x-ratelimit-remaining") == 0) {
    if (auto reset = IntegerHeader(response, "x-ratelimit-reset")) {
      return std::max(now, TimePoint(std::chrono::seconds(*reset)));
    }
  }
  return std::nullopt;
}

bool RateLimited(const HttpResponse& response) {
  return response.status == 429 ||
         (response.status == 403 && (response.headers.contains("retry-after") ||
                                     IntegerHeader(response, "x-ratelimit-remaining") == 0));
}

}  // namespace

bool Accepted(const HttpResponse& response) {
  return response.status >= 200 && response.status < 300;
}

std::optional<TimePoint> NextAttempt(const RetryPolicy& policy, int attempts,
                                     const HttpResponse* response, TimePoint now) {
  TimePoint backoff = now + Backoff(policy, attempts);
  if (!response) return backoff;
  bool transient = response->status >= 500 || response->status == 408 || response->status == 401 ||
                   RateLimited(*response);
  if (!transient) return std::nullopt;
  std::optional<TimePoint> asked = AskedFor(*response, now);
  if (!asked) return backoff;
  return std::min(*asked, now + policy.longest_delay);
}

}  // namespace perfgate
