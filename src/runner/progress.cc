#include "runner/progress.h"

#include <fmt/format.h>

namespace perfgate {

const char* PhaseName(Phase phase) {
  switch (phase) {
    case Phase::kCheckout:
      return "checkout";
    case Phase::kBuild:
      return "build";
    case Phase::kUp:
      return "up";
    case Phase::kReady:
      return "ready";
    case Phase::kWarmup:
      return "warm-up";
    case Phase::kWindow:
      return "window";
    case Phase::kQueries:
      return "queries";
    case Phase::kDown:
      return "down";
    case Phase::kCompare:
      return "compare";
    case Phase::kReport:
      return "report";
  }
  return "unknown";
}

std::string DescribePhase(const PhaseEvent& event) {
  std::string text = event.scenario.empty() ? "" : event.scenario + " ";
  if (!event.side.empty()) text += event.side + " ";
  text += PhaseName(event.phase);
  if (!event.service.empty()) text += " " + event.service;
  if (event.repetition >= 0) {
    text += fmt::format(" {}/{}", event.repetition + 1, event.repetitions);
  }
  return text;
}

}  // namespace perfgate
