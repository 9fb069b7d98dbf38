// When a failed delivery is tried again: exponential backoff, or the time the receiver asked
// for (Retry-After, GitHub's rate-limit reset), or never when it refused the message for good.
//
// Pure functions of their input.
#pragma once

#include <optional>

#include "base/clock.h"
#include "http/http_client.h"

namespace perfgate {

struct RetryPolicy {
  Duration first_delay = std::chrono::seconds(10);  // after the first failed attempt
  Duration longest_delay = std::chrono::hours(1);   // the backoff doubles up to this
};

// 2xx: the receiver took the message.
bool Accepted(const HttpResponse& response);

// After the `attempts`-th failed attempt (1 for the first) at `now`, when to try next:
// - no response (refused, timed out), 5xx, 408 and 401 (a token revoked or rotated, which
//   its owner mends): backoff, or Retry-After when given;
// - 429 and 403 of a rate limit (Retry-After, or X-RateLimit-Remaining: 0): Retry-After, else
//   X-RateLimit-Reset (Unix seconds), else backoff;
// - any other 4xx: none: sending it again would be refused again.
// Backoff is first_delay * 2^(attempts - 1), capped at longest_delay; a receiver's time is
// capped there too, so that a wrong header cannot park a message for days.
std::optional<TimePoint> NextAttempt(const RetryPolicy& policy, int attempts,
                                     const HttpResponse* response, TimePoint now);

}  // namespace perfgate
