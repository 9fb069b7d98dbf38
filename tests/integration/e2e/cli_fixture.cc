#include "integration/e2e/cli_fixture.h"

#include <dirent.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "process/subprocess.h"

namespace perfgate::testing {
namespace {

// A full perfgate job of a real service takes about a minute here; this only stops a hang.
constexpr Duration kCliTimeout = std::chrono::minutes(8);

std::string EnvOr(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value && *value ? value : fallback;
}

}  // namespace

std::string PerfgateBinary() { return EnvOr("PERFGATE_BINARY", "build/perfgate"); }

Result<Subprocess> StartPerfgateServe(const std::string& config, const TempDir& scratch,
                                      const std::map<std::string, std::string>& env) {
  ProcessSpec spec;
  spec.argv = {PerfgateBinary(), "serve", "--config", config};
  spec.env = env;
  spec.log_path = ServeLogPath(scratch);
  return Subprocess::Start(spec);
}

std::string ServeLogPath(const TempDir& scratch) { return scratch.Path("serve.log"); }

CliResult RunPerfgate(const std::vector<std::string>& args, const TempDir& scratch,
                      const std::map<std::string, std::string>& env) {
  static int counter = 0;
  std::string stem = scratch.Path("cli-" + std::to_string(++counter));
  ProcessSpec spec;
  spec.argv = {PerfgateBinary()};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.stdout_path = stem + ".out";
  spec.log_path = stem + ".err";
  spec.env = env;
  CliResult result;
  auto process = Subprocess::Start(spec);
  if (!process) {
    ADD_FAILURE() << process.error().ToString();
    return result;
  }
  std::optional<ExitStatus> status = process->Wait(kCliTimeout);
  if (!status) {
    ADD_FAILURE() << "perfgate did not finish within the safety timeout";
    status = process->Terminate();
  }
  result.exit_code = status->signal ? 128 + status->signal : status->code;
  result.out = ReadFile(spec.stdout_path);
  result.err = ReadFile(spec.log_path);
  return result;
}

std::vector<std::string> ProcessesUsing(const std::string& dir) {
  std::vector<std::string> found;
  std::unique_ptr<DIR, int (*)(DIR*)> proc(opendir("/proc"), closedir);
  if (!proc) return found;
  std::string self = std::to_string(getpid());
  while (dirent* entry = readdir(proc.get())) {
    std::string pid = entry->d_name;
    if (pid.empty() || !std::ranges::all_of(pid, ::isdigit) || pid == self) continue;
    std::error_code ignored;
    std::string cwd = std::filesystem::read_symlink("/proc/" + pid + "/cwd", ignored).string();
    std::string cmdline = ReadFile("/proc/" + pid + "/cmdline");
    std::ranges::replace(cmdline, '\0', ' ');
    if (cmdline.empty()) continue;  // a zombie or a kernel thread
    if (cwd.starts_with(dir) || cmdline.find(dir) != std::string::npos) {
      found.push_back(pid + ": " + cmdline);
    }
  }
  return found;
}

std::vector<std::string> ListDir(const std::string& dir) {
  std::vector<std::string> names;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    names.push_back(entry.path().filename().string());
  }
  return names;
}

}  // namespace perfgate::testing
