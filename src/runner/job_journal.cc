#include "runner/job_journal.h"

#include "base/logging.h"

namespace perfgate {

JobJournal::JobJournal(JobId job, PhaseLog& phases, JobLog& log, ProgressListener* next)
    : job_(job), phases_(phases), log_(log), next_(next) {}

void JobJournal::PhaseStarted(const PhaseEvent& event) {
  log_.Line(event.at, DescribePhase(event) + " started");
  auto id =
      phases_.StartPhase(job_, event.scenario, PhaseName(event.phase), event.repetition, event.at);
  if (id) {
    std::lock_guard lock(mutex_);
    open_[{event.scenario, event.phase, event.repetition}] = *id;
  } else {
    // The job goes on: its phase log is a record, not a precondition of measuring.
    Logger("runner")->warn("phase not recorded job={} error={}", job_, id.error().ToString());
  }
  if (next_) next_->PhaseStarted(event);
}

void JobJournal::PhaseFinished(const PhaseEvent& event, const Error* error) {
  log_.Pump();
  log_.Line(event.at, DescribePhase(event) + (error ? " failed: " + error->ToString() : " done"));
  std::optional<int64_t> id;
  {
    std::lock_guard lock(mutex_);
    auto found = open_.find({event.scenario, event.phase, event.repetition});
    if (found != open_.end()) {
      id = found->second;
      open_.erase(found);
    }
  }
  if (id) {
    if (auto finished = phases_.FinishPhase(*id, error ? error->ToString() : "", event.at);
        !finished) {
      Logger("runner")->warn("phase end not recorded job={} error={}", job_,
                             finished.error().ToString());
    }
  }
  if (next_) next_->PhaseFinished(event, error);
}

}  // namespace perfgate
