// Keeps the record of a job as it runs: each phase in the store's phase log and as a line of
// the job's combined log, then passes the event on (to a terminal, say).
#pragma once

#include <map>
#include <mutex>
#include <tuple>

#include "runner/job_log.h"
#include "runner/progress.h"
#include "store/queue.h"

namespace perfgate {

class JobJournal final : public ProgressListener {
 public:
  // `next` may be null. All must outlive the journal.
  JobJournal(JobId job, PhaseLog& phases, JobLog& log, ProgressListener* next);

  void PhaseStarted(const PhaseEvent& event) override;
  void PhaseFinished(const PhaseEvent& event, const Error* error) override;

 private:
  using PhaseKey = std::tuple<std::string, Phase, int>;

  JobId job_;
  PhaseLog& phases_;
  JobLog& log_;
  ProgressListener* next_;
  std::mutex mutex_;
  std::map<PhaseKey, int64_t> open_;  // phase -> its row in the phase log
};

}  // namespace perfgate
