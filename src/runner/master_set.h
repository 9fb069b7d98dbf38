// Which stored results a candidate commit is compared with (DESIGN.md: base, master set).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/error.h"
#include "store/store.h"
#include "vcs/repository.h"

namespace perfgate {

// The base of `commit`: its first parent when it is on the default branch already (a merged
// commit is compared with the one before it), else its merge-base with the default branch.
[[nodiscard]] Result<std::string> FindBaseCommit(Repository& repository, const std::string& commit,
                                                 const std::string& default_branch);

// How far back along the default branch's first parents a master set is looked for.
inline constexpr int kMasterSetSearchDepth = 500;

// The master set of `base_commit`: the newest succeeded baseline job of the base that ran one
// of `scenarios`, else of its nearest first-parent ancestor that has one. nullopt when no
// ancestor within kMasterSetSearchDepth has one.
[[nodiscard]] Result<std::optional<Job>> FindMasterSet(Repository& repository, JobStore& jobs,
                                                       const std::string& base_commit,
                                                       const std::vector<std::string>& scenarios);

}  // namespace perfgate
