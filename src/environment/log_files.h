// Every file name the environment writes under EnvironmentRequest::log_dir, built in one place.
#pragma once

#include <string>

#include "base/error.h"

namespace perfgate {

std::string BuildLogPath(const std::string& log_dir);                                // build.log
std::string ServiceLogPath(const std::string& log_dir, const std::string& service);  // NAME.log
// Output of a service's `command` ready probe, kept apart so retries do not bury the
// service's own output.
std::string ReadyLogPath(const std::string& log_dir, const std::string& service);

// The last 20 lines of a log, to append to an error's message: "\nlast lines of PATH:\n...".
std::string QuoteLogTail(const std::string& log_path);

// Creates `log_dir` and its parents; an error says which directory could not be made.
[[nodiscard]] Result<void> EnsureLogDir(const std::string& log_dir);

}  // namespace perfgate
