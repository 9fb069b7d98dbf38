// Shared set-up of the environment tests: scenarios built in code, and checks that the
// processes a test started are gone.
#pragma once

#include <gtest/gtest.h>
#include <signal.h>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "environment/environment.h"
#include "support/temp_dir.h"

namespace perfgate::testing {

inline ServiceConfig ShellService(const std::string& name, const std::string& script) {
  ServiceConfig service;
  service.name = name;
  service.command = {"sh", "-c", script};
  return service;
}

inline ReadyProbe Probe(ReadyProbe::Type type, const std::string& target, Duration timeout) {
  ReadyProbe probe;
  probe.type = type;
  probe.target = target;
  probe.timeout = timeout;
  return probe;
}

// True when no process has id `pid` (it exited and was reaped).
inline bool ProcessGone(pid_t pid) { return kill(pid, 0) != 0 && errno == ESRCH; }

// True when no process is left in the group `pgid`.
inline bool GroupGone(pid_t pgid) { return kill(-pgid, 0) != 0 && errno == ESRCH; }

// The pid a service wrote with `echo $$ > FILE`, waiting for it as a safety net only.
inline pid_t WaitForPidFile(const std::string& path) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    std::string text = ReadFile(path);
    if (!text.empty() && text.back() == '\n') return std::stoi(text);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ADD_FAILURE() << "no pid written to " << path;
  return -1;
}

// A scenario of process services run in a fresh temporary worktree with logs beside it.
class EnvironmentTest : public ::testing::Test {
 protected:
  EnvironmentTest() {
    std::filesystem::create_directories(workdir());
    scenario_.name = "test";
  }

  std::string workdir() const { return dir_.Path("work"); }
  std::string log_dir() const { return dir_.Path("logs"); }

  EnvironmentRequest Request() const {
    return EnvironmentRequest{
        .scenario = &scenario_, .workdir = workdir(), .log_dir = log_dir(), .vars = vars_};
  }

  TempDir dir_;
  ScenarioConfig scenario_;
  TemplateVars vars_;
};

}  // namespace perfgate::testing
