#include "runner/master_set.h"

namespace perfgate {

Result<std::string> FindBaseCommit(Repository& repository, const std::string& commit,
                                   const std::string& default_branch) {
  auto tip = repository.Resolve(default_branch);
  if (!tip) return std::unexpected(tip.error().In("default branch"));
  auto on_default_branch = repository.IsAncestor(commit, *tip);
  if (!on_default_branch) return std::unexpected(on_default_branch.error());
  if (!*on_default_branch) return repository.MergeBase(commit, *tip);
  auto parents = repository.FirstParents(commit, 2);
  if (!parents) return std::unexpected(parents.error());
  if (parents->size() < 2) {
    return std::unexpected(FailedPrecondition(
        "commit " + commit + " is the first commit of " + default_branch + ": it has no base",
        repository.url(), "measure it as a baseline (--baseline) instead of comparing it"));
  }
  return (*parents)[1];
}

Result<std::optional<Job>> FindMasterSet(Repository& repository, JobStore& jobs,
                                         const std::string& base_commit,
                                         const std::vector<std::string>& scenarios) {
  auto ancestors = repository.FirstParents(base_commit, kMasterSetSearchDepth);
  if (!ancestors) return std::unexpected(ancestors.error());
  for (const std::string& ancestor : *ancestors) {
    for (const std::string& scenario : scenarios) {
      auto job = jobs.FindBaselineJob(ancestor, scenario);
      if (!job) return std::unexpected(job.error());
      if (*job) return *job;
    }
  }
  return std::nullopt;
}

}  // namespace perfgate
