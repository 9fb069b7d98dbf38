// How the job commands print jobs for people, the same whether the store or a server gave
// them: `perfgate show`'s account of one job and `perfgate jobs`' table.
#pragma once

#include <vector>

#include "cli/job_access.h"

namespace perfgate {

// The job's fields, every phase with its duration, and the comparison's summary.
void PrintJobView(const JobView& view);

// A header, then one line per job in the order given.
void PrintJobTable(const std::vector<Job>& jobs);

}  // namespace perfgate
