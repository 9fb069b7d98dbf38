#include "environment/log_files.h"

#include <filesystem>
#include <system_error>

#include "process/subprocess.h"

namespace perfgate {

std::string BuildLogPath(const std::string& log_dir) {
  return (std::filesystem::path(log_dir) / "build.log").string();
}

std::string ServiceLogPath(const std::string& log_dir, const std::string& service) {
  return (std::filesystem::path(log_dir) / (service + ".log")).string();
}

std::string ReadyLogPath(const std::string& log_dir, const std::string& service) {
  return (std::filesystem::path(log_dir) / (service + ".ready.log")).string();
}

std::string QuoteLogTail(const std::string& log_path) {
  std::string tail = TailOfFile(log_path, 20);
  if (tail.empty()) return "\n(" + log_path + " is empty)";
  return "\nlast lines of " + log_path + ":\n" + tail;
}

Result<void> EnsureLogDir(const std::string& log_dir) {
  std::error_code error;
  std::filesystem::create_directories(log_dir, error);
  if (error) {
    return std::unexpected(FailedPrecondition("cannot create the log directory: " + error.message(),
                                              log_dir,
                                              "check that perfgate may write to its work_dir"));
  }
  return {};
}

}  // namespace perfgate
