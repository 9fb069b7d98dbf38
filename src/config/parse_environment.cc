// A scenario's `environment`: build steps and services with their ready probes.
#include <algorithm>
#include <filesystem>
#include <string_view>

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

// A compose service starts as its compose file says: a `command` or `env` here would be
// silently ignored, so it is an error instead.
void RejectForCompose(const YamlField& field, std::string_view key) {
  field.Report(std::string(key) + " is not used for docker-compose services: the compose file " +
                   "defines how they start",
               "remove it and set it in the compose file; ports reach it as "
               "${PERFGATE_PORT_<NAME>}, e.g. ${PERFGATE_PORT_API}");
}

void ReadService(const YamlField& field, EnvironmentConfig::Type type, ServiceConfig* service,
                 UniqueNames* names) {
  const bool compose = type == EnvironmentConfig::Type::kDockerCompose;
  if (!field.ExpectMap(compose ? "a service: { name, ready, scrape }"
                               : "a service: { name, command, ready, scrape }")) {
    return;
  }
  field.CheckKeys({"name", "command", "env", "ready", "scrape", "metrics_path"});
  std::string name_fix = compose ? "the name of a service of the compose file, e.g. api"
                                 : "a name unique in the scenario, e.g. api";
  if (auto name = field.Required("name", name_fix)) {
    if (auto value = ReadName(*name, "service", "api")) {
      names->Add(*name, *value);
      service->name = std::move(*value);
    }
  }
  if (compose) {
    for (std::string_view key : {"command", "env"}) {
      if (YamlField given = field.Child(key); given.present()) RejectForCompose(given, key);
    }
  } else {
    std::string command_fix = "the service's argv, e.g. [./bin/server, --port, \"{{port.api}}\"]";
    if (auto command = field.Required("command", command_fix)) {
      ReadOptional(*command, &service->command,
                   [&](const YamlField& f) { return ReadArgv(f, kScope, command_fix); });
    }
    ReadOptional(field.Child("env"), &service->env, ReadEnv);
  }
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

std::string ServicesFix(EnvironmentConfig::Type type) {
  return type == EnvironmentConfig::Type::kDockerCompose
             ? "a list of the compose file's services to probe and scrape, e.g. "
               "[{ name: api, ready: { tcp: \"127.0.0.1:{{port.api}}\" } }]"
             : "a list of services, e.g. [{ name: api, command: [./bin/server] }]";
}

void ReadServices(const YamlField& field, EnvironmentConfig::Type type,
                  std::vector<ServiceConfig>* services) {
  std::string fix = ServicesFix(type);
  if (!field.ExpectList("a list of services", fix)) return;
  std::vector<YamlField> items = field.Items();
  if (items.empty()) field.Report("the environment has no services", fix);
  UniqueNames names("service");
  for (const YamlField& item : items) ReadService(item, type, &services->emplace_back(), &names);
}

// A path inside the worktree: relative, and never climbing out of it with "..".
std::optional<std::string> ReadComposeFile(const YamlField& field) {
  std::string fix = "a path relative to the repository's root, e.g. compose.yaml";
  auto file = ReadString(field, fix);
  if (!file) return std::nullopt;
  std::filesystem::path path(*file);
  bool climbs = std::ranges::any_of(path, [](const auto& part) { return part == ".."; });
  if (path.is_absolute() || climbs) {
    field.Report(field.Describe() + " is not a path inside the repository", fix);
    return std::nullopt;
  }
  return file;
}

}  // namespace

void ReadEnvironment(const YamlField& field, EnvironmentConfig* environment) {
  if (!field.ExpectMap("e.g. { type: process, build: [make], services: [...] }")) return;
  field.CheckKeys({"type", "build", "build_timeout", "file", "services"});
  using Type = EnvironmentConfig::Type;
  YamlField type = field.Child("type");
  ReadOptional(type, &environment->type, [](const YamlField& f) {
    return ReadEnum<Type>(f,
                          {{"process", Type::kProcess}, {"docker-compose", Type::kDockerCompose}});
  });
  ReadOptional(field.Child("build"), &environment->build, ReadBuild);
  ReadOptional(field.Child("build_timeout"), &environment->build_timeout, [](const YamlField& f) {
    return ReadDuration(f, DurationMin::kPositive, "the longest the build may take, e.g. 20m");
  });
  if (YamlField file = field.Child("file"); file.present()) {
    if (environment->type == Type::kDockerCompose) {
      ReadOptional(file, &environment->file, ReadComposeFile);
    } else if (!type.present() || type.Scalar() == "process") {  // not after a typo in type
      file.Report("file is only used by type: docker-compose",
                  "remove it, or set type: docker-compose");
    }
  }
  if (auto services = field.Required("services", ServicesFix(environment->type))) {
    ReadServices(*services, environment->type, &environment->services);
  }
}

}  // namespace perfgate
