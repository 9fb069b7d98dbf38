#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <cerrno>
#include <filesystem>

#include "load/load.h"
#include "support/temp_dir.h"

namespace perfgate::testing {
namespace {

using ::testing::HasSubstr;

class LoadWindowTest : public ::testing::Test {
 protected:
  LoadRequest Request(Argv command, Duration duration, double rate = 150) {
    load_.command = std::move(command);
    load_.rate = rate;
    return LoadRequest{.load = &load_,
                       .duration = duration,
                       .workdir = dir_.Path(),
                       .log_path = dir_.Path("logs/load.log"),
                       .vars = {{"port.api", "8080"}}};
  }

  std::string Log() const { return ReadFile(dir_.Path("logs/load.log")); }

  TempDir dir_;
  LoadConfig load_;
};

TEST(FormatRateTest, IntegralRatesAreIntegersOthersTheShortestDecimal) {
  EXPECT_EQ(FormatRate(150), "150");
  EXPECT_EQ(FormatRate(12.5), "12.5");
  EXPECT_EQ(FormatRate(0.1), "0.1");
}

TEST(LoadWindowTimeoutTest, GivesAtLeastTenSecondsOrHalfTheWindowOfSlack) {
  EXPECT_EQ(LoadWindowTimeout(std::chrono::seconds(5)), std::chrono::seconds(15));
  EXPECT_EQ(LoadWindowTimeout(std::chrono::seconds(60)), std::chrono::seconds(90));
}

TEST_F(LoadWindowTest, RecordsTheBoundsOfTheCommandWithItsVariablesExpanded) {
  LoadRequest request =
      Request({"sh", "-c", "echo rate={{rate}} duration={{duration}} port={{port.api}}; sleep 0.2"},
              std::chrono::milliseconds(1500), 12.5);
  TimePoint before = SystemClock().Now();

  auto window = RunLoadWindow(request, SystemClock());

  TimePoint after = SystemClock().Now();
  ASSERT_TRUE(window) << window.error().ToString();
  EXPECT_LE(before, window->start);
  EXPECT_LT(window->start, window->end);
  EXPECT_LE(window->end, after);
  EXPECT_EQ(window->length(), std::chrono::duration_cast<Duration>(window->end - window->start));
  EXPECT_EQ(Log(), "rate=12.5 duration=1500ms port=8080\n");
}

TEST_F(LoadWindowTest, RunsInTheWorkdir) {
  auto window = RunLoadWindow(Request({"sh", "-c", "pwd"}, std::chrono::seconds(1)), SystemClock());

  ASSERT_TRUE(window) << window.error().ToString();
  EXPECT_EQ(std::filesystem::canonical(Log().substr(0, Log().size() - 1)),
            std::filesystem::canonical(dir_.path()));
}

TEST_F(LoadWindowTest, ANonZeroExitQuotesItsStatusAndTheLogTail) {
  auto window = RunLoadWindow(
      Request({"sh", "-c", "echo 'connect: connection refused'; exit 4"}, std::chrono::seconds(1)),
      SystemClock());

  ASSERT_FALSE(window);
  EXPECT_EQ(window.error().kind, ErrorKind::kFailedPrecondition);
  EXPECT_THAT(window.error().where, HasSubstr("load command"));
  EXPECT_THAT(window.error().what, HasSubstr("exit code 4"));
  EXPECT_THAT(window.error().what, HasSubstr("connect: connection refused"));
}

TEST_F(LoadWindowTest, ACommandThatCannotStartIsAnError) {
  auto window =
      RunLoadWindow(Request({"no-such-load-tool-xyz"}, std::chrono::seconds(1)), SystemClock());

  ASSERT_FALSE(window);
  EXPECT_THAT(window.error().ToString(), HasSubstr("no-such-load-tool-xyz"));
}

TEST_F(LoadWindowTest, AnUnknownVariableIsInvalidInput) {
  auto window =
      RunLoadWindow(Request({"tool", "{{unknown}}"}, std::chrono::seconds(1)), SystemClock());

  ASSERT_FALSE(window);
  EXPECT_EQ(window.error().kind, ErrorKind::kInvalidInput);
  EXPECT_THAT(window.error().where, HasSubstr("load.command"));
}

TEST_F(LoadWindowTest, ACommandStillRunningAfterTheTimeoutIsKilled) {
  // The shortest window: the timeout is then the 10s minimum of slack.
  auto window =
      RunLoadWindow(Request({"sh", "-c", "echo $$ > load.pid; echo 'sending requests'; sleep 600"},
                            std::chrono::milliseconds(1)),
                    SystemClock());

  ASSERT_FALSE(window);
  EXPECT_EQ(window.error().kind, ErrorKind::kUnavailable);
  EXPECT_THAT(window.error().what, HasSubstr("killed"));
  EXPECT_THAT(window.error().what, HasSubstr("sending requests"));
  pid_t pid = std::stoi(ReadFile(dir_.Path("load.pid")));
  EXPECT_TRUE(kill(pid, 0) != 0 && errno == ESRCH);
}

}  // namespace
}  // namespace perfgate::testing
