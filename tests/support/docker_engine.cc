#include "support/docker_engine.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "support/git_repo.h"

namespace perfgate::testing {
namespace {

constexpr auto kStartTimeout = std::chrono::seconds(60);
constexpr auto kStopTimeout = std::chrono::seconds(30);
constexpr auto kPoll = std::chrono::milliseconds(200);

// The last lines of the daemon's log, for a failure message.
std::string Tail(const std::string& path, size_t lines = 15) {
  std::vector<std::string> all;
  std::istringstream text(ReadFile(path));
  for (std::string line; std::getline(text, line);) all.push_back(line);
  std::string tail;
  for (size_t i = all.size() > lines ? all.size() - lines : 0; i < all.size(); ++i) {
    tail += all[i] + "\n";
  }
  return tail;
}

// dockerd leaves mounts under its exec root (the nsfs of its network namespace) after it
// exits; unmounted here, deepest first, so that the temporary directory can be removed.
void UnmountUnder(const std::filesystem::path& dir) {
  std::vector<std::string> mounts;
  std::ifstream table("/proc/self/mounts");
  for (std::string device, point, rest; table >> device >> point && std::getline(table, rest);) {
    if (point.starts_with(dir.string() + "/") || point == dir.string()) mounts.push_back(point);
  }
  std::ranges::sort(mounts, std::greater<>());
  for (const std::string& point : mounts) umount2(point.c_str(), MNT_DETACH);
}

// Waits for `pid` to exit for up to `timeout`; true once it is reaped.
bool Reaped(pid_t pid, std::chrono::steady_clock::duration timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    int status = 0;
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid || (done < 0 && errno == ECHILD)) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(kPoll);
  }
}

// Starts `argv` in a process group of its own with its output in `log_path`.
pid_t Spawn(const std::vector<std::string>& argv, const std::string& log_path) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log_path.c_str(),
                                   O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attributes, 0);
  std::vector<std::string> args = argv;
  std::vector<char*> pointers;
  for (std::string& arg : args) pointers.push_back(arg.data());
  pointers.push_back(nullptr);
  pid_t pid = -1;
  int error = posix_spawnp(&pid, pointers[0], &actions, &attributes, pointers.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (error != 0) {
    throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(error));
  }
  return pid;
}

}  // namespace

bool DockerAnswers() {
  try {
    // `timeout`: a daemon that accepts the connection but hangs must not hang the tests.
    RunCommand({"timeout", "10", "docker", "version"}, std::filesystem::current_path());
    return true;
  } catch (const std::runtime_error&) {
    return false;
  }
}

std::string Docker(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"timeout", "120", "docker"};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunCommand(argv, std::filesystem::current_path());
}

void DockerEngine::SetUp() {
  if (ready_) return;
  if (const char* host = std::getenv("DOCKER_HOST")) old_host_ = host;
  if (DockerAnswers()) {
    ready_ = true;
    return;
  }
  if (geteuid() != 0) {
    GTEST_FAIL() << "no Docker engine answers `docker version`, and only root can start one: "
                    "run the tests as root, or start dockerd and set DOCKER_HOST";
  }
  try {
    StartPrivateDaemon();
  } catch (const std::runtime_error& error) {
    StopPrivateDaemon();
    GTEST_FAIL() << "cannot start a private Docker engine: " << error.what()
                 << " (install docker.io: scripts/bootstrap)";
  }
  ready_ = true;
}

void DockerEngine::StartPrivateDaemon() {
  dir_ = std::make_unique<TempDir>();
  const std::string log_path = dir_->Path("dockerd.log");
  const std::string host = "unix://" + dir_->Path("docker.sock");
  daemon_ = Spawn({"dockerd", "--storage-driver", "vfs", "--iptables=false", "--bridge=none",
                   "--host", host, "--data-root", dir_->Path("data"), "--exec-root",
                   dir_->Path("exec"), "--pidfile", dir_->Path("docker.pid")},
                  log_path);
  setenv("DOCKER_HOST", host.c_str(), 1);
  auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
  while (!DockerAnswers()) {
    int status = 0;
    if (waitpid(daemon_, &status, WNOHANG) == daemon_) {
      daemon_ = -1;
      throw std::runtime_error("dockerd exited during start-up; its log (" + log_path + "):\n" +
                               Tail(log_path));
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      throw std::runtime_error("dockerd did not answer `docker version` within 60s; its log:\n" +
                               Tail(log_path));
    }
    std::this_thread::sleep_for(kPoll);
  }
}

void DockerEngine::TearDown() {
  if (ready_) StopPrivateDaemon();
}

void DockerEngine::StopPrivateDaemon() {
  ready_ = false;
  if (daemon_ > 0) {
    // SIGTERM to dockerd alone: it stops its containerd itself on the way out.
    kill(daemon_, SIGTERM);
    if (!Reaped(daemon_, kStopTimeout)) {
      kill(-daemon_, SIGKILL);
      Reaped(daemon_, kStopTimeout);
    }
    kill(-daemon_, SIGKILL);  // anything of its group still left
    daemon_ = -1;
  }
  if (dir_) {
    UnmountUnder(dir_->path());
    dir_.reset();
  }
  if (old_host_) {
    setenv("DOCKER_HOST", old_host_->c_str(), 1);
  } else {
    unsetenv("DOCKER_HOST");
  }
}

}  // namespace perfgate::testing
