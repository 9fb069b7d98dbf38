// The `process` environment: each service a Subprocess in its own process group, started in
// config order, each waited for before the next, stopped in reverse order.

#include <optional>
#include <utility>

#include "base/logging.h"
#include "environment/docker_compose.h"
#include "environment/environment.h"
#include "environment/log_files.h"
#include "environment/ready_probe.h"
#include "environment/service_templates.h"
#include "http/http_client.h"
#include "process/subprocess.h"

namespace perfgate {
namespace {

// A service with every template expanded, checked before anything is started so that a
// typo in one service's config never leaves another service running.
struct ServicePlan {
  std::string name;
  ProcessSpec spec;
  std::optional<ReadyProbe> ready;
  std::optional<ScrapeTarget> scrape;
};

Result<ServicePlan> PlanService(const ServiceConfig& service, const EnvironmentRequest& request) {
  ServicePlan plan{
      .name = service.name,
      .spec = {.cwd = request.workdir, .log_path = ServiceLogPath(request.log_dir, service.name)},
      .ready = std::nullopt,
      .scrape = std::nullopt};
  auto argv = ExpandArgv(service.command, request.vars);
  if (!argv) return std::unexpected(argv.error().In("command"));
  plan.spec.argv = std::move(*argv);
  for (const auto& [key, value] : service.env) {
    auto expanded = ExpandTemplate(value, request.vars);
    if (!expanded) return std::unexpected(expanded.error().In("env." + key));
    plan.spec.env[key] = std::move(*expanded);
  }
  if (service.ready) {
    auto probe = ExpandProbe(*service.ready, request.vars);
    if (!probe) return std::unexpected(probe.error());
    plan.ready = std::move(*probe);
  }
  auto scrape = ExpandScrapeTarget(service, request.vars);
  if (!scrape) return std::unexpected(scrape.error());
  plan.scrape = std::move(*scrape);
  return plan;
}

class ProcessEnvironment final : public Environment {
 public:
  explicit ProcessEnvironment(std::string scenario) : scenario_(std::move(scenario)) {}
  ProcessEnvironment(const ProcessEnvironment&) = delete;
  ProcessEnvironment& operator=(const ProcessEnvironment&) = delete;
  ~ProcessEnvironment() override { Down(); }

  // Takes ownership of a started service: from now on Down() stops it.
  Subprocess& Adopt(const ServicePlan& plan, Subprocess process) {
    services_.push_back(RunningService{
        .name = plan.name, .log_path = plan.spec.log_path, .process = std::move(process)});
    if (plan.scrape) targets_.push_back(*plan.scrape);
    return services_.back().process;
  }

  Result<void> CheckAlive() override {
    if (down_) {
      return std::unexpected(FailedPrecondition("the environment was already stopped",
                                                "scenario " + scenario_,
                                                "start a new environment for the next run"));
    }
    for (RunningService& service : services_) {
      if (auto status = service.process.Poll()) {
        return std::unexpected(FailedPrecondition(
            "service " + service.name + " exited with " + status->ToString() +
                QuoteLogTail(service.log_path),
            "scenario " + scenario_ + ": service " + service.name,
            "a service must keep running for the whole run: see its log for why it stopped"));
      }
    }
    return {};
  }

  std::vector<ScrapeTarget> ScrapeTargets() const override { return targets_; }

  void Down() override {
    if (down_) return;
    down_ = true;
    auto log = Logger("environment");
    // Reverse start order: a service never loses what it depends on while still running.
    for (auto it = services_.rbegin(); it != services_.rend(); ++it) {
      ExitStatus status = it->process.Terminate();
      log->info("service stopped scenario={} service={} status=\"{}\"", scenario_, it->name,
                status.ToString());
    }
    services_.clear();
    targets_.clear();
  }

 private:
  struct RunningService {
    std::string name;
    std::string log_path;
    Subprocess process;
  };
  std::string scenario_;
  std::vector<RunningService> services_;
  std::vector<ScrapeTarget> targets_;
  bool down_ = false;
};

}  // namespace

Result<std::unique_ptr<Environment>> StartEnvironment(const EnvironmentRequest& request) {
  const ScenarioConfig& scenario = *request.scenario;
  const std::string context = "scenario " + scenario.name;
  if (scenario.environment.type == EnvironmentConfig::Type::kDockerCompose) {
    return StartComposeEnvironment(request);
  }
  std::vector<ServicePlan> plans;
  for (const ServiceConfig& service : scenario.environment.services) {
    auto plan = PlanService(service, request);
    if (!plan) return std::unexpected(plan.error().In(context + ": service " + service.name));
    plans.push_back(std::move(*plan));
  }
  if (auto made = EnsureLogDir(request.log_dir); !made) {
    return std::unexpected(made.error().In(context));
  }

  auto log = Logger("environment");
  std::unique_ptr<HttpClient> http = NewCurlHttpClient();
  // Owns every service started so far: returning early on a failure tears them all down.
  auto environment = std::make_unique<ProcessEnvironment>(scenario.name);
  for (const ServicePlan& plan : plans) {
    const std::string service_context = context + ": service " + plan.name;
    auto started = Subprocess::Start(plan.spec);
    if (!started) return std::unexpected(started.error().In(service_context));
    log->info("service started scenario={} service={} pid={} log={}", scenario.name, plan.name,
              started->pid(), plan.spec.log_path);
    Subprocess& process = environment->Adopt(plan, std::move(*started));
    if (plan.ready) {
      ProbeContext probe_context{.workdir = request.workdir,
                                 .ready_log_path = ReadyLogPath(request.log_dir, plan.name),
                                 .http = http.get(),
                                 .service = plan.name,
                                 .listener = request.ready_listener};
      auto ready =
          WaitUntilReady(*plan.ready, probe_context, process, plan.spec.log_path, SystemClock());
      if (!ready) return std::unexpected(ready.error().In(service_context));
    }
    log->info("service ready scenario={} service={}", scenario.name, plan.name);
  }
  return environment;
}

}  // namespace perfgate
