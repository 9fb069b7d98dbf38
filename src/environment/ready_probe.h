// Ready probes: how the environment knows a service it started can take load.
#pragma once

#include <string>

#include "base/clock.h"
#include "base/error.h"
#include "config/config.h"
#include "environment/environment.h"
#include "http/http_client.h"
#include "process/subprocess.h"

namespace perfgate {

// What a probe needs besides the (already expanded) ReadyProbe itself.
struct ProbeContext {
  std::string workdir;         // cwd of a `command` probe
  std::string ready_log_path;  // output of a `command` probe, appended
  HttpClient* http = nullptr;  // for `http` probes
  std::string service{};       // the service probed, for `listener`
  ReadyListener* listener{};   // told when WaitUntilReady starts and ends; may be null
};

inline constexpr Duration kProbeInterval = std::chrono::milliseconds(200);

// One attempt: http = a GET answered with 2xx; tcp = a connection accepted; command = the
// argv exits 0. Each attempt is bounded by `attempt_timeout`. The error says why the service
// is not ready yet (refused, status 503, exit code 1, ...).
[[nodiscard]] Result<void> ProbeOnce(const ReadyProbe& probe, const ProbeContext& context,
                                     Duration attempt_timeout);

// Tells context.listener (when set) that the service's wait starts, then probes every
// kProbeInterval until the probe passes or probe.timeout has passed on `clock`.
// Fails at once, without waiting for the timeout, when `service` exits meanwhile. Both
// failures are FailedPrecondition quoting the last 20 lines of `service_log_path`; a timeout
// also gives the last attempt's reason. A probe that cannot work at all (its program does not
// exist, its target is not host:port) fails at once with that error.
[[nodiscard]] Result<void> WaitUntilReady(const ReadyProbe& probe, const ProbeContext& context,
                                          Subprocess& service, const std::string& service_log_path,
                                          Clock& clock);

// "http http://127.0.0.1:8080/healthz", "tcp 127.0.0.1:5432", "command ./ready.sh": for messages.
std::string DescribeProbe(const ReadyProbe& probe);

}  // namespace perfgate
