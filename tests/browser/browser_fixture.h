// A `perfgate serve` around the quickstart for the browser tests, seeded once per test binary
// with real jobs, and the browser scripts of this folder run against it with node.
//
// The seeded repository's main branch ends with a commit whose message holds a <script>
// element, then a commit whose requests do 300% more work (the quickstart's
// EXTRA_WORK_PERCENT knob): a real regression. Its metric adds a label holding a <script>
// element to the series of one endpoint. The pages must show both as written.
//
// Each commit's build copies a server the suite built once (the quickstart as it is, or with
// the extra work), so that seeding measures real servers without compiling one per run.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "integration/e2e/quickstart_fixture.h"
#include "process/subprocess.h"
#include "store/job.h"
#include "web/api_client.h"

namespace perfgate::testing {

class BrowserTest : public QuickstartFixture {
 public:
  // The one scenario of the suite's config, and its one metric.
  static constexpr char kScenario[] = "svc";
  static constexpr char kMetric[] = "latency_p50";

 protected:
  static constexpr char kApiToken[] = "browser-test-token-0123";

  static void SetUpTestSuite();
  static void TearDownTestSuite();
  // Every test uses the suite's repository and server.
  void SetUp() override {}

  // Queues a job of `kind` for the revision `commit` through the API.
  static JobId Enqueue(JobKind kind, const std::string& commit);
  // Polls the API until `done(job)` or a safety bound of a few minutes; the job as last seen.
  static Job WaitFor(JobId id, const std::function<bool(const Job&)>& done);
  static bool Finished(const Job& job);
  // Cancels the job through the API, if it has not finished, and waits until it has.
  static void Cancel(JobId id);
  // The succeeded baseline jobs the store holds now.
  static int SucceededBaselines();

  // `node <script>` of this folder with `env` and, unless `env` names another one, the suite's
  // server as PERFGATE_URL; fails the test, with the script's output, unless it passes within
  // its bound.
  static void RunScript(const std::string& script, const std::map<std::string, std::string>& env);

  // The config of a server like the suite's, on `port`, for the repository at `repo_dir`.
  static std::string WriteServerConfig(const TempDir& dir, const std::string& repo_dir, int port);
  // `perfgate serve --config <config>`, with the API token, logging into <dir>/serve.log.
  static std::unique_ptr<Subprocess> Serve(const TempDir& dir, const std::string& config);
  // SIGTERM to `server`, which must stop cleanly within a minute and leave no process in `dir`.
  static void Stop(std::unique_ptr<Subprocess>& server, const TempDir& dir);

  static std::string base_url_;
  static JobId baseline_;    // succeeded, of main~1 (whose message holds a <script>)
  static JobId regression_;  // succeeded, of main: 300% more work per request than main~1
  static JobId experiment_;  // succeeded, of main~1, compared pair by pair with main~2

 private:
  static ScenarioYaml SeedScenario();

  static std::unique_ptr<TempDir> seed_dir_;
  static std::unique_ptr<Subprocess> server_;
  static std::unique_ptr<ApiClient> client_;
};

}  // namespace perfgate::testing
