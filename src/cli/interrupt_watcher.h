// Turns SIGINT and SIGTERM into an orderly stop: the signals are blocked in every thread and
// taken by one watcher thread, which records the interruption and sends SIGTERM to every
// process group perfgate started. The pipeline then unwinds as on any failure (environment
// down, worktree removed, Prometheus stopped) and the job is recorded as cancelled.
//
// Construct it before any other thread starts, so that every thread inherits the mask.
#pragma once

#include <atomic>
#include <thread>

namespace perfgate {

class InterruptWatcher {
 public:
  InterruptWatcher();
  ~InterruptWatcher();
  InterruptWatcher(const InterruptWatcher&) = delete;
  InterruptWatcher& operator=(const InterruptWatcher&) = delete;

  // Set once a SIGINT or SIGTERM has arrived.
  const std::atomic<bool>& interrupted() const { return interrupted_; }

 private:
  std::atomic<bool> interrupted_ = false;
  std::thread thread_;
};

}  // namespace perfgate
