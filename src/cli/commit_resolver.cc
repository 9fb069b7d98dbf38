#include "cli/commit_resolver.h"

#include <utility>

namespace perfgate {

CommitResolver::CommitResolver(Repository repository, size_t known_commits)
    : repository_(std::move(repository)), capacity_(known_commits) {}

Result<std::string> CommitResolver::Resolve(const std::string& rev) {
  // Only full SHAs that git printed are remembered, so a hit is exactly such a SHA.
  if (Known(rev)) return rev;
  Result<std::string> sha = ResolveInMirror(rev);
  if (sha) Remember(*sha);
  return sha;
}

Result<std::string> CommitResolver::PullRequestHead(int number) {
  std::lock_guard lock(mirror_mutex_);
  if (auto fetched = repository_.Fetch(); !fetched) return std::unexpected(fetched.error());
  Result<std::string> sha = repository_.Resolve("refs/pull/" + std::to_string(number) + "/head");
  if (sha) Remember(*sha);
  return sha;
}

Result<std::string> CommitResolver::Subject(const std::string& commit) {
  std::lock_guard lock(mirror_mutex_);
  return repository_.Subject(commit);
}

bool CommitResolver::Known(const std::string& rev) {
  std::lock_guard lock(known_mutex_);
  return known_.contains(rev);
}

void CommitResolver::Remember(const std::string& sha) {
  std::lock_guard lock(known_mutex_);
  if (capacity_ == 0 || !known_.insert(sha).second) return;
  known_order_.push_back(sha);
  if (known_order_.size() > capacity_) {
    known_.erase(known_order_.front());
    known_order_.pop_front();
  }
}

Result<std::string> CommitResolver::ResolveInMirror(const std::string& rev) {
  std::lock_guard lock(mirror_mutex_);
  auto known = repository_.Resolve(rev);
  if (known || known.error().kind != ErrorKind::kNotFound) return known;
  if (auto fetched = repository_.Fetch(); !fetched) return std::unexpected(fetched.error());
  return repository_.Resolve(rev);
}

}  // namespace perfgate
