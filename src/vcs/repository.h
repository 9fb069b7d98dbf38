// The git side of a run: a local mirror of the repository under test, commits resolved and
// related in it, and a throwaway checkout (worktree) of one commit per run.
//
// Every git command runs through process/ with an argv (never a shell), a timeout and no
// terminal prompt. Revisions given by users are checked before git sees them, so that none
// can be taken for an option.
//
// Thread-safety: one Repository or Worktree is used by one thread at a time. Several objects
// (in one process or several) may share a mirror: cloning, fetching and adding or removing a
// worktree take a lock file beside it, and each worktree has its own folder.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/error.h"
#include "process/subprocess.h"

namespace perfgate {

// A detached checkout of one commit at `path`, removed (with what the run left in it) when the
// object dies: `git worktree remove --force`, then the folder if anything is left, then
// `git worktree prune` so that the mirror forgets it.
class Worktree {
 public:
  Worktree(Worktree&& other) noexcept;
  Worktree& operator=(Worktree&& other) noexcept;
  Worktree(const Worktree&) = delete;
  Worktree& operator=(const Worktree&) = delete;
  ~Worktree();

  const std::string& path() const { return path_; }      // absolute
  const std::string& commit() const { return commit_; }  // 40-hex SHA checked out

 private:
  friend class Repository;
  Worktree(std::string mirror_path, std::string path, std::string commit);
  void Remove();

  std::string mirror_path_;
  std::string path_;  // empty once moved from
  std::string commit_;
};

// A bare mirror (`git clone --mirror`: every branch, tag and pull request ref) of one
// repository URL, kept in a cache folder and reused across runs and restarts.
class Repository {
 public:
  // Opens the mirror of `url` (https://, ssh, file:// or a local path) in `cache_dir`, at
  // <cache_dir>/MirrorDirName(url), cloning it first when absent. Errors: a malformed URL
  // (InvalidInput), an unwritable cache (FailedPrecondition), a failed clone (Unavailable).
  [[nodiscard]] static Result<Repository> Open(const std::string& url,
                                               const std::string& cache_dir);

  // Brings the mirror up to date with the remote (`git fetch --prune`): new commits become
  // resolvable, deleted branches disappear. Errors: Unavailable.
  [[nodiscard]] Result<void> Fetch();

  // A branch, tag, short or full SHA (or any git revision naming a commit) -> its 40-hex SHA.
  // Errors: InvalidInput for an empty revision or one starting with '-'; NotFound when the
  // mirror does not have it (fetch, or check the spelling).
  [[nodiscard]] Result<std::string> Resolve(const std::string& rev);

  // The best common ancestor of two revisions. NotFound when they share no history.
  [[nodiscard]] Result<std::string> MergeBase(const std::string& a, const std::string& b);

  // Whether `ancestor` is `descendant` or one of its ancestors.
  [[nodiscard]] Result<bool> IsAncestor(const std::string& ancestor, const std::string& descendant);

  // `commit`, its first parent, that one's first parent... at most `limit` (>= 1) SHAs, newest
  // first: the history of a branch as its merges made it.
  [[nodiscard]] Result<std::vector<std::string>> FirstParents(const std::string& commit, int limit);

  // The first line of each commit's message, by full SHA; commits the mirror lacks are left
  // out. A few git processes for any number of commits (one per kSubjectsPerGit), so that a
  // page of thousands of commits does not start thousands. InvalidInput for an entry that is
  // not a full 40-hex SHA.
  [[nodiscard]] Result<std::map<std::string, std::string>> Subjects(
      const std::vector<std::string>& commits);
  static constexpr size_t kSubjectsPerGit = 1000;

  // Checks `commit` out (detached) into `path`, which must not exist yet; parents are created.
  [[nodiscard]] Result<Worktree> AddWorktree(const std::string& commit, const std::string& path);

  const std::string& url() const { return url_; }
  const std::string& mirror_path() const { return mirror_path_; }

 private:
  Repository(std::string url, std::string mirror_path)
      : url_(std::move(url)), mirror_path_(std::move(mirror_path)) {}

  // `git <args>` in the mirror: its stdout, or an error that names the repository.
  Result<std::string> Git(const std::vector<std::string>& args);
  // Resolves both revisions and runs `git merge-base <option> <a> <b>` (no option if empty).
  Result<CapturedRun> MergeBaseRun(const std::string& option, const std::string& a,
                                   const std::string& b);
  Error NotFoundError(const std::string& rev) const;
  // Errors from git quote its command and output, which may hold the URL: with a credential
  // in it, the copy in an error message must not.
  Error Redacted(Error error) const;

  std::string url_;
  std::string mirror_path_;
};

// The mirror's folder name: readable (the URL's last path segment) and unique (a hash of the
// whole URL), e.g. "boulder-3f2a9c01d4e5.git" for https://github.com/letsencrypt/boulder.git.
std::string MirrorDirName(const std::string& url);

}  // namespace perfgate
