// A child process in its own process group, owned by a Subprocess object.
//
// The group is what gets signalled, so everything the command forks (a shell's children, a
// server's workers) is stopped with it. Stdin is /dev/null; stdout and stderr go to a log
// file (appended) or to /dev/null. Descriptors of perfgate are not inherited (close-on-exec).
//
// Ownership: the destructor terminates the group (SIGTERM, grace period, SIGKILL) and reaps
// the child, so no zombie and no orphan outlives its owner on any path. To be able to reap
// the grandchildren too (an init process may leave them as zombies), the first Start makes
// perfgate a child subreaper (prctl PR_SET_CHILD_SUBREAPER): orphaned descendants become
// perfgate's children, and Terminate reaps those of the group.
// Thread-safety: one Subprocess is used by one thread at a time.
#pragma once

#include <sys/types.h>

#include <map>
#include <optional>
#include <string>

#include "base/clock.h"
#include "base/error.h"
#include "config/config.h"

namespace perfgate {

// Every member has a default initializer, so designated initializers may name only some of
// them under -Wextra: ProcessSpec{.argv = {...}, .log_path = ...}.
struct ProcessSpec {
  Argv argv{};                               // argv[0] is looked up in PATH
  std::string cwd{};                         // empty: perfgate's own
  std::map<std::string, std::string> env{};  // added to, or replacing, the inherited environment
  std::string log_path{};                    // stdout+stderr appended here; empty: /dev/null
  std::string stdout_path{};                 // when set, stdout is appended here, not log_path
};

struct ExitStatus {
  int code = 0;    // exit code when exited normally
  int signal = 0;  // terminating signal, or 0
  bool ok() const { return signal == 0 && code == 0; }
  std::string ToString() const;  // "exit code 3", "killed by signal 9 (SIGKILL)"
};

inline constexpr Duration kDefaultGrace = std::chrono::seconds(5);

class Subprocess {
 public:
  // Forks and execs; an argv[0] that cannot be executed is an error from Start (not an exit
  // code 127 later), naming the command.
  [[nodiscard]] static Result<Subprocess> Start(const ProcessSpec& spec);

  Subprocess(Subprocess&& other) noexcept;
  Subprocess& operator=(Subprocess&& other) noexcept;
  Subprocess(const Subprocess&) = delete;
  Subprocess& operator=(const Subprocess&) = delete;
  ~Subprocess();  // Terminate(kDefaultGrace) if still running

  pid_t pid() const { return pid_; }  // also the process group id

  // Non-blocking: the exit status once the child has exited (and is reaped), else nullopt.
  std::optional<ExitStatus> Poll();

  // Waits up to `timeout` (forever when nullopt), returning as soon as the child exits;
  // nullopt if still running after it.
  std::optional<ExitStatus> Wait(std::optional<Duration> timeout = std::nullopt);

  // SIGTERM to the whole group, up to `grace` for it to exit, then SIGKILL to the group;
  // reaps the child. Safe to call more than once and after the child exited.
  ExitStatus Terminate(Duration grace = kDefaultGrace);

 private:
  explicit Subprocess(pid_t pid) : pid_(pid) {}
  // Until the leader is reaped and no member of its group is left, or `timeout`.
  bool WaitForGroupExit(Duration timeout);

  pid_t pid_ = -1;
  std::optional<ExitStatus> status_;
};

// The command as a person would type it into a POSIX shell, for messages: arguments joined by
// spaces, each that holds anything a shell might read (or is empty) in single quotes.
std::string FormatCommand(const Argv& argv);

// Runs to completion with a timeout. The command's output goes to spec.log_path.
// Errors: Start failures; a timeout (Unavailable, the group killed); a non-zero exit
// (FailedPrecondition, quoting the last lines of the log when there is one).
[[nodiscard]] Result<void> RunToCompletion(const ProcessSpec& spec, Duration timeout);

// Runs to completion and returns its stdout (stderr goes to spec.log_path or is kept for
// the error message). Errors as RunToCompletion, with stderr's last lines in the message.
[[nodiscard]] Result<std::string> CaptureOutput(const ProcessSpec& spec, Duration timeout);

// What a command left behind when it ran to completion, whatever its exit status.
struct CapturedRun {
  ExitStatus status{};
  std::string output{};      // its stdout
  std::string error_tail{};  // the last lines of its stderr (of spec.log_path when given)
};

// Like CaptureOutput, but the exit status is returned rather than judged: for commands whose
// exit code is an answer (`git merge-base --is-ancestor`). Errors: Start failures, a timeout.
[[nodiscard]] Result<CapturedRun> CaptureRun(const ProcessSpec& spec, Duration timeout);

// The error CaptureOutput gives for `run` of `spec` (FailedPrecondition quoting the command,
// its status and error tail), for callers of CaptureRun whose exit status was no answer.
Error FailedRunError(const ProcessSpec& spec, const CapturedRun& run);

// The last `lines` lines of a text file, for error messages ("" if it cannot be read).
std::string TailOfFile(const std::string& path, int lines = 20);

}  // namespace perfgate
