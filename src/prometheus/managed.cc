#include "prometheus/managed.h"

#include <fmt/format.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>
#include <utility>

#include "base/duration.h"
#include "base/logging.h"
#include "http/http_client.h"
#include "prometheus/client.h"
#include "prometheus/managed_config.h"

namespace perfgate {
namespace {

namespace fs = std::filesystem;

constexpr Duration kReadyTimeout = std::chrono::seconds(30);
// How long to probe /-/ready between two checks that the process is still alive.
constexpr Duration kLivenessCheckInterval = std::chrono::seconds(1);
// The free port is released before Prometheus binds it, so another process may take it in
// between; one more attempt with another port makes that race harmless in practice.
constexpr int kStartAttempts = 2;
constexpr char kBinaryFix[] = "install Debian's prometheus package or set prometheus.binary";

struct ManagedPaths {
  std::string config;
  std::string data;
  std::string log;
  std::string targets;
};

ManagedPaths PathsIn(const std::string& dir) {
  fs::path root(dir);
  return {.config = (root / "prometheus.yml").string(),
          .data = (root / "data").string(),
          .log = (root / "prometheus.log").string(),
          .targets = (root / "targets").string()};
}

class SocketCloser {
 public:
  explicit SocketCloser(int fd) : fd_(fd) {}
  ~SocketCloser() { close(fd_); }
  SocketCloser(const SocketCloser&) = delete;
  SocketCloser& operator=(const SocketCloser&) = delete;

 private:
  int fd_;
};

// A port on 127.0.0.1 that the kernel considered free a moment ago.
Result<int> PickLoopbackPort() {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    return std::unexpected(Internal(fmt::format("socket(): {}", std::strerror(errno)),
                                    "picking a port for Prometheus"));
  }
  SocketCloser closer(fd);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof(address);
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    return std::unexpected(Unavailable(fmt::format("no free port: {}", std::strerror(errno)),
                                       "127.0.0.1, picking a port for Prometheus",
                                       "free some loopback ports and retry"));
  }
  return ntohs(address.sin_port);
}

// Leftovers of a predecessor that crashed in the same directory would otherwise show up as
// old series and scrape stale targets.
Result<void> PrepareDirectory(const ManagedPaths& paths, Duration scrape_interval) {
  std::error_code ignored;  // a leftover that cannot be removed shows up in the next steps
  fs::remove_all(paths.data, ignored);
  fs::remove_all(paths.targets, ignored);
  fs::remove(paths.log, ignored);
  std::error_code error;
  fs::create_directories(paths.targets, error);
  if (error) {
    return std::unexpected(
        FailedPrecondition(fmt::format("cannot create the directory: {}", error.message()),
                           paths.targets, "check that work_dir is writable"));
  }
  std::ofstream out(paths.config, std::ios::binary | std::ios::trunc);
  out << ManagedPrometheusYaml(scrape_interval, paths.targets);
  out.flush();
  if (!out) {
    return std::unexpected(FailedPrecondition("cannot write the Prometheus configuration",
                                              paths.config, "check that work_dir is writable"));
  }
  return {};
}

std::string LogTail(const std::string& log_path) {
  std::string tail = TailOfFile(log_path);
  return tail.empty() ? "(its log is empty)" : "its log ends with:\n" + tail;
}

// Waits for /-/ready while checking that the process is still alive, so that a Prometheus
// that refuses its configuration or its port fails fast instead of after the timeout.
Result<void> WaitUntilReady(Subprocess& process, const std::string& url,
                            const std::string& log_path, Clock& clock) {
  std::unique_ptr<HttpClient> http = NewCurlHttpClient();
  PrometheusClient client(*http, url);
  TimePoint deadline = clock.Now() + kReadyTimeout;
  while (true) {
    if (std::optional<ExitStatus> status = process.Poll()) {
      return std::unexpected(FailedPrecondition(
          fmt::format("Prometheus exited before it was ready ({}); {}", status->ToString(),
                      LogTail(log_path)),
          log_path, "fix what the log says, e.g. the Prometheus version or prometheus.binary"));
    }
    auto ready = client.WaitReady(kLivenessCheckInterval, clock);
    if (ready) return {};
    if (clock.Now() >= deadline) {
      return std::unexpected(Unavailable(
          fmt::format("Prometheus not ready after {}: {}; {}", FormatDuration(kReadyTimeout),
                      ready.error().what, LogTail(log_path)),
          url, "check the machine's load and the Prometheus log"));
    }
  }
}

}  // namespace

ManagedPrometheus::ManagedPrometheus(Subprocess process, std::string dir, std::string url,
                                     std::string targets_dir)
    : process_(std::move(process)),
      dir_(std::move(dir)),
      url_(std::move(url)),
      targets_dir_(std::move(targets_dir)) {}

Result<std::unique_ptr<ManagedPrometheus>> ManagedPrometheus::Start(const PrometheusConfig& config,
                                                                    const std::string& dir,
                                                                    Clock& clock) {
  auto log = Logger("prometheus");
  ManagedPaths paths = PathsIn(dir);
  if (auto prepared = PrepareDirectory(paths, config.scrape_interval); !prepared) {
    return std::unexpected(prepared.error());
  }
  for (int attempt = 1;; ++attempt) {
    auto port = PickLoopbackPort();
    if (!port) return std::unexpected(port.error());
    std::string listen = fmt::format("127.0.0.1:{}", *port);
    ProcessSpec spec;
    spec.argv = {config.binary,
                 "--config.file=" + paths.config,
                 "--storage.tsdb.path=" + paths.data,
                 "--web.listen-address=" + listen,
                 "--storage.tsdb.retention.time=1d",
                 "--log.level=warn"};
    spec.cwd = dir;
    spec.log_path = paths.log;
    auto process = Subprocess::Start(spec);
    if (!process) {
      return std::unexpected(FailedPrecondition(
          fmt::format("cannot start Prometheus \"{}\": {}", config.binary, process.error().what),
          "prometheus.binary", kBinaryFix));
    }
    std::string url = "http://" + listen;
    log->info("prometheus starting url={} dir={} pid={}", url, dir, process->pid());
    auto ready = WaitUntilReady(*process, url, paths.log, clock);
    if (ready) {
      log->info("prometheus ready url={}", url);
      return std::unique_ptr<ManagedPrometheus>(
          new ManagedPrometheus(std::move(*process), dir, url, paths.targets));
    }
    bool port_taken = TailOfFile(paths.log).contains("address already in use");
    if (!port_taken || attempt == kStartAttempts) return std::unexpected(ready.error());
    log->warn("prometheus port taken, retrying port={}", *port);
  }
}

ManagedPrometheus::~ManagedPrometheus() {
  ExitStatus status = process_.Terminate(kDefaultGrace);
  std::error_code ignored;  // best effort: the data is disposable and we cannot report here
  fs::remove_all(PathsIn(dir_).data, ignored);
  Logger("prometheus")->info("prometheus stopped url={} status={}", url_, status.ToString());
}

}  // namespace perfgate
