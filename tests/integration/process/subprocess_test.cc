#include "process/subprocess.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

#include "support/temp_dir.h"

namespace perfgate {
namespace {

using testing::ReadFile;
using testing::TempDir;

constexpr Duration kShortGrace = std::chrono::milliseconds(200);

ProcessSpec Shell(const std::string& script) { return ProcessSpec{.argv = {"sh", "-c", script}}; }

Subprocess StartOrDie(const ProcessSpec& spec) {
  Result<Subprocess> process = Subprocess::Start(spec);
  EXPECT_TRUE(process.has_value()) << process.error().ToString();
  return std::move(*process);
}

// Waits (bounded, as a safety net only) until a script has written a line to `path`.
std::string AwaitFile(const std::string& path) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    std::string content = ReadFile(path);
    if (content.ends_with('\n')) return content;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ADD_FAILURE() << "nothing written to " << path;
  return {};
}

bool GroupGone(pid_t pgid) { return kill(-pgid, 0) == -1 && errno == ESRCH; }
bool ProcessGone(pid_t pid) { return kill(pid, 0) == -1 && errno == ESRCH; }

TEST(SubprocessTest, ReportsExitCode) {
  Subprocess process = StartOrDie(Shell("exit 3"));
  std::optional<ExitStatus> status = process.Wait();
  ASSERT_TRUE(status.has_value());
  EXPECT_EQ(status->code, 3);
  EXPECT_EQ(status->signal, 0);
  EXPECT_FALSE(status->ok());
  EXPECT_EQ(status->ToString(), "exit code 3");
}

TEST(SubprocessTest, ReportsSuccess) {
  Subprocess process = StartOrDie({.argv = {"true"}});
  std::optional<ExitStatus> status = process.Wait();
  ASSERT_TRUE(status.has_value());
  EXPECT_TRUE(status->ok());
  EXPECT_EQ(status->ToString(), "exit code 0");
}

TEST(SubprocessTest, ReportsDeathBySignal) {
  Subprocess process = StartOrDie(Shell("kill -KILL $$"));
  std::optional<ExitStatus> status = process.Wait();
  ASSERT_TRUE(status.has_value());
  EXPECT_EQ(status->signal, SIGKILL);
  EXPECT_FALSE(status->ok());
  EXPECT_EQ(status->ToString(), "killed by signal 9 (SIGKILL)");
}

TEST(SubprocessTest, LeadsItsOwnProcessGroup) {
  Subprocess process = StartOrDie(Shell("sleep 1000"));
  EXPECT_EQ(getpgid(process.pid()), process.pid());
  EXPECT_NE(getpgid(process.pid()), getpgrp());
}

TEST(SubprocessTest, PollAndWaitWithTimeoutReturnNothingWhileRunning) {
  Subprocess process = StartOrDie(Shell("sleep 1000"));
  EXPECT_FALSE(process.Poll().has_value());
  EXPECT_FALSE(process.Wait(std::chrono::milliseconds(20)).has_value());
  ExitStatus status = process.Terminate(kShortGrace);
  EXPECT_EQ(status.signal, SIGTERM);
  ASSERT_TRUE(process.Poll().has_value());
  EXPECT_EQ(process.Poll()->signal, SIGTERM);
}

TEST(SubprocessTest, WaitWithTimeoutWaitsTheWholeTimeoutForARunningChild) {
  Subprocess process = StartOrDie(Shell("sleep 1000"));
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(process.Wait(std::chrono::milliseconds(300)).has_value());
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(300));
  EXPECT_FALSE(process.Poll().has_value());
}

TEST(SubprocessTest, LogFileGetsStdoutAndStderrAppended) {
  TempDir dir;
  std::string log = dir.WriteFile("out.log", "before\n");
  ProcessSpec spec = Shell("echo to-stdout; echo to-stderr >&2");
  spec.log_path = log;
  ASSERT_TRUE(StartOrDie(spec).Wait()->ok());
  EXPECT_EQ(ReadFile(log), "before\nto-stdout\nto-stderr\n");
}

TEST(SubprocessTest, StdoutPathSeparatesStdoutFromTheLog) {
  TempDir dir;
  ProcessSpec spec = Shell("echo to-stdout; echo to-stderr >&2");
  spec.log_path = dir.Path("err.log");
  spec.stdout_path = dir.Path("out.txt");
  ASSERT_TRUE(StartOrDie(spec).Wait()->ok());
  EXPECT_EQ(ReadFile(spec.stdout_path), "to-stdout\n");
  EXPECT_EQ(ReadFile(spec.log_path), "to-stderr\n");
}

TEST(SubprocessTest, StdinIsEmpty) {
  TempDir dir;
  ProcessSpec spec{.argv = {"wc", "-c"}, .log_path = dir.Path("log")};
  ASSERT_TRUE(StartOrDie(spec).Wait()->ok());
  EXPECT_EQ(ReadFile(spec.log_path), "0\n");
}

TEST(SubprocessTest, EnvironmentIsInheritedWithOverrides) {
  TempDir dir;
  setenv("PERFGATE_TEST_INHERITED", "inherited", 1);
  setenv("PERFGATE_TEST_REPLACED", "old", 1);
  ProcessSpec spec =
      Shell("echo $PERFGATE_TEST_INHERITED $PERFGATE_TEST_REPLACED $PERFGATE_TEST_NEW");
  spec.env = {{"PERFGATE_TEST_REPLACED", "new"}, {"PERFGATE_TEST_NEW", "added"}};
  spec.log_path = dir.Path("log");
  ASSERT_TRUE(StartOrDie(spec).Wait()->ok());
  EXPECT_EQ(ReadFile(spec.log_path), "inherited new added\n");
  unsetenv("PERFGATE_TEST_INHERITED");
  unsetenv("PERFGATE_TEST_REPLACED");
}

TEST(SubprocessTest, RunsInTheGivenWorkingDirectory) {
  TempDir dir;
  std::filesystem::create_directory(dir.path() / "work");
  ProcessSpec spec{.argv = {"pwd", "-P"}, .cwd = dir.Path("work"), .log_path = dir.Path("log")};
  ASSERT_TRUE(StartOrDie(spec).Wait()->ok());
  EXPECT_EQ(ReadFile(spec.log_path),
            std::filesystem::canonical(dir.path() / "work").string() + "\n");
}

TEST(SubprocessTest, DoesNotLeakDescriptors) {
  TempDir dir;
  int leaky = open("/dev/null", O_RDONLY);  // deliberately without O_CLOEXEC
  ASSERT_GE(leaky, 3);
  ProcessSpec spec = Shell("ls /proc/$$/fd");
  spec.log_path = dir.Path("log");
  ASSERT_TRUE(StartOrDie(spec).Wait()->ok());
  close(leaky);
  EXPECT_EQ(ReadFile(spec.log_path), "0\n1\n2\n");
}

TEST(SubprocessTest, MissingProgramIsAnErrorFromStart) {
  Result<Subprocess> process = Subprocess::Start({.argv = {"perfgate-no-such-program", "x"}});
  ASSERT_FALSE(process.has_value());
  EXPECT_EQ(process.error().kind, ErrorKind::kNotFound);
  EXPECT_NE(process.error().ToString().find("perfgate-no-such-program"), std::string::npos);
}

TEST(SubprocessTest, NonExecutableFileIsAnErrorFromStart) {
  TempDir dir;
  std::string script = dir.WriteFile("script.sh", "#!/bin/sh\nexit 0\n");
  Result<Subprocess> process = Subprocess::Start({.argv = {script}});
  ASSERT_FALSE(process.has_value());
  EXPECT_EQ(process.error().kind, ErrorKind::kFailedPrecondition);
  EXPECT_NE(process.error().ToString().find(script), std::string::npos);
}

TEST(SubprocessTest, MissingWorkingDirectoryIsAnErrorFromStart) {
  TempDir dir;
  Result<Subprocess> process = Subprocess::Start({.argv = {"true"}, .cwd = dir.Path("absent")});
  ASSERT_FALSE(process.has_value());
  EXPECT_EQ(process.error().kind, ErrorKind::kNotFound);
  EXPECT_NE(process.error().ToString().find(dir.Path("absent")), std::string::npos);
}

TEST(SubprocessTest, EmptyCommandIsInvalid) {
  Result<Subprocess> process = Subprocess::Start({});
  ASSERT_FALSE(process.has_value());
  EXPECT_EQ(process.error().kind, ErrorKind::kInvalidInput);
}

TEST(SubprocessTest, TerminateStopsTheWholeGroupIncludingGrandchildren) {
  TempDir dir;
  std::string pid_file = dir.Path("grandchild.pid");
  Subprocess process = StartOrDie(Shell("sleep 1000 & echo $! > " + pid_file + "; sleep 1000"));
  pid_t grandchild = std::stoi(AwaitFile(pid_file));
  pid_t pgid = process.pid();
  EXPECT_EQ(getpgid(grandchild), pgid);

  ExitStatus status = process.Terminate(kShortGrace);
  EXPECT_EQ(status.signal, SIGTERM);
  EXPECT_TRUE(GroupGone(pgid));
  EXPECT_TRUE(ProcessGone(grandchild));
}

TEST(SubprocessTest, TerminateKillsAGroupThatIgnoresSigterm) {
  TempDir dir;
  std::string ready = dir.Path("ready");
  Subprocess process =
      StartOrDie(Shell("trap '' TERM; echo > " + ready + "; while :; do sleep 0.05; done"));
  AwaitFile(ready);
  pid_t pgid = process.pid();
  ExitStatus status = process.Terminate(kShortGrace);
  EXPECT_EQ(status.signal, SIGKILL);
  EXPECT_TRUE(GroupGone(pgid));
}

TEST(SubprocessTest, TerminateStopsWhatAnExitedLeaderLeftBehind) {
  TempDir dir;
  std::string pid_file = dir.Path("orphan.pid");
  Subprocess process = StartOrDie(Shell("sleep 1000 & echo $! > " + pid_file));
  std::optional<ExitStatus> status = process.Wait();
  ASSERT_TRUE(status.has_value());
  EXPECT_TRUE(status->ok());
  pid_t orphan = std::stoi(AwaitFile(pid_file));
  EXPECT_FALSE(ProcessGone(orphan));

  EXPECT_TRUE(process.Terminate(kShortGrace).ok());  // the leader's own status is kept
  EXPECT_TRUE(GroupGone(process.pid()));
}

TEST(SubprocessTest, TerminateIsSafeToRepeat) {
  Subprocess process = StartOrDie(Shell("sleep 1000"));
  EXPECT_EQ(process.Terminate(kShortGrace).signal, SIGTERM);
  EXPECT_EQ(process.Terminate(kShortGrace).signal, SIGTERM);
}

TEST(SubprocessTest, DestructorTerminatesAndReaps) {
  pid_t pid = -1;
  {
    Subprocess process = StartOrDie(Shell("sleep 1000 & sleep 1000"));
    pid = process.pid();
  }
  int status = 0;
  EXPECT_EQ(waitpid(pid, &status, WNOHANG), -1);
  EXPECT_EQ(errno, ECHILD);
  EXPECT_TRUE(GroupGone(pid));
}

TEST(SubprocessTest, MovedProcessIsOwnedByItsNewOwner) {
  Subprocess first = StartOrDie(Shell("sleep 1000"));
  pid_t pid = first.pid();
  Subprocess second = std::move(first);
  EXPECT_EQ(second.pid(), pid);
  EXPECT_FALSE(second.Poll().has_value());  // still running: the move did not stop it

  Subprocess third = StartOrDie({.argv = {"true"}});
  pid_t replaced = third.pid();
  third = std::move(second);  // the process third held is terminated and reaped
  EXPECT_EQ(third.pid(), pid);
  int status = 0;
  EXPECT_EQ(waitpid(replaced, &status, WNOHANG), -1);
  EXPECT_EQ(third.Terminate(kShortGrace).signal, SIGTERM);
}

}  // namespace
}  // namespace perfgate
