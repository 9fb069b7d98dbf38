#include "cli/terminal_progress.h"

#include <fmt/format.h>

#include <algorithm>

namespace perfgate {
namespace {

constexpr int kBarWidth = 24;
constexpr auto kRedrawInterval = std::chrono::milliseconds(200);

double Seconds(Duration duration) { return static_cast<double>(duration.count()) / 1000.0; }

Duration Since(TimePoint start, TimePoint now) {
  return std::chrono::duration_cast<Duration>(now - start);
}

}  // namespace

TerminalProgress::TerminalProgress(std::FILE* out, bool interactive, Clock& clock)
    : out_(out), interactive_(interactive), clock_(clock), job_start_(clock.Now()) {
  if (interactive_) ticker_ = std::thread([this] { Tick(); });
}

TerminalProgress::~TerminalProgress() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
    if (interactive_) ClearLineLocked();
  }
  wake_.notify_all();
  if (ticker_.joinable()) ticker_.join();
}

void TerminalProgress::PhaseStarted(const PhaseEvent& event) {
  std::lock_guard lock(mutex_);
  current_ = event;
  if (interactive_) DrawLocked();
}

void TerminalProgress::PhaseFinished(const PhaseEvent& event, const Error* error) {
  std::lock_guard lock(mutex_);
  if (interactive_) ClearLineLocked();
  double elapsed = Seconds(Since(job_start_, event.at));
  double took = current_ ? Seconds(Since(current_->at, event.at)) : 0;
  fmt::print(out_, "[{:7.1f}s] {} {} ({:.1f}s)\n", elapsed, DescribePhase(event),
             error ? "failed" : "done", took);
  std::fflush(out_);
  current_.reset();
}

void TerminalProgress::Tick() {
  std::unique_lock lock(mutex_);
  while (!stop_) {
    wake_.wait_for(lock, kRedrawInterval);
    if (!stop_ && current_) DrawLocked();
  }
}

void TerminalProgress::DrawLocked() {
  const PhaseEvent& event = *current_;
  TimePoint now = clock_.Now();
  double elapsed = Seconds(Since(event.at, now));
  std::string line =
      fmt::format("[{:7.1f}s] {}", Seconds(Since(job_start_, now)), DescribePhase(event));
  if (event.planned.count() > 0) {
    double fraction = std::clamp(elapsed / Seconds(event.planned), 0.0, 1.0);
    int filled = static_cast<int>(fraction * kBarWidth);
    line += fmt::format(" [{}{}] {:.1f}s/{:.0f}s", std::string(filled, '#'),
                        std::string(kBarWidth - filled, '.'), elapsed, Seconds(event.planned));
  } else {
    line += fmt::format(" {:.1f}s", elapsed);
  }
  fmt::print(out_, "\r\x1b[2K{}", line);
  std::fflush(out_);
}

void TerminalProgress::ClearLineLocked() {
  fmt::print(out_, "\r\x1b[2K");
  std::fflush(out_);
}

}  // namespace perfgate
