#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <set>

#include "environment/environment.h"

namespace perfgate {
namespace {

using ::testing::ElementsAre;

TEST(PortNamesTest, FindsPortsInEveryTemplatedPartOfTheScenario) {
  ScenarioConfig scenario;
  scenario.environment.build = {{"make", "PORT={{port.build}}"}};
  ServiceConfig service;
  service.name = "api";
  service.command = {"./server", "--listen", "127.0.0.1:{{port.api}}"};
  service.env = {{"ADMIN_ADDR", "127.0.0.1:{{ port.admin }}"}};
  service.ready = ReadyProbe{.type = ReadyProbe::Type::kCommand,
                             .target = "",
                             .command = {"check", "{{port.probe}}"},
                             .timeout = std::chrono::seconds(1)};
  service.scrape = "127.0.0.1:{{port.debug}}";
  scenario.environment.services.push_back(service);
  scenario.load.command = {"wrk", "http://127.0.0.1:{{port.api}}/", "{{rate}}"};
  scenario.metrics.push_back(MetricConfig{.name = "m",
                                          .query = "up{port=\"{{port.query}}\", {{selector}}}",
                                          .unit = "",
                                          .better = Better::kLower,
                                          .threshold = {}});

  EXPECT_THAT(PortNames(scenario), ElementsAre("admin", "api", "build", "debug", "probe", "query"));
}

TEST(PortNamesTest, IgnoresOtherVariables) {
  ScenarioConfig scenario;
  scenario.load.command = {"tool", "{{rate}}", "{{duration}}", "{{commit}}"};
  EXPECT_TRUE(PortNames(scenario).empty());
}

TEST(AllocatePortsTest, GivesEachNameADistinctPortThatCanBeBound) {
  std::set<std::string> names;
  for (int i = 0; i < 20; ++i) names.insert("service" + std::to_string(i));

  auto vars = AllocatePorts(names);
  ASSERT_TRUE(vars) << vars.error().ToString();

  ASSERT_EQ(vars->size(), names.size());
  std::set<int> ports;
  for (const std::string& name : names) {
    ASSERT_TRUE(vars->contains("port." + name)) << name;
    int port = std::stoi(vars->at("port." + name));
    EXPECT_GT(port, 0);
    ports.insert(port);
    // Released after allocation: the service that is given the port can listen on it.
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(fd, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<uint16_t>(port));
    EXPECT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0) << port;
    close(fd);
  }
  EXPECT_EQ(ports.size(), names.size());
}

TEST(AllocatePortsTest, NoNamesNoPorts) {
  auto vars = AllocatePorts({});
  ASSERT_TRUE(vars);
  EXPECT_TRUE(vars->empty());
}

}  // namespace
}  // namespace perfgate
