// The JSON API as the CLI uses it: typed calls over HttpClient.
//
//   ApiClient api(NewCurlHttpClient(), "http://127.0.0.1:8080", token);
//   Result<EnqueuedJob> job = api.EnqueueJob({.kind = JobKind::kExperiment, .commit = "main"});
//
// An answer with an error status becomes an Error carrying the server's message, where and
// fix, with a kind from the status (api_error.h, ErrorKindForStatus); a server that cannot
// be reached is Unavailable, naming the URL, with a fix that names the server.
// Thread-safety: as thread-safe as the HttpClient given (the curl one is).
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/error.h"
#include "http/http_client.h"
#include "store/job.h"
#include "store/queue.h"
#include "web/enqueue_request.h"

namespace perfgate {

struct EnqueuedJob {
  Job job;
  bool duplicate = false;  // an identical job was still queued; `job` is that one
};

struct JobListQuery {
  std::optional<JobState> state;
  std::optional<JobKind> kind;
  std::string commit;  // full SHA or prefix; empty: any
  int limit = 50;
  std::optional<JobId> before;  // only jobs with a smaller id: the next page
};

// What a one-line account of a job's stored comparison needs.
struct ComparisonHeadline {
  JobId base_job = 0;
  std::string summary;  // report/'s Summary(): "1 regression, 9 unchanged"
};

struct JobDetails {
  Job job;
  std::vector<PhaseRecord> phases;  // in the order they started; ids are not served (0)
  std::optional<ComparisonHeadline> comparison;  // none until the job has been compared
  nlohmann::json document;  // the whole answer: job, phases, runs, results, comparison
};

struct LogChunk {
  std::string text;
  int64_t next_offset = 0;             // where the next GetLog continues
  JobState state = JobState::kQueued;  // the job's state when the chunk was read
};

class ApiClient {
 public:
  // `base_url` is the server's root ("http://127.0.0.1:8080", no trailing /api); `token` is
  // sent as a bearer token when not empty.
  ApiClient(std::unique_ptr<HttpClient> http, std::string base_url, std::string token);

  [[nodiscard]] Result<EnqueuedJob> EnqueueJob(const EnqueueRequest& request);
  [[nodiscard]] Result<std::vector<Job>> ListJobs(const JobListQuery& query);
  [[nodiscard]] Result<JobDetails> GetJob(JobId id);
  // The log from byte `offset`; an empty text with a final state means the log is complete.
  [[nodiscard]] Result<LogChunk> GetLog(JobId id, int64_t offset);
  [[nodiscard]] Result<Job> CancelJob(JobId id);
  // The new job that repeats `id`.
  [[nodiscard]] Result<Job> RetryJob(JobId id);

 private:
  [[nodiscard]] Result<HttpResponse> Call(const std::string& method, const std::string& path,
                                          const std::string& body = {});
  [[nodiscard]] Result<nlohmann::json> CallJson(const std::string& method, const std::string& path,
                                                const std::string& body = {});
  [[nodiscard]] Result<Job> CallForJob(const std::string& method, const std::string& path);

  std::unique_ptr<HttpClient> http_;
  std::string base_url_;
  std::string token_;
};

}  // namespace perfgate
