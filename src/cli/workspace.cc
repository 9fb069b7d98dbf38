#include "cli/workspace.h"

#include <cstdio>

#include "analysis/reachable_level.h"
#include "base/logging.h"
#include "cli/job_argument.h"

namespace perfgate {

std::string RepositoryLocation(const Config& config) {
  const std::string& url = config.repository.url;
  if (url.find("://") != std::string::npos) return url;
  return config.Resolve(url);
}

std::string MirrorDir(const Config& config) { return config.Resolve(config.work_dir) + "/mirrors"; }

void PrintError(const Error& error) {
  std::fprintf(stderr, "error: %s\n", error.ToString().c_str());
}

void PrintConfigCautions(const std::string& config_path, const Config& config) {
  for (const std::string& caution : UnreachableLevelCautions(config)) {
    std::fprintf(stderr, "%s: caution: %s\n", config_path.c_str(), caution.c_str());
  }
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
  auto id = FindJobId(job_or_commit,
                      [&](const JobFilter& filter) { return workspace.store->ListJobs(filter); });
  if (!id) return std::unexpected(id.error());
  return workspace.store->GetJob(*id);
}

}  // namespace perfgate
