#include <fmt/format.h>

#include <mutex>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/service.h"
#include "cli/workspace.h"
#include "runner/job_log.h"
#include "web/api_context.h"
#include "web/api_server.h"

namespace perfgate {
namespace {

// Resolves revisions for the API's request threads: one mirror handle behind a mutex,
// fetched only when a revision is not known yet (a push the mirror has not seen).
class SharedResolver {
 public:
  explicit SharedResolver(Repository repository) : repository_(std::move(repository)) {}

  Result<std::string> Resolve(const std::string& rev) {
    std::lock_guard lock(mutex_);
    auto known = repository_.Resolve(rev);
    if (known || known.error().kind != ErrorKind::kNotFound) return known;
    if (auto fetched = repository_.Fetch(); !fetched) return std::unexpected(fetched.error());
    return repository_.Resolve(rev);
  }

 private:
  std::mutex mutex_;
  Repository repository_;
};

}  // namespace

int ServeCommand(const ServiceOptions& options) {
  return RunService(
      options, WithRepository::kYes, [](Workspace& workspace) -> Result<std::shared_ptr<void>> {
        const Config& config = workspace.config;
        auto resolver = std::make_shared<SharedResolver>(std::move(*workspace.repository));
        workspace.repository.reset();
        ApiTokens tokens = ReadApiTokens(config.server);
        ApiContext context;
        context.config = &config;
        context.store = workspace.store.get();
        context.clock = &SystemClock();
        context.resolve_commit = [resolver](const std::string& rev) {
          return resolver->Resolve(rev);
        };
        context.job_log_path = [&config](JobId id) { return JobLogPath(config, id); };
        context.api_token = tokens.api_token;
        context.read_token = tokens.read_token;
        if (tokens.api_token.empty()) {
          fmt::print(stderr, "warning: ${} is not set: the API refuses every change (403)\n",
                     config.server.api_token_env);
        }
        auto server = std::make_shared<ApiServer>(std::move(context));
        if (auto listening = server->Start(config.server.listen); !listening) {
          return std::unexpected(listening.error().In("server.listen"));
        }
        fmt::print(stderr, "perfgate serving {} (listening on {}) with {} worker{}\n",
                   config.server.public_url, config.server.listen, config.workers,
                   config.workers == 1 ? "" : "s");
        return server;
      });
}

}  // namespace perfgate
