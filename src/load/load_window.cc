// The `command` load driver: one run of the configured load tool is one load window.

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <system_error>

#include "base/duration.h"
#include "base/logging.h"
#include "load/load.h"
#include "process/subprocess.h"

namespace perfgate {
namespace {

// A load tool should stop on its own at `duration`; this much slack covers its start-up and
// the draining of in-flight requests before it is declared stuck.
constexpr Duration kMinimumSlack = std::chrono::seconds(10);

std::string LogTail(const std::string& log_path) {
  if (log_path.empty()) return "";
  std::string tail = TailOfFile(log_path, 20);
  if (tail.empty()) return "\n(" + log_path + " is empty)";
  return "\nlast lines of " + log_path + ":\n" + tail;
}

}  // namespace

std::string FormatRate(double rate) {
  // Tools parse "200" where some reject "200.0" or "2e2": integral rates print as integers.
  if (std::isfinite(rate) && rate == std::floor(rate) && std::fabs(rate) < 1e15) {
    return std::to_string(static_cast<long long>(rate));
  }
  char text[64];
  auto [end, error] = std::to_chars(text, text + sizeof(text), rate, std::chars_format::fixed);
  if (error != std::errc()) return std::to_string(rate);
  return std::string(text, end);
}

Duration LoadWindowTimeout(Duration duration) {
  return duration + std::max(kMinimumSlack, duration / 2);
}

Result<LoadWindow> RunLoadWindow(const LoadRequest& request, Clock& clock) {
  if (request.load == nullptr) {
    return std::unexpected(Internal("RunLoadWindow called without a load config"));
  }
  TemplateVars vars = request.vars;
  vars["rate"] = FormatRate(request.load->rate);
  vars["duration"] = FormatDuration(request.duration);
  auto argv = ExpandArgv(request.load->command, vars);
  if (!argv) return std::unexpected(argv.error().In("load.command"));
  const std::string where = "load command (" + FormatCommand(*argv) + ")";

  if (!request.log_path.empty()) {
    std::error_code ignored;  // a missing directory is reported by Start, naming the log file
    std::filesystem::create_directories(std::filesystem::path(request.log_path).parent_path(),
                                        ignored);
  }
  ProcessSpec spec{.argv = *argv, .cwd = request.workdir, .log_path = request.log_path};
  const Duration timeout = LoadWindowTimeout(request.duration);
  auto log = Logger("load");
  log->info("load window started duration={} rate={} argv=\"{}\"", vars["duration"], vars["rate"],
            FormatCommand(*argv));

  const TimePoint start = clock.Now();
  auto process = Subprocess::Start(spec);
  if (!process) return std::unexpected(process.error().In(where));
  std::optional<ExitStatus> status = process->Wait(timeout);
  const TimePoint end = clock.Now();

  if (!status) {
    process->Terminate();
    return std::unexpected(Unavailable(
        "the load command was still running " + FormatDuration(timeout) +
            " after it started (window " + FormatDuration(request.duration) + ") and was killed" +
            LogTail(request.log_path),
        where,
        "make the load tool stop on its own after {{duration}} (pass it in the command), or "
        "check whether the system under test stopped answering"));
  }
  if (!status->ok()) {
    return std::unexpected(FailedPrecondition(
        "the load command failed with " + status->ToString() + LogTail(request.log_path), where,
        "run the command by hand against the environment; see its log for the cause"));
  }
  LoadWindow window{.start = start, .end = end};
  log->info("load window finished length={}", FormatDuration(window.length()));
  return window;
}

}  // namespace perfgate
