#include "runner/reaper.h"

#include <signal.h>

#include <algorithm>
#include <charconv>
#include <filesystem>

#include "base/logging.h"
#include "environment/docker_compose.h"
#include "store/process_identity.h"

namespace perfgate {
namespace {

namespace fs = std::filesystem;

// A job id written in decimal at the start of `text`, followed by nothing or by one of
// `ends`.
std::optional<JobId> LeadingJobId(std::string_view text, std::string_view ends = {}) {
  JobId id = 0;
  const char* end = text.data() + text.size();
  auto [stop, error] = std::from_chars(text.data(), end, id);
  if (error != std::errc() || stop == text.data() ||
      (stop != end && ends.find(*stop) == std::string_view::npos)) {
    return std::nullopt;
  }
  return id;
}

// The job id in a name perfgate gave a job's folder or file: "job-12", "job-12-run-3",
// "job-12-run-3.json".
std::optional<JobId> JobOfName(std::string_view name) {
  if (!name.starts_with("job-")) return std::nullopt;
  return LeadingJobId(name.substr(4), "-.");
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

bool UsesDockerCompose(const Config& config) {
  return std::ranges::any_of(config.scenarios, [](const ScenarioConfig& scenario) {
    return scenario.environment.type == EnvironmentConfig::Type::kDockerCompose;
  });
}

// Compose containers are the engine's, not in any process group of ours: a worker killed
// with its environment up leaves them running until someone removes them.
void RemoveComposeLeftovers(const Config& config, Store& store) {
  auto projects = ListOwnedComposeProjects(LeftoverOwner(config));
  if (!projects) {
    Logger("worker")->warn("compose leftovers not listed error={}", projects.error().ToString());
    return;
  }
  for (const OwnedComposeProject& project : *projects) {
    auto job = LeadingJobId(project.job);
    if (job && JobIsRunning(store, *job)) continue;
    auto removed = RemoveComposeProject(project.name);
    if (removed) {
      Logger("worker")->info("leftover compose project removed project={} job={} removed={}",
                             project.name, project.job, *removed);
    } else {
      Logger("worker")->warn("leftover compose project not removed project={} error={}",
                             project.name, removed.error().ToString());
    }
  }
}

}  // namespace

std::string LeftoverOwner(const Config& config) {
  return std::filesystem::absolute(config.Resolve(config.work_dir)).lexically_normal().string();
}

void ReapOrphans(const Config& config, Store& store, Clock& clock) {
  KillOrphanedGroups(store, clock);
  std::string work_dir = config.Resolve(config.work_dir);
  RemoveLeftovers(work_dir + "/worktrees", store);
  RemoveLeftovers(work_dir + "/prometheus", store);
  if (!config.prometheus.managed)
    RemoveLeftovers(config.Resolve(config.prometheus.targets_dir), store);
  if (UsesDockerCompose(config)) RemoveComposeLeftovers(config, store);
}

}  // namespace perfgate
