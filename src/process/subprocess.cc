#include "process/subprocess.h"

#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <mutex>
#include <thread>
#include <utility>

#include "base/logging.h"
#include "process/process_groups.h"
#include "process/spawn.h"

namespace perfgate {
namespace {

// How often a group's liveness is checked, and a child's exit where no pidfd tells it: short
// enough that an exit is noticed promptly, long enough not to spin.
constexpr Duration kPollInterval = std::chrono::milliseconds(10);
// After SIGKILL the group dies as soon as the kernel gets to it; this only bounds a wait for
// members stuck in uninterruptible sleep.
constexpr Duration kKillWait = std::chrono::seconds(5);

void BecomeSubreaper() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (prctl(PR_SET_CHILD_SUBREAPER, 1) != 0) {
      Logger("process")->warn("cannot become a child subreaper error={}", strerror(errno));
    }
  });
}

ExitStatus FromWaitStatus(int status) {
  ExitStatus exit;
  if (WIFSIGNALED(status)) {
    exit.signal = WTERMSIG(status);
  } else if (WIFEXITED(status)) {
    exit.code = WEXITSTATUS(status);
  }
  return exit;
}

// waitpid retried on EINTR; 0 when nothing was reaped, -1 when there is no such child.
pid_t WaitPid(pid_t pid, int* status, int flags) {
  pid_t result;
  do {
    result = waitpid(pid, status, flags);
  } while (result < 0 && errno == EINTR);
  return result;
}

bool GroupAlive(pid_t pgid) { return kill(-pgid, 0) == 0 || errno != ESRCH; }

// Reaps the members of the group that became our children when their parent died.
void ReapAdoptedMembers(pid_t pgid) {
  int status = 0;
  while (WaitPid(-pgid, &status, WNOHANG) > 0) {
  }
}

// Sleeps until an unreaped child exits or a timeout passes. A pidfd becomes readable the
// moment the child exits, so a wait costs what the child takes, not a tick: a git command of
// two milliseconds would otherwise cost ten. Where pidfd_open is refused (a kernel before
// 5.3, a seccomp filter that predates it) the wait sleeps a tick at a time instead.
class ExitNotice {
 public:
  // `pid` must be an unreaped child, so that it cannot name another process meanwhile.
  // The system call itself: glibc 2.36's <sys/pidfd.h> declares pidfd_open without C linkage.
  explicit ExitNotice(pid_t pid) : fd_(static_cast<int>(syscall(SYS_pidfd_open, pid, 0))) {}
  ~ExitNotice() {
    if (fd_ >= 0) close(fd_);
  }
  ExitNotice(const ExitNotice&) = delete;
  ExitNotice& operator=(const ExitNotice&) = delete;

  // Returns when the child has exited, `timeout` has passed, or a signal interrupted the
  // sleep: the caller polls the child either way.
  void WaitFor(Duration timeout) const {
    if (fd_ < 0) {
      std::this_thread::sleep_for(std::min(timeout, kPollInterval));
      return;
    }
    pollfd child{.fd = fd_, .events = POLLIN, .revents = 0};
    poll(&child, 1, static_cast<int>(std::min<Duration::rep>(timeout.count(), INT_MAX)));
  }

 private:
  int fd_;
};

}  // namespace

std::string ExitStatus::ToString() const {
  if (signal == 0) return "exit code " + std::to_string(code);
  const char* name = sigabbrev_np(signal);
  return "killed by signal " + std::to_string(signal) +
         (name != nullptr ? std::string(" (SIG") + name + ")" : std::string());
}

Result<Subprocess> Subprocess::Start(const ProcessSpec& spec) {
  BecomeSubreaper();
  Result<pid_t> pid = SpawnInOwnGroup(spec);
  if (!pid) return std::unexpected(pid.error());
  RegisterProcessGroup(*pid, FormatCommand(spec.argv));
  return Subprocess(*pid);
}

Subprocess::Subprocess(Subprocess&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)), status_(std::exchange(other.status_, std::nullopt)) {}

Subprocess& Subprocess::operator=(Subprocess&& other) noexcept {
  if (this != &other) {
    if (pid_ > 0) Terminate();
    pid_ = std::exchange(other.pid_, -1);
    status_ = std::exchange(other.status_, std::nullopt);
  }
  return *this;
}

Subprocess::~Subprocess() {
  // Also when the leader has exited: what it left running in its group must not outlive it.
  if (pid_ > 0) Terminate();
}

std::optional<ExitStatus> Subprocess::Poll() {
  if (status_ || pid_ <= 0) return status_;
  int status = 0;
  if (WaitPid(pid_, &status, WNOHANG) == pid_) status_ = FromWaitStatus(status);
  return status_;
}

std::optional<ExitStatus> Subprocess::Wait(std::optional<Duration> timeout) {
  if (status_ || pid_ <= 0) return status_;
  if (!timeout) {
    int status = 0;
    if (WaitPid(pid_, &status, 0) == pid_) status_ = FromWaitStatus(status);
    return status_;
  }
  const auto deadline = std::chrono::steady_clock::now() + *timeout;
  ExitNotice exited(pid_);
  while (!Poll()) {
    auto left = std::chrono::ceil<Duration>(deadline - std::chrono::steady_clock::now());
    if (left <= Duration::zero()) break;
    exited.WaitFor(left);
  }
  return status_;
}

bool Subprocess::WaitForGroupExit(Duration timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    Poll();  // the leader first, so that its status is not reaped as an adopted member's
    if (status_) ReapAdoptedMembers(pid_);
    if (status_ && !GroupAlive(pid_)) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(kPollInterval);
  }
}

ExitStatus Subprocess::Terminate(Duration grace) {
  if (pid_ <= 0) return status_.value_or(ExitStatus{});
  Poll();
  if (GroupAlive(pid_)) {
    kill(-pid_, SIGTERM);
    if (!WaitForGroupExit(grace)) {
      Logger("process")->warn("process group ignored SIGTERM, killing it pgid={} grace_ms={}", pid_,
                              grace.count());
      kill(-pid_, SIGKILL);
      WaitForGroupExit(kKillWait);
    }
  }
  if (!status_) Wait();
  UnregisterProcessGroup(pid_);
  return status_.value_or(ExitStatus{});
}

}  // namespace perfgate
