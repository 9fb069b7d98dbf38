// The combined log of a job: perfgate's own lines and, merged in as they grow, the build's,
// every service's and the load generator's logs of its runs, each line prefixed with where it
// came from. One append-only file per job, so the API can serve it from any offset while the
// job runs.
//
// Thread-safety: Line() and Pump() may be called from different threads.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "base/clock.h"
#include "config/config.h"
#include "store/job.h"

namespace perfgate {

// <work_dir>/logs/job-<id>: the job's own folder, holding job.log and one folder per run.
std::string JobLogDir(const Config& config, JobId job);
// <JobLogDir>/job.log.
std::string JobLogPath(const Config& config, JobId job);

class JobLog {
 public:
  explicit JobLog(std::string job_dir);

  const std::string& path() const { return path_; }

  // Appends "<time> <text>\n".
  void Line(TimePoint at, std::string_view text);

  // Appends the complete lines that every other *.log file under the job's folder gained
  // since the last call, as "[run-3/api] <line>".
  void Pump();

 private:
  void AppendLocked(std::string_view text);

  std::string dir_;
  std::string path_;
  std::mutex mutex_;
  std::map<std::string, uintmax_t> offsets_;  // source file -> bytes already merged
};

}  // namespace perfgate
