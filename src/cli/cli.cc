#include "cli/cli.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "base/logging.h"
#include "cli/commands.h"

namespace perfgate {
namespace {

constexpr char kConfigHelp[] = "perfgate config file (YAML)";

CLI::Option* AddConfigOption(CLI::App& command, std::string& config) {
  return command.add_option("-c,--config", config, kConfigHelp)->capture_default_str();
}

// The job commands read and change jobs in the store of --config, or through the REST API
// of the server at --server.
void AddJobSourceOptions(CLI::App& command, JobSource& source) {
  CLI::Option* config = AddConfigOption(command, source.config);
  CLI::Option* server = command.add_option(
      "--server", source.server,
      "URL of a running `perfgate serve` (e.g. http://127.0.0.1:8080): use its REST API "
      "instead of the store of --config");
  server->excludes(config);
  command
      .add_option("--token-env", source.token_env,
                  "with --server: the environment variable that holds the API token (needed "
                  "for changes, and for reads when the server asks for one)")
      ->capture_default_str()
      ->needs(server);
}

}  // namespace

int RunCli(int argc, char** argv) {
  CLI::App app{"perfgate: performance-regression CI for services with Prometheus metrics"};
  app.require_subcommand(1);
  app.footer("Run `perfgate COMMAND --help` for a command's options and an example.");
  std::string log_level = "warn";
  app.add_option("--log-level", log_level, "debug, info, warn or error")->capture_default_str();

  RunOptions run;
  CLI::App* run_cmd = app.add_subcommand(
      "run",
      "Measure a commit: check it out, bring it up, load it, query its metrics, store "
      "the results and compare them with the master set of its base");
  AddConfigOption(*run_cmd, run.config);
  run_cmd->add_option("--commit", run.commit, "commit to measure (SHA, branch or tag)")->required();
  run_cmd->add_flag("--baseline", run.baseline,
                    "store the results as the master set of this commit; no comparison");
  run_cmd->add_option("--base", run.base,
                      "compare with this commit's master set instead of the merge-base's");
  run_cmd->add_option("--scenario", run.scenarios, "run only this scenario (repeatable)");
  run_cmd->add_flag("--no-fail", run.no_fail, "exit 0 even when a regression is found");
  run_cmd->add_option("--format", run.format, "report format: terminal, markdown or json")
      ->capture_default_str();
  run_cmd->footer(
      "Exit status: 0 no regression, 1 regression, 2 error.\n"
      "Example:\n  perfgate run --config perfgate.yaml --commit main --baseline\n"
      "  perfgate run --config perfgate.yaml --commit my-branch");

  CompareOptions compare;
  CLI::App* compare_cmd =
      app.add_subcommand("compare", "Compare the stored results of two jobs (job ids or commits)");
  AddConfigOption(*compare_cmd, compare.config);
  compare_cmd->add_option("base", compare.base, "job id or commit of the base")->required();
  compare_cmd->add_option("candidate", compare.candidate, "job id or commit of the candidate")
      ->required();
  compare_cmd->add_flag("--no-fail", compare.no_fail, "exit 0 even when a regression is found");
  compare_cmd->add_option("--format", compare.format, "terminal, markdown or json")
      ->capture_default_str();
  compare_cmd->footer(
      "Example:\n  perfgate compare --config perfgate.yaml 1 2\n"
      "  perfgate compare --config perfgate.yaml 3f2a9c1 9b7e0d4");

  HistoryOptions history;
  CLI::App* history_cmd = app.add_subcommand(
      "history", "Show a metric's history over the baseline jobs of the default branch");
  AddConfigOption(*history_cmd, history.config);
  history_cmd->add_option("--metric", history.metric, "metric name from the config")->required();
  history_cmd->add_option("--scenario", history.scenario,
                          "scenario (needed when several have the metric)");
  history_cmd->add_option("--series", history.series, "one series, e.g. 'endpoint=\"/sort\"'");
  history_cmd->footer(
      "Example:\n  perfgate history --config perfgate.yaml --metric latency_p99 "
      "--series 'endpoint=\"/sort\"'");

  JobsOptions jobs;
  CLI::App* jobs_cmd = app.add_subcommand("jobs", "List jobs, newest first");
  AddJobSourceOptions(*jobs_cmd, jobs.source);
  jobs_cmd->add_option("--state", jobs.state, "queued, running, succeeded, failed or cancelled");
  jobs_cmd->add_option("--kind", jobs.kind, "baseline, test or experiment");
  jobs_cmd->add_option("--limit", jobs.limit, "at most this many")->capture_default_str();
  jobs_cmd->footer(
      "Example:\n  perfgate jobs --config perfgate.yaml --state failed\n"
      "  perfgate jobs --server http://127.0.0.1:8080 --state running");

  std::string check_path;
  CLI::App* check_cmd =
      app.add_subcommand("check-config", "Validate a config file: exit 0 if valid, 1 if not");
  check_cmd->add_option("file", check_path, "the config file")->required();
  check_cmd->footer("Example:\n  perfgate check-config examples/quickstart/perfgate.yaml");

  ServiceOptions service;  // serve and worker: only one of them runs
  auto add_service_command = [&](const char* name, const char* help, const char* example) {
    CLI::App* command = app.add_subcommand(name, help);
    AddConfigOption(*command, service.config);
    command
        ->add_option("--grace", service.grace,
                     "on SIGTERM/SIGINT, how long running jobs may take to finish before "
                     "they are given back to the queue")
        ->capture_default_str();
    command->footer(std::string("Example:\n  ") + example);
    return command;
  };
  CLI::App* serve_cmd = add_service_command(
      "serve", "Serve the REST API (server.listen) and run `workers` jobs at once",
      "PERFGATE_API_TOKEN=... perfgate serve --config perfgate.yaml");
  CLI::App* worker_cmd = add_service_command(
      "worker", "Run queued jobs: `workers` at once across every process sharing the store",
      "perfgate worker --config perfgate.yaml");

  EnqueueOptions enqueue;
  CLI::App* enqueue_cmd = app.add_subcommand("enqueue", "Queue a job for the workers");
  AddJobSourceOptions(*enqueue_cmd, enqueue.source);
  enqueue_cmd->add_option("--commit", enqueue.commit, "commit (SHA, branch or tag)")->required();
  enqueue_cmd->add_option("--kind", enqueue.kind, "experiment, baseline or test")
      ->capture_default_str();
  enqueue_cmd->add_option("--scenario", enqueue.scenarios, "only this scenario (repeatable)");
  enqueue_cmd->add_option("--base", enqueue.base, "compare with this commit's master set");
  enqueue_cmd->footer(
      "Example:\n  perfgate enqueue --config perfgate.yaml --commit main --kind baseline\n"
      "  PERFGATE_API_TOKEN=... perfgate enqueue --server http://127.0.0.1:8080 "
      "--commit my-branch");

  JobCommandOptions job_options;
  // `example` is the command line after "perfgate NAME --config perfgate.yaml" or
  // "perfgate NAME --server URL"; `token` says whether the server needs the token for it.
  auto add_job_command = [&](const char* name, const char* help, const char* example, bool token) {
    CLI::App* command = app.add_subcommand(name, help);
    AddJobSourceOptions(*command, job_options.source);
    command->add_option("job", job_options.job, "job id, or a commit: its newest succeeded job")
        ->required();
    command->footer(
        fmt::format("Example:\n  perfgate {0} --config perfgate.yaml {1}\n"
                    "  {2}perfgate {0} --server http://127.0.0.1:8080 {1}",
                    name, example, token ? "PERFGATE_API_TOKEN=... " : ""));
    return command;
  };
  CLI::App* show_cmd =
      add_job_command("show", "Show a job: state, phases, comparison", "42", false);
  CLI::App* logs_cmd = add_job_command("logs", "Print a job's combined log", "42 --follow", false);
  logs_cmd->add_flag("-f,--follow", job_options.follow, "keep printing until the job ends");
  CLI::App* cancel_cmd = add_job_command(
      "cancel", "Cancel a queued job, or stop a running one within seconds", "42", true);
  CLI::App* retry_cmd =
      add_job_command("retry", "Queue a finished job again (a new job)", "42", true);

  ReplayWebhookOptions replay;
  CLI::App* replay_cmd = app.add_subcommand(
      "replay-webhook", "Feed a saved GitHub webhook payload through the webhook's path");
  AddConfigOption(*replay_cmd, replay.config);
  replay_cmd->add_option("file", replay.file, "the delivery's JSON body, as GitHub sent it")
      ->required();
  replay_cmd->add_option("--event", replay.event, "its X-GitHub-Event: push, pull_request, ...")
      ->required();
  replay_cmd->footer(
      "Example:\n  perfgate replay-webhook --config perfgate.yaml --event pull_request "
      "delivery.json");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? kExitOk : kExitError;
  }
  auto level = spdlog::level::from_str(log_level);
  SetLogLevel(level == spdlog::level::off && log_level != "off" ? spdlog::level::warn : level);

  if (*run_cmd) return RunCommand(run);
  if (*compare_cmd) return CompareCommand(compare);
  if (*history_cmd) return HistoryCommand(history);
  if (*jobs_cmd) return JobsCommand(jobs);
  if (*check_cmd) return CheckConfigCommand(check_path);
  if (*serve_cmd) return ServeCommand(service);
  if (*worker_cmd) return WorkerCommand(service);
  if (*enqueue_cmd) return EnqueueCommand(enqueue);
  if (*show_cmd) return ShowCommand(job_options);
  if (*logs_cmd) return LogsCommand(job_options);
  if (*cancel_cmd) return CancelCommand(job_options);
  if (*retry_cmd) return RetryCommand(job_options);
  if (*replay_cmd) return ReplayWebhookCommand(replay);
  return kExitError;
}

}  // namespace perfgate
