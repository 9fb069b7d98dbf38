// Turns SIGINT and SIGTERM into an orderly stop: the signals are blocked in every thread and
// taken by one watcher thread, which records the interruption and calls the handler (on the
// watcher thread) for each signal. `perfgate run` stops every process group it started, so
// the pipeline unwinds as on any failure and the job is recorded as cancelled; the server
// and workers stop claiming jobs and give the running ones a grace period.
//
// Construct it before any other thread starts, so that every thread inherits the mask.
#pragma once

#include <atomic>
#include <functional>
#include <thread>

namespace perfgate {

class InterruptWatcher {
 public:
  // `on_signal` gets the signal number and how many signals came before this one.
  explicit InterruptWatcher(std::function<void(int signal, int earlier)> on_signal);
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
