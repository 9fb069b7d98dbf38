// The system under test brought up for one run, and torn down by its owner.
//
// An Environment is RAII: destroying it stops every service (SIGTERM to each process
// group, then SIGKILL after the grace period) on every path, success or failure.
// Thread-safety: one thread at a time.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "base/error.h"
#include "config/config.h"
#include "config/template.h"

namespace perfgate {

// Told when the environment starts and stops waiting for a service's ready probe, so that
// whoever brings it up can tell starting from becoming ready. Called on the thread that
// calls StartEnvironment.
class ReadyListener {
 public:
  virtual ~ReadyListener() = default;
  virtual void ProbeStarted(const std::string& service) = 0;
  // `error` is null when the service became ready.
  virtual void ProbeFinished(const std::string& service, const Error* error) = 0;
};

// What one run of one scenario needs to bring its environment up.
struct EnvironmentRequest {
  const ScenarioConfig* scenario = nullptr;
  std::string workdir;  // the worktree of the commit under test
  std::string log_dir;  // <log_dir>/build.log, <log_dir>/<service>.log are written here
  TemplateVars vars;    // commit, short_commit, job, run, workdir and every port.NAME
  // Who starts the environment: what it creates outside perfgate's own process groups
  // (compose containers) is labelled with it, so that a reaper finds its own leftovers.
  std::string owner{};
  ReadyListener* ready_listener{};  // may be null
};

// A /metrics endpoint of a service that is up, with templates expanded.
struct ScrapeTarget {
  std::string service;
  std::string address;       // host:port
  std::string metrics_path;  // "/metrics"
};

class Environment {
 public:
  virtual ~Environment() = default;

  // Ok while every service is running; else FailedPrecondition naming the service that
  // exited, its exit status and the last 20 lines of its log.
  [[nodiscard]] virtual Result<void> CheckAlive() = 0;

  virtual std::vector<ScrapeTarget> ScrapeTargets() const = 0;

  // Stops every service now (the destructor does the same if it was not called).
  virtual void Down() = 0;
};

// The names NAME of every {{port.NAME}} the scenario refers to, anywhere in its config.
std::set<std::string> PortNames(const ScenarioConfig& scenario);

// One free TCP port on 127.0.0.1 per name, as vars "port.NAME". Ports are taken by binding
// to port 0 and released just before use, so a collision with another process is possible
// but unlikely; a service that cannot bind fails its ready probe with a clear message.
[[nodiscard]] Result<TemplateVars> AllocatePorts(const std::set<std::string>& names);

// Runs the scenario's build steps in order in request.workdir, output to build.log.
// A failing step is FailedPrecondition quoting the step's argv, exit status and the last
// 20 lines of build.log.
[[nodiscard]] Result<void> BuildEnvironment(const EnvironmentRequest& request);

// Starts every service in config order and waits for its ready probe before starting the
// next. On any failure everything already started is torn down before returning; a probe
// that times out is FailedPrecondition quoting the last 20 lines of the service's log.
[[nodiscard]] Result<std::unique_ptr<Environment>> StartEnvironment(
    const EnvironmentRequest& request);

}  // namespace perfgate
