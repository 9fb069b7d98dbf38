// The job commands against a running `perfgate serve` (--server): what they print through
// the REST API is what they print from the store, and the server's errors are theirs, with
// exit code 2.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "integration/e2e/cli_fixture.h"
#include "integration/e2e/worker_fixture.h"

namespace perfgate::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kToken[] = "test-token-0123456789";
const std::map<std::string, std::string> kWithToken = {{"PERFGATE_API_TOKEN", kToken}};

class CliServerTest : public WorkerFixture {
 protected:
  // Starts `perfgate serve` (one worker, the API token set) on a free port and waits until
  // it answers. A window of 4s keeps a job running while the test queues others behind it.
  void StartServer() {
    url_ = "http://127.0.0.1:" + std::to_string(FreeLoopbackPort());
    ScenarioYaml scenario = GoodScenario();
    scenario.duration = "4s";
    config_ =
        WriteConfig(scenario, kManagedPrometheus, "server: { listen: \"" + url_.substr(7) + "\" }");
    server_.emplace(StartServe(config_, url_, kWithToken));
  }

  void StopServer() {
    StopServe(*server_);
    server_.reset();
  }

  // `perfgate COMMAND --server URL args...`.
  CliResult Api(const std::string& command, std::vector<std::string> args,
                const std::map<std::string, std::string>& env = {}) {
    args.insert(args.begin(), {command, "--server", url_});
    return RunPerfgate(args, dir_, env);
  }

  // `perfgate COMMAND --config CONFIG args...`: the store the server uses, read directly.
  CliResult Store(const std::string& command, std::vector<std::string> args) {
    args.insert(args.begin(), {command, "--config", config_});
    return RunPerfgate(args, dir_);
  }

  std::string Sha(const std::string& rev) { return repo_->Git({"rev-parse", rev}).substr(0, 40); }

  std::string url_;
  std::string config_;
  std::optional<Subprocess> server_;
};

TEST_F(CliServerTest, JobCommandsThroughTheApiPrintWhatTheStorePrints) {
  StartServer();
  CliResult first = Api("enqueue", {"--commit", "main", "--kind", "baseline"}, kWithToken);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out, "job 1 queued: baseline of " + Sha("main") + "\n");

  // The one worker runs job 1 for several seconds: job 2 waits behind it.
  CliResult second = Api("enqueue", {"--commit", "main~1", "--kind", "baseline"}, kWithToken);
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(second.out, "job 2 queued: baseline of " + Sha("main~1") + "\n");
  CliResult again = Api("enqueue", {"--commit", "main~1", "--kind", "baseline"}, kWithToken);
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, "job 2 already queued: baseline of " + Sha("main~1") + "\n");

  CliResult cancel = Api("cancel", {"2"}, kWithToken);
  EXPECT_EQ(cancel.exit_code, 0) << cancel.err;
  EXPECT_EQ(cancel.out, "job 2: cancelled\n");
  CliResult retry = Api("retry", {"2"}, kWithToken);
  EXPECT_EQ(retry.exit_code, 0) << retry.err;
  EXPECT_EQ(retry.out, "job 3 queued: a retry of job 2\n");
  CliResult cancel_retry = Api("cancel", {"3"}, kWithToken);
  EXPECT_EQ(cancel_retry.out, "job 3: cancelled\n") << cancel_retry.err;

  // Reads need no token here: the server has no read token.
  CliResult follow = Api("logs", {"1", "--follow"});
  ASSERT_EQ(follow.exit_code, 0) << follow.err;
  EXPECT_THAT(follow.out, HasSubstr("svc window 2/2 done"));
  EXPECT_EQ(follow.out, ReadFile(dir_.Path(".perfgate/logs/job-1/job.log")));

  CliResult show = Api("show", {"1"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_THAT(show.out, HasSubstr("job 1  baseline  succeeded\n"));
  EXPECT_THAT(show.out, HasSubstr("svc window 2"));
  EXPECT_EQ(show.out, Store("show", {"1"}).out);
  CliResult list = Api("jobs", {});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_THAT(list.out, HasSubstr("cancelled before it started"));
  EXPECT_EQ(list.out, Store("jobs", {}).out);
  EXPECT_EQ(Api("logs", {"1"}).out, follow.out);

  CliResult finished = Api("cancel", {"1"}, kWithToken);
  EXPECT_EQ(finished.exit_code, 2);
  EXPECT_THAT(finished.err, HasSubstr("error: job 1: "));
  EXPECT_THAT(finished.err, HasSubstr("cannot cancel job 1: it already succeeded (only a queued "
                                      "or running job can be cancelled; retry it to run again)"));
  StopServer();
}

TEST_F(CliServerTest, TheServersErrorsExitTwoWithItsMessage) {
  StartServer();
  const std::string wrong = "not-the-token-987";
  CliResult refused = Api("enqueue", {"--commit", "main", "--token-env", "PERFGATE_TEST_TOKEN"},
                          {{"PERFGATE_TEST_TOKEN", wrong}});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_THAT(refused.err,
              HasSubstr("error: Authorization header: the bearer token is not accepted (use the "
                        "token the server reads from $PERFGATE_API_TOKEN)"));
  EXPECT_THAT(refused.err + refused.out, Not(HasSubstr(wrong)));

  CliResult no_token = Api("retry", {"1"}, {{"PERFGATE_API_TOKEN", ""}});
  EXPECT_EQ(no_token.exit_code, 2);
  EXPECT_THAT(no_token.err, HasSubstr("the request carries no bearer token"));

  for (const char* command : {"show", "logs", "cancel", "retry"}) {
    SCOPED_TRACE(command);
    CliResult unknown = Api(command, {"999"}, kWithToken);
    EXPECT_EQ(unknown.exit_code, 2);
    EXPECT_THAT(unknown.err, HasSubstr("error: job 999: "));
    EXPECT_THAT(unknown.err, HasSubstr("job 999 not found"));
    EXPECT_EQ(unknown.out, "");
  }
  CliResult no_commit = Api("show", {"abcdef0123"});
  EXPECT_EQ(no_commit.exit_code, 2);
  EXPECT_THAT(no_commit.err, HasSubstr("no succeeded job for commit abcdef0123"));
  StopServer();
}

// The options alone, without a server.
class CliServerOptionsTest : public ::testing::Test {
 protected:
  TempDir dir_;
};

TEST_F(CliServerOptionsTest, ServerAndConfigExcludeEachOtherAndTheUrlIsChecked) {
  CliResult both = RunPerfgate(
      {"show", "--server", "http://127.0.0.1:8080", "--config", "perfgate.yaml", "1"}, dir_);
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_THAT(both.err, HasSubstr("--config excludes --server"));

  CliResult token_alone = RunPerfgate({"jobs", "--token-env", "MY_TOKEN"}, dir_);
  EXPECT_EQ(token_alone.exit_code, 2);
  EXPECT_THAT(token_alone.err, HasSubstr("--token-env requires --server"));

  CliResult not_http = RunPerfgate({"jobs", "--server", "127.0.0.1:8080"}, dir_);
  EXPECT_EQ(not_http.exit_code, 2);
  EXPECT_THAT(not_http.err, HasSubstr("error: --server: `127.0.0.1:8080` is not an http(s) URL"));

  std::string gone = "http://127.0.0.1:" + std::to_string(FreeLoopbackPort());
  CliResult unreachable = RunPerfgate({"logs", "--server", gone, "7"}, dir_);
  EXPECT_EQ(unreachable.exit_code, 2);
  EXPECT_THAT(unreachable.err, HasSubstr("error: job 7: "));
  EXPECT_THAT(unreachable.err, HasSubstr("GET " + gone + "/api/v1/jobs/7/log"));
  EXPECT_THAT(unreachable.err,
              HasSubstr("(check that `perfgate serve` runs and listens at " + gone));
}

TEST_F(CliServerOptionsTest, EveryJobCommandsHelpShowsTheServer) {
  for (const char* command : {"enqueue", "jobs", "show", "logs", "cancel", "retry"}) {
    SCOPED_TRACE(command);
    CliResult help = RunPerfgate({command, "--help"}, dir_);
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_THAT(help.out, HasSubstr("--token-env"));
    EXPECT_THAT(help.out,
                HasSubstr(std::string("perfgate ") + command + " --server http://127.0.0.1:8080"));
  }
}

}  // namespace
}  // namespace perfgate::testing
