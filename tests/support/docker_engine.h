// A Docker engine for the tests that need one. As a GoogleTest global environment:
//
//   const auto* const kDockerEngine =
//       ::testing::AddGlobalTestEnvironment(new perfgate::testing::DockerEngine);
//
// or called from a fixture (SetUp from its SetUpTestSuite, TearDown from a global
// environment's), so that the binary's other tests need no engine.
//
// SetUp uses the engine `docker version` already answers (DOCKER_HOST or the default
// socket). Otherwise it starts a private dockerd (root only): vfs storage, no bridge and no
// iptables (containers use host networking), socket, data, exec root and pid file in a
// temporary directory; dockerd starts its own containerd. It exports DOCKER_HOST for the
// tests and every process they start, and waits up to a minute for `docker version`.
// TearDown stops that dockerd (SIGTERM, then SIGKILL to its process group) and restores
// DOCKER_HOST. When no engine can be had, SetUp fails the test binary with the reason: CI
// runs as root with docker.io installed, so a missing engine is an error, not a skip.
// SetUp does nothing once the engine is ready; TearDown does nothing when it is not.
#pragma once

#include <gtest/gtest.h>
#include <sys/types.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "support/temp_dir.h"

namespace perfgate::testing {

class DockerEngine : public ::testing::Environment {
 public:
  void SetUp() override;
  void TearDown() override;

  // True between a successful SetUp and TearDown.
  bool ready() const { return ready_; }

 private:
  void StartPrivateDaemon();
  void StopPrivateDaemon();

  std::unique_ptr<TempDir> dir_;         // the private daemon's files
  pid_t daemon_ = -1;                    // the private dockerd, also its process group
  std::optional<std::string> old_host_;  // DOCKER_HOST before SetUp
  bool ready_ = false;
};

// True when `docker version` answers within a few seconds with the current DOCKER_HOST.
bool DockerAnswers();

// The stdout of `docker ARGS...` (no shell); throws std::runtime_error with its stderr when
// it fails, like RunCommand.
std::string Docker(const std::vector<std::string>& args);

}  // namespace perfgate::testing
