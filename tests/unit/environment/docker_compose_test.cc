// The pure parts of the docker-compose environment: names, variables, container states and
// the label override file.
#include "environment/docker_compose.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "environment/docker_compose_project.h"

namespace perfgate {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

TEST(ComposeVariablesTest, UpperCasesNamesAfterThePrefixWithUnderscoresForDotsAndDashes) {
  auto env = ComposeVariables({{"port.api", "8080"},
                               {"port.metrics-debug", "9090"},
                               {"commit", "abc123"},
                               {"short_commit", "abc"},
                               {"run", "7"}});
  ASSERT_TRUE(env) << env.error().ToString();
  EXPECT_THAT(*env,
              ElementsAre(Pair("PERFGATE_COMMIT", "abc123"), Pair("PERFGATE_PORT_API", "8080"),
                          Pair("PERFGATE_PORT_METRICS_DEBUG", "9090"), Pair("PERFGATE_RUN", "7"),
                          Pair("PERFGATE_SHORT_COMMIT", "abc")));
}

TEST(ComposeVariablesTest, NamesThatClashAreAnError) {
  auto env = ComposeVariables({{"port.API", "1"}, {"port.api", "2"}});
  ASSERT_FALSE(env);
  EXPECT_EQ(env.error().kind, ErrorKind::kInvalidInput);
  EXPECT_THAT(env.error().what, HasSubstr("PERFGATE_PORT_API"));
  EXPECT_THAT(env.error().what, HasSubstr("{{port.API}}"));
  EXPECT_FALSE(env.error().fix.empty());
}

TEST(ComposeProjectNameTest, NamesJobRunAndSuffix) {
  EXPECT_EQ(ComposeProjectName({{"job", "3"}, {"run", "12"}, {"commit", "x"}}, "9f3a"),
            "perfgate-j3-r12-9f3a");
  EXPECT_EQ(ComposeProjectName({{"run", "12"}}, "9f3a"), "perfgate-r12-9f3a");
  EXPECT_EQ(ComposeProjectName({}, "9f3a"), "perfgate-9f3a");
}

TEST(ComposeProjectNameTest, KeepsOnlyWhatEveryComposeVersionKeeps) {
  EXPECT_EQ(ComposeProjectName({{"run", "A b.C/1"}}, "X_y"), "perfgate-rabc1-x_y");
}

TEST(ParseContainerStatesTest, ReadsInspectLines) {
  auto states = ParseContainerStates("/p_api_1\tapi\trunning\t0\n/p_db_1\tdb\texited\t137\n");
  ASSERT_TRUE(states) << states.error().ToString();
  ASSERT_EQ(states->size(), 2u);
  EXPECT_EQ((*states)[0].name, "p_api_1");
  EXPECT_EQ((*states)[0].service, "api");
  EXPECT_EQ((*states)[0].status, "running");
  EXPECT_EQ((*states)[1].exit_code, 137);
}

TEST(ParseContainerStatesTest, RejectsALineOfAnotherShape) {
  EXPECT_FALSE(ParseContainerStates("/p_api_1\tapi\trunning\n"));
  EXPECT_FALSE(ParseContainerStates("/p_api_1\tapi\trunning\tzero\n"));
  EXPECT_FALSE(ParseContainerStates("/p_api_1\tapi\trunning\t\n"));
}

ContainerState State(std::string service, std::string status, int exit_code = 0) {
  return {.name = "p_" + service + "_1",
          .service = std::move(service),
          .status = std::move(status),
          .exit_code = exit_code};
}

TEST(FindContainerProblemTest, NoneWhileEveryListedServiceRuns) {
  EXPECT_FALSE(FindContainerProblem({State("api", "running"), State("db", "running")}, {"api"}));
}

TEST(FindContainerProblemTest, AListedServiceThatExitedNamesItsExitCode) {
  auto problem = FindContainerProblem({State("api", "exited", 137)}, {"api"});
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->service, "api");
  EXPECT_EQ(problem->what, "container p_api_1 of service api is exited with exit code 137");
}

TEST(FindContainerProblemTest, AListedServiceWithoutContainerIsAProblem) {
  auto problem = FindContainerProblem({State("db", "running")}, {"api"});
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->what, "service api has no container");
}

TEST(FindContainerProblemTest, AnUnlistedOneShotServiceMayFinishButNotFail) {
  EXPECT_FALSE(FindContainerProblem({State("api", "running"), State("setup", "exited")}, {"api"}));
  auto problem =
      FindContainerProblem({State("api", "running"), State("setup", "exited", 1)}, {"api"});
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->service, "setup");
}

TEST(FindContainerProblemTest, ARestartingServiceIsNotRunning) {
  auto problem = FindContainerProblem({State("api", "restarting")}, {"api"});
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->what, "container p_api_1 of service api is restarting");
}

TEST(LabelOverrideTest, LabelsEveryServiceAndKeepsTheVersion) {
  auto text = LabelOverride("version: '2.4'\nservices: {api: {image: x}, db: {image: y}}\n",
                            {"api", "db"}, {{"perfgate.run", "12"}});
  ASSERT_TRUE(text) << text.error().ToString();
  YAML::Node override_file = YAML::Load(*text);
  EXPECT_EQ(override_file["version"].as<std::string>(), "2.4");
  EXPECT_EQ(override_file["services"]["api"]["labels"]["perfgate.run"].as<std::string>(), "12");
  EXPECT_EQ(override_file["services"]["db"]["labels"]["perfgate.run"].as<std::string>(), "12");
}

TEST(LabelOverrideTest, NoVersionWhenTheComposeFileHasNone) {
  auto text = LabelOverride("services: {api: {image: x}}\n", {"api"}, {{"perfgate.run", "1"}});
  ASSERT_TRUE(text) << text.error().ToString();
  EXPECT_FALSE(YAML::Load(*text)["version"].IsDefined());
}

TEST(LabelOverrideTest, AComposeFileThatIsNotYamlIsAnError) {
  auto text = LabelOverride("services: [unclosed\n", {"api"}, {});
  ASSERT_FALSE(text);
  EXPECT_EQ(text.error().kind, ErrorKind::kInvalidInput);
  EXPECT_THAT(text.error().what, HasSubstr("not valid YAML"));
}

}  // namespace
}  // namespace perfgate
