#include "process/process_groups.h"

#include <signal.h>

#include <map>
#include <mutex>

namespace perfgate {
namespace {

constexpr int64_t kNoScope = -1;

struct Entry {
  int64_t scope = kNoScope;
  ProcessGroupObserver observer;
};

struct Registry {
  std::mutex mutex;
  std::map<pid_t, Entry> groups;
};

Registry& TheRegistry() {
  static Registry registry;
  return registry;
}

thread_local ProcessGroupScope* current_scope = nullptr;

int SignalWhere(int signal, const std::function<bool(const Entry&)>& selected) {
  Registry& registry = TheRegistry();
  std::lock_guard lock(registry.mutex);
  int count = 0;
  for (const auto& [pgid, entry] : registry.groups) {
    if (!selected(entry)) continue;
    kill(-pgid, signal);
    ++count;
  }
  return count;
}

}  // namespace

ProcessGroupScope::ProcessGroupScope(int64_t id, ProcessGroupObserver observer)
    : id_(id), observer_(std::move(observer)), previous_(current_scope) {
  current_scope = this;
}

ProcessGroupScope::~ProcessGroupScope() { current_scope = previous_; }

int ProcessGroupScope::Signal(int signal) const {
  return SignalWhere(signal, [this](const Entry& entry) { return entry.scope == id_; });
}

void RegisterProcessGroup(pid_t pgid, const std::string& command) {
  Entry entry;
  if (current_scope != nullptr) {
    entry.scope = current_scope->id_;
    entry.observer = current_scope->observer_;
  }
  {
    Registry& registry = TheRegistry();
    std::lock_guard lock(registry.mutex);
    registry.groups[pgid] = entry;
  }
  if (entry.observer) entry.observer(pgid, true, command);
}

void UnregisterProcessGroup(pid_t pgid) {
  Entry entry;
  {
    Registry& registry = TheRegistry();
    std::lock_guard lock(registry.mutex);
    auto found = registry.groups.find(pgid);
    if (found == registry.groups.end()) return;
    entry = std::move(found->second);
    registry.groups.erase(found);
  }
  if (entry.observer) entry.observer(pgid, false, "");
}

int SignalProcessGroups(int signal) {
  return SignalWhere(signal, [](const Entry&) { return true; });
}

}  // namespace perfgate
