#include <fmt/format.h>

#include <mutex>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/service.h"
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
  auto grace = ParseGrace(options.grace);
  if (!grace) {
    PrintError(grace.error());
    return kExitError;
  }
  std::atomic<WorkerPool*> pool = nullptr;
  InterruptWatcher signals([&pool](int, int earlier) {
    if (WorkerPool* running = pool.load(); earlier > 0 && running) running->Abort();
  });
  auto workspace = OpenWorkspace(options.config, WithRepository::kYes);
  if (!workspace) return kExitError;
  SharedResolver resolver(std::move(*workspace->repository));
  workspace->repository.reset();

  const Config& config = workspace->config;
  ApiTokens tokens = ReadApiTokens(config.server);
  ApiContext context;
  context.config = &config;
  context.store = workspace->store.get();
  context.clock = &SystemClock();
  context.resolve_commit = [&resolver](const std::string& rev) { return resolver.Resolve(rev); };
  context.job_log_path = [&config](JobId id) { return JobLogPath(config, id); };
  context.api_token = tokens.api_token;
  context.read_token = tokens.read_token;
  if (tokens.api_token.empty()) {
    std::fprintf(stderr, "warning: $%s is not set: the API refuses every change (403)\n",
                 config.server.api_token_env.c_str());
  }
  ApiServer server(std::move(context));
  if (auto started = server.Start(config.server.listen); !started) {
    PrintError(started.error().In("server.listen"));
    return kExitError;
  }
  fmt::print(stderr, "perfgate serving {} (listening on {}) with {} worker{}\n",
             config.server.public_url, config.server.listen, config.workers,
             config.workers == 1 ? "" : "s");
  int code = RunUntilSignalled(*workspace, signals, pool, *grace);
  server.Stop();
  return code;
}

}  // namespace perfgate
