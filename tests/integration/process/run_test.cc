#include <gtest/gtest.h>
#include <signal.h>

#include <cerrno>
#include <string>

#include "process/subprocess.h"
#include "support/temp_dir.h"

namespace perfgate {
namespace {

using testing::ReadFile;
using testing::TempDir;

constexpr Duration kGenerous = std::chrono::seconds(60);

ProcessSpec Shell(const std::string& script) { return ProcessSpec{.argv = {"sh", "-c", script}}; }

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(RunToCompletionTest, SucceedsAndLogsOutput) {
  TempDir dir;
  ProcessSpec spec = Shell("echo done");
  spec.log_path = dir.Path("log");
  ASSERT_TRUE(RunToCompletion(spec, kGenerous).has_value());
  EXPECT_EQ(ReadFile(spec.log_path), "done\n");
}

TEST(RunToCompletionTest, FailureQuotesCommandStatusAndLastTwentyLines) {
  TempDir dir;
  ProcessSpec spec = Shell("for i in $(seq 1 30); do echo line$i; done; exit 4");
  spec.log_path = dir.Path("log");
  Result<void> run = RunToCompletion(spec, kGenerous);
  ASSERT_FALSE(run.has_value());
  EXPECT_EQ(run.error().kind, ErrorKind::kFailedPrecondition);
  std::string message = run.error().ToString();
  EXPECT_TRUE(Contains(message, "`sh -c 'for i in $(seq 1 30); do echo line$i; done; exit 4'`"))
      << message;
  EXPECT_TRUE(Contains(message, "exit code 4")) << message;
  EXPECT_TRUE(Contains(message, "line11\n")) << message;
  EXPECT_TRUE(Contains(message, "line30")) << message;
  EXPECT_FALSE(Contains(message, "line10")) << message;
  EXPECT_TRUE(Contains(message, spec.log_path)) << message;
}

TEST(RunToCompletionTest, TimeoutIsUnavailableAndKillsTheGroup) {
  TempDir dir;
  std::string pid_file = dir.Path("grandchild.pid");
  Result<void> run = RunToCompletion(Shell("sleep 1000 & echo $! > " + pid_file + "; sleep 1000"),
                                     std::chrono::seconds(1));
  ASSERT_FALSE(run.has_value());
  EXPECT_EQ(run.error().kind, ErrorKind::kUnavailable);
  EXPECT_TRUE(Contains(run.error().ToString(), "did not finish within 1s"))
      << run.error().ToString();
  std::string pid = ReadFile(pid_file);
  ASSERT_FALSE(pid.empty());
  EXPECT_EQ(kill(std::stoi(pid), 0), -1);
  EXPECT_EQ(errno, ESRCH);
}

TEST(RunToCompletionTest, MissingProgramIsAnError) {
  Result<void> run = RunToCompletion({.argv = {"perfgate-no-such-program"}}, kGenerous);
  ASSERT_FALSE(run.has_value());
  EXPECT_EQ(run.error().kind, ErrorKind::kNotFound);
}

TEST(CaptureOutputTest, ReturnsStdoutOnly) {
  Result<std::string> output = CaptureOutput(Shell("echo out; echo err >&2"), kGenerous);
  ASSERT_TRUE(output.has_value()) << output.error().ToString();
  EXPECT_EQ(*output, "out\n");
}

TEST(CaptureOutputTest, StderrGoesToTheLogWhenGiven) {
  TempDir dir;
  ProcessSpec spec = Shell("echo out; echo err >&2");
  spec.log_path = dir.Path("log");
  Result<std::string> output = CaptureOutput(spec, kGenerous);
  ASSERT_TRUE(output.has_value()) << output.error().ToString();
  EXPECT_EQ(*output, "out\n");
  EXPECT_EQ(ReadFile(spec.log_path), "err\n");
}

TEST(CaptureOutputTest, FailureQuotesStderr) {
  Result<std::string> output =
      CaptureOutput(Shell("echo std$((40+2))out; echo fatal: bad thing >&2; exit 2"), kGenerous);
  ASSERT_FALSE(output.has_value());
  EXPECT_EQ(output.error().kind, ErrorKind::kFailedPrecondition);
  std::string message = output.error().ToString();
  EXPECT_TRUE(Contains(message, "fatal: bad thing")) << message;
  EXPECT_TRUE(Contains(message, "exit code 2")) << message;
  EXPECT_FALSE(Contains(message, "std42out")) << message;         // stdout is not error output
  EXPECT_FALSE(Contains(message, "perfgate-output")) << message;  // no removed file named
}

TEST(CaptureOutputTest, KeepsBinaryAndLargeOutput) {
  Result<std::string> output = CaptureOutput(Shell("head -c 1000000 /dev/zero"), kGenerous);
  ASSERT_TRUE(output.has_value()) << output.error().ToString();
  EXPECT_EQ(*output, std::string(1000000, '\0'));
}

TEST(CaptureRunTest, ReturnsTheExitStatusInsteadOfJudgingIt) {
  Result<CapturedRun> run = CaptureRun(Shell("echo answer; echo why >&2; exit 1"), kGenerous);
  ASSERT_TRUE(run.has_value()) << run.error().ToString();
  EXPECT_EQ(run->status.code, 1);
  EXPECT_EQ(run->output, "answer\n");
  EXPECT_EQ(run->error_tail, "why");
  Error error = FailedRunError(Shell("exit 1"), *run);
  EXPECT_EQ(error.kind, ErrorKind::kFailedPrecondition);
  EXPECT_TRUE(Contains(error.what, "`sh -c 'exit 1'` failed with exit code 1")) << error.what;
  EXPECT_TRUE(Contains(error.what, "why")) << error.what;
}

TEST(CaptureRunTest, TimeoutIsStillAnError) {
  Result<CapturedRun> run = CaptureRun(Shell("sleep 1000"), std::chrono::milliseconds(100));
  ASSERT_FALSE(run.has_value());
  EXPECT_EQ(run.error().kind, ErrorKind::kUnavailable);
}

TEST(TailOfFileTest, ReturnsTheLastLines) {
  TempDir dir;
  std::string path = dir.WriteFile("f", "a\nb\nc\nd\n");
  EXPECT_EQ(TailOfFile(path, 2), "c\nd");
  EXPECT_EQ(TailOfFile(path, 10), "a\nb\nc\nd");
  EXPECT_EQ(TailOfFile(dir.WriteFile("g", "no newline"), 3), "no newline");
  EXPECT_EQ(TailOfFile(dir.WriteFile("empty", ""), 3), "");
  EXPECT_EQ(TailOfFile(dir.Path("absent"), 3), "");
}

TEST(FormatCommandTest, QuotesArgumentsThatNeedIt) {
  EXPECT_EQ(FormatCommand({"git", "log", "-1"}), "git log -1");
  EXPECT_EQ(FormatCommand({"sh", "-c", "echo hi", ""}), "sh -c 'echo hi' ''");
  EXPECT_EQ(FormatCommand({"sh", "-c", "echo 'a b' >&2"}), R"(sh -c 'echo '\''a b'\'' >&2')");
  EXPECT_EQ(FormatCommand({"echo", "$HOME;", "*", "--url=http://127.0.0.1:80/a_b"}),
            "echo '$HOME;' '*' --url=http://127.0.0.1:80/a_b");
}

}  // namespace
}  // namespace perfgate
