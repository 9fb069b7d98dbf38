#include "store/process_identity.h"

#include <gtest/gtest.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace perfgate {
namespace {

// Runs `body` in a child process and returns its exit status once reaped, with the child's pid.
template <typename Body>
std::pair<pid_t, int> InChild(Body body) {
  pid_t child = fork();
  if (child == 0) _exit(body());
  int status = -1;
  EXPECT_EQ(waitpid(child, &status, 0), child);
  return {child, status};
}

TEST(ProcessIdentityTest, ALiveProcessHasAStableStartTime) {
  uint64_t start_time = ProcessStartTime(getpid());
  EXPECT_NE(start_time, 0u);
  EXPECT_EQ(ProcessStartTime(getpid()), start_time);
  EXPECT_TRUE(IsSameProcess(getpid(), start_time));
  EXPECT_FALSE(IsSameProcess(getpid(), start_time + 1)) << "a reused pid";
  EXPECT_FALSE(IsSameProcess(getpid(), 0));
}

TEST(ProcessIdentityTest, AProcessThatIsGoneHasNone) {
  auto [child, status] = InChild([] { return 0; });
  EXPECT_EQ(status, 0);
  EXPECT_EQ(ProcessStartTime(child), 0u);
  EXPECT_EQ(ProcessStartTime(0), 0u);
  EXPECT_EQ(ProcessStartTime(-1), 0u);
}

TEST(ProcessIdentityTest, ANameWithSpacesAndParenthesesIsSkipped) {
  auto [child, status] = InChild([] {
    uint64_t before = ProcessStartTime(getpid());
    prctl(PR_SET_NAME, "x) (y z) 1 2", 0, 0, 0);
    return before != 0 && ProcessStartTime(getpid()) == before ? 0 : 1;
  });
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "status " << status;
}

}  // namespace
}  // namespace perfgate
