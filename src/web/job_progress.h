// How far a running job is through its measured load windows, read from its phase log against
// what the config says the job measures: the queue's progress bars, in pages and in the API.
#pragma once

#include <span>
#include <string>

#include "config/config.h"
#include "store/job.h"
#include "store/queue.h"
#include "web/json_codec.h"

namespace perfgate {

struct JobProgress {
  std::string phase;        // the phase running now (PhaseLabel); empty when none is
  int windows_done = 0;     // measured windows that ended
  int windows_planned = 0;  // the windows the job measures, as far as known now
  double fraction = 0;      // in [0, 1]: the windows done and the running one's elapsed part
};

// Only the phases of the job's current attempt count (those from its started_at on): a job
// given back to the queue starts over. A scenario measured pair by pair plans two windows per
// pair, `pairs` of them until adaptive confirmation measures more (then the pairs seen); one
// measured alone plans `repetitions`. A running window counts by the part of its configured
// duration that has passed, never in full.
JobProgress ProgressOf(const Job& job, std::span<const PhaseRecord> phases, const Config& config,
                       TimePoint now);

// {"phase" (null when none runs), "windows_done", "windows_planned", "fraction"}
Json ProgressToJson(const JobProgress& progress);

}  // namespace perfgate
