// Launching a child in its own process group: the system-call half of Subprocess::Start.
#pragma once

#include <sys/types.h>

#include "base/error.h"
#include "process/subprocess.h"

namespace perfgate {

// Spawns spec.argv (argv[0] looked up in PATH) as the leader of a new process group, with
// stdin from /dev/null, stdout/stderr appended to the spec's files, only descriptors 0-2
// open, default signal dispositions and an empty signal mask. Returns its pid once it has
// exec'd; an argv[0] that cannot be executed, a missing cwd or an unwritable log file is an
// error and no child is left behind.
[[nodiscard]] Result<pid_t> SpawnInOwnGroup(const ProcessSpec& spec);

}  // namespace perfgate
