// The pipeline of one job: every scenario's run, the results stored, and for a candidate
// the comparison with its master set.
#pragma once

#include <atomic>
#include <optional>
#include <string>

#include "base/clock.h"
#include "base/error.h"
#include "config/config.h"
#include "http/http_client.h"
#include "runner/progress.h"
#include "store/store.h"
#include "vcs/repository.h"

namespace perfgate {

// The parts a job runs with; all must outlive the call.
struct RunnerContext {
  const Config* config = nullptr;
  Store* store = nullptr;
  Repository* repository = nullptr;  // fetched already
  HttpClient* http = nullptr;
  Clock* clock = nullptr;
  ProgressListener* progress = nullptr;
  // Set when the user asked to stop (Ctrl-C): the job ends as soon as the phase in progress
  // fails or finishes, and is recorded as cancelled. May be null.
  const std::atomic<bool>* interrupted = nullptr;
  // Set by a queue worker: a candidate whose stored scenarios have no master set yet asks for
  // a baseline job of its base first (JobOutcome::needs_first) instead of being measured.
  bool may_wait = false;
};

struct JobOutcome {
  Job job;                                     // as finished in the store
  std::optional<StoredComparison> comparison;  // candidates compared with a master set
  std::string no_comparison_reason;            // why there is none, for a candidate
  // A job to queue and wait for before this one: nothing was measured. Only with may_wait,
  // and only once per job (not when the job waited before).
  std::optional<JobRequest> needs_first;
};

// Runs every scenario of `job`, which is already running (whoever claimed it), stores its
// runs and samples and, for a candidate, the comparison: pair by pair with its base for
// interleaved scenarios, with the master set of its base for stored ones (without a master
// set the outcome has no comparison of those, and says why). Leaves the job's state alone.
[[nodiscard]] Result<JobOutcome> ExecuteJob(const RunnerContext& context, const Job& job);

// How a job that ended with `outcome` is recorded: succeeded; cancelled when it was
// interrupted; else failed with the error as its reason.
struct JobEnd {
  JobState state = JobState::kSucceeded;
  std::string reason;
};
JobEnd EndOfJob(const Result<JobOutcome>& outcome, bool interrupted);

// Runs the queued job `id` to the end and records it in the store: succeeded with its
// samples (and comparison), or failed with the reason. The error returned is that reason;
// either way nothing the job started is left running.
[[nodiscard]] Result<JobOutcome> RunJob(const RunnerContext& context, JobId id);

}  // namespace perfgate
