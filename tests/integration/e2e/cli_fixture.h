// Runs the real perfgate binary against fixture repositories and configs, and checks that
// nothing it started is left behind.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "process/subprocess.h"
#include "support/git_repo.h"
#include "support/source_dir.h"
#include "support/temp_dir.h"

namespace perfgate::testing {

struct CliResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// The perfgate binary built with the tests (PERFGATE_BINARY, set by ctest).
std::string PerfgateBinary();

// Runs `perfgate args...` with a generous safety timeout; stdout and stderr kept apart.
// `env` is added to the inherited environment.
CliResult RunPerfgate(const std::vector<std::string>& args, const TempDir& scratch,
                      const std::map<std::string, std::string>& env = {});

// Starts `perfgate serve --config config` in the background, its output in
// ServeLogPath(scratch); `env` is added to the inherited environment. The caller waits for
// it to listen.
Result<Subprocess> StartPerfgateServe(const std::string& config, const TempDir& scratch,
                                      const std::map<std::string, std::string>& env);
// What a server StartPerfgateServe started in `scratch` printed.
std::string ServeLogPath(const TempDir& scratch);

// Processes whose working directory or command line mentions `dir`, as "pid: cmdline".
std::vector<std::string> ProcessesUsing(const std::string& dir);

// Entries of `dir` (empty when it does not exist).
std::vector<std::string> ListDir(const std::string& dir);

}  // namespace perfgate::testing
