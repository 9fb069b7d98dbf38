// A job as the command line names it: its id ("42"), or a commit (a full SHA or a prefix of
// one) standing for the newest succeeded job of that commit.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/error.h"
#include "store/job.h"

namespace perfgate {

// Lists jobs newest first: the store's ListJobs, or the API's.
using JobLister = std::function<Result<std::vector<Job>>(const JobFilter&)>;

// The id of the job `job_or_commit` names; `list` is asked only for a commit. NotFound when
// the commit has no succeeded job.
[[nodiscard]] Result<JobId> FindJobId(const std::string& job_or_commit, const JobLister& list);

}  // namespace perfgate
