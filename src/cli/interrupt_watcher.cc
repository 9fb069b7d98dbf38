#include "cli/interrupt_watcher.h"

#include <pthread.h>
#include <signal.h>

#include "base/logging.h"

namespace perfgate {
namespace {

// SIGUSR1 only wakes the watcher when its owner goes away.
sigset_t WatchedSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGUSR1);
  return set;
}

}  // namespace

InterruptWatcher::InterruptWatcher() {
  sigset_t set = WatchedSignals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  thread_ = std::thread([this, set] {
    while (true) {
      int signal = 0;
      if (sigwait(&set, &signal) != 0 || signal == SIGUSR1) return;
      interrupted_ = true;
      int groups = SignalProcessGroups(SIGTERM);
      Logger("cli")->warn("interrupted, stopping signal={} process_groups={}", sigabbrev_np(signal),
                          groups);
    }
  });
}

InterruptWatcher::~InterruptWatcher() {
  pthread_kill(thread_.native_handle(), SIGUSR1);
  thread_.join();
  sigset_t set = WatchedSignals();
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
}

}  // namespace perfgate
