#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "integration/environment/environment_fixture.h"

namespace perfgate::testing {
namespace {

using ::testing::HasSubstr;

using BuildTest = EnvironmentTest;

TEST_F(BuildTest, RunsEveryStepInOrderInTheWorkdirWithTemplatesExpanded) {
  scenario_.environment.build = {
      {"sh", "-c", "echo first > order.txt"},
      {"sh", "-c", "echo second {{commit}} >> order.txt; echo building"},
  };
  vars_ = {{"commit", "abc123"}};

  auto built = BuildEnvironment(Request());

  ASSERT_TRUE(built) << built.error().ToString();
  EXPECT_EQ(ReadFile(workdir() + "/order.txt"), "first\nsecond abc123\n");
  EXPECT_THAT(ReadFile(log_dir() + "/build.log"), HasSubstr("building"));
}

TEST_F(BuildTest, AFailingStepQuotesTheStepItsExitStatusAndTheLogTail) {
  scenario_.environment.build = {
      {"sh", "-c", "echo compiled"},
      {"sh", "-c", "echo 'server.cc:12: error: expected ;' >&2; exit 2"},
      {"sh", "-c", "touch never-run"},
  };

  auto built = BuildEnvironment(Request());

  ASSERT_FALSE(built);
  const Error& error = built.error();
  EXPECT_EQ(error.kind, ErrorKind::kFailedPrecondition);
  EXPECT_THAT(error.where, HasSubstr("scenario test: environment.build[1]"));
  EXPECT_THAT(error.what, HasSubstr("exit 2"));  // the step's argv
  EXPECT_THAT(error.what, HasSubstr("exit code 2"));
  EXPECT_THAT(error.what, HasSubstr("server.cc:12: error: expected ;"));
  EXPECT_FALSE(std::filesystem::exists(workdir() + "/never-run"));
}

TEST_F(BuildTest, AStepThatOutlivesTheBuildTimeoutIsKilled) {
  scenario_.environment.build = {{"sh", "-c", "echo $$ > build.pid; echo compiling; sleep 100"}};
  scenario_.environment.build_timeout = std::chrono::milliseconds(500);

  auto built = BuildEnvironment(Request());

  ASSERT_FALSE(built);
  EXPECT_EQ(built.error().kind, ErrorKind::kUnavailable);
  EXPECT_THAT(built.error().fix, HasSubstr("build_timeout"));
  EXPECT_THAT(built.error().what, HasSubstr("compiling"));
  EXPECT_TRUE(ProcessGone(WaitForPidFile(workdir() + "/build.pid")));
}

TEST_F(BuildTest, AnUnknownVariableInAStepIsInvalidInput) {
  scenario_.environment.build = {{"make", "{{nope}}"}};

  auto built = BuildEnvironment(Request());

  ASSERT_FALSE(built);
  EXPECT_EQ(built.error().kind, ErrorKind::kInvalidInput);
  EXPECT_THAT(built.error().where, HasSubstr("environment.build[0]"));
}

}  // namespace
}  // namespace perfgate::testing
