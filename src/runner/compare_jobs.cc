#include "runner/compare_jobs.h"

namespace perfgate {

Result<StoredComparison> CompareJobs(const Config& config,
                                     std::span<const ScenarioConfig> scenarios,
                                     ResultStore& results, const Job& base, const Job& candidate,
                                     TimePoint now) {
  auto base_samples = results.LoadSamples(base.id);
  if (!base_samples) return std::unexpected(base_samples.error());
  auto candidate_samples = results.LoadSamples(candidate.id);
  if (!candidate_samples) return std::unexpected(candidate_samples.error());
  StoredComparison stored;
  stored.base_job = base.id;
  stored.candidate_job = candidate.id;
  stored.base_commit = base.commit;
  stored.candidate_commit = candidate.commit;
  stored.created_at = now;
  stored.comparison = CompareUnpaired(*base_samples, *candidate_samples, scenarios,
                                      AnalysisPolicy{.level = config.analysis.fdr});
  return stored;
}

}  // namespace perfgate
