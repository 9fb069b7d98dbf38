// Jobs and runs as the store keeps them (DESIGN.md's vocabulary).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"

namespace perfgate {

using JobId = int64_t;
using RunId = int64_t;

enum class JobKind { kBaseline, kTest, kExperiment };
enum class JobState { kQueued, kRunning, kSucceeded, kFailed, kCancelled };
enum class RunState { kRunning, kSucceeded, kFailed };
// Which part of a job a run measures: the job's commit alone (a baseline, a stored-mode
// candidate), or one side of the pairs of an interleaved job.
enum class RunSide { kSingle, kBase, kCandidate };
// What an outgoing message is: a commit status or a pull-request comment on GitHub, or an
// alert to a webhook.
enum class OutboxKind { kGithubStatus, kGithubComment, kAlert };

const char* JobKindName(JobKind kind);     // "baseline", "test", "experiment"
const char* JobStateName(JobState state);  // "queued", "running", ...
const char* RunStateName(RunState state);
const char* RunSideName(RunSide side);        // "single", "base", "candidate"
const char* OutboxKindName(OutboxKind kind);  // "github_status", "github_comment", "alert"
std::optional<JobKind> ParseJobKind(std::string_view name);
std::optional<JobState> ParseJobState(std::string_view name);
std::optional<RunState> ParseRunState(std::string_view name);
std::optional<RunSide> ParseRunSide(std::string_view name);
std::optional<OutboxKind> ParseOutboxKind(std::string_view name);

// What a caller asks for; the store adds id, state and times.
struct JobRequest {
  JobKind kind = JobKind::kExperiment;
  std::string commit;                  // full 40-hex SHA, already resolved
  std::string ref;                     // what the requester wrote (branch, tag, short SHA)
  std::vector<std::string> scenarios;  // empty: every scenario of the config
  std::string base_commit;             // full SHA of the base; empty for baseline jobs
  std::optional<int> pull_request;     // the pull request a test job measures
  std::string requested_by;            // "cli", "api", "github push", ...
};

struct Job {
  JobId id = 0;
  JobKind kind = JobKind::kExperiment;
  JobState state = JobState::kQueued;
  std::string commit;
  std::string ref;
  std::vector<std::string> scenarios;
  std::string base_commit;
  std::optional<int> pull_request;
  std::string requested_by;
  int attempts = 0;
  std::string failure_reason;  // empty unless failed or cancelled
  TimePoint created_at;
  std::optional<TimePoint> started_at;
  std::optional<TimePoint> finished_at;
  // The queue's lease (store/queue.h): who runs the job, until when, and whether someone
  // asked to stop it.
  std::string worker;
  std::optional<TimePoint> lease_expires_at;
  bool cancel_requested = false;
  // A job it was given back to the queue to wait for (JobQueue::WaitForJob); kept once that
  // job ended, so that the wait is not repeated.
  std::optional<JobId> waits_for;
};

// Whether `job` measures `scenario`: every scenario of the config when it names none.
bool JobMeasures(const Job& job, const std::string& scenario);

// One scenario measured for one commit inside a job.
struct Run {
  RunId id = 0;
  JobId job_id = 0;
  std::string scenario;
  std::string commit;
  RunSide side = RunSide::kSingle;
  RunState state = RunState::kRunning;
  std::string failure_reason;
  TimePoint started_at;
  std::optional<TimePoint> finished_at;
};

struct JobFilter {
  std::optional<JobState> state;
  bool finished = false;  // only succeeded, failed and cancelled jobs
  std::optional<JobKind> kind;
  std::string commit;           // full SHA or a prefix; empty: any
  std::string ref;              // exactly this ref (a branch, as webhooks queue jobs); empty: any
  std::optional<JobId> before;  // only jobs with a smaller id: the page after the one ending there
  int limit = 50;               // newest first
  bool oldest_first = false;    // the queue's order instead: the oldest job first
};

// One point of a metric's history: the median of one series over a baseline job's samples.
struct HistoryPoint {
  JobId job_id = 0;
  std::string commit;
  TimePoint finished_at;
  std::string series;
  double median = 0;
  int sample_count = 0;
};

// A lasting shift in a series' history on the default branch, found by change-point detection
// over its baseline jobs.
struct ChangePointRecord {
  std::string scenario;
  std::string metric;
  std::string series;
  JobId job_id = 0;    // the first baseline job of the new level
  std::string commit;  // that job's commit
  double mean_before = 0;
  double mean_after = 0;
  double change = 0;  // (after - before) / |before|; NaN when before is 0
  double p_value = 0;
  JobId detected_by = 0;  // the baseline job whose result revealed it
  TimePoint detected_at;
};

// An outgoing message to be written to the outbox: it is stored first and delivered later,
// so that an outage of its receiver delays it but never loses it.
struct OutboxRequest {
  OutboxKind kind = OutboxKind::kAlert;
  // Where it goes: OWNER/NAME for GitHub; for an alert, the name of the environment variable
  // that holds the webhook URL (a secret, so never stored).
  std::string target;
  // Messages with the same key are delivered one after the other in the order they were
  // written (a commit status "pending" before its "failure"); different keys are independent.
  std::string key;
  std::string payload;       // JSON; its shape depends on `kind`
  std::optional<JobId> job;  // the job it reports on, if any
};

struct OutboxMessage {
  int64_t id = 0;
  OutboxKind kind = OutboxKind::kAlert;
  std::string target;
  std::string key;
  std::string payload;
  std::optional<JobId> job;
  TimePoint created_at;
  int attempts = 0;
  // When a deliverer may try it next; none once delivered or given up.
  std::optional<TimePoint> next_attempt_at;
  std::string last_error;  // of the last failed attempt
  std::optional<TimePoint> delivered_at;
};

}  // namespace perfgate
