// Reading and judging the state of a compose project's containers.

#include <algorithm>
#include <charconv>
#include <sstream>

#include "environment/docker_compose.h"

namespace perfgate {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

std::optional<ContainerState> ParseLine(std::string_view line) {
  std::vector<std::string_view> fields = SplitTabs(line);
  if (fields.size() != 4) return std::nullopt;
  ContainerState state{
      .name = std::string(fields[0].starts_with('/') ? fields[0].substr(1) : fields[0]),
      .service = std::string(fields[1]),
      .status = std::string(fields[2])};
  const char* end = fields[3].data() + fields[3].size();
  auto parsed = std::from_chars(fields[3].data(), end, state.exit_code);
  if (parsed.ec != std::errc() || parsed.ptr != end || fields[3].empty()) return std::nullopt;
  return state;
}

std::string Describe(const ContainerState& container) {
  std::string text = "container " + container.name + " of service " + container.service + " is " +
                     container.status;
  if (container.status == "exited" || container.status == "dead") {
    text += " with exit code " + std::to_string(container.exit_code);
  }
  return text;
}

}  // namespace

Result<std::vector<ContainerState>> ParseContainerStates(std::string_view text) {
  std::vector<ContainerState> containers;
  std::istringstream stream{std::string(text)};
  for (std::string line; std::getline(stream, line);) {
    if (line.empty()) continue;
    auto state = ParseLine(line);
    if (!state) {
      return std::unexpected(Internal("unexpected line from docker inspect: \"" + line + "\"",
                                      "reading container states",
                                      "check that the docker CLI is a supported version"));
    }
    containers.push_back(std::move(*state));
  }
  return containers;
}

std::optional<ContainerProblem> FindContainerProblem(const std::vector<ContainerState>& containers,
                                                     const std::vector<std::string>& services) {
  for (const std::string& service : services) {
    auto has_running = std::ranges::any_of(containers, [&](const ContainerState& container) {
      return container.service == service && container.status == "running";
    });
    if (has_running) continue;
    auto stopped = std::ranges::find(containers, service, &ContainerState::service);
    return ContainerProblem{.service = service,
                            .what = stopped != containers.end()
                                        ? Describe(*stopped)
                                        : "service " + service + " has no container"};
  }
  for (const ContainerState& container : containers) {
    bool finished_ok = container.status == "exited" && container.exit_code == 0;
    if (container.status != "running" && !finished_ok) {
      return ContainerProblem{.service = container.service, .what = Describe(container)};
    }
  }
  return std::nullopt;
}

}  // namespace perfgate
