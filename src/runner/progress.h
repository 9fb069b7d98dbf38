// What the runner tells whoever watches a job: phases as they start and end, and the load
// windows with their planned length (so a watcher can draw a progress bar through them).
//
// Thread-safety: the runner calls a listener from the thread that runs the job only.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "base/clock.h"
#include "base/error.h"

namespace perfgate {

// The phases of one run, in order (DESIGN.md's data flow), then the job-wide ones. `ready`
// is one service's wait for its ready probe, inside `up` (a service starts only once the one
// before it is ready).
enum class Phase {
  kCheckout,
  kBuild,
  kUp,
  kReady,
  kWarmup,
  kWindow,
  kQueries,
  kDown,
  kCompare,
  kReport
};

const char* PhaseName(Phase phase);  // "checkout", "build", "up", "ready", "warm-up", ...

struct PhaseEvent {
  std::string scenario;  // empty for job-wide phases (compare)
  std::string side;      // "base" or "candidate" in an interleaved run; else empty
  Phase phase = Phase::kCheckout;
  int repetition = -1;  // kWindow and kQueries: 0-based; else -1
  int repetitions = 0;  // kWindow and kQueries: the run's total
  std::string service;  // kReady: the service waited for
  Duration planned{0};  // kWarmup and kWindow: the configured length
  TimePoint at;         // when the phase started or ended
};

// "http-api window 2/5", "http-api base window 2/5", "http-api ready api", "compare": how a
// phase is named in output.
std::string DescribePhase(const PhaseEvent& event);

class ProgressListener {
 public:
  virtual ~ProgressListener() = default;
  virtual void PhaseStarted(const PhaseEvent& event) = 0;
  // `error` is null when the phase succeeded.
  virtual void PhaseFinished(const PhaseEvent& event, const Error* error) = 0;
};

// Reports a phase's start and end to the listener, whatever the way out of the scope.
class PhaseScope {
 public:
  PhaseScope(ProgressListener& progress, Clock& clock, PhaseEvent event)
      : progress_(progress), clock_(clock), event_(std::move(event)) {
    event_.at = clock_.Now();
    progress_.PhaseStarted(event_);
  }
  ~PhaseScope() {
    event_.at = clock_.Now();
    progress_.PhaseFinished(event_, error_ ? &*error_ : nullptr);
  }
  PhaseScope(const PhaseScope&) = delete;
  PhaseScope& operator=(const PhaseScope&) = delete;

  // Passes a result through, remembering its error for the end-of-phase report.
  template <typename T>
  Result<T> Check(Result<T> result) {
    if (!result) error_ = result.error();
    return result;
  }

 private:
  ProgressListener& progress_;
  Clock& clock_;
  PhaseEvent event_;
  std::optional<Error> error_;
};

}  // namespace perfgate
