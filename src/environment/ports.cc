// Which {{port.NAME}} variables a scenario uses, and a free loopback port for each.

#include <netinet/in.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#include <string_view>

#include "environment/environment.h"
#include "environment/scoped_fd.h"

namespace perfgate {
namespace {

constexpr std::string_view kPortPrefix = "port.";

void CollectPortNames(std::string_view text, std::set<std::string>& names) {
  for (const std::string& name : TemplateVariableNames(text)) {
    if (name.starts_with(kPortPrefix) && name.size() > kPortPrefix.size()) {
      names.insert(name.substr(kPortPrefix.size()));
    }
  }
}

void CollectPortNames(const Argv& argv, std::set<std::string>& names) {
  for (const std::string& arg : argv) CollectPortNames(arg, names);
}

Error SocketError(const std::string& call, int error) {
  return Unavailable(call + " failed: " + std::strerror(error), {},
                     "check that the loopback interface is up and that the process may open "
                     "sockets (ulimit -n)");
}

// A socket bound to 127.0.0.1 on a port the kernel chose, and that port.
Result<std::pair<ScopedFd, int>> BindEphemeralLoopbackPort() {
  ScopedFd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (!fd.valid()) return std::unexpected(SocketError("socket()", errno));
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  if (::bind(fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof(address)) != 0) {
    return std::unexpected(SocketError("bind(127.0.0.1:0)", errno));
  }
  socklen_t length = sizeof(address);
  if (::getsockname(fd.get(), reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    return std::unexpected(SocketError("getsockname()", errno));
  }
  return std::pair<ScopedFd, int>(std::move(fd), ntohs(address.sin_port));
}

}  // namespace

std::set<std::string> PortNames(const ScenarioConfig& scenario) {
  std::set<std::string> names;
  const EnvironmentConfig& environment = scenario.environment;
  for (const Argv& step : environment.build) CollectPortNames(step, names);
  for (const ServiceConfig& service : environment.services) {
    CollectPortNames(service.command, names);
    for (const auto& [key, value] : service.env) CollectPortNames(value, names);
    if (service.ready) {
      CollectPortNames(service.ready->target, names);
      CollectPortNames(service.ready->command, names);
    }
    if (service.scrape) CollectPortNames(*service.scrape, names);
    CollectPortNames(service.metrics_path, names);
  }
  CollectPortNames(scenario.load.command, names);
  for (const MetricConfig& metric : scenario.metrics) CollectPortNames(metric.query, names);
  return names;
}

Result<TemplateVars> AllocatePorts(const std::set<std::string>& names) {
  // Every socket stays bound until all ports are chosen, so no two names get the same port.
  std::vector<ScopedFd> held;
  TemplateVars vars;
  for (const std::string& name : names) {
    auto bound = BindEphemeralLoopbackPort();
    if (!bound)
      return std::unexpected(bound.error().In("allocating port." + name + " on 127.0.0.1"));
    held.push_back(std::move(bound->first));
    vars[std::string(kPortPrefix) + name] = std::to_string(bound->second);
  }
  return vars;
}

}  // namespace perfgate
