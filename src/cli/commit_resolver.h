// Resolves the revisions of API requests on the server's request threads, with one mirror
// handle behind a lock: the mirror is fetched only when a revision is not found (a push it
// has not seen yet), and a full SHA already found to be a commit of the repository is
// answered without running git, since a commit never changes. Names (branches, tags, short
// SHAs) go to git every time: they move.
// Thread-safety: Resolve() may be called from any thread.
#pragma once

#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_set>

#include "base/error.h"
#include "vcs/repository.h"

namespace perfgate {

class CommitResolver {
 public:
  // Enough for every commit a busy repository is asked about in a long while; each costs
  // about a hundred bytes.
  static constexpr size_t kDefaultKnownCommits = 10000;

  // Remembers up to `known_commits` SHAs, forgetting the oldest first.
  explicit CommitResolver(Repository repository, size_t known_commits = kDefaultKnownCommits);

  // As Repository::Resolve, after one fetch when the mirror does not have the revision.
  [[nodiscard]] Result<std::string> Resolve(const std::string& rev);

  // The head commit of pull request `number` as the remote has it now: the mirror is fetched
  // first, since the ref moves with every push to the pull request. The mirror holds GitHub's
  // refs/pull/N/head like every other ref. NotFound for a pull request the remote lacks.
  [[nodiscard]] Result<std::string> PullRequestHead(int number);

  // As Repository::Subject: the first line of the commit's message, from the mirror as it is.
  [[nodiscard]] Result<std::string> Subject(const std::string& commit);

 private:
  bool Known(const std::string& rev);
  void Remember(const std::string& sha);
  Result<std::string> ResolveInMirror(const std::string& rev);

  // Two locks, so that a known SHA is not kept waiting behind another request's git call.
  std::mutex mirror_mutex_;
  Repository repository_;
  std::mutex known_mutex_;
  size_t capacity_;
  std::unordered_set<std::string> known_;
  std::deque<std::string> known_order_;  // oldest first
};

}  // namespace perfgate
