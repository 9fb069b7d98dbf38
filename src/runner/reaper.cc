#include "runner/reaper.h"

#include <signal.h>

#include <charconv>
#include <filesystem>

#include "base/logging.h"
#include "store/process_identity.h"

namespace perfgate {
namespace {

namespace fs = std::filesystem;

// The job id in a name perfgate gave a job's folder or file: "job-12", "job-12-run-3",
// "job-12-run-3.json".
std::optional<JobId> JobOfName(const std::string& name) {
  if (!name.starts_with("job-")) return std::nullopt;
  JobId id = 0;
  const char* begin = name.data() + 4;
  const char* end = name.data() + name.size();
  auto [stop, error] = std::from_chars(begin, end, id);
  if (error != std::errc() || stop == begin || (stop != end && *stop != '-' && *stop != '.')) {
    return std::nullopt;
  }
  return id;
}

bool JobIsRunning(Store& store, JobId id) {
  auto job = store.GetJob(id);
  // Unknown to the store (another database's leftovers) counts as not running; a store
  // error keeps the folder for the next round.
  if (!job) return job.error().kind != ErrorKind::kNotFound;
  return job->state == JobState::kRunning;
}

// Removes the entries of `dir` named after a job that is not running.
void RemoveLeftovers(const std::string& dir, Store& store) {
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    auto job = JobOfName(entry.path().filename().string());
    if (!job || JobIsRunning(store, *job)) continue;
    std::error_code removed;
    fs::remove_all(entry.path(), removed);
    if (removed) {
      Logger("worker")->warn("leftover not removed path={} error={}", entry.path().string(),
                             removed.message());
    } else {
      Logger("worker")->info("leftover removed path={}", entry.path().string());
    }
  }
}

void KillOrphanedGroups(Store& store, Clock& clock) {
  auto orphans = store.OrphanedProcessGroups(clock.Now());
  if (!orphans) {
    Logger("worker")->warn("orphaned process groups not read error={}", orphans.error().ToString());
    return;
  }
  for (const ProcessGroupRecord& record : *orphans) {
    // The same pid with another start time is an unrelated process that reused the number.
    if (ProcessStartTime(record.pgid) == record.start_time) {
      kill(-record.pgid, SIGKILL);
      Logger("worker")->info("orphaned process group killed job={} pgid={} command={}",
                             record.job_id, record.pgid, record.description);
    }
    (void)store.ForgetProcessGroup(record.pgid, record.start_time);
  }
}

}  // namespace

void ReapOrphans(const Config& config, Store& store, Clock& clock) {
  KillOrphanedGroups(store, clock);
  std::string work_dir = config.Resolve(config.work_dir);
  RemoveLeftovers(work_dir + "/worktrees", store);
  RemoveLeftovers(work_dir + "/prometheus", store);
  if (!config.prometheus.managed)
    RemoveLeftovers(config.Resolve(config.prometheus.targets_dir), store);
}

}  // namespace perfgate
