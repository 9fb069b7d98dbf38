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

InterruptWatcher::InterruptWatcher(std::function<void(int signal, int earlier)> on_signal) {
  sigset_t set = WatchedSignals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  thread_ = std::thread([this, set, on_signal = std::move(on_signal)] {
    for (int earlier = 0;; ++earlier) {
      int signal = 0;
      if (sigwait(&set, &signal) != 0 || signal == SIGUSR1) return;
      interrupted_ = true;
      Logger("cli")->warn("interrupted signal=SIG{}", sigabbrev_np(signal));
      on_signal(signal, earlier);
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
