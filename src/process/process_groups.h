// Every process group perfgate has started and not yet reaped, so that a signal watcher can
// stop them all at once (Ctrl-C of perfgate must never leave a service running) and a job
// can be cancelled by stopping just its own groups.
//
// A group belongs to the ProcessGroupScope current on the thread that started it: a job's
// runner thread opens one scope for the job, so everything the job starts is in it. Each
// group's owner (its Subprocess) still waits for and reaps it: waits in progress see their
// children exit and the pipeline unwinds through its usual error paths.
// Thread-safety: all functions may be called from any thread.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <string>

namespace perfgate {

// Told when a group of the scope starts (started = true, with its command for people) and
// when it has been reaped; called on the thread that starts or reaps it, outside any lock.
using ProcessGroupObserver =
    std::function<void(pid_t pgid, bool started, const std::string& command)>;

class ProcessGroupScope {
 public:
  // Becomes the current scope of this thread until destroyed.
  explicit ProcessGroupScope(int64_t id, ProcessGroupObserver observer = {});
  ~ProcessGroupScope();
  ProcessGroupScope(const ProcessGroupScope&) = delete;
  ProcessGroupScope& operator=(const ProcessGroupScope&) = delete;

  int64_t id() const { return id_; }
  // Sends `signal` to every live group of this scope; returns how many there were.
  int Signal(int signal) const;

 private:
  friend void RegisterProcessGroup(pid_t pgid, const std::string& command);
  friend void UnregisterProcessGroup(pid_t pgid);
  int64_t id_;
  ProcessGroupObserver observer_;
  ProcessGroupScope* previous_;
};

// Called by Subprocess: a group started by this thread, and one that was reaped.
void RegisterProcessGroup(pid_t pgid, const std::string& command);
void UnregisterProcessGroup(pid_t pgid);

// Sends `signal` to every registered group of every scope; returns how many there were.
int SignalProcessGroups(int signal);

}  // namespace perfgate
