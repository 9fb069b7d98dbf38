// The docker-compose environment against a real Docker engine: the quickstart's server in a
// container, brought up from examples/quickstart/perfgate-compose.yaml with every compose
// front end installed here, and torn down without a trace.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <memory>
#include <optional>
#include <sstream>
#include <thread>
#include <utility>

#include "environment/docker_compose.h"
#include "http/http_client.h"
#include "integration/environment/quickstart_source.h"
#include "support/docker_engine.h"
#include "support/temp_dir.h"

namespace perfgate {

// Test names and messages show the front end by name, not as bytes.
void PrintTo(const ComposeFrontEnd& front_end, std::ostream* out) { *out << front_end.name; }

namespace testing {
namespace {

using ::testing::HasSubstr;

// One image for the whole binary, its tag unique to this process so that test binaries
// sharing an engine never remove each other's image.
const std::string kShortCommit = "test" + std::to_string(getpid());

std::string FrontEndName(const ::testing::TestParamInfo<ComposeFrontEnd>& info) {
  std::string name = info.param.name;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

// The containers a run left: those labelled with its run, and those of a project named
// after it (in case the label is what went wrong).
std::string ContainersOfRun(const std::string& run) {
  std::string labelled = Docker({"ps", "-aq", "--filter", "label=perfgate.run=" + run});
  std::string named;
  std::istringstream projects(
      Docker({"ps", "-a", "--format", "{{.Label \"com.docker.compose.project\"}}"}));
  for (std::string project; std::getline(projects, project);) {
    if (project.starts_with("perfgate-j1-r" + run + "-")) named += project + "\n";
  }
  return labelled + named;
}

std::string ContainersOfProject(const std::string& project) {
  return Docker({"ps", "-aq", "--filter", "label=com.docker.compose.project=" + project});
}

// The Docker engine and the quickstart's image, set up by the first compose test and torn
// down after the last test of the binary, so that the binary's other tests need no engine.
// The image comes from the quickstart's own build step (make + docker import), run once.
class ComposeWorld : public ::testing::Environment {
 public:
  static void Ensure() {
    if (std::exchange(attempted_, true)) return;
    engine_.SetUp();
    if (!engine_.ready()) return;
    dir_ = std::make_unique<TempDir>();
    CopyQuickstart(dir_->path() / "work");
    auto config = LoadConfigFile(dir_->Path("work/perfgate-compose.yaml"));
    ASSERT_TRUE(config) << config.error().ToString();
    config_ = std::move(*config);
    scenario_ = config_->FindScenario("http-api");
    ASSERT_NE(scenario_, nullptr);
    EnvironmentRequest request{.scenario = scenario_,
                               .workdir = dir_->Path("work"),
                               .log_dir = dir_->Path("logs/build"),
                               .vars = {{"short_commit", kShortCommit}}};
    auto built = BuildEnvironment(request);
    ASSERT_TRUE(built) << built.error().ToString();
    built_ = true;
  }

  void TearDown() override {
    if (built_) Docker({"rmi", "--force", "perfgate-quickstart:" + kShortCommit});
    scenario_ = nullptr;
    config_.reset();
    dir_.reset();
    engine_.TearDown();
  }

  static inline DockerEngine engine_;
  static inline bool attempted_ = false;
  static inline bool built_ = false;
  static inline std::unique_ptr<TempDir> dir_;
  static inline std::optional<Config> config_;
  static inline const ScenarioConfig* scenario_ = nullptr;
};

const auto* const kComposeWorld = ::testing::AddGlobalTestEnvironment(new ComposeWorld);

class ComposeTest : public ::testing::TestWithParam<ComposeFrontEnd> {
 protected:
  static void SetUpTestSuite() { ComposeWorld::Ensure(); }

  void SetUp() override {
    ASSERT_TRUE(ComposeWorld::built_)
        << "no Docker engine or no quickstart image: see the first failure of this binary";
  }

  static const ScenarioConfig& Scenario() { return *ComposeWorld::scenario_; }
  static std::string Workdir() { return ComposeWorld::dir_->Path("work"); }

  // A run number of its own for each start, so each test finds its own containers.
  static TemplateVars Vars(const ScenarioConfig& scenario) {
    static std::atomic<int> runs = 0;
    auto vars = AllocatePorts(PortNames(scenario));
    EXPECT_TRUE(vars) << vars.error().ToString();
    TemplateVars all = vars.value_or(TemplateVars{});
    all["commit"] = kShortCommit + "0000";
    all["short_commit"] = kShortCommit;
    all["job"] = "1";
    all["run"] = std::to_string(getpid()) + std::to_string(++runs);
    all["workdir"] = Workdir();
    return all;
  }

  static EnvironmentRequest Request(const ScenarioConfig& scenario, TemplateVars vars) {
    return EnvironmentRequest{.scenario = &scenario,
                              .workdir = Workdir(),
                              .log_dir = ComposeWorld::dir_->Path("logs/" + vars["run"]),
                              .vars = std::move(vars)};
  }
};

TEST(ComposeFrontEndTest, OneIsInstalled) {
  std::vector<ComposeFrontEnd> installed = InstalledComposeFrontEnds();
  ASSERT_FALSE(installed.empty()) << "install docker-compose: scripts/bootstrap";
  auto found = FindComposeFrontEnd();
  ASSERT_TRUE(found) << found.error().ToString();
  EXPECT_EQ(found->name, installed.front().name);
}

TEST_P(ComposeTest, UpPassesTheReadyProbeServesMetricsAndDownRemovesEverything) {
  TemplateVars vars = Vars(Scenario());
  EnvironmentRequest request = Request(Scenario(), vars);
  const std::string address = "127.0.0.1:" + vars["port.api"];

  auto environment = StartComposeEnvironment(request, GetParam());

  ASSERT_TRUE(environment) << environment.error().ToString();
  const std::string project = (*environment)->project();
  std::vector<ScrapeTarget> targets = (*environment)->ScrapeTargets();
  ASSERT_EQ(targets.size(), 1u);
  EXPECT_EQ(targets[0].service, "api");
  EXPECT_EQ(targets[0].address, address);
  HttpRequest get;
  get.url = "http://" + address + targets[0].metrics_path;
  auto metrics = NewCurlHttpClient()->Send(get);
  ASSERT_TRUE(metrics) << metrics.error().ToString();
  EXPECT_EQ(metrics->status, 200);
  EXPECT_THAT(metrics->body, HasSubstr("# TYPE http_request_duration_seconds histogram"));
  EXPECT_TRUE((*environment)->CheckAlive());
  EXPECT_EQ(Docker({"ps", "-q", "--filter", "label=perfgate.run=" + vars["run"]}),
            ContainersOfProject(project));
  EXPECT_FALSE(ContainersOfProject(project).empty());

  (*environment)->Down();

  EXPECT_EQ(ContainersOfProject(project), "");
  EXPECT_EQ(
      Docker({"network", "ls", "-q", "--filter", "label=com.docker.compose.project=" + project}),
      "");
  EXPECT_THAT(ReadFile(request.log_dir + "/api.log"), HasSubstr("listening on " + address));
  EXPECT_FALSE((*environment)->CheckAlive());
}

TEST_P(ComposeTest, CheckAliveReportsAKilledContainerWithItsExitCodeAndLog) {
  TemplateVars vars = Vars(Scenario());
  auto environment = StartComposeEnvironment(Request(Scenario(), vars), GetParam());
  ASSERT_TRUE(environment) << environment.error().ToString();
  const std::string project = (*environment)->project();

  Docker({"kill", "--signal", "KILL", ContainersOfProject(project).substr(0, 12)});
  auto alive = (*environment)->CheckAlive();

  ASSERT_FALSE(alive);
  EXPECT_EQ(alive.error().kind, ErrorKind::kFailedPrecondition);
  EXPECT_THAT(alive.error().what, HasSubstr("of service api is exited with exit code 137"));
  EXPECT_THAT(alive.error().what, HasSubstr("listening on 127.0.0.1:" + vars["port.api"]));
  EXPECT_THAT(alive.error().where, HasSubstr(project));
  environment->reset();
  EXPECT_EQ(ContainersOfProject(project), "");
}

TEST_P(ComposeTest, AFailedReadyProbeLeavesNoContainer) {
  ScenarioConfig scenario = Scenario();
  ReadyProbe& probe = *scenario.environment.services.at(0).ready;
  probe.target = "http://127.0.0.1:{{port.api}}/no-such-health-check";
  probe.timeout = std::chrono::seconds(2);
  TemplateVars vars = Vars(scenario);

  auto environment = StartComposeEnvironment(Request(scenario, vars), GetParam());

  ASSERT_FALSE(environment);
  EXPECT_EQ(environment.error().kind, ErrorKind::kFailedPrecondition);
  EXPECT_THAT(environment.error().what, HasSubstr("not ready after 2s"));
  EXPECT_EQ(ContainersOfRun(vars["run"]), "");
}

TEST_P(ComposeTest, AServiceTheComposeFileLacksIsAnErrorBeforeUp) {
  ScenarioConfig scenario = Scenario();
  scenario.environment.services.at(0).name = "web";
  TemplateVars vars = Vars(scenario);

  auto environment = StartComposeEnvironment(Request(scenario, vars), GetParam());

  ASSERT_FALSE(environment);
  EXPECT_EQ(environment.error().kind, ErrorKind::kFailedPrecondition);
  EXPECT_THAT(environment.error().what, HasSubstr("service web is not a service of compose.yaml"));
  EXPECT_THAT(environment.error().fix, HasSubstr("api"));
  EXPECT_EQ(ContainersOfRun(vars["run"]), "");
}

INSTANTIATE_TEST_SUITE_P(FrontEnds, ComposeTest, ::testing::ValuesIn(InstalledComposeFrontEnds()),
                         FrontEndName);

// The same through StartEnvironment, which picks the provider by environment.type.
class StartEnvironmentTest : public ComposeTest {};

TEST_F(StartEnvironmentTest, StartsTheComposeProviderForTypeDockerCompose) {
  TemplateVars vars = Vars(Scenario());

  auto environment = StartEnvironment(Request(Scenario(), vars));

  ASSERT_TRUE(environment) << environment.error().ToString();
  auto* compose = dynamic_cast<ComposeEnvironment*>(environment->get());
  ASSERT_NE(compose, nullptr);
  const std::string project = compose->project();
  EXPECT_FALSE(ContainersOfProject(project).empty());
  environment->reset();
  EXPECT_EQ(ContainersOfProject(project), "");
}

}  // namespace
}  // namespace testing
}  // namespace perfgate
