#include "store/job.h"

#include <algorithm>
#include <array>
#include <utility>

#include "store/queue.h"

namespace perfgate {
namespace {

// One table per enum, so that a name and its parse can never disagree.
template <typename Enum, size_t N>
using NameTable = std::array<std::pair<Enum, const char*>, N>;

constexpr NameTable<JobKind, 3> kJobKinds = {{
    {JobKind::kBaseline, "baseline"},
    {JobKind::kTest, "test"},
    {JobKind::kExperiment, "experiment"},
}};

constexpr NameTable<JobState, 5> kJobStates = {{
    {JobState::kQueued, "queued"},
    {JobState::kRunning, "running"},
    {JobState::kSucceeded, "succeeded"},
    {JobState::kFailed, "failed"},
    {JobState::kCancelled, "cancelled"},
}};

constexpr NameTable<RunState, 3> kRunStates = {{
    {RunState::kRunning, "running"},
    {RunState::kSucceeded, "succeeded"},
    {RunState::kFailed, "failed"},
}};

constexpr NameTable<RunSide, 3> kRunSides = {{
    {RunSide::kSingle, "single"},
    {RunSide::kBase, "base"},
    {RunSide::kCandidate, "candidate"},
}};

constexpr NameTable<OutboxKind, 3> kOutboxKinds = {{
    {OutboxKind::kGithubStatus, "github_status"},
    {OutboxKind::kGithubComment, "github_comment"},
    {OutboxKind::kAlert, "alert"},
}};

template <typename Enum, size_t N>
const char* NameOf(const NameTable<Enum, N>& table, Enum value) {
  for (const auto& [candidate, name] : table) {
    if (candidate == value) return name;
  }
  return "unknown";
}

template <typename Enum, size_t N>
std::optional<Enum> Parse(const NameTable<Enum, N>& table, std::string_view text) {
  for (const auto& [value, name] : table) {
    if (text == name) return value;
  }
  return std::nullopt;
}

}  // namespace

const char* JobKindName(JobKind kind) { return NameOf(kJobKinds, kind); }
const char* JobStateName(JobState state) { return NameOf(kJobStates, state); }
const char* RunStateName(RunState state) { return NameOf(kRunStates, state); }
const char* RunSideName(RunSide side) { return NameOf(kRunSides, side); }
const char* OutboxKindName(OutboxKind kind) { return NameOf(kOutboxKinds, kind); }

std::optional<JobKind> ParseJobKind(std::string_view name) { return Parse(kJobKinds, name); }
std::optional<JobState> ParseJobState(std::string_view name) { return Parse(kJobStates, name); }
std::optional<RunState> ParseRunState(std::string_view name) { return Parse(kRunStates, name); }
std::optional<RunSide> ParseRunSide(std::string_view name) { return Parse(kRunSides, name); }
std::optional<OutboxKind> ParseOutboxKind(std::string_view name) {
  return Parse(kOutboxKinds, name);
}

std::string PhaseLabel(const PhaseRecord& phase) {
  std::string label = phase.scenario.empty() ? phase.phase : phase.scenario + " " + phase.phase;
  if (phase.repetition >= 0) label += " " + std::to_string(phase.repetition + 1);
  return label;
}

bool JobMeasures(const Job& job, const std::string& scenario) {
  return job.scenarios.empty() || std::ranges::find(job.scenarios, scenario) != job.scenarios.end();
}

}  // namespace perfgate
