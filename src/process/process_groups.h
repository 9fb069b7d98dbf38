// Every process group perfgate has started and not yet reaped, so that a signal watcher can
// stop them all at once: Ctrl-C of perfgate must never leave a service running.
//
// Each group's owner (its Subprocess) still waits for and reaps it: the waits in progress
// see their children exit and the pipeline unwinds through its usual error paths.
// Thread-safety: all functions may be called from any thread.
#pragma once

#include <sys/types.h>

namespace perfgate {

void RegisterProcessGroup(pid_t pgid);
void UnregisterProcessGroup(pid_t pgid);

// Sends `signal` to every registered group; returns how many there were.
int SignalProcessGroups(int signal);

}  // namespace perfgate
