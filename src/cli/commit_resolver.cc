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

Result<std::vector<std::string>> CommitResolver::FirstParents(const std::string& branch,
                                                              int limit) {
  Result<std::string> head = Resolve(branch);
  if (!head) return std::unexpected(head.error());
  std::lock_guard lock(mirror_mutex_);
  if (first_parents_.head != *head || first_parents_.limit != limit) {
    Result<std::vector<std::string>> commits = repository_.FirstParents(*head, limit);
    if (!commits) return std::unexpected(commits.error());
    first_parents_ = {*head, limit, std::move(*commits)};
  }
  return first_parents_.commits;
}

Result<std::map<std::string, std::string>> CommitResolver::Subjects(
    const std::vector<std::string>& commits) {
  std::map<std::string, std::string> subjects;
  std::vector<std::string> unread;
  {
    std::lock_guard lock(known_mutex_);
    for (const std::string& commit : commits) {
      auto known = known_.find(commit);
      if (known != known_.end() && known->second) {
        subjects.emplace(commit, *known->second);
      } else {
        unread.push_back(commit);
      }
    }
  }
  if (unread.empty()) return subjects;
  Result<std::map<std::string, std::string>> read;
  {
    std::lock_guard lock(mirror_mutex_);
    read = repository_.Subjects(unread);
  }
  if (!read) return std::unexpected(read.error());
  for (auto& [commit, subject] : *read) {
    Remember(commit, subject);
    subjects.emplace(commit, std::move(subject));
  }
  return subjects;
}

bool CommitResolver::Known(const std::string& rev) {
  std::lock_guard lock(known_mutex_);
  return known_.contains(rev);
}

void CommitResolver::Remember(const std::string& sha, std::optional<std::string> subject) {
  std::lock_guard lock(known_mutex_);
  if (capacity_ == 0) return;
  auto [entry, added] = known_.try_emplace(sha, std::nullopt);
  if (subject) entry->second = std::move(subject);
  if (!added) return;
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
