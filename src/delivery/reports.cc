#include "delivery/reports.h"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "delivery/outbox_payloads.h"
#include "report/format.h"
#include "report/report.h"

namespace perfgate {
namespace {

std::vector<std::string> ScenariosOf(const Config& config, const Job& job) {
  if (!job.scenarios.empty()) return job.scenarios;
  std::vector<std::string> names;
  for (const ScenarioConfig& scenario : config.scenarios) names.push_back(scenario.name);
  return names;
}

bool ReportsToGithub(const Config& config, const Job& job) {
  return config.github && job.kind == JobKind::kTest;
}

OutboxRequest StatusMessage(const Config& config, const Job& job, const std::string& scenario,
                            const std::string& state, const std::string& description) {
  CommitStatus status{.sha = job.commit,
                      .state = state,
                      .context = "perfgate/" + scenario,
                      .description = Truncate(description, kMaxStatusDescription),
                      .target_url = JobPageUrl(config, job.id)};
  return OutboxRequest{.kind = OutboxKind::kGithubStatus,
                       .target = config.github->repository,
                       .key = "status " + job.commit + " " + status.context,
                       .payload = EncodeStatus(status),
                       .job = job.id};
}

// The regression of `scenario` with the largest change, if any.
const SeriesComparison* WorstRegression(const Comparison& comparison, const std::string& scenario) {
  const SeriesComparison* worst = nullptr;
  for (const SeriesComparison& series : comparison.series) {
    if (series.scenario != scenario || series.verdict != Verdict::kRegression) continue;
    if (!worst || std::fabs(series.estimate) > std::fabs(worst->estimate)) worst = &series;
  }
  return worst;
}

OutboxRequest FinalStatus(const Config& config, const JobEnding& ending,
                          const std::string& scenario) {
  const Job& job = ending.job;
  if (ending.state != JobState::kSucceeded) {
    return StatusMessage(config, job, scenario, "error",
                         std::string("job ") + JobStateName(ending.state) + ": " + ending.reason);
  }
  if (!ending.comparison) {
    return StatusMessage(config, job, scenario, "success",
                         "not compared: " + ending.no_comparison_reason);
  }
  if (const SeriesComparison* worst = WorstRegression(ending.comparison->comparison, scenario)) {
    return StatusMessage(config, job, scenario, "failure",
                         fmt::format("regression: {} {} {}", worst->metric, worst->series,
                                     FormatChange(worst->estimate)));
  }
  return StatusMessage(config, job, scenario, "success", "no regression");
}

std::string CommentBody(const Config& config, const JobEnding& ending) {
  const Job& job = ending.job;
  std::string links = fmt::format("\n[Job {}]({}) · [Comparison]({})\n", job.id,
                                  JobPageUrl(config, job.id), ComparisonPageUrl(config, job.id));
  std::string report;
  if (ending.state != JobState::kSucceeded) {
    // The comment outlives the push it was about: say which commit this was.
    report = fmt::format("### :warning: perfgate: job {} on {}\n\n{}", JobStateName(ending.state),
                         ShortCommit(job.commit), MarkdownCodeBlock(ending.reason));
  } else if (ending.comparison) {
    report = RenderMarkdown({*ending.comparison, config.repository.url});
  } else {
    report = "### perfgate: not compared\n\n" + ending.no_comparison_reason + "\n";
  }
  std::string head = std::string(kCommentMarker) + "\n";
  size_t room = kMaxCommentBody - head.size() - links.size();
  if (report.size() > room) {
    std::string cut = fmt::format(
        "\n\n*The report is too long for a comment: read it whole on "
        "[its page]({}).*\n",
        ComparisonPageUrl(config, job.id));
    report = Truncate(report, room - cut.size()) + cut;
  }
  return head + report + links;
}

std::string SlackText(const Config& config, const Job& job, const std::string& what) {
  return fmt::format("perfgate: {} job {} of {}: {} <{}>", JobKindName(job.kind), job.id,
                     ShortCommit(job.commit), what, JobPageUrl(config, job.id));
}

// The alerts whose `on` lists `trigger`; `json` is the body of those in json format.
void AddAlerts(const Config& config, const Job& job, const std::string& trigger,
               const std::string& slack_text, const std::string& json,
               std::vector<OutboxRequest>& out) {
  for (const AlertConfig& alert : config.alerts) {
    if (std::ranges::find(alert.on, trigger) == alert.on.end()) continue;
    std::string payload = alert.format == AlertConfig::Format::kSlack
                              ? nlohmann::json{{"text", slack_text}}.dump()
                              : json;
    out.push_back(OutboxRequest{.kind = OutboxKind::kAlert,
                                .target = alert.url_env,
                                .key = "alert " + alert.url_env,
                                .payload = std::move(payload),
                                .job = job.id});
  }
}

void AddEndingAlerts(const Config& config, const JobEnding& ending,
                     std::vector<OutboxRequest>& out) {
  const Job& job = ending.job;
  if (ending.state == JobState::kFailed) {
    std::string json = nlohmann::json{{"event", "failed"},
                                      {"job", job.id},
                                      {"commit", job.commit},
                                      {"reason", ending.reason},
                                      {"url", JobPageUrl(config, job.id)}}
                           .dump();
    AddAlerts(config, job, "failed", SlackText(config, job, "failed: " + ending.reason), json, out);
    return;
  }
  if (!ending.comparison) return;
  const Comparison& comparison = ending.comparison->comparison;
  std::string json = RenderJson({*ending.comparison, config.repository.url});
  std::string text = SlackText(config, job, Summary(comparison));
  if (comparison.HasRegression()) AddAlerts(config, job, "regression", text, json, out);
  if (comparison.Count(Verdict::kImprovement) > 0) {
    AddAlerts(config, job, "improvement", text, json, out);
  }
}

}  // namespace

std::string JobPageUrl(const Config& config, JobId job) {
  return config.server.public_url + "/jobs/" + std::to_string(job);
}

std::string ComparisonPageUrl(const Config& config, JobId job) {
  return JobPageUrl(config, job) + "/comparison";
}

std::string Truncate(const std::string& text, size_t limit) {
  if (text.size() <= limit) return text;
  constexpr std::string_view kEllipsis = "...";
  size_t cut = limit > kEllipsis.size() ? limit - kEllipsis.size() : 0;
  // Back off continuation bytes (10xxxxxx) so that no character is split.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + std::string(kEllipsis.substr(0, limit - cut));
}

std::vector<OutboxRequest> PendingReports(const Config& config, const Job& job,
                                          const std::string& phase) {
  std::vector<OutboxRequest> out;
  if (!ReportsToGithub(config, job)) return out;
  for (const std::string& scenario : ScenariosOf(config, job)) {
    out.push_back(StatusMessage(config, job, scenario, "pending", "perfgate: " + phase));
  }
  return out;
}

std::vector<OutboxRequest> FinalReports(const Config& config, const JobEnding& ending) {
  std::vector<OutboxRequest> out;
  const Job& job = ending.job;
  if (ReportsToGithub(config, job)) {
    for (const std::string& scenario : ScenariosOf(config, job)) {
      out.push_back(FinalStatus(config, ending, scenario));
    }
    if (job.pull_request) {
      PullRequestComment comment{.pull_request = *job.pull_request,
                                 .marker = std::string(kCommentMarker),
                                 .body = CommentBody(config, ending)};
      out.push_back(OutboxRequest{
          .kind = OutboxKind::kGithubComment,
          .target = config.github->repository,
          .key = "comment " + config.github->repository + "#" + std::to_string(*job.pull_request),
          .payload = EncodeComment(comment),
          .job = job.id});
    }
  }
  AddEndingAlerts(config, ending, out);
  return out;
}

std::vector<OutboxRequest> QueueChangeReports(const Config& config, const Job& job) {
  switch (job.state) {
    case JobState::kQueued:
      return PendingReports(config, job, "queued");
    case JobState::kCancelled:
      return FinalReports(
          config, {.job = job,
                   .state = JobState::kCancelled,
                   .reason = job.failure_reason.empty() ? "cancelled" : job.failure_reason});
    default:
      return {};
  }
}

OutboxRequest ReplyReport(const Config& config, int pull_request, int64_t comment,
                          const std::string& body) {
  std::string marker = fmt::format("<!-- perfgate reply to comment {} -->", comment);
  return OutboxRequest{
      .kind = OutboxKind::kGithubComment,
      .target = config.github->repository,
      .key = fmt::format("reply {}#{}", config.github->repository, comment),
      .payload = EncodeComment(
          {.pull_request = pull_request, .marker = marker, .body = marker + "\n" + body}),
      .job = std::nullopt};
}

std::vector<OutboxRequest> ChangePointReports(const Config& config, const Job& job,
                                              const std::vector<ChangePointRecord>& change_points) {
  std::vector<OutboxRequest> out;
  for (const ChangePointRecord& change_point : change_points) {
    std::string what = fmt::format(
        "change point in {}/{} {} at {}: {}", change_point.scenario, change_point.metric,
        change_point.series, ShortCommit(change_point.commit), FormatChange(change_point.change));
    std::string json = nlohmann::json{{"event", "change_point"},
                                      {"scenario", change_point.scenario},
                                      {"metric", change_point.metric},
                                      {"series", change_point.series},
                                      {"commit", change_point.commit},
                                      {"job", change_point.job_id},
                                      {"detected_by", change_point.detected_by},
                                      {"mean_before", change_point.mean_before},
                                      {"mean_after", change_point.mean_after},
                                      {"change", change_point.change},
                                      {"p_value", change_point.p_value}}
                           .dump();
    AddAlerts(config, job, "change_point", SlackText(config, job, what), json, out);
  }
  return out;
}

}  // namespace perfgate
