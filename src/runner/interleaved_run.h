// The base and the candidate of one scenario measured pair by pair in one job (DESIGN.md:
// pair, comparison mode `interleaved`): both commits checked out and built once, then
// rounds of one window each, the base's and the candidate's sessions back to back in a
// random order, each with a fresh environment, the same warm-up and the same load. After
// `pairs` rounds the comparison looks at the pairs; while a series is inconclusive and
// `max_pairs` allows, more rounds follow (analysis/look.h spends the false-discovery level
// over the looks).
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "analysis/sample.h"
#include "base/error.h"
#include "config/config.h"
#include "prometheus/client.h"
#include "runner/job_runner.h"

namespace perfgate {

struct InterleavedRunRequest {
  const ScenarioConfig* scenario = nullptr;
  const Job* job = nullptr;
  std::string base_commit;
  std::string targets_dir;            // file_sd directory the Prometheus server reads
  std::mt19937_64* random = nullptr;  // draws each pair's order; seeded by the job
};

struct InterleavedOutcome {
  std::vector<Sample> base;  // every pair's window, repetition = pair index
  std::vector<Sample> candidate;
  std::vector<std::string> orders;  // per pair: "AB" (base first) or "BA"
  double level = 0;                 // the false-discovery level of the last look
};

// Measures the scenario for the job's base and candidate, stores both runs (the base's with
// side "base", the candidate's with side "candidate") and their samples. A failure fails
// both runs with the reason; nothing started is left running.
[[nodiscard]] Result<InterleavedOutcome> RunInterleaved(const RunnerContext& context,
                                                        const InterleavedRunRequest& request,
                                                        PrometheusClient& prometheus);

}  // namespace perfgate
