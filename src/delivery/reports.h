// What perfgate reports about a job, as outbox messages (store/job.h) to be delivered later:
// commit statuses per scenario, one pull-request comment, alerts. Pure functions of their
// input; the caller writes the messages to the store.
//
// GitHub gets reports on test jobs (a commit status per scenario, and the comment when the
// job measures a pull request), when the config has a github section. Alerts go to every
// `alerts:` entry whose `on` lists what happened.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "store/job.h"
#include "store/store.h"

namespace perfgate {

// GitHub's limits on what it accepts.
inline constexpr size_t kMaxStatusDescription = 140;
inline constexpr size_t kMaxCommentBody = 65536;

// The hidden text by which the pull request's comment is found again and edited.
inline constexpr std::string_view kCommentMarker = "<!-- perfgate report -->";

// The job's page and its comparison's page on server.public_url.
std::string JobPageUrl(const Config& config, JobId job);
std::string ComparisonPageUrl(const Config& config, JobId job);

// `pending` statuses for every scenario of a test job; `phase` says which ("queued",
// "running").
std::vector<OutboxRequest> PendingReports(const Config& config, const Job& job,
                                          const std::string& phase);

// How a job ended, as its report needs it.
struct JobEnding {
  const Job& job;
  JobState state = JobState::kSucceeded;
  std::string reason = {};                       // why it failed or was cancelled
  const StoredComparison* comparison = nullptr;  // a candidate's, when it was compared
  std::string no_comparison_reason = {};         // why a candidate was not
};

// Final statuses (success, failure with the worst regression, error with the reason), the
// pull request's comment and the alerts of a job that ended. A cancelled job's statuses
// are `error` too: its result will not come.
std::vector<OutboxRequest> FinalReports(const Config& config, const JobEnding& ending);

// A reply on pull request `pull_request` to its comment `comment` (why a request was
// refused): a comment of its own, found again by a marker that names the comment replied
// to, so that a retried delivery never posts it twice.
OutboxRequest ReplyReport(const Config& config, int pull_request, int64_t comment,
                          const std::string& body);

// The reports owed when `job` was queued or cancelled by a request rather than a worker (the
// API, the CLI, a webhook): a queued job (new, or a retry's) is `pending` ("queued"); a job
// cancelled while queued ended with no worker to report it, so its final reports are made
// here. None for other states: a worker reports the jobs it runs.
std::vector<OutboxRequest> QueueChangeReports(const Config& config, const Job& job);

// Alerts for change points found on the default branch after baseline job `job`.
std::vector<OutboxRequest> ChangePointReports(const Config& config, const Job& job,
                                              const std::vector<ChangePointRecord>& change_points);

// `text` cut to at most `limit` bytes at a UTF-8 character boundary, "..." marking the cut.
std::string Truncate(const std::string& text, size_t limit);

}  // namespace perfgate
