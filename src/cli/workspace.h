// The one place that picks implementations and wires them: the config, the store, the HTTP
// client and the repository mirror that every subcommand works with.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "base/error.h"
#include "config/config.h"
#include "http/http_client.h"
#include "store/store.h"
#include "vcs/repository.h"

namespace perfgate {

struct Workspace {
  Config config;
  std::unique_ptr<Store> store;
  std::unique_ptr<HttpClient> http;
  std::optional<Repository> repository;  // only when asked for: opening it fetches
};

enum class WithRepository { kNo, kYes };

// Loads the config (printing every config error to stderr), opens the store and, when
// asked, the repository mirror, fetched. Returns nullopt after printing why it failed.
std::optional<Workspace> OpenWorkspace(const std::string& config_path, WithRepository repository);

// The repository to mirror: its URL, or a local path resolved against the config's folder.
std::string RepositoryLocation(const Config& config);
// Where the repository mirrors live: <work_dir>/mirrors.
std::string MirrorDir(const Config& config);

// Prints "error: <what>" to stderr, the one way subcommands report a failure.
void PrintError(const Error& error);

// Prints "<path>: caution: <what>" to stderr for each setting of a valid config under which
// some verdicts can never be reached (analysis/reachable_level.h).
void PrintConfigCautions(const std::string& config_path, const Config& config);

// A job named by its id ("42") or by a commit (job_argument.h), read from the store.
[[nodiscard]] Result<Job> FindJob(Workspace& workspace, const std::string& job_or_commit);

}  // namespace perfgate
