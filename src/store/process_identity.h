// Who a process is, beyond its pid: pids are reused, so a recorded pid names the same
// process only while its start time (in clock ticks after boot) is the same too. Used to
// record a process group before anything happens to it and to verify it before killing it,
// and to tell whether the process holding a job still lives.
#pragma once

#include <sys/types.h>

#include <cstdint>

namespace perfgate {

// Field 22 (starttime) of /proc/<pid>/stat; 0 when no such process exists (or /proc cannot
// be read). A zombie still has its start time until it is reaped.
uint64_t ProcessStartTime(pid_t pid);

// True when `pid` is still the process that had `start_time` (0 never matches).
bool IsSameProcess(pid_t pid, uint64_t start_time);

}  // namespace perfgate
