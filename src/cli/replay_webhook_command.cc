// `perfgate replay-webhook`: a saved GitHub delivery fed through the webhook's own decision
// path, for debugging a delivery and for re-requesting one that was lost.
#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/commit_resolver.h"
#include "cli/workspace.h"
#include "github/ingest.h"

namespace perfgate {
namespace {

Result<nlohmann::json> ReadPayload(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (!in || !(text << in.rdbuf())) {
    return std::unexpected(InvalidInput("cannot read the payload file", path,
                                        "give the path of a saved delivery's JSON body"));
  }
  nlohmann::json payload = nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (payload.is_discarded() || !payload.is_object()) {
    return std::unexpected(InvalidInput("the payload is not a JSON object", path,
                                        "save the delivery's body as GitHub sent it"));
  }
  return payload;
}

}  // namespace

int ReplayWebhookCommand(const ReplayWebhookOptions& options) {
  auto payload = ReadPayload(options.file);
  if (!payload) {
    PrintError(payload.error());
    return kExitError;
  }
  auto workspace = OpenWorkspace(options.config, WithRepository::kYes);
  if (!workspace) return kExitError;
  if (!workspace->config.github) {
    PrintError(FailedPrecondition("the config has no github section", workspace->config.path,
                                  "add github: { repository: OWNER/NAME } to take webhooks"));
    return kExitError;
  }
  CommitResolver resolver(std::move(*workspace->repository));
  IngestServices services{
      .store = workspace->store.get(),
      .clock = &SystemClock(),
      .pull_request_head = [&resolver](int number) { return resolver.PullRequestHead(number); }};
  // No delivery id: a replay is acted on even when the original delivery was.
  auto outcome = IngestEvent({options.event, ""}, *payload, workspace->config, services);
  if (!outcome) {
    PrintError(outcome.error().In(options.file));
    return kExitError;
  }
  fmt::print("{}", IngestActionName(outcome->action));
  if (outcome->enqueued) {
    const Job& job = outcome->enqueued->job;
    fmt::print(": job {} ({} of {}){}", job.id, JobKindName(job.kind), job.commit,
               outcome->enqueued->duplicate ? ", already queued" : "");
  } else if (!outcome->reason.empty()) {
    fmt::print(": {}", outcome->reason);
  }
  fmt::print("\n");
  return kExitOk;
}

}  // namespace perfgate
