// ParseConfig and LoadConfigFile: YAML text -> Config, the top-level sections, and the YAML
// syntax errors that stop everything else.
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "config/config.h"
#include "config/parse.h"
#include "config/yaml_field.h"

namespace perfgate {
namespace {

constexpr std::string_view kSqlitePrefix = "sqlite:";

void ReadRepository(const YamlField& field, RepositoryConfig* repository) {
  if (!field.ExpectMap("e.g. { url: https://github.com/OWNER/NAME.git, default_branch: main }")) {
    return;
  }
  field.CheckKeys({"url", "default_branch"});
  std::string url_fix =
      "the git URL of the system under test, e.g. "
      "https://github.com/OWNER/NAME.git or a local path";
  if (auto url = field.Required("url", url_fix)) {
    ReadOptional(*url, &repository->url,
                 [&](const YamlField& f) { return ReadString(f, url_fix); });
  }
  ReadOptional(field.Child("default_branch"), &repository->default_branch,
               [](const YamlField& f) { return ReadString(f, "a branch name, e.g. main"); });
}

std::optional<std::string> ReadStorage(const YamlField& field) {
  std::string fix = "only sqlite: is supported now, e.g. sqlite:perfgate.db";
  auto storage = ReadString(field, fix);
  if (!storage) return std::nullopt;
  if (!storage->starts_with(kSqlitePrefix)) {
    field.Report(field.Describe() + " is not a supported storage", fix);
    return std::nullopt;
  }
  if (storage->size() == kSqlitePrefix.size()) {
    field.Report(field.Describe() + " names no database file", fix);
    return std::nullopt;
  }
  return storage;
}

void ReadPrometheus(const YamlField& field, PrometheusConfig* prometheus) {
  if (!field.ExpectMap("e.g. { managed: true, scrape_interval: 1s } or "
                       "{ url: http://127.0.0.1:9090 }")) {
    return;
  }
  field.CheckKeys({"managed", "url", "targets_dir", "scrape_interval", "binary"});
  std::optional<bool> managed;
  if (YamlField f = field.Child("managed"); f.present()) managed = ReadBool(f);
  YamlField url = field.Child("url");
  if (url.present()) {
    ReadOptional(url, &prometheus->url, [](const YamlField& f) {
      return ReadHttpUrl(f, "the URL of an existing Prometheus, e.g. http://127.0.0.1:9090");
    });
    if (managed == true) {
      url.Report("`url` is set while `managed` is true",
                 "remove url to let perfgate run its own Prometheus, or set managed: false "
                 "to use the server at url");
    }
  } else if (managed == false) {
    (void)field.Required("url",
                         "managed: false needs the URL of an existing Prometheus, "
                         "e.g. http://127.0.0.1:9090");
  }
  prometheus->managed = managed.value_or(!url.present());
  // An existing server learns the SUT's targets only from file_sd files perfgate writes.
  if (url.present() && !prometheus->managed) {
    if (auto dir = field.Required("targets_dir",
                                  "the directory one of that server's file_sd_configs reads, "
                                  "e.g. /etc/prometheus/perfgate: perfgate writes targets there")) {
      ReadOptional(*dir, &prometheus->targets_dir, [](const YamlField& f) {
        return ReadString(f, "a directory, e.g. /etc/prometheus/perfgate");
      });
    }
  }
  ReadOptional(
      field.Child("scrape_interval"), &prometheus->scrape_interval, [](const YamlField& f) {
        return ReadDuration(f, DurationMin::kPositive, "how often Prometheus scrapes, e.g. 1s");
      });
  ReadOptional(field.Child("binary"), &prometheus->binary, [](const YamlField& f) {
    return ReadString(f, "the prometheus executable, e.g. /usr/bin/prometheus");
  });
}

void ReadDocument(const YamlField& document, Config* config) {
  if (document.IsNull()) {
    document.Report("the config file is empty", "set at least repository and scenarios");
    return;
  }
  if (!document.ExpectMap("the config is a map of settings: repository, scenarios, ...")) return;
  document.CheckKeys({"repository", "storage", "work_dir", "workers", "jobs", "analysis", "server",
                      "github", "alerts", "prometheus", "scenarios"});
  if (auto repository = document.Required(
          "repository", "e.g. repository: { url: https://github.com/OWNER/NAME.git }")) {
    ReadRepository(*repository, &config->repository);
  }
  ReadOptional(document.Child("storage"), &config->storage, ReadStorage);
  ReadOptional(document.Child("work_dir"), &config->work_dir, [](const YamlField& f) {
    return ReadString(f, "a directory for mirrors, worktrees and logs, e.g. .perfgate");
  });
  ReadServerSections(document, config);
  if (YamlField prometheus = document.Child("prometheus"); prometheus.present()) {
    ReadPrometheus(prometheus, &config->prometheus);
  }
  if (auto scenarios = document.Required(
          "scenarios", "a list of scenarios, each with name, environment, load and metrics")) {
    ReadScenarios(*scenarios, &config->scenarios);
  }
}

ConfigErrors SyntaxError(const YAML::Exception& e, const std::string& path) {
  std::string where = path;
  if (e.mark.line >= 0) {
    where += ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1);
  }
  return ConfigErrors{{InvalidInput(
      "YAML syntax error: " + e.msg, where,
      "fix the YAML at this position; quote values that contain \": \" or start with {{")}};
}

std::string AbsoluteDirectory(const std::string& path) {
  std::error_code error;
  std::filesystem::path absolute = std::filesystem::absolute(path, error);
  // Without a working directory the path stays relative; Resolve() then leaves paths as
  // they are, which is what the process would do with them anyway.
  if (error) absolute = path;
  return absolute.lexically_normal().parent_path().string();
}

}  // namespace

std::expected<Config, ConfigErrors> ParseConfig(const std::string& text, const std::string& path) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    return std::unexpected(SyntaxError(e, path));
  }
  Config config;
  config.path = path;
  config.base_dir = AbsoluteDirectory(path);
  ErrorList errors(path);
  try {
    ReadDocument(YamlField(root, &errors), &config);
  } catch (const YAML::Exception& e) {
    // The readers only query nodes they have type-checked, so this is a bug in them.
    return std::unexpected(
        ConfigErrors{{Internal("reading the YAML failed: " + e.msg, path,
                               "a bug in perfgate: report it with the config file attached")}});
  }
  if (!errors.empty()) return std::unexpected(errors.Sorted());
  return config;
}

std::expected<Config, ConfigErrors> LoadConfigFile(const std::string& path) {
  std::error_code error;
  std::ifstream file(path, std::ios::binary);
  if (!file || std::filesystem::is_directory(path, error)) {
    return std::unexpected(
        ConfigErrors{{NotFound("cannot read the config file", path,
                               "check the path; it names a YAML file such as perfgate.yaml")}});
  }
  std::stringstream text;
  text << file.rdbuf();
  return ParseConfig(text.str(), path);
}

}  // namespace perfgate
