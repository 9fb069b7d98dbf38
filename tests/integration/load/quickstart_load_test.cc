// The quickstart's own load command (wrk with load.lua) as perfgate runs it, against the
// quickstart's service.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>

#include "config/config.h"
#include "integration/environment/quickstart_source.h"
#include "load/load.h"
#include "process/subprocess.h"
#include "support/temp_dir.h"

namespace perfgate::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(QuickstartLoadTest, WrkWithLoadLuaDrivesTheServiceForOneWindow) {
  TempDir dir;
  const std::string workdir = dir.Path("work");
  CopyQuickstart(workdir);
  auto config = LoadConfigFile(workdir + "/perfgate.yaml");
  ASSERT_TRUE(config) << config.error().ToString();
  const ScenarioConfig* scenario = config->FindScenario("http-api");
  ASSERT_NE(scenario, nullptr);
  auto built =
      RunToCompletion({.argv = {"make"}, .cwd = workdir, .log_path = dir.Path("build.log")},
                      std::chrono::minutes(2));
  ASSERT_TRUE(built) << built.error().ToString();

  const std::string port = std::to_string(FreeLoopbackPort());
  auto server = Subprocess::Start({.argv = {"./server", "--listen", "127.0.0.1:" + port},
                                   .cwd = workdir,
                                   .log_path = dir.Path("server.log")});
  ASSERT_TRUE(server) << server.error().ToString();
  const ProcessSpec health{.argv = {"curl", "-sf", "http://127.0.0.1:" + port + "/healthz"},
                           .log_path = dir.Path("curl.log")};
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);  // safety only
  while (!RunToCompletion(health, std::chrono::seconds(2)) &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }

  auto window = RunLoadWindow(LoadRequest{.load = &scenario->load,
                                          .duration = std::chrono::seconds(1),
                                          .workdir = workdir,
                                          .log_path = dir.Path("load.log"),
                                          .vars = {{"port.api", port}}},
                              SystemClock());

  ASSERT_TRUE(window) << window.error().ToString();
  EXPECT_LT(window->start, window->end);
  std::string log = ReadFile(dir.Path("load.log"));
  EXPECT_THAT(log, HasSubstr("Latency Distribution"));
  EXPECT_THAT(log, HasSubstr("Requests/sec:"));
  EXPECT_THAT(log, Not(HasSubstr("Non-2xx")));
  EXPECT_THAT(log, Not(HasSubstr("Socket errors")));
  EXPECT_FALSE(server->Poll());
}

}  // namespace
}  // namespace perfgate::testing
