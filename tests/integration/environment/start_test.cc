#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>

#include "integration/environment/environment_fixture.h"

namespace perfgate::testing {
namespace {

using ::testing::HasSubstr;

using StartTest = EnvironmentTest;

Result<void> WaitUntilDead(Environment& environment) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  Result<void> alive;
  while ((alive = environment.CheckAlive()) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return alive;
}

TEST_F(StartTest, CommandProbeWaitsUntilTheCommandExitsZero) {
  ServiceConfig service =
      ShellService("worker", "echo $$ > worker.pid; sleep 0.5; touch ready; exec sleep 100");
  service.ready = Probe(ReadyProbe::Type::kCommand, "", std::chrono::seconds(30));
  service.ready->command = {"test", "-f", "ready"};
  scenario_.environment.services = {service};

  auto environment = StartEnvironment(Request());

  ASSERT_TRUE(environment) << environment.error().ToString();
  EXPECT_TRUE(std::filesystem::exists(workdir() + "/ready"));
  EXPECT_TRUE((*environment)->CheckAlive());
  EXPECT_TRUE((*environment)->ScrapeTargets().empty());
}

TEST_F(StartTest, AServiceWithoutProbeIsReadyOnceStartedAndNamesItsScrapeTarget) {
  ServiceConfig service = ShellService("api", "exec sleep 100");
  service.scrape = "127.0.0.1:{{port.api}}";
  service.metrics_path = "/debug/{{run}}/metrics";
  scenario_.environment.services = {service};
  vars_ = {{"port.api", "4321"}, {"run", "7"}};

  auto environment = StartEnvironment(Request());

  ASSERT_TRUE(environment) << environment.error().ToString();
  std::vector<ScrapeTarget> targets = (*environment)->ScrapeTargets();
  ASSERT_EQ(targets.size(), 1u);
  EXPECT_EQ(targets[0].service, "api");
  EXPECT_EQ(targets[0].address, "127.0.0.1:4321");
  EXPECT_EQ(targets[0].metrics_path, "/debug/7/metrics");
}

TEST_F(StartTest, ServiceEnvIsExpandedAndPassed) {
  ServiceConfig service = ShellService("api", "echo \"$LISTEN\" > listen.txt; exec sleep 100");
  service.env = {{"LISTEN", "127.0.0.1:{{port.api}}"}};
  service.ready = Probe(ReadyProbe::Type::kCommand, "", std::chrono::seconds(30));
  service.ready->command = {"test", "-s", "listen.txt"};
  scenario_.environment.services = {service};
  vars_ = {{"port.api", "5555"}};

  auto environment = StartEnvironment(Request());

  ASSERT_TRUE(environment) << environment.error().ToString();
  EXPECT_EQ(ReadFile(workdir() + "/listen.txt"), "127.0.0.1:5555\n");
}

TEST_F(StartTest, AServiceThatNeverGetsReadyFailsAfterItsTimeoutQuotingItsLog) {
  ServiceConfig service = ShellService("slow", "echo $$ > slow.pid; echo booting; sleep 100");
  service.ready = Probe(ReadyProbe::Type::kHttp,
                        "http://127.0.0.1:" + std::to_string(FreeLoopbackPort()) + "/healthz",
                        std::chrono::seconds(1));
  scenario_.environment.services = {service};

  auto environment = StartEnvironment(Request());

  ASSERT_FALSE(environment);
  const Error& error = environment.error();
  EXPECT_EQ(error.kind, ErrorKind::kFailedPrecondition);
  EXPECT_THAT(error.where, HasSubstr("scenario test: service slow: ready probe http"));
  EXPECT_THAT(error.what, HasSubstr("not ready after 1s"));
  EXPECT_THAT(error.what, HasSubstr("booting"));
  EXPECT_THAT(error.fix, HasSubstr("ready.timeout"));
  EXPECT_TRUE(ProcessGone(WaitForPidFile(workdir() + "/slow.pid")));
}

TEST_F(StartTest, AServiceThatExitsDuringStartupFailsWithoutWaitingForTheTimeout) {
  ServiceConfig service = ShellService("broken", "echo 'cannot open config.yaml'; exit 3");
  // Far longer than the test takes: only the exit can end the wait with this message.
  service.ready = Probe(ReadyProbe::Type::kHttp,
                        "http://127.0.0.1:" + std::to_string(FreeLoopbackPort()) + "/healthz",
                        std::chrono::seconds(300));
  scenario_.environment.services = {service};

  auto environment = StartEnvironment(Request());

  ASSERT_FALSE(environment);
  EXPECT_EQ(environment.error().kind, ErrorKind::kFailedPrecondition);
  EXPECT_THAT(environment.error().what, HasSubstr("exited during startup with exit code 3"));
  EXPECT_THAT(environment.error().what, HasSubstr("cannot open config.yaml"));
}

TEST_F(StartTest, AProbeThatCannotWorkFailsWithoutWaitingForTheTimeout) {
  ServiceConfig service = ShellService("api", "exec sleep 100");
  service.ready = Probe(ReadyProbe::Type::kCommand, "", std::chrono::seconds(300));
  service.ready->command = {"no-such-probe-program-xyz"};
  scenario_.environment.services = {service};

  auto environment = StartEnvironment(Request());

  ASSERT_FALSE(environment);
  EXPECT_EQ(environment.error().kind, ErrorKind::kNotFound);
  EXPECT_THAT(environment.error().ToString(), HasSubstr("no-such-probe-program-xyz"));
  EXPECT_THAT(environment.error().where, HasSubstr("service api: ready probe command"));
}

TEST_F(StartTest, ATcpProbeTargetThatIsNotHostPortIsInvalidInput) {
  ServiceConfig service = ShellService("api", "exec sleep 100");
  service.ready = Probe(ReadyProbe::Type::kTcp, "localhost", std::chrono::seconds(300));
  scenario_.environment.services = {service};

  auto environment = StartEnvironment(Request());

  ASSERT_FALSE(environment);
  EXPECT_EQ(environment.error().kind, ErrorKind::kInvalidInput);
  EXPECT_THAT(environment.error().what, HasSubstr("\"localhost\" is not host:port"));
}

TEST_F(StartTest, AFailureTearsDownTheServicesAlreadyStarted) {
  ServiceConfig database = ShellService("database", "echo $$ > database.pid; exec sleep 100");
  database.ready = Probe(ReadyProbe::Type::kCommand, "", std::chrono::seconds(30));
  database.ready->command = {"test", "-s", "database.pid"};
  ServiceConfig api = ShellService("api", "exit 1");
  api.ready = Probe(ReadyProbe::Type::kCommand, "", std::chrono::seconds(300));
  api.ready->command = {"false"};
  scenario_.environment.services = {database, api};

  auto environment = StartEnvironment(Request());

  ASSERT_FALSE(environment);
  EXPECT_THAT(environment.error().where, HasSubstr("service api"));
  EXPECT_TRUE(ProcessGone(WaitForPidFile(workdir() + "/database.pid")));
}

TEST_F(StartTest, ATemplateErrorStartsNothing) {
  ServiceConfig first = ShellService("first", "touch started; exec sleep 100");
  ServiceConfig second = ShellService("second", "exec sleep 100");
  second.command.push_back("{{port.missing}}");
  scenario_.environment.services = {first, second};

  auto environment = StartEnvironment(Request());

  ASSERT_FALSE(environment);
  EXPECT_EQ(environment.error().kind, ErrorKind::kInvalidInput);
  EXPECT_THAT(environment.error().where, HasSubstr("service second: command"));
  EXPECT_FALSE(std::filesystem::exists(log_dir() + "/first.log"));
}

TEST_F(StartTest, CheckAliveReportsAServiceKilledAfterStart) {
  ServiceConfig service = ShellService("api", "echo $$ > api.pid; echo serving; exec sleep 100");
  scenario_.environment.services = {service};
  auto environment = StartEnvironment(Request());
  ASSERT_TRUE(environment) << environment.error().ToString();
  pid_t pid = WaitForPidFile(workdir() + "/api.pid");
  ASSERT_TRUE((*environment)->CheckAlive());

  ASSERT_EQ(kill(pid, SIGKILL), 0);
  Result<void> alive = WaitUntilDead(**environment);

  ASSERT_FALSE(alive);
  EXPECT_EQ(alive.error().kind, ErrorKind::kFailedPrecondition);
  EXPECT_THAT(alive.error().where, HasSubstr("service api"));
  EXPECT_THAT(alive.error().what, HasSubstr("killed by signal 9"));
  EXPECT_THAT(alive.error().what, HasSubstr("serving"));
}

// Each service forks a child into its group and records, when terminated, that it stopped.
std::vector<ServiceConfig> ForkingServices() {
  std::vector<ServiceConfig> services;
  for (const std::string name : {"first", "second"}) {
    services.push_back(ShellService(
        name, "trap 'echo " + name + " >> stopped.txt; exit 0' TERM; sleep 100 & echo $! > " +
                  name + ".child; echo $$ > " + name + ".pid; wait"));
    services.back().ready = Probe(ReadyProbe::Type::kCommand, "", std::chrono::seconds(30));
    services.back().ready->command = {"test", "-s", name + ".pid"};
  }
  return services;
}

TEST_F(StartTest, DownStopsEveryProcessOfEveryGroupInReverseOrder) {
  scenario_.environment.services = ForkingServices();
  auto environment = StartEnvironment(Request());
  ASSERT_TRUE(environment) << environment.error().ToString();
  std::vector<pid_t> pids;
  for (const std::string file : {"first.pid", "first.child", "second.pid", "second.child"}) {
    pids.push_back(WaitForPidFile(workdir() + "/" + file));
  }

  (*environment)->Down();

  for (pid_t pid : pids) EXPECT_TRUE(ProcessGone(pid)) << pid;
  EXPECT_TRUE(GroupGone(pids[0]));
  EXPECT_TRUE(GroupGone(pids[2]));
  EXPECT_EQ(ReadFile(workdir() + "/stopped.txt"), "second\nfirst\n");
  EXPECT_FALSE((*environment)->CheckAlive());
  EXPECT_TRUE((*environment)->ScrapeTargets().empty());
}

TEST_F(StartTest, TheDestructorStopsEveryProcessOfEveryGroup) {
  scenario_.environment.services = ForkingServices();
  std::vector<pid_t> pids;
  {
    auto environment = StartEnvironment(Request());
    ASSERT_TRUE(environment) << environment.error().ToString();
    for (const std::string file : {"first.pid", "first.child", "second.pid", "second.child"}) {
      pids.push_back(WaitForPidFile(workdir() + "/" + file));
    }
  }

  for (pid_t pid : pids) EXPECT_TRUE(ProcessGone(pid)) << pid;
  EXPECT_TRUE(GroupGone(pids[0]));
  EXPECT_TRUE(GroupGone(pids[2]));
}

}  // namespace
}  // namespace perfgate::testing
