// The service-wide sections: workers, jobs, analysis, server, github, alerts.
#include <algorithm>
#include <array>

#include "config/parse.h"

namespace perfgate {
namespace {

constexpr std::array<std::string_view, 7> kAuthorAssociations = {
    "OWNER",       "MEMBER", "COLLABORATOR", "CONTRIBUTOR", "FIRST_TIME_CONTRIBUTOR",
    "FIRST_TIMER", "NONE"};
constexpr std::array<std::string_view, 4> kAlertEvents = {"regression", "improvement", "failed",
                                                          "change_point"};

// Every item of a string list must be one of `allowed`.
std::optional<std::vector<std::string>> ReadWordList(const YamlField& field,
                                                     std::span<const std::string_view> allowed) {
  std::string fix = "a list of: " + JoinNames(allowed);
  auto words = ReadStringList(field, /*non_empty=*/true, fix);
  if (!words) return std::nullopt;
  std::vector<YamlField> items = field.Items();
  bool ok = true;
  for (size_t i = 0; i < words->size(); ++i) {
    if (std::ranges::find(allowed, (*words)[i]) != allowed.end()) continue;
    auto closest = ClosestName((*words)[i], allowed);
    items[i].Report(items[i].Describe() + " is not one of: " + JoinNames(allowed),
                    closest ? "did you mean `" + *closest + "`?" : fix);
    ok = false;
  }
  if (!ok) return std::nullopt;
  return words;
}

void ReadJobs(const YamlField& field, JobsConfig* jobs) {
  if (!field.ExpectMap("e.g. { lease: 30s, max_attempts: 3 }")) return;
  field.CheckKeys({"lease", "max_attempts"});
  ReadOptional(field.Child("lease"), &jobs->lease, [](const YamlField& f) {
    return ReadDuration(f, DurationMin::kPositive,
                        "how long a worker holds a job without a heartbeat, e.g. 30s");
  });
  ReadOptional(field.Child("max_attempts"), &jobs->max_attempts, [](const YamlField& f) {
    return ReadInteger(f, 1, "how often a job is tried before it fails, e.g. 3");
  });
}

void ReadAnalysis(const YamlField& field, AnalysisConfig* analysis) {
  if (!field.ExpectMap("e.g. { fdr: 0.01 }")) return;
  field.CheckKeys({"fdr"});
  std::string fix = "a false-discovery rate between 0 and 1, e.g. 0.01";
  ReadOptional(field.Child("fdr"), &analysis->fdr, [&](const YamlField& f) {
    auto fdr = ReadPositiveNumber(f, fix);
    if (fdr && *fdr >= 1) {
      f.Report(f.Describe() + " is not below 1", fix);
      return std::optional<double>();
    }
    return fdr;
  });
}

void ReadServer(const YamlField& field, ServerConfig* server) {
  if (!field.ExpectMap("e.g. { listen: 127.0.0.1:8080 }")) return;
  field.CheckKeys({"listen", "public_url", "api_token_env", "read_token_env"});
  ReadOptional(field.Child("listen"), &server->listen, [](const YamlField& f) {
    return ReadHostPort(f, "the address the web UI and API listen on, e.g. 127.0.0.1:8080");
  });
  server->public_url = "http://" + server->listen;
  ReadOptional(field.Child("public_url"), &server->public_url, [](const YamlField& f) {
    return ReadHttpUrl(f, "the URL people reach the web UI at, e.g. https://perf.example.com");
  });
  ReadOptional(field.Child("api_token_env"), &server->api_token_env, ReadEnvVarName);
  ReadOptional(field.Child("read_token_env"), &server->read_token_env, ReadEnvVarName);
}

void ReadGithub(const YamlField& field, GithubConfig* github) {
  if (!field.ExpectMap("e.g. { repository: OWNER/NAME }")) return;
  field.CheckKeys({"repository", "token_env", "webhook_secret_env", "rerun_command",
                   "trusted_associations", "allow_forks", "api_url"});
  std::string repository_fix = "the GitHub repository as OWNER/NAME";
  if (auto repository = field.Required("repository", repository_fix)) {
    ReadOptional(*repository, &github->repository, [&](const YamlField& f) {
      auto name = ReadString(f, repository_fix);
      size_t slash = name ? name->find('/') : std::string::npos;
      if (name && (slash == 0 || slash == std::string::npos || slash + 1 == name->size() ||
                   name->find('/', slash + 1) != std::string::npos)) {
        f.Report(f.Describe() + " is not OWNER/NAME", repository_fix);
        return std::optional<std::string>();
      }
      return name;
    });
  }
  ReadOptional(field.Child("token_env"), &github->token_env, ReadEnvVarName);
  ReadOptional(field.Child("webhook_secret_env"), &github->webhook_secret_env, ReadEnvVarName);
  ReadOptional(field.Child("rerun_command"), &github->rerun_command, [](const YamlField& f) {
    return ReadString(f, "the pull request comment that re-runs a job, e.g. /perf rerun");
  });
  ReadOptional(field.Child("trusted_associations"), &github->trusted_associations,
               [](const YamlField& f) { return ReadWordList(f, kAuthorAssociations); });
  ReadOptional(field.Child("allow_forks"), &github->allow_forks, ReadBool);
  ReadOptional(field.Child("api_url"), &github->api_url, [](const YamlField& f) {
    return ReadHttpUrl(f, "the GitHub REST API, e.g. https://api.github.com");
  });
}

void ReadAlerts(const YamlField& field, std::vector<AlertConfig>* alerts) {
  if (!field.ExpectList("a list of alerts",
                        "e.g. [{ url_env: PERFGATE_SLACK_URL, format: slack }]")) {
    return;
  }
  for (const YamlField& item : field.Items()) {
    AlertConfig alert;
    if (!item.ExpectMap("e.g. { url_env: PERFGATE_SLACK_URL, format: slack }")) continue;
    item.CheckKeys({"url_env", "format", "on"});
    if (auto url_env = item.Required("url_env",
                                     "the environment variable holding the webhook URL, e.g. "
                                     "PERFGATE_SLACK_URL")) {
      ReadOptional(*url_env, &alert.url_env, ReadEnvVarName);
    }
    ReadOptional(item.Child("format"), &alert.format, [](const YamlField& f) {
      return ReadEnum<AlertConfig::Format>(
          f, {{"slack", AlertConfig::Format::kSlack}, {"json", AlertConfig::Format::kJson}});
    });
    ReadOptional(item.Child("on"), &alert.on,
                 [](const YamlField& f) { return ReadWordList(f, kAlertEvents); });
    alerts->push_back(std::move(alert));
  }
}

}  // namespace

void ReadServerSections(const YamlField& document, Config* config) {
  ReadOptional(document.Child("workers"), &config->workers, [](const YamlField& f) {
    return ReadInteger(f, 1, "how many jobs run at once, e.g. 1");
  });
  if (YamlField jobs = document.Child("jobs"); jobs.present()) ReadJobs(jobs, &config->jobs);
  if (YamlField analysis = document.Child("analysis"); analysis.present()) {
    ReadAnalysis(analysis, &config->analysis);
  }
  if (YamlField server = document.Child("server"); server.present()) {
    ReadServer(server, &config->server);
  }
  if (YamlField github = document.Child("github"); github.present()) {
    ReadGithub(github, &config->github.emplace());
  }
  if (YamlField alerts = document.Child("alerts"); alerts.present()) {
    ReadAlerts(alerts, &config->alerts);
  }
}

}  // namespace perfgate
