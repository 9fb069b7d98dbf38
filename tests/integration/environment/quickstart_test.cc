// The quickstart example as the system under test: built and started from its own
// perfgate.yaml, the way a run does it.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <optional>

#include "http/http_client.h"
#include "integration/environment/environment_fixture.h"
#include "integration/environment/quickstart_source.h"

namespace perfgate::testing {
namespace {

using ::testing::HasSubstr;

// Copies the quickstart into a temporary worktree and builds it once for the whole suite:
// the build is the slow part and every test starts the same binary.
class QuickstartTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    CopyQuickstart(dir_->path() / "work");
    auto config = LoadConfigFile(dir_->Path("work/perfgate.yaml"));
    ASSERT_TRUE(config) << config.error().ToString();
    config_ = std::move(*config);
    ASSERT_NE(config_->FindScenario("http-api"), nullptr);
    auto built = BuildEnvironment(Request(Scenario(), {}));
    ASSERT_TRUE(built) << built.error().ToString();
    built_ = true;
  }

  static void TearDownTestSuite() {
    config_.reset();
    dir_.reset();
  }

  void SetUp() override {
    if (!built_) GTEST_SKIP() << "the quickstart could not be built (see the suite's set-up)";
  }

  // Only once SetUpTestSuite has checked that the config has it.
  static const ScenarioConfig& Scenario() { return *config_->FindScenario("http-api"); }

  static EnvironmentRequest Request(const ScenarioConfig& scenario, TemplateVars vars) {
    return EnvironmentRequest{.scenario = &scenario,
                              .workdir = dir_->Path("work"),
                              .log_dir = dir_->Path("logs"),
                              .vars = std::move(vars)};
  }

  static TemplateVars Ports(const ScenarioConfig& scenario) {
    auto ports = AllocatePorts(PortNames(scenario));
    EXPECT_TRUE(ports) << ports.error().ToString();
    return ports.value_or(TemplateVars{});
  }

  static std::string Get(HttpClient& http, const std::string& url) {
    HttpRequest request;
    request.url = url;
    auto response = http.Send(request);
    EXPECT_TRUE(response) << response.error().ToString();
    if (!response) return "";
    EXPECT_EQ(response->status, 200) << url;
    return response->body;
  }

  static inline std::unique_ptr<TempDir> dir_;
  static inline std::optional<Config> config_;
  static inline bool built_ = false;
};

TEST_F(QuickstartTest, StartsFromItsConfigPassesItsHttpProbeAndServesMetrics) {
  const ScenarioConfig& scenario = Scenario();
  ASSERT_EQ(PortNames(scenario), std::set<std::string>{"api"});
  TemplateVars vars = Ports(scenario);
  const std::string address = "127.0.0.1:" + vars["port.api"];

  auto environment = StartEnvironment(Request(scenario, vars));

  ASSERT_TRUE(environment) << environment.error().ToString();
  std::vector<ScrapeTarget> targets = (*environment)->ScrapeTargets();
  ASSERT_EQ(targets.size(), 1u);
  EXPECT_EQ(targets[0].service, "api");
  EXPECT_EQ(targets[0].address, address);
  EXPECT_EQ(targets[0].metrics_path, "/metrics");

  std::unique_ptr<HttpClient> http = NewCurlHttpClient();
  EXPECT_THAT(Get(*http, "http://" + address + "/sort"), HasSubstr("median="));
  std::string metrics = Get(*http, "http://" + address + targets[0].metrics_path);
  EXPECT_THAT(metrics, HasSubstr("# TYPE http_request_duration_seconds histogram"));
  EXPECT_THAT(metrics, HasSubstr("http_request_duration_seconds_bucket{endpoint=\"/sort\",le="));
  EXPECT_THAT(metrics, HasSubstr("http_request_duration_seconds_count{endpoint=\"/sort\"} 1\n"));
  EXPECT_THAT(metrics, HasSubstr("http_requests_total{endpoint=\"/sort\",code=\"200\"} 1\n"));
  EXPECT_TRUE((*environment)->CheckAlive());
}

TEST_F(QuickstartTest, TcpProbePassesOnceTheServiceListens) {
  ScenarioConfig scenario = Scenario();
  ServiceConfig& api = scenario.environment.services.at(0);
  api.ready = Probe(ReadyProbe::Type::kTcp, "127.0.0.1:{{port.api}}", std::chrono::seconds(30));
  TemplateVars vars = Ports(scenario);

  auto environment = StartEnvironment(Request(scenario, vars));

  ASSERT_TRUE(environment) << environment.error().ToString();
  std::unique_ptr<HttpClient> http = NewCurlHttpClient();
  EXPECT_EQ(Get(*http, "http://127.0.0.1:" + vars["port.api"] + "/healthz"), "ok\n");
}

}  // namespace
}  // namespace perfgate::testing
