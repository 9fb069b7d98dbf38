#include "config/config.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "support/temp_dir.h"

namespace perfgate {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;

// DESIGN.md's example, with a build list of two steps and a second service.
constexpr char kDesignExample[] = R"yaml(
repository: { url: https://github.com/OWNER/NAME.git, default_branch: main }
storage: sqlite:perfgate.db                 # or postgresql://... (later)
workers: 1                                  # jobs run at once
jobs: { lease: 30s, max_attempts: 3 }
analysis: { fdr: 0.01 }                     # false-discovery rate across a job's series
server: { listen: 127.0.0.1:8080, public_url: http://127.0.0.1:8080, api_token_env: PERFGATE_API_TOKEN }
github:
  repository: OWNER/NAME
  token_env: PERFGATE_GITHUB_TOKEN
  webhook_secret_env: PERFGATE_WEBHOOK_SECRET
  rerun_command: /perf rerun
  trusted_associations: [OWNER, MEMBER, COLLABORATOR]
  api_url: https://api.github.com           # a fake on loopback in tests
alerts:
  - { url_env: PERFGATE_SLACK_URL, format: slack, on: [regression, improvement, failed, change_point] }
prometheus: { managed: true, scrape_interval: 1s }   # or { url: http://prom:9090 }
scenarios:
  - name: http-api
    repetitions: 5                          # measured windows of a baseline job
    comparison: interleaved                 # or stored (against the master set)
    pairs: 5                                # interleaved: base/candidate rounds (max_pairs: 10)
    environment:
      type: process                         # or docker-compose
      build: [[make, deps], [make, build, "COMMIT={{short_commit}}"]]
      services:
        - name: api
          command: [./bin/server, --listen, "127.0.0.1:{{port.api}}"]
          env: { GOMAXPROCS: "1", WORKERS: 4 }    # templated like argv
          ready: { http: "http://127.0.0.1:{{port.api}}/healthz", timeout: 60s }
          scrape: "127.0.0.1:{{port.api}}"
        - name: db
          command: [./bin/db, "--port={{port.db}}", "--dir={{workdir}}/db-{{run}}"]
          ready: { tcp: "127.0.0.1:{{ port.db }}" }
          metrics_path: /debug/metrics
    load:
      type: command
      command: [hey, -z, "{{duration}}", -q, "{{rate}}", "http://127.0.0.1:{{port.api}}/"]
      warmup: 5s
      duration: 1m30s
      rate: 200
    metrics:
      - name: latency_p99
        query: histogram_quantile(0.99, sum by (le, endpoint) (rate(http_request_duration_seconds_bucket{ {{selector}} }[{{window}}])))
        unit: s
        better: lower
        threshold: 5%
      - name: throughput
        query: sum(rate(http_requests_total{ {{selector}} }[{{window}}]))
        unit: req/s
        better: higher
        threshold: 10req/s
)yaml";

// Only what is required: everything else takes its default.
constexpr char kMinimal[] = R"yaml(
repository: { url: ../sut }
scenarios:
  - name: smoke
    environment:
      services:
        - name: api
          command: [./server]
    load:
      command: [./load]
      rate: 0.5
    metrics:
      - name: requests
        query: sum(requests_total)
)yaml";

Config ParseOrFail(const std::string& text, const std::string& path) {
  auto config = ParseConfig(text, path);
  EXPECT_TRUE(config.has_value()) << (config ? "" : config.error().ToString());
  return config.value_or(Config{});
}

TEST(ParseConfigTest, ReadsTheDesignExample) {
  Config config = ParseOrFail(kDesignExample, "/etc/perfgate/perfgate.yaml");
  EXPECT_EQ(config.path, "/etc/perfgate/perfgate.yaml");
  EXPECT_EQ(config.base_dir, "/etc/perfgate");
  EXPECT_EQ(config.repository.url, "https://github.com/OWNER/NAME.git");
  EXPECT_EQ(config.repository.default_branch, "main");
  EXPECT_EQ(config.storage, "sqlite:perfgate.db");
  EXPECT_EQ(config.workers, 1);
  EXPECT_EQ(config.jobs.lease, seconds(30));
  EXPECT_EQ(config.jobs.max_attempts, 3);
  EXPECT_DOUBLE_EQ(config.analysis.fdr, 0.01);
  EXPECT_EQ(config.server.listen, "127.0.0.1:8080");
  EXPECT_EQ(config.server.public_url, "http://127.0.0.1:8080");
  EXPECT_EQ(config.server.api_token_env, "PERFGATE_API_TOKEN");
  ASSERT_TRUE(config.github.has_value());
  EXPECT_EQ(config.github->repository, "OWNER/NAME");
  EXPECT_EQ(config.github->token_env, "PERFGATE_GITHUB_TOKEN");
  EXPECT_EQ(config.github->webhook_secret_env, "PERFGATE_WEBHOOK_SECRET");
  EXPECT_EQ(config.github->rerun_command, "/perf rerun");
  EXPECT_EQ(config.github->trusted_associations,
            (std::vector<std::string>{"OWNER", "MEMBER", "COLLABORATOR"}));
  EXPECT_FALSE(config.github->allow_forks);
  EXPECT_EQ(config.github->api_url, "https://api.github.com");
  ASSERT_EQ(config.alerts.size(), 1u);
  EXPECT_EQ(config.alerts[0].url_env, "PERFGATE_SLACK_URL");
  EXPECT_EQ(config.alerts[0].format, AlertConfig::Format::kSlack);
  EXPECT_EQ(config.alerts[0].on.size(), 4u);
  EXPECT_TRUE(config.prometheus.managed);
  EXPECT_EQ(config.prometheus.scrape_interval, seconds(1));

  ASSERT_EQ(config.scenarios.size(), 1u);
  const ScenarioConfig& scenario = config.scenarios[0];
  EXPECT_EQ(scenario.name, "http-api");
  EXPECT_EQ(scenario.repetitions, 5);
  EXPECT_EQ(scenario.comparison, ComparisonMode::kInterleaved);
  EXPECT_EQ(scenario.pairs, 5);

  const EnvironmentConfig& environment = scenario.environment;
  EXPECT_EQ(environment.type, EnvironmentConfig::Type::kProcess);
  EXPECT_EQ(environment.build,
            (std::vector<Argv>{{"make", "deps"}, {"make", "build", "COMMIT={{short_commit}}"}}));
  ASSERT_EQ(environment.services.size(), 2u);
  const ServiceConfig& api = environment.services[0];
  EXPECT_EQ(api.name, "api");
  EXPECT_EQ(api.command, (Argv{"./bin/server", "--listen", "127.0.0.1:{{port.api}}"}));
  EXPECT_EQ(api.env, (std::map<std::string, std::string>{{"GOMAXPROCS", "1"}, {"WORKERS", "4"}}));
  ASSERT_TRUE(api.ready.has_value());
  EXPECT_EQ(api.ready->type, ReadyProbe::Type::kHttp);
  EXPECT_EQ(api.ready->target, "http://127.0.0.1:{{port.api}}/healthz");
  EXPECT_EQ(api.ready->timeout, seconds(60));
  EXPECT_EQ(api.scrape, "127.0.0.1:{{port.api}}");
  EXPECT_EQ(api.metrics_path, "/metrics");
  const ServiceConfig& db = environment.services[1];
  ASSERT_TRUE(db.ready.has_value());
  EXPECT_EQ(db.ready->type, ReadyProbe::Type::kTcp);
  EXPECT_EQ(db.ready->target, "127.0.0.1:{{ port.db }}");
  EXPECT_FALSE(db.scrape.has_value());
  EXPECT_EQ(db.metrics_path, "/debug/metrics");

  const auto& load = scenario.load;
  EXPECT_EQ(load.type, decltype(scenario.load)::Type::kCommand);
  EXPECT_EQ(load.command, (Argv{"hey", "-z", "{{duration}}", "-q", "{{rate}}",
                                "http://127.0.0.1:{{port.api}}/"}));
  EXPECT_EQ(load.warmup, seconds(5));
  EXPECT_EQ(load.duration, seconds(90));
  EXPECT_DOUBLE_EQ(load.rate, 200);

  ASSERT_EQ(scenario.metrics.size(), 2u);
  const MetricConfig& latency = scenario.metrics[0];
  EXPECT_EQ(latency.name, "latency_p99");
  EXPECT_EQ(latency.query,
            "histogram_quantile(0.99, sum by (le, endpoint) "
            "(rate(http_request_duration_seconds_bucket{ {{selector}} }[{{window}}])))");
  EXPECT_EQ(latency.unit, "s");
  EXPECT_EQ(latency.better, Better::kLower);
  EXPECT_TRUE(latency.threshold.relative);
  EXPECT_DOUBLE_EQ(latency.threshold.value, 0.05);
  const MetricConfig& throughput = scenario.metrics[1];
  EXPECT_EQ(throughput.better, Better::kHigher);
  EXPECT_FALSE(throughput.threshold.relative);
  EXPECT_DOUBLE_EQ(throughput.threshold.value, 10);
}

TEST(ParseConfigTest, AppliesEveryDefault) {
  Config config = ParseOrFail(kMinimal, "/srv/ci/perfgate.yaml");
  EXPECT_EQ(config.repository.url, "../sut");
  EXPECT_EQ(config.repository.default_branch, "main");
  EXPECT_EQ(config.storage, "sqlite:perfgate.db");
  EXPECT_EQ(config.work_dir, ".perfgate");
  EXPECT_EQ(config.workers, 1);
  EXPECT_EQ(config.jobs.lease, seconds(30));
  EXPECT_EQ(config.jobs.max_attempts, 3);
  EXPECT_DOUBLE_EQ(config.analysis.fdr, 0.01);
  EXPECT_EQ(config.server.listen, "127.0.0.1:8080");
  EXPECT_EQ(config.server.public_url, "http://127.0.0.1:8080");
  EXPECT_EQ(config.server.api_token_env, "PERFGATE_API_TOKEN");
  EXPECT_FALSE(config.github.has_value());
  EXPECT_TRUE(config.alerts.empty());
  EXPECT_TRUE(config.prometheus.managed);
  EXPECT_EQ(config.prometheus.url, "");
  EXPECT_EQ(config.prometheus.scrape_interval, seconds(1));
  EXPECT_EQ(config.prometheus.binary, "prometheus");

  ASSERT_EQ(config.scenarios.size(), 1u);
  const ScenarioConfig& scenario = config.scenarios[0];
  EXPECT_EQ(scenario.repetitions, 5);
  EXPECT_EQ(scenario.comparison, ComparisonMode::kInterleaved);
  EXPECT_EQ(scenario.pairs, 5);
  EXPECT_EQ(scenario.max_pairs, 10);
  EXPECT_EQ(scenario.environment.type, EnvironmentConfig::Type::kProcess);
  EXPECT_TRUE(scenario.environment.build.empty());
  EXPECT_EQ(scenario.environment.build_timeout, minutes(20));
  ASSERT_EQ(scenario.environment.services.size(), 1u);
  const ServiceConfig& service = scenario.environment.services[0];
  EXPECT_TRUE(service.env.empty());
  EXPECT_FALSE(service.ready.has_value());
  EXPECT_FALSE(service.scrape.has_value());
  EXPECT_EQ(service.metrics_path, "/metrics");
  EXPECT_EQ(scenario.load.type, decltype(scenario.load)::Type::kCommand);
  EXPECT_EQ(scenario.load.warmup, seconds(5));
  EXPECT_EQ(scenario.load.duration, seconds(30));
  EXPECT_DOUBLE_EQ(scenario.load.rate, 0.5);
  ASSERT_EQ(scenario.metrics.size(), 1u);
  EXPECT_EQ(scenario.metrics[0].unit, "");
  EXPECT_EQ(scenario.metrics[0].better, Better::kLower);
  EXPECT_TRUE(scenario.metrics[0].threshold.relative);
  EXPECT_DOUBLE_EQ(scenario.metrics[0].threshold.value, 0.05);
}

TEST(ParseConfigTest, ReadsTheAlternativeForms) {
  std::string text = kMinimal;
  text += R"yaml(
prometheus: { url: "https://prom.example:9090", targets_dir: /etc/prometheus/perfgate, scrape_interval: 250ms }
server: { listen: 127.0.0.1:9000 }
)yaml";
  size_t build_at = text.find("    environment:\n") + 17;
  text.insert(build_at, "      build: [make, -j2, \"REV={{commit}}\"]\n      build_timeout: 90s\n");
  size_t ready_at = text.find("command: [./server]") + 19;
  text.insert(ready_at, "\n          ready: { command: [./probe, \"{{port.api}}\"], timeout: 2m }");
  Config config = ParseOrFail(text, "perfgate.yaml");
  EXPECT_FALSE(config.prometheus.managed);
  EXPECT_EQ(config.prometheus.url, "https://prom.example:9090");
  EXPECT_EQ(config.prometheus.targets_dir, "/etc/prometheus/perfgate");
  EXPECT_EQ(config.prometheus.scrape_interval, milliseconds(250));
  EXPECT_EQ(config.server.public_url, "http://127.0.0.1:9000");
  const EnvironmentConfig& environment = config.scenarios[0].environment;
  EXPECT_EQ(environment.build, (std::vector<Argv>{{"make", "-j2", "REV={{commit}}"}}));
  EXPECT_EQ(environment.build_timeout, seconds(90));
  const auto& ready = environment.services[0].ready;
  ASSERT_TRUE(ready.has_value());
  EXPECT_EQ(ready->type, ReadyProbe::Type::kCommand);
  EXPECT_EQ(ready->command, (Argv{"./probe", "{{port.api}}"}));
  EXPECT_EQ(ready->timeout, minutes(2));
}

TEST(ParseConfigTest, PullRequestsFromForksAreMeasuredOnlyWhenAllowed) {
  std::string text = kMinimal;
  text += "github: { repository: OWNER/NAME, allow_forks: true }\n";
  EXPECT_TRUE(ParseOrFail(text, "perfgate.yaml").github->allow_forks);
  auto wrong = ParseConfig(kMinimal + std::string("github: { repository: O/N, allow_forks: 1 }\n"),
                           "perfgate.yaml");
  ASSERT_FALSE(wrong.has_value());
  EXPECT_NE(wrong.error().ToString().find("github.allow_forks"), std::string::npos)
      << wrong.error().ToString();
}

TEST(ConfigTest, FindsScenariosAndMetricsAndCountsMetrics) {
  std::string text = kDesignExample;
  text += R"yaml(
  - name: second
    environment: { services: [{ name: s, command: [./s] }] }
    load: { command: [./l], rate: 1 }
    metrics: [{ name: m, query: up }]
)yaml";
  Config config = ParseOrFail(text, "perfgate.yaml");
  ASSERT_NE(config.FindScenario("second"), nullptr);
  EXPECT_EQ(config.FindScenario("second")->name, "second");
  EXPECT_EQ(config.FindScenario("http-api"), &config.scenarios[0]);
  EXPECT_EQ(config.FindScenario("missing"), nullptr);
  ASSERT_NE(config.FindMetric("second", "m"), nullptr);
  EXPECT_EQ(config.FindMetric("second", "m"), &config.scenarios[1].metrics[0]);
  EXPECT_EQ(config.FindMetric("second", "latency_p99"), nullptr);
  EXPECT_EQ(config.FindMetric("missing", "m"), nullptr);
  EXPECT_EQ(config.MetricCount(), 3u);
  EXPECT_EQ(ConfigSummary(config), "ok: 2 scenarios, 3 metrics");
}

TEST(ConfigTest, SummaryUsesSingularForOne) {
  EXPECT_EQ(ConfigSummary(ParseOrFail(kMinimal, "perfgate.yaml")), "ok: 1 scenario, 1 metric");
}

TEST(ConfigTest, ResolvesAgainstTheConfigDirectory) {
  Config config = ParseOrFail(kMinimal, "/srv/ci/perfgate.yaml");
  EXPECT_EQ(config.Resolve("perfgate.db"), "/srv/ci/perfgate.db");
  EXPECT_EQ(config.Resolve("../data/./x"), "/srv/data/x");
  EXPECT_EQ(config.Resolve("/var/lib/perfgate"), "/var/lib/perfgate");
}

TEST(ConfigTest, BaseDirOfARelativePathIsAbsolute) {
  Config config = ParseOrFail(kMinimal, "conf/perfgate.yaml");
  EXPECT_EQ(config.base_dir, (std::filesystem::current_path() / "conf").string());
}

TEST(LoadConfigTest, ReadsAFile) {
  testing::TempDir dir;
  std::string path = dir.WriteFile("ci/perfgate.yaml", kMinimal);
  auto config = LoadConfigFile(path);
  ASSERT_TRUE(config.has_value()) << config.error().ToString();
  EXPECT_EQ(config->path, path);
  EXPECT_EQ(config->base_dir, dir.Path("ci"));
  EXPECT_EQ(config->Resolve(".perfgate"), dir.Path("ci/.perfgate"));
}

TEST(LoadConfigTest, ErrorsNameTheFileAsGiven) {
  testing::TempDir dir;
  std::string path = dir.WriteFile("perfgate.yaml", "repository: { url: x }\nscenarios: []\n");
  auto config = LoadConfigFile(path);
  ASSERT_FALSE(config.has_value());
  EXPECT_EQ(config.error().ToString(),
            "config error: " + path +
                ":2:12: scenarios: there are no scenarios (a list of "
                "scenarios, e.g. [{ name: http-api, environment: ..., ... }])\n");
}

TEST(LoadConfigTest, MissingFileIsNotFound) {
  testing::TempDir dir;
  for (const std::string& path : {dir.Path("absent.yaml"), dir.Path()}) {
    auto config = LoadConfigFile(path);
    ASSERT_FALSE(config.has_value()) << path;
    ASSERT_EQ(config.error().errors.size(), 1u);
    EXPECT_EQ(config.error().errors[0].kind, ErrorKind::kNotFound);
    EXPECT_EQ(config.error().errors[0].where, path);
  }
}

}  // namespace
}  // namespace perfgate
