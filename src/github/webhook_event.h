// What perfgate does about one GitHub webhook event: a pure function of the event's name, its
// payload and the config, so that every event kind and action is decided the same way by the
// webhook route and by `perfgate replay-webhook`, and tested without a server.
//
//   push to the default branch                      -> a baseline job for `after`
//   pull_request opened, reopened, synchronize,
//     ready_for_review (not while a draft; forks
//     only with github.allow_forks)                 -> a test job for the head commit
//   issue_comment created on a pull request that
//     starts with github.rerun_command              -> a re-run of the pull request's head when
//                                                      the author is trusted, else a reply
//   ping                                            -> answered, nothing else
//   anything else                                   -> ignored, with the reason
//
// Nothing from a payload is trusted: SHAs must be 40 lowercase hex digits, branch names must be
// names git accepts, and the repository must be github.repository.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/error.h"
#include "config/config.h"
#include "store/job.h"

namespace perfgate {

struct WebhookPing {};

struct IgnoredEvent {
  std::string reason;  // e.g. "push to a tag", shown to whoever looks at the delivery
};

// A job whose commit the payload names.
struct JobToEnqueue {
  JobRequest request;
};

// A re-run of a pull request's current head, which the payload does not name: the caller
// resolves it (refs/pull/N/head) and enqueues the test job.
struct PullRequestRerun {
  int pull_request = 0;
  std::vector<std::string> scenarios;  // empty: every scenario
  std::string requested_by;
};

// A comment to post on a pull request instead of acting, saying why.
struct CommentReply {
  int pull_request = 0;
  int64_t comment = 0;  // the id of the comment replied to
  std::string body;
};

using EventDecision =
    std::variant<WebhookPing, IgnoredEvent, JobToEnqueue, PullRequestRerun, CommentReply>;

// Decides what `event` (the X-GitHub-Event header) with `payload` asks of perfgate under
// `config`, whose github section must be set (FailedPrecondition otherwise). InvalidInput,
// with `where` the path of the field, for a payload that lacks a field the decision needs,
// has one of the wrong type, or names a commit or branch that is not valid.
[[nodiscard]] Result<EventDecision> DecideEvent(std::string_view event,
                                                const nlohmann::json& payload,
                                                const Config& config);

// The test job that re-runs `rerun` on `head` (the pull request's current head commit).
JobRequest RerunRequest(const PullRequestRerun& rerun, const std::string& head);

}  // namespace perfgate
