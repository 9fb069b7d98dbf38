#include "process/spawn.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "base/logging.h"

extern char** environ;

namespace perfgate {
namespace {

// A descriptor opened by the parent for the child; closed here once the child has its copy.
class OwnedFd {
 public:
  explicit OwnedFd(int fd = -1) : fd_(fd) {}
  OwnedFd(const OwnedFd&) = delete;
  OwnedFd& operator=(const OwnedFd&) = delete;
  ~OwnedFd() {
    if (fd_ >= 0) close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

// posix_spawn's two argument objects, destroyed on every path.
class FileActions {
 public:
  FileActions() { posix_spawn_file_actions_init(&actions_); }
  FileActions(const FileActions&) = delete;
  FileActions& operator=(const FileActions&) = delete;
  ~FileActions() { posix_spawn_file_actions_destroy(&actions_); }
  posix_spawn_file_actions_t* get() { return &actions_; }

 private:
  posix_spawn_file_actions_t actions_;
};

class SpawnAttributes {
 public:
  SpawnAttributes() { posix_spawnattr_init(&attr_); }
  SpawnAttributes(const SpawnAttributes&) = delete;
  SpawnAttributes& operator=(const SpawnAttributes&) = delete;
  ~SpawnAttributes() { posix_spawnattr_destroy(&attr_); }
  posix_spawnattr_t* get() { return &attr_; }

 private:
  posix_spawnattr_t attr_;
};

std::string Errno(int error) { return std::strerror(error); }

// Opens `path` for appending (created 0644), or /dev/null when empty.
Result<int> OpenOutput(const std::string& path, const std::string& command) {
  const std::string& target = path.empty() ? std::string("/dev/null") : path;
  int fd = open(target.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) {
    int error = errno;
    return std::unexpected(FailedPrecondition(
        "cannot open output file " + target + ": " + Errno(error), "command `" + command + "`",
        "check that its folder exists and is writable"));
  }
  return fd;
}

// The inherited environment with `overrides` replacing or adding variables.
std::vector<std::string> MergedEnvironment(const std::map<std::string, std::string>& overrides) {
  std::vector<std::string> merged;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    std::string_view variable(*entry);
    std::string name(variable.substr(0, variable.find('=')));
    if (!overrides.contains(name)) merged.emplace_back(variable);
  }
  for (const auto& [name, value] : overrides) merged.push_back(name + "=" + value);
  return merged;
}

// The char* arrays exec wants; they point into `strings`, which must outlive them.
std::vector<char*> CStrings(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  pointers.reserve(strings.size() + 1);
  for (std::string& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

Error SpawnError(int error, const ProcessSpec& spec, const std::string& command) {
  std::string where = "command `" + command + "`";
  if (error == ENOENT) {
    return NotFound("cannot run `" + spec.argv[0] + "`: no such program", where,
                    "install it, or give its full path; PATH is searched for bare names");
  }
  if (error == EACCES) {
    return FailedPrecondition("cannot run `" + spec.argv[0] + "`: permission denied", where,
                              "make it executable (chmod +x)");
  }
  return Internal("cannot start `" + spec.argv[0] + "`: " + Errno(error), where,
                  "check system limits (ulimit -u, free memory) and retry");
}

}  // namespace

Result<pid_t> SpawnInOwnGroup(const ProcessSpec& spec) {
  if (spec.argv.empty() || spec.argv[0].empty()) {
    return std::unexpected(InvalidInput("empty command", {}, "give at least the program name"));
  }
  std::string command = FormatCommand(spec.argv);
  // posix_spawn reports a missing cwd as ENOENT, like a missing program: tell them apart here.
  std::error_code ignored;
  if (!spec.cwd.empty() && !std::filesystem::is_directory(spec.cwd, ignored)) {
    return std::unexpected(NotFound("working directory " + spec.cwd + " does not exist",
                                    "command `" + command + "`", "create it, or fix the path"));
  }
  Result<int> log_fd = OpenOutput(spec.log_path, command);
  if (!log_fd) return std::unexpected(log_fd.error());
  OwnedFd log(*log_fd);
  Result<int> out_fd = spec.stdout_path.empty() ? -1 : OpenOutput(spec.stdout_path, command);
  if (!out_fd) return std::unexpected(out_fd.error());
  OwnedFd out(*out_fd);
  int stdout_fd = out.get() >= 0 ? out.get() : log.get();

  FileActions actions;
  posix_spawn_file_actions_addopen(actions.get(), STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(actions.get(), stdout_fd, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(actions.get(), log.get(), STDERR_FILENO);
  // Descriptors a library opened without O_CLOEXEC must not leak into the command either.
  posix_spawn_file_actions_addclosefrom_np(actions.get(), STDERR_FILENO + 1);
  if (!spec.cwd.empty()) posix_spawn_file_actions_addchdir_np(actions.get(), spec.cwd.c_str());

  SpawnAttributes attr;
  // Its own group, so that signals reach everything it forks and a Ctrl-C aimed at perfgate
  // does not reach it; default signal handling, whatever perfgate ignores (SIGPIPE) or blocks.
  sigset_t all_signals;
  sigset_t no_signals;
  sigfillset(&all_signals);
  sigemptyset(&no_signals);
  posix_spawnattr_setpgroup(attr.get(), 0);
  posix_spawnattr_setsigdefault(attr.get(), &all_signals);
  posix_spawnattr_setsigmask(attr.get(), &no_signals);
  posix_spawnattr_setflags(attr.get(),
                           POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

  std::vector<std::string> args = spec.argv;
  std::vector<std::string> env = MergedEnvironment(spec.env);
  std::vector<char*> argv = CStrings(args);
  std::vector<char*> envp = CStrings(env);
  pid_t pid = -1;
  // glibc's posix_spawnp returns only after the exec, with the exec's errno when it failed.
  int error = posix_spawnp(&pid, argv[0], actions.get(), attr.get(), argv.data(), envp.data());
  if (error != 0) return std::unexpected(SpawnError(error, spec, command));
  Logger("process")->debug("process started pid={} command={}", pid, argv[0]);
  return pid;
}

}  // namespace perfgate
