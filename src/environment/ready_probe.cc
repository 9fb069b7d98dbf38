#include "environment/ready_probe.h"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

#include "base/duration.h"
#include "base/logging.h"
#include "environment/log_files.h"
#include "environment/scoped_fd.h"

namespace perfgate {
namespace {

// Loopback answers in microseconds; a try that takes longer than this is a failed try, and
// the next one comes soon enough. Commands (pg_isready, a client CLI) get longer to start.
constexpr Duration kNetworkAttemptTimeout = std::chrono::seconds(1);
constexpr Duration kCommandAttemptTimeout = std::chrono::seconds(5);

struct AddrinfoDeleter {
  void operator()(addrinfo* list) const { freeaddrinfo(list); }
};

Result<void> ProbeHttp(const std::string& url, HttpClient& http, Duration timeout) {
  HttpRequest request;
  request.url = url;
  request.timeout = timeout;
  auto response = http.Send(request);
  if (!response) return std::unexpected(response.error());
  if (response->status < 200 || response->status > 299) {
    return std::unexpected(Unavailable("GET " + RedactUrl(url) + " answered HTTP " +
                                       std::to_string(response->status) + ", not 2xx"));
  }
  return {};
}

// Splits "host:port" and "[v6]:port".
Result<std::pair<std::string, std::string>> SplitHostPort(const std::string& target) {
  size_t colon = target.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == target.size()) {
    return std::unexpected(InvalidInput("\"" + target + "\" is not host:port", {},
                                        "write the tcp probe as host:port, e.g. "
                                        "127.0.0.1:{{port.db}}"));
  }
  std::string host = target.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  return std::pair(host, target.substr(colon + 1));
}

// A non-blocking connect bounded by `timeout`, so an address that drops packets cannot stall
// the probe loop past its deadline.
Result<void> ConnectWithin(const addrinfo& address, Duration timeout) {
  ScopedFd fd(::socket(address.ai_family, address.ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                       address.ai_protocol));
  if (!fd.valid()) return std::unexpected(Unavailable(std::string("socket(): ") + strerror(errno)));
  if (::connect(fd.get(), address.ai_addr, address.ai_addrlen) == 0) return {};
  if (errno != EINPROGRESS) return std::unexpected(Unavailable(std::strerror(errno)));
  pollfd waiting{.fd = fd.get(), .events = POLLOUT, .revents = 0};
  int ready;
  do {
    ready = ::poll(&waiting, 1, static_cast<int>(timeout.count()));
  } while (ready < 0 && errno == EINTR);
  if (ready == 0) return std::unexpected(Unavailable("connect timed out"));
  if (ready < 0) return std::unexpected(Unavailable(std::string("poll(): ") + strerror(errno)));
  int error = 0;
  socklen_t length = sizeof(error);
  if (::getsockopt(fd.get(), SOL_SOCKET, SO_ERROR, &error, &length) != 0) error = errno;
  if (error != 0) return std::unexpected(Unavailable(std::strerror(error)));
  return {};
}

Result<void> ProbeTcp(const std::string& target, Duration timeout) {
  auto host_port = SplitHostPort(target);
  if (!host_port) return std::unexpected(host_port.error());
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_NUMERICSERV;
  addrinfo* found = nullptr;
  int status = ::getaddrinfo(host_port->first.c_str(), host_port->second.c_str(), &hints, &found);
  if (status != 0) {
    return std::unexpected(Unavailable("cannot resolve " + target + ": " + gai_strerror(status)));
  }
  std::unique_ptr<addrinfo, AddrinfoDeleter> addresses(found);
  std::string reasons;
  for (const addrinfo* address = addresses.get(); address; address = address->ai_next) {
    auto connected = ConnectWithin(*address, timeout);
    if (connected) return {};
    reasons += (reasons.empty() ? "" : "; ") + connected.error().what;
  }
  return std::unexpected(Unavailable("connect to " + target + " failed: " + reasons));
}

}  // namespace

std::string DescribeProbe(const ReadyProbe& probe) {
  switch (probe.type) {
    case ReadyProbe::Type::kHttp:
      return "http " + RedactUrl(probe.target);
    case ReadyProbe::Type::kTcp:
      return "tcp " + probe.target;
    case ReadyProbe::Type::kCommand:
      return "command " + FormatCommand(probe.command);
  }
  return "unknown probe";
}

Result<void> ProbeOnce(const ReadyProbe& probe, const ProbeContext& context,
                       Duration attempt_timeout) {
  switch (probe.type) {
    case ReadyProbe::Type::kHttp:
      return ProbeHttp(probe.target, *context.http, attempt_timeout);
    case ReadyProbe::Type::kTcp:
      return ProbeTcp(probe.target, attempt_timeout);
    case ReadyProbe::Type::kCommand:
      return RunToCompletion(
          ProcessSpec{
              .argv = probe.command, .cwd = context.workdir, .log_path = context.ready_log_path},
          attempt_timeout);
  }
  return std::unexpected(Internal("unknown ready probe type"));
}

namespace {

Result<void> ProbeUntilReady(const ReadyProbe& probe, const ProbeContext& context,
                             Subprocess& service, const std::string& service_log_path,
                             Clock& clock) {
  const std::string where = "ready probe " + DescribeProbe(probe);
  const Duration attempt_limit =
      probe.type == ReadyProbe::Type::kCommand ? kCommandAttemptTimeout : kNetworkAttemptTimeout;
  auto exited = [&](const ExitStatus& status) {
    return FailedPrecondition("the service exited during startup with " + status.ToString() +
                                  QuoteLogTail(service_log_path),
                              where,
                              "a service must keep running once started: check its command, "
                              "env and log");
  };
  const TimePoint deadline = clock.Now() + probe.timeout;
  int attempts = 0;
  while (true) {
    if (auto status = service.Poll()) return std::unexpected(exited(*status));
    Duration remaining = std::chrono::duration_cast<Duration>(deadline - clock.Now());
    auto ready = ProbeOnce(probe, context, std::clamp(remaining, Duration(1), attempt_limit));
    ++attempts;
    // A probe may pass because something else answers on the port our service failed to bind.
    if (auto status = service.Poll()) return std::unexpected(exited(*status));
    if (ready) return {};
    // A probe that cannot work (a program that does not exist, a target that is not
    // host:port) would fail the same way until the timeout: say so now.
    if (ready.error().kind == ErrorKind::kInvalidInput ||
        ready.error().kind == ErrorKind::kNotFound) {
      return std::unexpected(ready.error().In(where));
    }
    Logger("environment")
        ->debug("ready probe failed probe=\"{}\" attempt={} reason=\"{}\"", DescribeProbe(probe),
                attempts, ready.error().what);
    remaining = std::chrono::duration_cast<Duration>(deadline - clock.Now());
    if (remaining <= Duration::zero()) {
      return std::unexpected(FailedPrecondition(
          "the service was not ready after " + FormatDuration(probe.timeout) + " (" +
              std::to_string(attempts) + " attempts; last: " + ready.error().ToString() + ")" +
              QuoteLogTail(service_log_path),
          where,
          "check that the service listens where its ready probe looks, or raise ready.timeout"));
    }
    clock.SleepFor(std::min(remaining, kProbeInterval));
  }
}

}  // namespace

Result<void> WaitUntilReady(const ReadyProbe& probe, const ProbeContext& context,
                            Subprocess& service, const std::string& service_log_path,
                            Clock& clock) {
  if (context.listener) context.listener->ProbeStarted(context.service);
  auto ready = ProbeUntilReady(probe, context, service, service_log_path, clock);
  if (context.listener)
    context.listener->ProbeFinished(context.service, ready ? nullptr : &ready.error());
  return ready;
}

}  // namespace perfgate
