// jobs: the newest jobs of a store or a server, one line each.
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/job_printing.h"

namespace perfgate {

int JobsCommand(const JobsOptions& options) {
  JobFilter filter;
  filter.limit = options.limit;
  if (!options.state.empty()) {
    filter.state = ParseJobState(options.state);
    if (!filter.state) {
      PrintError(InvalidInput("unknown state `" + options.state + "`", "--state",
                              "use queued, running, succeeded, failed or cancelled"));
      return kExitError;
    }
  }
  if (!options.kind.empty()) {
    filter.kind = ParseJobKind(options.kind);
    if (!filter.kind) {
      PrintError(InvalidInput("unknown kind `" + options.kind + "`", "--kind",
                              "use baseline, test or experiment"));
      return kExitError;
    }
  }
  std::unique_ptr<JobAccess> access = OpenJobAccess(options.source, WithRepository::kNo);
  if (!access) return kExitError;
  auto jobs = access->ListJobs(filter);
  if (!jobs) {
    PrintError(jobs.error());
    return kExitError;
  }
  PrintJobTable(*jobs);
  return kExitOk;
}

}  // namespace perfgate
