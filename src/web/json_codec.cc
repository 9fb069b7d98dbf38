#include "web/json_codec.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <ctime>

#include "report/format.h"

namespace perfgate {
namespace {

Json OptionalTime(const std::optional<TimePoint>& time) {
  return time ? Json(FormatTimestamp(*time)) : Json(nullptr);
}

Json OrNull(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

// Reads the JSON produced above back; each getter names the key it failed on.
class JobReader {
 public:
  explicit JobReader(const nlohmann::json& json) : json_(json) {}

  std::string Text(const char* key, bool nullable = false) {
    const nlohmann::json* value = Find(key);
    if (value == nullptr) return {};
    if (value->is_string()) return value->get<std::string>();
    if (!(nullable && value->is_null())) Fail(key, "a string");
    return {};
  }
  int64_t Integer(const char* key) {
    const nlohmann::json* value = Find(key);
    if (value != nullptr && value->is_number_integer()) return value->get<int64_t>();
    Fail(key, "an integer");
    return 0;
  }
  std::optional<TimePoint> Time(const char* key) {
    std::string text = Text(key, /*nullable=*/true);
    if (text.empty()) return std::nullopt;
    std::optional<TimePoint> time = ParseTimestamp(text);
    if (!time) Fail(key, "an RFC 3339 time");
    return time;
  }
  const nlohmann::json* Find(const char* key) {
    auto it = json_.find(key);
    if (it == json_.end()) {
      Fail(key, "present");
      return nullptr;
    }
    return &*it;
  }
  void Fail(const char* key, const char* expected) {
    if (!error_) {
      error_ = InvalidInput(std::string("\"") + key + "\" is not " + expected, "job JSON",
                            "the server and the client must be the same perfgate version");
    }
  }
  const std::optional<Error>& error() const { return error_; }

 private:
  const nlohmann::json& json_;
  std::optional<Error> error_;
};

}  // namespace

std::optional<TimePoint> ParseTimestamp(std::string_view text) {
  std::string copy(text);
  std::tm utc{};
  int millis = 0;
  int consumed = 0;
  if (std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &utc.tm_year, &utc.tm_mon,
                  &utc.tm_mday, &utc.tm_hour, &utc.tm_min, &utc.tm_sec, &consumed) != 6) {
    return std::nullopt;
  }
  std::string_view rest = text.substr(consumed);
  if (rest.size() == 5 && rest.front() == '.') {
    for (char c : rest.substr(1, 3)) {
      if (c < '0' || c > '9') return std::nullopt;
      millis = millis * 10 + (c - '0');
    }
    rest.remove_prefix(4);
  }
  if (rest != "Z") return std::nullopt;
  utc.tm_year -= 1900;
  utc.tm_mon -= 1;
  std::time_t seconds = timegm(&utc);
  return TimePoint(std::chrono::seconds(seconds)) + std::chrono::milliseconds(millis);
}

Json JobToJson(const Job& job) {
  return Json{{"id", job.id},
              {"kind", JobKindName(job.kind)},
              {"state", JobStateName(job.state)},
              {"commit", job.commit},
              {"ref", job.ref},
              {"scenarios", job.scenarios},
              {"base", OrNull(job.base_commit)},
              {"pull_request", job.pull_request ? Json(*job.pull_request) : Json(nullptr)},
              {"requested_by", job.requested_by},
              {"attempts", job.attempts},
              {"failure_reason", OrNull(job.failure_reason)},
              {"created_at", FormatTimestamp(job.created_at)},
              {"started_at", OptionalTime(job.started_at)},
              {"finished_at", OptionalTime(job.finished_at)},
              {"worker", OrNull(job.worker)},
              {"lease_expires_at", OptionalTime(job.lease_expires_at)},
              {"cancel_requested", job.cancel_requested}};
}

Result<Job> JobFromJson(const nlohmann::json& json) {
  if (!json.is_object()) {
    return std::unexpected(InvalidInput("a job is not a JSON object", "job JSON",
                                        "check that the URL points at a perfgate server"));
  }
  JobReader read(json);
  Job job;
  job.id = read.Integer("id");
  std::optional<JobKind> kind = ParseJobKind(read.Text("kind"));
  if (!kind) read.Fail("kind", "a job kind");
  job.kind = kind.value_or(JobKind::kExperiment);
  std::optional<JobState> state = ParseJobState(read.Text("state"));
  if (!state) read.Fail("state", "a job state");
  job.state = state.value_or(JobState::kQueued);
  job.commit = read.Text("commit");
  job.ref = read.Text("ref");
  if (const nlohmann::json* scenarios = read.Find("scenarios")) {
    if (!scenarios->is_array()) read.Fail("scenarios", "an array of strings");
    for (const nlohmann::json& name : *scenarios) {
      if (name.is_string()) {
        job.scenarios.push_back(name.get<std::string>());
      } else {
        read.Fail("scenarios", "an array of strings");
      }
    }
  }
  job.base_commit = read.Text("base", /*nullable=*/true);
  if (const nlohmann::json* pr = read.Find("pull_request"); pr && !pr->is_null()) {
    if (pr->is_number_integer()) {
      job.pull_request = pr->get<int>();
    } else {
      read.Fail("pull_request", "an integer or null");
    }
  }
  job.requested_by = read.Text("requested_by");
  job.attempts = static_cast<int>(read.Integer("attempts"));
  job.failure_reason = read.Text("failure_reason", /*nullable=*/true);
  job.created_at = read.Time("created_at").value_or(TimePoint{});
  job.started_at = read.Time("started_at");
  job.finished_at = read.Time("finished_at");
  job.worker = read.Text("worker", /*nullable=*/true);
  job.lease_expires_at = read.Time("lease_expires_at");
  if (const nlohmann::json* cancel = read.Find("cancel_requested")) {
    if (cancel->is_boolean()) {
      job.cancel_requested = cancel->get<bool>();
    } else {
      read.Fail("cancel_requested", "a boolean");
    }
  }
  if (read.error()) return std::unexpected(*read.error());
  return job;
}

Json RunToJson(const Run& run) {
  return Json{{"id", run.id},
              {"job", run.job_id},
              {"scenario", run.scenario},
              {"commit", run.commit},
              {"side", RunSideName(run.side)},
              {"state", RunStateName(run.state)},
              {"failure_reason", OrNull(run.failure_reason)},
              {"started_at", FormatTimestamp(run.started_at)},
              {"finished_at", OptionalTime(run.finished_at)}};
}

Json PhaseToJson(const PhaseRecord& phase) {
  return Json{{"scenario", OrNull(phase.scenario)},
              {"phase", phase.phase},
              {"repetition", phase.repetition < 0 ? Json(nullptr) : Json(phase.repetition)},
              {"started_at", FormatTimestamp(phase.started_at)},
              {"finished_at", OptionalTime(phase.finished_at)},
              {"error", OrNull(phase.error)}};
}

Json HistoryPointToJson(const HistoryPoint& point) {
  return Json{{"job", point.job_id},
              {"commit", point.commit},
              {"finished_at", FormatTimestamp(point.finished_at)},
              {"series", point.series},
              {"median", point.median},
              {"sample_count", point.sample_count}};
}

Json ChangePointToJson(const ChangePointRecord& change_point) {
  auto number = [](double value) { return std::isfinite(value) ? Json(value) : Json(nullptr); };
  return Json{{"job", change_point.job_id},
              {"commit", change_point.commit},
              {"series", change_point.series},
              {"mean_before", number(change_point.mean_before)},
              {"mean_after", number(change_point.mean_after)},
              {"change", number(change_point.change)},
              {"p_value", number(change_point.p_value)},
              {"detected_by", change_point.detected_by},
              {"detected_at", FormatTimestamp(change_point.detected_at)}};
}

}  // namespace perfgate
