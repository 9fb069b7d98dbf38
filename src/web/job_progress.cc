#include "web/job_progress.h"

#include <algorithm>

#include "store/job_plan.h"

namespace perfgate {
namespace {

// The runner's name for a measured window (runner/progress.h, PhaseName(Phase::kWindow)), as
// its journal writes it into the phase log.
constexpr std::string_view kWindowPhase = "window";

// The share of a window's configured duration that has passed, kept below 1: a window is
// done only once the phase log says so.
double RunningShare(const PhaseRecord& window, Duration duration, TimePoint now) {
  if (duration.count() <= 0) return 0;
  double share = std::chrono::duration<double>(now - window.started_at).count() /
                 std::chrono::duration<double>(duration).count();
  return std::clamp(share, 0.0, 0.99);
}

}  // namespace

JobProgress ProgressOf(const Job& job, std::span<const PhaseRecord> phases, const Config& config,
                       TimePoint now) {
  auto this_attempt = [&](const PhaseRecord& phase) {
    return !job.started_at || phase.started_at >= *job.started_at;
  };
  JobProgress progress;
  double running = 0;
  for (const ScenarioConfig* scenario : ScenariosOf(config, job)) {
    int repetitions_seen = 0;
    for (const PhaseRecord& phase : phases) {
      if (!this_attempt(phase) || phase.scenario != scenario->name || phase.phase != kWindowPhase) {
        continue;
      }
      repetitions_seen = std::max(repetitions_seen, phase.repetition + 1);
      if (phase.finished_at) {
        ++progress.windows_done;
      } else {
        running += RunningShare(phase, scenario->load.duration, now);
      }
    }
    progress.windows_planned += IsInterleaved(job, *scenario)
                                    ? 2 * std::max(scenario->pairs, repetitions_seen)
                                    : std::max(scenario->repetitions, repetitions_seen);
  }
  for (auto phase = phases.rbegin(); phase != phases.rend(); ++phase) {
    if (this_attempt(*phase) && !phase->finished_at) {
      progress.phase = PhaseLabel(*phase);
      break;
    }
  }
  if (progress.windows_planned > 0) {
    progress.fraction =
        std::clamp((progress.windows_done + running) / progress.windows_planned, 0.0, 1.0);
  }
  return progress;
}

Json ProgressToJson(const JobProgress& progress) {
  return Json{{"phase", progress.phase.empty() ? Json(nullptr) : Json(progress.phase)},
              {"windows_done", progress.windows_done},
              {"windows_planned", progress.windows_planned},
              {"fraction", progress.fraction}};
}

}  // namespace perfgate
