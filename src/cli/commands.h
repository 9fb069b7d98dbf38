// The subcommands, each a function of its parsed options that returns the exit code.
#pragma once

#include <string>
#include <vector>

#include "cli/job_source.h"

namespace perfgate {

struct RunOptions {
  std::string config = "perfgate.yaml";
  std::string commit;
  std::string base;                    // empty: the merge-base with the default branch
  std::vector<std::string> scenarios;  // empty: all
  bool baseline = false;
  bool no_fail = false;
  std::string format = "terminal";  // terminal | markdown | json
};
int RunCommand(const RunOptions& options);

struct CompareOptions {
  std::string config = "perfgate.yaml";
  std::string base;       // job id or commit
  std::string candidate;  // job id or commit
  bool no_fail = false;
  std::string format = "terminal";
};
int CompareCommand(const CompareOptions& options);

struct HistoryOptions {
  std::string config = "perfgate.yaml";
  std::string scenario;  // empty: the only scenario that has the metric
  std::string metric;
  std::string series;  // label set, e.g. endpoint="/sort"; empty: all
};
int HistoryCommand(const HistoryOptions& options);

// The job commands (jobs, enqueue, show, logs, cancel, retry) work on the jobs of `source`:
// a server's REST API or a store, with the same output.
struct JobsOptions {
  JobSource source;
  std::string state;
  std::string kind;
  int limit = 20;
};
int JobsCommand(const JobsOptions& options);

int CheckConfigCommand(const std::string& path);

// `perfgate worker` and `perfgate serve`.
struct ServiceOptions {
  std::string config = "perfgate.yaml";
  std::string grace = "30s";  // how long running jobs may take to finish on SIGTERM
};
int WorkerCommand(const ServiceOptions& options);
int ServeCommand(const ServiceOptions& options);

struct EnqueueOptions {
  JobSource source;
  std::string commit;
  std::string kind = "experiment";
  std::vector<std::string> scenarios;
  std::string base;
};
int EnqueueCommand(const EnqueueOptions& options);

struct JobCommandOptions {
  JobSource source;
  std::string job;      // job id, or a commit: its newest succeeded job
  bool follow = false;  // logs: keep printing until the job ends
};
int ShowCommand(const JobCommandOptions& options);
int LogsCommand(const JobCommandOptions& options);
int CancelCommand(const JobCommandOptions& options);
int RetryCommand(const JobCommandOptions& options);

// Feeds a saved webhook payload through the webhook's decision path into the store.
struct ReplayWebhookOptions {
  std::string config = "perfgate.yaml";
  std::string file;   // the delivery's JSON body
  std::string event;  // its X-GitHub-Event
};
int ReplayWebhookCommand(const ReplayWebhookOptions& options);

}  // namespace perfgate
