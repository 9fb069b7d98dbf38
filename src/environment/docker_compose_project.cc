#include "environment/docker_compose_project.h"

#include <algorithm>
#include <filesystem>
#include <sstream>

namespace perfgate {
namespace {

// `ps`, `inspect`, `rm` answer in well under a second; the margin is for an engine busy
// with a vfs copy of a container's filesystem.
constexpr Duration kDockerTimeout = std::chrono::seconds(60);

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

Result<std::vector<std::string>> DockerLines(ProcessSpec spec, const Argv& args) {
  spec.argv = {"docker"};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  auto output = CaptureOutput(spec, kDockerTimeout);
  if (!output) return std::unexpected(output.error());
  return Lines(*output);
}

// What RemoveLeftovers looks for: things compose labels with the project, and how each
// kind is listed and removed.
struct LeftoverKind {
  Argv list;
  Argv remove;
};

}  // namespace

std::string ComposeLogPath(const std::string& log_dir) {
  return (std::filesystem::path(log_dir) / "compose.log").string();
}

std::string ComposeOverridePath(const std::string& log_dir) {
  return (std::filesystem::path(log_dir) / "compose.labels.yaml").string();
}

ProcessSpec ComposeProject::Spec(Argv argv) const {
  return ProcessSpec{
      .argv = std::move(argv), .cwd = spec_.workdir, .env = spec_.env, .log_path = spec_.log_path};
}

Argv ComposeProject::ComposeArgv(const Argv& args) const {
  Argv argv = spec_.front_end.argv;
  argv.insert(argv.end(), {"--project-name", spec_.name});
  for (const std::string& file : spec_.files) argv.insert(argv.end(), {"--file", file});
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

Result<void> ComposeProject::Run(const Argv& args, Duration timeout) const {
  return RunToCompletion(Spec(ComposeArgv(args)), timeout);
}

Result<std::string> ComposeProject::Capture(const Argv& args, Duration timeout) const {
  return CaptureOutput(Spec(ComposeArgv(args)), timeout);
}

Result<Subprocess> ComposeProject::Start(const Argv& args, const std::string& log_path) const {
  ProcessSpec spec = Spec(ComposeArgv(args));
  spec.log_path = log_path;
  return Subprocess::Start(spec);
}

Result<std::vector<std::string>> ComposeProject::DockerLines(const Argv& args) const {
  return perfgate::DockerLines(Spec({}), args);
}

Result<std::vector<std::string>> ComposeProject::Services(Duration timeout) const {
  auto output = Capture({"config", "--services"}, timeout);
  if (!output) {
    Error error = output.error().In("reading the compose file " + spec_.files.front());
    error.fix = "fix the compose file; `" + spec_.front_end.name + " config` shows what is wrong";
    return std::unexpected(std::move(error));
  }
  return Lines(*output);
}

Result<std::vector<ContainerState>> ComposeProject::Containers() const {
  auto ids = DockerLines({"ps", "--all", "--quiet", "--no-trunc", "--filter",
                          "label=com.docker.compose.project=" + spec_.name});
  if (!ids) return std::unexpected(ids.error().In("listing the containers of " + spec_.name));
  if (ids->empty()) return std::vector<ContainerState>();
  Argv argv = {"docker", "inspect", "--format", std::string(kInspectFormat)};
  argv.insert(argv.end(), ids->begin(), ids->end());
  auto output = CaptureOutput(Spec(std::move(argv)), kDockerTimeout);
  if (!output) return std::unexpected(output.error().In("inspecting the containers of " + name()));
  return ParseContainerStates(*output);
}

Result<int> ComposeProject::RemoveLeftovers() const {
  const std::string label = "label=com.docker.compose.project=" + spec_.name;
  const LeftoverKind kinds[] = {
      {{"ps", "--all", "--quiet", "--no-trunc", "--filter", label}, {"rm", "--force", "--volumes"}},
      {{"network", "ls", "--quiet", "--no-trunc", "--filter", label}, {"network", "rm"}},
      {{"volume", "ls", "--quiet", "--filter", label}, {"volume", "rm", "--force"}},
  };
  int removed = 0;
  for (const LeftoverKind& kind : kinds) {
    auto ids = DockerLines(kind.list);
    if (!ids) return std::unexpected(ids.error().In("listing what is left of " + spec_.name));
    if (ids->empty()) continue;
    Argv remove = kind.remove;
    remove.insert(remove.end(), ids->begin(), ids->end());
    if (auto done = DockerLines(remove); !done) {
      return std::unexpected(done.error().In("removing what is left of " + spec_.name));
    }
    removed += static_cast<int>(ids->size());
  }
  return removed;
}

Result<std::vector<OwnedComposeProject>> ListOwnedComposeProjects(const std::string& owner) {
  // One line per container; a project with several containers is listed once.
  auto lines = DockerLines(ProcessSpec{},
                           {"ps", "--all", "--filter",
                            std::string("label=") + kContainerOwnerLabel + "=" + owner, "--format",
                            std::string("{{.Label \"com.docker.compose.project\"}}\t{{.Label \"") +
                                kContainerJobLabel + "\"}}"});
  if (!lines) return std::unexpected(lines.error().In("listing the containers perfgate started"));
  std::vector<OwnedComposeProject> projects;
  for (const std::string& line : *lines) {
    size_t tab = line.find('\t');
    OwnedComposeProject project{.name = line.substr(0, tab),
                                .job = tab == std::string::npos ? "" : line.substr(tab + 1)};
    if (project.name.empty()) continue;  // not started by compose: not ours to remove
    if (std::ranges::find(projects, project.name, &OwnedComposeProject::name) == projects.end()) {
      projects.push_back(std::move(project));
    }
  }
  return projects;
}

Result<int> RemoveComposeProject(const std::string& project) {
  return ComposeProject(ComposeProjectSpec{.front_end = {}, .name = project, .files = {}})
      .RemoveLeftovers();
}

}  // namespace perfgate
