// The issue_comment part of DecideEvent (webhook_event.h): re-run commands on pull requests.
#pragma once

#include "config/config.h"
#include "github/payload.h"
#include "github/webhook_event.h"

namespace perfgate {

// `payload` is an issue_comment event of the configured repository.
[[nodiscard]] Result<EventDecision> DecideIssueComment(const Payload& payload,
                                                       const Config& config);

// The login of the payload's `path` field as it may be quoted in a job or a reply: GitHub
// logins are letters, digits and '-'; anything else reads as "someone".
std::string QuotableLogin(const Payload& payload, std::string_view path);

}  // namespace perfgate
