// Worker and server processes around the quickstart fixture: start `perfgate worker` or
// `perfgate serve`, queue jobs with the CLI, and wait on the store or a job's log for what a
// test expects next.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>

#include "integration/e2e/quickstart_fixture.h"
#include "process/subprocess.h"
#include "store/store.h"

namespace perfgate::testing {

class WorkerFixture : public QuickstartFixture {
 protected:
  // `perfgate worker --config CONFIG --grace GRACE`, its output in <dir>/<name>.log.
  Subprocess StartWorker(const std::string& config, const std::string& name,
                         const std::string& grace = "30s");

  // `perfgate serve --config CONFIG` with `env` added to the environment, its output in
  // <dir>/serve.log; returns once GET `url`/healthz answers 200 (url: http://<server.listen>).
  Subprocess StartServe(const std::string& config, const std::string& url,
                        const std::map<std::string, std::string>& env);
  // Stops `server` with SIGTERM; expects a clean exit that leaves no process in the test folder.
  void StopServe(Subprocess& server);

  // Queues a job of `kind` with `perfgate enqueue` and returns its id.
  JobId Enqueue(const std::string& config, const std::string& commit,
                const std::string& kind = "baseline");

  std::unique_ptr<Store> OpenTestStore();

  // Polls until `done(job)` or a generous safety bound; returns the job as last seen.
  Job WaitFor(Store& store, JobId id, const std::function<bool(const Job&)>& done);

  // Polls the job's combined log until it contains `text` or the safety bound; returns the
  // log as last read.
  std::string WaitForLog(JobId id, const std::string& text);

  static bool Finished(const Job& job);
};

}  // namespace perfgate::testing
