#include "support/git_repo.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <utility>

namespace perfgate::testing {
namespace {

// Reads a descriptor to its end and closes it.
std::string Drain(int fd) {
  std::string text;
  std::array<char, 4096> buffer;
  while (true) {
    ssize_t n = read(fd, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    text.append(buffer.data(), static_cast<size_t>(n));
  }
  close(fd);
  return text;
}

std::string Joined(const std::vector<std::string>& argv) {
  std::string command;
  for (const std::string& argument : argv) command += (command.empty() ? "" : " ") + argument;
  return command;
}

}  // namespace

std::string RunCommand(const std::vector<std::string>& argv, const std::filesystem::path& cwd) {
  std::string command = Joined(argv);
  // stderr goes to a file so that neither pipe can fill up while the other is read.
  std::string error_path =
      (std::filesystem::temp_directory_path() / "perfgate-test-stderr-XXXXXX").string();
  int error_fd = mkostemp(error_path.data(), O_CLOEXEC);
  if (error_fd < 0) throw std::runtime_error("cannot create a file for the stderr of " + command);
  unlink(error_path.c_str());
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) {
    close(error_fd);
    throw std::runtime_error("cannot create a pipe for the stdout of " + command);
  }

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, error_fd, STDERR_FILENO);
  posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  std::vector<std::string> args = argv;
  std::vector<char*> pointers;
  for (std::string& arg : args) pointers.push_back(arg.data());
  pointers.push_back(nullptr);
  pid_t pid = -1;
  int spawn_error = posix_spawnp(&pid, pointers[0], &actions, nullptr, pointers.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  if (spawn_error != 0) {
    close(out[0]);
    close(error_fd);
    throw std::runtime_error("cannot run " + command + ": " + std::strerror(spawn_error));
  }
  std::string output = Drain(out[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  lseek(error_fd, 0, SEEK_SET);
  std::string errors = Drain(error_fd);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error("`" + command + "` in " + cwd.string() + " failed: " + errors);
  }
  return output;
}

GitRepo::GitRepo(std::filesystem::path path, const std::string& branch) : path_(std::move(path)) {
  std::filesystem::create_directories(path_);
  Git({"init", "--quiet", "--initial-branch=" + branch});
}

std::string GitRepo::Git(const std::vector<std::string>& args) const {
  // A fixed identity and no user or system config, so results do not depend on the machine.
  std::vector<std::string> argv = {"env",
                                   "GIT_CONFIG_GLOBAL=/dev/null",
                                   "GIT_CONFIG_NOSYSTEM=1",
                                   "GIT_AUTHOR_NAME=perfgate test",
                                   "GIT_AUTHOR_EMAIL=test@perfgate.invalid",
                                   "GIT_COMMITTER_NAME=perfgate test",
                                   "GIT_COMMITTER_EMAIL=test@perfgate.invalid",
                                   "git"};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunCommand(argv, path_);
}

std::string GitRepo::Commit(const std::map<std::string, std::string>& files,
                            const std::string& message) {
  for (const auto& [relative, content] : files) {
    std::filesystem::path file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
  }
  Git({"add", "--all"});
  Git({"commit", "--quiet", "--allow-empty", "--message", message});
  return Head();
}

std::string GitRepo::Merge(const std::string& branch, const std::string& message) {
  Git({"merge", "--quiet", "--no-ff", "--message", message, branch});
  return Head();
}

void GitRepo::Branch(const std::string& name) { Git({"checkout", "--quiet", "-b", name}); }

void GitRepo::Checkout(const std::string& name) { Git({"checkout", "--quiet", name}); }

void GitRepo::Tag(const std::string& name) { Git({"tag", "--annotate", "--message", name, name}); }

std::string GitRepo::Head() const {
  std::string sha = Git({"rev-parse", "HEAD"});
  while (!sha.empty() && sha.back() == '\n') sha.pop_back();
  return sha;
}

}  // namespace perfgate::testing
