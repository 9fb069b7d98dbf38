// perfgate's command line: parses argv, runs one subcommand, returns the exit code.
#pragma once

namespace perfgate {

// Exit codes shared by every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitRegression = 1;  // also: check-config found errors
inline constexpr int kExitError = 2;

int RunCli(int argc, char** argv);

}  // namespace perfgate
