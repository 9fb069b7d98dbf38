// The payloads of outbox messages (store/job.h's OutboxMessage::payload), written when a
// report is made and read back when it is delivered, possibly by another process.
//
//   github_status   the CommitStatus as JSON, sha included
//   github_comment  {"pull_request": N, "marker": "...", "body": "..."}
//   alert           the body to POST to the webhook, as is
#pragma once

#include <string>

#include "base/error.h"
#include "delivery/github_client.h"

namespace perfgate {

struct PullRequestComment {
  int pull_request = 0;
  std::string marker;  // hidden text by which the comment is found again
  std::string body;
};

std::string EncodeStatus(const CommitStatus& status);
// Errors: InvalidInput naming the field that is missing or of the wrong type.
[[nodiscard]] Result<CommitStatus> DecodeStatus(const std::string& payload);

std::string EncodeComment(const PullRequestComment& comment);
[[nodiscard]] Result<PullRequestComment> DecodeComment(const std::string& payload);

}  // namespace perfgate
