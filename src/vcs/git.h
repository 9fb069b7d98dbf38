// How vcs/ runs git: one place for the options, environment and timeouts of every call.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/error.h"
#include "process/subprocess.h"

namespace perfgate {

// Clone and fetch move a whole repository over the network; the rest is local work.
inline constexpr Duration kGitTransferTimeout = std::chrono::minutes(10);
inline constexpr Duration kGitLocalTimeout = std::chrono::minutes(1);

// `git -C <git_dir> <args>`, never prompting for credentials (it would wait forever) and
// running any automatic gc in the foreground, so that no detached git outlives the command.
ProcessSpec GitCommand(const std::string& git_dir, std::vector<std::string> args);

// Rejects what must not reach git as a revision: the empty string and anything git could
// parse as an option.
[[nodiscard]] Result<void> CheckRevision(const std::string& rev, const std::string& url);

}  // namespace perfgate
