#include "github/webhook_event.h"

#include <strings.h>

#include <algorithm>
#include <array>

#include "github/git_names.h"
#include "github/issue_comment_event.h"
#include "github/payload.h"

namespace perfgate {
namespace {

constexpr std::string_view kBranchPrefix = "refs/heads/";
constexpr std::array<std::string_view, 4> kMeasuredActions = {"opened", "reopened", "synchronize",
                                                              "ready_for_review"};
// Event names and actions are quoted in reasons; GitHub's are short words.
constexpr size_t kMaxQuotedName = 40;

std::string Quoted(std::string_view name) {
  bool plain = name.size() <= kMaxQuotedName && std::ranges::all_of(name, [](unsigned char c) {
                 return std::isalnum(c) || c == '_' || c == '-';
               });
  return plain ? "\"" + std::string(name) + "\"" : "an unnamed one";
}

Error InvalidField(std::string what, std::string_view path) {
  return InvalidInput(std::move(what), std::string(path),
                      "send the event's payload as GitHub delivers it");
}

Result<std::string> Sha(const Payload& payload, std::string_view path) {
  Result<std::string> sha = payload.String(path);
  if (sha && !IsFullSha(*sha)) {
    return std::unexpected(InvalidField("is not a commit SHA (40 lowercase hex digits)", path));
  }
  return sha;
}

Result<std::string> Branch(const Payload& payload, std::string_view path) {
  Result<std::string> branch = payload.String(path);
  if (branch && !IsBranchName(*branch)) {
    return std::unexpected(InvalidField("is not a branch name git accepts", path));
  }
  return branch;
}

bool SameRepository(std::string_view a, std::string_view b) {
  // GitHub's owner and repository names are case-insensitive.
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

Result<EventDecision> DecidePush(const Payload& payload, const Config& config) {
  Result<std::string> ref = payload.String("ref");
  if (!ref) return std::unexpected(ref.error());
  if (!ref->starts_with(kBranchPrefix)) return IgnoredEvent{"push to a tag or another ref"};
  Result<bool> deleted = payload.Bool("deleted");
  if (!deleted) return std::unexpected(deleted.error());
  if (*deleted) return IgnoredEvent{"branch deleted"};
  const std::string& default_branch = config.repository.default_branch;
  if (ref->substr(kBranchPrefix.size()) != default_branch) {
    return IgnoredEvent{"push to a branch other than the default branch " + default_branch};
  }
  Result<std::string> after = Sha(payload, "after");
  if (!after) return std::unexpected(after.error());
  return JobToEnqueue{JobRequest{.kind = JobKind::kBaseline,
                                 .commit = *after,
                                 .ref = default_branch,
                                 .scenarios = {},
                                 .base_commit = {},
                                 .pull_request = std::nullopt,
                                 .requested_by = "github push"}};
}

Result<EventDecision> DecidePullRequest(const Payload& payload, const Config& config) {
  Result<std::string> action = payload.String("action");
  if (!action) return std::unexpected(action.error());
  if (std::ranges::find(kMeasuredActions, *action) == kMeasuredActions.end()) {
    return IgnoredEvent{"pull_request action " + Quoted(*action) + " is not measured"};
  }
  Result<int> number = payload.Number("number");
  if (!number) return std::unexpected(number.error());
  // A draft is measured once it is marked ready for review (which sends ready_for_review).
  if (payload.Has("pull_request.draft")) {
    Result<bool> draft = payload.Bool("pull_request.draft");
    if (!draft) return std::unexpected(draft.error());
    if (*draft) return IgnoredEvent{"draft pull request: measured once ready for review"};
  }
  Result<std::string> base_repository = payload.String("pull_request.base.repo.full_name");
  if (!base_repository) return std::unexpected(base_repository.error());
  // A fork that was deleted leaves head.repo null: its code is no less foreign.
  bool fork = !payload.Has("pull_request.head.repo") ||
              !SameRepository(payload.String("pull_request.head.repo.full_name").value_or(""),
                              *base_repository);
  if (fork && !config.github->allow_forks) {
    return IgnoredEvent{"pull request from a fork (github.allow_forks is false)"};
  }
  Result<std::string> head = Sha(payload, "pull_request.head.sha");
  if (!head) return std::unexpected(head.error());
  Result<std::string> head_ref = Branch(payload, "pull_request.head.ref");
  if (!head_ref) return std::unexpected(head_ref.error());
  // The base stays empty: the runner measures against the merge-base with the default branch.
  return JobToEnqueue{JobRequest{.kind = JobKind::kTest,
                                 .commit = *head,
                                 .ref = *head_ref,
                                 .scenarios = {},
                                 .base_commit = {},
                                 .pull_request = *number,
                                 .requested_by = "github pull_request " + *action}};
}

}  // namespace

Result<EventDecision> DecideEvent(std::string_view event, const nlohmann::json& payload,
                                  const Config& config) {
  if (!config.github) {
    return std::unexpected(FailedPrecondition("the config has no github section", config.path,
                                              "add github: { repository: OWNER/NAME }"));
  }
  if (event == "ping") return WebhookPing{};
  bool handled = event == "push" || event == "pull_request" || event == "issue_comment";
  if (!handled) {
    return IgnoredEvent{"event " + Quoted(event) +
                        " is not handled (perfgate handles push, pull_request, issue_comment)"};
  }
  Payload fields(payload);
  if (!payload.is_object()) {
    return std::unexpected(InvalidField("is not a JSON object", "(payload)"));
  }
  Result<std::string> repository = fields.String("repository.full_name");
  if (!repository) return std::unexpected(repository.error());
  if (!SameRepository(*repository, config.github->repository)) {
    return IgnoredEvent{"delivered for another repository than github.repository " +
                        config.github->repository};
  }
  if (event == "push") return DecidePush(fields, config);
  if (event == "pull_request") return DecidePullRequest(fields, config);
  return DecideIssueComment(fields, config);
}

JobRequest RerunRequest(const PullRequestRerun& rerun, const std::string& head) {
  return JobRequest{.kind = JobKind::kTest,
                    .commit = head,
                    .ref = "refs/pull/" + std::to_string(rerun.pull_request) + "/head",
                    .scenarios = rerun.scenarios,
                    .base_commit = {},
                    .pull_request = rerun.pull_request,
                    .requested_by = rerun.requested_by};
}

}  // namespace perfgate
