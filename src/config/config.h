// The typed configuration of perfgate: what perfgate.yaml says, with every default applied.
//
// LoadConfigFile() is the only way to get one: it parses, applies defaults and validates, and
// either returns a Config that every other component may trust or every error at once.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/error.h"

namespace perfgate {

// A command line as a list of arguments, never given to a shell. Elements may contain
// template variables ({{port.api}}) that are expanded per run.
using Argv = std::vector<std::string>;

struct RepositoryConfig {
  std::string url;  // https://..., file://..., or a local path
  std::string default_branch = "main";
};

struct ReadyProbe {
  enum class Type { kHttp, kTcp, kCommand };
  Type type = Type::kHttp;
  std::string target;  // kHttp: URL; kTcp: host:port (both templated)
  Argv command;        // kCommand: argv run in the worktree, ready when it exits 0
  Duration timeout = std::chrono::seconds(60);
};

struct ServiceConfig {
  std::string name;
  Argv command;                            // empty for a docker-compose service
  std::map<std::string, std::string> env;  // values templated like argv
  std::optional<ReadyProbe> ready;
  std::optional<std::string> scrape;  // host:port of its /metrics, templated
  std::string metrics_path = "/metrics";
};

inline constexpr char kDefaultComposeFile[] = "compose.yaml";

struct EnvironmentConfig {
  enum class Type { kProcess, kDockerCompose };
  Type type = Type::kProcess;
  std::vector<Argv> build;  // run in order in the worktree before `up`
  Duration build_timeout = std::chrono::minutes(20);
  // kDockerCompose: the compose file, relative to the worktree's root (never outside it).
  // The compose file defines how services start, so their `command` and `env` are empty.
  std::string file = kDefaultComposeFile;
  std::vector<ServiceConfig> services;
};

struct LoadConfig {
  enum class Type { kCommand };
  Type type = Type::kCommand;
  Argv command;
  Duration warmup = std::chrono::seconds(5);
  Duration duration = std::chrono::seconds(30);
  double rate = 0;  // requests per second; > 0
};

enum class Better { kLower, kHigher };

// A practical margin: a change smaller than this is no regression or improvement.
struct Threshold {
  bool relative = true;  // true: `value` is a fraction (5% -> 0.05); false: in the unit
  double value = 0.05;
};

struct MetricConfig {
  std::string name;
  std::string query;  // PromQL, templated ({{selector}}, {{window}}, ...)
  std::string unit;   // e.g. "s", "req/s", "ratio"; empty when dimensionless
  Better better = Better::kLower;
  Threshold threshold;
};

// How a candidate's samples are compared (DESIGN.md, "comparison").
enum class ComparisonMode { kInterleaved, kStored };

// The most pairs an interleaved run may measure: each pair costs two sessions.
inline constexpr int kPairsLimit = 50;

struct ScenarioConfig {
  std::string name;
  int repetitions = 5;  // measured windows per run
  ComparisonMode comparison = ComparisonMode::kInterleaved;
  int pairs = 5;  // interleaved: base/candidate rounds before the first look
  // interleaved: the most rounds adaptive confirmation may reach; pairs..kPairsLimit
  int max_pairs = 10;
  EnvironmentConfig environment;
  LoadConfig load;
  std::vector<MetricConfig> metrics;
};

struct PrometheusConfig {
  bool managed = true;      // perfgate starts its own Prometheus for each job
  std::string url;          // an existing server when !managed
  std::string targets_dir;  // with url: where that server's file_sd_configs read targets
  Duration scrape_interval = std::chrono::seconds(1);
  std::string binary = "prometheus";
};

struct JobsConfig {
  Duration lease = std::chrono::seconds(30);  // a claimed job returns to the queue after this
  int max_attempts = 3;
};

struct AnalysisConfig {
  double fdr = 0.01;  // false-discovery rate across a job's series, in (0, 1)
};

struct ServerConfig {
  std::string listen = "127.0.0.1:8080";             // host:port
  std::string public_url = "http://127.0.0.1:8080";  // defaults to http://<listen>
  std::string api_token_env = "PERFGATE_API_TOKEN";  // names the variable, never the token
  std::string read_token_env;  // when set, reads need this variable's token too; else open
};

// Reporting to GitHub; absent from Config when the file has no `github` section.
struct GithubConfig {
  std::string repository;  // OWNER/NAME
  std::string token_env = "PERFGATE_GITHUB_TOKEN";
  std::string webhook_secret_env = "PERFGATE_WEBHOOK_SECRET";
  std::string rerun_command = "/perf rerun";
  std::vector<std::string> trusted_associations = {"OWNER", "MEMBER", "COLLABORATOR"};
  // Whether pull requests from forks are measured: their code runs on the measuring machine,
  // and anyone can open one.
  bool allow_forks = false;
  std::string api_url = "https://api.github.com";
};

struct AlertConfig {
  enum class Format { kSlack, kJson };
  std::string url_env;  // the variable holding the webhook URL (a secret)
  Format format = Format::kJson;
  // Any of "regression", "improvement", "failed", "change_point"; all of them by default.
  std::vector<std::string> on = {"regression", "improvement", "failed", "change_point"};
};

struct Config {
  std::string path;      // the file it came from, as given
  std::string base_dir;  // the directory of that file: relative paths below resolve here
  RepositoryConfig repository;
  std::string storage = "sqlite:perfgate.db";
  std::string work_dir = ".perfgate";  // mirrors, worktrees, logs, Prometheus data
  int workers = 1;                     // jobs run at once
  JobsConfig jobs;
  AnalysisConfig analysis;
  ServerConfig server;
  std::optional<GithubConfig> github;
  std::vector<AlertConfig> alerts;
  PrometheusConfig prometheus;
  std::vector<ScenarioConfig> scenarios;

  const ScenarioConfig* FindScenario(const std::string& name) const;
  // Metric `metric` of scenario `scenario`; nullptr when either is unknown.
  const MetricConfig* FindMetric(const std::string& scenario, const std::string& metric) const;
  size_t MetricCount() const;
  // `relative` resolved against base_dir; absolute paths are returned unchanged.
  std::string Resolve(const std::string& relative) const;
};

// Every problem found in one config file, in file order. Each Error has `where` set to
// "FILE:LINE:COLUMN: key.path" and a `fix`.
struct ConfigErrors {
  std::vector<Error> errors;
  std::string ToString() const;  // one line per error
};

// Reads, parses and validates the YAML file at `path`.
[[nodiscard]] std::expected<Config, ConfigErrors> LoadConfigFile(const std::string& path);

// The same for text already in memory; `path` is used in messages and for base_dir.
[[nodiscard]] std::expected<Config, ConfigErrors> ParseConfig(const std::string& text,
                                                              const std::string& path);

// "ok: 2 scenarios, 5 metrics": what `check-config` prints for a valid file.
std::string ConfigSummary(const Config& config);

}  // namespace perfgate
