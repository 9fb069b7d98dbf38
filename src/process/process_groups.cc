#include "process/process_groups.h"

#include <signal.h>

#include <mutex>
#include <set>

namespace perfgate {
namespace {

struct Registry {
  std::mutex mutex;
  std::set<pid_t> groups;
};

Registry& TheRegistry() {
  static Registry registry;
  return registry;
}

}  // namespace

void RegisterProcessGroup(pid_t pgid) {
  Registry& registry = TheRegistry();
  std::lock_guard lock(registry.mutex);
  registry.groups.insert(pgid);
}

void UnregisterProcessGroup(pid_t pgid) {
  Registry& registry = TheRegistry();
  std::lock_guard lock(registry.mutex);
  registry.groups.erase(pgid);
}

int SignalProcessGroups(int signal) {
  Registry& registry = TheRegistry();
  std::lock_guard lock(registry.mutex);
  for (pid_t pgid : registry.groups) kill(-pgid, signal);
  return static_cast<int>(registry.groups.size());
}

}  // namespace perfgate
