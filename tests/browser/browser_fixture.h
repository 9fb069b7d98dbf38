// A `perfgate serve` around the quickstart for the browser tests, seeded once per test binary
// with real jobs (a baseline, and an experiment compared pair by pair with it), and the
// browser scripts of this folder run against it with node.
//
// The seeded repository has a commit whose message, and a metric whose series labels, hold
// <script> elements: the pages must show them as written.
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

  // `node <script>` of this folder with the server's URL and `env`; fails the test, with
  // the script's output, unless it passes within its bound.
  static void RunScript(const std::string& script, const std::map<std::string, std::string>& env);

  static std::string base_url_;
  static JobId baseline_;    // succeeded, of main~1
  static JobId experiment_;  // succeeded, of main (whose message holds a <script>)

 private:
  static ScenarioYaml SeedScenario();

  static std::unique_ptr<TempDir> seed_dir_;
  static std::unique_ptr<Subprocess> server_;
  static std::unique_ptr<ApiClient> client_;
};

}  // namespace perfgate::testing
