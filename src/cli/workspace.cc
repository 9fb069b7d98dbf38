#include "cli/workspace.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "base/logging.h"

namespace perfgate {
namespace {

bool IsJobId(const std::string& text) {
  // Commits are written with at least 7 hex digits; shorter all-digit words are job ids.
  return !text.empty() && text.size() < 7 &&
         std::ranges::all_of(text, [](unsigned char c) { return std::isdigit(c); });
}

}  // namespace

std::string RepositoryLocation(const Config& config) {
  const std::string& url = config.repository.url;
  if (url.find("://") != std::string::npos) return url;
  return config.Resolve(url);
}

std::string MirrorDir(const Config& config) { return config.Resolve(config.work_dir) + "/mirrors"; }

void PrintError(const Error& error) {
  std::fprintf(stderr, "error: %s\n", error.ToString().c_str());
}

std::optional<Workspace> OpenWorkspace(const std::string& config_path, WithRepository repository) {
  auto config = LoadConfigFile(config_path);
  if (!config) {
    std::fprintf(stderr, "%s", config.error().ToString().c_str());
    return std::nullopt;
  }
  Workspace workspace;
  workspace.config = std::move(*config);
  auto store = OpenStore(workspace.config.storage, workspace.config.base_dir);
  if (!store) {
    PrintError(store.error().In("storage"));
    return std::nullopt;
  }
  workspace.store = std::move(*store);
  workspace.http = NewCurlHttpClient();
  if (repository == WithRepository::kYes) {
    auto opened =
        Repository::Open(RepositoryLocation(workspace.config), MirrorDir(workspace.config));
    if (!opened) {
      PrintError(opened.error().In("repository"));
      return std::nullopt;
    }
    if (auto fetched = opened->Fetch(); !fetched) {
      PrintError(fetched.error().In("repository"));
      return std::nullopt;
    }
    workspace.repository.emplace(std::move(*opened));
  }
  return workspace;
}

Result<Job> FindJob(Workspace& workspace, const std::string& job_or_commit) {
  if (IsJobId(job_or_commit)) return workspace.store->GetJob(std::stoll(job_or_commit));
  std::string commit = job_or_commit;
  if (workspace.repository) {
    auto resolved = workspace.repository->Resolve(job_or_commit);
    if (!resolved) return std::unexpected(resolved.error());
    commit = *resolved;
  }
  JobFilter filter;
  filter.state = JobState::kSucceeded;
  filter.commit = commit;
  filter.limit = 1;
  auto jobs = workspace.store->ListJobs(filter);
  if (!jobs) return std::unexpected(jobs.error());
  if (jobs->empty()) {
    return std::unexpected(NotFound("no succeeded job for commit " + job_or_commit, "",
                                    "run `perfgate run --commit " + job_or_commit + "` first"));
  }
  return jobs->front();
}

}  // namespace perfgate
