#include "runner/interleaved_run.h"

#include <array>
#include <optional>

#include "analysis/comparison.h"
#include "analysis/look.h"
#include "base/logging.h"
#include "runner/scenario_run.h"

namespace perfgate {
namespace {

// One side of the pairs: its run in the store, prepared once, and its samples so far.
struct Side {
  Run run;
  std::optional<PreparedRun> prepared;
  std::vector<Sample> samples;
};

class InterleavedRun {
 public:
  InterleavedRun(const RunnerContext& context, const InterleavedRunRequest& request,
                 PrometheusClient& prometheus)
      : context_(context),
        request_(request),
        scenario_(*request.scenario),
        prometheus_(prometheus) {}

  Result<InterleavedOutcome> Run() {
    for (auto [side, commit] : {std::pair{RunSide::kBase, request_.base_commit},
                                std::pair{RunSide::kCandidate, request_.job->commit}}) {
      auto run = context_.store->CreateRun(request_.job->id, scenario_.name, commit, side,
                                           context_.clock->Now());
      if (!run) return Fail(run.error());
      (side == RunSide::kBase ? base_ : candidate_).run = std::move(*run);
    }
    for (Side* side : {&base_, &candidate_}) {
      auto prepared =
          PrepareRun(RunRequestFor(*context_.config, *request_.job, scenario_, side->run,
                                   request_.targets_dir, context_.interrupted),
                     *context_.repository, *context_.clock, *context_.progress);
      if (!prepared) return Fail(prepared.error());
      side->prepared.emplace(std::move(*prepared));
    }
    auto measured = MeasureWithLooks();
    if (!measured) return Fail(measured.error());
    for (Side* side : {&base_, &candidate_}) {
      auto finished =
          context_.store->FinishRun(side->run.id, RunState::kSucceeded, "", context_.clock->Now());
      if (!finished) return std::unexpected(finished.error());
    }
    outcome_.base = std::move(base_.samples);
    outcome_.candidate = std::move(candidate_.samples);
    return std::move(outcome_);
  }

 private:
  // `pairs` rounds, a look, and more rounds while the look asks for them.
  Result<void> MeasureWithLooks() {
    const double fdr = context_.config->analysis.fdr;
    const size_t max_pairs = static_cast<size_t>(scenario_.max_pairs);
    size_t planned = static_cast<size_t>(scenario_.pairs);
    auto level = FirstLookLevel(fdr, planned, max_pairs);
    if (!level) return std::unexpected(level.error());
    outcome_.level = *level;
    for (size_t measured = 0;;) {
      for (; measured < planned; ++measured) {
        if (auto pair = MeasurePair(measured, planned); !pair) return pair;
      }
      Comparison look = ComparePaired(base_.samples, candidate_.samples, {&scenario_, 1},
                                      AnalysisPolicy{.level = outcome_.level});
      auto next = NextLook(look, planned, max_pairs, fdr);
      if (!next) return std::unexpected(next.error());
      if (next->more_pairs == 0) return {};
      Logger("runner")->info("more pairs job={} scenario={} pairs={} inconclusive={} more={}",
                             request_.job->id, scenario_.name, planned,
                             look.Count(Verdict::kInconclusive), next->more_pairs);
      planned += next->more_pairs;
      outcome_.level = next->level;
    }
  }

  // Pair `index`: both sides' sessions, one window each, in a random order.
  Result<void> MeasurePair(size_t index, size_t planned) {
    bool base_first = ((*request_.random)() & 1) == 0;
    outcome_.orders.push_back(base_first ? "AB" : "BA");
    std::array<Side*, 2> order =
        base_first ? std::array{&base_, &candidate_} : std::array{&candidate_, &base_};
    SessionWindows window{
        .first = static_cast<int>(index), .count = 1, .total = static_cast<int>(planned)};
    for (Side* side : order) {
      auto samples =
          MeasureSession(*side->prepared, window, prometheus_, *context_.clock, *context_.progress);
      if (!samples) return std::unexpected(samples.error());
      if (auto added = context_.store->AddSamples(side->run.id, *samples); !added) {
        return std::unexpected(added.error());
      }
      side->samples.insert(side->samples.end(), samples->begin(), samples->end());
    }
    return {};
  }

  // Records the failure on both runs (those created) and passes it on.
  std::unexpected<Error> Fail(const Error& error) {
    for (const Side* side : {&base_, &candidate_}) {
      if (side->run.id == 0) continue;
      (void)context_.store->FinishRun(side->run.id, RunState::kFailed, error.ToString(),
                                      context_.clock->Now());
    }
    return std::unexpected(error);
  }

  const RunnerContext& context_;
  const InterleavedRunRequest& request_;
  const ScenarioConfig& scenario_;
  PrometheusClient& prometheus_;
  Side base_;
  Side candidate_;
  InterleavedOutcome outcome_;
};

}  // namespace

Result<InterleavedOutcome> RunInterleaved(const RunnerContext& context,
                                          const InterleavedRunRequest& request,
                                          PrometheusClient& prometheus) {
  return InterleavedRun(context, request, prometheus).Run();
}

}  // namespace perfgate
