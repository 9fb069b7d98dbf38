#include <filesystem>
#include <utility>

#include "base/logging.h"
#include "vcs/git.h"
#include "vcs/mirror_lock.h"
#include "vcs/repository.h"

namespace perfgate {

Worktree::Worktree(std::string mirror_path, std::string path, std::string commit)
    : mirror_path_(std::move(mirror_path)), path_(std::move(path)), commit_(std::move(commit)) {}

Worktree::Worktree(Worktree&& other) noexcept
    : mirror_path_(std::move(other.mirror_path_)),
      path_(std::exchange(other.path_, {})),
      commit_(std::move(other.commit_)) {}

Worktree& Worktree::operator=(Worktree&& other) noexcept {
  if (this != &other) {
    Remove();
    mirror_path_ = std::move(other.mirror_path_);
    path_ = std::exchange(other.path_, {});
    commit_ = std::move(other.commit_);
  }
  return *this;
}

Worktree::~Worktree() { Remove(); }

void Worktree::Remove() {
  if (path_.empty()) return;
  // Each step is best effort and the next one covers its failure: a folder git could not
  // remove is deleted by hand, and prune then drops git's record of it.
  auto log = Logger("vcs");
  // Under the mirror's lock, as Repository::AddWorktree adds them. Without it the removal
  // still goes ahead: a stale record is what prune is for.
  Result<MirrorLock> lock = MirrorLock::Acquire(mirror_path_);
  if (!lock)
    log->warn("worktree removed unlocked path={} error={}", path_, lock.error().ToString());
  Result<void> removed = RunToCompletion(
      GitCommand(mirror_path_, {"worktree", "remove", "--force", "--", path_}), kGitLocalTimeout);
  if (!removed) {
    log->warn("worktree remove failed path={} error={}", path_, removed.error().ToString());
  }
  std::error_code error;
  std::filesystem::remove_all(path_, error);
  if (error) log->warn("worktree folder not removed path={} error={}", path_, error.message());
  Result<void> pruned =
      RunToCompletion(GitCommand(mirror_path_, {"worktree", "prune"}), kGitLocalTimeout);
  if (!pruned)
    log->warn("worktree prune failed mirror={} error={}", mirror_path_, pruned.error().ToString());
  path_.clear();
}

}  // namespace perfgate
