// Running a command to completion: the blocking helpers around Subprocess.
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/duration.h"
#include "process/subprocess.h"

namespace perfgate {
namespace {

constexpr int kTailLines = 20;
// Enough for the tail of any sensible log without reading a huge one whole.
constexpr std::streamoff kTailBytes = 64 * 1024;

// An empty file in the temporary folder for one command's output, removed when it dies.
class ScratchFile {
 public:
  ScratchFile() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "perfgate-output-XXXXXX").string();
    int fd = mkostemp(pattern.data(), O_CLOEXEC);
    if (fd >= 0) {
      close(fd);
      path_ = pattern;
    }
  }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;
  ~ScratchFile() {
    if (!path_.empty()) unlink(path_.c_str());
  }
  const std::string& path() const { return path_; }  // empty if it could not be created

 private:
  std::string path_;
};

std::string WithTail(std::string what, const std::string& tail) {
  if (!tail.empty()) what += "; its last output lines:\n" + tail;
  return what;
}

std::string Where(const ProcessSpec& spec) {
  return spec.cwd.empty() ? std::string() : "in " + spec.cwd;
}

// Runs `spec` until it exits; a timeout kills its group and is an error quoting the tail of
// spec.log_path.
Result<ExitStatus> Run(const ProcessSpec& spec, Duration timeout) {
  Result<Subprocess> process = Subprocess::Start(spec);
  if (!process) return std::unexpected(process.error());
  std::optional<ExitStatus> status = process->Wait(timeout);
  if (status) return *status;
  process->Terminate();
  return std::unexpected(
      Unavailable(WithTail("`" + FormatCommand(spec.argv) + "` did not finish within " +
                               FormatDuration(timeout) + " and was killed",
                           TailOfFile(spec.log_path, kTailLines)),
                  Where(spec), "find out why it hangs, or give it more time"));
}

// Anything but letters, digits and a few punctuation marks may mean something to a shell.
bool NeedsQuotes(const std::string& argument) {
  return argument.empty() || std::ranges::any_of(argument, [](char c) {
           return !std::isalnum(static_cast<unsigned char>(c)) &&
                  std::string_view("@%+=:,./_-").find(c) == std::string_view::npos;
         });
}

}  // namespace

std::string FormatCommand(const Argv& argv) {
  std::string command;
  for (const std::string& argument : argv) {
    if (!command.empty()) command += ' ';
    if (!NeedsQuotes(argument)) {
      command += argument;
      continue;
    }
    // A single quote cannot appear inside single quotes: close them, escape it, reopen.
    command += '\'';
    for (char c : argument) {
      if (c == '\'') {
        command += "'\\''";
      } else {
        command += c;
      }
    }
    command += '\'';
  }
  return command;
}

Error FailedRunError(const ProcessSpec& spec, const CapturedRun& run) {
  std::string fix = spec.log_path.empty() ? "fix the command or what it depends on"
                                          : "see its whole output in " + spec.log_path;
  return FailedPrecondition(
      WithTail("`" + FormatCommand(spec.argv) + "` failed with " + run.status.ToString(),
               run.error_tail),
      Where(spec), fix);
}

Result<void> RunToCompletion(const ProcessSpec& spec, Duration timeout) {
  Result<ExitStatus> status = Run(spec, timeout);
  if (!status) return std::unexpected(status.error());
  if (!status->ok()) {
    return std::unexpected(
        FailedRunError(spec, {.status = *status, .error_tail = TailOfFile(spec.log_path)}));
  }
  return {};
}

Result<CapturedRun> CaptureRun(const ProcessSpec& spec, Duration timeout) {
  ScratchFile stdout_file;
  ScratchFile stderr_file;
  if (stdout_file.path().empty() || stderr_file.path().empty()) {
    return std::unexpected(Internal("cannot create a temporary file for a command's output",
                                    std::filesystem::temp_directory_path().string(),
                                    "check that the temporary folder (TMPDIR) is writable"));
  }
  ProcessSpec capturing = spec;
  capturing.stdout_path = stdout_file.path();
  if (capturing.log_path.empty()) capturing.log_path = stderr_file.path();
  Result<ExitStatus> status = Run(capturing, timeout);
  if (!status) return std::unexpected(status.error());
  std::ifstream in(stdout_file.path(), std::ios::binary);
  std::stringstream output;
  output << in.rdbuf();
  return CapturedRun{.status = *status,
                     .output = output.str(),
                     .error_tail = TailOfFile(capturing.log_path, kTailLines)};
}

Result<std::string> CaptureOutput(const ProcessSpec& spec, Duration timeout) {
  Result<CapturedRun> run = CaptureRun(spec, timeout);
  if (!run) return std::unexpected(run.error());
  if (!run->status.ok()) return std::unexpected(FailedRunError(spec, *run));
  return std::move(run->output);
}

std::string TailOfFile(const std::string& path, int lines) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in || lines <= 0) return {};
  std::streamoff size = in.tellg();
  std::streamoff start = std::max<std::streamoff>(0, size - kTailBytes);
  in.seekg(start);
  std::string text(static_cast<size_t>(size - start), '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  while (!text.empty() && text.back() == '\n') text.pop_back();
  if (text.empty()) return {};
  size_t begin = text.size();  // after the loop: the newline before the first line kept
  for (int i = 0; i < lines; ++i) {
    size_t newline = begin == 0 ? std::string::npos : text.rfind('\n', begin - 1);
    if (newline == std::string::npos) return text;
    begin = newline;
  }
  return text.substr(begin + 1);
}

}  // namespace perfgate
