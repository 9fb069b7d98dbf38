// Resolves the revisions of API requests and reads the subjects of the commits pages show, on
// the server's request threads, with one mirror handle behind a lock: the mirror is fetched
// only when a revision is not found (a push it has not seen yet), and a full SHA already found
// to be a commit of the repository is answered without running git, as is its subject once
// read, since a commit never changes. Names (branches, tags, short SHAs) go to git every time:
// they move.
// Thread-safety: every method may be called from any thread.
#pragma once

#include <cstddef>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/error.h"
#include "vcs/repository.h"

namespace perfgate {

class CommitResolver {
 public:
  // Enough for every commit a busy repository is asked about in a long while, and for the
  // subjects of a history page of tens of thousands of commits; each costs about two hundred
  // bytes with its subject.
  static constexpr size_t kDefaultKnownCommits = 50000;

  // Remembers up to `known_commits` SHAs (with their subjects once read), forgetting the
  // oldest first.
  explicit CommitResolver(Repository repository, size_t known_commits = kDefaultKnownCommits);

  // As Repository::Resolve, after one fetch when the mirror does not have the revision.
  [[nodiscard]] Result<std::string> Resolve(const std::string& rev);

  // The head commit of pull request `number` as the remote has it now: the mirror is fetched
  // first, since the ref moves with every push to the pull request. The mirror holds GitHub's
  // refs/pull/N/head like every other ref. NotFound for a pull request the remote lacks.
  [[nodiscard]] Result<std::string> PullRequestHead(int number);

  // The commits of `branch` along its first parents, newest first, at most `limit` (as
  // Repository::FirstParents): read again only when the branch has moved since the last call
  // (or `limit` changed), else from memory.
  [[nodiscard]] Result<std::vector<std::string>> FirstParents(const std::string& branch, int limit);

  // As Repository::Subjects, from memory for the commits whose subject was read before: the
  // mirror is asked, once for all of them, only about the others.
  [[nodiscard]] Result<std::map<std::string, std::string>> Subjects(
      const std::vector<std::string>& commits);

 private:
  bool Known(const std::string& rev);
  // Remembers that `sha` is a commit, with its subject when given.
  void Remember(const std::string& sha, std::optional<std::string> subject = std::nullopt);
  Result<std::string> ResolveInMirror(const std::string& rev);

  // Two locks, so that a known SHA is not kept waiting behind another request's git call.
  std::mutex mirror_mutex_;
  Repository repository_;
  std::mutex known_mutex_;
  size_t capacity_;
  // The last FirstParents answer, by the head it started from and its limit.
  struct FirstParentsRead {
    std::string head;
    int limit = 0;
    std::vector<std::string> commits;
  };
  FirstParentsRead first_parents_;  // under mirror_mutex_
  // Commits found, each with its subject once read.
  std::unordered_map<std::string, std::optional<std::string>> known_;
  std::deque<std::string> known_order_;  // oldest first
};

}  // namespace perfgate
