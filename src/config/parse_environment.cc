// A scenario's `environment`: build steps and services with their ready probes.
#include "config/parse.h"

namespace perfgate {
namespace {

constexpr TemplateScope kScope = TemplateScope::kEnvironment;

// Either one argv ([make, build]) or a list of them ([[make, deps], [make, build]]).
std::optional<std::vector<Argv>> ReadBuild(const YamlField& field) {
  std::string fix =
      "a command like [make, build], or a list of them like "
      "[[make, deps], [make, build]]";
  if (!field.ExpectList("a list", fix)) return std::nullopt;
  std::vector<YamlField> items = field.Items();
  if (items.empty()) return std::vector<Argv>();
  if (!items.front().IsList()) {
    auto argv = ReadArgv(field, kScope, fix);
    if (!argv) return std::nullopt;
    return std::vector<Argv>{std::move(*argv)};
  }
  std::vector<Argv> steps;
  for (const YamlField& item : items) {
    if (auto argv = ReadArgv(item, kScope, fix)) steps.push_back(std::move(*argv));
  }
  if (steps.size() != items.size()) return std::nullopt;
  return steps;
}

std::optional<ReadyProbe> ReadReady(const YamlField& field) {
  std::string fix =
      "exactly one of { http: URL }, { tcp: HOST:PORT } or { command: [...] }, "
      "plus an optional timeout";
  if (!field.ExpectMap(fix)) return std::nullopt;
  field.CheckKeys({"http", "tcp", "command", "timeout"});
  ReadyProbe probe;
  int kinds = 0;
  std::optional<std::string> target;
  if (YamlField http = field.Child("http"); http.present()) {
    ++kinds;
    probe.type = ReadyProbe::Type::kHttp;
    target = ReadHttpUrl(http, "e.g. http://127.0.0.1:{{port.api}}/healthz", kScope);
  }
  if (YamlField tcp = field.Child("tcp"); tcp.present()) {
    ++kinds;
    probe.type = ReadyProbe::Type::kTcp;
    target = ReadHostPort(tcp, "e.g. 127.0.0.1:{{port.api}}", kScope);
  }
  if (YamlField command = field.Child("command"); command.present()) {
    ++kinds;
    probe.type = ReadyProbe::Type::kCommand;
    if (auto argv = ReadArgv(command, kScope, "an argv that exits 0 once the service is ready")) {
      probe.command = std::move(*argv);
    }
  }
  if (kinds != 1) {
    field.Report(kinds == 0 ? "the ready probe names no check"
                            : "the ready probe names " + std::to_string(kinds) + " checks",
                 fix);
    return std::nullopt;
  }
  if (target) probe.target = std::move(*target);
  ReadOptional(field.Child("timeout"), &probe.timeout, [](const YamlField& f) {
    return ReadDuration(f, DurationMin::kPositive, "how long to wait for ready, e.g. 60s");
  });
  return probe;
}

std::optional<std::map<std::string, std::string>> ReadEnv(const YamlField& field) {
  if (!field.ExpectMap("a map of variable names to values, e.g. { GOMAXPROCS: \"1\" }")) {
    return std::nullopt;
  }
  field.CheckKeysUnique();
  std::map<std::string, std::string> env;
  for (const auto& [name, value] : field.Entries()) {
    auto text = ReadText(value, "a string or number, e.g. \"1\"");
    if (!text) continue;
    CheckTemplate(value, *text, kScope);
    env.emplace(name, std::move(*text));
  }
  return env;
}

void ReadService(const YamlField& field, ServiceConfig* service, UniqueNames* names) {
  if (!field.ExpectMap("a service: { name, command, ready, scrape }")) return;
  field.CheckKeys({"name", "command", "env", "ready", "scrape", "metrics_path"});
  if (auto name = field.Required("name", "a name unique in the scenario, e.g. api")) {
    if (auto value = ReadName(*name, "service", "api")) {
      names->Add(*name, *value);
      service->name = std::move(*value);
    }
  }
  std::string command_fix = "the service's argv, e.g. [./bin/server, --port, \"{{port.api}}\"]";
  if (auto command = field.Required("command", command_fix)) {
    ReadOptional(*command, &service->command,
                 [&](const YamlField& f) { return ReadArgv(f, kScope, command_fix); });
  }
  ReadOptional(field.Child("env"), &service->env, ReadEnv);
  ReadOptional(field.Child("ready"), &service->ready, ReadReady);
  ReadOptional(field.Child("scrape"), &service->scrape, [](const YamlField& f) {
    return ReadHostPort(f, "the host:port of its metrics, e.g. 127.0.0.1:{{port.api}}", kScope);
  });
  ReadOptional(field.Child("metrics_path"), &service->metrics_path,
               [](const YamlField& f) -> std::optional<std::string> {
                 auto path = ReadString(f, "e.g. /metrics");
                 if (path && !path->starts_with('/')) {
                   f.Report(f.Describe() + " does not start with /", "e.g. /metrics");
                   return std::nullopt;
                 }
                 return path;
               });
}

void ReadServices(const YamlField& field, std::vector<ServiceConfig>* services) {
  std::string fix = "a list of services, e.g. [{ name: api, command: [./bin/server] }]";
  if (!field.ExpectList("a list of services", fix)) return;
  std::vector<YamlField> items = field.Items();
  if (items.empty()) field.Report("the environment has no services", fix);
  UniqueNames names("service");
  for (const YamlField& item : items) ReadService(item, &services->emplace_back(), &names);
}

}  // namespace

void ReadEnvironment(const YamlField& field, EnvironmentConfig* environment) {
  if (!field.ExpectMap("e.g. { type: process, build: [make], services: [...] }")) return;
  field.CheckKeys({"type", "build", "build_timeout", "services"});
  using Type = EnvironmentConfig::Type;
  ReadOptional(field.Child("type"), &environment->type, [](const YamlField& f) {
    auto type =
        ReadEnum<Type>(f, {{"process", Type::kProcess}, {"docker-compose", Type::kDockerCompose}});
    if (type == Type::kDockerCompose) {
      f.Report("type docker-compose is not supported yet", "use type: process");
      return std::optional<Type>();
    }
    return type;
  });
  ReadOptional(field.Child("build"), &environment->build, ReadBuild);
  ReadOptional(field.Child("build_timeout"), &environment->build_timeout, [](const YamlField& f) {
    return ReadDuration(f, DurationMin::kPositive, "the longest the build may take, e.g. 20m");
  });
  if (auto services = field.Required("services",
                                     "the processes to start, e.g. "
                                     "[{ name: api, command: [./bin/server] }]")) {
    ReadServices(*services, &environment->services);
  }
}

}  // namespace perfgate
