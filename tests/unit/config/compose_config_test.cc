// The docker-compose environment's keys: file, and services without a command.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "config/config.h"
#include "support/source_dir.h"

namespace perfgate {
namespace {

std::string ComposeConfig(const std::string& environment_extra) {
  return R"yaml(
repository: { url: https://github.com/OWNER/NAME.git }
scenarios:
  - name: http-api
    environment:
      type: docker-compose
)yaml" + environment_extra +
         R"yaml(
      build: [./build-image, "app:{{short_commit}}"]
      services:
        - name: api
          ready: { http: "http://127.0.0.1:{{port.api}}/healthz", timeout: 30s }
          scrape: "127.0.0.1:{{port.api}}"
        - name: db
    load: { command: [hey, "http://127.0.0.1:{{port.api}}/"], rate: 100 }
    metrics: [{ name: requests, query: "sum(up{ {{selector}} })" }]
)yaml";
}

TEST(ComposeConfigTest, ServicesNeedNoCommandAndTheFileDefaultsToComposeYaml) {
  auto config = ParseConfig(ComposeConfig(""), "perfgate.yaml");
  ASSERT_TRUE(config) << config.error().ToString();
  const EnvironmentConfig& environment = config->scenarios.at(0).environment;
  EXPECT_EQ(environment.type, EnvironmentConfig::Type::kDockerCompose);
  EXPECT_EQ(environment.file, "compose.yaml");
  ASSERT_EQ(environment.build.size(), 1u);
  EXPECT_EQ(environment.build[0], (Argv{"./build-image", "app:{{short_commit}}"}));
  ASSERT_EQ(environment.services.size(), 2u);
  EXPECT_TRUE(environment.services[0].command.empty());
  EXPECT_TRUE(environment.services[0].ready.has_value());
  EXPECT_EQ(environment.services[0].scrape, "127.0.0.1:{{port.api}}");
  EXPECT_EQ(environment.services[1].name, "db");
}

TEST(ComposeConfigTest, ReadsTheFileInsideTheRepository) {
  auto config =
      ParseConfig(ComposeConfig("      file: deploy/perf/compose.yaml\n"), "perfgate.yaml");
  ASSERT_TRUE(config) << config.error().ToString();
  EXPECT_EQ(config->scenarios.at(0).environment.file, "deploy/perf/compose.yaml");
}

// The quickstart's compose variant is what `perfgate check-config` is shown with.
TEST(ComposeConfigTest, AcceptsTheQuickstartComposeVariant) {
  auto config = LoadConfigFile(testing::SourceDir() + "/examples/quickstart/perfgate-compose.yaml");
  ASSERT_TRUE(config) << config.error().ToString();
  const ScenarioConfig* scenario = config->FindScenario("http-api");
  ASSERT_NE(scenario, nullptr);
  EXPECT_EQ(scenario->environment.type, EnvironmentConfig::Type::kDockerCompose);
  EXPECT_EQ(scenario->environment.file, "compose.yaml");
  EXPECT_EQ(ConfigSummary(*config), "ok: 1 scenario, 4 metrics");
}

}  // namespace
}  // namespace perfgate
