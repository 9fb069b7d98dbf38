// One compose project as the docker and compose CLIs see it: every command the compose
// environment runs is built here, so the project name, files and variables are always the
// same ones.
//
// Thread-safety: const methods only start processes; one thread at a time is enough.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/error.h"
#include "config/config.h"
#include "environment/docker_compose.h"
#include "process/subprocess.h"

namespace perfgate {

// The compose environment's own files under a run's log_dir.
std::string ComposeLogPath(const std::string& log_dir);       // compose.log: CLI output
std::string ComposeOverridePath(const std::string& log_dir);  // compose.labels.yaml

// A compose file that adds `labels` to each of `services`, to be given after the compose
// file itself (-f FILE -f OVERRIDE). It repeats the compose file's `version` key, when it
// has one, because compose refuses to merge files of different versions. `compose_text` is
// the compose file's content; an error says why it is not a compose file.
[[nodiscard]] Result<std::string> LabelOverride(const std::string& compose_text,
                                                const std::vector<std::string>& services,
                                                const std::map<std::string, std::string>& labels);

struct ComposeProjectSpec {
  ComposeFrontEnd front_end;
  std::string name;                          // the project name (-p)
  std::vector<std::string> files;            // absolute paths (-f), the compose file first
  std::map<std::string, std::string> env{};  // ComposeVariables(), added to perfgate's own
  std::string workdir{};                     // cwd of every command
  std::string log_path{};                    // compose.log: output of commands, appended
};

class ComposeProject {
 public:
  explicit ComposeProject(ComposeProjectSpec spec) : spec_(std::move(spec)) {}

  const std::string& name() const { return spec_.name; }
  const ComposeProjectSpec& spec() const { return spec_; }

  // `<front end> -p NAME -f FILE... ARGS`, run to completion within `timeout`.
  [[nodiscard]] Result<void> Run(const Argv& args, Duration timeout) const;
  // The same, returning its stdout.
  [[nodiscard]] Result<std::string> Capture(const Argv& args, Duration timeout) const;
  // The same, started and left running with its output appended to `log_path`.
  [[nodiscard]] Result<Subprocess> Start(const Argv& args, const std::string& log_path) const;

  // The services the compose files define (`config --services`, which also checks them).
  [[nodiscard]] Result<std::vector<std::string>> Services(Duration timeout) const;

  // The state of every container labelled with the project (`docker ps` + `docker inspect`).
  [[nodiscard]] Result<std::vector<ContainerState>> Containers() const;

  // Removes every container, network and volume still labelled with the project; returns
  // how many things it removed (what `down` left behind). Errors say which removal failed.
  [[nodiscard]] Result<int> RemoveLeftovers() const;

 private:
  ProcessSpec Spec(Argv argv) const;
  Argv ComposeArgv(const Argv& args) const;
  // The stdout lines of `docker ARGS` (not through compose): for what compose has no
  // command for.
  [[nodiscard]] Result<std::vector<std::string>> DockerLines(const Argv& args) const;

  ComposeProjectSpec spec_;
};

}  // namespace perfgate
