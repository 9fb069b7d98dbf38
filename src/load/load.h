// The load driver: runs the scenario's load command for one window and records exactly
// when the window began and ended.
#pragma once

#include <string>

#include "base/clock.h"
#include "base/error.h"
#include "config/config.h"
#include "config/template.h"

namespace perfgate {

// The wall-clock bounds [start, end] of one load window.
struct LoadWindow {
  TimePoint start;
  TimePoint end;
  Duration length() const { return std::chrono::duration_cast<Duration>(end - start); }
};

struct LoadRequest {
  const LoadConfig* load = nullptr;
  Duration duration{0};  // this window's length: load.warmup or load.duration
  std::string workdir;   // cwd of the load command
  std::string log_path;  // its stdout+stderr, appended
  TemplateVars vars;     // the run's vars; "rate" and "duration" are set here
};

// Runs the load command once with {{duration}} and {{rate}} set. start is taken just
// before the command starts, end just after it exits. A command that is still running at
// duration + max(10s, duration / 2) is killed and the window fails. A non-zero exit is
// FailedPrecondition quoting its exit status and the last 20 lines of its log.
[[nodiscard]] Result<LoadWindow> RunLoadWindow(const LoadRequest& request, Clock& clock);

// {{rate}} as the load command sees it: integer text when integral ("150"), else the
// shortest decimal ("12.5").
std::string FormatRate(double rate);

// How long a window of `duration` may run before it is killed: duration + max(10s, duration/2).
Duration LoadWindowTimeout(Duration duration);

}  // namespace perfgate
