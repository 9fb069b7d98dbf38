#include <cstdio>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/workspace.h"
#include "config/config.h"

namespace perfgate {

int CheckConfigCommand(const std::string& path) {
  auto config = LoadConfigFile(path);
  if (!config) {
    std::fprintf(stderr, "%s", config.error().ToString().c_str());
    return kExitRegression;  // like promtool: 1 means "the file has errors"
  }
  std::printf("%s\n", ConfigSummary(*config).c_str());
  PrintConfigCautions(path, *config);
  return kExitOk;
}

}  // namespace perfgate
