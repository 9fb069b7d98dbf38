// Which compose is installed: the v2 plugin (`docker compose`) or Debian's v1 (`docker-compose`).

#include "environment/docker_compose.h"
#include "process/subprocess.h"

namespace perfgate {
namespace {

// `version` prints without talking to the engine; v1 is a Python program that takes a
// second or two to start on a loaded machine.
constexpr Duration kVersionTimeout = std::chrono::seconds(30);

// In order of preference: v2 is the maintained one.
std::vector<ComposeFrontEnd> Candidates() {
  return {{.argv = {"docker", "compose"}, .name = "docker compose"},
          {.argv = {"docker-compose"}, .name = "docker-compose"}};
}

bool Answers(const ComposeFrontEnd& front_end) {
  Argv argv = front_end.argv;
  argv.push_back("version");
  // A missing binary or plugin is the answer "not installed", not an error.
  return RunToCompletion(ProcessSpec{.argv = std::move(argv)}, kVersionTimeout).has_value();
}

}  // namespace

std::vector<ComposeFrontEnd> InstalledComposeFrontEnds() {
  std::vector<ComposeFrontEnd> installed = Candidates();
  std::erase_if(installed, [](const ComposeFrontEnd& front_end) { return !Answers(front_end); });
  return installed;
}

Result<ComposeFrontEnd> FindComposeFrontEnd() {
  for (const ComposeFrontEnd& front_end : Candidates()) {
    if (Answers(front_end)) return front_end;
  }
  return std::unexpected(
      FailedPrecondition("neither `docker compose` nor `docker-compose` answers `version`",
                         "environment type docker-compose",
                         "install docker-compose (scripts/bootstrap does) or the docker compose "
                         "plugin, and make sure it is in perfgate's PATH"));
}

}  // namespace perfgate
