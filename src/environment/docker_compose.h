// The `docker-compose` environment: the services of a compose file in the worktree, brought
// up as a compose project of their own for one run and always brought down after it.
//
// Every command runs through the process component with an argv (never a shell) and a
// timeout; DOCKER_HOST and the rest of perfgate's environment are passed through, so the
// engine is whatever `docker version` talks to. Containers are expected to use host
// networking (network_mode: host) so that ready probes and Prometheus reach them on
// loopback, as they reach process services.
//
// Template variables reach the compose file as environment variables (see
// ComposeVariables): the file writes ${PERFGATE_PORT_API} where perfgate.yaml writes
// {{port.api}}. A port the compose file uses must appear as {{port.NAME}} somewhere in the
// scenario (a ready probe, a scrape target, the load command) to be allocated.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "config/config.h"
#include "config/template.h"
#include "environment/environment.h"

namespace perfgate {

// How compose is invoked: `docker compose` (v2, a docker CLI plugin) or `docker-compose`
// (v1, Debian 12's package). Both take the same arguments for what perfgate uses.
struct ComposeFrontEnd {
  Argv argv;         // {"docker", "compose"} or {"docker-compose"}
  std::string name;  // "docker compose" or "docker-compose", for messages
};

// Every front end installed here, v2 first (each answers `version`). Starts processes.
std::vector<ComposeFrontEnd> InstalledComposeFrontEnds();

// The first of InstalledComposeFrontEnds(); FailedPrecondition when there is none.
[[nodiscard]] Result<ComposeFrontEnd> FindComposeFrontEnd();

// Each template variable as an environment variable for compose: NAME upper-cased, with
// '.' and '-' as '_', after PERFGATE_: port.api -> PERFGATE_PORT_API, commit ->
// PERFGATE_COMMIT, short_commit -> PERFGATE_SHORT_COMMIT, run -> PERFGATE_RUN. Two names
// that give the same variable (port.api and port.API) are InvalidInput.
[[nodiscard]] Result<std::map<std::string, std::string>> ComposeVariables(const TemplateVars& vars);

// The compose project of one run: "perfgate-j<job>-r<run>-<suffix>" (the job part only when
// vars has "job"; "perfgate-<suffix>" without a run), lower-cased and limited to what every
// compose version keeps in a project name ([a-z0-9_-]). `suffix` makes it unique among
// perfgate installations that share an engine (run ids are unique only within one store).
std::string ComposeProjectName(const TemplateVars& vars, std::string_view suffix);

// What `docker inspect` says about one container of a project.
struct ContainerState {
  std::string name;     // without the leading '/'
  std::string service;  // its com.docker.compose.service label
  std::string status;   // created, running, paused, restarting, removing, exited, dead
  int exit_code = 0;
};

// Parses lines of "NAME<TAB>SERVICE<TAB>STATUS<TAB>EXIT CODE" (kInspectFormat's output).
[[nodiscard]] Result<std::vector<ContainerState>> ParseContainerStates(std::string_view text);
inline constexpr std::string_view kInspectFormat =
    "{{.Name}}\t{{index .Config.Labels \"com.docker.compose.service\"}}\t{{.State.Status}}\t"
    "{{.State.ExitCode}}";

// Why the project is not healthy, or nullopt. Every service the scenario lists must have a
// running container; any other container may only have exited with code 0 (a one-shot set-up
// service). The problem names the service in `service`, for its log.
struct ContainerProblem {
  std::string service;
  std::string what;  // e.g. "container p_api_1 of service api is exited with exit code 137"
};
std::optional<ContainerProblem> FindContainerProblem(const std::vector<ContainerState>& containers,
                                                     const std::vector<std::string>& services);

// Labels on every container of a run's project, besides compose's own
// com.docker.compose.project: the EnvironmentRequest's `owner`, and its vars' job and run.
// The owner tells one perfgate installation's containers from another's on a shared engine.
inline constexpr char kContainerOwnerLabel[] = "perfgate.owner";
inline constexpr char kContainerJobLabel[] = "perfgate.job";
inline constexpr char kContainerRunLabel[] = "perfgate.run";

// A compose project that has containers labelled with an owner, and the job it ran for.
struct OwnedComposeProject {
  std::string name;
  std::string job;  // the perfgate.job label; empty when absent
};

// Every compose project with a container (running or not) labelled perfgate.owner=owner.
// Unavailable (from the docker CLI) when no engine answers.
[[nodiscard]] Result<std::vector<OwnedComposeProject>> ListOwnedComposeProjects(
    const std::string& owner);

// Removes every container, network and volume labelled with the compose project `project`;
// returns how many things it removed.
[[nodiscard]] Result<int> RemoveComposeProject(const std::string& project);

// A compose environment that is up; project() names its compose project, whose containers
// carry the labels above.
class ComposeEnvironment : public Environment {
 public:
  virtual const std::string& project() const = 0;
};

// Brings the scenario's compose file up with `front_end`:
//   1. `config --services` checks the file and lists its services; each service of the
//      scenario must be one of them;
//   2. `up -d` with an override file (in log_dir) that labels every container with the run;
//   3. `logs --follow --no-color --no-log-prefix` of each service into <log_dir>/<name>.log;
//   4. the ready probes of the scenario's services, in config order.
// A failure at any step tears the project down before returning and says which step failed,
// quoting the compose output (<log_dir>/compose.log) or the service's log. Down() and the
// destructor run `down --volumes --remove-orphans --timeout 5`, then `docker rm -f` of any
// container (and removal of any network or volume) still labelled with the project.
[[nodiscard]] Result<std::unique_ptr<ComposeEnvironment>> StartComposeEnvironment(
    const EnvironmentRequest& request, const ComposeFrontEnd& front_end);

// The same with FindComposeFrontEnd(): what StartEnvironment does for type docker-compose.
[[nodiscard]] Result<std::unique_ptr<Environment>> StartComposeEnvironment(
    const EnvironmentRequest& request);

}  // namespace perfgate
