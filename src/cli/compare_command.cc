#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/report_output.h"
#include "cli/workspace.h"
#include "runner/compare_jobs.h"

namespace perfgate {

int CompareCommand(const CompareOptions& options) {
  if (!IsReportFormat(options.format)) {
    PrintError(InvalidInput("unknown format `" + options.format + "`", "--format",
                            "use terminal, markdown or json"));
    return kExitError;
  }
  auto workspace = OpenWorkspace(options.config, WithRepository::kNo);
  if (!workspace) return kExitError;
  auto base = FindJob(*workspace, options.base);
  if (!base) {
    PrintError(base.error().In("base " + options.base));
    return kExitError;
  }
  auto candidate = FindJob(*workspace, options.candidate);
  if (!candidate) {
    PrintError(candidate.error().In("candidate " + options.candidate));
    return kExitError;
  }
  auto compared = CompareJobs(workspace->config, workspace->config.scenarios, *workspace->store,
                              *base, *candidate, SystemClock().Now());
  if (!compared) {
    PrintError(compared.error());
    return kExitError;
  }
  PrintReport(*compared, workspace->config, options.format);
  return compared->comparison.HasRegression() && !options.no_fail ? kExitRegression : kExitOk;
}

}  // namespace perfgate
