#include "cli/worker_pool.h"

#include <unistd.h>

namespace perfgate {
namespace {

std::string HostName() {
  char name[256] = {};
  if (gethostname(name, sizeof(name) - 1) != 0) return "localhost";
  return name;
}

}  // namespace

WorkerPool::WorkerPool(Workspace& workspace, QueueNotifier& notifier) {
  const Config& config = workspace.config;
  std::string prefix = HostName() + ":" + std::to_string(getpid()) + ":";
  for (int i = 1; i <= config.workers; ++i) {
    WorkerContext context;
    context.config = &config;
    context.store = workspace.store.get();
    context.http = workspace.http.get();
    context.clock = &SystemClock();
    context.id = prefix + std::to_string(i);
    context.notifier = &notifier;
    context.open_repository = [&config] {
      return Repository::Open(RepositoryLocation(config), MirrorDir(config));
    };
    workers_.push_back(std::make_unique<Worker>(std::move(context)));
  }
  for (auto& worker : workers_) {
    ++running_threads_;
    threads_.emplace_back([this, &worker] {
      worker->Run(stop_, abort_);
      --running_threads_;
    });
  }
}

WorkerPool::~WorkerPool() {
  if (!threads_.empty()) Stop(kDefaultGrace);
}

void WorkerPool::Stop(Duration grace) {
  RequestStop();
  auto deadline = std::chrono::steady_clock::now() + grace;
  while (running_threads_ > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  Abort();
  for (std::thread& thread : threads_) thread.join();
  threads_.clear();
}

}  // namespace perfgate
