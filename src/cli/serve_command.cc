#include <fmt/format.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/commit_resolver.h"
#include "cli/service.h"
#include "cli/workspace.h"
#include "runner/job_log.h"
#include "web/api_context.h"
#include "web/api_server.h"

namespace perfgate {
namespace {

// The newest commits of the default branch the history chart puts in order: years of a busy
// repository. Older baseline jobs follow the order in which they finished.
constexpr int kChartedCommits = 100000;

}  // namespace

int ServeCommand(const ServiceOptions& options) {
  return RunService(
      options, WithRepository::kYes,
      [](Workspace& workspace, QueueNotifier& notifier) -> Result<std::shared_ptr<void>> {
        const Config& config = workspace.config;
        auto resolver = std::make_shared<CommitResolver>(std::move(*workspace.repository));
        workspace.repository.reset();
        ApiTokens tokens = ReadApiTokens(config);
        ApiContext context;
        context.config = &config;
        context.store = workspace.store.get();
        context.clock = &SystemClock();
        context.resolve_commit = [resolver](const std::string& rev) {
          return resolver->Resolve(rev);
        };
        context.commit_subjects = [resolver](const std::vector<std::string>& commits) {
          return resolver->Subjects(commits);
        };
        context.default_branch_commits = [resolver, &config] {
          return resolver->FirstParents(config.repository.default_branch, kChartedCommits);
        };
        context.job_log_path = [&config](JobId id) { return JobLogPath(config, id); };
        context.job_queued = [&notifier] { notifier.Notify(); };
        context.api_token = tokens.api_token;
        context.read_token = tokens.read_token;
        context.webhook_secret = tokens.webhook_secret;
        context.pull_request_head = [resolver](int number) {
          return resolver->PullRequestHead(number);
        };
        if (tokens.api_token.empty()) {
          fmt::print(stderr, "warning: ${} is not set: the API refuses every change (403)\n",
                     config.server.api_token_env);
        }
        if (config.github && tokens.webhook_secret.empty()) {
          fmt::print(stderr, "warning: ${} is not set: GitHub webhooks are refused (403)\n",
                     config.github->webhook_secret_env);
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
