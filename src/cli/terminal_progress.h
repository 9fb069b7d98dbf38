// Shows a job's progress on stderr: on a terminal, one status line redrawn in place with a
// bar through each load window; otherwise (CI logs, pipes) one plain line per phase end.
//
// Thread-safety: PhaseStarted/PhaseFinished come from the job's thread; a ticker thread
// redraws the status line on a terminal. Both take the same mutex.
#pragma once

#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <optional>
#include <thread>

#include "runner/progress.h"

namespace perfgate {

class TerminalProgress final : public ProgressListener {
 public:
  // `interactive`: draw a live status line (stderr is a terminal).
  TerminalProgress(std::FILE* out, bool interactive, Clock& clock);
  ~TerminalProgress() override;

  void PhaseStarted(const PhaseEvent& event) override;
  void PhaseFinished(const PhaseEvent& event, const Error* error) override;

 private:
  void Tick();
  void DrawLocked();
  void ClearLineLocked();

  std::FILE* out_;
  bool interactive_;
  Clock& clock_;
  TimePoint job_start_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::optional<PhaseEvent> current_;
  std::thread ticker_;
};

}  // namespace perfgate
