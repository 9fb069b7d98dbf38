// The `docker-compose` environment: a compose project per run, its services' logs followed
// into the run's log_dir, the scenario's ready probes, and a teardown that leaves nothing of
// the project behind.

#include "environment/docker_compose.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string_view>

#include "base/logging.h"
#include "environment/docker_compose_project.h"
#include "environment/log_files.h"
#include "environment/ready_probe.h"
#include "environment/service_templates.h"
#include "http/http_client.h"

namespace perfgate {
namespace {

// `config` and `down` do little; `up` may create many containers, or build and pull images
// the compose file names, on an engine whose vfs driver copies each image per container.
constexpr Duration kConfigTimeout = std::chrono::seconds(60);
constexpr Duration kUpTimeout = std::chrono::minutes(10);
constexpr Duration kDownTimeout = std::chrono::minutes(2);
// A log follower ends once its service's containers stopped; this bounds the wait for it
// to write what it still holds.
constexpr Duration kLogDrainTimeout = std::chrono::seconds(10);

// A scenario's service with its templates expanded, checked before anything is started.
struct ComposeServicePlan {
  std::string name;
  std::optional<ReadyProbe> ready;
};

std::string RandomSuffix() {
  std::random_device random;
  std::ostringstream hex;
  hex << std::hex << (random() & 0xffffffffu);
  return hex.str();
}

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (!in || !(text << in.rdbuf())) {
    return std::unexpected(FailedPrecondition("cannot read the compose file", path,
                                              "check that perfgate may read the worktree"));
  }
  return text.str();
}

Result<void> WriteWholeFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!(out << text) || !out.flush()) {
    return std::unexpected(FailedPrecondition("cannot write the compose override file", path,
                                              "check that perfgate may write to its work_dir"));
  }
  return {};
}

class DockerComposeEnvironment final : public ComposeEnvironment {
 public:
  DockerComposeEnvironment(std::string scenario, ComposeProject project,
                           std::vector<std::string> compose_services,
                           std::vector<std::string> scenario_services, std::string log_dir)
      : scenario_(std::move(scenario)),
        project_(std::move(project)),
        compose_services_(std::move(compose_services)),
        scenario_services_(std::move(scenario_services)),
        log_dir_(std::move(log_dir)) {}
  DockerComposeEnvironment(const DockerComposeEnvironment&) = delete;
  DockerComposeEnvironment& operator=(const DockerComposeEnvironment&) = delete;
  ~DockerComposeEnvironment() override { Down(); }

  const std::string& project() const override { return project_.name(); }
  std::vector<ScrapeTarget> ScrapeTargets() const override { return targets_; }
  void AddScrapeTarget(ScrapeTarget target) { targets_.push_back(std::move(target)); }

  // `up`, then a log follower per service, also after a failed `up`: the containers that
  // did start have logs worth keeping.
  Result<void> Up() {
    auto up = project_.Run({"up", "--detach"}, kUpTimeout);
    for (const std::string& service : compose_services_) {
      auto follower = project_.Start({"logs", "--follow", "--no-color", "--no-log-prefix", service},
                                     ServiceLogPath(log_dir_, service));
      if (!follower) return std::unexpected(follower.error().In(Where()));
      followers_.emplace(service, std::move(*follower));
    }
    if (!up) {
      Error error = up.error().In(Where() + ": up");
      error.fix =
          "see " + project_.spec().log_path +
          ": check that the images exist (a build step makes them) and that the Docker engine "
          "answers `docker version` (DOCKER_HOST)";
      return std::unexpected(std::move(error));
    }
    return {};
  }

  Result<void> WaitForReady(const std::string& service, const ReadyProbe& probe,
                            const EnvironmentRequest& request, HttpClient& http) {
    ProbeContext context{.workdir = request.workdir,
                         .ready_log_path = ReadyLogPath(log_dir_, service),
                         .http = &http,
                         .service = service,
                         .listener = request.ready_listener};
    // The follower ends when the service's containers stop, which WaitUntilReady takes for
    // the service's exit; the containers' own state then says what happened.
    auto ready = WaitUntilReady(probe, context, followers_.at(service),
                                ServiceLogPath(log_dir_, service), SystemClock());
    if (ready) return {};
    auto containers = project_.Containers();
    if (containers) {
      if (auto problem = FindContainerProblem(*containers, scenario_services_)) {
        return std::unexpected(ProblemError(*problem));
      }
    }
    return std::unexpected(ready.error().In(Where() + ": service " + service));
  }

  Result<void> CheckAlive() override {
    if (down_) {
      return std::unexpected(FailedPrecondition("the environment was already stopped", Where(),
                                                "start a new environment for the next run"));
    }
    auto containers = project_.Containers();
    if (!containers) return std::unexpected(containers.error().In(Where()));
    if (auto problem = FindContainerProblem(*containers, scenario_services_)) {
      return std::unexpected(ProblemError(*problem));
    }
    return {};
  }

  void Down() override {
    if (down_) return;
    down_ = true;
    auto log = Logger("environment");
    auto down =
        project_.Run({"down", "--volumes", "--remove-orphans", "--timeout", "5"}, kDownTimeout);
    if (!down) {
      log->warn("compose down failed scenario={} project={} error=\"{}\"", scenario_, project(),
                down.error().ToString());
    }
    // Whatever `down` could not remove (it failed, or timed out, or the file changed).
    auto removed = project_.RemoveLeftovers();
    if (!removed) {
      log->error("compose project not removed scenario={} project={} error=\"{}\"", scenario_,
                 project(), removed.error().ToString());
    } else if (*removed > 0) {
      log->warn("compose project left things behind scenario={} project={} removed={}", scenario_,
                project(), *removed);
    }
    for (auto& [service, follower] : followers_) {
      follower.Wait(kLogDrainTimeout);
      follower.Terminate();
    }
    followers_.clear();
    targets_.clear();
    log->info("compose project down scenario={} project={}", scenario_, project());
  }

 private:
  std::string Where() const { return "scenario " + scenario_ + ": compose project " + project(); }

  Error ProblemError(const ContainerProblem& problem) {
    // Its follower ends with the container: wait for it so the quoted log is complete.
    if (auto follower = followers_.find(problem.service); follower != followers_.end()) {
      follower->second.Wait(kLogDrainTimeout);
    }
    return FailedPrecondition(
        problem.what + QuoteLogTail(ServiceLogPath(log_dir_, problem.service)),
        Where() + ": service " + problem.service,
        "a service must keep running for the whole run: see its log for why it stopped");
  }

  std::string scenario_;
  ComposeProject project_;
  std::vector<std::string> compose_services_;   // every service of the compose file
  std::vector<std::string> scenario_services_;  // those the scenario lists
  std::string log_dir_;
  std::map<std::string, Subprocess> followers_;  // service -> `logs --follow`
  std::vector<ScrapeTarget> targets_;
  bool down_ = false;
};

// The scenario's services with templates expanded, checked before anything is started.
struct ServicesPlan {
  std::vector<ComposeServicePlan> services;
  std::vector<ScrapeTarget> targets;
  std::vector<std::string> names;
};

Result<ServicesPlan> PlanServices(const EnvironmentRequest& request) {
  ServicesPlan plan;
  for (const ServiceConfig& service : request.scenario->environment.services) {
    const std::string context = "scenario " + request.scenario->name + ": service " + service.name;
    ComposeServicePlan service_plan{.name = service.name, .ready = std::nullopt};
    if (service.ready) {
      auto probe = ExpandProbe(*service.ready, request.vars);
      if (!probe) return std::unexpected(probe.error().In(context));
      service_plan.ready = std::move(*probe);
    }
    auto scrape = ExpandScrapeTarget(service, request.vars);
    if (!scrape) return std::unexpected(scrape.error().In(context));
    if (*scrape) plan.targets.push_back(std::move(**scrape));
    plan.services.push_back(std::move(service_plan));
    plan.names.push_back(service.name);
  }
  return plan;
}

// A project ready for `up`: the compose file checked, the scenario's services found in it,
// and the label override written next to the logs.
struct PreparedProject {
  ComposeProjectSpec spec;
  std::vector<std::string> services;  // every service of the compose file
};

Result<PreparedProject> PrepareProject(const EnvironmentRequest& request,
                                       const ComposeFrontEnd& front_end,
                                       const std::vector<std::string>& scenario_services) {
  namespace fs = std::filesystem;
  const std::string& file = request.scenario->environment.file;
  auto variables = ComposeVariables(request.vars);
  if (!variables) return std::unexpected(variables.error());
  const std::string compose_file = fs::absolute(fs::path(request.workdir) / file).string();
  auto compose_text = ReadWholeFile(compose_file);
  if (!compose_text) {
    Error error = compose_text.error().In("environment.file");
    error.what = "the compose file " + file + " is not in the worktree";
    error.fix = "commit it at the repository's root, or set environment.file to its path";
    return std::unexpected(std::move(error));
  }
  const std::string log_dir = fs::absolute(request.log_dir).string();
  if (auto made = EnsureLogDir(log_dir); !made) return std::unexpected(made.error());

  PreparedProject prepared{.spec = {.front_end = front_end,
                                    .name = ComposeProjectName(request.vars, RandomSuffix()),
                                    .files = {compose_file},
                                    .env = std::move(*variables),
                                    .workdir = request.workdir,
                                    .log_path = ComposeLogPath(log_dir)},
                           .services = {}};
  auto services = ComposeProject(prepared.spec).Services(kConfigTimeout);
  if (!services) return std::unexpected(services.error());
  prepared.services = std::move(*services);
  for (const std::string& service : scenario_services) {
    if (std::ranges::find(prepared.services, service) != prepared.services.end()) continue;
    std::string names;
    for (const std::string& name : prepared.services) names += (names.empty() ? "" : ", ") + name;
    return std::unexpected(
        FailedPrecondition("service " + service + " is not a service of " + file, {},
                           "name one of its services in environment.services: " + names));
  }

  std::map<std::string, std::string> labels;
  if (auto run = request.vars.find("run"); run != request.vars.end())
    labels[kContainerRunLabel] = run->second;
  if (auto job = request.vars.find("job"); job != request.vars.end())
    labels[kContainerJobLabel] = job->second;
  if (!request.owner.empty()) labels[kContainerOwnerLabel] = request.owner;
  auto override_text = LabelOverride(*compose_text, prepared.services, labels);
  if (!override_text) return std::unexpected(override_text.error().In(compose_file));
  const std::string override_path = ComposeOverridePath(log_dir);
  if (auto written = WriteWholeFile(override_path, *override_text); !written) {
    return std::unexpected(written.error());
  }
  prepared.spec.files.push_back(override_path);
  return prepared;
}

}  // namespace

Result<std::unique_ptr<ComposeEnvironment>> StartComposeEnvironment(
    const EnvironmentRequest& request, const ComposeFrontEnd& front_end) {
  const std::string& scenario = request.scenario->name;
  auto plan = PlanServices(request);
  if (!plan) return std::unexpected(plan.error());
  auto prepared = PrepareProject(request, front_end, plan->names);
  if (!prepared) return std::unexpected(prepared.error().In("scenario " + scenario));

  auto log = Logger("environment");
  log->info("compose project starting scenario={} project={} front_end=\"{}\" file={}", scenario,
            prepared->spec.name, front_end.name, prepared->spec.files.front());
  const std::string log_dir = std::filesystem::absolute(request.log_dir).string();
  // Owns the project from here on: returning early on a failure brings it down.
  auto environment = std::make_unique<DockerComposeEnvironment>(
      scenario, ComposeProject(std::move(prepared->spec)), std::move(prepared->services),
      plan->names, log_dir);
  if (auto up = environment->Up(); !up) return std::unexpected(up.error());
  std::unique_ptr<HttpClient> http = NewCurlHttpClient();
  for (const ComposeServicePlan& service : plan->services) {
    if (!service.ready) continue;
    auto ready = environment->WaitForReady(service.name, *service.ready, request, *http);
    if (!ready) return std::unexpected(ready.error());
    log->info("service ready scenario={} service={} project={}", scenario, service.name,
              environment->project());
  }
  for (ScrapeTarget& target : plan->targets) environment->AddScrapeTarget(std::move(target));
  return environment;
}

Result<std::unique_ptr<Environment>> StartComposeEnvironment(const EnvironmentRequest& request) {
  auto front_end = FindComposeFrontEnd();
  if (!front_end)
    return std::unexpected(front_end.error().In("scenario " + request.scenario->name));
  auto environment = StartComposeEnvironment(request, *front_end);
  if (!environment) return std::unexpected(environment.error());
  return std::unique_ptr<Environment>(std::move(*environment));
}

}  // namespace perfgate
